import type { CellValue, KpbResult } from "../model";
import { Rational } from "./rational";

/**
 * Trends across years: the `KPB Historik` sheet keeps one row per year and key figure. A refresh
 * of a year replaces that year's rows for the key figures it computes and keeps every other row,
 * so the sheet grows by one set of rows per year. The previous rows are read back from the sheet
 * (`parseHistoryRows`) and merged with the new run (`mergeHistory`) before the sheet is written.
 */
export const HISTORY_SHEET = "KPB Historik";
export const HISTORY_HEADER = ["År", "Beräknad", "Nyckeltal-id", "Nyckeltal", "Värde", "Enhet"] as const;
/** The run-time column's earlier header: sheets written before keep their times when read back. */
const FORMER_TIME_HEADER = "Körtid";

export interface HistoryRow {
  year: number;
  /** When the run was made, "YYYY-MM-DD HH:MM". */
  runTime: string;
  id: string;
  name: string;
  /** Decimal string, as the key figure (percent figures in percent). */
  value: string;
  unit: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A run time as written in the sheet: local time "YYYY-MM-DD HH:MM"; a string is kept as it is. */
export function formatRunTime(time: Date | string): string {
  if (typeof time === "string") return time;
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/**
 * One row per key figure of the run. A monthly follow-up (rolling twelve months, year to date)
 * writes none: its figures are not the year's, and would replace the year's annual figures.
 */
export function historyRows(result: KpbResult, runTime: Date | string): HistoryRow[] {
  if (result.settings.period) return [];
  const at = formatRunTime(runTime);
  return result.keyFigures.map((f) => ({ year: result.year, runTime: at, id: f.id, name: f.name, value: f.value, unit: f.unit }));
}

/**
 * The history after a run: previous rows of the same year and key figure are replaced by the new
 * ones (a refresh), all other rows are kept; ordered by year, then as they were written.
 */
export function mergeHistory(previousRows: HistoryRow[], newRows: HistoryRow[]): HistoryRow[] {
  const replaced = new Set(newRows.map((r) => `${r.year}\u0000${r.id}`));
  const kept = previousRows.filter((r) => !replaced.has(`${r.year}\u0000${r.id}`));
  return [...kept, ...newRows].map((r, i) => ({ r, i })).sort((a, b) => a.r.year - b.r.year || a.i - b.i).map((x) => x.r);
}

/** A history row as sheet cells (the value as a number so charts and formulas can use it). */
export function historyCells(r: HistoryRow): (string | number)[] {
  return [String(r.year), r.runTime, r.id, r.name, Number(r.value), r.unit];
}

/**
 * The rows of an existing `KPB Historik` table (header first, as `Range.values` gives it). Rows
 * without a year, an id or a numeric value are skipped; headers are found by name, so columns
 * the user added or moved do no harm.
 */
export function parseHistoryRows(cells: CellValue[][]): HistoryRow[] {
  if (cells.length === 0) return [];
  const header = cells[0].map((c) => String(c ?? "").trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const [cYear, cNewTime, cId, cName, cValue, cUnit] = HISTORY_HEADER.map(col);
  const cTime = cNewTime >= 0 ? cNewTime : col(FORMER_TIME_HEADER);
  if (cYear < 0 || cId < 0 || cValue < 0) return [];
  const out: HistoryRow[] = [];
  for (const row of cells.slice(1)) {
    const yearCell = row[cYear];
    const year = typeof yearCell === "number" || (typeof yearCell === "string" && /^\s*\d{4}\s*$/.test(yearCell)) ? Number(yearCell) : NaN;
    const id = String(row[cId] ?? "").trim();
    const raw = row[cValue];
    if (!Number.isInteger(year) || year < 1900 || year > 2200 || !id || raw === null || raw === undefined || raw === "") continue;
    let value: string;
    try {
      value = Rational.parse(typeof raw === "number" ? String(raw) : String(raw).replace(",", ".")).toDec().toFixed();
    } catch {
      continue;
    }
    const text = (c: number) => (c < 0 ? "" : String(row[c] ?? ""));
    const time = cTime >= 0 && row[cTime] instanceof Date ? formatRunTime(row[cTime] as Date) : text(cTime);
    out.push({ year, runTime: time, id, name: text(cName), value, unit: text(cUnit) });
  }
  return out;
}

/** The key figures drawn in the trend charts, when the history has them. */
export const TREND_UNIT_COSTS = [
  "hemtjanst_egen_kr_timme",
  "sabo_egen_kr_dygn_inkl_hsl",
  "korttid_egen_kr_dygn",
  "gruppbostad_egen_kr_dygn",
  "daglig_verksamhet_egen_kr_dag",
  "pers_ass_netto_kr_timme",
];
export const TREND_PER_INHABITANT = ["kostnad_per_invanare:ÄO:80-w", "kostnad_per_invanare:ÄO:alla", "kostnad_per_invanare:LSS:alla", "kostnad_per_invanare:IFO:alla", "kostnad_per_invanare:FN:alla"];

export interface Trend {
  ids: string[];
  names: string[];
  /** One row per year (oldest first): [year as text, value per id or null]. */
  rows: (string | number | null)[][];
}

/** The last `years` years of the given key figures, one row per year and one column per figure present. */
export function trend(rows: HistoryRow[], ids: string[], years = 5): Trend {
  const present = ids.filter((id) => rows.some((r) => r.id === id));
  const allYears = [...new Set(rows.filter((r) => present.includes(r.id)).map((r) => r.year))].sort((a, b) => a - b).slice(-years);
  const names = present.map((id) => rows.filter((r) => r.id === id).pop()!.name || id);
  return {
    ids: present,
    names,
    rows: allYears.map((y) => [String(y), ...present.map((id) => {
      const r = rows.filter((x) => x.year === y && x.id === id).pop();
      return r ? Number(r.value) : null;
    })]),
  };
}
