/**
 * Result layouts: how a KPB result is shown, as plain data (sheets of typed blocks, charts, the
 * result JSON). Pure TypeScript like the engine, which it reads only through src/engine/index.ts;
 * src/excel and src/cli write exactly these layouts, so the add-in and the file agree cell for cell.
 * Everything outside src/layouts imports it from here.
 */

// Layout types, number formats and colours every sheet uses (sheet-layout.ts)
export {
  NUMBER_FORMATS,
  DIRECTION_FILLS,
  PALETTE,
  type CellBox,
  type CellStyle,
  type ChartKind,
  type ChartSpec,
  type ColumnFormat,
  type DirectionColours,
  type PageSetup,
  type SheetBlock,
  type SheetCell,
  type SheetColumn,
  type SheetLayout,
  type TopCell,
} from "./sheet-layout";

// Geometry: where blocks and charts sit, A1 addresses, column widths, colour rules
export { a1, blockPlaces, chartPlace, column, decimalCell, directionFormulas, sheetColumnWidths, type BlockPlace } from "./geometry";
export { cellWidth, fitColumns, pageSetup, wrappedLines, MAX_COLUMN_WIDTH } from "./sheet-finish";

// All result sheets of a run, and the sheets one by one
export {
  resultSheets,
  validationPackOf,
  unitCostSheet,
  clientSheet,
  outlierSheet,
  reconciliationSheet,
  rowAccountBlock,
  monthSheet,
  windowSuffix,
  RESULT_SHEET_NAMES,
  MONTH_SHEET,
  type ResultSheetOptions,
} from "./result-sheets";
export { benchmarkSheets, clientMixLayout, consumptionLayout, potentialLayout, historyLayout, type BenchmarkSheetOptions, type BenchmarkSheets } from "./benchmark-sheets";
export { overviewLayout, benchmarkYearText, OVERVIEW_WIDTH, type OverviewInput } from "./overview";
export { overviewSentences, benchmarkLabel, SENTENCE_RULES, type OverviewFacts, type SentenceRule } from "./overview-sentences";
export { brytpunktBlocks, unitSpreadLayout, interventionMixLayout, validationLayout, tableNamePart, BRYTPUNKT_CHART_CLIENTS } from "./analysis-sheets";
export { tracingSheet, codingCheckBlock, TRACING_SHEET_NAME, DEFAULT_LEDGER_ROW_BUDGET, MAX_AMBIGUOUS_LINES, type TracingSheetOptions } from "./trace-sheet";

// Numbers in Swedish running text (sentences, not cells)
export { svNumber, svAmount, svPercent, svIndex, svRelation } from "./swedish-text";

// Charts as DrawingML for the xlsx file the command line writes
export { chartXml, drawingXml, chartsWithPlaces, xmlText, type ChartAnchor } from "./chart-parts";

// The result and its problems as JSON (decimal strings, never floats)
export { resultJson, problemsJson } from "./result-json";
