import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { fold, TABLE_ALIASES, TABLE_NAMES, TABLE_SCHEMAS, type CellValue, type TableInput, type TableName, type WorkbookInput } from "../engine";
import { cliMessage } from "./messages";

/** Why a workbook file could not be opened, in words a user can act on. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

/** exceljs cell values (formulas, rich text, links, errors) as plain cell values. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("result" in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("formula" in value || "sharedFormula" in value) return null;
    if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("text" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

/** Tables whose numbers may be typed as percent: their cells' number formats go to the engine too. */
const TABLES_WITH_FORMATS: TableName[] = ["Nycklar", "Jämförelse"];

/** The number formats of a rectangular block (exceljs `numFmt`), same shape as sheetBlock's values. */
function formatBlock(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const formats: (string | null)[] = [];
    for (let c = left; c <= right; c++) formats.push(row.getCell(c).numFmt ?? null);
    rows.push(formats);
  }
  return rows;
}

/** A table's block: values, and number formats for the tables that need them. */
function tableBlock(table: TableName, ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): TableInput {
  const input: TableInput = { rows: sheetBlock(ws, top, left, bottom, right), sheet: ws.name, firstRow: top, firstColumn: left };
  if (TABLES_WITH_FORMATS.includes(table)) input.numberFormats = formatBlock(ws, top, left, bottom, right);
  return input;
}

/** A rectangular block of a sheet as plain values. */
function sheetBlock(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    for (let c = left; c <= right; c++) cells.push(plainValue(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function decodeRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.replace(/^.*!/, ""));
  if (!m) throw new WorkbookFileError(cliMessage("unknownCellReference", { ref }));
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4] ?? m[2]), right: col(m[3] ?? m[1]) };
}

function usedBlock(table: TableName, ws: ExcelJS.Worksheet): TableInput | null {
  if (ws.actualRowCount === 0) return null;
  return tableBlock(table, ws, 1, 1, ws.rowCount, ws.columnCount);
}

const nameMatches = (candidate: string, table: TableName) =>
  [table, ...TABLE_ALIASES[table]].some((n) => fold(n) === fold(candidate));

/**
 * Finds each contract table in a workbook file: an Excel table with the table's name, else a
 * sheet with that name, else a sheet whose first rows carry the table's required headers.
 */
export function findTables(wb: ExcelJS.Workbook): WorkbookInput {
  const input: WorkbookInput = {};
  const sheets = wb.worksheets.filter((ws) => !ws.name.startsWith("KPB "));
  for (const table of TABLE_NAMES) {
    for (const ws of sheets) {
      for (const t of Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string } }> }).tables ?? {})) {
        const def = t.table;
        if (!nameMatches(def.name, table)) continue;
        const ref = def.tableRef ?? def.ref;
        if (!ref) continue;
        const { top, left, bottom, right } = decodeRef(ref);
        input[table] = tableBlock(table, ws, top, left, bottom, right);
      }
      if (input[table]) break;
    }
    if (input[table]) continue;
    const byName = sheets.find((ws) => nameMatches(ws.name, table));
    if (byName) {
      const block = usedBlock(table, byName);
      if (block) input[table] = block;
      continue;
    }
    const required = TABLE_SCHEMAS[table].filter((c) => c.required);
    const byHeader = sheets.find((ws) => {
      for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
        const texts = (sheetBlock(ws, r, 1, r, ws.columnCount)[0] ?? []).filter((v): v is string => typeof v === "string").map(fold);
        const names = (c: (typeof required)[number]) => [c.name, ...c.aliases].map(fold);
        if (required.every((c) => names(c).some((n) => texts.includes(n)))) return true;
      }
      return false;
    });
    if (byHeader && !Object.values(input).some((t) => t?.sheet === byHeader.name)) {
      const block = usedBlock(table, byHeader);
      if (block) input[table] = block;
    }
  }
  return input;
}

/** The first bytes of a file: an .xlsx is a zip ("PK"); an encrypted .xlsx or an old .xls is an OLE compound file. */
const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Checks what the path is before exceljs tries it, so the user hears the real reason. */
async function checkWorkbookPath(path: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new WorkbookFileError(cliMessage("folderNotWorkbook", { file: path }));
    if (stat.size === 0) throw new WorkbookFileError(cliMessage("emptyWorkbook", { file: path }));
    handle = await fs.open(path, "r");
    const head = new Uint8Array(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    const startsWith = (magic: number[]) => bytesRead >= magic.length && magic.every((b, i) => head[i] === b);
    if (startsWith(CFB_MAGIC)) {
      throw new WorkbookFileError(cliMessage("encryptedWorkbook", { file: path }));
    }
    if (!startsWith(ZIP_MAGIC)) {
      throw new WorkbookFileError(cliMessage("notXlsx", { file: path }));
    }
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(cliMessage("fileMissing", { file: path }));
    if (code === "EACCES" || code === "EPERM") throw new WorkbookFileError(cliMessage("noPermission", { file: path }));
    if (code === "ENOTDIR") throw new WorkbookFileError(cliMessage("pathMissing", { file: path }));
    throw new WorkbookFileError(cliMessage("unreadable", { file: path, code: code ?? String(e) }));
  } finally {
    await handle?.close();
  }
}

export async function readWorkbookFile(path: string): Promise<WorkbookInput> {
  await checkWorkbookPath(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(cliMessage("fileMissing", { file: path }));
    if (code === "EACCES") throw new WorkbookFileError(cliMessage("noPermission", { file: path }));
    if (code === "EISDIR") throw new WorkbookFileError(cliMessage("folderNotWorkbook", { file: path }));
    const message = String((e as Error).message ?? e);
    if (/encrypt|password|CFB|Compound/i.test(message) || /end of central directory|zip/i.test(message)) {
      throw new WorkbookFileError(cliMessage("cannotOpenXlsx", { file: path }));
    }
    throw new WorkbookFileError(cliMessage("cannotOpenXlsxBecause", { file: path, detail: message }));
  }
  return findTables(wb);
}
