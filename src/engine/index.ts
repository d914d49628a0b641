/** The engine's public surface: pure TypeScript, no Office, no DOM. */
export * from "./model";
export { runKpb, type RunOptions } from "./run";
export { resultSheets, RESULT_SHEET_NAMES, NUMBER_FORMATS, type SheetLayout, type SheetBlock, type ChartSpec, type SheetCell, type ColumnFormat } from "./result-sheets";
export { resultJson, problemsJson } from "./json-output";
export { renderMessage, MESSAGES } from "./messages";
export { defineMessages, messageRenderer, joinList, type MessageEntry, type ParamsOf } from "./message-catalogue";
export { countText, pluralForm, svCount, enCount } from "./plural";
export { TABLE_SCHEMAS, TABLE_ALIASES, REQUIRED_TABLES } from "./table-schema";
export { splitByWeights, roundToTotal } from "./largest-remainder";
export { oreToString, oreToKr } from "./money";
export type { SettingsOverrides } from "./settings";
export * from "./tracing";
export * as benchmarkAnalysis from "./benchmark";
