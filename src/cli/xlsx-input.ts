import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import type { TableName, WorkbookInput } from "../engine/model";
import { mappingFromStoredState, type TableLocation, type WorkbookMapping } from "../input/table-locator";
import { CellReferenceError, cellsOfWorkbook, locateAndReadCells, plainValue, streamWorkbookCells } from "./xlsx-cells";

/** Why a workbook file could not be opened, in words a user can act on. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

export { plainValue };

/** The contract tables of a workbook exceljs holds in memory, by the shared rules (see xlsx-cells.ts). */
export function findTables(wb: ExcelJS.Workbook, mapping: WorkbookMapping = {}): WorkbookInput {
  return locateAndReadCells(cellsOfWorkbook(wb), mapping).input;
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
  let mapping: WorkbookMapping = {};
  let cells;
  try {
    const bytes = await fs.readFile(path);
    const zip = await JSZip.loadAsync(bytes);
    mapping = await savedMappingOf(zip);
    cells = await streamWorkbookCells(bytes, zip, mapping, files);
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
  try {
    return locateAndReadCells(cells, mapping, files);
  } catch (e) {
    if (e instanceof CellReferenceError) throw new WorkbookFileError(`${path}: ${e.message}`);
    throw e;
  }
}

export async function readWorkbookFile(path: string): Promise<WorkbookInput> {
  return (await readWorkbookTables(path)).input;
}
