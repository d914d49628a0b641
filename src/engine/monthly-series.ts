import { readPeriod } from "./cells";
import type { KpbResult, PoolResult, Regi, WorkbookInput } from "./model";
import { sumOre } from "./money";
import { monthsOf, rollingWindow, type PeriodWindow } from "./period-window";
import { ProblemLog } from "./problems";
import { runKpb, type RunOptions } from "./run";
import { readByValue } from "./column-readers";
import { locateTable } from "./table-reader";
import { unitCostOf } from "./unit-costs";
import { ledgerLinesOf } from "./tracing/explain";
import { DEFAULT_ANALYSIS_LIMITS } from "./settings";
import { Dec } from "./decimal";

/**
 * `KPB Månad`: per intervention × regi, month by month over a follow-up's window. Each figure is
 * the same calculation as everything else, on other months' rows: the month's cost, volume and
 * unit cost are the calculation on that month's rows alone; the rolling-twelve unit cost is the
 * calculation on the twelve months ending there (§8). Nothing is summed or apportioned by hand.
 */
export interface MonthLine {
  insats: string;
  regi: Regi;
  month: string;
  /** null when the month's own calculation was refused (e.g. no rows that month). */
  costOre: number | null;
  volumeMicro: number | null;
  /** Clients with cost in the month in any of the intervention × regi's pools (each counted once). */
  clients: number | null;
  unitCost: string | null;
  /** January..month of the month's year, the same calculation on those months' rows. */
  ytdUnitCost: string | null;
  /** null before the data holds twelve months, or when that calculation was refused. */
  rollingUnitCost: string | null;
  /** What makes the month's cost: its largest Ekonomi rows, the rest summed (null when refused). */
  sources: MonthSources | null;
}

/** A month's cost by Ekonomi row: `rows` + `otherOre` + `allocatedOre` = the month's cost, to the öre. */
export interface MonthSources {
  /** The largest rows coded to the intervention × regi's pools (by absolute amount), at most SOURCE_ROWS. */
  rows: { sheet: string; row: number; ansvar: string; verksamhet: string; aktivitet: string; konto: string; amountOre: number }[];
  /** The other rows coded to the pools, summed, and how many they are. */
  otherOre: number;
  otherCount: number;
  /** Cost received from the support pools (their rows are spread by keys, so not one row's). */
  allocatedOre: number;
}

/** How many rows a flagged month lists before the rest is summed. */
export const SOURCE_ROWS = 5;

/**
 * A month whose cost deviates strongly from its neighbours (accruals, year-end postings): its
 * cost differs from the median of the months ±2 around it (same intervention × regi, within the
 * window, months with figures; at least two) by more than `limit` of that median. A median of 0
 * with a cost in the month is always a deviation.
 *
 * A regular quarterly booking (rent, purchased care invoiced per quarter) is no deviation. The
 * month is compared with the median S of the same month of the window's other quarters (±3, ±6,
 * ±9 months; at least two with figures): when it differs from S by at most `limit` of the larger
 * of a typical month (the median month of the window, T) and the quarterly booking (|S − T|), it
 * follows the pattern and is not flagged. A one-off accrual on top of a quarterly month differs
 * from S by much more than the booking varies, and stays flagged.
 */
export interface MonthFlag {
  insats: string;
  regi: Regi;
  month: string;
  costOre: number;
  neighbourMedianOre: number;
  /** (cost − median) ÷ median as a decimal string; null when the median is 0. */
  deviation: string | null;
  sources: MonthSources;
}

/** One intervention pool's month: the same month run, per pool. */
export interface PoolMonthLine {
  pool: string;
  insats: string;
  enhet: string;
  regi: Regi;
  month: string;
  costOre: number;
  volumeMicro: number;
  unitCost: string | null;
}

export interface MonthlySeries {
  window: PeriodWindow;
  lines: MonthLine[];
  /** Per intervention pool and month (months whose run was refused have none). */
  poolLines: PoolMonthLine[];
  /** Months whose own or rolling calculation the engine refused (their figures are blank). */
  refused: { month: string; kind: "month" | "rolling" | "ytd" }[];
  /** The first month in Ekonomi's Period: a rolling window starting earlier is left blank. */
  firstMonth: string | null;
  /** The months flagged as deviating from their neighbours, and the share used. */
  flags: MonthFlag[];
  deviationLimit: number;
  /**
   * Every key figure (id → value) of the runs ending at each month: the rolling twelve months and
   * January..month. What a follow-up's figure was a month earlier, without another run.
   */
  keyFigures: { rolling: Record<string, Record<string, string>>; ytd: Record<string, Record<string, string>> };
}

/** Runs the calculation per month of `window` and per rolling twelve months ending at each. */
export function monthlySeries(input: WorkbookInput, window: PeriodWindow, options: RunOptions = {}): MonthlySeries {
  const firstMonth = firstLedgerMonth(input);
  const lines = new Map<string, MonthLine>();
  const refused: MonthlySeries["refused"] = [];
  let deviationLimit = DEFAULT_ANALYSIS_LIMITS.monthDeviation;
  const run = (month: string, kind: "month" | "rolling" | "ytd"): KpbResult | null => {
    const outcome = runKpb(input, { ...options, overrides: { ...options.overrides, year: undefined, followUpTo: month, followUpKind: kind } });
    if (outcome.ok) deviationLimit = outcome.result.settings.analysisLimits.monthDeviation;
    if (outcome.ok) return outcome.result;
    refused.push({ month, kind });
    return null;
  };
  const line = (intervention: string, regi: Regi, month: string): MonthLine => {
    const key = `${intervention}\u0000${regi}\u0000${month}`;
    let l = lines.get(key);
    if (!l) lines.set(key, (l = { insats: intervention, regi, month, costOre: null, volumeMicro: null, clients: null, unitCost: null, ytdUnitCost: null, rollingUnitCost: null, sources: null }));
    return l;
  };
  const poolLines: PoolMonthLine[] = [];
  const keyFigures: MonthlySeries["keyFigures"] = { rolling: {}, ytd: {} };
  const valuesOf = (r: KpbResult) => Object.fromEntries(r.keyFigures.map((f) => [f.id, f.value]));
  for (const month of monthsOf(window)) {
    const own = run(month, "month");
    for (const p of own?.pools ?? []) {
      if (p.kind === "insats") poolLines.push({ pool: p.pool, insats: p.insats, enhet: p.enhet, regi: p.regi, month, costOre: p.costOre, volumeMicro: p.volumeMicro, unitCost: p.unitCost });
    }
    for (const [intervention, regi, pools] of groups(own)) {
      const u = unitCostOf(pools);
      const clients = clientsOf(own!, pools);
      Object.assign(line(intervention, regi, month), { costOre: sumOre(pools.map((p) => p.costOre)), volumeMicro: sumMicro(pools), clients, unitCost: u.value, sources: sourcesOf(own!, pools) });
    }
    // January is its own year to date: the month's run already is that calculation.
    const ytd = month.endsWith("-01") ? own : run(month, "ytd");
    for (const [intervention, regi, pools] of groups(ytd)) line(intervention, regi, month).ytdUnitCost = unitCostOf(pools).value;
    if (ytd) keyFigures.ytd[month] = valuesOf(ytd);
    if (firstMonth === null || rollingWindow(month).from < firstMonth) continue;
    const rolling = run(month, "rolling");
    for (const [intervention, regi, pools] of groups(rolling)) line(intervention, regi, month).rollingUnitCost = unitCostOf(pools).value;
    if (rolling) keyFigures.rolling[month] = valuesOf(rolling);
  }
  const order = [...lines.values()].sort((a, b) => a.insats.localeCompare(b.insats, "sv") || a.regi.localeCompare(b.regi) || a.month.localeCompare(b.month));
  poolLines.sort((a, b) => a.pool.localeCompare(b.pool, "sv") || a.month.localeCompare(b.month));
  return { window, lines: order, poolLines, refused, firstMonth, flags: monthFlags(order, deviationLimit), deviationLimit, keyFigures };
}

/** The month's direct rows, largest first and capped, and the cost received from support pools. */
function sourcesOf(result: KpbResult, pools: PoolResult[]): MonthSources {
  const lines = pools.flatMap((p) => ledgerLinesOf(result, p.pool));
  lines.sort((a, b) => Math.abs(b.amountOre) - Math.abs(a.amountOre) || a.row - b.row);
  const shown = lines.slice(0, SOURCE_ROWS);
  const direct = sumOre(lines.map((l) => l.amountOre));
  const shownOre = sumOre(shown.map((l) => l.amountOre));
  return {
    rows: shown.map(({ sheet, row, ansvar, verksamhet, aktivitet, konto, amountOre }) => ({ sheet, row, ansvar, verksamhet, aktivitet, konto, amountOre })),
    otherOre: direct - shownOre,
    otherCount: lines.length - shown.length,
    // Whatever the pools carry beyond their own rows came through the support-pool keys.
    allocatedOre: sumOre(pools.map((p) => p.costOre)) - direct,
  };
}

/** The months of each intervention × regi whose cost deviates from its neighbours' median (MonthFlag). */
export function monthFlags(lines: MonthLine[], limit: number): MonthFlag[] {
  const flags: MonthFlag[] = [];
  const byGroup = new Map<string, MonthLine[]>();
  for (const l of lines) {
    const key = `${l.insats}\u0000${l.regi}`;
    (byGroup.get(key) ?? byGroup.set(key, []).get(key)!).push(l);
  }
  for (const group of byGroup.values()) {
    const index = new Map(group.map((l) => [l.month, l]));
    const withCost = group.map((l) => l.costOre).filter((c): c is number => c !== null);
    const typical = withCost.length ? medianOre(withCost) : 0;
    for (const l of group) {
      if (l.costOre === null || !l.sources) continue;
      const around = [-2, -1, 1, 2].map((d) => index.get(shiftMonth(l.month, d))?.costOre).filter((c): c is number => c !== null && c !== undefined);
      if (around.length < 2) continue;
      const median = medianOre(around);
      const deviation = median === 0 ? null : new Dec(l.costOre - median).div(median);
      const flagged = deviation === null ? l.costOre !== 0 : deviation.abs().gt(limit);
      if (flagged && followsQuarter(l, index, typical, limit)) continue;
      if (flagged) flags.push({ insats: l.insats, regi: l.regi, month: l.month, costOre: l.costOre, neighbourMedianOre: median, deviation: deviation?.toString() ?? null, sources: l.sources });
    }
  }
  return flags;
}

/**
 * True when the month follows the quarterly pattern (MonthFlag): within `limit` × max(T, |S − T|)
 * of S, the median of the same month of the window's other quarters (T: the window's median month).
 */
function followsQuarter(l: MonthLine, index: Map<string, MonthLine>, typicalOre: number, limit: number): boolean {
  const same = [-9, -6, -3, 3, 6, 9].map((d) => index.get(shiftMonth(l.month, d))?.costOre).filter((c): c is number => c !== null && c !== undefined);
  if (same.length < 2) return false;
  const s = medianOre(same);
  const scale = Math.max(Math.abs(typicalOre), Math.abs(s - typicalOre));
  return new Dec(Math.abs(l.costOre! - s)).lte(new Dec(scale).times(limit));
}

/** The median in öre (the mean of the middle two rounded half up, for an even count). */
function medianOre(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : Math.round((v[mid - 1] + v[mid]) / 2);
}

function shiftMonth(month: string, by: number): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** The intervention pools of a result per intervention × regi. */
function groups(result: KpbResult | null): [string, Regi, PoolResult[]][] {
  if (!result) return [];
  const byKey = new Map<string, [string, Regi, PoolResult[]]>();
  for (const p of result.pools) {
    if (p.kind !== "insats") continue;
    const key = `${p.insats}\u0000${p.regi}`;
    const g = byKey.get(key) ?? byKey.set(key, [p.insats, p.regi, []]).get(key)!;
    g[2].push(p);
  }
  return [...byKey.values()];
}

function clientsOf(result: KpbResult, pools: PoolResult[]): number {
  const ids = pools.map((p) => p.pool);
  return result.clients.filter((c) => ids.some((id) => id in c.poolsOre)).length;
}

function sumMicro(pools: PoolResult[]): number {
  return pools.reduce((n, p) => n + p.volumeMicro, 0);
}

/** The earliest month in Ekonomi's Period column, or null without one (problems are the run's to report). */
function firstLedgerMonth(input: WorkbookInput): string | null {
  return ledgerMonths(input)?.first ?? null;
}

/**
 * The first and last month in Ekonomi's Period column (readable periods only), or null when the
 * table has no Period column or no readable month: the months a follow-up window can cover.
 */
export function ledgerMonths(input: WorkbookInput): { first: string; last: string } | null {
  const table = input.Ekonomi ? locateTable("Ekonomi", input.Ekonomi, new ProblemLog()) : null;
  if (!table?.columns.has("Period")) return null;
  let first: string | null = null;
  let last: string | null = null;
  const periodOf = readByValue(table, "Period", readPeriod);
  for (let i = 0; i < table.sheetRows.length; i++) {
    const p = periodOf(i);
    if (!p.ok) continue;
    if (first === null || p.value < first) first = p.value;
    if (last === null || p.value > last) last = p.value;
  }
  return first === null || last === null ? null : { first, last };
}
