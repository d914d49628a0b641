import { fold, isBlank, readInteger, readPeriod, readText } from "./cells";
import { parsePattern } from "./coding-patterns";
import { readArea } from "./catalogue";
import type {
  BenchmarkRow,
  CatalogueEntry,
  CellValue,
  ClientRows,
  CodingRule,
  KeyMethod,
  KeyShare,
  LedgerRow,
  PoolDef,
  PoolKind,
  PopulationRow,
  ReceiverSpec,
  Regi,
} from "./model";
import { fastMicro, fastOre } from "./fast-number";
import { MAX_ROW_AMOUNT_ORE } from "./money";
import { Dec } from "./decimal";
import { isPlausibleYear, readAmountOre, readCount, readDecimalValue, readShareNumber, readVolumeMicro } from "./parse-values";
import type { Place, ProblemLog } from "./problems";
import { isShareFigure } from "./key-figure-names";
import { parseAgeGroupLabel } from "./settings";
import { cellOf, dataRows, formatOf, isPercentFormat, placeOf, textOf, type DataRow, type LocatedTable } from "./table-reader";

/** Rows of other years are skipped quietly but counted, so a several-year workbook works. */
function rowYear(table: LocatedTable, cells: DataRow): number | null {
  if (!table.columns.has("År")) return null;
  const y = readInteger(cellOf(table, cells, "År"));
  return y.ok ? y.value : null;
}

function reportOtherYears(table: LocatedTable, count: number, year: number, log: ProblemLog): void {
  if (count > 0) log.warning("otherYearRows", { table: table.table, sheet: table.sheet, row: null, column: "År" }, { count, year });
}

export function parseLedger(table: LocatedTable, year: number, log: ProblemLog): LedgerRow[] {
  const out: LedgerRow[] = [];
  let otherYears = 0;
  // Column positions looked up once, not per cell (hundreds of thousands of rows).
  const [cAnsvar, cVerksamhet, cAktivitet, cKonto, cAmount, cText, cYear] = ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text", "År"].map((c) => table.columns.get(c));
  const required: [string, number | undefined][] = [
    ["Ansvar", cAnsvar],
    ["Verksamhet", cVerksamhet],
    ["Konto", cKonto],
  ];
  let cells: CellValue[] = [];
  const text = (index: number | undefined): string => readText(index === undefined ? null : cells[index]);
  for (let i = 0; i < table.sheetRows.length; i++) {
    cells = table.rowCells[i];
    const row = table.sheetRows[i];
    if (cYear !== undefined) {
      const y = readInteger(cells[cYear]);
      if (y.ok && y.value !== year) {
        otherYears++;
        continue;
      }
    }
    let usable = true;
    for (const [column, index] of required) {
      if (text(index) === "") {
        log.error("requiredEmpty", placeOf(table, row, column), { column });
        usable = false;
      }
    }
    const amountCell = cAmount === undefined ? null : cells[cAmount];
    const amountOre = fastOre(amountCell, MAX_ROW_AMOUNT_ORE) ?? readAmountOre(amountCell, placeOf(table, row, "Belopp"), log);
    if (amountOre === null || !usable) continue;
    out.push(ledgerRow(row, text(cAnsvar), text(cVerksamhet), text(cAktivitet), text(cKonto), amountOre, text(cText)));
  }
  reportOtherYears(table, otherYears, year, log);
  return out;
}

function ledgerRow(row: number, ansvar: string, verksamhet: string, aktivitet: string, konto: string, amountOre: number, text: string): LedgerRow {
  return { row, ansvar, verksamhet, aktivitet, konto, amountOre, text };
}
// Amounts of 21 million kr and more do not fit V8's small integers: the first such row would
// change how every row object stores amountOre, and each earlier row would then be converted on
// its first read (about 1 µs a row, a quarter of a second on a large ledger). Rows with a
// fractional amount, made when the module loads (a few calls, so that V8 keeps the shape for this
// object literal), give every row the general number layout from the start. Values are unchanged.
for (let i = 0; i < 20; i++) ledgerRow(0, "", "", "", "", 0.5, "");

export function parseRules(table: LocatedTable, log: ProblemLog): CodingRule[] {
  const out: CodingRule[] = [];
  for (const row of dataRows(table)) {
    const target = textOf(table, row, "Till");
    if (target === "") {
      log.error("requiredEmpty", placeOf(table, row, "Till"), { column: "Till" });
      continue;
    }
    const patterns = ["Ansvar", "Verksamhet", "Aktivitet", "Konto"].map((column) => {
      const text = textOf(table, row, column);
      const pattern = parsePattern(text);
      if (!pattern) log.error("badPattern", placeOf(table, row, column), { value: text });
      return pattern;
    });
    if (patterns.some((p) => p === null)) continue;
    const isExclusion = fold(target) === "exkl";
    const reason = textOf(table, row, "Orsak");
    if (isExclusion && reason === "") log.warning("exclusionWithoutReason", placeOf(table, row, "Orsak"));
    out.push({
      row: row.row,
      order: out.length,
      ansvar: patterns[0]!,
      verksamhet: patterns[1]!,
      aktivitet: patterns[2]!,
      konto: patterns[3]!,
      target: isExclusion ? "EXKL" : target,
      reason: isExclusion ? reason || "Ingen orsak angiven" : reason,
    });
  }
  return out;
}

function readRegi(text: string): Regi | null {
  const f = fold(text);
  if (f.startsWith("egen") || f === "in-house" || f === "inhouse" || f === "own") return "egen";
  if (f.startsWith("annan") || f.startsWith("extern") || f.startsWith("privat") || f === "external" || f === "other" || f.startsWith("kop")) return "annan";
  return null;
}

function readPoolKind(text: string): PoolKind | null {
  const f = fold(text);
  if (f === "insats" || f === "intervention" || f === "produktion" || f === "service") return "insats";
  if (f === "stod" || f === "stodpool" || f === "support" || f === "overhead" || f === "oh" || f === "gemensam") return "stöd";
  return null;
}

function readKeyMethod(text: string): KeyMethod | null {
  const f = fold(text);
  if (f.startsWith("kostnad") || f === "cost" || f === "direct cost") return "kostnad";
  if (f.startsWith("volym") || f === "volume") return "volym";
  if (f.startsWith("andel") || f === "share" || f === "shares" || f === "nycklar" || f === "keys") return "andel";
  return null;
}

export function parseReceivers(text: string): ReceiverSpec[] {
  const specs: ReceiverSpec[] = [];
  for (const part of text.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const qualified = /^(insats|intervention|område|omrade|area)\s*:\s*(.+)$/i.exec(part);
    if (part === "*" || fold(part) === "alla" || fold(part) === "all") specs.push({ kind: "all" });
    else if (qualified && /^(insats|intervention)$/i.test(qualified[1])) specs.push({ kind: "insats", insats: qualified[2].trim() });
    else if (qualified) specs.push({ kind: "area", area: qualified[2].trim() });
    else {
      const last = specs[specs.length - 1];
      if (last && last.kind === "pools") last.ids.push(part);
      else specs.push({ kind: "pools", ids: [part] });
    }
  }
  return specs;
}

export function parsePools(table: LocatedTable, log: ProblemLog): PoolDef[] {
  const out: PoolDef[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows(table)) {
    const id = textOf(table, row, "Pool");
    if (id === "") {
      log.error("requiredEmpty", placeOf(table, row, "Pool"), { column: "Pool" });
      continue;
    }
    if (seen.has(id)) {
      log.error("duplicatePool", placeOf(table, row, "Pool"), { pool: id, first: seen.get(id)! });
      continue;
    }
    seen.set(id, row.row);
    const regiText = textOf(table, row, "Regi");
    const regi = readRegi(regiText);
    if (!regi) log.error("badRegi", placeOf(table, row, "Regi"), { value: regiText });
    const kindText = textOf(table, row, "Typ");
    const kind = readPoolKind(kindText);
    if (!kind) log.error("badPoolType", placeOf(table, row, "Typ"), { value: kindText });
    const keyText = textOf(table, row, "Fördelning");
    let keyMethod: KeyMethod | null = null;
    if (kind === "stöd") {
      keyMethod = readKeyMethod(keyText);
      if (keyText === "") log.error("supportWithoutKey", placeOf(table, row, "Fördelning"), { pool: id });
      else if (!keyMethod) log.error("badKeyMethod", placeOf(table, row, "Fördelning"), { value: keyText });
    }
    const placesCell = cellOf(table, row, "Platser");
    const places = isBlank(placesCell) ? null : readCount(placesCell, placeOf(table, row, "Platser"), log);
    if (!regi || !kind) continue;
    out.push({
      row: row.row,
      order: out.length,
      id,
      insats: textOf(table, row, "Insats"),
      enhet: textOf(table, row, "Enhet"),
      regi,
      kind,
      keyMethod,
      receivers: kind === "stöd" ? parseReceivers(textOf(table, row, "Mottagare") || "*") : [],
      places,
    });
  }
  return out;
}

/**
 * Nycklar: whether a support pool's shares are fractions (0,25) or percent (25) is decided per
 * support pool, never per cell, so that 1 and 99 are 1 % and 99 %. A share written "25 %" or in a
 * percent-formatted cell says so itself; a header with % or "Procent" makes the whole column
 * percent; otherwise the sum decides (≈ 1: fractions, ≈ 100: percent). When only reading each cell
 * alone (over 1 = percent) makes 1, that is used with a warning; else a value over 1 means percent
 * and the sum check reports the pool.
 */
export function parseKeys(table: LocatedTable, log: ProblemLog): KeyShare[] {
  const header = table.headers?.get("Andel") ?? "";
  const percentColumn = /%/.test(header) || /^(procent|percent)/.test(fold(header));
  const read: { row: number; from: string; to: string; value: Dec; fraction: boolean }[] = [];
  for (const row of dataRows(table)) {
    const from = textOf(table, row, "Från");
    const to = textOf(table, row, "Till");
    if (!from || !to) {
      const column = !from ? "Från" : "Till";
      log.error("requiredEmpty", placeOf(table, row, column), { column });
      continue;
    }
    const cell = cellOf(table, row, "Andel");
    const share = readShareNumber(cell, placeOf(table, row, "Andel"), log);
    if (share === null) continue;
    const percentText = typeof cell === "string" && cell.includes("%");
    const percentCell = typeof cell === "number" && isPercentFormat(formatOf(table, row, "Andel"));
    if (percentText) read.push({ row: row.row, from, to, value: share.div(100), fraction: true });
    else read.push({ row: row.row, from, to, value: share, fraction: percentCell });
  }
  const percentPools = new Set<string>();
  const perCellPools = new Set<string>();
  if (!percentColumn) {
    const byPool = new Map<string, typeof read>();
    for (const r of read) (byPool.get(r.from) ?? byPool.set(r.from, []).get(r.from)!).push(r);
    for (const [from, rows] of byPool) {
      const marked = rows.filter((r) => r.fraction).reduce((a, r) => a.plus(r.value), new Dec(0));
      const plain = rows.filter((r) => !r.fraction).reduce((a, r) => a.plus(r.value), new Dec(0));
      const near = (v: Dec) => v.minus(1).abs().lessThanOrEqualTo(SHARE_TOLERANCE);
      if (near(marked.plus(plain))) continue;
      if (near(marked.plus(plain.div(100)))) {
        percentPools.add(from);
        continue;
      }
      // Only cell by cell (60 beside 0,4) do the shares make 1: used, and the mixed writing warned.
      const perCell = rows.reduce((a, r) => a.plus(!r.fraction && r.value.greaterThan(1) ? r.value.div(100) : r.value), new Dec(0));
      if (near(perCell)) {
        perCellPools.add(from);
        log.warning("keySharesMixed", { table: table.table, sheet: table.sheet, row: rows[0].row, column: "Andel" }, { pool: from });
      } else if (rows.some((r) => !r.fraction && r.value.greaterThan(1))) percentPools.add(from);
    }
  }
  const asPercent = (r: (typeof read)[number]) =>
    !r.fraction && (percentColumn || percentPools.has(r.from) || (perCellPools.has(r.from) && r.value.greaterThan(1)));
  return read.map((r) => ({ row: r.row, from: r.from, to: r.to, share: (asPercent(r) ? r.value.div(100) : r.value).toFixed() }));
}

/** Shares of a support pool must sum to 1 within this (the allocation checks the same). */
const SHARE_TOLERANCE = "0.0001";

export function parseCatalogue(table: LocatedTable, log: ProblemLog): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const row of dataRows(table)) {
    const insats = textOf(table, row, "Insats");
    const areaText = textOf(table, row, "Område");
    const area = readArea(areaText);
    if (!insats) {
      log.error("requiredEmpty", placeOf(table, row, "Insats"), { column: "Insats" });
      continue;
    }
    if (!area) {
      log.error("unknownArea", placeOf(table, row, "Område"), { value: areaText });
      continue;
    }
    out.push({ insats, area, volumeUnit: textOf(table, row, "Volymenhet"), keyFigure: textOf(table, row, "Nyckeltal") });
  }
  return out;
}

export function parseClientRows(table: LocatedTable, year: number, log: ProblemLog): ClientRows {
  const out = emptyClientRows(table.sheetRows.length);
  const hasBirthYear = table.columns.has("Födelseår");
  const hasAge = table.columns.has("Ålder");
  if (!hasBirthYear && !hasAge) {
    log.error("columnMissing", placeOf(table, table.headerRow, "Födelseår"), {
      table: "Brukare",
      column: "Födelseår (eller Ålder)",
      row: table.headerRow,
    });
    return trimClientRows(out, 0);
  }
  let otherYears = 0;
  let n = 0;
  // A million rows: the column positions and the year prefix are looked up once, not per cell.
  const yearPrefix = `${year}-`;
  const [cClient, cPool, cPeriod, cVolume, cSex, cHousing, cYear] = ["BrukarID", "Pool", "Period", "Volym", "Kön", "Boendeform", "År"].map((c) => table.columns.get(c));
  const birthColumns = { birth: table.columns.get("Födelseår"), age: table.columns.get("Ålder") };
  let cells: CellValue[] = [];
  const at = (index: number | undefined): CellValue => (index === undefined ? null : cells[index]);
  for (let i = 0; i < table.sheetRows.length; i++) {
    cells = table.rowCells[i];
    const row = table.sheetRows[i];
    let y: number | null = null;
    if (cYear !== undefined) {
      const read = readInteger(cells[cYear]);
      if (read.ok) y = read.value;
    }
    if (y !== null && y !== year) {
      otherYears++;
      continue;
    }
    const clientId = readText(at(cClient));
    const pool = readText(at(cPool));
    if (!clientId || !pool) {
      const column = !clientId ? "BrukarID" : "Pool";
      log.error("requiredEmpty", placeOf(table, row, column), { column });
      continue;
    }
    let period: string | null = null;
    const periodCell = at(cPeriod);
    if (!isBlank(periodCell)) {
      const p = readPeriod(periodCell);
      if (!p.ok) {
        log.error("notANumber", placeOf(table, row, "Period"), { expected: p.reason, value: readText(periodCell) });
        continue;
      }
      if (!p.value.startsWith(yearPrefix)) {
        if (y === null && Number(p.value.slice(0, 4)) !== year) {
          log.warning("periodOutsideYear", placeOf(table, row, "Period"), { period: p.value, year });
        }
        continue;
      }
      period = p.value;
    }
    const birthYear = readBirthYear(table, cells, row, birthColumns, year, log);
    if (birthYear === undefined) continue;
    const volumeCell = at(cVolume);
    const volumeMicro = fastMicro(volumeCell) ?? readVolumeMicro(volumeCell, placeOf(table, row, "Volym"), log);
    if (volumeMicro === null) continue;
    out.row[n] = row;
    out.clientId[n] = clientId;
    out.birthYear[n] = birthYear;
    out.sex[n] = readText(at(cSex));
    out.pool[n] = pool;
    out.volumeMicro[n] = volumeMicro;
    out.period[n] = period;
    out.housing[n] = readText(at(cHousing));
    n++;
  }
  reportOtherYears(table, otherYears, year, log);
  return trimClientRows(out, n);
}

/** Columns for up to `capacity` rows, allocated once. */
function emptyClientRows(capacity: number): ClientRows {
  return {
    length: 0,
    row: new Int32Array(capacity),
    clientId: new Array(capacity),
    birthYear: new Array(capacity),
    sex: new Array(capacity),
    pool: new Array(capacity),
    volumeMicro: new Float64Array(capacity),
    period: new Array(capacity),
    housing: new Array(capacity),
  };
}

/** The first `length` rows: the lists were sized for every row of the table. */
function trimClientRows(rows: ClientRows, length: number): ClientRows {
  for (const list of [rows.clientId, rows.birthYear, rows.sex, rows.pool, rows.period, rows.housing]) list.length = length;
  return { ...rows, length, row: rows.row.subarray(0, length), volumeMicro: rows.volumeMicro.subarray(0, length) };
}

/** Birth year from Födelseår, or from Ålder (age at the end of the year). undefined = bad row. */
function readBirthYear(
  table: LocatedTable,
  cells: CellValue[],
  row: number,
  columns: { birth: number | undefined; age: number | undefined },
  year: number,
  log: ProblemLog,
): number | null | undefined {
  const birthCell = columns.birth === undefined ? null : cells[columns.birth];
  if (!isBlank(birthCell)) {
    const b = readInteger(birthCell);
    if (!b.ok || !isPlausibleYear(b.value) || b.value > year) {
      log.error("badBirthYear", placeOf(table, row, "Födelseår"), { value: readText(birthCell) });
      return undefined;
    }
    return b.value;
  }
  const ageCell = columns.age === undefined ? null : cells[columns.age];
  if (!isBlank(ageCell)) {
    const a = readInteger(ageCell);
    if (!a.ok || a.value < 0 || a.value > 130) {
      log.error("notANumber", placeOf(table, row, "Ålder"), { expected: "en ålder i hela år", value: readText(ageCell) });
      return undefined;
    }
    return year - a.value;
  }
  return null;
}

export function parsePopulation(table: LocatedTable, log: ProblemLog, year?: number): PopulationRow[] {
  const out: PopulationRow[] = [];
  let otherYears = 0;
  for (const row of dataRows(table)) {
    // Several years' population in one table: only the run's year counts (as in Ekonomi and Brukare).
    const y = year === undefined ? null : rowYear(table, row);
    if (y !== null && y !== year) {
      otherYears++;
      continue;
    }
    const groupText = textOf(table, row, "Åldersgrupp") || textOf(table, row, "Ålder");
    const column = table.columns.has("Åldersgrupp") ? "Åldersgrupp" : "Ålder";
    const group = parseAgeGroupLabel(groupText);
    if (!group) {
      log.error("unknownAgeGroup", placeOf(table, row, column), { value: groupText });
      continue;
    }
    const count = readCount(cellOf(table, row, "Antal"), placeOf(table, row, "Antal"), log);
    if (count === null) continue;
    out.push({ row: row.row, group: group.label, count });
  }
  if (year !== undefined) reportOtherYears(table, otherYears, year, log);
  return out;
}

/**
 * No key figure is anywhere near 1 000 billion, nor a billionth: such a benchmark is a mistake (and
 * would overflow the potential, or make an index of 10^300).
 */
const MAX_BENCHMARK_VALUE = 1e12;
const MIN_BENCHMARK_VALUE = 1e-9;

/**
 * Shares in `Jämförelse` are percent (49,8 for 49,8 %, as Kolada publishes them). A cell formatted
 * as percent holds the fraction (0,498 shown as 49,8 %): it is read as 49,8 whatever the figure.
 * A plain number under 1 for a share could be either, so it is read as percent and warned about.
 */
function benchmarkInPercent(value: Dec, cell: CellValue, format: string | undefined, keyFigure: string, place: Place, log: ProblemLog): Dec {
  if (typeof cell === "number" && isPercentFormat(format)) return value.times(100);
  const plain = !(typeof cell === "string" && cell.includes("%"));
  if (plain && isShareFigure(keyFigure) && value.greaterThan(0) && value.lessThan(1)) {
    const swedish = (v: Dec) => v.toFixed().replace(".", ",");
    log.warning("benchmarkShareAmbiguous", place, { keyFigure, value: swedish(value), percent: swedish(value.times(100)) });
  }
  return value;
}

export function parseBenchmark(table: LocatedTable, log: ProblemLog): BenchmarkRow[] {
  const out: BenchmarkRow[] = [];
  for (const row of dataRows(table)) {
    const keyFigure = textOf(table, row, "Nyckeltal");
    if (!keyFigure) {
      log.error("requiredEmpty", placeOf(table, row, "Nyckeltal"), { column: "Nyckeltal" });
      continue;
    }
    const valueCell = cellOf(table, row, "Värde");
    if (isBlank(valueCell)) continue; // Kolada leaves suppressed values empty: no benchmark, no error
    const read = readDecimalValue(
      typeof valueCell === "string" ? valueCell.replace("%", "") : valueCell,
      "ett tal",
      placeOf(table, row, "Värde"),
      log,
    );
    if (read === null) continue;
    const value = benchmarkInPercent(read, valueCell, formatOf(table, row, "Värde"), keyFigure, placeOf(table, row, "Värde"), log);
    if (value.abs().greaterThan(MAX_BENCHMARK_VALUE) || (!value.isZero() && value.abs().lessThan(MIN_BENCHMARK_VALUE))) {
      log.warning("benchmarkImplausible", placeOf(table, row, "Värde"), { value: readText(valueCell), keyFigure });
      continue;
    }
    const y = readInteger(cellOf(table, row, "År"));
    out.push({
      row: row.row,
      keyFigure,
      value: value.toFixed(),
      source: textOf(table, row, "Källa"),
      year: y.ok ? y.value : null,
      municipality: textOf(table, row, "Kommun"),
    });
  }
  return out;
}
