import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Readable } from "stream";
import { CellTableBuilder, rowsOfCellTable, sliceCellTable, type CellTable, type CellValue, type TableInput, type TableName, type WorkbookInput } from "../engine";
import {
  HEADER_PROBE_ROWS,
  isResultSheet,
  locateTables,
  renameMappedHeaders,
  sheetOfReference,
  type TableCandidates,
  type TableLocation,
  type TableSource,
  type WorkbookMapping,
} from "../input/table-locator";

/**
 * A workbook file's cells as plain values, and what the table locator needs to know about it
 * (its Excel tables and named ranges). Read with exceljs' streaming reader, keeping only the
 * sheets a contract table can come from, so memory follows the tables read rather than the file;
 * or taken from a workbook exceljs already holds in memory (tests, small files).
 */
export interface SheetCells {
  name: string;
  /** The sheet's plain values from A1, by column: row r (1-based) at r - 1, column c at c - 1. */
  cells: CellTable;
  /** Number formats by row and column where a cell has one. */
  formats: Map<number, (string | null)[]>;
  columnCount: number;
}

export interface WorkbookCells {
  /** Sheets in workbook order; `cells` is absent for a sheet that was not kept. */
  sheets: { name: string; cells?: SheetCells }[];
  tables: { name: string; sheet: string; ref: string }[];
  names: { name: string; ref: string }[];
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

/** A bad cell reference in the file (a table or a name pointing nowhere). */
export class CellReferenceError extends Error {}

export function decodeRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.replace(/^.*!/, ""));
  if (!m) throw new CellReferenceError(`Okänd cellreferens ${ref}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4] ?? m[2]), right: col(m[3] ?? m[1]) };
}

/** Rows top..bottom and columns left..right (1-based, inclusive) of a sheet: a view of its cells, not a copy. */
function block(sheet: SheetCells, top: number, left: number, bottom: number, right: number): CellTable {
  return sliceCellTable(sheet.cells, top - 1, bottom, left - 1, right);
}

function formatBlock(sheet: SheetCells, top: number, left: number, bottom: number, right: number): (string | null)[][] {
  const out: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = sheet.formats.get(r);
    const formats: (string | null)[] = [];
    for (let c = left; c <= right; c++) formats.push(row?.[c - 1] ?? null);
    out.push(formats);
  }
  return out;
}

type CellsInput = Extract<TableInput, { cells: CellTable }>;

function tableBlock(table: TableName, sheet: SheetCells, top: number, left: number, bottom: number, right: number): CellsInput {
  const cells = block(sheet, top, left, bottom, right);
  const input: CellsInput = { cells, sheet: sheet.name, firstRow: top, firstColumn: left };
  if (TABLES_WITH_FORMATS.includes(table)) input.numberFormats = formatBlock(sheet, top, left, top + cells.rowCount - 1, right);
  return input;
}

/** The used part of a sheet (from A1); null for an empty sheet. */
function usedBlock(table: TableName, sheet: SheetCells): CellsInput | null {
  if (sheet.cells.rowCount === 0) return null;
  return tableBlock(table, sheet, 1, 1, sheet.cells.rowCount, sheet.columnCount);
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What the workbook offers the locator: tables, named ranges and the kept sheets' header probes. */
export function cellCandidates(wb: WorkbookCells, files: Partial<Record<TableName, string>> = {}): TableCandidates {
  return {
    tables: wb.tables.map((t) => ({ name: t.name, sheet: t.sheet })),
    names: wb.names.map((n) => ({ name: n.name, sheet: sheetOfReference(n.ref) })),
    // The same window as the add-in's: the sheet's first rows, every used column.
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      ...(s.cells ? { probe: rowsOfCellTable(block(s.cells, 1, 1, Math.min(HEADER_PROBE_ROWS, s.cells.cells.rowCount), s.cells.columnCount)) } : {}),
    })),
    files,
  };
}

/** Reads the block a located source points at; null for an empty sheet or a source that is not in the file. */
function readSource(wb: WorkbookCells, table: TableName, source: TableSource): CellsInput | null {
  const sheetNamed = (name: string) => wb.sheets.find((s) => sameName(s.name, name))?.cells;
  const refBlock = (sheet: SheetCells | undefined, ref: string) => {
    if (!sheet) return null;
    const { top, left, bottom, right } = decodeRef(ref);
    return tableBlock(table, sheet, top, left, bottom, right);
  };
  switch (source.kind) {
    case "table": {
      const t = wb.tables.find((x) => sameName(x.name, source.name));
      return t ? refBlock(sheetNamed(t.sheet), t.ref) : null;
    }
    case "name": {
      const n = wb.names.find((x) => sameName(x.name, source.name));
      const sheet = n ? sheetOfReference(n.ref) : null;
      return n && sheet ? refBlock(sheetNamed(sheet), n.ref) : null;
    }
    case "range":
      return refBlock(sheetNamed(source.sheet), source.address);
    case "sheet": {
      const s = sheetNamed(source.sheet);
      return s ? usedBlock(table, s) : null;
    }
  }
}

/**
 * Finds the contract tables by the shared rules (src/input/table-locator.ts) and reads them.
 * Tables given as files are located as such and not read from the workbook.
 */
export function locateAndReadCells(
  wb: WorkbookCells,
  mapping: WorkbookMapping = {},
  files: Partial<Record<TableName, string>> = {},
): { input: WorkbookInput; location: TableLocation } {
  const location = locateTables(cellCandidates(wb, files), mapping);
  const input: WorkbookInput = {};
  for (const located of location.located) {
    if (located.source.kind === "file") continue;
    const read = readSource(wb, located.table, located.source);
    if (!read) continue;
    input[located.table] = { ...read, cells: renameMappedHeaders(read.cells, mapping[located.table]?.columns) };
  }
  return { input, location };
}

// ------------------------------------------------------------------------------------------------
// From a workbook exceljs holds in memory

/** The Excel tables (list objects) of a sheet as exceljs read them: name and reference. */
function sheetTables(ws: ExcelJS.Worksheet): { name: string; ref: string }[] {
  const tables = (ws as unknown as { tables?: Record<string, { table: { name: string; tableRef?: string; ref?: string } }> }).tables ?? {};
  return Object.values(tables).flatMap((t) => {
    const ref = t.table.tableRef ?? t.table.ref;
    return ref ? [{ name: t.table.name, ref }] : [];
  });
}

export function cellsOfWorkbook(wb: ExcelJS.Workbook): WorkbookCells {
  const model = (wb.definedNames as unknown as { model?: { name: string; ranges: string[] }[] }).model ?? [];
  return {
    sheets: wb.worksheets.map((ws) => {
      const reading = new SheetReading(ws.name, ws.columnCount);
      ws.eachRow({ includeEmpty: false }, (row, n) => reading.keep(n, row));
      if (ws.actualRowCount > 0) reading.reach(ws.rowCount);
      return { name: ws.name, cells: reading.done() };
    }),
    tables: wb.worksheets.flatMap((ws) => sheetTables(ws).map((t) => ({ ...t, sheet: ws.name }))),
    names: model.filter((n) => !n.name.startsWith("_xlnm.") && n.ranges.length === 1).map((n) => ({ name: n.name, ref: n.ranges[0] })),
  };
}

/** A sheet's cells as its rows come in: values into a cell table, number formats by row. */
class SheetReading {
  private readonly builder = new CellTableBuilder(1024);
  private readonly formats = new Map<number, (string | null)[]>();

  constructor(
    private readonly name: string,
    private columnCount = 0,
  ) {}

  /** One row's values and number formats (row n, 1-based). */
  keep(n: number, row: ExcelJS.Row): void {
    let formats: (string | null)[] | undefined;
    let width = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = plainValue(cell.value);
      if (value !== null) this.builder.set(n - 1, c - 1, value);
      width = c;
      const numFmt = cell.numFmt;
      if (numFmt) (formats ??= [])[c - 1] = numFmt;
    });
    if (width > this.columnCount) this.columnCount = width;
    this.reach(n);
    if (formats) this.formats.set(n, formats);
  }

  /** The sheet holds at least `rows` rows (a row that is there but empty still counts). */
  reach(rows: number): void {
    if (rows > this.builder.rowCount) this.builder.set(rows - 1, 0, null);
  }

  done(): SheetCells {
    return { name: this.name, cells: this.builder.build(), formats: this.formats, columnCount: this.columnCount };
  }
}

// ------------------------------------------------------------------------------------------------
// From a file, streamed

/** XML text as written: the five named entities and numeric character references. */
export const unescapeXml = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const attr = (element: string, key: string) => {
  const v = new RegExp(`\\s${key}="([^"]*)"`).exec(element)?.[1];
  return v === undefined ? undefined : unescapeXml(v);
};

/** Relationship id → part path, from a relationships part. */
function relationships(xml: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (!id || !target) continue;
    out.set(id, target.startsWith("/") ? target.slice(1) : normalisePath(`${base}/${target}`));
  }
  return out;
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** Sheet names in workbook order, their Excel tables and the workbook's named ranges, from the package. */
export async function workbookOutline(zip: JSZip): Promise<Omit<WorkbookCells, "sheets"> & { sheets: string[] }> {
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const rels = relationships(await text("xl/_rels/workbook.xml.rels"), "xl");
  const sheets: string[] = [];
  const tables: WorkbookCells["tables"] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    if (name === undefined) continue;
    sheets.push(name);
    const part = rels.get(attr(m[0], "r:id") ?? "");
    if (!part) continue;
    const sheetRels = relationships(await text(part.replace(/([^/]+)$/, "_rels/$1.rels")), part.replace(/\/[^/]+$/, ""));
    for (const target of sheetRels.values()) {
      if (!/\/tables\/[^/]+\.xml$/.test(target)) continue;
      const head = /<table\b[^>]*>/.exec(await text(target))?.[0];
      const tableName = head ? (attr(head, "displayName") ?? attr(head, "name")) : undefined;
      const ref = head ? attr(head, "ref") : undefined;
      if (tableName && ref) tables.push({ name: tableName, sheet: name, ref });
    }
  }
  const names: WorkbookCells["names"] = [];
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = attr(` ${m[1]}`, "name");
    const ref = unescapeXml(m[2]).trim();
    // Only names that are one plain range; Excel's own (_xlnm.Print_Titles …) are left out.
    if (!name || name.startsWith("_xlnm.") || !/^('[^']*(?:''[^']*)*'|[^'!,():]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(ref)) continue;
    names.push({ name, ref });
  }
  return { sheets, tables, names };
}

/**
 * Reads a workbook file's cells with exceljs' streaming reader. Which sheets are kept is decided
 * first from the package's outline (tables, names, sheet names, the saved mapping): the sheets the
 * chosen sources are on, and every input sheet while a table still has to be found by its headers.
 */
export async function streamWorkbookCells(
  bytes: Uint8Array,
  zip: JSZip,
  mapping: WorkbookMapping,
  files: Partial<Record<TableName, string>>,
): Promise<WorkbookCells> {
  const outline = await workbookOutline(zip);
  const first = locateTables(
    { tables: outline.tables, names: outline.names.map((n) => ({ name: n.name, sheet: sheetOfReference(n.ref) })), sheets: outline.sheets.map((name) => ({ name })), files },
    mapping,
  );
  const keep = new Set(first.located.map((l) => l.sheet?.toLowerCase()).filter((s): s is string => !!s));
  if (first.needsProbe) for (const s of outline.sheets) if (!isResultSheet(s)) keep.add(s.toLowerCase());

  const kept = await streamSheets(bytes, (name) => keep.has(name.toLowerCase()));
  return { ...outline, sheets: outline.sheets.map((name) => ({ name, cells: kept.get(name.toLowerCase()) })) };
}

/** The cells of the sheets `wanted` accepts, by lower-cased name, read with exceljs' streaming reader. */
export async function streamSheets(bytes: Uint8Array, wanted: (name: string) => boolean): Promise<Map<string, SheetCells>> {
  const kept = new Map<string, SheetCells>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const ws of reader) {
    const name = String((ws as unknown as { name: string }).name);
    const reading = wanted(name) ? new SheetReading(name) : null;
    // Rows of other sheets are parsed (the reader cannot skip a sheet) but not kept.
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) reading?.keep(row.number, row);
    if (reading) kept.set(name.toLowerCase(), reading.done());
  }
  return kept;
}

/** A kept sheet as a rectangle of plain values from A1 (empty cells null). */
export function sheetRows(sheet: SheetCells): CellValue[][] {
  return rowsOfCellTable(block(sheet, 1, 1, sheet.cells.rowCount, sheet.columnCount));
}
