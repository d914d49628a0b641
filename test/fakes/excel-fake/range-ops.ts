import { intersectRects, MAX_COLUMNS, MAX_ROWS, rectContains, type Rect } from "./a1";
import { displayText, interpretInput, valueTypeOf, type CellValue } from "./cell-values";
import { ErrorCode, FakeOfficeError, invalidArgument, shapeMismatch } from "./errors";
import { shiftFormula } from "./formula-tokens";
import { CLEARED_FORMATS, type RangeRef, type SheetModel, type WorkbookModel } from "./model";

/** Reading and writing cells of a range, with Excel's rules for shapes, broadcasting and typed input. */

const TEXT_FORMAT = "@";
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

// Bound once: per-row code must not look up globals, which is slow inside jest's sandbox.
const NewArray = Array;

/** Cell-by-cell work on more cells than this fails (a whole-sheet read would otherwise hang a test). */
export const MAX_CELLS_PER_OPERATION = 5_000_000;

function assertCellLimit(rect: Rect, location: string): void {
  if (rect.rows * rect.cols > MAX_CELLS_PER_OPERATION) {
    throw new FakeOfficeError(
      ErrorCode.rangeExceedsLimit,
      "The cell count in the range has exceeded the maximum supported number.",
      location,
    );
  }
}

function grid<T>(rect: Rect, cell: (row: number, col: number) => T): T[][] {
  assertCellLimit(rect, "Range");
  const out: T[][] = new NewArray(rect.rows);
  for (let i = 0; i < rect.rows; i++) {
    const line: T[] = new NewArray(rect.cols);
    for (let j = 0; j < rect.cols; j++) line[j] = cell(rect.row + i, rect.col + j);
    out[i] = line;
  }
  return out;
}

export function readValues(model: WorkbookModel, ref: RangeRef): CellValue[][] {
  const evaluator = model.evaluator();
  const { cells } = ref.sheet;
  return grid(ref.rect, (r, c) =>
    cells.formula(r, c) !== undefined ? evaluator.cellValue(ref.sheet, r, c) : cells.value(r, c) ?? "",
  );
}

export function readFormulas(ref: RangeRef): CellValue[][] {
  const { cells } = ref.sheet;
  return grid(ref.rect, (r, c) => cells.formula(r, c) ?? cells.value(r, c) ?? "");
}

export function readNumberFormats(ref: RangeRef): string[][] {
  const { cells } = ref.sheet;
  return grid(ref.rect, (r, c) => cells.numberFormat(r, c) ?? "General");
}

export function readText(model: WorkbookModel, ref: RangeRef): string[][] {
  return readValues(model, ref).map((row) => row.map((v) => displayText(v)));
}

export function readValueTypes(model: WorkbookModel, ref: RangeRef): string[][] {
  return readValues(model, ref).map((row) => row.map((v) => valueTypeOf(v)));
}

/**
 * Writes `values` or `formulas`: a 2-D array of exactly the range's shape, or one value for every
 * cell. One formula written to many cells has its relative references shifted per cell.
 */
export function writeCells(model: WorkbookModel, ref: RangeRef, input: unknown, location: string): void {
  const { rect } = ref;
  const { cells } = ref.sheet;
  const isText = (r: number, c: number) => cells.numberFormat(r, c) === TEXT_FORMAT;
  const apply = (r: number, c: number, raw: unknown, shift: boolean) => {
    const parsed = interpretInput(raw, isText(r, c));
    if (parsed === null) throw invalidArgument(undefined, location);
    switch (parsed.kind) {
      case "skip":
        return;
      case "clear":
        cells.setValue(r, c, undefined);
        return;
      case "value":
        cells.setValue(r, c, parsed.value);
        return;
      case "formula": {
        const text = shift ? shiftFormula(parsed.text, r - rect.row, c - rect.col) : parsed.text;
        cells.setFormula(r, c, model.bindFormula(text));
        return;
      }
    }
  };
  if (!Array.isArray(input)) {
    assertCellLimit(rect, location);
    forEachCell(rect, (r, c) => apply(r, c, input, true));
    return;
  }
  assertShape(input, rect, location);
  for (let i = 0; i < rect.rows; i++) {
    const line = input[i] as unknown[];
    for (let j = 0; j < rect.cols; j++) apply(rect.row + i, rect.col + j, line[j], false);
  }
}

export function writeNumberFormats(ref: RangeRef, input: unknown, location: string): void {
  const { rect } = ref;
  const { cells } = ref.sheet;
  const apply = (r: number, c: number, format: unknown) => {
    if (format === null || format === undefined) return;
    if (typeof format !== "string") throw invalidArgument(undefined, location);
    cells.setNumberFormat(r, c, format === "General" ? undefined : format);
  };
  if (!Array.isArray(input)) {
    assertCellLimit(rect, location);
    forEachCell(rect, (r, c) => apply(r, c, input));
    return;
  }
  assertShape(input, rect, location);
  for (let i = 0; i < rect.rows; i++) {
    const line = input[i] as unknown[];
    for (let j = 0; j < rect.cols; j++) apply(rect.row + i, rect.col + j, line[j]);
  }
}

function assertShape(input: unknown[], rect: Rect, location: string): void {
  if (input.length !== rect.rows) throw shapeMismatch(location);
  for (const line of input) {
    if (!Array.isArray(line) || line.length !== rect.cols) throw shapeMismatch(location);
  }
}

function forEachCell(rect: Rect, visit: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) visit(r, c);
  }
}

/** Range.clear(applyTo): "All" (default), "Contents", "Formats". */
export function clearRange(ref: RangeRef, applyTo: string | undefined): void {
  const what = applyTo ?? "All";
  if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(what)) {
    throw invalidArgument(undefined, "Range.clear");
  }
  const contents = what === "All" || what === "Contents" || what === "ResetContents";
  const formats = what === "All" || what === "Formats";
  ref.sheet.cells.clear(ref.rect, contents, formats);
  if (formats) ref.sheet.formats.push({ rect: ref.rect, property: CLEARED_FORMATS, value: null });
}

/** The used range of a sheet (or null when blank); see SheetCells.usedBounds for what counts. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  return sheet.cells.usedBounds(valuesOnly);
}

export function usedRectWithin(sheet: SheetModel, rect: Rect, valuesOnly: boolean): Rect | null {
  const used = usedRect(sheet, valuesOnly);
  if (!used) return null;
  const part = intersectRects(used, rect);
  if (!part) return null;
  // Shrink to the cells that actually have content inside the range.
  let top = -1;
  let bottom = -1;
  let left = -1;
  let right = -1;
  const { cells } = sheet;
  for (let r = part.row; r < part.row + part.rows; r++) {
    const end = Math.min(part.col + part.cols, cells.rowWidth(r));
    for (let c = part.col; c < end; c++) {
      const has =
        cells.value(r, c) !== undefined ||
        cells.formula(r, c) !== undefined ||
        (!valuesOnly && cells.numberFormat(r, c) !== undefined);
      if (!has) continue;
      if (top < 0) top = r;
      bottom = r;
      if (left < 0 || c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (top < 0) return null;
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

export function writeFormat(ref: RangeRef, property: string, value: unknown): void {
  ref.sheet.formats.push({ rect: ref.rect, property, value });
}

/** The property's value if every cell of the range agrees, else null (as Office reports mixed formats). */
export function readFormat(ref: RangeRef, property: string, defaultValue: unknown): unknown {
  const records = ref.sheet.formats.filter(
    (f) => (f.property === property || f.property === CLEARED_FORMATS) && intersectRects(f.rect, ref.rect),
  );
  if (records.length === 0) return defaultValue;
  assertCellLimit(ref.rect, property);
  let result: unknown;
  let first = true;
  const { rect } = ref;
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      let value = defaultValue;
      for (let k = records.length - 1; k >= 0; k--) {
        if (rectContains(records[k].rect, r, c)) {
          value = records[k].property === CLEARED_FORMATS ? defaultValue : records[k].value;
          break;
        }
      }
      if (first) {
        result = value;
        first = false;
      } else if (value !== result) {
        return null;
      }
    }
  }
  return result;
}

export function readColumnWidth(ref: RangeRef): number | null {
  const widths = new Set<number>();
  for (let c = ref.rect.col; c < ref.rect.col + Math.min(ref.rect.cols, 1000); c++) {
    widths.add(ref.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  }
  return widths.size === 1 ? [...widths][0] : null;
}

export function writeColumnWidth(ref: RangeRef, width: unknown): void {
  if (typeof width !== "number" || !(width >= 0)) throw invalidArgument(undefined, "RangeFormat.columnWidth");
  for (let c = ref.rect.col; c < ref.rect.col + ref.rect.cols; c++) ref.sheet.columnWidths.set(c, width);
}

export function readRowHeight(ref: RangeRef): number | null {
  const heights = new Set<number>();
  for (let r = ref.rect.row; r < ref.rect.row + Math.min(ref.rect.rows, 1000); r++) {
    heights.add(ref.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
  }
  return heights.size === 1 ? [...heights][0] : null;
}

export function writeRowHeight(ref: RangeRef, height: unknown): void {
  if (typeof height !== "number" || !(height >= 0)) throw invalidArgument(undefined, "RangeFormat.rowHeight");
  for (let r = ref.rect.row; r < ref.rect.row + ref.rect.rows; r++) ref.sheet.rowHeights.set(r, height);
}

/** Approximates Excel's autofit for Calibri 11: about 7 pixels per character plus padding, in points. */
export function autofitColumns(model: WorkbookModel, ref: RangeRef): void {
  const sheet = ref.sheet;
  const rows = Math.min(ref.rect.rows, sheet.cells.rowCount - ref.rect.row);
  const colEnd = ref.rect.col + ref.rect.cols;
  const longest = new Map<number, number>();
  if (rows > 0) {
    const evaluator = model.evaluator();
    for (let r = ref.rect.row; r < ref.rect.row + rows; r++) {
      const end = Math.min(colEnd, sheet.cells.rowWidth(r));
      for (let c = ref.rect.col; c < end; c++) {
        const v = sheet.cells.formula(r, c) !== undefined ? evaluator.cellValue(sheet, r, c) : sheet.cells.value(r, c);
        const len = displayText(v).length;
        if (len > (longest.get(c) ?? 0)) longest.set(c, len);
      }
    }
  }
  for (let c = ref.rect.col; c < colEnd; c++) {
    const chars = longest.get(c);
    if (chars === undefined) {
      sheet.columnWidths.delete(c);
      continue;
    }
    sheet.columnWidths.set(c, Math.round((chars * 7 + 10) * 0.75 * 100) / 100);
  }
}

export function autofitRows(ref: RangeRef): void {
  for (let r = ref.rect.row; r < ref.rect.row + Math.min(ref.rect.rows, ref.sheet.cells.rowCount); r++) {
    ref.sheet.rowHeights.delete(r);
  }
}

interface CopiedCell {
  value: CellValue | undefined;
  formula: string | undefined;
  numberFormat: string | undefined;
}

/**
 * Range.copyFrom: pastes `source` at the top-left cell of `dest` (the pasted area takes the
 * source's size; Excel's tiling into a larger destination is not modelled). "All" copies cells
 * and formats, "Formulas" cells, "Values" shown values, "Formats" formats. Relative references
 * in copied formulas move with the cells, as in Excel.
 */
export function copyRange(
  model: WorkbookModel,
  source: RangeRef,
  dest: RangeRef,
  copyType: string,
  skipBlanks: boolean,
  transpose: boolean,
): void {
  if (!["All", "Formulas", "Values", "Formats"].includes(copyType)) throw invalidArgument(undefined, "Range.copyFrom");
  const src = source.rect;
  assertCellLimit(src, "Range.copyFrom");
  const target: Rect = transpose
    ? { row: dest.rect.row, col: dest.rect.col, rows: src.cols, cols: src.rows }
    : { row: dest.rect.row, col: dest.rect.col, rows: src.rows, cols: src.cols };
  if (target.row + target.rows > MAX_ROWS || target.col + target.cols > MAX_COLUMNS) {
    throw invalidArgument("The pasted area does not fit on the worksheet.", "Range.copyFrom");
  }
  // Read everything first: source and destination may overlap.
  const evaluator = model.evaluator();
  const from = source.sheet.cells;
  const copied: CopiedCell[][] = grid(src, (r, c) => ({
    value: copyType === "Values" && from.formula(r, c) !== undefined ? evaluator.cellValue(source.sheet, r, c) : from.value(r, c),
    formula: copyType === "Values" ? undefined : from.formula(r, c),
    numberFormat: from.numberFormat(r, c),
  }));
  const to = dest.sheet.cells;
  const withCells = copyType !== "Formats";
  const withFormats = copyType === "All" || copyType === "Formats";
  for (let i = 0; i < src.rows; i++) {
    for (let j = 0; j < src.cols; j++) {
      const cell = copied[i][j];
      if (skipBlanks && cell.value === undefined && cell.formula === undefined) continue;
      const r = target.row + (transpose ? j : i);
      const c = target.col + (transpose ? i : j);
      if (withCells) {
        if (cell.formula !== undefined) {
          to.setFormula(r, c, model.bindFormula(shiftFormula(cell.formula, r - (src.row + i), c - (src.col + j))));
        } else {
          to.setValue(r, c, cell.value);
        }
      }
      if (withFormats) to.setNumberFormat(r, c, cell.numberFormat);
    }
  }
  if (withFormats) copyFormatRecords(source, dest.sheet, target, transpose);
}

/** Replaces the destination's recorded formats by the source's, moved (and transposed) into place. */
function copyFormatRecords(source: RangeRef, destSheet: SheetModel, target: Rect, transpose: boolean): void {
  const src = source.rect;
  const records = source.sheet.formats
    .map((f) => ({ ...f, rect: intersectRects(f.rect, src) }))
    .filter((f): f is typeof f & { rect: Rect } => f.rect !== null);
  destSheet.formats.push({ rect: target, property: CLEARED_FORMATS, value: null });
  for (const f of records) {
    const dr = f.rect.row - src.row;
    const dc = f.rect.col - src.col;
    const rect: Rect = transpose
      ? { row: target.row + dc, col: target.col + dr, rows: f.rect.cols, cols: f.rect.rows }
      : { row: target.row + dr, col: target.col + dc, rows: f.rect.rows, cols: f.rect.cols };
    destSheet.formats.push({ rect, property: f.property, value: f.value });
  }
}
