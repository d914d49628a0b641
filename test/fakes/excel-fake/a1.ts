/** A1-style addresses: parsing, formatting and sheet-name quoting, as Excel writes them. */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ParsedAddress {
  sheetName?: string;
  rect: Rect;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

interface Corner {
  row?: number;
  col?: number;
}

function parseCorner(text: string): Corner | null {
  let m = CELL.exec(text);
  if (m) return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnIndex(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return null;
}

function inGrid(rect: Rect): boolean {
  return (
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLUMNS
  );
}

/** "C5", "A1:D20", "$A$1", "A:C" (whole columns), "2:4" (whole rows). Null when not an address. */
export function parseRect(text: string): Rect | null {
  const parts = text.trim().split(":");
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return null;
  const wholeColumns = a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined;
  const wholeRows = a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined;
  const cells = a.row !== undefined && a.col !== undefined && b.row !== undefined && b.col !== undefined;
  // A lone column letter or row number is a name, not an address.
  if (parts.length === 1 && !cells) return null;
  let rect: Rect;
  if (cells) {
    const row = Math.min(a.row!, b.row!);
    const col = Math.min(a.col!, b.col!);
    rect = { row, col, rows: Math.abs(a.row! - b.row!) + 1, cols: Math.abs(a.col! - b.col!) + 1 };
  } else if (wholeColumns) {
    const col = Math.min(a.col!, b.col!);
    rect = { row: 0, col, rows: MAX_ROWS, cols: Math.abs(a.col! - b.col!) + 1 };
  } else if (wholeRows) {
    const row = Math.min(a.row!, b.row!);
    rect = { row, col: 0, rows: Math.abs(a.row! - b.row!) + 1, cols: MAX_COLUMNS };
  } else {
    return null;
  }
  return inGrid(rect) ? rect : null;
}

/** Splits "'Sheet 1'!A1:B2" into sheet name and the rest; no sheet part gives `sheetName` undefined. */
export function splitSheetPrefix(text: string): { sheetName?: string; rest: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < trimmed.length) {
      if (trimmed[i] === "'") {
        if (trimmed[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += trimmed[i++];
    }
    if (trimmed[i] === "'" && trimmed[i + 1] === "!") return { sheetName: name, rest: trimmed.slice(i + 2) };
    return { rest: trimmed };
  }
  const bang = trimmed.lastIndexOf("!");
  if (bang > 0) return { sheetName: trimmed.slice(0, bang), rest: trimmed.slice(bang + 1) };
  return { rest: trimmed };
}

export function parseAddress(text: string): ParsedAddress | null {
  const { sheetName, rest } = splitSheetPrefix(text);
  const rect = parseRect(rest);
  if (!rect) return null;
  return sheetName === undefined ? { rect } : { sheetName, rect };
}

const PLAIN_SHEET_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_REFERENCE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

/** Excel quotes sheet names with spaces, punctuation, a leading digit, or that read as a cell reference. */
export function quoteSheetName(name: string): string {
  if (PLAIN_SHEET_NAME.test(name) && !LOOKS_LIKE_REFERENCE.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (rect.rows === MAX_ROWS && rect.row === 0) {
    return `${d}${columnLetters(rect.col)}:${d}${columnLetters(rect.col + rect.cols - 1)}`;
  }
  if (rect.cols === MAX_COLUMNS && rect.col === 0) {
    return `${d}${rect.row + 1}:${d}${rect.row + rect.rows}`;
  }
  const topLeft = `${d}${columnLetters(rect.col)}${d}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return topLeft;
  return `${topLeft}:${d}${columnLetters(rect.col + rect.cols - 1)}${d}${rect.row + rect.rows}`;
}

/** "Sheet1!A1:B2", "'KPB Styckkostnader'!C5" — the form of `Range.address`. */
export function formatAddress(sheetName: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}

export function cellRect(row: number, col: number): Rect {
  return { row, col, rows: 1, cols: 1 };
}

export function rectContains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}

export function intersectRects(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  const rowEnd = Math.max(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.max(a.col + a.cols, b.col + b.cols);
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

/** Throws-free check used by range navigation: the rectangle lies inside the worksheet grid. */
export function isInsideGrid(rect: Rect): boolean {
  return inGrid(rect);
}
