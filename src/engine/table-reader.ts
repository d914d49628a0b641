import { columnLetter, excelErrorValue, fold, isBlank, readText } from "./cells";
import { rowsOfInput } from "./cell-table";
import type { CellValue, TableInput, TableName } from "./model";
import type { ProblemLog } from "./problems";
import { TABLE_SCHEMAS, type ColumnDef } from "./table-schema";

/** A data row of a located table, with the sheet row it came from. */
export interface DataRow {
  row: number;
  cells: CellValue[];
}

/** A contract table found in a 2-D array: which column holds what, and its data rows. */
export interface LocatedTable {
  table: TableName;
  sheet?: string;
  headerRow: number;
  firstColumn: number;
  columns: Map<string, number>;
  /**
   * The data rows as two parallel lists, sheet row and cells (the input's own arrays unless a cell
   * had to be blanked): no object per row, as a million long-lived ones cost the garbage collector
   * more than reading them. dataRows() hands out one short-lived DataRow at a time.
   */
  sheetRows: number[];
  rowCells: CellValue[][];
  /** The header text found for each contract column (e.g. "Andel (%)" for Andel). */
  headers?: Map<string, string>;
  /** Number formats by sheet row, where the input carried them. */
  formats?: Map<number, (string | null | undefined)[]>;
}

/** The data rows of a located table, in sheet order. */
export function* dataRows(table: LocatedTable): Generator<DataRow> {
  for (let i = 0; i < table.sheetRows.length; i++) yield { row: table.sheetRows[i], cells: table.rowCells[i] };
}

const HEADER_SEARCH_ROWS = 20;
const TOTALS_WORDS = new Set(["summa", "totalt", "total", "totals", "sum", "summering", "grand total"]);

function matches(def: ColumnDef, header: string): boolean {
  const h = fold(header);
  return fold(def.name) === h || def.aliases.some((a) => fold(a) === h);
}

/**
 * Finds the header row (the first of the top rows that names the most contract columns: extracts
 * often carry title lines above it), maps the columns and keeps the non-empty data rows.
 * Totals rows at the end of an extract are skipped with a warning. Returns null, with the problem
 * logged, when the table cannot be used at all.
 */
export function locateTable(table: TableName, input: TableInput, log: ProblemLog): LocatedTable | null {
  const schema = TABLE_SCHEMAS[table];
  const firstRow = input.firstRow ?? 1;
  const firstColumn = input.firstColumn ?? 1;
  const place = { table, sheet: input.sheet };
  const inputRows = rowsOfInput(input);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, inputRows.length); r++) {
    const row = inputRows[r] ?? [];
    const score = schema.filter((def) => row.some((cell) => typeof cell === "string" && matches(def, cell))).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) {
    log.error("headerNotFound", { ...place, row: firstRow }, { table, expected: expectedList(schema) });
    return null;
  }
  const headerRow = firstRow + best;
  const header = inputRows[best];
  const columns = new Map<string, number>();
  const headers = new Map<string, string>();
  let usable = true;
  for (const def of schema) {
    const found: number[] = [];
    header.forEach((cell, i) => {
      if (typeof cell === "string" && matches(def, cell)) found.push(i);
    });
    if (found.length > 1) {
      const letters = found.map((i) => columnLetter(firstColumn + i)).join(", ");
      log.error("columnDuplicated", { ...place, row: headerRow, column: def.name }, { table, column: def.name, letters });
      usable = false;
    } else if (found.length === 1) {
      columns.set(def.name, found[0]);
      headers.set(def.name, String(header[found[0]]));
    } else if (def.required) {
      log.error("columnMissing", { ...place, row: headerRow, column: def.name }, { table, column: def.name, row: headerRow });
      usable = false;
    }
  }
  if (!usable) return null;
  // Sized once for every row below the header (growing a million-entry list copies it repeatedly).
  const sheetRows: number[] = new Array(Math.max(0, inputRows.length - best - 1));
  const rowCells: CellValue[][] = new Array(sheetRows.length);
  let kept = 0;
  const formats = input.numberFormats ? new Map<number, (string | null | undefined)[]>() : undefined;
  for (let r = best + 1; r < inputRows.length; r++) {
    const cells = inputRows[r] ?? [];
    if (cells.every(isBlank)) continue;
    // Ekonomi and Brukare decide by their codes (parse-tables.ts): a row with codes is data,
    // whatever its text says, and a row without them is set aside and accounted for.
    const totalsWord = CODES_DECIDE_TOTALS.includes(table) ? null : totalsLabel(cells);
    if (totalsWord !== null) {
      log.warning("totalsRowSkipped", { ...place, row: firstRow + r }, { value: totalsWord });
      continue;
    }
    const checked = withoutErrorValues(table, firstRow + r, cells, columns, firstColumn, input.sheet, log);
    if (checked) {
      sheetRows[kept] = firstRow + r;
      rowCells[kept++] = checked;
      if (formats && input.numberFormats?.[r]) formats.set(firstRow + r, input.numberFormats[r]);
    }
  }
  sheetRows.length = rowCells.length = kept;
  return { table, sheet: input.sheet, headerRow, firstColumn, columns, sheetRows, rowCells, headers, ...(formats ? { formats } : {}) };
}

/** Columns that only describe a row: an error value there is read as empty, the row still counts. */
const DESCRIPTIVE_COLUMNS: Partial<Record<TableName, string[]>> = {
  Ekonomi: ["Text"],
  Kodning: ["Orsak"],
  Pooler: ["Enhet"],
  Insatskatalog: ["Nyckeltal"],
  Brukare: ["Kön", "Boendeform"],
};
/** Tables whose rows are optional refinements: a row with an error value is left out with a warning. */
const OPTIONAL_ROW_TABLES: TableName[] = ["Jämförelse", "Inställningar"];

/**
 * Excel error values (#N/A, #REF! …) are failed formulas, not data: each one is reported where it
 * sits, and the row is left out (an error in a table the calculation needs) or, in a descriptive
 * column, the cell is read as empty. Returns the cells to use, or null.
 */
function withoutErrorValues(
  table: TableName,
  sheetRow: number,
  rowCells: CellValue[],
  columns: Map<string, number>,
  firstColumn: number,
  sheet: string | undefined,
  log: ProblemLog,
): CellValue[] | null {
  let cells = rowCells;
  // The common row holds no error value at all: nothing to report, nothing to copy.
  let any = false;
  for (let i = 0; i < cells.length && !any; i++) any = mayBeErrorValue(cells[i]) && excelErrorValue(cells[i]) !== null;
  if (!any) return cells;
  let usable = true;
  for (const [column, index] of columns) {
    const error = excelErrorValue(cells[index]);
    if (error === null) continue;
    const place = { table, sheet, row: sheetRow, column, cell: `${columnLetter(firstColumn + index)}${sheetRow}` };
    const params = { column, value: error };
    if (DESCRIPTIVE_COLUMNS[table]?.includes(column)) {
      log.warning("cellErrorValueBlank", place, params);
      if (cells === rowCells) cells = [...cells];
      cells[index] = null;
    } else if (OPTIONAL_ROW_TABLES.includes(table)) {
      log.warning("cellErrorValueSkipped", place, params);
      usable = false;
    } else {
      log.error("cellErrorValue", place, params);
      usable = false;
    }
  }
  return usable ? cells : null;
}

/** Cheap pre-check: only text starting with "#" (after any leading space) can be an error value. */
function mayBeErrorValue(cell: CellValue): boolean {
  if (typeof cell !== "string" || cell.length === 0) return false;
  const c = cell.charCodeAt(0);
  return c === 35 || c <= 32 || c === 0xa0 || c >= 0x1680;
}

function expectedList(schema: ColumnDef[]): string {
  return schema
    .filter((d) => d.required)
    .map((d) => d.name)
    .join(", ");
}

/** Tables whose totals rows are the rows without codes (parse-tables.ts), not found by their text. */
const CODES_DECIDE_TOTALS: TableName[] = ["Ekonomi", "Brukare"];

/** "Summa", "Totalt:", "Summa personal": a word that labels a totals row. */
export function isTotalsWord(text: string): boolean {
  // Codes on a million rows pass here: only text starting with s, t or g (after spaces) can be one.
  const first = text.trimStart().charCodeAt(0) | 0x20;
  if (first !== 0x73 && first !== 0x74 && first !== 0x67) return false;
  const word = fold(text).replace(/[:.]$/, "");
  return TOTALS_WORDS.has(word) || /^(summa|totalt?)\b/.test(word);
}

/** A row whose only text is a word like "Summa" or "Totalt" is a totals row, not data. */
function totalsLabel(cells: CellValue[]): string | null {
  let text: string | null = null;
  for (const c of cells) {
    if (typeof c !== "string" || c.trim() === "") continue;
    if (text !== null) return null; // more than one text: a data row
    text = c;
  }
  if (text === null) return null;
  return isTotalsWord(text) ? text.trim() : null;
}

/** Reads one column of a data row; absent optional columns read as null. */
export function cellOf(table: LocatedTable, row: DataRow, column: string): CellValue {
  const index = table.columns.get(column);
  return index === undefined ? null : row.cells[index];
}

/** The number format of one column of a data row, when the reader loaded formats. */
export function formatOf(table: LocatedTable, row: DataRow, column: string): string | undefined {
  const index = table.columns.get(column);
  return index === undefined ? undefined : table.formats?.get(row.row)?.[index] ?? undefined;
}

/** A number format that shows the value as a percent (`0,0 %`, `0%`), quoted text and escapes aside. */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

export function textOf(table: LocatedTable, row: DataRow, column: string): string {
  return readText(cellOf(table, row, column));
}

/** The place of a cell, for a problem: sheet row, contract column and A1 address. */
export function placeOf(table: LocatedTable, row: DataRow | number, column?: string) {
  const sheetRow = typeof row === "number" ? row : row.row;
  const index = column === undefined ? undefined : table.columns.get(column);
  const cell = index === undefined ? undefined : `${columnLetter(table.firstColumn + index)}${sheetRow}`;
  return { table: table.table, sheet: table.sheet, row: sheetRow, column: column ?? null, cell };
}
