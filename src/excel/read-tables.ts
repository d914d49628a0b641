import { fold, type CellValue, type TableInput, type TableName, type WorkbookInput } from "../engine";
import { CancelledError, MAX_READ_CELLS, type CancelToken, type ExcelRun, type ProgressListener } from "./excel-run";
import { ChunkSizer, isResponseTooLarge, measureValuesBytes } from "./read-chunks";
import {
  headerScore,
  isResultSheet,
  nameMatchesTable,
  requiredCount,
  TABLE_NAMES,
  type TableSource,
  type WorkbookMapping,
} from "./table-sources";

/** A found table: where it is and how big, before its cells are read. */
export interface FoundTable {
  table: TableName;
  source: TableSource;
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** How it was found, for the task pane's Källdata list. */
  foundBy: "mapping" | "table" | "name" | "sheet" | "header";
}

/** The range a table source points at (its header row included). */
export function rangeOf(context: Excel.RequestContext, source: TableSource): Excel.Range {
  const wb = context.workbook;
  switch (source.kind) {
    case "table":
      return wb.tables.getItem(source.name).getRange();
    case "name":
      return wb.names.getItem(source.name).getRange();
    case "range":
      return wb.worksheets.getItem(source.sheet).getRange(source.address);
    case "sheet":
      return wb.worksheets.getItem(source.sheet).getUsedRange(true);
  }
}

/**
 * Finds every contract table: the user's saved mapping first, then an Excel table or a named
 * range with the table's name, then a sheet with that name, then a sheet whose first rows carry
 * the required headers. Result sheets (`KPB …`) are never inputs. Two syncs plus one for header
 * probing.
 */
export async function findTables(run: ExcelRun, mapping: WorkbookMapping = {}): Promise<FoundTable[]> {
  return run(async (context) => {
    const wb = context.workbook;
    const tables = wb.tables.load("items/name,items/worksheet/name");
    const names = wb.names.load("items/name,items/type");
    const sheets = wb.worksheets.load("items/name,items/visibility");
    await context.sync();
    const inputSheets = sheets.items.filter((s) => !isResultSheet(s.name));
    const chosen = new Map<TableName, { source: TableSource; foundBy: FoundTable["foundBy"] }>();
    for (const table of TABLE_NAMES) {
      const saved = mapping[table];
      if (saved) {
        chosen.set(table, { source: saved.source, foundBy: "mapping" });
        continue;
      }
      const t = tables.items.find((x) => nameMatchesTable(x.name, table) && !isResultSheet(x.worksheet.name));
      if (t) {
        chosen.set(table, { source: { kind: "table", name: t.name }, foundBy: "table" });
        continue;
      }
      const n = names.items.find((x) => x.type === "Range" && nameMatchesTable(x.name, table));
      if (n) {
        chosen.set(table, { source: { kind: "name", name: n.name }, foundBy: "name" });
        continue;
      }
      const s = inputSheets.find((x) => nameMatchesTable(x.name, table));
      if (s) chosen.set(table, { source: { kind: "sheet", sheet: s.name }, foundBy: "sheet" });
    }
    // Tables still missing: probe the first rows of the sheets that hold nothing yet.
    const missing = TABLE_NAMES.filter((t) => !chosen.has(t));
    const taken = new Set(
      [...chosen.values()].map((c) => (c.source.kind === "sheet" || c.source.kind === "range" ? c.source.sheet : "")),
    );
    const probes = inputSheets
      .filter((s) => !taken.has(s.name))
      .map((s) => ({ sheet: s.name, range: s.getRange("A1:Z10").load("values") }));
    if (missing.length && probes.length) {
      await context.sync();
      for (const table of missing) {
        const hit = probes.find((p) => p.range.values.some((row) => headerScore(table, row) === requiredCount(table)));
        if (hit && ![...chosen.values()].some((c) => c.source.kind === "sheet" && c.source.sheet === hit.sheet)) {
          chosen.set(table, { source: { kind: "sheet", sheet: hit.sheet }, foundBy: "header" });
        }
      }
    }
    const ranges = [...chosen].map(([table, c]) => ({
      table,
      ...c,
      range: rangeOf(context, c.source).load("rowIndex,columnIndex,rowCount,columnCount,worksheet/name"),
    }));
    await context.sync();
    return ranges.map((r) => ({
      table: r.table,
      source: r.source,
      foundBy: r.foundBy,
      sheet: r.range.worksheet.name,
      rowIndex: r.range.rowIndex,
      columnIndex: r.range.columnIndex,
      rowCount: r.range.rowCount,
      columnCount: r.range.columnCount,
    }));
  });
}

/** Chunks of at most `maxCells` cells: [firstRow, rowCount] pairs (the cell cap; readTables sizes by bytes). */
export function rowChunks(rowCount: number, columnCount: number, maxCells = MAX_READ_CELLS): [number, number][] {
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / Math.max(1, columnCount)));
  const chunks: [number, number][] = [];
  for (let r = 0; r < rowCount; r += rowsPerChunk) chunks.push([r, Math.min(rowsPerChunk, rowCount - r)]);
  return chunks;
}

/**
 * Tables whose numbers may be typed as percent (a share in Nycklar, a benchmark share): their
 * number formats are read with the values, since a percent-formatted cell holds a fraction. The
 * large tables are read as values only.
 */
const TABLES_WITH_FORMATS: TableName[] = ["Nycklar", "Jämförelse"];

/** Renames the user's own headers to the contract's, as saved in the mapping. */
function applyColumnMapping(rows: CellValue[][], columns: Record<string, string> | undefined): void {
  if (!columns || rows.length === 0) return;
  const byOwn = new Map(Object.entries(columns).map(([contract, own]) => [fold(own), contract]));
  for (let r = 0; r < Math.min(20, rows.length); r++) {
    rows[r] = rows[r].map((cell) => (typeof cell === "string" && byOwn.has(fold(cell)) ? byOwn.get(fold(cell))! : cell));
  }
}

/**
 * Reads the found tables' cells in chunks sized by the bytes of the response (read-chunks.ts), so
 * text-heavy tables stay under Excel's response limit; a chunk that is still too large is read
 * again in halves. Returns the engine's input with sheet positions for messages.
 */
export async function readTables(
  run: ExcelRun,
  found: FoundTable[],
  options: { mapping?: WorkbookMapping; onProgress?: ProgressListener; cancel?: CancelToken } = {},
): Promise<WorkbookInput> {
  const totalRows = found.reduce((a, f) => a + f.rowCount, 0);
  let doneRows = 0;
  const input: WorkbookInput = {};
  await run(async (context) => {
    for (const f of found) {
      const rows: CellValue[][] = new Array(f.rowCount);
      const withFormats = TABLES_WITH_FORMATS.includes(f.table);
      const formats: string[][] | undefined = withFormats ? new Array(f.rowCount) : undefined;
      const whole = rangeOf(context, f.source);
      // Formats loaded with the values about double what each row costs in a response.
      const sizer = new ChunkSizer(withFormats ? 2 * f.columnCount : f.columnCount);
      for (let start = 0; start < f.rowCount; ) {
        if (options.cancel?.cancelled) throw new CancelledError();
        const count = Math.min(sizer.rows(), f.rowCount - start);
        const range = whole.getCell(start, 0).getResizedRange(count - 1, f.columnCount - 1).load(withFormats ? "values,numberFormat" : "values");
        try {
          await context.sync();
        } catch (error) {
          if (!isResponseTooLarge(error) || count === 1) throw error;
          sizer.tooLarge(count);
          continue;
        }
        range.values.forEach((row, k) => (rows[start + k] = row as CellValue[]));
        if (formats) range.numberFormat.forEach((row, k) => (formats[start + k] = row.map(String)));
        sizer.observe(count, measureValuesBytes(range.values) + (formats ? measureValuesBytes(range.numberFormat) : 0));
        start += count;
        doneRows += count;
        options.onProgress?.({ phase: "läser", done: doneRows, total: totalRows, detail: f.table });
      }
      applyColumnMapping(rows, options.mapping?.[f.table]?.columns);
      const table: TableInput = { rows, sheet: f.sheet, firstRow: f.rowIndex + 1, firstColumn: f.columnIndex + 1, ...(formats ? { numberFormats: formats } : {}) };
      input[f.table] = table;
    }
  });
  return input;
}
