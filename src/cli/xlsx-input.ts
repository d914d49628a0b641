import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import type { TableName, WorkbookInput } from "../engine";
import { mappingFromStoredState, type TableLocation, type WorkbookMapping } from "../input/table-locator";
import { CellReferenceError, cellsOfWorkbook, locateAndReadCells, plainValue, streamWorkbookCells, unescapeXml } from "./xlsx-cells";
import { cliMessage } from "./messages";

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
    if (code === "ENOENT") throw new WorkbookFileError(cliMessage("fileMissing", { file: path }));
    if (code === "EACCES") throw new WorkbookFileError(cliMessage("noPermission", { file: path }));
    if (code === "EISDIR") throw new WorkbookFileError(cliMessage("folderNotWorkbook", { file: path }));
    const message = String((e as Error).message ?? e);
    if (/encrypt|password|CFB|Compound/i.test(message) || /end of central directory|zip/i.test(message)) {
      throw new WorkbookFileError(cliMessage("cannotOpenXlsx", { file: path }));
    }
    throw new WorkbookFileError(cliMessage("cannotOpenXlsxBecause", { file: path, detail: message }));
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
