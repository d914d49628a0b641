import type { CellValue, TableInput } from "./model";

/**
 * An input table stored by column, as every reader hands it to the engine: per column one code
 * per row (0 = empty, 1 = a number in `numbers`, 2 and up = the `values` entry), so that a text
 * that repeats on a million rows (a pool, a period, a client) is one string that is read, checked
 * and folded once, and the row work is integer work. Row 0 is the table's first row as read (the
 * header or the title lines above it).
 */
export interface CellColumn {
  /** Per row: EMPTY, NUMBER, or the index of the row's value in `values`. */
  readonly codes: Int32Array;
  /** Per row: the number where the code is NUMBER (other entries are 0). Null when the column has no number. */
  readonly numbers: Float64Array | null;
  /** The distinct values other than numbers and empty cells; entries 0 and 1 are unused. */
  readonly values: readonly CellValue[];
}

export interface CellTable {
  readonly rowCount: number;
  readonly columns: readonly CellColumn[];
}

export const EMPTY = 0;
export const NUMBER = 1;
const FIRST_VALUE = 2;

/** The cell at row `r`, column `c` (0-based), as the reader delivered it. */
export function cellAt(table: CellTable, r: number, c: number): CellValue {
  const column = table.columns[c];
  if (column === undefined || r >= table.rowCount) return null;
  return valueOf(column, r);
}

export function valueOf(column: CellColumn, r: number): CellValue {
  const code = column.codes[r];
  if (code === EMPTY) return null;
  if (code === NUMBER) return column.numbers![r];
  return column.values[code];
}

/** Row `r` as a list of cells (for small tables and messages; large tables are read by column). */
export function rowAt(table: CellTable, r: number): CellValue[] {
  const out: CellValue[] = new Array(table.columns.length);
  for (let c = 0; c < table.columns.length; c++) out[c] = valueOf(table.columns[c], r);
  return out;
}

/** Builds a cell table row by row or cell by cell; strings and booleans are stored once per column. */
export class CellTableBuilder {
  private codes: Int32Array[] = [];
  private numbers: (Float64Array | null)[] = [];
  private values: CellValue[][] = [];
  private index: Map<unknown, number>[] = [];
  private capacity: number;
  private rows = 0;

  constructor(capacity = 64) {
    this.capacity = Math.max(1, capacity);
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Appends one row; cells past the row's end are empty. */
  addRow(cells: readonly CellValue[]): void {
    const r = this.rows;
    this.ensureRows(r + 1);
    this.rows = r + 1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell !== null && cell !== undefined) this.set(r, c, cell);
    }
  }

  /** Sets cell (r, c), growing the table to hold it. */
  set(r: number, c: number, cell: CellValue): void {
    if (r >= this.rows) {
      this.ensureRows(r + 1);
      this.rows = r + 1;
    }
    while (this.codes.length <= c) this.addColumn();
    if (cell === null || cell === undefined) {
      this.codes[c][r] = EMPTY;
      return;
    }
    if (typeof cell === "number") {
      const numbers = this.numbers[c] ?? (this.numbers[c] = new Float64Array(this.capacity));
      numbers[r] = cell;
      this.codes[c][r] = NUMBER;
      return;
    }
    // Dates are kept as they are (each its own entry): a Date is an object, not a repeated code.
    const index = this.index[c];
    let code = cell instanceof Date ? undefined : index.get(cell);
    if (code === undefined) {
      code = this.values[c].length;
      this.values[c].push(cell);
      if (!(cell instanceof Date)) index.set(cell, code);
    }
    this.codes[c][r] = code;
  }

  build(): CellTable {
    const n = this.rows;
    const columns: CellColumn[] = this.codes.map((codes, c) => ({
      codes: codes.subarray(0, n),
      numbers: this.numbers[c]?.subarray(0, n) ?? null,
      values: this.values[c],
    }));
    return { rowCount: n, columns };
  }

  private addColumn(): void {
    this.codes.push(new Int32Array(this.capacity));
    this.numbers.push(null);
    this.values.push([null, null]);
    this.index.push(new Map());
  }

  private ensureRows(rows: number): void {
    if (rows <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < rows) capacity *= 2;
    this.codes = this.codes.map((old) => grow(old, capacity, Int32Array));
    this.numbers = this.numbers.map((old) => (old ? grow(old, capacity, Float64Array) : null));
    this.capacity = capacity;
  }
}

function grow<T extends Int32Array | Float64Array>(old: T, capacity: number, Kind: new (n: number) => T): T {
  const next = new Kind(capacity);
  next.set(old);
  return next;
}

/** A 2-D array of cells (what Range.values and the tests give) as a cell table. */
export function cellTableFromRows(rows: readonly (readonly CellValue[] | undefined)[]): CellTable {
  const builder = new CellTableBuilder(rows.length);
  for (const row of rows) builder.addRow(row ?? []);
  return builder.build();
}

/** The table as a 2-D array (tests, small tables, writing an input back). */
export function rowsOfCellTable(table: CellTable): CellValue[][] {
  const out: CellValue[][] = new Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) out[r] = rowAt(table, r);
  return out;
}

/**
 * Rows [top, bottom) and columns [left, right) of a table (0-based) as a table of its own. The
 * columns' codes are views, not copies; the value lists are shared.
 */
export function sliceCellTable(table: CellTable, top: number, bottom: number, left: number, right: number): CellTable {
  const rowCount = Math.max(0, Math.min(bottom, table.rowCount) - top);
  const columns: CellColumn[] = [];
  for (let c = left; c < right; c++) {
    const column = table.columns[c];
    if (!column || rowCount === 0) {
      columns.push({ codes: new Int32Array(rowCount), numbers: null, values: [null, null] });
      continue;
    }
    columns.push({ codes: column.codes.subarray(top, top + rowCount), numbers: column.numbers?.subarray(top, top + rowCount) ?? null, values: column.values });
  }
  return { rowCount, columns };
}

/**
 * A copy of a column with some cells replaced (an error value read as empty, a personnummer
 * replaced by its pseudonym): the input's own column is never changed.
 */
export function withCells(column: CellColumn, replace: ReadonlyMap<number, CellValue>): CellColumn {
  const codes = column.codes.slice();
  const values = [...column.values];
  let numbers = column.numbers;
  const known = new Map<CellValue, number>();
  values.forEach((v, i) => {
    if (i >= FIRST_VALUE && !(v instanceof Date) && !known.has(v)) known.set(v, i);
  });
  for (const [r, cell] of replace) {
    if (cell === null || cell === undefined) codes[r] = EMPTY;
    else if (typeof cell === "number") {
      if (numbers === column.numbers) numbers = column.numbers ? column.numbers.slice() : new Float64Array(codes.length);
      numbers![r] = cell;
      codes[r] = NUMBER;
    } else {
      let code = known.get(cell);
      if (code === undefined) {
        code = values.length;
        values.push(cell);
        known.set(cell, code);
      }
      codes[r] = code;
    }
  }
  return { codes, numbers, values };
}

/** An input table's cells by column, whichever way it was given. */
export function cellsOfInput(input: TableInput): CellTable {
  return input.cells ?? cellTableFromRows(input.rows);
}

/** An input table's cells as a 2-D array, whichever way it was given (small tables, tests). */
export function rowsOfInput(input: TableInput): CellValue[][] {
  return input.rows ?? rowsOfCellTable(input.cells);
}
