/**
 * "Hämta från Kolada": the one explicit, user-initiated write to an input table. Fetched benchmark
 * rows go into the workbook's `Jämförelse` table; everything else the add-in writes lives on its
 * own `KPB …` sheets.
 *
 * - No `Jämförelse` table yet: a `Jämförelse` sheet with an Excel table of that name and the
 *   contract header (Nyckeltal, Värde, Källa, År, Kommun) is created.
 * - A table exists (an Excel table, a named range, a mapped range or a sheet found by its name or
 *   header): rows whose Källa starts with `replaceSource` ("Kolada") for the same Nyckeltal, År
 *   and Kommun are overwritten in place, so fetching twice gives the same table; the other fetched
 *   rows go below the last row (into trailing blank rows first). Every other row, the user's own
 *   benchmark values included, is never written to, so its formulas and formats stay as they are.
 *   In new and overwritten rows only the five contract columns are written: the user's other
 *   columns (a calculated column such as `=[@Värde]*1,1`, a comment column) keep their formula.
 * - Text cells (Nyckeltal, Källa, Kommun) are formatted as text before their values are written,
 *   and written as literal text (cell-safety.ts), so "0604" or "=…" stays exactly that text.
 *
 * Nothing is written when the table cannot take the rows (a column is missing, no header row, or a
 * fixed range without room); the outcome says why.
 */
import { asLiteralText } from "./cell-safety";
import { fold, isBlank, TABLE_SCHEMAS, type CellValue } from "../engine";
import { a1 } from "../layouts";
import type { ExcelRun } from "./excel-run";
import { findTables, type FoundTable } from "./read-tables";
import type { WorkbookMapping } from "./table-sources";

export const BENCHMARK_TABLE = "Jämförelse";
/** The contract header, in the contract's order. */
export const BENCHMARK_COLUMNS = ["Nyckeltal", "Värde", "Källa", "År", "Kommun"] as const;
/** Contract columns holding text (formatted "@" where the add-in writes them). */
const TEXT_COLUMNS: ReadonlySet<number> = new Set([0, 2, 4]);
const HEADER_SEARCH_ROWS = 20;

/** One `Jämförelse` row in contract order: Nyckeltal, Värde, Källa, År, Kommun. */
export type BenchmarkRowValues = readonly [keyFigure: string, value: number | string, source: string, year: number | string, municipality: string];

export interface BenchmarkWriteOptions {
  /** Existing rows whose Källa starts with this text (case-insensitive), e.g. "Kolada", are replaced by fetched rows with the same key. */
  replaceSource: string;
  /** The user's saved mapping (where `Jämförelse` is and what its columns are called). */
  mapping?: WorkbookMapping;
}

export type BenchmarkWriteOutcome =
  | {
      ok: true;
      sheet: string;
      /** The Excel table written to, null for a plain range. */
      table: string | null;
      /** true when the sheet and table were created by this write. */
      created: boolean;
      /** Rows written below the existing ones (or into trailing blank rows). */
      added: number;
      /** Earlier rows from the same source overwritten in place. */
      replaced: number;
    }
  /** The table lacks contract columns the rows need (e.g. Källa, without which fetched rows could not be told apart). */
  | { ok: false; reason: "missingColumns"; sheet: string; columns: string[] }
  /** The sheet holds no row with the Nyckeltal and Värde headers. */
  | { ok: false; reason: "noHeader"; sheet: string }
  /** A named or mapped range of fixed size without room for the new rows. */
  | { ok: false; reason: "fixedRange"; sheet: string; rows: number };

/** What is written where: body row indexes to overwrite, and rows to put below the body. */
export interface BenchmarkWritePlan {
  updates: { index: number; values: BenchmarkRowValues; replaced: boolean }[];
  appends: BenchmarkRowValues[];
}

// ---------------------------------------------------------------------------------------------
// Keys and the plan (pure)

const text = (v: unknown): string => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

/** A year cell (2023 or "2023") as "2023"; anything else as folded text. */
function yearKey(v: unknown): string {
  if (typeof v === "number" && Number.isFinite(v)) return String(Math.round(v));
  const s = text(v);
  return /^\d{4}(?:\.0+)?$/.test(s) ? String(parseInt(s, 10)) : fold(s);
}

/**
 * A Kommun cell by its leading code when it has one ("0604 Aneby", "0604", 604 → "0604"), so a
 * row written with or without the name is the same municipality; other labels by folded text.
 */
function municipalityKey(v: unknown): string {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 9999) return String(v).padStart(4, "0");
  const s = text(v);
  const code = /^(\d{2,4}|[Gg]\d{1,9})(?:\s|$)/.exec(s);
  if (code) return /^\d{3}$/.test(code[1]) ? code[1].padStart(4, "0") : code[1].toUpperCase();
  return fold(s);
}

/** Nyckeltal, År and Kommun: what makes two rows "the same value". */
export function benchmarkKey(keyFigure: unknown, year: unknown, municipality: unknown): string {
  return [fold(text(keyFigure)), yearKey(year), municipalityKey(municipality)].join("\u0001");
}

const fromSource = (source: unknown, prefix: string): boolean => {
  const p = fold(prefix.trim());
  return p !== "" && fold(text(source)).startsWith(p);
};

const blankRow = (row: readonly CellValue[]): boolean => row.every((c) => isBlank(c));

/**
 * The plan for one write. `body` holds the existing data rows, `columns[i]` the index within a
 * row of contract column i. Fetched rows with the same key as an earlier row from `replaceSource`
 * overwrite it (every such row, should the table hold duplicates); the rest fill the trailing
 * blank rows and then go below. Fetched rows are de-duplicated by key (the last one wins).
 */
export function planBenchmarkWrite(
  body: readonly (readonly CellValue[])[],
  columns: readonly number[],
  rows: readonly BenchmarkRowValues[],
  replaceSource: string,
): BenchmarkWritePlan {
  const fetched = new Map<string, BenchmarkRowValues>();
  for (const row of rows) {
    const key = benchmarkKey(row[0], row[3], row[4]);
    fetched.delete(key);
    fetched.set(key, row);
  }
  const updates: BenchmarkWritePlan["updates"] = [];
  const placed = new Set<string>();
  body.forEach((row, index) => {
    if (!fromSource(row[columns[2]], replaceSource)) return;
    const key = benchmarkKey(row[columns[0]], row[columns[3]], row[columns[4]]);
    const values = fetched.get(key);
    if (!values) return;
    updates.push({ index, values, replaced: true });
    placed.add(key);
  });
  const rest = [...fetched].filter(([key]) => !placed.has(key)).map(([, values]) => values);
  let trailing = 0;
  while (trailing < body.length && blankRow(body[body.length - 1 - trailing])) trailing++;
  const firstBlank = body.length - trailing;
  const intoBlanks = rest.slice(0, trailing);
  intoBlanks.forEach((values, i) => updates.push({ index: firstBlank + i, values, replaced: false }));
  return { updates, appends: rest.slice(intoBlanks.length) };
}

/** Contract column → index in the header row (−1 when absent), by contract name, alias or the user's mapped header. */
export function benchmarkColumns(header: readonly CellValue[], ownHeaders: Record<string, string> = {}): number[] {
  const folded = header.map((h) => (typeof h === "string" ? fold(h) : ""));
  return TABLE_SCHEMAS["Jämförelse"].map((def) => {
    const names = [ownHeaders[def.name], def.name, ...def.aliases].filter((n): n is string => typeof n === "string" && n !== "");
    for (const name of names) {
      const at = folded.indexOf(fold(name));
      if (at >= 0) return at;
    }
    return -1;
  });
}

// ---------------------------------------------------------------------------------------------
// The Excel side

interface Located {
  found: FoundTable;
  sheet: string;
  /** The Excel table's name, when the source is one. */
  table: string | null;
  /** 0-based sheet row and column of the first body cell (the header's column). */
  bodyRow: number;
  firstColumn: number;
  body: CellValue[][];
  columns: number[];
  /** A named or mapped range: it cannot grow. */
  fixed: boolean;
}

type Reading = { ok: true; located: Located } | { ok: false; outcome: BenchmarkWriteOutcome };

async function locate(run: ExcelRun, found: FoundTable, mapping: WorkbookMapping): Promise<Reading> {
  const own = mapping["Jämförelse"]?.columns ?? {};
  return run(async (context) => {
    const wb = context.workbook;
    const source = found.source;
    if (source.kind === "table") {
      const table = wb.tables.getItem(source.name);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("values,rowIndex,columnIndex,rowCount");
      const sheet = table.worksheet.load("name");
      table.load("name");
      await context.sync();
      const columns = benchmarkColumns(header.values[0] as CellValue[], own);
      return checked({
        found,
        sheet: sheet.name,
        table: table.name,
        bodyRow: body.rowIndex,
        firstColumn: body.columnIndex,
        body: body.values as CellValue[][],
        columns,
        fixed: false,
      });
    }
    const range =
      source.kind === "name"
        ? wb.names.getItem(source.name).getRange()
        : source.kind === "range"
          ? wb.worksheets.getItem(source.sheet).getRange(source.address)
          : wb.worksheets.getItem(source.sheet).getUsedRange(true);
    range.load("values,rowIndex,columnIndex,worksheet/name");
    await context.sync();
    const values = range.values as CellValue[][];
    let headerAt = -1;
    let columns: number[] = [];
    for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, values.length); r++) {
      const candidate = benchmarkColumns(values[r], own);
      if (candidate[0] >= 0 && candidate[1] >= 0) {
        headerAt = r;
        columns = candidate;
        break;
      }
    }
    if (headerAt < 0) return { ok: false, outcome: { ok: false, reason: "noHeader", sheet: range.worksheet.name } };
    return checked({
      found,
      sheet: range.worksheet.name,
      table: null,
      bodyRow: range.rowIndex + headerAt + 1,
      firstColumn: range.columnIndex,
      body: values.slice(headerAt + 1),
      columns,
      fixed: source.kind !== "sheet",
    });
  });
}

function checked(located: Located): Reading {
  const missing = BENCHMARK_COLUMNS.filter((_, i) => located.columns[i] < 0);
  if (missing.length) return { ok: false, outcome: { ok: false, reason: "missingColumns", sheet: located.sheet, columns: [...missing] } };
  return { ok: true, located };
}

/** Contract column indexes grouped into runs of adjacent sheet columns: [[contract index, …], …]. */
function columnRuns(columns: readonly number[]): number[][] {
  const order = columns.map((_, i) => i).sort((a, b) => columns[a] - columns[b]);
  const runs: number[][] = [];
  for (const i of order) {
    const last = runs[runs.length - 1];
    if (last && columns[last[last.length - 1]] + 1 === columns[i]) last.push(i);
    else runs.push([i]);
  }
  return runs;
}

/** A block of rows into the contract columns: text cells formatted "@" first, then every value. */
function writeBlock(sheet: Excel.Worksheet, located: Located, bodyIndex: number, rows: readonly BenchmarkRowValues[]): void {
  const top = located.bodyRow + bodyIndex + 1;
  for (const run of columnRuns(located.columns)) {
    const left = located.firstColumn + located.columns[run[0]] + 1;
    run.forEach((i, k) => {
      if (TEXT_COLUMNS.has(i)) sheet.getRange(a1(top, left + k, rows.length, 1)).numberFormat = "@" as unknown as string[][];
    });
    sheet.getRange(a1(top, left, rows.length, run.length)).values = rows.map((row) =>
      run.map((i) => asLiteralText(row[i], TEXT_COLUMNS.has(i) ? "@" : undefined)),
    );
  }
}

/** Creates the `Jämförelse` sheet and table with the contract header and the rows. */
async function createTable(run: ExcelRun, rows: readonly BenchmarkRowValues[]): Promise<BenchmarkWriteOutcome> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.add(BENCHMARK_TABLE);
    const width = BENCHMARK_COLUMNS.length;
    sheet.getRange(a1(1, 1, 1, width)).values = [[...BENCHMARK_COLUMNS]];
    BENCHMARK_COLUMNS.forEach((_, i) => {
      if (TEXT_COLUMNS.has(i)) sheet.getRange(a1(2, i + 1, rows.length, 1)).numberFormat = "@" as unknown as string[][];
    });
    sheet.getRange(a1(2, 1, rows.length, width)).values = rows.map((row) => row.map((v, i) => asLiteralText(v, TEXT_COLUMNS.has(i) ? "@" : undefined)));
    const whole = a1(1, 1, rows.length + 1, width);
    const table = sheet.tables.add(whole, true);
    table.name = BENCHMARK_TABLE;
    table.style = "TableStyleLight9";
    sheet.getRange(whole).format.autofitColumns();
    sheet.freezePanes.freezeRows(1);
    await context.sync();
    return { ok: true, sheet: BENCHMARK_TABLE, table: BENCHMARK_TABLE, created: true, added: rows.length, replaced: 0 };
  });
}

/**
 * Writes fetched benchmark rows (contract order; a header row first is skipped) into the
 * workbook's `Jämförelse` table, creating it when there is none. See the top of this file.
 */
export async function writeBenchmarkRows(
  run: ExcelRun,
  rows: readonly (readonly CellValue[])[],
  options: BenchmarkWriteOptions,
): Promise<BenchmarkWriteOutcome> {
  const data = rows.filter((row, i) => !(i === 0 && fold(text(row[0])) === "nyckeltal" && fold(text(row[1])) === "varde")) as unknown as BenchmarkRowValues[];
  const mapping = options.mapping ?? {};
  const found = (await findTables(run, mapping)).find((f) => f.table === "Jämförelse");
  if (!found) {
    if (data.length === 0) return { ok: true, sheet: BENCHMARK_TABLE, table: null, created: false, added: 0, replaced: 0 };
    return createTable(run, dedupe(data));
  }
  const reading = await locate(run, found, mapping);
  if (!reading.ok) return reading.outcome;
  const located = reading.located;
  const plan = planBenchmarkWrite(located.body, located.columns, data, options.replaceSource);
  if (plan.appends.length > 0 && located.fixed) {
    return { ok: false, reason: "fixedRange", sheet: located.sheet, rows: plan.appends.length };
  }
  const replaced = plan.updates.filter((u) => u.replaced).length;
  const added = plan.updates.length - replaced + plan.appends.length;
  if (plan.updates.length === 0 && plan.appends.length === 0) {
    return { ok: true, sheet: located.sheet, table: located.table, created: false, added: 0, replaced: 0 };
  }
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(located.sheet);
    for (const update of plan.updates) writeBlock(sheet, located, update.index, [update.values]);
    if (plan.appends.length) {
      if (located.table) {
        // The table grows first, so the text format reaches the cells before the values. Rows are
        // added without values: Excel then fills the user's calculated columns into them, and
        // only the contract columns are written (writeBlock). Writing "" across the row would
        // replace a calculated column's formula in the new rows.
        const tableRows = context.workbook.tables.getItem(located.table).rows;
        for (let i = 0; i < plan.appends.length; i++) tableRows.add();
      }
      writeBlock(sheet, located, located.body.length, plan.appends);
    }
    await context.sync();
  });
  return { ok: true, sheet: located.sheet, table: located.table, created: false, added, replaced };
}

/** The fetched rows without repeated keys (the last one wins), in their order. */
function dedupe(rows: readonly BenchmarkRowValues[]): BenchmarkRowValues[] {
  return planBenchmarkWrite([], [0, 1, 2, 3, 4], rows, "").appends;
}
