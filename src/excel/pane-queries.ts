/**
 * Small workbook reads and moves the task pane needs besides the runs (src/excel/refresh.ts): which
 * tables and sheets exist, the result sheets, the selection and the active cell, a preview of a
 * source, activating a sheet.
 */
import type { CellValue } from "../engine";
import type { ExcelRun } from "./excel-run";
import { rangeOf } from "./read-tables";
import { excelMessage } from "./messages";
import { isResultSheet, type TableSource } from "./table-sources";

export interface WorkbookObjectList {
  tables: { name: string; sheet: string }[];
  sheets: string[];
}

/** Excel tables and visible sheets that can hold input (the `KPB …` result sheets are left out). */
export async function listWorkbookObjects(run: ExcelRun): Promise<WorkbookObjectList> {
  return run(async (context) => {
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    const sheets = context.workbook.worksheets.load("items/name,items/visibility");
    await context.sync();
    return {
      tables: tables.items
        .filter((t) => !isResultSheet(t.worksheet.name))
        .map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      sheets: sheets.items.filter((s) => s.visibility === "Visible" && !isResultSheet(s.name)).map((s) => s.name),
    };
  });
}

/** The `KPB …` result sheets in the workbook, in tab order. */
export async function listResultSheets(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/visibility");
    await context.sync();
    return sheets.items.filter((s) => s.name.startsWith("KPB ") && s.visibility === "Visible").map((s) => s.name);
  });
}

/** "Sheet1!A1:D20" or "'My sheet'!A1" → "A1:D20" / "A1". */
export function addressWithoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** The selected range: sheet name and address without the sheet. */
export async function getSelectedRange(run: ExcelRun): Promise<{ sheet: string; address: string }> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange().load("address,worksheet/name");
    await context.sync();
    return { sheet: range.worksheet.name, address: addressWithoutSheet(range.address) };
  });
}

/** The active cell and the value in column A of its row (the id on a `KPB …` sheet). */
export async function getActiveCell(
  run: ExcelRun,
): Promise<{ sheet: string; address: string; row: number; rowKey: CellValue }> {
  return run(async (context) => {
    const cell = context.workbook.getActiveCell().load("address,rowIndex,worksheet/name");
    await context.sync();
    const key = cell.worksheet.getRange(`A${cell.rowIndex + 1}`).load("values");
    await context.sync();
    return {
      sheet: cell.worksheet.name,
      address: addressWithoutSheet(cell.address),
      row: cell.rowIndex + 1,
      rowKey: (key.values[0]?.[0] ?? null) as CellValue,
    };
  });
}

/** The first `maxRows` rows of a source (header included), for the Källdata preview. */
export async function readSourcePreview(run: ExcelRun, source: TableSource, maxRows: number): Promise<CellValue[][]> {
  return run(async (context) => {
    const whole = rangeOf(context, source).load("rowCount,columnCount");
    await context.sync();
    const rows = Math.max(1, Math.min(maxRows, whole.rowCount));
    const columns = Math.max(1, Math.min(whole.columnCount, 60));
    const top = whole.getCell(0, 0).getResizedRange(rows - 1, columns - 1).load("values");
    await context.sync();
    return top.values as CellValue[][];
  });
}

export async function activateSheet(run: ExcelRun, sheet: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange("A1").select();
    await context.sync();
  });
}
