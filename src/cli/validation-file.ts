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
import { sheetRows, streamSheets, type SheetCells } from "./xlsx-cells";

/** What a new run keeps from the earlier result file at --out. */
export interface PreviousResult {
  history: HistoryRow[];
  validation: ValidationNote[];
}

/** A sheet's rows; with `toFirstBlank`, up to the first blank row after the header. */
function sheetCells(sheet: SheetCells, toFirstBlank: boolean): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [i, cells] of sheetRows(sheet).entries()) {
    if (toFirstBlank && i > 0 && cells.every((v) => v === null || v === "")) break;
    rows.push(cells);
  }
  return rows;
}

/**
 * The history rows and the notes users wrote on `KPB Validering` in an earlier result file, read
 * in one streamed pass that keeps only those two sheets (a large result file is slow to open), so
 * `kpb run` with the same --out keeps both (the file itself is rewritten whole). No earlier file,
 * or not a workbook: nothing to keep.
 */
export async function readPreviousResult(path: string): Promise<PreviousResult> {
  const none: PreviousResult = { history: [], validation: [] };
  let sheets: Map<string, SheetCells>;
  try {
    const bytes = new Uint8Array(await fs.readFile(path));
    const wanted = new Set([HISTORY_SHEET.toLowerCase(), VALIDATION_SHEET.toLowerCase()]);
    sheets = await streamSheets(bytes, (name) => wanted.has(name.toLowerCase()));
  } catch {
    return none;
  }
  const history = sheets.get(HISTORY_SHEET.toLowerCase());
  const validation = sheets.get(VALIDATION_SHEET.toLowerCase());
  return {
    history: history ? parseHistoryRows(sheetCells(history, true)) : [],
    validation: validation ? parseValidationSheet(sheetCells(validation, false)) : [],
  };
}

/** Only the notes on `KPB Validering` of an earlier result file. */
export async function readValidationFile(path: string): Promise<ValidationNote[]> {
  return (await readPreviousResult(path)).validation;
}
