import { columnLetter, excelErrorValue, fold, isBlank, readText } from "./cells";
import { cellsOfInput, EMPTY, NUMBER, rowAt, withCells, type CellColumn, type CellTable } from "./cell-table";
import type { CellValue, TableInput, TableName } from "./model";
import type { ProblemLog } from "./problems";
import { TABLE_SCHEMAS, type ColumnDef } from "./table-schema";

/** A data row of a located table, with the sheet row it came from (small tables are read this way). */
export interface DataRow {
  row: number;
  /** The row's position in the located table's data rows. */
  index: number;
  cells: CellValue[];
}

/** A contract table found in an input table: which column holds what, and its data rows. */
export interface LocatedTable {
  table: TableName;
  sheet?: string;
  headerRow: number;
  firstColumn: number;
  columns: Map<string, number>;
  /**
   * The table's cells by column: the input's own columns, except where a cell had to be read
   * otherwise (an error value in a descriptive column read as empty, a personnummer replaced by
   * its pseudonym), where the column is a changed copy.
   */
  cells: { rowCount: number; columns: CellColumn[] };
  /** Per data row: its row in `cells`. Header, title lines, blank rows and skipped rows are not data rows. */
  rowIndex: Int32Array;
  /** Per data row: the 1-based sheet row. */
  sheetRows: Int32Array;
  /** The header text found for each contract column (e.g. "Andel (%)" for Andel). */
  headers?: Map<string, string>;
  /** Number formats by sheet row, where the input carried them. */
  formats?: Map<number, (string | null | undefined)[]>;
}

/** The data rows of a located table, in sheet order, each with its cells as a list. */
export function* dataRows(table: LocatedTable): Generator<DataRow> {
  for (let i = 0; i < table.sheetRows.length; i++) yield { row: table.sheetRows[i], index: i, cells: rowCellsOf(table, i) };
}

/** Data row `i`'s cells as a list. */
export function rowCellsOf(table: LocatedTable, i: number): CellValue[] {
  return rowAt(table.cells, table.rowIndex[i]);
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
  const cells = cellsOfInput(input);
  let best = -1;
  let bestScore = 0;
  let header: CellValue[] = [];
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, cells.rowCount); r++) {
    const row = rowAt(cells, r);
    const score = schema.filter((def) => row.some((cell) => typeof cell === "string" && matches(def, cell))).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
      header = row;
    }
  }
  if (best < 0) {
    log.error("headerNotFound", { ...place, row: firstRow }, { table, expected: expectedList(schema) });
    return null;
  }
  const headerRow = firstRow + best;
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
  const capacity = Math.max(0, cells.rowCount - best - 1);
  const rowIndex = new Int32Array(capacity);
  const sheetRows = new Int32Array(capacity);
  let kept = 0;
  const formats = input.numberFormats ? new Map<number, (string | null | undefined)[]>() : undefined;
  const blank = cells.columns.map(blankCodes);
  const errors = new ErrorCells(table, columns, cells, firstColumn, input.sheet);
  // Ekonomi and Brukare decide by their codes (parse-tables.ts): a row with codes is data,
  // whatever its text says, and a row without them is set aside and accounted for.
  const totalsByText = !CODES_DECIDE_TOTALS.includes(table);
  for (let r = best + 1; r < cells.rowCount; r++) {
    if (isBlankRow(cells, blank, r)) continue;
    const totalsWord = totalsByText ? totalsLabel(rowAt(cells, r)) : null;
    if (totalsWord !== null) {
      log.warning("totalsRowSkipped", { ...place, row: firstRow + r }, { value: totalsWord });
      continue;
    }
    if (errors.rowUsable(r, firstRow + r, log)) {
      sheetRows[kept] = firstRow + r;
      rowIndex[kept++] = r;
      if (formats && input.numberFormats?.[r]) formats.set(firstRow + r, input.numberFormats[r]);
    }
  }
  const located: LocatedTable = {
    table,
    sheet: input.sheet,
    headerRow,
    firstColumn,
    columns,
    cells: { rowCount: cells.rowCount, columns: errors.columnsRead() },
    rowIndex: rowIndex.subarray(0, kept),
    sheetRows: sheetRows.subarray(0, kept),
    headers,
    ...(formats ? { formats } : {}),
  };
  return located;
}

/** Per value code of a column: 1 where the cell reads as blank (empty, or only spaces). */
function blankCodes(column: CellColumn): Uint8Array {
  const out = new Uint8Array(column.values.length);
  out[EMPTY] = 1;
  for (let code = NUMBER + 1; code < column.values.length; code++) out[code] = isBlank(column.values[code]) ? 1 : 0;
  return out;
}

function isBlankRow(cells: CellTable, blank: Uint8Array[], r: number): boolean {
  for (let c = 0; c < cells.columns.length; c++) {
    const code = cells.columns[c].codes[r];
    if (code === NUMBER || blank[c][code] === 0) return false;
  }
  return true;
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
 * column, the cell is read as empty. Error values are found once per distinct value of a column.
 */
class ErrorCells {
  /** Per contract column holding an error value: its name, position, and the error text per value code. */
  private readonly checked: { column: string; index: number; errorOf: (string | null)[] }[] = [];
  private readonly blanked = new Map<number, Map<number, null>>();

  constructor(
    private readonly table: TableName,
    columns: Map<string, number>,
    private readonly cells: CellTable,
    private readonly firstColumn: number,
    private readonly sheet: string | undefined,
  ) {
    for (const [column, index] of columns) {
      const values = cells.columns[index]?.values ?? [];
      const errorOf = values.map((v, code) => (code > NUMBER ? excelErrorValue(v) : null));
      if (errorOf.some((e) => e !== null)) this.checked.push({ column, index, errorOf });
    }
  }

  /** Reports the row's error values; false when the row cannot be used. */
  rowUsable(r: number, sheetRow: number, log: ProblemLog): boolean {
    let usable = true;
    for (const { column, index, errorOf } of this.checked) {
      const error = errorOf[this.cells.columns[index].codes[r]];
      if (error === null || error === undefined) continue;
      const place = { table: this.table, sheet: this.sheet, row: sheetRow, column, cell: `${columnLetter(this.firstColumn + index)}${sheetRow}` };
      const params = { column, value: error };
      if (DESCRIPTIVE_COLUMNS[this.table]?.includes(column)) {
        log.warning("cellErrorValueBlank", place, params);
        let blanked = this.blanked.get(index);
        if (!blanked) this.blanked.set(index, (blanked = new Map()));
        blanked.set(r, null);
      } else if (OPTIONAL_ROW_TABLES.includes(this.table)) {
        log.warning("cellErrorValueSkipped", place, params);
        usable = false;
      } else {
        log.error("cellErrorValue", place, params);
        usable = false;
      }
    }
    return usable;
  }

  /** The columns to read: the input's, with the blanked cells of descriptive columns read as empty. */
  columnsRead(): CellColumn[] {
    return this.cells.columns.map((column, index) => {
      const blanked = this.blanked.get(index);
      return blanked ? withCells(column, blanked) : column;
    });
  }
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
