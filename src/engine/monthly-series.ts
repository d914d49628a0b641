import { readPeriod } from "./cells";
import type { KpbResult, PoolResult, Regi, WorkbookInput } from "./model";
import { sumOre } from "./money";
import { monthsOf, rollingWindow, type PeriodWindow } from "./period-window";
import { ProblemLog } from "./problems";
import { runKpb, type RunOptions } from "./run";
import { cellOf, dataRows, locateTable } from "./table-reader";
import { unitCostOf } from "./unit-costs";

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
}

export interface MonthlySeries {
  window: PeriodWindow;
  lines: MonthLine[];
  /** Months whose own or rolling calculation the engine refused (their figures are blank). */
  refused: { month: string; kind: "month" | "rolling" | "ytd" }[];
  /** The first month in Ekonomi's Period: a rolling window starting earlier is left blank. */
  firstMonth: string | null;
}

/** Runs the calculation per month of `window` and per rolling twelve months ending at each. */
export function monthlySeries(input: WorkbookInput, window: PeriodWindow, options: RunOptions = {}): MonthlySeries {
  const firstMonth = firstLedgerMonth(input);
  const lines = new Map<string, MonthLine>();
  const refused: MonthlySeries["refused"] = [];
  const run = (month: string, kind: "month" | "rolling" | "ytd"): KpbResult | null => {
    const outcome = runKpb(input, { ...options, overrides: { ...options.overrides, year: undefined, followUpTo: month, followUpKind: kind } });
    if (outcome.ok) return outcome.result;
    refused.push({ month, kind });
    return null;
  };
  const line = (insats: string, regi: Regi, month: string): MonthLine => {
    const key = `${insats}\u0000${regi}\u0000${month}`;
    let l = lines.get(key);
    if (!l) lines.set(key, (l = { insats, regi, month, costOre: null, volumeMicro: null, clients: null, unitCost: null, ytdUnitCost: null, rollingUnitCost: null }));
    return l;
  };
  for (const month of monthsOf(window)) {
    const own = run(month, "month");
    for (const [insats, regi, pools] of groups(own)) {
      const u = unitCostOf(pools);
      const clients = clientsOf(own!, pools);
      Object.assign(line(insats, regi, month), { costOre: sumOre(pools.map((p) => p.costOre)), volumeMicro: sumMicro(pools), clients, unitCost: u.value });
    }
    // January is its own year to date: the month's run already is that calculation.
    const ytd = month.endsWith("-01") ? own : run(month, "ytd");
    for (const [insats, regi, pools] of groups(ytd)) line(insats, regi, month).ytdUnitCost = unitCostOf(pools).value;
    if (firstMonth === null || rollingWindow(month).from < firstMonth) continue;
    const rolling = run(month, "rolling");
    for (const [insats, regi, pools] of groups(rolling)) line(insats, regi, month).rollingUnitCost = unitCostOf(pools).value;
  }
  const order = [...lines.values()].sort((a, b) => a.insats.localeCompare(b.insats, "sv") || a.regi.localeCompare(b.regi) || a.month.localeCompare(b.month));
  return { window, lines: order, refused, firstMonth };
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
  const table = input.Ekonomi ? locateTable("Ekonomi", input.Ekonomi, new ProblemLog()) : null;
  if (!table?.columns.has("Period")) return null;
  let first: string | null = null;
  for (const row of dataRows(table)) {
    const p = readPeriod(cellOf(table, row, "Period"));
    if (p.ok && (first === null || p.value < first)) first = p.value;
  }
  return first;
}
