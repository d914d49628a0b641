import { fold, isBlank, readDecimal, readInteger, readPeriod, readText, type Read } from "./cells";
import { Dec } from "./decimal";
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
  SetAsideReason,
} from "./model";
import { fastMicro, fastOre } from "./fast-number";
import { MAX_ROW_AMOUNT_ORE, MICRO, microToDec, oreToSwedish } from "./money";
import { display, isPlausibleYear, MAX_ROW_VOLUME_MICRO, readAmountOre, readCount, readDecimalValue, readShareNumber, readVolumeMicro } from "./parse-values";
import type { Place, ProblemLog } from "./problems";
import { isShareFigure } from "./key-figure-names";
import { isCalendarYear, periodInWindow, windowLabel, yearInWindow, type PeriodWindow } from "./period-window";
import { RowAccount } from "./set-aside";
import { parseAgeGroupLabel } from "./settings";
import { cellOf, dataRows, formatOf, isPercentFormat, isTotalsWord, placeOf, rowCellsOf, textOf, type DataRow, type LocatedTable } from "./table-reader";
import { EMPTY, NUMBER } from "./cell-table";
import { readByValue, readCell, TextCodes } from "./column-readers";

/**
 * The year of a row with an År column: a whole year, or null with an error (blank, "2024/25", a
 * date cell): such a row is not counted, and not taken for the run's year either.
 */
function readRowYear(cell: CellValue, table: LocatedTable, row: number, year: number, log: ProblemLog): number | null {
  const y = readRowYearValue(cell);
  if (y === null) reportBadYear(cell, table, row, year, log);
  return y;
}

/** The year an År cell holds, or null when it holds none (blank, "2024/25", a date cell). */
function readRowYearValue(cell: CellValue): number | null {
  const y = typeof cell === "number" || typeof cell === "string" ? readInteger(cell) : null;
  return y?.ok && isPlausibleYear(y.value) ? y.value : null;
}

function reportBadYear(cell: CellValue, table: LocatedTable, row: number, year: number, log: ProblemLog): void {
  log.error("badYear", placeOf(table, row, "År"), { value: isBlank(cell) ? "" : display(cell), year });
}

/**
 * Rows of other years, and rows whose Period is outside the run's months: one warning per table,
 * reason and year, naming the first row, the count and the sum (never one per row: a ledger of
 * 24 months sets half its rows aside). `grouped` says which reasons this table reports so.
 */
function reportSetAside(table: LocatedTable, account: RowAccount, window: PeriodWindow, log: ProblemLog, grouped: SetAsideReason[]): void {
  const year = yearOf(window);
  for (const g of account.groups) {
    if (g.table !== table.table || !grouped.includes(g.reason)) continue;
    const quantity = quantityText(g.table, g.table === "Ekonomi" ? g.amountOre : g.volumeMicro);
    if (g.reason === "otherYear") {
      log.warning("otherYearRows", placeOf(table, g.rows[0], "År"), { count: g.rows.length, year, otherYear: g.year ?? "", row: g.rows[0], quantity });
    } else {
      log.warning("periodOutsideWindowRows", placeOf(table, g.rows[0], "Period"), {
        count: g.rows.length,
        year,
        window: windowLabel(window),
        calendar: isCalendarYear(window) ? 1 : 0,
        otherYear: g.year ?? "",
        row: g.rows[0],
        quantity,
      });
    }
  }
}

/** The run's year: that of the window's last month. */
function yearOf(window: PeriodWindow): number {
  return Number(window.to.slice(0, 4));
}

/** Why a row with a Period outside the window is set aside: outside the year, or outside the follow-up's months. */
function outsideReason(window: PeriodWindow): SetAsideReason {
  return isCalendarYear(window) ? "periodOutsideYear" : "periodOutsideWindow";
}

/** "1 234,50 kr" for an amount, "volym 12,5" for a volume: what a set-aside row held. */
function quantityText(table: "Ekonomi" | "Brukare", value: number): string {
  return table === "Ekonomi" ? `${oreToSwedish(value)}\u00a0kr` : `volym ${microToDec(value).toFixed().replace(".", ",")}`;
}

/**
 * Why a row is a totals row, or null for a data row: "noCodes" when none of its code columns holds
 * a code, "labelInCode" when one of them holds "Summa", "Totalt:" … (an extract's subtotal).
 */
export function totalsRowReason(cells: CellValue[], codeColumns: number[]): "noCodes" | "labelInCode" | null {
  let any = false;
  for (const c of codeColumns) {
    const kind = codeCellKind(cells[c]);
    if (kind === LABEL) return "labelInCode";
    if (kind === CODE) any = true;
  }
  return any ? null : "noCodes";
}

const BLANK = 0;
const LABEL = 1;
const CODE = 2;

/** What a code cell says about its row: nothing (blank), "this is a totals row" (Summa …), or a code. */
function codeCellKind(cell: CellValue): typeof BLANK | typeof LABEL | typeof CODE {
  if (isBlank(cell)) return BLANK;
  return typeof cell === "string" && isTotalsWord(cell) ? LABEL : CODE;
}

/**
 * totalsRowReason for every data row of Ekonomi or Brukare, by column: each distinct code is
 * classified once (blank, a "Summa"-like word, a code), the rows only look up their class.
 */
export function totalsRowsOf(table: LocatedTable): (i: number) => "noCodes" | "labelInCode" | null {
  const columns = codeColumnsOf(table).map((c) => {
    const column = table.cells.columns[c];
    const kind = Uint8Array.from(column.values, (v, code) => (code === EMPTY ? BLANK : code === NUMBER ? CODE : codeCellKind(v)));
    return { codes: column.codes, kind };
  });
  const rowIndex = table.rowIndex;
  return (i) => {
    const r = rowIndex[i];
    let any = false;
    for (const { codes, kind } of columns) {
      const k = kind[codes[r]];
      if (k === LABEL) return "labelInCode";
      if (k === CODE) any = true;
    }
    return any ? null : "noCodes";
  };
}

/** The columns whose codes make a row data rather than a totals row (Ekonomi and Brukare). */
export function codeColumnsOf(table: LocatedTable): number[] {
  const names = table.table === "Brukare" ? ["BrukarID", "Pool"] : ["Ansvar", "Verksamhet", "Aktivitet", "Konto"];
  return names.map((n) => table.columns.get(n)).filter((c): c is number => c !== undefined);
}

/** The label of a totals row for its message: its "Summa"-like cell, else its first text. */
function totalsRowLabel(cells: CellValue[]): string {
  let first = "";
  for (const c of cells) {
    if (typeof c !== "string" || c.trim() === "") continue;
    if (isTotalsWord(c)) return c.trim();
    first ||= c.trim();
  }
  return first;
}

/**
 * The amount of a totals row, read leniently: a totals row may carry no amount, or a label where
 * the amount would be (0 then). A number is read as for any row (too large is an error).
 */
function totalsRowAmount(cell: CellValue, place: Place, log: ProblemLog): number {
  const fast = fastOre(cell, MAX_ROW_AMOUNT_ORE);
  if (fast !== null) return fast;
  if (isBlank(cell) || !readDecimal(cell).ok) return 0;
  return readAmountOre(cell, place, log) ?? 0;
}

/** The volume of a set-aside Brukare row: blank is 0; a totals row is read leniently, others strictly. */
function setAsideVolume(cell: CellValue, place: Place, log: ProblemLog, strict: boolean): number {
  if (isBlank(cell)) return 0;
  const fast = fastMicro(cell);
  if (fast !== null && fast <= MAX_ROW_VOLUME_MICRO) return fast;
  const read = readDecimal(cell);
  if (!read.ok) {
    if (strict) log.error("notANumber", place, { expected: "en volym (timmar, dygn …)", value: display(cell) });
    return 0;
  }
  const micro = read.value.times(MICRO).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  if (micro.abs().greaterThan(MAX_ROW_VOLUME_MICRO)) {
    log.error("volumeTooLarge", place, { value: display(cell) });
    return 0;
  }
  return micro.toNumber();
}

const LEDGER_CODES = ["Ansvar", "Verksamhet", "Aktivitet", "Konto"];

export function parseLedger(table: LocatedTable, window: PeriodWindow, log: ProblemLog, account: RowAccount = new RowAccount()): LedgerRow[] {
  const out: LedgerRow[] = [];
  const year = yearOf(window);
  // Column positions looked up once, not per cell (hundreds of thousands of rows).
  const [cYear, cPeriod] = ["År", "Period"].map((c) => table.columns.get(c));
  // By column: each distinct code, period and year is read once; the rows share the result.
  const totalsRow = totalsRowsOf(table);
  const [ansvar, verksamhet, aktivitet, konto, text] = ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Text"].map((c) => readByValue(table, c, readText));
  const amountOf = readCell(table, "Belopp");
  const yearCell = readCell(table, "År");
  const yearOfRow = readByValue(table, "År", readRowYearValue);
  const periodCell = readCell(table, "Period");
  const periodOfRow = readByValue(table, "Period", readPeriod);
  const required: [string, (i: number) => string][] = [
    ["Ansvar", ansvar],
    ["Verksamhet", verksamhet],
    ["Konto", konto],
  ];
  for (let i = 0; i < table.sheetRows.length; i++) {
    const row = table.sheetRows[i];
    const amountCell = amountOf(i);
    // A totals row has no codes, or a "Summa" where a code belongs; a row with codes is ledger,
    // whatever its Text says.
    const why = totalsRow(i);
    if (why !== null) {
      const amountOre = totalsRowAmount(amountCell, placeOf(table, row, "Belopp"), log);
      account.setAside("Ekonomi", "totalsRow", null, row, amountOre);
      log.warning("totalsRowSkipped", placeOf(table, row), { value: totalsRowLabel(rowCellsOf(table, i)), why, columns: LEDGER_CODES.join(", "), quantity: quantityText("Ekonomi", amountOre) });
      continue;
    }
    if (cYear !== undefined) {
      const y = yearOfRow(i);
      if (y === null) {
        reportBadYear(yearCell(i), table, row, year, log);
        continue;
      }
      if (!yearInWindow(y, window)) {
        const amountOre = isBlank(amountCell) ? 0 : (readAmountOre(amountCell, placeOf(table, row, "Belopp"), log) ?? 0);
        account.setAside("Ekonomi", "otherYear", y, row, amountOre);
        continue;
      }
    }
    if (cPeriod !== undefined) {
      const period = ledgerPeriod(periodOfRow(i), periodCell(i), amountCell, table, row, log);
      if (period === null) continue;
      if (!periodInWindow(period, window)) {
        const amountOre = isBlank(amountCell) ? 0 : (readAmountOre(amountCell, placeOf(table, row, "Belopp"), log) ?? 0);
        account.setAside("Ekonomi", outsideReason(window), Number(period.slice(0, 4)), row, amountOre);
        continue;
      }
    }
    let usable = true;
    for (let k = 0; k < required.length; k++) {
      if (required[k][1](i) === "") {
        log.error("requiredEmpty", placeOf(table, row, required[k][0]), { column: required[k][0] });
        usable = false;
      }
    }
    const amountOre = fastOre(amountCell, MAX_ROW_AMOUNT_ORE) ?? readAmountOre(amountCell, placeOf(table, row, "Belopp"), log);
    if (amountOre === null || !usable) continue;
    account.counted("Ekonomi", amountOre);
    out.push(ledgerRow(row, ansvar(i), verksamhet(i), aktivitet(i), konto(i), amountOre, text(i)));
  }
  reportSetAside(table, account, window, log, ["otherYear", "periodOutsideYear", "periodOutsideWindow"]);
  return out;
}

/**
 * A ledger row's month, or null with an error: in a table with a Period column a row without a
 * month (or with no month in it) cannot be placed in a year or a window, so it is not counted and
 * the error names its amount.
 */
function ledgerPeriod(p: Read<string>, cell: CellValue, amountCell: CellValue, table: LocatedTable, row: number, log: ProblemLog): string | null {
  if (p.ok) return p.value;
  const place = placeOf(table, row, "Period");
  const ore = isBlank(amountCell) ? 0 : fastOre(amountCell, MAX_ROW_AMOUNT_ORE);
  const amount = ore === null ? `Belopp ${display(amountCell)}` : quantityText("Ekonomi", ore);
  if (isBlank(cell)) {
    log.error("periodEmpty", place, { quantity: amount });
    return null;
  }
  log.error("periodNotAMonth", place, { value: readText(cell), expected: p.reason, quantity: amount });
  return null;
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
  // One intervention, one spelling: "hemtjänst" on a later row is read as the first row's "Hemtjänst",
  // so every sheet groups the pools alike.
  const spelling = new Map<string, { insats: string; row: number }>();
  const warnedSpelling = new Set<string>();
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
    const written = textOf(table, row, "Insats");
    const first = spelling.get(fold(written));
    if (!first) spelling.set(fold(written), { insats: written, row: row.row });
    else if (first.insats !== written && !warnedSpelling.has(written)) {
      warnedSpelling.add(written);
      log.warning("insatsSpelling", placeOf(table, row, "Insats"), { insats: written, first: first.insats, row: first.row });
    }
    out.push({
      row: row.row,
      order: out.length,
      id,
      insats: first?.insats ?? written,
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
    const intervention = textOf(table, row, "Insats");
    const areaText = textOf(table, row, "Område");
    const area = readArea(areaText);
    if (!intervention) {
      log.error("requiredEmpty", placeOf(table, row, "Insats"), { column: "Insats" });
      continue;
    }
    if (!area) {
      log.error("unknownArea", placeOf(table, row, "Område"), { value: areaText });
      continue;
    }
    out.push({ insats: intervention, area, volumeUnit: textOf(table, row, "Volymenhet"), keyFigure: textOf(table, row, "Nyckeltal") });
  }
  return out;
}

export function parseClientRows(table: LocatedTable, window: PeriodWindow, log: ProblemLog, account: RowAccount = new RowAccount()): ClientRows {
  const out = emptyClientRows(table.sheetRows.length);
  const year = yearOf(window);
  // The annual run keeps its warning per row outside the year; a follow-up window (24 months of
  // rows, half outside) says it once per year, as for Ekonomi.
  const calendarYear = isCalendarYear(window);
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
  let n = 0;
  // A million rows, by column: each distinct client, pool, period and year is read once.
  const cYear = table.columns.get("År");
  const cPeriod = table.columns.get("Period");
  const totalsRow = totalsRowsOf(table);
  const [clientOf, poolOf] = ["BrukarID", "Pool"].map((c) => readByValue(table, c, readText));
  // The counted rows' texts, numbered as they are first counted (codeOf is called for counted rows only).
  const text = { client: new TextCodes(), pool: new TextCodes(), period: new TextCodes(), sex: new TextCodes(), housing: new TextCodes() };
  const codeOf = (column: string, codes: TextCodes) => readByValue(table, column, (cell) => codes.code(readText(cell)));
  const [clientCode, poolCode, sexCode, housingCode] = [
    codeOf("BrukarID", text.client),
    codeOf("Pool", text.pool),
    codeOf("Kön", text.sex),
    codeOf("Boendeform", text.housing),
  ];
  const periodCode = readByValue(table, "Period", (cell) => text.period.code(readPeriodValue(cell)));
  const volumeOf = readCell(table, "Volym");
  const yearCell = readCell(table, "År");
  const yearOfRow = readByValue(table, "År", readRowYearValue);
  const periodCell = readCell(table, "Period");
  const periodBlank = readByValue(table, "Period", isBlank);
  const periodOfRow = readByValue(table, "Period", readPeriod);
  const birthYearOf = birthYearReader(table, year, log);
  for (let i = 0; i < table.sheetRows.length; i++) {
    const row = table.sheetRows[i];
    const volumeCell = volumeOf(i);
    // A row with neither BrukarID nor Pool, or "Summa" in one of them, is a totals row: set
    // aside with its volume, and said (a client called "Summa" would count its pool twice).
    const why = totalsRow(i);
    if (why !== null) {
      const volume = setAsideVolume(volumeCell, placeOf(table, row, "Volym"), log, false);
      account.setAside("Brukare", "totalsRow", null, row, volume);
      log.warning("totalsRowSkipped", placeOf(table, row), { value: totalsRowLabel(rowCellsOf(table, i)), why, columns: "BrukarID, Pool", quantity: quantityText("Brukare", volume) });
      continue;
    }
    if (cYear !== undefined) {
      const y = yearOfRow(i);
      if (y === null) {
        reportBadYear(yearCell(i), table, row, year, log);
        continue;
      }
      if (!yearInWindow(y, window)) {
        account.setAside("Brukare", "otherYear", y, row, setAsideVolume(volumeCell, placeOf(table, row, "Volym"), log, true));
        continue;
      }
    }
    const clientId = clientOf(i);
    const pool = poolOf(i);
    if (!clientId || !pool) {
      const column = !clientId ? "BrukarID" : "Pool";
      log.error("requiredEmpty", placeOf(table, row, column), { column });
      continue;
    }
    let period: string | null = null;
    if (!periodBlank(i)) {
      const p = periodOfRow(i);
      if (!p.ok) {
        log.error("notANumber", placeOf(table, row, "Period"), { expected: p.reason, value: readText(periodCell(i)) });
        continue;
      }
      if (!periodInWindow(p.value, window)) {
        // Outside the run's months, whether or not År says the run's year: set aside, with its volume.
        const volume = setAsideVolume(volumeCell, placeOf(table, row, "Volym"), log, true);
        account.setAside("Brukare", outsideReason(window), Number(p.value.slice(0, 4)), row, volume);
        if (calendarYear) log.warning("periodOutsideYear", placeOf(table, row, "Period"), { period: p.value, year, quantity: quantityText("Brukare", volume) });
        continue;
      }
      period = p.value;
    } else if (!calendarYear && cPeriod !== undefined) {
      // A follow-up window places every row by its month: a row without one cannot be counted.
      log.error("periodEmpty", placeOf(table, row, "Period"), { quantity: quantityText("Brukare", setAsideVolume(volumeCell, placeOf(table, row, "Volym"), log, false)) });
      continue;
    }
    const birthYear = birthYearOf(i, row);
    if (birthYear === undefined) continue;
    const fast = fastMicro(volumeCell);
    const volumeMicro = fast !== null && fast <= MAX_ROW_VOLUME_MICRO ? fast : readVolumeMicro(volumeCell, placeOf(table, row, "Volym"), log);
    if (volumeMicro === null) continue;
    account.counted("Brukare", volumeMicro);
    out.row[n] = row;
    out.client[n] = clientCode(i);
    out.birthYear[n] = birthYear ?? NaN;
    out.sex[n] = sexCode(i);
    out.pool[n] = poolCode(i);
    out.volumeMicro[n] = volumeMicro;
    out.period[n] = period === null ? -1 : periodCode(i);
    out.housing[n] = housingCode(i);
    n++;
  }
  reportSetAside(table, account, window, log, calendarYear ? ["otherYear"] : ["otherYear", "periodOutsideWindow"]);
  out.text = { client: text.client.values, pool: text.pool.values, period: text.period.values, sex: text.sex.values, housing: text.housing.values };
  return trimClientRows(out, n);
}

/** Columns for up to `capacity` rows, allocated once. */
function emptyClientRows(capacity: number): ClientRows {
  return {
    length: 0,
    row: new Int32Array(capacity),
    client: new Int32Array(capacity),
    pool: new Int32Array(capacity),
    period: new Int32Array(capacity),
    sex: new Int32Array(capacity),
    housing: new Int32Array(capacity),
    birthYear: new Float64Array(capacity),
    volumeMicro: new Float64Array(capacity),
    text: { client: [], pool: [], period: [], sex: [], housing: [] },
  };
}

/** The first `length` rows: the columns were sized for every row of the table. */
function trimClientRows(rows: ClientRows, length: number): ClientRows {
  const first = (column: Int32Array) => column.subarray(0, length);
  return {
    ...rows,
    length,
    row: first(rows.row),
    client: first(rows.client),
    pool: first(rows.pool),
    period: first(rows.period),
    sex: first(rows.sex),
    housing: first(rows.housing),
    birthYear: rows.birthYear.subarray(0, length),
    volumeMicro: rows.volumeMicro.subarray(0, length),
  };
}

/** The month of a Period cell already read successfully as one. */
function readPeriodValue(cell: CellValue): string {
  const p = readPeriod(cell);
  return p.ok ? p.value : "";
}

/** How a Födelseår or Ålder cell reads: blank, a whole number, or not one (with its text). */
type WholeNumberCell = { blank: true } | { blank: false; value: number | null; text: string };

function readWholeNumberCell(cell: CellValue): WholeNumberCell {
  if (isBlank(cell)) return { blank: true };
  const read = readInteger(cell);
  return { blank: false, value: read.ok ? read.value : null, text: readText(cell) };
}

/**
 * Birth year by data row from Födelseår, or from Ålder (age at the end of the year); null when
 * both are blank (said as a warning), undefined for a bad row (said as an error).
 */
function birthYearReader(table: LocatedTable, year: number, log: ProblemLog): (i: number, row: number) => number | null | undefined {
  const hasBirth = table.columns.has("Födelseår");
  const birthOf = readByValue(table, "Födelseår", readWholeNumberCell);
  const ageOf = readByValue(table, "Ålder", readWholeNumberCell);
  return (i, row) => {
    const birth = birthOf(i);
    if (!birth.blank) {
      const b = birth.value;
      if (b === null || !isPlausibleYear(b) || b > year) {
        log.error("badBirthYear", placeOf(table, row, "Födelseår"), { value: birth.text });
        return undefined;
      }
      return b;
    }
    const age = ageOf(i);
    if (!age.blank) {
      const a = age.value;
      if (a === null || a < 0 || a > 130) {
        log.error("notANumber", placeOf(table, row, "Ålder"), { expected: "en ålder i hela år", value: age.text });
        return undefined;
      }
      return year - a;
    }
    // Födelseår is required: a blank one leaves the client without an age group, which is said.
    const column = hasBirth ? "Födelseår" : "Ålder";
    log.warning("birthYearEmpty", placeOf(table, row, column), { column });
    return null;
  };
}

export function parsePopulation(table: LocatedTable, log: ProblemLog, year?: number): PopulationRow[] {
  const out: PopulationRow[] = [];
  const otherYears = new Map<number, { rows: number[]; count: number }>();
  for (const row of dataRows(table)) {
    // Several years' population in one table: only the run's year counts (as in Ekonomi and Brukare).
    if (year !== undefined && table.columns.has("År")) {
      const y = readRowYear(cellOf(table, row, "År"), table, row.row, year, log);
      if (y === null) continue;
      if (y !== year) {
        const antal = readInteger(cellOf(table, row, "Antal"));
        const group = otherYears.get(y) ?? { rows: [], count: 0 };
        otherYears.set(y, group);
        group.rows.push(row.row);
        if (antal.ok) group.count += antal.value;
        continue;
      }
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
  for (const [otherYear, { rows, count }] of otherYears) {
    const quantity = `${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} invånare`;
    log.warning("otherYearRows", placeOf(table, rows[0], "År"), { count: rows.length, year: year!, otherYear, row: rows[0], quantity });
  }
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
    const yearCell = cellOf(table, row, "År");
    const y = readInteger(yearCell);
    // An År that is no year ("2023/24", a date) must not make the row count for every year.
    if (!isBlank(yearCell) && !(y.ok && isPlausibleYear(y.value) && typeof yearCell !== "boolean")) {
      log.warning("benchmarkBadYear", placeOf(table, row, "År"), { value: display(yearCell) });
      continue;
    }
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
