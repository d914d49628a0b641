import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import type { CellValue, TableInput, TableName, WorkbookInput } from "../engine/model";
import {
  HEADER_PROBE_ROWS,
  locateTables,
  mappingFromStoredState,
  renameMappedHeaders,
  sheetOfReference,
  type TableCandidates,
  type TableLocation,
  type TableSource,
  type WorkbookMapping,
} from "../input/table-locator";

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
  if (!m) throw new WorkbookFileError(`Okänd cellreferens ${ref}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4] ?? m[2]), right: col(m[3] ?? m[1]) };
}

function usedBlock(table: TableName, ws: ExcelJS.Worksheet): TableInput | null {
  if (ws.actualRowCount === 0) return null;
  return tableBlock(table, ws, 1, 1, ws.rowCount, ws.columnCount);
}

/** The Excel tables (list objects) of a sheet as exceljs read them: name and reference. */
function sheetTables(ws: ExcelJS.Worksheet): { name: string; ref: string }[] {
  const tables = (ws as unknown as { tables?: Record<string, { table: { name: string; tableRef?: string; ref?: string } }> }).tables ?? {};
  return Object.values(tables).flatMap((t) => {
    const ref = t.table.tableRef ?? t.table.ref;
    return ref ? [{ name: t.table.name, ref }] : [];
  });
}

/** Workbook-level names that refer to one range ("Sheet!$A$1:$F$20"); Excel's own `_xlnm.` names are left out. */
function rangeNames(wb: ExcelJS.Workbook): { name: string; ref: string }[] {
  const model = (wb.definedNames as unknown as { model?: { name: string; ranges: string[] }[] }).model ?? [];
  return model.filter((n) => !n.name.startsWith("_xlnm.") && n.ranges.length === 1).map((n) => ({ name: n.name, ref: n.ranges[0] }));
}

/** What the workbook offers the locator: tables, named ranges and every sheet's header probe. */
export function workbookCandidates(wb: ExcelJS.Workbook, files: Partial<Record<TableName, string>> = {}): TableCandidates {
  return {
    tables: wb.worksheets.flatMap((ws) => sheetTables(ws).map((t) => ({ name: t.name, sheet: ws.name }))),
    names: rangeNames(wb).map((n) => ({ name: n.name, sheet: sheetOfReference(n.ref) })),
    // The same window as the add-in's: the sheet's first rows, every used column.
    sheets: wb.worksheets.map((ws) => ({ name: ws.name, probe: ws.actualRowCount === 0 ? [] : sheetBlock(ws, 1, 1, Math.min(HEADER_PROBE_ROWS, ws.rowCount), ws.columnCount) })),
    files,
  };
}

/** Reads the block a located source points at; null for an empty sheet or a source that is not in the file. */
function readSource(wb: ExcelJS.Workbook, table: TableName, source: TableSource): TableInput | null {
  const sheetNamed = (name: string) => wb.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  const block = (ws: ExcelJS.Worksheet | undefined, ref: string) => {
    if (!ws) return null;
    const { top, left, bottom, right } = decodeRef(ref);
    return tableBlock(table, ws, top, left, bottom, right);
  };
  switch (source.kind) {
    case "table": {
      for (const ws of wb.worksheets) {
        const t = sheetTables(ws).find((x) => x.name.toLowerCase() === source.name.toLowerCase());
        if (t) return block(ws, t.ref);
      }
      return null;
    }
    case "name": {
      const n = rangeNames(wb).find((x) => x.name.toLowerCase() === source.name.toLowerCase());
      const sheet = n ? sheetOfReference(n.ref) : null;
      return n && sheet ? block(sheetNamed(sheet), n.ref) : null;
    }
    case "range":
      return block(sheetNamed(source.sheet), source.address);
    case "sheet": {
      const ws = sheetNamed(source.sheet);
      return ws ? usedBlock(table, ws) : null;
    }
  }
}

/**
 * Finds the contract tables of a workbook file by the shared rules (src/input/table-locator.ts)
 * and reads them. Tables given as files are located as such and not read from the workbook.
 */
export function locateAndRead(wb: ExcelJS.Workbook, mapping: WorkbookMapping = {}, files: Partial<Record<TableName, string>> = {}): { input: WorkbookInput; location: TableLocation } {
  const location = locateTables(workbookCandidates(wb, files), mapping);
  const input: WorkbookInput = {};
  for (const located of location.located) {
    if (located.source.kind === "file") continue;
    const read = readSource(wb, located.table, located.source);
    if (!read) continue;
    renameMappedHeaders(read.rows, mapping[located.table]?.columns);
    input[located.table] = read;
  }
  return { input, location };
}

/** The contract tables of a workbook (see locateAndRead). */
export function findTables(wb: ExcelJS.Workbook, mapping: WorkbookMapping = {}): WorkbookInput {
  return locateAndRead(wb, mapping).input;
}

/**
 * The add-in keeps its state (the table mapping among it) in the workbook's add-in settings, which
 * Excel saves in the file's web-extension part as `<we:property name="KPB.state" value="…"/>`.
 * exceljs does not read that part, so it is read from the zip directly. No such part: no mapping.
 */
export async function savedMappingOf(zip: JSZip): Promise<WorkbookMapping> {
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(n))) {
    const xml = await zip.file(name)!.async("string");
    for (const m of xml.matchAll(/<(?:\w+:)?property\b([^>]*)\/?>/g)) {
      const attr = (key: string) => new RegExp(`\\b${key}="([^"]*)"`).exec(m[1])?.[1];
      if (attr("name") === STATE_SETTING && attr("value") !== undefined) return mappingFromStoredState(unescapeXml(attr("value")!));
    }
  }
  return {};
}

const STATE_SETTING = "KPB.state";

const unescapeXml = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The first bytes of a file: an .xlsx is a zip ("PK"); an encrypted .xlsx or an old .xls is an OLE compound file. */
const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Checks what the path is before exceljs tries it, so the user hears the real reason. */
async function checkWorkbookPath(path: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new WorkbookFileError(`${path} är en mapp, inte en arbetsbok.`);
    if (stat.size === 0) throw new WorkbookFileError(`${path} är tom (0 byte); det är ingen arbetsbok.`);
    handle = await fs.open(path, "r");
    const head = new Uint8Array(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    const startsWith = (magic: number[]) => bytesRead >= magic.length && magic.every((b, i) => head[i] === b);
    if (startsWith(CFB_MAGIC)) {
      throw new WorkbookFileError(
        `${path} är lösenordsskyddad (krypterad) eller en .xls i det gamla formatet. Öppna den i Excel, ta bort lösenordet (Arkiv > Info > Skydda arbetsbok) och spara som .xlsx, och försök igen.`,
      );
    }
    if (!startsWith(ZIP_MAGIC)) {
      throw new WorkbookFileError(`${path} är ingen .xlsx-arbetsbok (filen är skadad eller av en annan sort). Spara den som .xlsx i Excel och försök igen.`);
    }
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`Filen ${path} finns inte.`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookFileError(`Filen ${path} går inte att läsa (behörighet saknas).`);
    if (code === "ENOTDIR") throw new WorkbookFileError(`Sökvägen ${path} finns inte (en del av den är ingen mapp).`);
    throw new WorkbookFileError(`Filen ${path} går inte att läsa (${code ?? String(e)}).`);
  } finally {
    await handle?.close();
  }
}

/**
 * Reads a workbook file's contract tables: the add-in's saved mapping (if the workbook has one)
 * and the files given for tables take part in locating them, as in the add-in.
 */
export async function readWorkbookTables(path: string, files: Partial<Record<TableName, string>> = {}): Promise<{ input: WorkbookInput; location: TableLocation }> {
  await checkWorkbookPath(path);
  const wb = new ExcelJS.Workbook();
  let mapping: WorkbookMapping = {};
  try {
    const bytes = await fs.readFile(path);
    mapping = await savedMappingOf(await JSZip.loadAsync(bytes));
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`Filen ${path} finns inte.`);
    if (code === "EACCES") throw new WorkbookFileError(`Filen ${path} går inte att läsa (behörighet saknas).`);
    if (code === "EISDIR") throw new WorkbookFileError(`${path} är en mapp, inte en arbetsbok.`);
    const message = String((e as Error).message ?? e);
    if (/encrypt|password|CFB|Compound/i.test(message) || /end of central directory|zip/i.test(message)) {
      throw new WorkbookFileError(
        `${path} går inte att öppna som .xlsx-arbetsbok: filen är skadad, inte en .xlsx-fil eller lösenordsskyddad. Spara den som en vanlig .xlsx utan lösenord och försök igen.`,
      );
    }
    throw new WorkbookFileError(`${path} går inte att öppna som .xlsx-arbetsbok (${message}).`);
  }
  return locateAndRead(wb, mapping, files);
}

export async function readWorkbookFile(path: string): Promise<WorkbookInput> {
  return (await readWorkbookTables(path)).input;
}
