import type ExcelJS from "exceljs";
import { a1, directionFormulas, DIRECTION_FILLS, NUMBER_FORMATS, PALETTE, type CellStyle, type SheetLayout, type TopCell } from "../layouts";

/** What the result writers share: fonts and fills of the title block, colours by direction, print setup. */

/** exceljs's default font; named on every styled cell so no reader falls back to another. */
export const FONT = "Calibri";
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

export const TOP_STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, bold: true, size: 20, color: { argb: argb(PALETTE.ink) } } },
  subtitle: { font: { name: FONT, size: 11, color: { argb: argb(PALETTE.muted) } } },
  heading: { font: { name: FONT, bold: true, size: 13, color: { argb: argb(PALETTE.ink) } } },
  columnHeader: {
    font: { name: FONT, bold: true, size: 11, color: { argb: "FFFFFFFF" } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(PALETTE.ink) } },
    alignment: { wrapText: true, vertical: "middle" },
  },
  label: { font: { name: FONT, bold: true, size: 11 } },
  value: { font: { name: FONT, size: 11 } },
  text: { font: { name: FONT, size: 11 } },
  note: { font: { name: FONT, italic: true, size: 9, color: { argb: argb(PALETTE.muted) } } },
};

/** Colours by direction as conditional formats: above the threshold one fill, below it another. */
/** A title-block cell's value, font, fill, number format and alignment (merging and row height are the writer's). */
export function styleTopCell(cell: ExcelJS.Cell, t: TopCell): void {
  cell.value = t.value;
  const style = TOP_STYLES[t.style ?? "value"];
  if (style.font) cell.font = style.font;
  if (style.fill) cell.fill = style.fill;
  if (style.alignment) cell.alignment = style.alignment;
  if (t.format) cell.numFmt = NUMBER_FORMATS[t.format];
  if (t.style === "value" && t.format === "text") cell.alignment = { horizontal: "left" };
  if (t.align) cell.alignment = { ...cell.alignment, horizontal: t.align };
  if ((t.span ?? 1) > 1 && t.style === "text") cell.alignment = { wrapText: true, vertical: "top" };
}

export function writeColours(ws: Pick<ExcelJS.Worksheet, "addConditionalFormatting">, layout: SheetLayout): void {
  for (const { box, threshold } of layout.colours ?? []) {
    const fill = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", bgColor: { argb: argb(hex) } });
    const [above, below] = directionFormulas(box, threshold);
    ws.addConditionalFormatting({
      ref: a1(box.row, box.column, box.rows, box.columns),
      rules: [
        { type: "expression", formulae: [above], style: { fill: fill(DIRECTION_FILLS.above) }, priority: 1 },
        { type: "expression", formulae: [below], style: { fill: fill(DIRECTION_FILLS.below) }, priority: 2 },
      ],
    });
  }
}

/** Landscape A4, one page wide, heading rows repeated, header/footer, frozen headings. */
export function pageOptions(layout: SheetLayout): {
  pageSetup?: Partial<ExcelJS.PageSetup>;
  headerFooter?: Partial<ExcelJS.HeaderFooter>;
  views?: Partial<ExcelJS.WorksheetView>[];
} {
  const page = layout.page;
  if (!page) return {};
  const section = (s: { left: string; center: string; right: string }) => `&L${s.left}&C${s.center}&R${s.right}`;
  return {
    pageSetup: {
      orientation: page.landscape ? "landscape" : "portrait",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: page.fitToPagesWide,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(page.titleRows ? { printTitlesRow: `${page.titleRows.from}:${page.titleRows.to}` } : {}),
    },
    headerFooter: { oddHeader: section(page.header), oddFooter: section(page.footer) },
    ...(page.freezeRows > 0 ? { views: [{ state: "frozen", ySplit: page.freezeRows }] } : {}),
  };
}
