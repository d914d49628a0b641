import { readInteger, readPeriod } from "./cells";
import { TABLE_NAMES, type ParsedInput, type TableName, type WorkbookInput } from "./model";
import { redactPersonalData } from "./personal-data";
import { randomSecret } from "./privacy";
import {
  parseBenchmark,
  parseCatalogue,
  parseClientRows,
  parseKeys,
  parseLedger,
  parsePools,
  parsePopulation,
  parseRules,
} from "./parse-tables";
import type { ProblemLog } from "./problems";
import { isCalendarYear, parseMonth, windowLabel, windowOf, type PeriodWindow } from "./period-window";
import { RowAccount } from "./set-aside";
import { applyOverrides, defaultSettings, readSettingsTable, type SettingsOverrides } from "./settings";
import { REQUIRED_TABLES } from "./table-schema";
import { readByValue } from "./column-readers";
import { locateTable, type LocatedTable } from "./table-reader";

/**
 * Locates and parses every contract table. Returns null when a required table is missing or
 * unreadable (the problems say which); otherwise the typed input, with row problems logged.
 */
export function readInput(input: WorkbookInput, log: ProblemLog, overrides: SettingsOverrides, secret: string = randomSecret()): ParsedInput | null {
  const located = new Map<TableName, LocatedTable | null>();
  for (const [name, table] of Object.entries(input) as [TableName, WorkbookInput[TableName]][]) {
    if (table && TABLE_NAMES.includes(name)) located.set(name, locateTable(name, table, log));
  }
  redactPersonalData([...located.values()].filter((t): t is LocatedTable => t !== null), secret, log);
  for (const name of REQUIRED_TABLES) {
    if (!input[name]) log.error("tableMissing", { table: name }, { table: name });
  }
  if (REQUIRED_TABLES.some((name) => !located.get(name))) return null;
  for (const name of REQUIRED_TABLES) {
    const t = located.get(name)!;
    if (t.sheetRows.length === 0) log.error("tableEmpty", { table: name, sheet: t.sheet, row: t.headerRow }, { table: name });
  }
  const own = readSettingsTable(located.get("Inställningar") ?? null, log);
  // A year given to the run without a month asks for the annual run, whatever Uppföljning till says.
  const followUpTo = overrides.followUpTo ?? (overrides.year !== undefined ? undefined : own.followUpTo);
  const toMonth = followUpTo === undefined ? null : parseMonth(followUpTo);
  // The follow-up's population, ages and benchmarks are those of P's year.
  const year = toMonth?.year ?? overrides.year ?? own.year ?? inferYear(located);
  const window = windowOf(toMonth ? (overrides.followUpKind ?? own.followUpKind ?? "rolling") : "year", year, followUpTo);
  const annual = isCalendarYear(window);
  const settings = { ...applyOverrides(defaultSettings(year), own, overrides, { year }), ...(annual ? {} : { period: window }) };
  if (!annual) requirePeriodColumns(located, window, log);
  // Bands given to the run (task pane, command line) get the band from 0 the same way, and say so.
  if (overrides.hourBands && overrides.hourBands.length > 0 && overrides.hourBands[0] !== 0) {
    log.warning("hourBandFromZero", { table: "Körning" }, { first: String(overrides.hourBands[0]).replace(".", ",") });
  }
  // Performed hours set from the task pane or command line: the same warning as from Inställningar.
  if (overrides.homeCareHours === "utförd" && own.homeCareHours !== "utförd") log.warning("homeCareHoursPerformed", { table: "Körning" });
  const optional = <T>(name: TableName, parse: (t: LocatedTable) => T[]): T[] => {
    const t = located.get(name);
    return t ? parse(t) : [];
  };
  const account = new RowAccount();
  const parsed: ParsedInput = {
    settings,
    ledger: parseLedger(located.get("Ekonomi")!, window, log, account),
    rules: parseRules(located.get("Kodning")!, log),
    pools: parsePools(located.get("Pooler")!, log),
    keys: optional("Nycklar", (t) => parseKeys(t, log)),
    catalogue: optional("Insatskatalog", (t) => parseCatalogue(t, log)),
    clientRows: parseClientRows(located.get("Brukare")!, window, log, account),
    population: optional("Befolkning", (t) => parsePopulation(t, log, year)),
    benchmark: optional("Jämförelse", (t) => parseBenchmark(t, log)),
    setAside: account.groups,
    rowCounts: account.counts,
  };
  reportYearNotInData(account, year, settings.period ?? null, located, log);
  return parsed;
}

/** A window other than a calendar year places every row by its month: both tables need Period. */
function requirePeriodColumns(located: Map<TableName, LocatedTable | null>, window: PeriodWindow, log: ProblemLog): void {
  for (const table of ["Ekonomi", "Brukare"] as const) {
    const t = located.get(table)!;
    if (t.columns.has("Period")) continue;
    log.error("periodColumnMissing", { table, sheet: t.sheet, row: t.headerRow, column: "Period" }, { table, window: windowLabel(window) });
  }
}

/**
 * A year that no row of Ekonomi or Brukare has (År 2024 on data of 2025) would give a run with
 * nothing in it, replacing good results: it stops the run, naming the years the rows do have.
 */
function reportYearNotInData(account: RowAccount, year: number, window: PeriodWindow | null, located: Map<TableName, LocatedTable | null>, log: ProblemLog): void {
  for (const table of ["Ekonomi", "Brukare"] as const) {
    if (account.counts[table].counted > 0) continue;
    const years = [...new Set(account.groups.filter((g) => g.table === table && g.year !== null).map((g) => g.year!))].sort((a, b) => a - b);
    if (years.length === 0) continue;
    const t = located.get(table)!;
    log.error("yearNotInData", { table, sheet: t.sheet, row: null, column: t.columns.has("År") ? "År" : "Period" }, { table, year, years: years.join(", "), ...(window ? { window: windowLabel(window) } : {}) });
  }
}

/** Without a year in the settings: the most common year of the client periods or the ledger's År. */
function inferYear(located: Map<TableName, LocatedTable | null>): number {
  const counts = new Map<number, number>();
  const count = (y: number) => counts.set(y, (counts.get(y) ?? 0) + 1);
  // By column: each distinct period and year is read once.
  for (const name of ["Brukare", "Ekonomi"] as TableName[]) {
    const t = located.get(name);
    if (!t?.columns.has("Period")) continue;
    const periodOf = readByValue(t, "Period", readPeriod);
    for (let i = 0; i < t.sheetRows.length; i++) {
      const p = periodOf(i);
      if (p.ok) count(Number(p.value.slice(0, 4)));
    }
  }
  for (const name of ["Brukare", "Ekonomi"] as TableName[]) {
    const t = located.get(name);
    if (!t?.columns.has("År")) continue;
    const yearOf = readByValue(t, "År", readInteger);
    for (let i = 0; i < t.sheetRows.length; i++) {
      const y = yearOf(i);
      if (y.ok) count(y.value);
    }
  }
  let best = new Date().getFullYear() - 1;
  let bestCount = 0;
  for (const [y, n] of counts) if (n > bestCount || (n === bestCount && y > best)) [best, bestCount] = [y, n];
  return best;
}
