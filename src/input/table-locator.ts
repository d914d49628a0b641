import { fold } from "../engine";
import { TABLE_NAMES, cellAt, withCells, type CellTable, type CellValue, type Problem, type TableName } from "../engine";
import { ProblemLog } from "../engine";
import { REQUIRED_TABLES, TABLE_ALIASES, TABLE_SCHEMAS } from "../engine";

/**
 * One rule set for finding the contract tables, used by the add-in and the command line alike.
 * The callers only collect what the workbook holds (Excel tables, named ranges, sheets with their
 * first rows, files given on the command line) and the user's saved mapping; this module decides
 * which source each contract table comes from, says why, and reports what is ambiguous or gone.
 *
 * Precedence, first that applies wins:
 *   1. a file given for the table (command line --ekonomi / --brukare)
 *   2. the saved mapping (the pane's Källdata choice, stored in the workbook), if its source still exists
 *   3. an Excel table named as the contract table or one of its aliases
 *   4. a named range named so
 *   5. a sheet named so
 *   6. a sheet whose header probe (HEADER_PROBE_ROWS first rows, every used column) names all the
 *      table's required columns, among sheets no other table already uses
 * Result sheets (`KPB …`) are never inputs. Where one rule matches several sources, the first is
 * used (the contract name before its aliases, then workbook order) and a warning names the others.
 */

/** Where a contract table lives in the workbook, as the user chose it or as it was found. */
export type TableSource =
  | { kind: "table"; name: string }
  | { kind: "name"; name: string }
  | { kind: "range"; sheet: string; address: string }
  | { kind: "sheet"; sheet: string };

/** The user's saved choices: a source per table and, where headers differ, contract → own header. */
export interface TableMapping {
  source: TableSource;
  columns?: Record<string, string>;
}

export type WorkbookMapping = Partial<Record<TableName, TableMapping>>;

/** A source outside the workbook: a file named on the command line. */
export interface FileSource {
  kind: "file";
  file: string;
}

export type LocatedSource = TableSource | FileSource;

/** How a table was found (the rule that chose it). */
export type FoundBy = "file" | "mapping" | "table" | "name" | "sheet" | "header";

/** Rows of a sheet probed for a header row: the first rows of its used range, every used column. */
export const HEADER_PROBE_ROWS = 10;

/** What a workbook (and the command line) offers; collected by src/excel or src/cli. */
export interface TableCandidates {
  /** Excel tables (list objects) with the sheet they are on. */
  tables: { name: string; sheet: string }[];
  /** Named ranges that refer to a range, with the sheet they point into (null when unknown). */
  names: { name: string; sheet: string | null }[];
  /**
   * Sheets in workbook order. `probe`: the first HEADER_PROBE_ROWS rows of the sheet's used range
   * (every used column); absent when not read (yet).
   */
  sheets: { name: string; probe?: readonly (readonly unknown[])[] }[];
  /** Files given for tables (they replace whatever the workbook has). */
  files?: Partial<Record<TableName, string>>;
}

export interface LocatedTable {
  table: TableName;
  source: LocatedSource;
  foundBy: FoundBy;
  /** The sheet the source is on (null for a file, or a name whose sheet is unknown). */
  sheet: string | null;
  /** Other sources the same rule matched (the choice is ambiguous when any). */
  alsoMatched: string[];
  /** A saved choice that no longer exists in the workbook, when this table fell back to the rules. */
  savedMissing?: TableSource;
  /** Why this source, in Swedish (for the command line and messages). */
  reason: string;
}

export interface TableLocation {
  located: LocatedTable[];
  /** Required tables not found. */
  missing: TableName[];
  /** Ambiguities, saved choices that are gone, required tables missing (code tableMissing). */
  problems: Problem[];
  /** Some table is still missing and some sheet has not been probed: probe and locate again. */
  needsProbe: boolean;
}

export const isResultSheet = (name: string) => name.startsWith("KPB ") || name.startsWith("KPB~");

/** 0 for the contract name, 1… for its aliases in order, -1 for no match. */
export function tableNameRank(candidate: string, table: TableName): number {
  const folded = fold(candidate);
  return [table, ...TABLE_ALIASES[table]].findIndex((n) => fold(n) === folded);
}

export const nameMatchesTable = (candidate: string, table: TableName) => tableNameRank(candidate, table) >= 0;

/** How many of a table's required headers a row names (for finding tables by their header). */
export function headerScore(table: TableName, row: readonly unknown[]): number {
  const texts = new Set(row.filter((v): v is string => typeof v === "string").map(fold));
  return TABLE_SCHEMAS[table]
    .filter((c) => c.required)
    .filter((c) => [c.name, ...c.aliases].some((n) => texts.has(fold(n)))).length;
}

export function requiredCount(table: TableName): number {
  return TABLE_SCHEMAS[table].filter((c) => c.required).length;
}

/** True when some row of the probe names every required column of the table. */
export function probeMatches(table: TableName, probe: readonly (readonly unknown[])[]): boolean {
  const needed = requiredCount(table);
  return probe.slice(0, HEADER_PROBE_ROWS).some((row) => headerScore(table, row) === needed);
}

/** The source's name as messages quote it. */
export function sourceName(source: LocatedSource): string {
  switch (source.kind) {
    case "table":
    case "name":
      return source.name;
    case "range":
      return `${source.sheet}!${source.address}`;
    case "sheet":
      return source.sheet;
    case "file":
      return source.file;
  }
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

// ------------------------------------------------------------------------------------------------
// The texts of the locator (Swedish; the pane shows its own language from foundBy and the names).

const REASON: Record<FoundBy, (name: string) => string> = {
  file: (n) => `filen ${n}`,
  mapping: (n) => `ditt sparade val: ${n}`,
  table: (n) => `Excel-tabellen ${n}`,
  name: (n) => `namnet ${n}`,
  sheet: (n) => `bladet ${n}`,
  header: (n) => `rubrikerna på bladet ${n}`,
};

// ------------------------------------------------------------------------------------------------

/** Does the saved source still exist among the candidates? Then it is returned as the workbook spells it. */
function savedSourceIn(candidates: TableCandidates, source: TableSource): { source: TableSource; sheet: string | null } | null {
  const inputSheet = (name: string) => candidates.sheets.find((s) => sameName(s.name, name) && !isResultSheet(s.name));
  switch (source.kind) {
    case "table": {
      const t = candidates.tables.find((x) => sameName(x.name, source.name));
      return t ? { source: { kind: "table", name: t.name }, sheet: t.sheet } : null;
    }
    case "name": {
      const n = candidates.names.find((x) => sameName(x.name, source.name));
      return n ? { source: { kind: "name", name: n.name }, sheet: n.sheet } : null;
    }
    case "range": {
      const s = inputSheet(source.sheet);
      return s ? { source: { kind: "range", sheet: s.name, address: source.address }, sheet: s.name } : null;
    }
    case "sheet": {
      const s = inputSheet(source.sheet);
      return s ? { source: { kind: "sheet", sheet: s.name }, sheet: s.name } : null;
    }
  }
}

/** Candidates matching a table by name, best first: the contract name before aliases, then workbook order. */
function byName<T extends { name: string }>(items: readonly T[], table: TableName): T[] {
  return items
    .map((item, index) => ({ item, index, rank: tableNameRank(item.name, table) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.item);
}

/** Chooses a source for every contract table by the rules above. Pure: no Office, no files. */
export function locateTables(candidates: TableCandidates, mapping: WorkbookMapping = {}): TableLocation {
  const log = new ProblemLog();
  const chosen = new Map<TableName, LocatedTable>();
  const inputSheets = candidates.sheets.filter((s) => !isResultSheet(s.name));
  const tables = candidates.tables.filter((t) => !isResultSheet(t.sheet));
  const names = candidates.names.filter((n) => n.sheet === null || !isResultSheet(n.sheet));
  const savedMissing = new Map<TableName, TableSource>();

  const choose = (table: TableName, source: LocatedSource, foundBy: FoundBy, sheet: string | null, others: string[] = []) => {
    const located: LocatedTable = { table, source, foundBy, sheet, alsoMatched: others, reason: REASON[foundBy](sourceName(source)) };
    const gone = savedMissing.get(table);
    if (gone) located.savedMissing = gone;
    chosen.set(table, located);
    if (others.length) {
      log.warning("tableAmbiguous", { table }, { table, count: others.length + 1, chosen: sourceName(source), others: others.join(", ") });
    }
  };

  for (const table of TABLE_NAMES) {
    const file = candidates.files?.[table];
    if (file !== undefined) {
      choose(table, { kind: "file", file }, "file", null);
      continue;
    }
    const saved = mapping[table];
    if (saved) {
      const found = savedSourceIn(candidates, saved.source);
      if (found) {
        choose(table, found.source, "mapping", found.sheet);
        continue;
      }
      savedMissing.set(table, saved.source);
    }
    const [table1, ...tableOthers] = byName(tables, table);
    if (table1) {
      choose(table, { kind: "table", name: table1.name }, "table", table1.sheet, tableOthers.map((t) => t.name));
      continue;
    }
    const [name1, ...nameOthers] = byName(names, table);
    if (name1) {
      choose(table, { kind: "name", name: name1.name }, "name", name1.sheet, nameOthers.map((n) => n.name));
      continue;
    }
    const [sheet1, ...sheetOthers] = byName(inputSheets, table);
    if (sheet1) choose(table, { kind: "sheet", sheet: sheet1.name }, "sheet", sheet1.name, sheetOthers.map((s) => s.name));
  }

  // Still missing: a sheet that no chosen table uses, whose first rows carry the required headers.
  const taken = () => new Set([...chosen.values()].map((c) => c.sheet).filter((s): s is string => s !== null).map((s) => s.toLowerCase()));
  let needsProbe = false;
  for (const table of TABLE_NAMES) {
    if (chosen.has(table)) continue;
    const used = taken();
    const free = inputSheets.filter((s) => !used.has(s.name.toLowerCase()));
    if (free.some((s) => s.probe === undefined)) needsProbe = true;
    const [hit, ...others] = free.filter((s) => s.probe !== undefined && probeMatches(table, s.probe));
    if (hit) choose(table, { kind: "sheet", sheet: hit.name }, "header", hit.name, others.map((s) => s.name));
  }

  for (const [table, gone] of savedMissing) {
    const instead = chosen.get(table);
    log.warning("savedSourceMissing", { table }, { table, saved: sourceName(gone), chosen: instead ? sourceName(instead.source) : "" });
  }
  const missing = REQUIRED_TABLES.filter((t) => !chosen.has(t));
  for (const table of missing) log.error("tableMissing", { table }, { table });
  return {
    located: TABLE_NAMES.filter((t) => chosen.has(t)).map((t) => chosen.get(t)!),
    missing,
    problems: log.items,
    needsProbe: needsProbe && TABLE_NAMES.some((t) => !chosen.has(t)),
  };
}

/** Rows a header may be in (the engine's header search looks at the table's first 20 rows). */
const HEADER_RENAME_ROWS = 20;

/**
 * The table with the user's own headers renamed to the contract's, as saved in the mapping (in the
 * table's first rows). The input's cells are never changed: a column with a renamed header is a
 * changed copy (`withCells`); other columns are shared.
 */
export function renameMappedHeaders(table: CellTable, columns: Record<string, string> | undefined): CellTable {
  if (!columns || table.rowCount === 0) return table;
  const byOwn = new Map(Object.entries(columns).map(([contract, own]) => [fold(own), contract]));
  const top = Math.min(HEADER_RENAME_ROWS, table.rowCount);
  let changed = false;
  const renamed = table.columns.map((column, c) => {
    const headers = new Map<number, CellValue>();
    for (let r = 0; r < top; r++) {
      const cell = cellAt(table, r, c);
      const contract = typeof cell === "string" ? byOwn.get(fold(cell)) : undefined;
      if (contract !== undefined && contract !== cell) headers.set(r, contract);
    }
    if (headers.size === 0) return column;
    changed = true;
    return withCells(column, headers);
  });
  return changed ? { rowCount: table.rowCount, columns: renamed } : table;
}

/** The saved state as the add-in stores it in the workbook's settings: the mapping, if any. */
export function mappingFromStoredState(value: unknown): WorkbookMapping {
  let state = value;
  // Office stores each setting as JSON; the add-in's own value is a JSON text, so it may be encoded twice.
  for (let i = 0; i < 2 && typeof state === "string"; i++) {
    try {
      state = JSON.parse(state);
    } catch {
      return {};
    }
  }
  const mapping = (state as { mapping?: unknown } | null)?.mapping;
  if (!mapping || typeof mapping !== "object") return {};
  const out: WorkbookMapping = {};
  for (const table of TABLE_NAMES) {
    const entry = (mapping as Record<string, unknown>)[table] as TableMapping | undefined;
    if (entry && typeof entry === "object" && isTableSource(entry.source)) out[table] = entry;
  }
  return out;
}

function isTableSource(s: unknown): s is TableSource {
  if (!s || typeof s !== "object") return false;
  const x = s as Record<string, unknown>;
  if (x.kind === "table" || x.kind === "name") return typeof x.name === "string";
  if (x.kind === "range") return typeof x.sheet === "string" && typeof x.address === "string";
  if (x.kind === "sheet") return typeof x.sheet === "string";
  return false;
}

/** The sheet a range reference points into ("=Ekonomi!$A$1:$F$20", "'Mitt blad'!A1:B2"); null without one. */
export function sheetOfReference(reference: string): string | null {
  const text = reference.replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang <= 0) return null;
  const sheet = text.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}
