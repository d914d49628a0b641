/**
 * The optional last argument `period` of the model-backed worksheet functions:
 * `=KPB.COSTPERHOUR(;;"2025-06")` is the figure of the rolling twelve months ending June 2025
 * (the engine's follow-up run, README *Månadsuppföljning*); without it, the latest run.
 * The window's run comes from the shared runtime's cache (src/shared/period-results.ts).
 */
import { readPeriod } from "../engine";
import type { KpbSnapshot } from "../shared/kpb-store";
import { periodResult } from "../shared/period-results";
import { invalidValue, isFigureError, notAvailable, type Arg, type FigureResult } from "./figure-values";
import type { FigureContext } from "./kpb-figures";

/** The period argument's own message (the window's are in period-results.ts). */
export const PERIOD_ARGUMENT_MESSAGES = {
  notAMonth: (shown: string) => `Period ${shown} är ingen månad. Ange ÅÅÅÅ-MM (t.ex. "2025-06") eller ett datum i månaden.`,
} as const;

/**
 * The month a period argument means ("YYYY-MM"), or null when it is omitted. Accepts "2025-06",
 * a date or its serial number, "2025-06-30" and 202506 (the same reader as Ekonomi's Period
 * column); an empty cell (null, "" or 0) means omitted. Anything else is #VALUE!.
 */
export function periodArg(value: Arg): FigureResult<string | null> {
  if (value === null || value === undefined || value === "" || value === 0) return null;
  if (typeof value === "boolean") return invalidValue(PERIOD_ARGUMENT_MESSAGES.notAMonth(value ? "SANT" : "FALSKT"));
  if (typeof value === "string" && value.trim() === "") return null;
  const month = readPeriod(value);
  if (month.ok) return month.value;
  return invalidValue(PERIOD_ARGUMENT_MESSAGES.notAMonth(typeof value === "string" ? `"${value}"` : String(value)));
}

/** What a function computes on: the snapshot's run, or the rolling twelve months ending at `period`. */
export function figureContext(snapshot: KpbSnapshot, period: Arg): FigureResult<FigureContext> {
  const month = periodArg(period);
  if (month === null) return { result: snapshot.result, pseudonymSecret: snapshot.pseudonymSecret };
  if (isFigureError(month)) return month;
  const window = periodResult(snapshot, month);
  if (!window.ok) return notAvailable(window.message);
  return { result: window.result, pseudonymSecret: snapshot.pseudonymSecret };
}
