import type { Rect } from "./a1";
import type { CellValue } from "./cell-values";

/**
 * One worksheet's cells in dense per-row arrays, so reading or writing a block is O(cells) and a
 * 200 000 × 8 sheet costs one small array per row. Formulas and number formats live in parallel
 * arrays that exist only for rows that have any.
 */
interface RowCells {
  values: (CellValue | undefined)[];
  formulas?: (string | undefined)[];
  numberFormats?: (string | undefined)[];
}

export class SheetCells {
  private rows: (RowCells | undefined)[] = [];
  /** Rows that have (or had) a formula, so formula rewrites need not scan every row. */
  private formulaRows = new Set<number>();

  get rowCount(): number {
    return this.rows.length;
  }

  value(row: number, col: number): CellValue | undefined {
    return this.rows[row]?.values[col];
  }

  formula(row: number, col: number): string | undefined {
    return this.rows[row]?.formulas?.[col];
  }

  numberFormat(row: number, col: number): string | undefined {
    return this.rows[row]?.numberFormats?.[col];
  }

  /** One past the last column that may hold content in `row`. */
  rowWidth(row: number): number {
    const cells = this.rows[row];
    return cells ? greater(cells.values.length, cells.formulas?.length ?? 0) : 0;
  }

  setValue(row: number, col: number, value: CellValue | undefined): void {
    const cells = value === undefined ? this.rows[row] : this.ensureRow(row);
    if (!cells) return;
    cells.values[col] = value;
    if (cells.formulas) cells.formulas[col] = undefined;
  }

  setFormula(row: number, col: number, text: string): void {
    const cells = this.ensureRow(row);
    (cells.formulas ??= [])[col] = text;
    cells.values[col] = undefined;
    this.formulaRows.add(row);
  }

  setNumberFormat(row: number, col: number, format: string | undefined): void {
    const cells = format === undefined ? this.rows[row] : this.ensureRow(row);
    if (!cells) return;
    if (format === undefined && !cells.numberFormats) return;
    (cells.numberFormats ??= [])[col] = format;
  }

  clear(rect: Rect, contents: boolean, formats: boolean): void {
    const rowEnd = Math.min(rect.row + rect.rows, this.rows.length);
    for (let r = rect.row; r < rowEnd; r++) {
      const cells = this.rows[r];
      if (!cells) continue;
      const colEnd = rect.col + rect.cols;
      if (contents) {
        clearSpan(cells.values, rect.col, colEnd);
        if (cells.formulas) clearSpan(cells.formulas, rect.col, colEnd);
      }
      if (formats && cells.numberFormats) clearSpan(cells.numberFormats, rect.col, colEnd);
    }
  }

  /** Moves the cells of columns [col, col+cols) at or below `fromRow` down by `count` rows. */
  shiftDown(fromRow: number, col: number, cols: number, count: number): void {
    for (let r = this.rows.length - 1; r >= fromRow; r--) {
      for (let c = col; c < col + cols; c++) this.moveCell(r, c, r + count, c);
    }
  }

  /** Removes rows [fromRow, fromRow+count) of columns [col, col+cols); the cells below move up. */
  shiftUp(fromRow: number, col: number, cols: number, count: number): void {
    this.clear({ row: fromRow, col, rows: count, cols }, true, true);
    for (let r = fromRow + count; r < this.rows.length; r++) {
      for (let c = col; c < col + cols; c++) this.moveCell(r, c, r - count, c);
    }
  }

  /** Like rewriteFormulas, with the cell each formula is in (for references relative to their row). */
  rewriteFormulasAt(rewrite: (formula: string, row: number, col: number) => string): void {
    for (const r of this.formulaRows) {
      const formulas = this.rows[r]?.formulas;
      if (!formulas) continue;
      for (let c = 0; c < formulas.length; c++) {
        const f = formulas[c];
        if (f !== undefined) formulas[c] = rewrite(f, r, c);
      }
    }
  }

  /** The smallest rectangle holding every value or formula (and number format unless valuesOnly). */
  usedBounds(valuesOnly: boolean): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = NONE;
    let right = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (!cells) continue;
      let first = firstDefined(cells.values);
      let last = lastDefined(cells.values);
      if (cells.formulas) {
        first = lesser(first, firstDefined(cells.formulas));
        last = greater(last, lastDefined(cells.formulas));
      }
      if (!valuesOnly && cells.numberFormats) {
        first = lesser(first, firstDefined(cells.numberFormats));
        last = greater(last, lastDefined(cells.numberFormats));
      }
      if (last < 0) continue;
      if (top < 0) top = r;
      bottom = r;
      left = lesser(left, first);
      right = greater(right, last);
    }
    if (top < 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Replaces every formula by `rewrite(formula)`; used when sheets are renamed or deleted. */
  rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const r of this.formulaRows) {
      const formulas = this.rows[r]?.formulas;
      if (!formulas) {
        this.formulaRows.delete(r);
        continue;
      }
      for (let c = 0; c < formulas.length; c++) {
        const f = formulas[c];
        if (f !== undefined) formulas[c] = rewrite(f);
      }
    }
  }

  /** Every cell with content, for snapshots: calls back with row, column and the raw cell. */
  forEachCell(visit: (row: number, col: number, value: CellValue | undefined, formula: string | undefined) => void): void {
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (!cells) continue;
      const width = Math.max(cells.values.length, cells.formulas?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const formula = cells.formulas?.[c];
        const value = cells.values[c];
        if (formula !== undefined || value !== undefined) visit(r, c, value, formula);
      }
    }
  }

  forEachNumberFormat(visit: (row: number, col: number, format: string) => void): void {
    for (let r = 0; r < this.rows.length; r++) {
      const formats = this.rows[r]?.numberFormats;
      if (!formats) continue;
      for (let c = 0; c < formats.length; c++) {
        const f = formats[c];
        if (f !== undefined) visit(r, c, f);
      }
    }
  }

  private ensureRow(row: number): RowCells {
    let cells = this.rows[row];
    if (!cells) {
      cells = { values: [] };
      this.rows[row] = cells;
    }
    return cells;
  }

  private moveCell(fromRow: number, col: number, toRow: number, toCol: number): void {
    const value = this.value(fromRow, col);
    const formula = this.formula(fromRow, col);
    const format = this.numberFormat(fromRow, col);
    if (formula !== undefined) this.setFormula(toRow, toCol, formula);
    else this.setValue(toRow, toCol, value);
    this.setNumberFormat(toRow, toCol, format);
    this.setValue(fromRow, col, undefined);
    this.setNumberFormat(fromRow, col, undefined);
  }
}

function clearSpan<T>(array: (T | undefined)[], from: number, to: number): void {
  const end = Math.min(to, array.length);
  for (let c = from; c < end; c++) array[c] = undefined;
  // Trim trailing holes so used-range scans stay cheap.
  let len = array.length;
  while (len > 0 && array[len - 1] === undefined) len--;
  array.length = len;
}

/** "No column": larger than any column index. Plain numbers, as globals are slow in jest's sandbox. */
const NONE = 1 << 30;

function lesser(a: number, b: number): number {
  return a < b ? a : b;
}

function greater(a: number, b: number): number {
  return a > b ? a : b;
}

function firstDefined<T>(array: (T | undefined)[]): number {
  for (let i = 0; i < array.length; i++) if (array[i] !== undefined) return i;
  return NONE;
}

function lastDefined<T>(array: (T | undefined)[]): number {
  for (let i = array.length - 1; i >= 0; i--) if (array[i] !== undefined) return i;
  return -1;
}
