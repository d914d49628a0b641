import { columnLetter } from "./cells";
import type { ColumnFormat, SheetColumn, SheetLayout } from "./result-sheets";

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
  let row = 1;
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
