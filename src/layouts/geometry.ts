import { columnLetter } from "../engine";
import type { CellBox, ChartSpec, ColumnFormat, SheetColumn, SheetLayout } from "./sheet-layout";

/** A result-sheet column: header, number format and width in characters. */
export const column = (header: string, format: ColumnFormat, width = 14): SheetColumn => ({ header, format, width });

/** A decimal string as a cell number (null stays an empty cell). */
export const decimalCell = (value: string | null): number | null => (value === null ? null : Number(value));

/** Where each block of a result sheet sits (1-based rows): the same in the file and in Excel. */
export interface BlockPlace {
  titleRow: number | null;
  headerRow: number;
  /** Data rows; an empty block still takes one (blank) row so the table has a body. */
  bodyRows: number;
}

export function blockPlaces(layout: SheetLayout): BlockPlace[] {
  const places: BlockPlace[] = [];
  let row = 1 + (layout.topRows ?? 0);
  for (const block of layout.blocks) {
    const titleRow = block.title ? row : null;
    if (block.title) row++;
    const bodyRows = Math.max(1, block.rows.length);
    places.push({ titleRow, headerRow: row, bodyRows });
    row += 1 + bodyRows + 1;
  }
  return places;
}

/** A1 address of a block of cells (1-based row and column). */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const start = `${columnLetter(column)}${row}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
}

/**
 * Where a chart sits: its spec's place, else to the right of its block, one below the other.
 * Both writers (Excel and the file) use this, so the chart lands in the same cells.
 */
export function chartPlace(layout: SheetLayout, spec: ChartSpec, places: BlockPlace[] = blockPlaces(layout)): CellBox {
  if (spec.place) return spec.place;
  const block = layout.blocks[spec.block];
  const index = layout.charts.filter((c) => !c.place).indexOf(spec);
  return { row: places[spec.block].headerRow + 20 * Math.max(0, index), column: block.columns.length + 2, rows: 18, columns: 8 };
}

/** The width of each sheet column in characters: the fitted widths, else the widest block's. */
export function sheetColumnWidths(layout: SheetLayout): number[] {
  if (layout.columnWidths) return layout.columnWidths;
  const widths: number[] = [];
  for (const block of layout.blocks) block.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
  return widths;
}

/**
 * The two conditions of a DirectionColours box as Excel formulas relative to its top-left cell
 * (no leading "="): a number above the threshold, a number below it. Empty cells match neither.
 */
export function directionFormulas(box: CellBox, threshold: number): [above: string, below: string] {
  const cell = a1(box.row, box.column);
  return [`AND(ISNUMBER(${cell}),${cell}>${threshold})`, `AND(ISNUMBER(${cell}),${cell}<${threshold})`];
}
