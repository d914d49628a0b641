import { type CellValue, type TableName } from "../engine";
import { a1 } from "../layouts";
import { CancelledError, type CancelToken, type ExcelRun, type ProgressListener } from "./excel-run";
import { pseudonymiseRows } from "../input/file-table";
import { cellOf, COLUMN_FORMATS, rowSlices, textColumns } from "./sample-data";

export interface ImportWriteOutcome {
  sheet: string;
  /** The Excel table the contract table now points at (saved in the mapping by the pane). */
  tableName: string;
  rows: number;
  /** Cells whose personnummer were replaced by pseudonyms before writing. */
  pseudonymised: number;
}

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/** The first of `Ekonomi (fil)`, `Ekonomi (fil 2)` … that no sheet has (sheet names compare case-insensitively). */
function freeSheetName(table: TableName, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${table} (fil${n > 1 ? ` ${n}` : ""})`.slice(0, MAX_SHEET_NAME);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function freeTableName(table: TableName, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${table}_fil${n > 1 ? n : ""}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Writes a table read from a file (header row first) to a new sheet as an Excel table, in chunks
 * with progress and cancel. Nothing the user had is overwritten: the earlier source stays where it
 * was, and the pane points the contract table at the new Excel table. A cancel or failure takes
 * the new sheet away again. Personnummer in the file are written as their pseudonyms under the
 * workbook's secret (`secret`), never as they are.
 */
export async function writeImportedTable(
  run: ExcelRun,
  table: TableName,
  rows: CellValue[][],
  options: { secret: string; onProgress?: ProgressListener; cancel?: CancelToken },
): Promise<ImportWriteOutcome> {
  const names = await run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    return { sheets: new Set(sheets.items.map((s) => s.name.toLowerCase())), tables: new Set(tables.items.map((t) => t.name.toLowerCase())) };
  });
  const sheetName = freeSheetName(table, names.sheets);
  const tableName = freeTableName(table, names.tables);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const square = rows.map((r) => (r.length === width ? [...r] : [...r, ...new Array<CellValue>(width - r.length).fill(null)]));
  const pseudonymised = pseudonymiseRows(square, options.secret);
  const asText = textColumns(square);
  try {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add(sheetName);
      const body = (c: number) => sheet.getRange(a1(2, c + 1, Math.max(1, square.length - 1)));
      square[0].forEach((header, c) => {
        const format = asText[c] ? "@" : typeof header === "string" ? COLUMN_FORMATS[header] : undefined;
        if (format) body(c).numberFormat = format as unknown as string[][];
      });
      let done = 0;
      for (const [start, count] of rowSlices(square)) {
        if (options.cancel?.cancelled) throw new CancelledError();
        sheet.getRange(a1(start + 1, 1, count, width)).values = square
          .slice(start, start + count)
          .map((r, i) => r.map((v, c) => cellOf(v, asText[c] && start + i > 0)));
        await context.sync();
        done += count;
        options.onProgress?.({ phase: "skriver", done, total: square.length, detail: table });
      }
      const whole = a1(1, 1, Math.max(2, square.length), width);
      const excelTable = sheet.tables.add(whole, true);
      excelTable.name = tableName;
      excelTable.style = "TableStyleLight9";
      sheet.freezePanes.freezeRows(1);
      sheet.activate();
      await context.sync();
    });
  } catch (error) {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    }).catch(() => undefined);
    throw error;
  }
  return { sheet: sheetName, tableName, rows: square.length - 1, pseudonymised };
}
