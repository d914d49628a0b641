import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import {
  a1,
  blockPlaces,
  DIRECTION_FILLS,
  directionFormulas,
  NUMBER_FORMATS,
  PALETTE,
  sheetColumnWidths,
  wrappedLines,
  type CellStyle,
  type SheetLayout,
} from "../layouts";
import { type CellValue } from "../engine";
import { addCharts } from "./xlsx-charts";
import { cliMessage } from "./messages";

/**
 * Writes result sheets (as laid out by the engine) into a new workbook: the free cells of a title
 * block, each block an Excel table with its number formats, colours by direction, frozen
 * headings, fitted column widths and the print setup. Text is always written as a value, never
 * as a formula. Charts are added to the file afterwards (xlsx-charts.ts): exceljs cannot write them.
 */
export function buildResultWorkbook(layouts: SheetLayout[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPB";
  for (const layout of layouts) {
    const ws = wb.addWorksheet(layout.name);
    const places = blockPlaces(layout);
    writeTopCells(ws, layout);
    layout.blocks.forEach((block, b) => {
      const { titleRow, headerRow } = places[b];
      if (titleRow !== null) {
        ws.getCell(titleRow, 1).value = block.title!;
        ws.getCell(titleRow, 1).font = { name: FONT, bold: true, size: 12 };
      }
      ws.addTable({
        name: block.tableName,
        ref: ws.getCell(headerRow, 1).address,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: block.columns.map((c) => ({ name: c.header, filterButton: true })),
        rows: block.rows.length ? block.rows.map((r) => r.map((v) => (v === null ? null : v))) : [block.columns.map(() => null)],
      });
      block.columns.forEach((c, i) => {
        ws.getCell(headerRow, i + 1).alignment = { wrapText: true, vertical: "bottom" };
        for (let r = 0; r < block.rows.length; r++) {
          const cell = ws.getCell(headerRow + 1 + r, i + 1);
          cell.numFmt = NUMBER_FORMATS[c.format];
          if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
        }
      });
      for (const { column, formats } of block.rowFormats ?? []) {
        formats.forEach((f, r) => (ws.getCell(headerRow + 1 + r, column + 1).numFmt = NUMBER_FORMATS[f]));
      }
      // Rows with wrapped long text get their height (a reader does not always fit it on opening).
      block.rows.forEach((row, r) => {
        const lines = wrappedLines(row, block.columns);
        if (lines === 1) return;
        ws.getRow(headerRow + 1 + r).height = 15 * lines;
        block.columns.forEach((c, i) => {
          const cell = ws.getCell(headerRow + 1 + r, i + 1);
          cell.alignment = { ...cell.alignment, vertical: "top" };
        });
      });
    });
    sheetColumnWidths(layout).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    writeColours(ws, layout);
    writePage(ws, layout);
  }
  return wb;
}

/** exceljs's default font; named on every styled cell so no reader falls back to another. */
const FONT = "Calibri";
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

const TOP_STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, bold: true, size: 20, color: { argb: argb(PALETTE.ink) } } },
  subtitle: { font: { name: FONT, size: 11, color: { argb: argb(PALETTE.muted) } } },
  heading: { font: { name: FONT, bold: true, size: 13, color: { argb: argb(PALETTE.ink) } } },
  columnHeader: {
    font: { name: FONT, bold: true, size: 11, color: { argb: "FFFFFFFF" } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(PALETTE.ink) } },
    alignment: { wrapText: true, vertical: "middle" },
  },
  label: { font: { name: FONT, bold: true, size: 11 } },
  value: { font: { name: FONT, size: 11 } },
  text: { font: { name: FONT, size: 11 } },
  note: { font: { name: FONT, italic: true, size: 9, color: { argb: argb(PALETTE.muted) } } },
};

/** The title block: values, number formats, styles, merged spans and the heights of wrapped rows. */
function writeTopCells(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  for (const t of layout.topCells ?? []) {
    const cell = ws.getCell(t.row, t.column);
    cell.value = t.value;
    const style = TOP_STYLES[t.style ?? "value"];
    if (style.font) cell.font = style.font;
    if (style.fill) cell.fill = style.fill;
    if (style.alignment) cell.alignment = style.alignment;
    if (t.format) cell.numFmt = NUMBER_FORMATS[t.format];
    if (t.style === "value" && t.format === "text") cell.alignment = { horizontal: "left" };
    if (t.align) cell.alignment = { ...cell.alignment, horizontal: t.align };
    if ((t.span ?? 1) > 1) ws.mergeCells(t.row, t.column, t.row, t.column + t.span! - 1);
    if ((t.span ?? 1) > 1 && t.style === "text") cell.alignment = { wrapText: true, vertical: "top" };
    if ((t.lines ?? 1) > 1) ws.getRow(t.row).height = 15 * t.lines!;
    if (t.style === "title") ws.getRow(t.row).height = 26;
  }
}

/** Colours by direction as conditional formats: above the threshold one fill, below it another. */
function writeColours(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  for (const { box, threshold } of layout.colours ?? []) {
    const fill = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", bgColor: { argb: argb(hex) } });
    const [above, below] = directionFormulas(box, threshold);
    ws.addConditionalFormatting({
      ref: a1(box.row, box.column, box.rows, box.columns),
      rules: [
        { type: "expression", formulae: [above], style: { fill: fill(DIRECTION_FILLS.above) }, priority: 1 },
        { type: "expression", formulae: [below], style: { fill: fill(DIRECTION_FILLS.below) }, priority: 2 },
      ],
    });
  }
}

/** Landscape A4, one page wide, heading rows repeated, header/footer, frozen headings. */
function writePage(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const page = layout.page;
  if (!page) return;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: page.landscape ? "landscape" : "portrait",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: page.fitToPagesWide,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(page.titleRows ? { printTitlesRow: `${page.titleRows.from}:${page.titleRows.to}` } : {}),
  };
  const section = (s: { left: string; center: string; right: string }) => `&L${s.left}&C${s.center}&R${s.right}`;
  ws.headerFooter = { oddHeader: section(page.header), oddFooter: section(page.footer) };
  if (page.freezeRows > 0) ws.views = [{ state: "frozen", ySplit: page.freezeRows }];
  if (layout.pageBreakAfter) ws.getRow(layout.pageBreakAfter).addPageBreak();
}

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
  const buffer = await buildResultWorkbook(layouts).xlsx.writeBuffer();
  return addCharts(new Uint8Array(buffer as ArrayBuffer), layouts);
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
