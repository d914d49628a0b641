import type { BenchmarkRow, ConsumptionRow, KpbResult } from "../model";
import { consumedByGroup, interventions, type Intervention } from "./interventions";
import { interventionUnitCost } from "../unit-costs";
import { unitCostBenchmark } from "./figure-benchmark";
import { firstBenchmark, forMoney, type BenchmarkContext, type BenchmarkValue, type PublishedLookup } from "./lookup";
import { Rational, ratioOrNull, str, sumRational } from "./rational";

/**
 * Index decomposition of cost per inhabitant (kpb-method.md §4): with own unit costs p and volumes
 * per inhabitant q per intervention, and the benchmark's p* and q*,
 *
 *   styckkostnadsindex  P = Σp·q  ÷ Σp*·q
 *   konsumtionsindex    Q = Σp*·q ÷ Σp*·q*
 *   P × Q = Σp·q ÷ Σp*·q* = own cost per inhabitant ÷ benchmark cost per inhabitant, exactly.
 *
 * P answers "what would our consumption cost at the benchmark's prices" (a Laspeyres-type price
 * index on our own volumes), Q "how much more do we consume, valued at the benchmark's prices".
 *
 * What the workbook must hold (`Jämförelse`, column Nyckeltal), per intervention in the catalogue:
 *  - p*: the intervention's unit-cost key figure (`hemtjanst_egen_kr_timme`, its Kolada id or its
 *    name), or `styckkostnad:<Insats>` (also `:alla`, `:egen`), in kr per volume unit;
 *  - q*: `volym_per_invanare:<Insats>:<åldersgrupp>` (hours, days … per inhabitant of the age
 *    group, in the catalogue's volume unit; `volym_per_invanare:<Insats>` = all ages), or for 80+
 *    `hemtjanst_timmar_per_inv_80` / `sabo_dygn_per_inv_80`; failing these q* is derived as
 *    `kostnad_per_invanare:<Område>/<Insats>:<åldersgrupp>` ÷ p*, or as
 *    `kostnad_per_brukare:<Område>/<Insats>:<åldersgrupp>` × `andel_brukare:…` (%) ÷ 100 ÷ p*.
 * The workbook's rows win over the bundled published averages for every one of these ids.
 * Interventions without both p* and q* are left out of P and Q (listed in `excluded`) and the
 * own cost per inhabitant of the decomposition covers only the included ones (`coveredShare`).
 *
 * Own p is the intervention's cost that reached the age group's clients ÷ their volume, over all
 * its pools (egen and annan regi), so Σp·q is exactly the own cost per inhabitant of the covered
 * interventions; the benchmark p* is the published (egen regi) figure.
 */
export interface DecompositionItem {
  insats: string;
  keyFigure: string;
  volumeUnit: string;
  /** Own unit cost p (kr per volume unit) for this age group's clients; null without volume. */
  unitCost: string | null;
  /** Own volume per inhabitant q. */
  volumePerInhabitant: string;
  /** p·q = own cost per inhabitant of this intervention. */
  costPerInhabitant: string;
  benchmarkUnitCost: string | null;
  benchmarkVolumePerInhabitant: string | null;
  /** p*·q*. */
  benchmarkCostPerInhabitant: string | null;
  unitCostSource: BenchmarkValue | null;
  volumeSource: BenchmarkValue | null;
  /** How q* was found: given, or derived from cost per inhabitant (or per client × share) ÷ p*. */
  volumeBasis: "volym" | "kostnad_per_invanare" | "kostnad_per_brukare_x_andel" | null;
  included: boolean;
}

export interface Decomposition {
  area: string;
  ageGroup: string;
  inhabitants: number;
  items: DecompositionItem[];
  /** Σp·q over the included interventions. */
  ownCostPerInhabitant: string;
  /** Σp*·q over the included interventions: own consumption at the benchmark's unit costs. */
  atBenchmarkUnitCost: string;
  /** Σp*·q* over the included interventions. */
  benchmarkCostPerInhabitant: string;
  unitCostIndex: string | null;
  consumptionIndex: string | null;
  /** Σp·q ÷ Σp*·q* (= P × Q exactly). */
  costIndex: string | null;
  /** Included Σp·q ÷ the area's whole own cost per inhabitant (1 when every intervention is covered). */
  coveredShare: string | null;
  excluded: string[];
}

/** The exact core: P, Q and Σpq ÷ Σp*q* from the four vectors. */
export interface IndexTerms {
  p: Rational;
  q: Rational;
  pStar: Rational;
  qStar: Rational;
}

export interface IndexResult {
  own: Rational;
  atBenchmarkUnitCost: Rational;
  benchmark: Rational;
  unitCostIndex: Rational | null;
  consumptionIndex: Rational | null;
  costIndex: Rational | null;
}

export function indexDecomposition(terms: IndexTerms[]): IndexResult {
  const own = sumRational(terms.map((t) => t.p.times(t.q)));
  const atBenchmarkUnitCost = sumRational(terms.map((t) => t.pStar.times(t.q)));
  const benchmark = sumRational(terms.map((t) => t.pStar.times(t.qStar)));
  return {
    own,
    atBenchmarkUnitCost,
    benchmark,
    unitCostIndex: ratioOrNull(own, atBenchmarkUnitCost),
    consumptionIndex: ratioOrNull(atBenchmarkUnitCost, benchmark),
    costIndex: ratioOrNull(own, benchmark),
  };
}

/** The age-group label that is "80 and older" in the run's settings (for the 80+ volume figures). */
function is80Plus(result: KpbResult, group: string): boolean {
  const g = result.settings.ageGroups.find((x) => x.label === group);
  return !!g && g.from === 80 && g.to === null;
}

const VOLUME_80: Record<string, string> = {
  hemtjanst_egen_kr_timme: "hemtjanst_timmar_per_inv_80",
  sabo_egen_kr_dygn_inkl_hsl: "sabo_dygn_per_inv_80",
};

/** The benchmark unit cost p* of an intervention (egen and annan regi together), from the one lookup. */
export function benchmarkUnitCost(result: KpbResult, i: Intervention, ctx: BenchmarkContext): BenchmarkValue | null {
  // Indices only from benchmarks within the age limit (MAX_PUBLISHED_AGE).
  return unitCostBenchmark(result, { insats: i.insats, regi: "alla" }, forMoney(ctx));
}

/** The benchmark volume per inhabitant q* of an intervention in an age group, given or derived. */
export function benchmarkVolume(
  result: KpbResult,
  i: Intervention,
  group: string,
  pStar: Rational | null,
  shown: BenchmarkContext,
): { value: Rational; source: BenchmarkValue; basis: NonNullable<DecompositionItem["volumeBasis"]> } | null {
  const ctx = forMoney(shown);
  const direct = [`volym_per_invanare:${i.insats}:${group}`, ...(group === "alla" ? [`volym_per_invanare:${i.insats}`] : [])];
  if (is80Plus(result, group) && VOLUME_80[i.keyFigure]) direct.push(VOLUME_80[i.keyFigure]);
  const part = `${i.area}/${i.insats}:${group}`;
  const sources: ("workbook" | "published")[] = ["workbook", "published"];
  for (const origin of sources) {
    const only: BenchmarkContext = origin === "workbook" ? { ...ctx, published: undefined } : { ...ctx, rows: [] };
    const given = firstBenchmark(direct, only);
    if (given) return { value: Rational.parse(given.value), source: given, basis: "volym" };
    if (!pStar || pStar.isZero()) continue;
    const perInhabitant = firstBenchmark([`kostnad_per_invanare:${part}`], only);
    if (perInhabitant) return { value: Rational.parse(perInhabitant.value).div(pStar), source: perInhabitant, basis: "kostnad_per_invanare" };
    const perClient = firstBenchmark([`kostnad_per_brukare:${part}`], only);
    const share = firstBenchmark([`andel_brukare:${part}`], only);
    if (perClient && share) {
      const value = Rational.parse(perClient.value).times(Rational.parse(share.value)).div(Rational.HUNDRED).div(pStar);
      return { value, source: perClient, basis: "kostnad_per_brukare_x_andel" };
    }
  }
  return null;
}

/** The decomposition for one area and age group (a consumption row with inhabitants). */
export function decompose(result: KpbResult, row: ConsumptionRow, ctx: BenchmarkContext, list = interventions(result)): Decomposition | null {
  if (row.inhabitants <= 0) return null;
  const inhabitants = Rational.of(row.inhabitants);
  const inArea = list.filter((i) => i.area === row.area);
  const consumed = consumedByGroup(result, inArea, row.ageGroup);
  const items: DecompositionItem[] = [];
  const terms: IndexTerms[] = [];
  const excluded: string[] = [];
  let total = Rational.ZERO;
  for (const i of inArea) {
    const c = consumed.get(i)!;
    if (c.micro === 0 && c.ore === 0) continue;
    const cost = Rational.ore(c.ore);
    const volume = Rational.micro(c.micro);
    // Every client of every age: the intervention's unit cost as every sheet shows it (unit-costs.ts).
    const p = volume.isZero() ? null : row.ageGroup === "alla" ? interventionUnitCost(i.pools, i.insats, "alla").exact : cost.div(volume);
    const q = volume.div(inhabitants);
    const pq = cost.div(inhabitants);
    total = total.plus(pq);
    const pSource = benchmarkUnitCost(result, i, ctx);
    const pStar = pSource ? Rational.parse(pSource.value) : null;
    const qFound = benchmarkVolume(result, i, row.ageGroup, pStar, ctx);
    const included = p !== null && pStar !== null && qFound !== null;
    if (included) terms.push({ p, q, pStar, qStar: qFound.value });
    else excluded.push(i.insats);
    items.push({
      insats: i.insats,
      keyFigure: i.keyFigure,
      volumeUnit: i.volumeUnit,
      unitCost: str(p),
      volumePerInhabitant: q.toString(),
      costPerInhabitant: pq.toString(),
      benchmarkUnitCost: pStar ? pStar.toString() : null,
      benchmarkVolumePerInhabitant: qFound ? qFound.value.toString() : null,
      benchmarkCostPerInhabitant: pStar && qFound ? pStar.times(qFound.value).toString() : null,
      unitCostSource: pSource,
      volumeSource: qFound?.source ?? null,
      volumeBasis: qFound?.basis ?? null,
      included,
    });
  }
  if (items.length === 0) return null;
  const x = indexDecomposition(terms);
  return {
    area: row.area,
    ageGroup: row.ageGroup,
    inhabitants: row.inhabitants,
    items,
    ownCostPerInhabitant: x.own.toString(),
    atBenchmarkUnitCost: x.atBenchmarkUnitCost.toString(),
    benchmarkCostPerInhabitant: x.benchmark.toString(),
    unitCostIndex: str(x.unitCostIndex),
    consumptionIndex: str(x.consumptionIndex),
    costIndex: str(x.costIndex),
    coveredShare: str(ratioOrNull(x.own, total)),
    excluded,
  };
}

/** Decompositions for every area × age group with inhabitants and consumption. */
export function indexDecompositions(result: KpbResult, benchmarkRows: readonly BenchmarkRow[], published?: PublishedLookup): Decomposition[] {
  const ctx: BenchmarkContext = { rows: benchmarkRows, year: result.year, published };
  const list = interventions(result);
  return result.consumption.map((row) => decompose(result, row, ctx, list)).filter((d): d is Decomposition => d !== null);
}
