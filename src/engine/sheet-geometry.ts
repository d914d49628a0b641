import type { SheetLayout } from "./result-sheets";

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

/** Excel column letters for a 1-based column number. */
export function columnName(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a block of cells (1-based row and column). */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const start = `${columnName(column)}${row}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnName(column + columns - 1)}${row + rows - 1}`;
}
