/**
 * The rolling twelve months ending at a month, for the worksheet functions' optional period
 * argument: the engine's follow-up run (src/engine/period-window.ts) on the inputs of the latest
 * published run. One run per snapshot and month: cached with the snapshot, so a new publish (a
 * refresh, changed inputs) drops every window with the annual result it replaces.
 *
 * Pure like kpb-store.ts: no Office, Excel or DOM access.
 */
import { calendarYearWindow, ledgerMonths, rollingWindow, runKpb, windowLabel, type KpbResult, type PeriodWindow } from "../engine";
import type { KpbSnapshot } from "./kpb-store";

export type PeriodOutcome =
  | { ok: true; result: KpbResult }
  /** Why the window has no figures (a Swedish sentence for the cell's #N/A). */
  | { ok: false; message: string };

/** The messages of a window that cannot be computed, in one place. */
export const PERIOD_RESULT_MESSAGES = {
  noSource: "Perioden kan inte beräknas ur den här körningen. Uppdatera KPB och försök igen.",
  noPeriodColumn: (month: string) =>
    `Ekonomi har ingen kolumn Period med månader, så rullande tolv månader till ${month} kan inte beräknas. Lägg till Period (ÅÅÅÅ-MM) i Ekonomi och Brukare, eller utelämna perioden.`,
  outsideData: (month: string, window: PeriodWindow, data: { first: string; last: string }) => {
    const earliest = laterMonth(data.first, 11);
    const span = `Ekonomis månader ${data.first} – ${data.last}`;
    return earliest > data.last
      ? `Rullande tolv månader till ${month} kan inte beräknas: ${span} är färre än tolv.`
      : `Rullande tolv månader till ${month} (${windowLabel(window)}) ligger utanför ${span}. Välj en månad från ${earliest} till ${data.last}.`;
  },
  refused: (month: string, message: string) => `Rullande tolv månader till ${month} kunde inte beräknas: ${message}`,
} as const;

const cache = new WeakMap<KpbSnapshot, Map<string, PeriodOutcome>>();

/** The rolling twelve months ending at `month` ("YYYY-MM") of the snapshot's inputs, computed once. */
export function periodResult(snapshot: KpbSnapshot, month: string): PeriodOutcome {
  let byMonth = cache.get(snapshot);
  if (!byMonth) cache.set(snapshot, (byMonth = new Map()));
  let outcome = byMonth.get(month);
  if (!outcome) byMonth.set(month, (outcome = computePeriod(snapshot, month)));
  return outcome;
}

/** How many windows have been computed for the snapshot (tests: one run per distinct month). */
export function cachedPeriods(snapshot: KpbSnapshot): string[] {
  return [...(cache.get(snapshot)?.keys() ?? [])];
}

function computePeriod(snapshot: KpbSnapshot, month: string): PeriodOutcome {
  const window = rollingWindow(month);
  // The published run already is that window: the same figures without a second run.
  if (sameWindow(snapshot.result, window)) return { ok: true, result: snapshot.result };
  const source = snapshot.source;
  if (!source) return { ok: false, message: PERIOD_RESULT_MESSAGES.noSource };
  const data = ledgerMonths(source.input);
  if (!data) return { ok: false, message: PERIOD_RESULT_MESSAGES.noPeriodColumn(month) };
  // Twelve months the ledger does not fully hold would be a smaller year passed off as twelve months.
  if (window.from < data.first || window.to > data.last) return { ok: false, message: PERIOD_RESULT_MESSAGES.outsideData(month, window, data) };
  const outcome = runKpb(source.input, {
    ...source.options,
    overrides: { ...source.options.overrides, year: undefined, followUpTo: month, followUpKind: "rolling" },
  });
  if (outcome.ok) return { ok: true, result: outcome.result };
  const first = outcome.problems.find((p) => p.severity === "error") ?? outcome.problems[0];
  return { ok: false, message: PERIOD_RESULT_MESSAGES.refused(month, first?.message ?? "okänt fel") };
}

/** True when the run covers exactly `window` (a follow-up of it, or the annual run of a calendar year). */
function sameWindow(result: KpbResult, window: PeriodWindow): boolean {
  const own = result.settings.period ?? calendarYearWindow(result.year);
  return own.from === window.from && own.to === window.to;
}

function laterMonth(month: string, by: number): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}
