import ExcelJS from "exceljs";
import { NUMBER_FORMATS, type SheetLayout } from "../../layouts";
import { blockPlaces, sheetColumnWidths } from "../../layouts";
import { wrappedLines } from "../../layouts";
import { FONT, pageOptions, styleTopCell, writeColours } from "../xlsx-result-style";

/*
 * The straightforward result writer: the whole workbook in memory with exceljs. The command line
 * writes with the streaming writer (src/cli/xlsx-result-stream.ts); a test checks that both give
 * the same workbook, cell for cell.
 */

/**
 * Writes result sheets (as laid out by the engine) into a new workbook: the free cells of a title
 * block, each block an Excel table with its number formats, colours by direction, frozen
 * headings, fitted column widths and the print setup. Text is always written as a value, never
 * as a formula. Charts are added to the file afterwards (xlsx-charts.ts): exceljs cannot write them.
 */
export function buildResultWorkbook(layouts: SheetLayout[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPB";
  for (const layout of layouts) {
    const ws = wb.addWorksheet(layout.name);
    const places = blockPlaces(layout);
    writeTopCells(ws, layout);
    layout.blocks.forEach((block, b) => {
      const { titleRow, headerRow } = places[b];
      if (titleRow !== null) {
        ws.getCell(titleRow, 1).value = block.title!;
        ws.getCell(titleRow, 1).font = { name: FONT, bold: true, size: 12 };
      }
      ws.addTable({
        name: block.tableName,
        ref: ws.getCell(headerRow, 1).address,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: block.columns.map((c) => ({ name: c.header, filterButton: true })),
        rows: block.rows.length ? block.rows.map((r) => r.map((v) => (v === null ? null : v))) : [block.columns.map(() => null)],
      });
      block.columns.forEach((c, i) => {
        ws.getCell(headerRow, i + 1).alignment = { wrapText: true, vertical: "bottom" };
        for (let r = 0; r < block.rows.length; r++) {
          const cell = ws.getCell(headerRow + 1 + r, i + 1);
          cell.numFmt = NUMBER_FORMATS[c.format];
          if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
        }
      });
      for (const { column, formats } of block.rowFormats ?? []) {
        formats.forEach((f, r) => (ws.getCell(headerRow + 1 + r, column + 1).numFmt = NUMBER_FORMATS[f]));
      }
      // Rows with wrapped long text get their height (a reader does not always fit it on opening).
      block.rows.forEach((row, r) => {
        const lines = wrappedLines(row, block.columns);
        if (lines === 1) return;
        ws.getRow(headerRow + 1 + r).height = 15 * lines;
        block.columns.forEach((c, i) => {
          const cell = ws.getCell(headerRow + 1 + r, i + 1);
          cell.alignment = { ...cell.alignment, vertical: "top" };
        });
      });
    });
    sheetColumnWidths(layout).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    writeColours(ws, layout);
    writePage(ws, layout);
  }
  return wb;
}

/** The title block: values, number formats, styles, merged spans and the heights of wrapped rows. */
function writeTopCells(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  for (const t of layout.topCells ?? []) {
    styleTopCell(ws.getCell(t.row, t.column), t);
    if ((t.span ?? 1) > 1) ws.mergeCells(t.row, t.column, t.row, t.column + t.span! - 1);
    if ((t.lines ?? 1) > 1) ws.getRow(t.row).height = 15 * t.lines!;
    if (t.style === "title") ws.getRow(t.row).height = 26;
  }
}

/** Landscape A4, one page wide, heading rows repeated, header/footer, frozen headings. */
function writePage(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  if (!layout.page) return;
  const { pageSetup, headerFooter, views } = pageOptions(layout);
  if (pageSetup) ws.pageSetup = { ...ws.pageSetup, ...pageSetup };
  if (headerFooter) ws.headerFooter = headerFooter;
  if (views) ws.views = views as ExcelJS.WorksheetView[];
  if (layout.pageBreakAfter) ws.getRow(layout.pageBreakAfter).addPageBreak();
}
