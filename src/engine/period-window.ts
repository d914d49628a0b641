/**
 * The months a run covers. The annual run is the window January..December of its year; the
 * monthly follow-up is the twelve months ending at month P (or January..P, year to date). Every
 * run selects its Ekonomi and Brukare rows through `periodInWindow`, so a rolling window is the
 * annual calculation on the rows of those months and nothing else.
 */
export interface PeriodWindow {
  /** First month, "YYYY-MM". */
  from: string;
  /** Last month, "YYYY-MM"; its year is the run's year (population, age, benchmark). */
  to: string;
}

/** How the run chooses its window: the calendar year, twelve months ending at P, or January..P. */
export type WindowKind = "year" | "rolling" | "ytd" | "month";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2025-06" as a month, or null when it is not a "YYYY-MM" month. */
export function parseMonth(text: string): { year: number; month: number } | null {
  const m = MONTH.exec(text.trim());
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

function monthText(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function calendarYearWindow(year: number): PeriodWindow {
  return { from: monthText(year, 1), to: monthText(year, 12) };
}

/** The twelve months ending at `to` ("2025-06" → 2024-07..2025-06). */
export function rollingWindow(to: string): PeriodWindow {
  const m = parseMonth(to)!;
  const fromIndex = m.year * 12 + (m.month - 1) - 11;
  return { from: monthText(Math.floor(fromIndex / 12), (fromIndex % 12) + 1), to: monthText(m.year, m.month) };
}

/** January..`to` of `to`'s year. */
export function yearToDateWindow(to: string): PeriodWindow {
  const m = parseMonth(to)!;
  return { from: monthText(m.year, 1), to: monthText(m.year, m.month) };
}

export function windowOf(kind: WindowKind, year: number, to: string | undefined): PeriodWindow {
  if (kind === "year" || to === undefined) return calendarYearWindow(year);
  if (kind === "month") return { from: to, to };
  return kind === "ytd" ? yearToDateWindow(to) : rollingWindow(to);
}

/** The months of a window, first to last. */
export function monthsOf(window: PeriodWindow): string[] {
  const out: string[] = [];
  const first = parseMonth(window.from)!;
  const last = parseMonth(window.to)!;
  for (let i = first.year * 12 + first.month - 1; i <= last.year * 12 + last.month - 1; i++) out.push(monthText(Math.floor(i / 12), (i % 12) + 1));
  return out;
}

/** The one test every row's Period goes through ("YYYY-MM" compares as text). */
export function periodInWindow(period: string, window: PeriodWindow): boolean {
  return period >= window.from && period <= window.to;
}

/** The calendar years the window touches: an År outside them is another year's row. */
export function yearInWindow(year: number, window: PeriodWindow): boolean {
  return year >= Number(window.from.slice(0, 4)) && year <= Number(window.to.slice(0, 4));
}

export function isCalendarYear(window: PeriodWindow): boolean {
  return window.from.endsWith("-01") && window.to.endsWith("-12") && window.from.slice(0, 4) === window.to.slice(0, 4);
}

/** Days in the window's months (a residential pool's capacity is places × these days). */
export function daysInWindow(window: PeriodWindow): number {
  const start = Date.UTC(Number(window.from.slice(0, 4)), Number(window.from.slice(5, 7)) - 1, 1);
  const end = Date.UTC(Number(window.to.slice(0, 4)), Number(window.to.slice(5, 7)), 1);
  return Math.round((end - start) / 86_400_000);
}

/** "2024-07 – 2025-06" for sheets and summaries. */
export function windowLabel(window: PeriodWindow): string {
  return `${window.from} – ${window.to}`;
}

/** What a follow-up window is called: "hittills i år" (January..P) or "rullande tolv månader". */
export function windowKindLabel(window: PeriodWindow): string {
  if (window.from === window.to) return "en månad";
  return window.from.endsWith("-01") && window.from.slice(0, 4) === window.to.slice(0, 4) ? "hittills i år" : "rullande tolv månader";
}
