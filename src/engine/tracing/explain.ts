import { brytpunkt, BRYTPUNKT_BASIS, BRYTPUNKT_IDS, daysInYear } from "../analyses/brytpunkt";
import { fold } from "../cells";
import { costCategory, COST_CATEGORIES } from "../coding";
import { Dec, ratioString } from "../decimal";
import { isClientOf } from "../client-costs";
import { carriesUnitCost } from "../unit-costs";
import { costInScope, OUTLIER_SCOPES } from "../key-figures";
import type { AllocationFlow, ClientResult, CostCategory, KeyMethod, KpbResult, OutlierScope, PoolResult } from "../model";
import { addOre, microToDec, oreToDec, sumOre } from "../money";
import { cellLink, ledgerRowsByTarget } from "./lineage";

/**
 * Explanations of a run's figures as plain data: every amount in öre, every volume in
 * micro-units, every ratio as an unrounded decimal string, with the ledger rows (sheet, row, link)
 * and the support-pool transfers (key, weight, weight sum, chain) that built them, and checks that
 * the parts add up to the figure to the öre. Pure functions of a KpbResult; text.ts renders them.
 */

export interface LedgerLine {
  /** Index among the parsed ledger rows (the order of coding.ruleOfRow). */
  index: number;
  sheet: string;
  /** 1-based sheet row in the input. */
  row: number;
  /** A1 target for a hyperlink: `'Ekonomi'!A17`. */
  link: string;
  ansvar: string;
  verksamhet: string;
  aktivitet: string;
  konto: string;
  amountOre: number;
  /** The Kodning row of the rule that coded it, and that rule's link. */
  ruleRow: number | null;
  ruleLink: string | null;
}

export interface CategoryPart {
  category: CostCategory;
  /** From the run (pool.directByCategoryOre). */
  amountOre: number;
  /** The ledger rows coded to the pool in this account class (empty without lineage or when not asked for). */
  rows: LedgerLine[];
  /** How many ledger rows, and their sum (from the lineage, also when `rows` is left out). */
  rowCount: number;
  rowsOre: number;
}

export interface Transfer {
  from: string;
  to: string;
  amountOre: number;
  key: KeyMethod;
  /** The receiver's key value, the sum over all receivers (integer strings: öre, micro-units or share × 10¹²). */
  weight: string;
  weightSum: string;
  /** weight ÷ weightSum, unrounded. */
  fraction: string;
}

export interface AllocatedPart extends Transfer {
  /** What the support pool itself carried before passing it on: its direct cost and what it received. */
  fromDirectOre: number;
  fromReceived: { from: string; amountOre: number }[];
  fromPassedOnOre: number;
  /** Every path the cost took to this pool, e.g. [KOMMUN_OH, FORV_OH, SABO_ROSEN]. */
  chains: string[][];
}

export interface Check {
  id: "rowsEqualDirect" | "categoriesEqualDirect" | "partsEqualCost" | "transfersEqualPassedOn" | "unitCost" | "linesEqualTotal" | "recomputed";
  ok: boolean;
  /** Amounts in öre where the check is on money, else null. */
  expectedOre: number | null;
  actualOre: number | null;
}

export interface PoolExplanation {
  kind: "pool";
  pool: string;
  insats: string;
  enhet: string;
  regi: string;
  area: string;
  poolKind: "insats" | "stöd";
  volumeUnit: string;
  /** false when the result carries no ledger lineage (rows lists are then empty). */
  ledgerRowsAvailable: boolean;
  direct: { totalOre: number; categories: CategoryPart[] };
  allocated: { totalOre: number; parts: AllocatedPart[] };
  /** Support pools: what they passed on, to whom. */
  passedOn: { totalOre: number; transfers: Transfer[] };
  costOre: number;
  volumeMicro: number;
  volumeByPeriod: { period: string; volumeMicro: number }[];
  /** cost ÷ volume, unrounded (the run's own value); null without volume or for support pools. */
  unitCost: string | null;
  clientCount: number;
  checks: Check[];
  ok: boolean;
}

export interface ClientPoolLine {
  pool: string;
  insats: string;
  enhet: string;
  volumeUnit: string;
  volumeMicro: number;
  poolVolumeMicro: number;
  poolCostOre: number;
  unitCost: string | null;
  /** volume × unit cost in kronor, unrounded (= pool cost × volume ÷ pool volume). */
  exactKr: string;
  /** The client's whole-öre share (largest remainder over the pool's clients). */
  costOre: number;
  /** costOre − exact, in öre (always between −1 and 1). */
  roundingOre: string;
}

export interface ClientExplanation {
  kind: "client";
  id: string;
  ageGroup: string;
  birthYear: number | null;
  sex: string;
  housing: string;
  lines: ClientPoolLine[];
  totalOre: number;
  outlierScopes: readonly string[];
  checks: Check[];
  ok: boolean;
}

export type QuantityKind =
  | "cost"
  | "clientCost"
  | "costExclHsl"
  | "hslCost"
  | "grossCost"
  | "volume"
  | "clients"
  | "inhabitants"
  | "clientsOverLimit"
  | "clientsInScope"
  | "clientsInBand"
  | "hemtjanstClients"
  | "volume80"
  | "clientsOverBreakEven"
  | "costOverBreakEven";

export interface Quantity {
  kind: QuantityKind;
  /** Decimal string: kronor for costs, units for volumes, counts for people. */
  value: string;
  unit: string;
}

export interface FigurePool {
  pool: string;
  insats: string;
  regi: string;
  costOre: number;
  /** What the pool contributes to the numerator (cost, cost excl. HSL, client costs of the group …), in öre. */
  partOre: number;
  /** What partOre is. */
  partKind: QuantityKind;
  volumeMicro: number;
  volumeUnit: string;
}

export interface KeyFigureExplanation {
  kind: "keyFigure";
  id: string;
  name: string;
  scope: string;
  unit: string;
  value: string;
  /** value = numerator ÷ denominator × factor (factor 100 for percentages; no denominator for totals). */
  numerator: Quantity;
  denominator: Quantity | null;
  factor: number;
  pools: FigurePool[];
  clients: { count: number; ids: string[] } | null;
  /** The division redone from the listed parts. */
  recomputed: string | null;
  checks: Check[];
  ok: boolean;
}

export type Explanation = PoolExplanation | ClientExplanation | KeyFigureExplanation;

const moneyCheck = (id: Check["id"], expectedOre: number, actualOre: number): Check => ({ id, ok: expectedOre === actualOre, expectedOre, actualOre });
const fraction = (weight: string, sum: string) => (new Dec(sum).isZero() ? "0" : ratioString(new Dec(weight).div(sum), 6));
const transfer = (f: AllocationFlow): Transfer => ({ ...f, fraction: fraction(f.weight, f.weightSum) });

interface FlowIndex {
  /** Support pools that sent a non-zero amount to each pool, in flow order. */
  senders: Map<string, string[]>;
  byTo: Map<string, AllocationFlow[]>;
  byFrom: Map<string, AllocationFlow[]>;
}

const flowIndexCache = new WeakMap<readonly AllocationFlow[], FlowIndex>();

/** The flows indexed once per run (explaining every pool must not rescan every flow per pool). */
function flowIndex(flows: readonly AllocationFlow[]): FlowIndex {
  const cached = flowIndexCache.get(flows);
  if (cached) return cached;
  const index: FlowIndex = { senders: new Map(), byTo: new Map(), byFrom: new Map() };
  const add = (map: Map<string, AllocationFlow[]>, key: string, f: AllocationFlow) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  const seen = new Set<string>();
  for (const f of flows) {
    add(index.byTo, f.to, f);
    add(index.byFrom, f.from, f);
    if (f.amountOre === 0) continue;
    const pair = `${f.to}\u0000${f.from}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const list = index.senders.get(f.to);
    if (list) list.push(f.from);
    else index.senders.set(f.to, [f.from]);
  }
  flowIndexCache.set(flows, index);
  return index;
}

const poolByIdCache = new WeakMap<readonly PoolResult[], Map<string, PoolResult>>();

/** Pools by id, built once per run (the amounts are read from the pools themselves). */
function poolById(pools: readonly PoolResult[]): Map<string, PoolResult> {
  let byId = poolByIdCache.get(pools);
  if (!byId) poolByIdCache.set(pools, (byId = new Map(pools.map((p) => [p.pool, p]))));
  return byId;
}

/** Every path along which support-pool cost reached `pool` through `via`: [[…, via, pool]]. */
function chainsThrough(via: string, pool: string, flows: readonly AllocationFlow[]): string[][] {
  const inbound = flowIndex(flows).senders;
  const paths: string[][] = [];
  const walk = (node: string, tail: string[], seen: Set<string>) => {
    const path = [node, ...tail];
    paths.push(path);
    for (const up of inbound.get(node) ?? []) {
      if (seen.has(up) || up === pool) continue;
      walk(up, path, new Set([...seen, up]));
    }
  };
  walk(via, [pool], new Set([via]));
  return paths.sort((a, b) => b.length - a.length || a.join().localeCompare(b.join()));
}

/** Ledger row indices coded to a target, per account class (empty without lineage). */
export function ledgerRowsByCategory(result: KpbResult, target: string): Map<CostCategory, number[]> {
  const out = new Map<CostCategory, number[]>(COST_CATEGORIES.map((c) => [c, []]));
  const trace = result.trace;
  const rows = trace ? ledgerRowsByTarget(result).get(target) : undefined;
  if (!trace || !rows) return out;
  const categoryOfCode = new Map<number, CostCategory>();
  for (const i of rows) {
    const code = trace.ledger.codeOfRow[i];
    let category = categoryOfCode.get(code);
    if (category === undefined) categoryOfCode.set(code, (category = costCategory(trace.ledger.codes[code].konto)));
    out.get(category)!.push(i);
  }
  return out;
}

/** The ledger rows coded to a pool (or to EXKL), as lines with their links. */
export function ledgerLinesOf(result: KpbResult, target: string): LedgerLine[] {
  const rows = result.trace ? ledgerRowsByTarget(result).get(target) : undefined;
  return rows ? ledgerLines(result, rows) : [];
}

/** Ledger rows (indices in parse order) as lines with their links. */
export function ledgerLines(result: KpbResult, rows: ArrayLike<number>): LedgerLine[] {
  const trace = result.trace;
  if (!trace) return [];
  const { ledger, rules, rulesPlace } = trace;
  const out: LedgerLine[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const codes = ledger.codes[ledger.codeOfRow[i]];
    const ruleIndex = result.coding.ruleOfRow[i];
    const rule = ruleIndex >= 0 ? rules[ruleIndex] : undefined;
    out[k] = {
      index: i,
      sheet: ledger.place.sheet,
      row: ledger.sheetRow[i],
      link: cellLink(ledger.place, ledger.sheetRow[i]),
      ansvar: codes.ansvar,
      verksamhet: codes.verksamhet,
      aktivitet: codes.aktivitet,
      konto: codes.konto,
      amountOre: ledger.amountOre[i],
      ruleRow: rule ? rule.row : null,
      ruleLink: rule ? cellLink(rulesPlace, rule.row) : null,
    };
  }
  return out;
}

export function findPool(result: KpbResult, poolId: string): PoolResult | undefined {
  return result.pools.find((p) => p.pool === poolId) ?? result.pools.find((p) => fold(p.pool) === fold(poolId));
}

/**
 * Why a pool costs what it costs. Null when there is no such pool. `ledgerRows: false` leaves the
 * row lines out (counts and sums stay), for callers that read the rows from the lineage themselves.
 */
export function explainPool(result: KpbResult, poolId: string, options: { ledgerRows?: boolean } = {}): PoolExplanation | null {
  const pool = findPool(result, poolId);
  if (!pool) return null;
  const id = pool.pool;
  const amounts = result.trace?.ledger.amountOre;
  const byCategory = ledgerRowsByCategory(result, id);
  const categories: CategoryPart[] = COST_CATEGORIES.map((category) => {
    const indices = byCategory.get(category)!;
    return {
      category,
      amountOre: pool.directByCategoryOre[category],
      rows: options.ledgerRows === false ? [] : ledgerLines(result, indices),
      rowCount: indices.length,
      rowsOre: amounts ? sumOre(indices.map((i) => amounts[i])) : 0,
    };
  });

  const byId = poolById(result.pools);
  const inbound = flowIndex(result.flows).byTo.get(id) ?? [];
  const parts: AllocatedPart[] = [];
  for (const from of Object.keys(pool.receivedOre)) {
    const flows = inbound.filter((f) => f.from === from);
    const amountOre = pool.receivedOre[from];
    const f = flows[0];
    parts.push({
      ...(f ? transfer(f) : { from, to: id, amountOre, key: "kostnad" as KeyMethod, weight: "0", weightSum: "0", fraction: "0" }),
      amountOre,
      fromDirectOre: byId.get(from)?.directOre ?? 0,
      fromReceived: Object.entries(byId.get(from)?.receivedOre ?? {}).map(([src, ore]) => ({ from: src, amountOre: ore })),
      fromPassedOnOre: byId.get(from)?.passedOnOre ?? 0,
      chains: chainsThrough(from, id, result.flows),
    });
  }
  const allocatedOre = sumOre(parts.map((p) => p.amountOre));
  const outbound = (flowIndex(result.flows).byFrom.get(id) ?? []).map(transfer);

  const period = result.trace?.volumeByPeriod[id] ?? {};
  const volumeByPeriod = Object.keys(period)
    .sort()
    .map((p) => ({ period: p, volumeMicro: period[p] }));

  const checks: Check[] = [];
  if (result.trace) checks.push(moneyCheck("rowsEqualDirect", pool.directOre, sumOre(categories.map((c) => c.rowsOre))));
  checks.push(moneyCheck("categoriesEqualDirect", pool.directOre, sumOre(categories.map((c) => c.amountOre))));
  checks.push(moneyCheck("partsEqualCost", pool.costOre, addOre(addOre(pool.directOre, allocatedOre), -pool.passedOnOre)));
  if (pool.kind === "stöd") checks.push(moneyCheck("transfersEqualPassedOn", pool.passedOnOre, sumOre(outbound.map((t) => t.amountOre))));
  if (pool.unitCost !== null) {
    const redone = ratioString(oreToDec(pool.costOre).div(microToDec(pool.volumeMicro)));
    checks.push({ id: "unitCost", ok: redone === pool.unitCost, expectedOre: null, actualOre: null });
  }
  return {
    kind: "pool",
    pool: id,
    insats: pool.insats,
    enhet: pool.enhet,
    regi: pool.regi,
    area: pool.area,
    poolKind: pool.kind,
    volumeUnit: pool.volumeUnit,
    ledgerRowsAvailable: !!result.trace,
    direct: { totalOre: pool.directOre, categories },
    allocated: { totalOre: allocatedOre, parts },
    passedOn: { totalOre: pool.passedOnOre, transfers: outbound },
    costOre: pool.costOre,
    volumeMicro: pool.volumeMicro,
    volumeByPeriod,
    unitCost: pool.unitCost,
    clientCount: pool.clientCount,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

/** A client's cost per pool = volume × unit cost, split to the öre. Null when there is no such client. */
export function explainClient(result: KpbResult, clientId: string): ClientExplanation | null {
  const client = result.clients.find((c) => c.id === clientId) ?? result.clients.find((c) => fold(c.id) === fold(clientId));
  if (!client) return null;
  const pools = new Map(result.pools.map((p) => [p.pool, p]));
  const lines: ClientPoolLine[] = [];
  for (const p of result.pools) {
    const volumeMicro = client.volumesMicro[p.pool];
    if (volumeMicro === undefined) continue;
    const pool = pools.get(p.pool)!;
    const exact = pool.volumeMicro > 0 ? oreToDec(pool.costOre).times(volumeMicro).div(pool.volumeMicro) : new Dec(0);
    const costOre = client.poolsOre[p.pool] ?? 0;
    lines.push({
      pool: p.pool,
      insats: p.insats,
      enhet: p.enhet,
      volumeUnit: p.volumeUnit,
      volumeMicro,
      poolVolumeMicro: pool.volumeMicro,
      poolCostOre: pool.costOre,
      unitCost: pool.unitCost,
      exactKr: ratioString(exact, 2),
      costOre,
      roundingOre: ratioString(new Dec(costOre).minus(exact.times(100)), 0),
    });
  }
  const sum = sumOre(lines.map((l) => l.costOre));
  const checks = [moneyCheck("linesEqualTotal", client.totalOre, sum)];
  return {
    kind: "client",
    id: client.id,
    ageGroup: client.ageGroup,
    birthYear: client.birthYear,
    sex: client.sex,
    housing: client.housing,
    lines,
    totalOre: client.totalOre,
    outlierScopes: client.outlierScopes,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

const OUTLIER_IDS: Record<string, OutlierScope> = {
  ytterfall_ordinart_andel: "ÄO ordinärt boende",
  ytterfall_sabo_andel: "ÄO särskilt boende",
  ytterfall_lss_andel: "LSS",
  ytterfall_ifo_andel: "IFO",
};

const MAX_IDS = 50;
const kr = (ore: number) => oreToDec(ore).toFixed(2);
const qty = (kind: QuantityKind, value: Dec | string | number, unit: string): Quantity => ({ kind, value: new Dec(value).toFixed(), unit });
const volumeUnitOf = (unit: string) => unit.replace(/^kr\//, "");

interface Division {
  numerator: Quantity;
  denominator: Quantity | null;
  factor: number;
  pools: FigurePool[];
  clients: ClientResult[] | null;
  /** The run rounds the ratio to 12 decimals before multiplying (andel brukare): redo it the same way. */
  roundBeforeFactor?: boolean;
}

function poolPart(p: PoolResult, partOre = p.costOre, partKind: QuantityKind = "cost"): FigurePool {
  return { pool: p.pool, insats: p.insats, regi: p.regi, costOre: p.costOre, partOre, partKind, volumeMicro: p.volumeMicro, volumeUnit: p.volumeUnit };
}

function costOverVolume(all: PoolResult[], unit: string, part: (p: PoolResult) => number = (p) => p.costOre, kind: QuantityKind = "cost"): Division {
  // The pools a unit cost is made of (unit-costs.ts): those with volume.
  const pools = all.filter(carriesUnitCost);
  const parts = pools.map((p) => poolPart(p, part(p), kind));
  return {
    numerator: qty(kind, kr(sumOre(parts.map((p) => p.partOre))), "kr"),
    denominator: qty("volume", microToDec(pools.reduce((a, p) => a + p.volumeMicro, 0)), volumeUnitOf(unit)),
    factor: 1,
    pools: parts,
    clients: null,
  };
}

/** Which pools and clients a figure is computed from, and the division that gives it. */
function divisionOf(result: KpbResult, id: string, unit: string): Division | null {
  const intervention = result.pools.filter((p) => p.kind === "insats");
  const trace = result.trace;
  const [head, a, b] = id.split(":");
  if (head === "styckkostnad" && b === undefined) {
    const p = intervention.find((x) => x.pool === a);
    return p ? costOverVolume([p], unit) : null;
  }
  if (head === "styckkostnad") {
    const chosen = intervention.filter((p) => p.insats === a && (b === "alla" || p.regi === b));
    return chosen.length ? costOverVolume(chosen, unit) : null;
  }
  if (head === "kostnad_per_brukare" || head === "kostnad_per_invanare" || head === "andel_brukare") {
    const row = result.consumption.find((r) => r.area === a && r.ageGroup === b);
    if (!row) return null;
    const areaPools = intervention.filter((p) => p.area === a);
    const inGroup = result.clients.filter((c) => (b === "alla" || c.ageGroup === b) && areaPools.some((p) => c.poolsOre[p.pool] !== undefined));
    const pools = areaPools
      .map((p) => poolPart(p, sumOre(inGroup.map((c) => c.poolsOre[p.pool] ?? 0)), "clientCost"))
      .filter((p) => p.partOre !== 0 || inGroup.some((c) => c.poolsOre[p.pool] !== undefined));
    const cost = qty("clientCost", kr(sumOre(pools.map((p) => p.partOre))), "kr");
    const clients = qty("clients", inGroup.length, "brukare");
    const inhabitants = qty("inhabitants", row.inhabitants, "invånare");
    if (head === "kostnad_per_brukare") return { numerator: cost, denominator: clients, factor: 1, pools, clients: inGroup };
    if (head === "kostnad_per_invanare") return { numerator: cost, denominator: inhabitants, factor: 1, pools, clients: inGroup };
    return { numerator: clients, denominator: inhabitants, factor: 100, pools, clients: inGroup, roundBeforeFactor: true };
  }
  if (head === "kostnad_total") {
    const pools = intervention.filter((p) => p.area === a);
    return { numerator: qty("cost", kr(sumOre(pools.map((p) => p.costOre))), "kr"), denominator: null, factor: 1, pools: pools.map((p) => poolPart(p)), clients: null };
  }
  if (OUTLIER_IDS[id]) {
    const scope = OUTLIER_IDS[id];
    const byId = new Map(result.pools.map((p) => [p.pool, p]));
    const inScope = result.clients.filter((c) => costInScope(c, scope, byId) !== null);
    const over = inScope.filter((c) => c.outlierScopes.includes(scope));
    return { numerator: qty("clientsOverLimit", over.length, "brukare"), denominator: qty("clientsInScope", inScope.length, "brukare"), factor: 100, pools: [], clients: over };
  }
  if (head === "brukarmix") {
    const band = result.hourBands.find((x) => x.band === a);
    if (!band) return null;
    const total = result.hourBands.reduce((s, x) => s + x.clients, 0);
    return { numerator: qty("clientsInBand", band.clients, "brukare"), denominator: qty("hemtjanstClients", total, "brukare"), factor: 100, pools: [], clients: null };
  }
  if (id === BRYTPUNKT_IDS.count || id === BRYTPUNKT_IDS.excess) {
    const b = brytpunkt(result);
    if (!b) return null;
    const ids = new Set(b.above.map((c) => c.id));
    const over = result.clients.filter((c) => ids.has(c.id));
    const numerator = id === BRYTPUNKT_IDS.count ? qty("clientsOverBreakEven", over.length, "brukare") : qty("costOverBreakEven", b.excess, "kr");
    return { numerator, denominator: null, factor: 1, pools: [], clients: over };
  }
  if (!trace) return null;
  const keyFigure = (p: PoolResult) => trace.poolKeyFigure[p.pool] ?? "";
  if (id === BRYTPUNKT_IDS.value) {
    // The SÄBO cost per dygn as the run states it (12 decimals) × the days of the year.
    const own = intervention.filter((p) => p.regi === "egen" && keyFigure(p) === BRYTPUNKT_BASIS);
    if (own.length === 0) return null;
    return { ...costOverVolume(own, "kr/dygn"), factor: daysInYear(result.year), roundBeforeFactor: true };
  }
  if (id === "hemtjanst_timmar_per_inv_80" || id === "sabo_dygn_per_inv_80") {
    const measure = id === "hemtjanst_timmar_per_inv_80" ? "hemtjanst_egen_kr_timme" : "sabo_egen_kr_dygn_inkl_hsl";
    const pools = intervention.filter((p) => keyFigure(p) === measure);
    const old = result.clients.filter((c) => c.birthYear !== null && result.year - c.birthYear >= 80);
    let micro = 0;
    for (const c of old) for (const p of pools) micro += c.volumesMicro[p.pool] ?? 0;
    const groups = result.settings.ageGroups.filter((g) => g.from >= 80).map((g) => g.label);
    const inhabitants = trace.inhabitants80 !== undefined ? trace.inhabitants80 ?? 0 : groups.reduce((s, g) => s + (trace.population[g] ?? 0), 0);
    return {
      numerator: qty("volume80", microToDec(micro), pools[0]?.volumeUnit ?? ""),
      denominator: qty("inhabitants", inhabitants, "invånare"),
      factor: 1,
      pools: pools.map((p) => poolPart(p)),
      clients: old.filter((c) => pools.some((p) => isClientOf(c.volumesMicro[p.pool]))),
    };
  }
  // The published figures: egen-regi pools whose catalogue entry names the figure.
  const base =
    id === "sabo_egen_kr_dygn_exkl_hsl" || id === "hsl_sabo_kr_dygn"
      ? "sabo_egen_kr_dygn_inkl_hsl"
      : id === "pers_ass_brutto_kr_timme"
        ? "pers_ass_netto_kr_timme"
        : id === "hemtjanst_egen_kr_timme_inkl_hsl"
          ? "hemtjanst_egen_kr_timme"
          : id;
  const own = intervention.filter((p) => p.regi === "egen" && keyFigure(p) === base);
  if (own.length === 0) return null;
  const hsl = result.pools.filter((p) => p.kind === "stöd" && (fold(p.insats) === "hsl" || keyFigure(p) === "hsl_kr_timme")).map((p) => p.pool);
  const hslShare = (p: PoolResult) => hsl.reduce((s, h) => addOre(s, p.receivedOre[h] ?? 0), 0);
  if (id === "sabo_egen_kr_dygn_exkl_hsl" || id === "hemtjanst_egen_kr_timme") return costOverVolume(own, unit, (p) => p.costOre - hslShare(p), "costExclHsl");
  if (id === "hsl_sabo_kr_dygn") return costOverVolume(own, unit, hslShare, "hslCost");
  if (id === "pers_ass_brutto_kr_timme") return costOverVolume(own, unit, (p) => p.costOre - p.directByCategoryOre.Intäkter, "grossCost");
  return costOverVolume(own, unit);
}

/** Which pools and clients a key figure comes from, and which division. Null for an unknown id. */
export function explainKeyFigure(result: KpbResult, id: string): KeyFigureExplanation | null {
  const figure = result.keyFigures.find((f) => f.id === id) ?? result.keyFigures.find((f) => fold(f.id) === fold(id));
  if (!figure) return null;
  const division = divisionOf(result, figure.id, figure.unit);
  if (!division) return null;
  const { numerator, denominator, factor } = division;
  let recomputed: string | null = null;
  if (denominator === null) recomputed = ratioString(new Dec(numerator.value));
  else if (!new Dec(denominator.value).isZero()) {
    const ratio = new Dec(numerator.value).div(denominator.value);
    recomputed = ratioString((division.roundBeforeFactor ? new Dec(ratioString(ratio)) : ratio).times(factor));
  }
  const checks: Check[] = [{ id: "recomputed", ok: recomputed === figure.value, expectedOre: null, actualOre: null }];
  const clients = division.clients;
  return {
    kind: "keyFigure",
    id: figure.id,
    name: figure.name,
    scope: figure.scope,
    unit: figure.unit,
    value: figure.value,
    numerator,
    denominator,
    factor,
    pools: division.pools,
    clients: clients ? { count: clients.length, ids: clients.slice(0, MAX_IDS).map((c) => c.id) } : null,
    recomputed,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

/** Pool ids closest to a mistyped one (for "did you mean"). */
export function closePoolIds(result: KpbResult, wanted: string, max = 5): string[] {
  const w = fold(wanted);
  const scored = result.pools.map((p) => {
    const id = fold(p.pool);
    const contains = id.includes(w) || w.includes(id) ? 0 : 1;
    return { id: p.pool, score: contains * 100 + editDistance(w, id) };
  });
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  const limit = Math.max(3, Math.ceil(w.length / 2));
  const close = scored.filter((s) => s.score < 100 || s.score - 100 <= limit);
  return (close.length ? close : scored).slice(0, max).map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
