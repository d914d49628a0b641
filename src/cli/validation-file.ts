import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import {
  HISTORY_SHEET,
  parseHistoryRows,
  parseValidationSheet,
  VALIDATION_SHEET,
  type CellValue,
  type HistoryRow,
  type ValidationNote,
} from "../engine";
import { plainValue } from "./xlsx-input";

/** What a new run keeps from the earlier result file at --out. */
export interface PreviousResult {
  history: HistoryRow[];
  validation: ValidationNote[];
}

/** A sheet's cells as plain values, row by row; with `toFirstBlank`, up to the first blank row after the header. */
function sheetCells(ws: ExcelJS.Worksheet, toFirstBlank: boolean): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(plainValue(ws.getRow(r).getCell(c).value));
    if (toFirstBlank && r > 1 && cells.every((v) => v === null || v === "")) break;
    rows.push(cells);
  }
  return rows;
}

/**
 * The history rows and the notes users wrote on `KPB Validering` in an earlier result file, read
 * in one pass (a large result file is slow to open), so `kpb run` with the same --out keeps both
 * (the file itself is rewritten whole). No earlier file, or not a workbook: nothing to keep.
 */
export async function readPreviousResult(path: string): Promise<PreviousResult> {
  const none: PreviousResult = { history: [], validation: [] };
  try {
    await fs.access(path);
  } catch {
    return none;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    return none;
  }
  const history = wb.getWorksheet(HISTORY_SHEET);
  const validation = wb.getWorksheet(VALIDATION_SHEET);
  return {
    history: history ? parseHistoryRows(sheetCells(history, true)) : [],
    validation: validation ? parseValidationSheet(sheetCells(validation, false)) : [],
  };
}

/** Only the notes on `KPB Validering` of an earlier result file. */
export async function readValidationFile(path: string): Promise<ValidationNote[]> {
  return (await readPreviousResult(path)).validation;
}
