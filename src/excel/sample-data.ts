import { asLiteralText } from "./cell-safety";
import { type CellValue, type TableName } from "../engine";
import { a1 } from "../layouts";
import { exempelbyTables, type SampleTables } from "../sample/exempelby";
import { CancelledError, MAX_REQUEST_BYTES, type CancelToken, type ExcelRun, type ProgressListener } from "./excel-run";
import { findTables } from "./read-tables";
import { TABLE_NAMES } from "./table-sources";

export type SampleWriteOutcome =
  | { ok: true; sheets: string[] }
  /** The workbook already holds contract tables (or sheets with their names): nothing was written. */
  | { ok: false; existing: TableName[] };

/** Order of the sheets: the ledger first, so the user lands on familiar data. */
const SHEET_ORDER: TableName[] = ["Ekonomi", "Kodning", "Pooler", "Nycklar", "Insatskatalog", "Brukare", "Befolkning", "Jämförelse", "Inställningar"];

/** Number formats for the sample's amount-like columns (display only; the values stay exact). */
export const COLUMN_FORMATS: Record<string, string> = {
  Belopp: "#,##0.00",
  Volym: "#,##0.0##",
  Antal: "#,##0",
  Andel: "0.0 %",
};

/** Rows per write request: the JSON of the values (and formats) stays well under the request limit. */
export function rowSlices(rows: CellValue[][], budget = MAX_REQUEST_BYTES / 2): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = JSON.stringify(row).length + 16;
    if (i > start && bytes + size > budget) {
      out.push([start, i - start]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (rows.length > start) out.push([start, rows.length - start]);
  return out;
}

/** A sample value as written: text-formatted cells take text as is, elsewhere text Excel could misread gets a quote prefix. */
export const cellOf = (value: CellValue, textCell: boolean): string | number | boolean => asLiteralText(value, textCell ? "@" : undefined);

/** Columns whose every value is text (codes, ids, periods): formatted as text so Excel keeps "0612" and "2024-01". */
export function textColumns(rows: CellValue[][]): boolean[] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => {
    let seen = false;
    for (let r = 1; r < rows.length; r++) {
      const v = rows[r][c];
      if (v === null || v === undefined || v === "") continue;
      if (typeof v !== "string") return false;
      seen = true;
    }
    return seen;
  });
}

/**
 * Writes the sample municipality's input tables (Exempelby) into an empty workbook: one sheet per
 * contract table, each an Excel table named after the contract, values in chunks with progress and
 * cancel. Refuses (writes nothing) when the workbook already holds contract tables.
 */
export async function writeSampleData(
  run: ExcelRun,
  options: { tables?: SampleTables; onProgress?: ProgressListener; cancel?: CancelToken } = {},
): Promise<SampleWriteOutcome> {
  const tables = options.tables ?? exempelbyTables();
  const found = await findTables(run, {});
  const existingSheets = await run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name.toLowerCase());
  });
  const clash = TABLE_NAMES.filter((t) => found.some((f) => f.table === t) || existingSheets.includes(t.toLowerCase()));
  if (clash.length > 0) return { ok: false, existing: clash };

  const order = SHEET_ORDER.filter((t) => tables[t]);
  const totalRows = order.reduce((n, t) => n + tables[t].length, 0);
  let doneRows = 0;
  const written: string[] = [];
  try {
    await run(async (context) => {
      for (const table of order) {
        await writeSheet(context, table, tables[table]);
        written.push(table);
      }
      context.workbook.worksheets.getItem(order[0]).activate();
      await context.sync();
    });
  } catch (error) {
    // Cancelled or failed half-way: take the new sheets away again, so the workbook is as it was.
    await removeSheets(run, order).catch(() => undefined);
    throw error;
  }
  return { ok: true, sheets: written };

  async function writeSheet(context: Excel.RequestContext, table: TableName, rows: CellValue[][]): Promise<void> {
    const width = rows[0].length;
    const sheet = context.workbook.worksheets.add(table);
    const asText = textColumns(rows);
    const body = (c: number) => sheet.getRange(a1(2, c + 1, Math.max(1, rows.length - 1)));
    // Formats first, so codes and periods are stored as typed ("0612", "2024-01").
    rows[0].forEach((header, c) => {
      const format = asText[c] ? "@" : typeof header === "string" ? COLUMN_FORMATS[header] : undefined;
      if (format) body(c).numberFormat = format as unknown as string[][];
    });
    for (const [start, count] of rowSlices(rows)) {
      if (options.cancel?.cancelled) throw new CancelledError();
      sheet.getRange(a1(start + 1, 1, count, width)).values = rows
        .slice(start, start + count)
        .map((r, i) => r.map((v, c) => cellOf(v, asText[c] && start + i > 0)));
      await context.sync();
      doneRows += count;
      options.onProgress?.({ phase: "skriver", done: doneRows, total: totalRows, detail: table });
    }
    const whole = a1(1, 1, Math.max(2, rows.length), width);
    const excelTable = sheet.tables.add(whole, true);
    excelTable.name = table;
    excelTable.style = "TableStyleLight9";
    sheet.getRange(whole).format.autofitColumns();
    sheet.freezePanes.freezeRows(1);
    await context.sync();
  }
}

async function removeSheets(run: ExcelRun, names: string[]): Promise<void> {
  await run(async (context) => {
    const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    sheets.forEach((s) => {
      if (!s.isNullObject) s.delete();
    });
    await context.sync();
  });
}
