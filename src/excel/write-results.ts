import { a1, blockPlaces, NUMBER_FORMATS, type SheetLayout } from "../layouts";
import { excelMessage } from "./messages";
import { addChart } from "./charts";
import { addDirectionColours, applyPrintSetup, clearDressing, fitSheet, setUpPage, writeTopCells } from "./sheet-dressing";
import { CancelledError, MAX_REQUEST_BYTES, type CancelToken, type ExcelRun, type ProgressListener } from "./excel-run";
import { asLiteralText } from "./cell-safety";

export const TEMP_PREFIX = "KPB~";

export interface WriteReport {
  sheets: string[];
  syncs: number;
}

/** Rows of a block in slices whose JSON stays under the request budget: [start, count, bytes]. */
function slices(rows: unknown[][], budget = MAX_REQUEST_BYTES): [number, number, number][] {
  const out: [number, number, number][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = JSON.stringify(row).length * 2; // values and their number formats
    if (i > start && bytes + size > budget) {
      out.push([start, i - start, bytes]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (rows.length > start) out.push([start, rows.length - start, bytes]);
  return out;
}

/**
 * Writes the result sheets safely. Phase 1 writes every sheet's cells into hidden temporary
 * sheets, in chunks, with progress and cancel. Phase 2, in ONE request, swaps them in: an existing
 * `KPB …` sheet is kept (so the user's formulas pointing at it keep working), cleared and filled by
 * a copy from its temporary sheet; its result tables are kept and resized (refillSheet), so
 * structured references keep following them, and charts are recreated under their stable names. If
 * anything fails before or during the swap, the previous results stay as they were and the
 * temporary sheets are removed (or, if the workbook went away, at the start of the next refresh).
 */
export async function writeResultSheets(
  run: ExcelRun,
  layouts: SheetLayout[],
  options: { onProgress?: ProgressListener; cancel?: CancelToken } = {},
): Promise<WriteReport> {
  let syncs = 0;
  const totalRows = layouts.reduce((a, l) => a + l.blocks.reduce((b, x) => b + x.rows.length, 0), 0);
  let doneRows = 0;
  let pendingBytes = 0;
  // Every write request runs with recalculation suspended: users' formulas that point at the
  // result sheets recalculate once, after the swap, not after every chunk.
  const sync = async (context: Excel.RequestContext) => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await context.sync();
    syncs++;
    pendingBytes = 0;
  };
  try {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await sync(context);
      for (const s of sheets.items) if (s.name.startsWith(TEMP_PREFIX)) s.delete();

      // Phase 1: temporary sheets.
      for (const [index, layout] of layouts.entries()) {
        const temp = sheets.add(`${TEMP_PREFIX}${index + 1}`);
        temp.visibility = "Hidden" as Excel.SheetVisibility;
        const places = blockPlaces(layout);
        writeTopCells(temp, layout);
        for (const [b, block] of layout.blocks.entries()) {
          const place = places[b];
          if (place.titleRow !== null) {
            const title = temp.getRange(a1(place.titleRow, 1));
            title.values = [[asLiteralText(block.title!)]];
            title.format.font.bold = true;
          }
          const header = temp.getRange(a1(place.headerRow, 1, 1, block.columns.length));
          header.values = [block.columns.map((c) => asLiteralText(c.header))];
          for (const [start, count, bytes] of slices(block.rows)) {
            if (options.cancel?.cancelled) throw new CancelledError();
            // Small blocks share a request; a slice that would overflow it goes in the next one.
            if (pendingBytes > 0 && pendingBytes + bytes > MAX_REQUEST_BYTES) await sync(context);
            const range = temp.getRange(a1(place.headerRow + 1 + start, 1, count, block.columns.length));
            const rows = block.rows.slice(start, start + count);
            // The format goes first in the batch, so text columns ("@") keep input text literal.
            const formats = rows.map((_, r) =>
              block.columns.map((c, col) => {
                const override = block.rowFormats?.find((f) => f.column === col);
                return NUMBER_FORMATS[override ? override.formats[start + r] : c.format];
              }),
            );
            range.numberFormat = formats;
            range.values = rows.map((row, r) => row.map((cell, col) => asLiteralText(cell, formats[r][col])));
            pendingBytes += bytes;
            doneRows += count;
            options.onProgress?.({ phase: "skriver", done: doneRows, total: totalRows, detail: layout.name });
          }
        }
      }
      await sync(context);
      if (options.cancel?.cancelled) throw new CancelledError();

      // Phase 2: swap in one request (after two reads of what is there now).
      const existing = layouts.map((l) => {
        const sheet = sheets.getItemOrNullObject(l.name);
        sheet.load("name");
        sheet.tables.load("items/name,items/showTotals");
        sheet.charts.load("items/name");
        return sheet;
      });
      await sync(context);
      const current = existing.map((sheet, index) => (sheet.isNullObject ? [] : loadResultTables(sheet, layouts[index])));
      await sync(context);
      options.onProgress?.({ phase: "sparar", done: totalRows, total: totalRows, detail: excelMessage("swappingResults") });
      layouts.forEach((layout, index) => {
        const temp = sheets.getItem(`${TEMP_PREFIX}${index + 1}`);
        const old = existing[index];
        let target: Excel.Worksheet;
        let kept = new Set<string>();
        if (old.isNullObject) {
          temp.name = layout.name;
          temp.visibility = "Visible" as Excel.SheetVisibility;
          target = temp;
        } else {
          clearDressing(old);
          kept = refillSheet(old, temp, layout, current[index]);
          temp.delete();
          target = old;
        }
        finishSheet(target, layout, kept);
        target.position = index;
      });
      await sync(context);
    });
  } catch (error) {
    await removeTemporarySheets(run).catch(() => undefined);
    throw error;
  }
  // Print setup after the swap: if Excel refuses it, the refreshed results still stand.
  if (await applyPrintSetup(run, layouts)) syncs++;
  return { sheets: layouts.map((l) => l.name), syncs };
}

/** A result table already on the sheet, with where it is and its header, as loaded before the swap. */
interface CurrentTable {
  table: Excel.Table;
  range: Excel.Range;
  header: Excel.Range;
}

/** Loads the position and header of every table on `sheet` that has the name of one of the layout's blocks. */
function loadResultTables(sheet: Excel.Worksheet, layout: SheetLayout): (CurrentTable | null)[] {
  return layout.blocks.map((block) => {
    const table = sheet.tables.items.find((t) => t.name.toLowerCase() === block.tableName.toLowerCase());
    if (!table) return null;
    return {
      table,
      range: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
      header: table.getHeaderRowRange().load("values"),
    };
  });
}

/**
 * Refills an existing `KPB …` sheet from its temporary sheet, keeping the result tables, so that
 * users' structured references (`=SUMMA(KPB_Brukare[Totalt])`) keep following the data: a table
 * converted to a range and added again would turn them into fixed cell references.
 *
 * A table is kept when it sits where its block goes, with the same headers, and no table above it
 * changed its number of rows; it grows or shrinks by table rows (TableRowCollection.add,
 * TableRow.delete: ExcelApi 1.1), so its header row never moves. Any other table on the sheet is
 * converted to a range first (its cells are overwritten below) and created again by finishSheet;
 * its structured references become cell references, as before. Returns the kept tables' names.
 */
function refillSheet(old: Excel.Worksheet, temp: Excel.Worksheet, layout: SheetLayout, current: (CurrentTable | null)[]): Set<string> {
  const places = blockPlaces(layout);
  const keep = new Map<number, CurrentTable>();
  let aligned = true;
  layout.blocks.forEach((block, b) => {
    const found = current[b];
    if (!found || !aligned) {
      aligned = false;
      return;
    }
    const place = places[b];
    const headers = (found.header.values[0] ?? []).map((h) => String(h));
    const sameShape =
      found.range.rowIndex === place.headerRow - 1 &&
      found.range.columnIndex === 0 &&
      !found.table.showTotals &&
      headers.length === block.columns.length &&
      headers.every((h, i) => h === block.columns[i].header);
    if (!sameShape) {
      aligned = false;
      return;
    }
    keep.set(b, found);
    // Cells below a table that grows or shrinks move; a table there could not be kept in place.
    if (found.range.rowCount - 1 !== place.bodyRows) aligned = false;
  });
  const keptTables = new Set([...keep.values()].map((k) => k.table));
  old.charts.items.forEach((c) => c.delete());
  old.tables.items.forEach((t) => {
    if (!keptTables.has(t)) t.convertToRange();
  });
  for (const [b, { table, range }] of keep) {
    const oldBody = range.rowCount - 1;
    const newBody = places[b].bodyRows;
    if (newBody > oldBody) {
      const blank = Array.from({ length: newBody - oldBody }, () => layout.blocks[b].columns.map(() => ""));
      table.rows.add(undefined as unknown as number, blank);
    }
    for (let i = oldBody - 1; i >= newBody; i--) table.rows.getItemAt(i).delete();
  }
  // Clear everything except the kept tables' header rows (clearing a header cell would rename the
  // column, and references to it would follow the new name), then paste the new cells.
  const headerRows = [...keep.keys()].map((b) => places[b].headerRow).sort((x, y) => x - y);
  let from = 1;
  for (const row of [...headerRows, MAX_SHEET_ROWS + 1]) {
    if (row > from) old.getRange(`${from}:${row - 1}`).clear();
    from = row + 1;
  }
  old.getRange("A1").copyFrom(temp.getUsedRange(), "All" as Excel.RangeCopyType);
  return new Set([...keep.keys()].map((b) => layout.blocks[b].tableName));
}

const MAX_SHEET_ROWS = 1_048_576;

/** Tables (new ones; kept ones stay), widths, frozen header and charts: everything that is not cell contents. */
function finishSheet(sheet: Excel.Worksheet, layout: SheetLayout, kept: ReadonlySet<string> = new Set()): void {
  const places = blockPlaces(layout);
  layout.blocks.forEach((block, b) => {
    const place = places[b];
    const table = kept.has(block.tableName)
      ? sheet.tables.getItem(block.tableName)
      : sheet.tables.add(a1(place.headerRow, 1, 1 + place.bodyRows, block.columns.length), true);
    if (!kept.has(block.tableName)) table.name = block.tableName;
    table.style = "TableStyleMedium2";
  });
  fitSheet(sheet, layout);
  addDirectionColours(sheet, layout);
  if (layout.page) setUpPage(sheet, layout, false);
  else sheet.freezePanes.freezeRows(places[0]?.headerRow ?? 1);
  for (const spec of layout.charts) addChart(sheet, layout, spec, places);
}

/** Leftovers of an interrupted refresh are removed; the results themselves are untouched. */
export async function removeTemporarySheets(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const temps = sheets.items.filter((s) => s.name.startsWith(TEMP_PREFIX));
    if (temps.length === 0) return;
    temps.forEach((s) => s.delete());
    await context.sync();
  });
}
