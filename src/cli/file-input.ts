import { promises as fs } from "fs";
import * as path from "path";
import { type TableName, type WorkbookInput } from "../engine";
import { readCsvTable } from "../input/csv";
import { countRows, type FileTable } from "../input/file-table";
import type { SummaryDetail } from "../input/messages";
import { readSieLedger, type SieDimensionMap } from "../input/sie";
import { readWorkbookFile, WorkbookFileError } from "./xlsx-input";
import { cliMessage } from "./messages";

/**
 * The command line's file sources: `--ekonomi FIL` and `--brukare FIL` replace those tables of the
 * workbook with a CSV/text export (.csv, .txt, .tsv), an SIE 4 file (.se, .si, .sie; Ekonomi only)
 * or a table of another workbook (.xlsx). The readers are pure; this module only reads the bytes.
 */

export const FILE_TABLE_FLAGS: Record<string, TableName> = { ekonomi: "Ekonomi", brukare: "Brukare" };

const CSV = new Set([".csv", ".txt", ".tsv", ".skv"]);
const SIE = new Set([".se", ".si", ".sie"]);

async function bytesOf(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(cliMessage("fileMissing", { file }));
    if (code === "EISDIR") throw new WorkbookFileError(cliMessage("folderNotFile", { file }));
    if (code === "EACCES" || code === "EPERM") throw new WorkbookFileError(cliMessage("noPermission", { file }));
    throw new WorkbookFileError(cliMessage("unreadable", { file, code: code ?? String(e) }));
  }
}

/** Reads one file as the given contract table. Wrong kinds of file are usage errors; bad contents are problems. */
export async function readTableFile(file: string, table: TableName, sieDimensions: SieDimensionMap = {}): Promise<FileTable> {
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (CSV.has(ext)) return readCsvTable(await bytesOf(file), table, name);
  if (SIE.has(ext)) {
    if (table !== "Ekonomi") throw new WorkbookFileError(cliMessage("sieOnlyLedger", { file: name }));
    return readSieLedger(await bytesOf(file), name, { dimensions: sieDimensions });
  }
  if (ext === ".xlsx") {
    const tables: WorkbookInput = await readWorkbookFile(file);
    const found = tables[table];
    const summary = { file: name, table, format: "xlsx" as const, details: [] as SummaryDetail[], rowsRead: 0, skipped: [], amountOre: null, volume: null, unreadableNumbers: 0 };
    if (!found) throw new WorkbookFileError(cliMessage("tableNotInFile", { table, file: name }));
    const input = { ...found, sheet: `${name}: ${found.sheet ?? table}` };
    summary.details.push({ key: "sheet", params: { sheet: found.sheet ?? table } });
    countRows(table, input, summary);
    return { table, input, problems: [], summary };
  }
  throw new WorkbookFileError(cliMessage("unknownFileKind", { file: name, ext }));
}
