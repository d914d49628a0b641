import { EMPTY, NUMBER, valueOf } from "./cell-table";
import type { CellValue } from "./model";
import type { LocatedTable } from "./table-reader";

const SMALL_NUMBERS = 4096;

/**
 * Reads a contract column of a located table by data row, reading each distinct value once: a
 * pool, a period or a client repeated on a million rows is read, trimmed and checked one time,
 * and the rows share the result. `read` must be pure (problems are logged per row by the caller).
 * An absent optional column reads as an empty cell.
 */
export function readByValue<T>(table: LocatedTable, column: string, read: (cell: CellValue) => T): (i: number) => T {
  const index = table.columns.get(column);
  if (index === undefined) {
    const empty = read(null);
    return () => empty;
  }
  const cells = table.cells.columns[index];
  const { codes, numbers, values } = cells;
  const rowIndex = table.rowIndex;
  const byCode: T[] = new Array(values.length);
  const done = new Uint8Array(values.length);
  const byNumber = new Map<number, T>();
  // Years, months and small codes: looked up by index rather than hashed.
  const bySmallNumber: (T | undefined)[] = [];
  return (i) => {
    const r = rowIndex[i];
    const code = codes[r];
    if (code === NUMBER) {
      const n = numbers![r];
      const small = n >= 0 && n < SMALL_NUMBERS && (n | 0) === n && !Object.is(n, -0);
      let value = small ? bySmallNumber[n] : byNumber.get(n);
      if (value === undefined) {
        value = read(n);
        if (small) bySmallNumber[n] = value;
        else byNumber.set(n, value);
      }
      return value;
    }
    if (done[code] === 0) {
      byCode[code] = read(code === EMPTY ? null : values[code]);
      done[code] = 1;
    }
    return byCode[code];
  };
}

/** Reads a contract column's raw cell by data row, without a list of cells per row. */
export function readCell(table: LocatedTable, column: string): (i: number) => CellValue {
  const index = table.columns.get(column);
  if (index === undefined) return () => null;
  const cells = table.cells.columns[index];
  const rowIndex = table.rowIndex;
  return (i) => valueOf(cells, rowIndex[i]);
}

/** Distinct texts numbered in the order they are first seen. */
export class TextCodes {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  code(text: string): number {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(text);
      this.index.set(text, code);
    }
    return code;
  }
}
