/**
 * The pure cores of the model-backed `KPB.*` worksheet functions: each takes the latest run (a
 * `FigureContext`) and the arguments as Excel passes them, and returns a number, a matrix or a
 * typed error. functions.ts only wraps these in streaming invocations and converts the errors.
 *
 * Conventions (the README lists them per function):
 * - Every number is the very number the `KPB …` sheets hold for the same figure: unit costs and
 *   ratios to 12 decimals, money in kronor to the öre (round further with a number format).
 * - Shares are fractions (0.25 = 25 %), for a % number format, as on the `KPB …` sheets.
 * - Text arguments are matched case- and accent-insensitively ("hemtjanst" = "Hemtjänst").
 * - Unknown pool, intervention, unit, area, client or key figure: #N/A with a message naming
 *   what exists. A bad argument: #VALUE!. A zero denominator: #DIV/0!. Never a silent 0.
 */
import {
  BRYTPUNKT_IDS,
  bundledPublished,
  compareFigure,
  containsPersonalIdentityNumber,
  Dec,
  figureBenchmark,
  fold,
  forMoney,
  interventions,
  FORMER_FIGURE_NAMES,
  KEY_FIGURE_NAMES,
  microToDec,
  oreToDec,
  oreToKr,
  pseudonym,
  Rational,
  ratioOrNull,
  ratioString,
  readArea,
  sumRational,
  unitCostBenchmark,
  unitCostOf as engineUnitCost,
  unitCostPotential,
  type BenchmarkContext,
  type ConsumptionRow,
  type KeyFigure,
  type KpbResult,
  type OutlierScope,
  type PoolResult,
} from "../engine";
import { functionMessage, type MeasureUnit } from "./messages";
import {
  divisionByZero,
  invalidValue,
  isFigureError,
  notAvailable,
  textArg,
  type Arg,
  type Cell,
  type FigureResult,
} from "./figure-values";

/** What the functions read: the latest published run and the workbook's pseudonym secret. */
export interface FigureContext {
  result: KpbResult;
  pseudonymSecret?: string;
}

// ---------------------------------------------------------------------------------------------
// Unit costs per hour / per day

interface Measure {
  /** The volume the measure counts, as messages name it. */
  label: MeasureUnit;
  /** Folded volume units (Insatskatalog Volymenhet) the measure accepts. */
  units: ReadonlySet<string>;
  /** The catalogue key figure whose intervention is the default, and the fallback name. */
  defaultFigure: string;
  defaultIntervention: string;
  /** The function (its English id) to use instead when the intervention is measured in something else. */
  other: string;
}

const PER_HOUR: Measure = {
  label: "hour",
  units: new Set(["timmar", "timme", "tim", "h"]),
  defaultFigure: "hemtjanst_egen_kr_timme",
  defaultIntervention: "Hemtjänst",
  other: "COSTPERDAY",
};

const PER_DAY: Measure = {
  label: "day",
  units: new Set(["dygn", "dagar", "dag", "varddygn"]),
  defaultFigure: "sabo_egen_kr_dygn_inkl_hsl",
  defaultIntervention: "Särskilt boende",
  other: "COSTPERHOUR",
};

type RegiChoice = "egen" | "annan" | "alla";

/** Words accepted in the unit argument to choose the regi instead of one unit. */
const REGI_WORDS: Record<string, RegiChoice> = {
  egen: "egen",
  "egen regi": "egen",
  annan: "annan",
  "annan regi": "annan",
  alla: "alla",
  all: "alla",
  "egen och annan regi": "alla",
  "egen och annan": "alla",
};

interface PoolChoice {
  /** The intervention as the run names it. */
  insats: string;
  pools: PoolResult[];
}

const interventionPoolsOf = (result: KpbResult) => result.pools.filter((p) => p.kind === "insats");
const unique = (items: string[]) => [...new Set(items)];

/** The pool whose id (or else Enhet) is `text`; #VALUE! when the Enhet text names several pools. */
function findPool(pools: readonly PoolResult[], text: string): FigureResult<PoolResult | null> {
  const f = fold(text);
  const byId = pools.find((p) => fold(p.pool) === f);
  if (byId) return byId;
  const byUnit = pools.filter((p) => p.enhet !== "" && fold(p.enhet) === f);
  if (byUnit.length > 1) {
    return invalidValue(functionMessage("unitNamesSeveralPools", { unit: text, pools: byUnit.map((p) => p.pool) }));
  }
  return byUnit[0] ?? null;
}

/** The intervention behind a catalogue key figure (its scope is "<Insats>, egen regi"). */
function interventionOfFigure(result: KpbResult, figureId: string): string | null {
  const figure = result.keyFigures.find((f) => f.id === figureId);
  return figure ? figure.scope.replace(/, egen regi$/, "") : null;
}

function checkUnits(pools: PoolResult[], measure: Measure | null): FigureResult<true> {
  if (!measure) return true;
  for (const p of pools) {
    if (!measure.units.has(fold(p.volumeUnit))) {
      return invalidValue(functionMessage("wrongVolumeUnit", { insats: p.insats, pool: p.pool, volumeUnit: p.volumeUnit, measure: measure.label, other: measure.other }));
    }
  }
  return true;
}

/**
 * The pools an (intervention, unit) pair means: the intervention's pools in egen regi by default;
 * the unit argument is a pool id, an Enhet text, or "egen" / "annan" / "alla" for a regi. Without
 * an intervention, a unit argument may name any pool measured in the right unit; otherwise the
 * measure's default intervention is used.
 */
function choosePools(result: KpbResult, interventionArg: Arg, unitArg: Arg, measure: Measure | null): FigureResult<PoolChoice> {
  const interventionText = textArg(interventionArg, "Insats", measure !== null);
  if (isFigureError(interventionText)) return interventionText;
  const unitText = textArg(unitArg, "Enhet", true);
  if (isFigureError(unitText)) return unitText;
  const regi: RegiChoice | null = unitText === null ? null : REGI_WORDS[fold(unitText)] ?? null;
  const poolText = regi === null ? unitText : null;
  const all = interventionPoolsOf(result);

  let intervention: string;
  if (interventionText === null) {
    if (poolText !== null) {
      const pool = findPool(all.filter((p) => measure === null || measure.units.has(fold(p.volumeUnit))), poolText);
      if (isFigureError(pool)) return pool;
      if (!pool) return notAvailable(functionMessage("noPoolMeasured", { pool: poolText, measure: measure?.label ?? null }));
      return { insats: pool.insats, pools: [pool] };
    }
    intervention = interventionOfFigure(result, measure!.defaultFigure) ?? measure!.defaultIntervention;
  } else {
    intervention = interventionText;
  }

  const same = all.filter((p) => fold(p.insats) === fold(intervention));
  if (same.length === 0) {
    // A pool id or Enhet in the intervention argument ("HT_NORR") means that pool.
    const pool = unitText === null ? findPool(all, intervention) : null;
    if (isFigureError(pool)) return pool;
    if (pool) {
      const ok = checkUnits([pool], measure);
      return isFigureError(ok) ? ok : { insats: pool.insats, pools: [pool] };
    }
    return notAvailable(functionMessage("unknownIntervention", { insats: intervention, known: unique(all.map((p) => p.insats)) }));
  }
  const name = same[0].insats;
  let pools: PoolResult[];
  if (poolText !== null) {
    const pool = findPool(same, poolText);
    if (isFigureError(pool)) return pool;
    if (!pool) {
      return notAvailable(functionMessage("interventionHasNoPool", { insats: name, pool: poolText, known: same.map((p) => p.pool) }));
    }
    pools = [pool];
  } else {
    const chosen = regi ?? "egen";
    pools = chosen === "alla" ? same : same.filter((p) => p.regi === chosen);
    if (pools.length === 0) {
      return notAvailable(functionMessage("noPoolsInRegi", { insats: name, regi: chosen }));
    }
  }
  const ok = checkUnits(pools, measure);
  return isFigureError(ok) ? ok : { insats: name, pools };
}

/**
 * The unit cost of the pools from the engine's one unit-cost function (src/engine/unit-costs.ts:
 * Σ cost ÷ Σ volume over the pools with volume), so the value is the very number the KPB sheets
 * show for the same pools.
 */
function unitCostOf(choice: PoolChoice): FigureResult<number> {
  const value = engineUnitCost(choice.pools).value;
  if (value === null) return divisionByZero(functionMessage("noVolume", { what: choice.insats }));
  return Number(value);
}

/** `=KPB.COSTPERHOUR([insats];[enhet])`: kr per hour; default hemtjänst, egen regi, all units. */
export function costPerHour(ctx: FigureContext, intervention: Arg, unit: Arg): FigureResult<number> {
  const choice = choosePools(ctx.result, intervention, unit, PER_HOUR);
  return isFigureError(choice) ? choice : unitCostOf(choice);
}

/** `=KPB.COSTPERDAY([insats];[enhet])`: kr per day; default särskilt boende, egen regi, all units. */
export function costPerDay(ctx: FigureContext, intervention: Arg, unit: Arg): FigureResult<number> {
  const choice = choosePools(ctx.result, intervention, unit, PER_DAY);
  return isFigureError(choice) ? choice : unitCostOf(choice);
}

/** `=KPB.UNITCOST(pool)`: the pool's unit cost (pool id or Enhet text). */
export function unitCost(ctx: FigureContext, poolArg: Arg): FigureResult<number> {
  const text = textArg(poolArg, "Pool", false);
  if (isFigureError(text)) return text;
  const pool = findPool(ctx.result.pools, text!);
  if (isFigureError(pool)) return pool;
  if (!pool) return notAvailable(functionMessage("unknownPool", { pool: text!, known: interventionPoolsOf(ctx.result).map((p) => p.pool) }));
  if (pool.kind === "stöd") return notAvailable(functionMessage("supportPool", { pool: pool.pool }));
  if (pool.unitCost === null) return divisionByZero(functionMessage("noVolume", { what: pool.pool }));
  return Number(pool.unitCost);
}

// ---------------------------------------------------------------------------------------------
// Clients

/** The spellings of a personnummer that the engine may have pseudonymised (with and without century). */
function identityVariants(text: string): string[] {
  const compact = text.replace(/[\s\-+]/g, "");
  const variants = [text, compact];
  if (/^\d{12}$/.test(compact)) variants.push(compact.slice(2));
  if (/^\d{10}$/.test(compact)) variants.push(`19${compact}`, `20${compact}`);
  return unique(variants);
}

/**
 * `=KPB.CLIENTCOST(brukarID)`: the client's annual cost (kr). Accepts the id shown on `KPB Brukare`
 * (a pseudonym when the input held personnummer) or the original personnummer, which is mapped
 * with the workbook's secret. Messages never repeat a personnummer.
 */
export function clientCost(ctx: FigureContext, idArg: Arg): FigureResult<number> {
  const text = textArg(idArg, "BrukarID", false);
  if (isFigureError(text)) return text;
  const id = text!;
  const clients = ctx.result.clients;
  const shown = clients.find((c) => c.id === id) ?? clients.find((c) => fold(c.id) === fold(id));
  if (shown) return oreToKr(shown.totalOre);
  if (containsPersonalIdentityNumber(id)) {
    const secret = ctx.pseudonymSecret;
    if (!secret) return notAvailable(functionMessage("pseudonymKeyMissing"));
    const ids = new Set(identityVariants(id).map((v) => pseudonym(v, secret)));
    const client = clients.find((c) => ids.has(c.id));
    if (client) return oreToKr(client.totalOre);
    return notAvailable(functionMessage("personalNumberNotFound"));
  }
  return notAvailable(functionMessage("unknownClient", { client: id }));
}

// ---------------------------------------------------------------------------------------------
// Consumption per area and age group

const ALL_AGES = new Set(["alla", "alla aldrar", "all", "totalt", "total", "samtliga"]);

/** "80+", "80–w", "80-", "80-w år" → "80-w"; "alla åldrar" → "alla". */
function normaliseAgeGroup(text: string): string {
  let t = fold(text).replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s*(ar|år)$/, "").replace(/\s+/g, "");
  if (ALL_AGES.has(fold(text)) || ALL_AGES.has(t)) return "alla";
  t = t.replace(/\+$/, "-w").replace(/-$/, "-w");
  return t;
}

function consumptionRow(ctx: FigureContext, areaArg: Arg, groupArg: Arg): FigureResult<ConsumptionRow> {
  const areaText = textArg(areaArg, "Område", false);
  if (isFigureError(areaText)) return areaText;
  const rows = ctx.result.consumption;
  const areas = unique(rows.map((r) => r.area));
  const f = fold(areaText!);
  // The same area reader as the catalogue and Mottagare: "Äldreomsorg", "ÄO", "äo" …
  const named = readArea(areaText!);
  const area = areas.find((a) => fold(a) === f || (named !== null && a === named));
  if (!area) return notAvailable(functionMessage("unknownArea", { area: areaText!, known: areas }));

  const groups = ctx.result.settings.ageGroups;
  let group: string;
  if (groupArg === null || groupArg === undefined || groupArg === "" || groupArg === 0) {
    // Omitted, or an empty cell (which Excel may pass as 0): all ages. Age 0 is asked as "0-19".
    group = "alla";
  } else if (typeof groupArg === "number") {
    // An age: the group that contains it.
    const age = groupArg;
    const found = Number.isFinite(age) && age >= 0 ? groups.find((g) => age >= g.from && (g.to === null || age <= g.to)) : undefined;
    if (!found) return notAvailable(functionMessage("noGroupForAge", { age, groups: groups.map((g) => g.label) }));
    group = found.label;
  } else {
    const text = textArg(groupArg, "Åldersgrupp", true);
    if (isFigureError(text)) return text;
    const wanted = normaliseAgeGroup(text!);
    const label = wanted === "alla" ? "alla" : groups.map((g) => g.label).find((l) => normaliseAgeGroup(l) === wanted);
    if (!label) return notAvailable(functionMessage("unknownAgeGroup", { group: text!, groups: [...groups.map((g) => g.label), "alla"] }));
    group = label;
  }
  const row = rows.find((r) => r.area === area && r.ageGroup === group);
  if (!row) return notAvailable(functionMessage("nobodyInGroup", { area, group }));
  return row;
}

/**
 * The three consumption measures of a row, computed exactly as the KPB Konsumtion sheet computes
 * them (src/engine/benchmark/consumption.ts: exact rationals, 12 decimals), so a cell with the
 * function and the sheet's cell hold the same number.
 */
function measure(row: ConsumptionRow, which: "perClient" | "perInhabitant" | "share"): FigureResult<number> {
  const cost = Rational.ore(row.costOre);
  const clients = Rational.of(row.clients);
  const inhabitants = Rational.of(row.inhabitants);
  const where = `${row.area}, ${row.ageGroup}`;
  if (which === "perClient") {
    const value = ratioOrNull(cost, clients);
    return value ? Number(value.toString()) : divisionByZero(functionMessage("noClients", { where }));
  }
  if (which === "perInhabitant") {
    const value = ratioOrNull(cost, inhabitants);
    return value ? Number(value.toString()) : divisionByZero(functionMessage("noInhabitants", { where }));
  }
  const share = ratioOrNull(clients, inhabitants);
  // As a percent string first (like the sheet), then the fraction a % format shows.
  return share ? Rational.parse(share.times(Rational.HUNDRED).toString()).div(Rational.HUNDRED).toNumber() : divisionByZero(functionMessage("noInhabitants", { where }));
}

/** `=KPB.COSTPERCLIENT(område;[åldersgrupp])`: Σ client cost ÷ distinct clients (kr). */
export function costPerClient(ctx: FigureContext, area: Arg, ageGroup: Arg): FigureResult<number> {
  const row = consumptionRow(ctx, area, ageGroup);
  return isFigureError(row) ? row : measure(row, "perClient");
}

/** `=KPB.COSTPERINHABITANT(område;[åldersgrupp])`: Σ cost ÷ inhabitants (kr). */
export function costPerInhabitant(ctx: FigureContext, area: Arg, ageGroup: Arg): FigureResult<number> {
  const row = consumptionRow(ctx, area, ageGroup);
  return isFigureError(row) ? row : measure(row, "perInhabitant");
}

/** `=KPB.CLIENTSHARE(område;[åldersgrupp])`: distinct clients ÷ inhabitants, as a fraction. */
export function clientShare(ctx: FigureContext, area: Arg, ageGroup: Arg): FigureResult<number> {
  const row = consumptionRow(ctx, area, ageGroup);
  return isFigureError(row) ? row : measure(row, "share");
}

// ---------------------------------------------------------------------------------------------
// Outliers

const OUTLIER_FIGURE: Record<OutlierScope, string> = {
  "ÄO ordinärt boende": "ytterfall_ordinart_andel",
  "ÄO särskilt boende": "ytterfall_sabo_andel",
  LSS: "ytterfall_lss_andel",
  IFO: "ytterfall_ifo_andel",
};

const OUTLIER_WORDS: Record<string, OutlierScope> = {};
for (const [scope, words] of Object.entries({
  "ÄO ordinärt boende": ["äo ordinärt boende", "ordinärt boende", "ordinärt", "äo ordinärt"],
  "ÄO särskilt boende": ["äo särskilt boende", "särskilt boende", "särskilt", "äo särskilt", "säbo", "äo säbo"],
  LSS: ["lss"],
  IFO: ["ifo"],
}) as [OutlierScope, string[]][]) {
  for (const w of [...words, OUTLIER_FIGURE[scope]]) OUTLIER_WORDS[fold(w)] = scope;
}

/** `=KPB.OUTLIERSHARE(avgränsning)`: share of the scope's clients above its cost limit (fraction). */
export function outlierShare(ctx: FigureContext, scopeArg: Arg): FigureResult<number> {
  const text = textArg(scopeArg, "Avgränsning", false);
  if (isFigureError(text)) return text;
  const scope = OUTLIER_WORDS[fold(text!)];
  if (!scope) return invalidValue(functionMessage("unknownScope", { scope: text!, scopes: Object.keys(OUTLIER_FIGURE) }));
  const figure = ctx.result.keyFigures.find((f) => f.id === OUTLIER_FIGURE[scope]);
  if (!figure) return notAvailable(functionMessage("noClientsInScope", { scope }));
  return figureNumber(figure.unit, figure.value);
}

/** What KPB.BREAKEVEN returns: the brytpunkt itself, the clients above it, or their cost above it. */
const BRYTPUNKT_MEASURES: Record<string, string> = {
  "": BRYTPUNKT_IDS.value,
  brytpunkt: BRYTPUNKT_IDS.value,
  "kr/ar": BRYTPUNKT_IDS.value,
  kr: BRYTPUNKT_IDS.value,
  antal: BRYTPUNKT_IDS.count,
  brukare: BRYTPUNKT_IDS.count,
  merkostnad: BRYTPUNKT_IDS.excess,
};

/** The brytpunkt key figures (analyses/brytpunkt.ts): kr per year by default. */
export function breakEven(ctx: FigureContext, measureArg: Arg): FigureResult<number> {
  const text = textArg(measureArg, "Mått", true);
  if (isFigureError(text)) return text;
  const id = BRYTPUNKT_MEASURES[fold(text ?? "")];
  if (!id) return invalidValue(functionMessage("unknownMeasure", { measure: text! }));
  const figure = ctx.result.keyFigures.find((f) => f.id === id);
  if (!figure) return notAvailable(functionMessage("noBreakEven"));
  return Number(figure.value);
}

// ---------------------------------------------------------------------------------------------
// Key figures and benchmarks (through src/engine/benchmark, as on KPB Översikt and KPB Potential)

/** A key figure's value as a cell: percentages as fractions (for a % format), like KPB Översikt. */
export function figureNumber(unit: string, value: string): number {
  return unit === "%" ? Rational.parse(value).div(Rational.HUNDRED).toNumber() : Number(value);
}

/** A name the figure had before: formulas in saved workbooks keep finding it. */
const formerName = (id: string, folded: string) => (FORMER_FIGURE_NAMES[id] ?? []).some((n) => fold(n) === folded);

function findFigure(result: KpbResult, text: string): KeyFigure | undefined {
  const f = fold(text);
  return result.keyFigures.find((k) => fold(k.id) === f || fold(k.name) === f || (k.kolada !== undefined && fold(k.kolada) === f) || formerName(k.id, f));
}

/**
 * Where benchmarks come from, as in the result sheets: the workbook's `Jämförelse` rows (the run's
 * year, else the latest), then the KPB averages bundled with the add-in (the run's year or at most
 * a few years earlier).
 */
function benchmarkContext(result: KpbResult): BenchmarkContext {
  return { rows: result.benchmark, year: result.year, published: bundledPublished };
}

/** A figure the run did not compute but whose id is known (for a benchmark of it alone). */
function knownFigure(text: string): KeyFigure | undefined {
  const f = fold(text);
  const entry = Object.entries(KEY_FIGURE_NAMES).find(([id, k]) => fold(id) === f || fold(k.name) === f || (k.kolada !== undefined && fold(k.kolada) === f) || formerName(id, f));
  if (!entry) return undefined;
  const [id, k] = entry;
  return { id, name: k.name, scope: "", value: "0", unit: k.unit, ...(k.kolada ? { kolada: k.kolada } : {}) };
}

const noBenchmark = (what: string) => notAvailable(functionMessage("noBenchmark", { what }));

/** `=KPB.BENCHMARK(nyckeltal)`: the benchmark value, in the key figure's unit (% as a fraction). */
export function benchmark(ctx: FigureContext, figureArg: Arg): FigureResult<number> {
  const text = textArg(figureArg, "Nyckeltal", false);
  if (isFigureError(text)) return text;
  const figure = findFigure(ctx.result, text!) ?? knownFigure(text!);
  if (!figure) return notAvailable(functionMessage("unknownKeyFigure", { figure: text! }));
  const comparison = compareFigure(figure, figureBenchmark(ctx.result, figure, benchmarkContext(ctx.result)));
  if (comparison.benchmark === null) return noBenchmark(figure.name);
  return figureNumber(figure.unit, comparison.benchmark);
}

/** `=KPB.INDEXTAL(nyckeltal)` (English `KPB.BENCHMARKINDEX`): own value ÷ benchmark (1 = same as the benchmark), as on KPB Översikt. */
export function index(ctx: FigureContext, figureArg: Arg): FigureResult<number> {
  const text = textArg(figureArg, "Nyckeltal", false);
  if (isFigureError(text)) return text;
  const figure = findFigure(ctx.result, text!);
  if (!figure) return notAvailable(functionMessage("keyFigureNotInRun", { figure: text! }));
  const comparison = compareFigure(figure, figureBenchmark(ctx.result, figure, benchmarkContext(ctx.result)));
  if (comparison.benchmark === null) return noBenchmark(figure.name);
  if (comparison.index === null) return divisionByZero(functionMessage("benchmarkIsZero", { figure: figure.name }));
  return Number(comparison.index);
}

/**
 * `=KPB.POTENTIAL(insats;[enhet])`: what the intervention (egen regi by default) or one unit would
 * cost less at the benchmark's unit cost: (own unit cost − benchmark unit cost) × own volume, and
 * 0 where the own unit cost is at or below the benchmark. In kr to the öre, the number on
 * KPB Potential (src/engine/benchmark/potential.ts).
 */
export function potential(ctx: FigureContext, interventionArg: Arg, unitArg: Arg): FigureResult<number> {
  const choice = choosePools(ctx.result, interventionArg, unitArg, null);
  if (isFigureError(choice)) return choice;
  const bctx = benchmarkContext(ctx.result);
  const intervention = interventions(ctx.result).find((i) => fold(i.insats) === fold(choice.insats));
  const regi = choice.pools[0].regi;
  const sameRegi = choice.pools.every((p) => p.regi === regi);
  const onePoolId = choice.pools.length === 1 ? choice.pools[0].pool : undefined;
  // The benchmark from the one lookup, for the same scope as the sheet's row; as on KPB Potential,
  // a published average older than the age limit drives no money.
  const pStar = intervention ? unitCostBenchmark(ctx.result, { insats: intervention.insats, regi: sameRegi ? regi : "alla", ...(onePoolId ? { pool: onePoolId } : {}) }, forMoney(bctx)) : null;
  if (!intervention || !pStar) return noBenchmark(choice.insats);
  const own = engineUnitCost(choice.pools);
  if (own.exact === null) return divisionByZero(functionMessage("noVolume", { what: choice.insats }));
  // Same rows as the sheet where it has them (one pool; one regi), else the same formula.
  const { pools: poolRows, interventions: regiRows } = unitCostPotential(ctx.result, bctx);
  const onePool = onePoolId ? poolRows.find((r) => r.pool === onePoolId) : undefined;
  const wholeRegi = sameRegi && choice.pools.length === intervention.pools.filter((p) => p.regi === regi).length;
  const row = onePool ?? (wholeRegi ? regiRows.find((r) => fold(r.insats) === fold(intervention.insats) && r.regi === regi) : undefined);
  if (row && row.potentialOre !== null) return oreToKr(row.potentialOre);
  const cost = Rational.ore(own.costOre);
  const volume = Rational.micro(own.volumeMicro);
  return oreToKr(cost.minus(Rational.parse(pStar.value).times(volume)).max(Rational.ZERO).toOre());
}

export const KEY_FIGURE_HEADER = ["Id", "Nyckeltal", "Avgränsning", "Värde", "Enhet"] as const;

/** `=KPB.KEYFIGURES()`: header row + one row per key figure (id, name, scope, value, unit). */
export function keyFigureTable(ctx: FigureContext): Cell[][] {
  return [
    [...KEY_FIGURE_HEADER],
    ...ctx.result.keyFigures.map((f): Cell[] => [f.id, f.name, f.scope, figureNumber(f.unit, f.value), f.unit]),
  ];
}
