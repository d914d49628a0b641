import type { KpbResult, Problem, Severity, TableName, WorkbookInput } from "../../../src/engine/model";
import type { RunOptions } from "../../../src/engine/run";

/** One problem a case must produce: where it is and what it says (exactly, or a stable part). */
export interface ExpectedProblem {
  code: string;
  severity: Severity;
  table: TableName | "Körning";
  /** 1-based sheet row, or null for the whole table. */
  row: number | null;
  column: string | null;
  /** The exact Swedish message, or { contains } for a stable part of it. */
  message: string | { contains: string };
  /** A1 address, when the problem points at one cell. */
  cell?: string;
}

/**
 * A bad-input case: a small workbook, the outcome (a result with warnings, or a refusal) and the
 * complete list of problems it must give: no more, no fewer.
 */
export interface CorpusCase {
  id: string;
  /** What is wrong with the input, in a few words. */
  title: string;
  input: WorkbookInput;
  options?: RunOptions;
  outcome: "ok" | "refused";
  problems: ExpectedProblem[];
  /** Numbers the result must have (never a wrong number without a warning). */
  check?: (result: KpbResult) => void;
  /** Checks on the problems beyond the list (length of a quoted value, no personnummer …). */
  checkProblems?: (problems: readonly Problem[]) => void;
}
