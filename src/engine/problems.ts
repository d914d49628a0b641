import { renderMessage, type MessageCode } from "./messages";
import type { Problem, Severity, TableName } from "./model";

export interface Place {
  table: TableName | "Körning";
  row?: number | null;
  column?: string | null;
  sheet?: string;
  cell?: string;
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

  private add(severity: Severity, code: MessageCode, place: Place, params: Record<string, string | number>): void {
    const problem: Problem = {
      table: place.table,
      row: place.row ?? null,
      column: place.column ?? null,
      severity,
      code,
      params,
      message: renderMessage(code, params, "sv"),
    };
    if (place.sheet) problem.sheet = place.sheet;
    if (place.cell) problem.cell = place.cell;
    this.items.push(problem);
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === "error");
  }
}
