import { renderMessage, type MessageCode } from "./messages";
import type { Problem, RunOutcome, Severity, TableName } from "./model";
import { redactPersonalIdentityNumbers } from "./privacy";

export interface Place {
  table: TableName | "Körning";
  row?: number | null;
  column?: string | null;
  sheet?: string;
  cell?: string;
}

/** Longest text a message quotes from a cell; longer values are cut with "…". */
export const MAX_QUOTED_LENGTH = 120;

/**
 * What a message may quote from the workbook: never a personnummer (it is replaced by
 * "(personnummer dolt)"), and never a whole page of text.
 */
function safeParams(params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== "string") {
      out[key] = value;
      continue;
    }
    const redacted = redactPersonalIdentityNumbers(value);
    out[key] = redacted.length > MAX_QUOTED_LENGTH ? `${Array.from(redacted).slice(0, MAX_QUOTED_LENGTH - 1).join("")}…` : redacted;
  }
  return out;
}

/** Collects data problems; the engine reports through it and never throws on bad data. */
export class ProblemLog {
  readonly items: Problem[] = [];

  error(code: MessageCode, place: Place, params: Record<string, string | number> = {}): void {
    this.add("error", code, place, params);
  }

  warning(code: MessageCode, place: Place, params: Record<string, string | number> = {}): void {
    this.add("warning", code, place, params);
  }

  private add(severity: Severity, code: MessageCode, place: Place, rawParams: Record<string, string | number>): void {
    const params = safeParams(rawParams);
    const problem: Problem = {
      table: place.table,
      row: place.row ?? null,
      column: place.column ?? null,
      severity,
      code,
      params,
      message: renderMessage(code, params, "sv"),
      ...(place.sheet ? { sheet: place.sheet } : {}),
      ...(place.cell ? { cell: place.cell } : {}),
    };
    this.items.push(problem);
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === "error");
  }
}

/**
 * A run's outcome with problems met before the engine put first: how the input tables were found
 * (an ambiguous or vanished source) and what reading files reported. They are part of the run's
 * problem list wherever it is shown, so nothing about the inputs is only on the screen that read them.
 */
export function withProblemsFirst(outcome: RunOutcome, first: readonly Problem[]): RunOutcome {
  if (first.length === 0) return outcome;
  if (!outcome.ok) return { ok: false, problems: [...first, ...outcome.problems] };
  return { ok: true, result: { ...outcome.result, problems: [...first, ...outcome.result.problems] } };
}
