import type { ColumnFormat, PageSetup, SheetCell, SheetColumn, SheetLayout } from "./sheet-layout";
import { blockPlaces } from "./geometry";

/**
 * What every result sheet gets before it is written, the same in the file and in Excel:
 * column widths that fit the content, and a print setup (landscape, one page wide, heading rows
 * repeated, header and footer with municipality, year, sheet name and page N of M).
 */

/** Widest column in characters; longer text wraps inside it. */
export const MAX_COLUMN_WIDTH = 60;
const MIN_COLUMN_WIDTH = 6;

/** Characters a number takes in its format (Swedish separators: "1 234 567,89 kr"). */
function numberWidth(value: number, format: ColumnFormat): number {
  const digits = (n: number, decimals: number) => {
    const whole = Math.trunc(Math.abs(n)).toString().length;
    return whole + Math.floor((whole - 1) / 3) + (decimals ? decimals + 1 : 0) + (n < 0 ? 1 : 0);
  };
  switch (format) {
    case "kr":
      return digits(value, 0) + 3;
    case "unitcost":
      return digits(value, 2) + 3;
    case "percent":
      return digits(value * 100, 1) + 2;
    case "integer":
      return digits(value, 0);
    case "index":
      return digits(value, 2);
    default:
      return digits(value, 3);
  }
}

export function cellWidth(value: SheetCell, format: ColumnFormat): number {
  if (value === null) return 0;
  if (typeof value === "number") return numberWidth(value, format);
  return value.length;
}

/** A header wraps at its spaces: it needs its longest word, and at most three lines. */
function headerWidth(header: string): number {
  const longestWord = Math.max(...header.split(/\s+/).map((w) => w.length));
  return Math.max(longestWord, Math.ceil(header.length / 3));
}

/**
 * One width per sheet column: the widest content of the column over every block (and the
 * free cells above them that take one column), plus a little air, between 6 and 60. Text
 * columns wider than that wrap.
 */
export function fitColumns(layout: SheetLayout): SheetLayout {
  const widths: number[] = [];
  const grow = (column: number, width: number) => (widths[column] = Math.max(widths[column] ?? MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, width + 2)));
  for (const cell of layout.topCells ?? []) {
    if ((cell.span ?? 1) > 1 || cell.style === "columnHeader") continue;
    // Bold labels are about a tenth wider than the width unit's plain digits.
    const text = cellWidth(cell.value, cell.format ?? "text");
    grow(cell.column - 1, Math.ceil(text * (cell.style === "label" ? 1.1 : 1)) + 1);
  }
  const blocks = layout.blocks.map((block) => {
    const columns = block.columns.map((column, i) => {
      const formats = block.rowFormats?.find((f) => f.column === i)?.formats;
      let widest = headerWidth(column.header);
      block.rows.forEach((row, r) => (widest = Math.max(widest, cellWidth(row[i] ?? null, formats?.[r] ?? column.format))));
      // Text is capped at the layout's width for the column (a long Källa wraps rather than
      // pushing the page narrower); numbers always get their full width.
      const cap = column.format === "text" ? Math.min(MAX_COLUMN_WIDTH, Math.max(column.width, 12)) : MAX_COLUMN_WIDTH;
      const width = Math.min(cap, widest + 2);
      grow(i, width - 2);
      return { ...column, width, ...(widest + 2 > cap ? { wrap: true } : {}) };
    });
    return { ...block, columns };
  });
  const columnWidths = Array.from(widths, (w) => w ?? MIN_COLUMN_WIDTH);
  // Sentences over merged columns wrap: give each the lines it needs at the columns' width.
  const topCells = layout.topCells?.map((cell) => {
    if ((cell.span ?? 1) === 1 || cell.style !== "text" || typeof cell.value !== "string") return cell;
    const width = columnWidths.slice(cell.column - 1, cell.column - 1 + cell.span!).reduce((a, b) => a + b, 0);
    // Running text averages about 0.85 of the width unit (a digit) per character.
    const lines = Math.max(cell.lines ?? 1, Math.ceil((cell.value.length * 0.85) / Math.max(1, width)));
    return lines > 1 ? { ...cell, lines } : cell;
  });
  return { ...layout, blocks, columnWidths, ...(topCells ? { topCells } : {}) };
}

/** Text for an Excel header/footer section: "&" is a code there, so a literal one is doubled. */
const literal = (text: string) => text.replace(/&/g, "&&");

export function pageSetup(layout: SheetLayout, municipality: string, year: number): PageSetup {
  const places = blockPlaces(layout);
  const first = places[0];
  const hasTop = (layout.topRows ?? 0) > 0;
  // A sheet with a title block freezes its first row (the title) and repeats the header of the
  // table below it; the others freeze and repeat everything down to the first table's header.
  const tableHeader = first ? first.headerRow : 1;
  return {
    landscape: true,
    fitToPagesWide: 1,
    titleRows: first ? { from: hasTop ? tableHeader : 1, to: tableHeader } : null,
    freezeRows: hasTop ? 1 : tableHeader,
    header: { left: literal(`${municipality || "Kommunen"} – KPB ${year}`), center: "&A", right: "" },
    footer: { left: literal("Kostnad per brukare (KPB)"), center: "", right: "Sida &P av &N" },
  };
}

/** Widths and print setup for every sheet of a run. */
export function finishLayouts(layouts: SheetLayout[], municipality: string, year: number): SheetLayout[] {
  return layouts.map((layout) => {
    const fitted = fitColumns(layout);
    return { ...fitted, page: pageSetup(fitted, municipality, year) };
  });
}

/**
 * Lines a block row needs where its wrapped columns hold long text (running text averages about
 * three quarters of the width unit per character); 1 when nothing wraps. Writers that cannot autofit rows
 * (the file) set the row height from this.
 */
export function wrappedLines(row: SheetCell[], columns: SheetColumn[]): number {
  let lines = 1;
  columns.forEach((c, i) => {
    const v = row[i];
    if (c.wrap && typeof v === "string") lines = Math.max(lines, Math.ceil((v.length * 0.75) / Math.max(1, c.width - 1)));
  });
  return lines;
}
