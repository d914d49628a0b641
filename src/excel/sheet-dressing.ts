import { asLiteralText } from "./cell-safety";
import {
  a1,
  blockPlaces,
  DIRECTION_FILLS,
  directionFormulas,
  NUMBER_FORMATS,
  PALETTE,
  sheetColumnWidths,
  type CellStyle,
  type SheetLayout,
} from "../layouts";
import type { ExcelRun } from "./excel-run";

/**
 * What a result sheet wears besides its tables and charts, the same as the command line's file
 * (src/cli/xlsx-output.ts): the title block's cells, fitted column widths with wrapped long text,
 * colours by direction (conditional formats), the print setup and frozen headings.
 */

interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
}

const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 20, color: PALETTE.ink },
  subtitle: { size: 11, color: PALETTE.muted },
  heading: { bold: true, size: 13, color: PALETTE.ink },
  columnHeader: { bold: true, size: 11, color: "#FFFFFF", fill: PALETTE.ink },
  label: { bold: true, size: 11 },
  value: { size: 11 },
  text: { size: 11 },
  note: { italic: true, size: 9, color: PALETTE.muted },
};

/** The title block's values, number formats and looks (on the temporary sheet, copied with it). */
export function writeTopCells(sheet: Excel.Worksheet, layout: SheetLayout): void {
  for (const t of layout.topCells ?? []) {
    const cell = sheet.getRange(a1(t.row, t.column));
    const format = NUMBER_FORMATS[t.format ?? "text"];
    cell.numberFormat = [[format]];
    cell.values = [[asLiteralText(t.value, format)]];
    const look = LOOKS[t.style ?? "value"];
    if (look.bold) cell.format.font.bold = true;
    if (look.italic) cell.format.font.italic = true;
    if (look.size) cell.format.font.size = look.size;
    if (look.color) cell.format.font.color = look.color;
    if (look.fill) cell.format.fill.color = look.fill;
    if (t.align) cell.format.horizontalAlignment = (t.align === "right" ? "Right" : "Left") as Excel.HorizontalAlignment;
  }
}

/** Widths, wrapped text columns and header rows, merged title cells and the heights of wrapped rows. */
export function fitSheet(sheet: Excel.Worksheet, layout: SheetLayout): void {
  // Excel's column width is in points; a character of the default font is about 7 points.
  sheetColumnWidths(layout).forEach((w, i) => (sheet.getRange(a1(1, i + 1)).format.columnWidth = Math.max(40, w * 7)));
  const places = blockPlaces(layout);
  layout.blocks.forEach((block, b) => {
    const place = places[b];
    sheet.getRange(a1(place.headerRow, 1, 1, block.columns.length)).format.wrapText = true;
    block.columns.forEach((c, i) => {
      if (c.wrap) sheet.getRange(a1(place.headerRow + 1, i + 1, place.bodyRows)).format.wrapText = true;
    });
    if (block.columns.some((c) => c.wrap)) sheet.getRange(a1(place.headerRow + 1, 1, place.bodyRows, block.columns.length)).format.autofitRows();
  });
  for (const t of layout.topCells ?? []) {
    const span = t.span ?? 1;
    if (span > 1) {
      const range = sheet.getRange(a1(t.row, t.column, 1, span));
      range.merge(false);
      if (t.style === "text") {
        range.format.wrapText = true;
        range.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
      }
    }
    if ((t.lines ?? 1) > 1) sheet.getRange(a1(t.row, 1)).format.rowHeight = 15 * t.lines!;
    if (t.style === "title") sheet.getRange(a1(t.row, 1)).format.rowHeight = 26;
  }
}

/** Number cells above the threshold in one fill, below it in another; empty cells none. */
export function addDirectionColours(sheet: Excel.Worksheet, layout: SheetLayout): void {
  for (const { box, threshold } of layout.colours ?? []) {
    const range = sheet.getRange(a1(box.row, box.column, box.rows, box.columns));
    const [above, below] = directionFormulas(box, threshold);
    for (const [formula, fill] of [
      [above, DIRECTION_FILLS.above],
      [below, DIRECTION_FILLS.below],
    ] as const) {
      const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = `=${formula}`;
      cf.custom.format.fill.color = fill;
    }
  }
}

/**
 * Landscape, one page wide, heading rows repeated, header and footer, the page break after the
 * title block, and frozen headings. The print API needs ExcelApi 1.9; an older Excel gets the
 * frozen headings and keeps its own print settings.
 */
export function setUpPage(sheet: Excel.Worksheet, layout: SheetLayout, printApi = printApiSupported()): void {
  const page = layout.page;
  if (!page) return;
  if (page.freezeRows > 0) sheet.freezePanes.freezeRows(page.freezeRows);
  else sheet.freezePanes.unfreeze();
  if (printApi) setUpPrint(sheet, layout);
}

/**
 * The print setup of every written sheet, in a request of its own after the results are in place:
 * a print setting Excel refuses (an older host, a protected sheet) must not undo a refresh whose
 * figures are already written. Returns false when Excel refused it.
 */
export async function applyPrintSetup(run: ExcelRun, layouts: SheetLayout[]): Promise<boolean> {
  if (!printApiSupported()) return false;
  try {
    await run(async (context) => {
      for (const layout of layouts) if (layout.page) setUpPrint(context.workbook.worksheets.getItem(layout.name), layout);
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

function setUpPrint(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const page = layout.page!;
  const pl = sheet.pageLayout;
  pl.orientation = (page.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
  pl.zoom = { horizontalFitToPages: page.fitToPagesWide, verticalFitToPages: 0 };
  if (page.titleRows) pl.setPrintTitleRows(`$${page.titleRows.from}:$${page.titleRows.to}`);
  const hf = pl.headersFooters.defaultForAllPages;
  hf.leftHeader = page.header.left;
  hf.centerHeader = page.header.center;
  hf.rightHeader = page.header.right;
  hf.leftFooter = page.footer.left;
  hf.centerFooter = page.footer.center;
  hf.rightFooter = page.footer.right;
  sheet.horizontalPageBreaks.removePageBreaks();
  if (layout.pageBreakAfter) sheet.horizontalPageBreaks.add(a1(layout.pageBreakAfter + 1, 1));
}

/** ExcelApi 1.9 (page layout); outside Office (the tests' fake) the calls are made. */
function printApiSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.context?.requirements) return true;
  return office.context.requirements.isSetSupported("ExcelApi", "1.9");
}

/** Before an existing result sheet is refilled: its colours and merged cells go with its old contents. */
export function clearDressing(sheet: Excel.Worksheet): void {
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  all.unmerge();
}
