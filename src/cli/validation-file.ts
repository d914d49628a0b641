import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { parseValidationSheet, VALIDATION_SHEET, type ValidationNote } from "../engine/analyses/validation-pack";
import type { CellValue } from "../engine/model";
import { plainValue } from "./xlsx-input";

/**
 * The notes users wrote on `KPB Validering` in an earlier result file, so `kpb run` with the same
 * --out keeps them (the file is rewritten whole). No earlier file, or no such sheet: no notes.
 */
export async function readValidationFile(path: string): Promise<ValidationNote[]> {
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
  const ws = wb.getWorksheet(VALIDATION_SHEET);
  if (!ws) return [];
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(plainValue(ws.getRow(r).getCell(c).value));
    rows.push(cells);
  }
  return parseValidationSheet(rows);
}
