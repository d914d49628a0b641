import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { HISTORY_SHEET, parseHistoryRows, type CellValue, type HistoryRow } from "../engine";
import { plainValue } from "./xlsx-input";

/**
 * The history rows of an earlier result file, so `kpb run` on next year's workbook with the same
 * --out keeps the earlier years in `KPB Historik`. No earlier file (or no such sheet): no history.
 */
export async function readHistoryFile(path: string): Promise<HistoryRow[]> {
  try {
    await fs.access(path);
  } catch {
    return [];
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    return [];
  }
  const ws = wb.getWorksheet(HISTORY_SHEET);
  if (!ws) return [];
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(plainValue(ws.getRow(r).getCell(c).value));
    if (r > 1 && cells.every((v) => v === null || v === "")) break; // the history table ends at the first blank row
    rows.push(cells);
  }
  return parseHistoryRows(rows);
}
