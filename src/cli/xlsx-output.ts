import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { NUMBER_FORMATS, type SheetLayout } from "../engine/result-sheets";
import { blockPlaces } from "../engine/sheet-geometry";
import type { CellValue } from "../engine/model";

/**
 * Writes result sheets (as laid out by the engine) into a new workbook: each block an Excel table
 * with its number formats, the first header row frozen, and column widths set. Text is always
 * written as a value, never as a formula.
 */
export function buildResultWorkbook(layouts: SheetLayout[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPB";
  for (const layout of layouts) {
    const ws = wb.addWorksheet(layout.name);
    const places = blockPlaces(layout);
    layout.blocks.forEach((block, b) => {
      const { titleRow, headerRow } = places[b];
      if (titleRow !== null) {
        ws.getCell(titleRow, 1).value = block.title!;
        ws.getCell(titleRow, 1).font = { bold: true, size: 12 };
      }
      if (b === 0) ws.views = [{ state: "frozen", ySplit: headerRow }];
      ws.addTable({
        name: block.tableName,
        ref: ws.getCell(headerRow, 1).address,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: block.columns.map((c) => ({ name: c.header, filterButton: true })),
        rows: block.rows.length ? block.rows.map((r) => r.map((v) => (v === null ? null : v))) : [block.columns.map(() => null)],
      });
      block.columns.forEach((c, i) => {
        const column = ws.getColumn(i + 1);
        column.width = Math.max(column.width ?? 0, c.width);
        for (let r = 0; r < block.rows.length; r++) ws.getCell(headerRow + 1 + r, i + 1).numFmt = NUMBER_FORMATS[c.format];
      });
      for (const { column, formats } of block.rowFormats ?? []) {
        formats.forEach((f, r) => (ws.getCell(headerRow + 1 + r, column + 1).numFmt = NUMBER_FORMATS[f]));
      }
    });
  }
  return wb;
}

/**
 * Writes next to the target and renames only when the whole file is on disk, so a full disk or
 * a failed write leaves any earlier file at the target untouched.
 */
export async function writeFileAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export async function writeResultWorkbook(target: string, layouts: SheetLayout[]): Promise<void> {
  const wb = buildResultWorkbook(layouts);
  await writeFileAtomically(target, (tmp) => wb.xlsx.writeFile(tmp));
}

/** The sample (or any) input tables as a workbook: one sheet and one Excel table per table. */
export async function writeInputWorkbook(target: string, tables: Record<string, CellValue[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPB";
  for (const [name, rows] of Object.entries(tables)) {
    const ws = wb.addWorksheet(name);
    const [header, ...body] = rows;
    ws.addTable({
      name: name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: header.map((h) => ({ name: String(h), filterButton: true })),
      rows: body.map((r) => r.map((v) => (v === undefined ? null : v)) as ExcelJS.CellValue[]),
    });
    header.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(10, String(h).length + 4)));
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  await writeFileAtomically(target, (tmp) => wb.xlsx.writeFile(tmp));
}
