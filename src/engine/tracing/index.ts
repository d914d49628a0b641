/** Tracing: explain every figure back to the ledger rows, rules and allocations that built it. */
export { explainPool, explainClient, explainKeyFigure, closePoolIds, ledgerLinesOf, ledgerRowsByCategory } from "./explain";
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
export { explanationText, explanationLines, formatMoney, formatDecimal, weightText, type ExplanationLine, type Language, type TextOptions } from "./text";
export { analyseCoding, patternContains, ruleContains } from "./coding-check";
export { cellLink, linkPrefix } from "./lineage";
export type * from "./types";
