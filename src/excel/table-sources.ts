import { fold, TABLE_ALIASES, TABLE_NAMES, TABLE_SCHEMAS, type TableName } from "../engine";

/** Where a contract table lives in the workbook, as the user chose it or as it was found. */
export type TableSource =
  | { kind: "table"; name: string }
  | { kind: "name"; name: string }
  | { kind: "range"; sheet: string; address: string }
  | { kind: "sheet"; sheet: string };

/** The user's saved choices: a source per table and, where headers differ, contract → own header. */
export interface TableMapping {
  source: TableSource;
  columns?: Record<string, string>;
}

export type WorkbookMapping = Partial<Record<TableName, TableMapping>>;

export const isResultSheet = (name: string) => name.startsWith("KPB ") || name.startsWith("KPB~");

export const nameMatchesTable = (candidate: string, table: TableName) =>
  [table, ...TABLE_ALIASES[table]].some((n) => fold(n) === fold(candidate));

/** How many of a table's required headers a row names (for finding tables by their header). */
export function headerScore(table: TableName, row: unknown[]): number {
  const texts = new Set(row.filter((v): v is string => typeof v === "string").map(fold));
  return TABLE_SCHEMAS[table]
    .filter((c) => c.required)
    .filter((c) => [c.name, ...c.aliases].some((n) => texts.has(fold(n)))).length;
}

export function requiredCount(table: TableName): number {
  return TABLE_SCHEMAS[table].filter((c) => c.required).length;
}

export { TABLE_NAMES };
