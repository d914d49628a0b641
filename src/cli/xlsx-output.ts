import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { SheetLayout } from "../layouts";
import type { CellValue } from "../engine";
import { streamResultWorkbook } from "./xlsx-result-stream";
import { cliMessage } from "./messages";

/**
 * The file operations the writers use. Tests replace them to simulate a full disk, a locked file
 * or a failing rename; the program never does.
 */
export const outputFs = {
  writeFile: (file: string, data: string | Uint8Array): Promise<void> => fs.writeFile(file, data),
  rename: (from: string, to: string): Promise<void> => fs.rename(from, to),
};

/** A result file could not be written; the message says why and that nothing earlier was touched. */
export class OutputWriteError extends Error {
  constructor(
    readonly target: string,
    readonly code: string | undefined,
  ) {
    super(cliMessage("outputNotWritten", { reason: outputWriteReason(target, code) }));
    this.name = "OutputWriteError";
  }
}

function outputWriteReason(target: string, code: string | undefined): string {
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return cliMessage("outputDiskFull", { file: target });
    case "EACCES":
    case "EPERM":
      return cliMessage("outputNoPermission", { file: target });
    case "EBUSY":
    case "ETXTBSY":
      return cliMessage("outputLocked", { file: target });
    case "ENOENT":
    case "ENOTDIR":
      return cliMessage("outputFolderMissing", { file: target });
    case "EISDIR":
      return cliMessage("outputIsFolder", { file: target });
    case "EROFS":
      return cliMessage("outputReadOnly", { file: target });
    default:
      return cliMessage("outputFailed", { file: target, code: code ?? "" });
  }
}

const tmpPathFor = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);

/**
 * Writes every file next to its target first and moves them into place only when all of them
 * are whole on disk; if moving one fails, the ones already moved are put back. So a full disk, a
 * locked file or a failed rename leaves every earlier file byte-identical (and the workbook and
 * its JSON never come from different runs). Failures are OutputWriteErrors.
 */
export async function writeFilesAtomically(files: { target: string; data: string | Uint8Array }[]): Promise<void> {
  const temps = files.map((f) => tmpPathFor(f.target));
  const backups = files.map((f) => `${tmpPathFor(f.target)}.bak`);
  /** Per file: was there an earlier file (now at its backup), and is the new one in place? */
  const moved: { backedUp: boolean; placed: boolean }[] = files.map(() => ({ backedUp: false, placed: false }));
  const cleanUp = async () => {
    for (const [i, { target }] of files.entries()) {
      if (moved[i].placed) await fs.rm(target, { force: true }).catch(() => undefined);
      if (moved[i].backedUp) await fs.rename(backups[i], target).catch(() => undefined);
    }
    await Promise.all(temps.map((tmp) => fs.rm(tmp, { force: true }).catch(() => undefined)));
  };
  let current = files[0]?.target ?? "";
  try {
    for (const [i, { target, data }] of files.entries()) {
      current = target;
      await outputFs.writeFile(temps[i], data);
    }
    for (const [i, { target }] of files.entries()) {
      current = target;
      const exists = await fs.lstat(target).then(
        (st) => !st.isDirectory(),
        () => false,
      );
      if (exists) {
        await outputFs.rename(target, backups[i]);
        moved[i].backedUp = true;
      }
      await outputFs.rename(temps[i], target);
      moved[i].placed = true;
    }
  } catch (e) {
    await cleanUp();
    throw new OutputWriteError(current, (e as NodeJS.ErrnoException).code);
  }
  await Promise.all(backups.map((b, i) => (moved[i].backedUp ? fs.rm(b, { force: true }).catch(() => undefined) : undefined)));
}

/**
 * Writes next to the target and renames only when the whole file is on disk, so a full disk or
 * a failed write leaves any earlier file at the target untouched.
 */
export async function writeFileAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = tmpPathFor(target);
  try {
    await write(tmp);
    await outputFs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new OutputWriteError(target, (e as NodeJS.ErrnoException).code);
  }
}

/** The result workbook as the bytes of an .xlsx file. */
export async function resultWorkbookBytes(layouts: SheetLayout[]): Promise<Uint8Array> {
  return streamResultWorkbook(layouts);
}

export async function writeResultWorkbook(target: string, layouts: SheetLayout[]): Promise<void> {
  await writeFilesAtomically([{ target, data: await resultWorkbookBytes(layouts) }]);
}

/** The sample (or any) input tables as a workbook: one sheet and one Excel table per table. */
export async function writeInputWorkbook(target: string, tables: Record<string, CellValue[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPB";
  for (const [name, rows] of Object.entries(tables)) {
    const ws = wb.addWorksheet(name);
    const [header, ...body] = rows;
    ws.addTable({
      name: name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: header.map((h) => ({ name: String(h), filterButton: true })),
      rows: body.map((r) => r.map((v) => (v === undefined ? null : v)) as ExcelJS.CellValue[]),
    });
    header.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(10, String(h).length + 4)));
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  await writeFileAtomically(target, (tmp) => wb.xlsx.writeFile(tmp));
}
