import { CellTableBuilder, fold, type CellValue, type Problem, type TableInput, type TableName, type WorkbookInput } from "../engine";
import { CancelledError, MAX_READ_CELLS, type CancelToken, type ExcelRun, type ProgressListener } from "./excel-run";
import { ChunkSizer, isResponseTooLarge, measureValuesBytes } from "./read-chunks";
import {
  HEADER_PROBE_ROWS,
  locateTables,
  renameMappedHeaders,
  sheetOfReference,
  type FoundBy,
  type TableCandidates,
} from "../input/table-locator";
import type { TableSource, WorkbookMapping } from "./table-sources";

/** A found table: where it is and how big, before its cells are read. */
export interface FoundTable {
  table: TableName;
  source: TableSource;
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** How it was found, for the task pane's Källdata list (the locator's rule). */
  foundBy: Exclude<FoundBy, "file">;
  /** Other sources the same rule matched: the choice is ambiguous. */
  alsoMatched?: string[];
  /** The saved choice that no longer exists, when the table fell back to the rules. */
  savedMissing?: TableSource;
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

/** The sheet's first rows the locator looks for a header in (see HEADER_PROBE_ROWS). */
const PROBE_ROWS_ADDRESS = `1:${HEADER_PROBE_ROWS}`;

/**
 * Finds every contract table by the shared rules (src/input/table-locator.ts): this function only
 * collects what the workbook holds (tables, named ranges, sheets and, when a table is still
 * missing, the sheets' first rows) and measures the chosen sources. Two syncs plus one for header
 * probing. `problems`: ambiguous choices and saved choices that are gone.
 */
export async function locateWorkbookTables(run: ExcelRun, mapping: WorkbookMapping = {}): Promise<{ found: FoundTable[]; problems: Problem[] }> {
  return run(async (context) => {
    const wb = context.workbook;
    const tables = wb.tables.load("items/name,items/worksheet/name");
    const names = wb.names.load("items/name,items/type,items/value");
    const sheets = wb.worksheets.load("items/name");
    await context.sync();
    const candidates: TableCandidates = {
      tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      names: names.items.filter((n) => n.type === "Range").map((n) => ({ name: n.name, sheet: sheetOfReference(String(n.value ?? "")) })),
      sheets: sheets.items.map((s) => ({ name: s.name })),
    };
    let location = locateTables(candidates, mapping);
    if (location.needsProbe) {
      // Tables still missing: the first rows (every used column) of the sheets, in one sync.
      const probes = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).getIntersectionOrNullObject(PROBE_ROWS_ADDRESS).load("values"));
      await context.sync();
      candidates.sheets = sheets.items.map((s, i) => ({ name: s.name, probe: probes[i].isNullObject ? [] : probes[i].values }));
      location = locateTables(candidates, mapping);
    }
    const ranges = location.located.map((l) => ({
      located: l,
      source: l.source as TableSource,
      range: rangeOf(context, l.source as TableSource).load("rowIndex,columnIndex,rowCount,columnCount,worksheet/name"),
    }));
    await context.sync();
    const found = ranges.map((r): FoundTable => ({
      table: r.located.table,
      source: r.source,
      foundBy: r.located.foundBy as FoundTable["foundBy"],
      sheet: r.range.worksheet.name,
      rowIndex: r.range.rowIndex,
      columnIndex: r.range.columnIndex,
      rowCount: r.range.rowCount,
      columnCount: r.range.columnCount,
      ...(r.located.alsoMatched.length ? { alsoMatched: r.located.alsoMatched } : {}),
      ...(r.located.savedMissing ? { savedMissing: r.located.savedMissing } : {}),
    }));
    return { found, problems: location.problems.filter((p) => p.code !== "tableMissing") };
  });
}

/** The contract tables found in the workbook (see locateWorkbookTables). */
export async function findTables(run: ExcelRun, mapping: WorkbookMapping = {}): Promise<FoundTable[]> {
  return (await locateWorkbookTables(run, mapping)).found;
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
      // Each chunk's rows go straight into the table by column: no 2-D array of the whole table.
      const cells = new CellTableBuilder(f.rowCount);
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
        for (const row of range.values) cells.addRow(row as CellValue[]);
        if (formats) range.numberFormat.forEach((row, k) => (formats[start + k] = row.map(String)));
        sizer.observe(count, measureValuesBytes(range.values) + (formats ? measureValuesBytes(range.numberFormat) : 0));
        start += count;
        doneRows += count;
        options.onProgress?.({ phase: "läser", done: doneRows, total: totalRows, detail: f.table });
      }
      const table: TableInput = {
        cells: renameMappedHeaders(cells.build(), options.mapping?.[f.table]?.columns),
        sheet: f.sheet,
        firstRow: f.rowIndex + 1,
        firstColumn: f.columnIndex + 1,
        ...(formats ? { numberFormats: formats } : {}),
      };
      input[f.table] = table;
    }
  });
  return input;
}
