/**
 * The engine's public surface: pure TypeScript, no Office, no DOM, no files. Everything outside
 * src/engine (layouts, excel, cli, functions, task pane, input readers, Kolada, samples, bench)
 * imports the engine from here and nowhere else (test/architecture/imports.test.ts checks it), so
 * what is listed here is what the rest of the add-in may rely on.
 */

// The data model: input tables, run result, problems (all of it is the contract, hence `*`)
export * from "./model";

// Running a calculation: the whole run, and the month-by-month series of KPB Månad
export { runKpb, type RunOptions, type RunPhase } from "./run";
export { monthlySeries, ledgerMonths, type MonthlySeries, type MonthLine, type MonthFlag, type MonthSources, type PoolMonthLine } from "./monthly-series";

// Periods: calendar year, rolling twelve months, year to date
export { parseMonth, windowLabel, windowKindLabel, calendarYearWindow, rollingWindow, yearToDateWindow, monthsOf, type PeriodWindow, type WindowKind } from "./period-window";

// Money and exact numbers: integer öre, micro-units, decimal strings
export { Dec, ratioString } from "./decimal";
export { oreToString, oreToKr, oreToDec, sumOre, microToDec, microToString, MICRO } from "./money";

// Message catalogues (one mechanism for every layer) and counted nouns
export { defineMessages, messageRenderer, joinList, type MessageEntry, type ParamsOf } from "./message-catalogue";
export { countText, pluralForm, svCount, enCount, type Language } from "./plural";
export { splitByWeights, roundToTotal } from "./largest-remainder";

// Reading cells and input tables: the table shapes, header search, problems with their place
export { fold, isBlank, readCode, readPeriod, columnLetter } from "./cells";
export { TABLE_SCHEMAS, TABLE_ALIASES, REQUIRED_TABLES, type ColumnDef } from "./table-schema";
export { locateTable, rowCellsOf, type LocatedTable, type DataRow } from "./table-reader";
export {
  CellTableBuilder,
  cellAt,
  cellTableFromRows,
  rowsOfCellTable,
  sliceCellTable,
  withCells,
  cellsOfInput,
  rowsOfInput,
  type CellTable,
  type CellColumn,
} from "./cell-table";
export { codeColumnsOf, totalsRowReason, totalsRowsOf } from "./parse-tables";
export { ProblemLog, withProblemsFirst, type Place } from "./problems";
export { renderMessage, MESSAGES, type MessageCode } from "./messages";

// Settings: defaults and the Inställningar table
export { readSettingsTable, DEFAULT_HOUR_BANDS, DEFAULT_OUTLIER_LIMITS_KR, type SettingsOverrides } from "./settings";

// Personal data: personnummer detection and pseudonyms
export { looksLikePersonalIdentityNumber, containsPersonalIdentityNumber, redactPersonalIdentityNumbers, pseudonym, PNR_HIDDEN } from "./privacy";

// Insatser, key figures and their names
export { DEFAULT_CATALOGUE, readArea } from "./catalogue";
export { COST_CATEGORIES } from "./coding";
export { KEY_FIGURE_NAMES, FORMER_FIGURE_NAMES, figureNameIn, type KeyFigureName } from "./key-figure-names";
export { unitCostOf, type UnitCost } from "./unit-costs";

// Benchmarks: the Jämförelse table, the bundled published averages, comparisons, potential, history
export * from "./benchmark";
export { benchmarkFor } from "./benchmark-match";

// Analyses beside the KPB figures: brytpunkt, intervention mix, unit spread, validation pack
export { brytpunkt, BRYTPUNKT_IDS, type Brytpunkt, type BrytpunktClient, type BrytpunktInput } from "./analyses/brytpunkt";
export { interventionMix, type MixPart, type MixRow } from "./analyses/intervention-mix";
export { unitSpread, BREAKDOWN_PARTS, perUnitText, SAME_SERVICE_HINT, type UnitCostRow, type UnitSpreadGroup } from "./analyses/unit-spread";
export {
  validationFlags,
  validationPack,
  parseValidationSheet,
  VALIDATION_SHEET,
  VALIDATION_TABLE,
  VALIDATION_INACTIVE_TABLE,
  USER_COLUMNS,
  type FlagKind,
  type ValidationFlag,
  type ValidationNote,
  type ValidationOptions,
  type ValidationPack,
} from "./analyses/validation-pack";

// Tracing: every figure explained back to ledger rows, rules and allocations
export * from "./tracing";
