/** Tracing: explain every figure back to the ledger rows, rules and allocations that built it. */
export { explainPool, explainClient, explainKeyFigure, closePoolIds, ledgerLinesOf } from "./explain";
export type {
  PoolExplanation,
  ClientExplanation,
  KeyFigureExplanation,
  Explanation,
  LedgerLine,
  CategoryPart,
  AllocatedPart,
  Transfer,
  Check,
  ClientPoolLine,
  FigurePool,
  Quantity,
  QuantityKind,
} from "./explain";
export { explanationText, explanationLines, formatMoney, formatDecimal, type ExplanationLine, type Language, type TextOptions } from "./text";
export { tracingSheet, codingCheckBlock, TRACING_SHEET_NAME, type TracingSheetOptions } from "./sheet";
export { analyseCoding, patternContains, ruleContains } from "./coding-check";
export { cellLink } from "./lineage";
export type * from "./types";
