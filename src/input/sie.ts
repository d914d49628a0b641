import { CellTableBuilder, fold, ProblemLog, type CellValue } from "../engine";
import type { FileSummary, FileTable, SkippedRows } from "./file-table";
import { formatOre } from "./format";
import { RESERVED_SIE_DIMENSIONS, type SieDimension, type SummaryDetail } from "./messages";
import { decodeText, ENCODING_NAMES } from "./text-decoding";

/**
 * An SIE 4 file (sie.se) as the Ekonomi table. Result accounts (classes 3–8) become ledger rows;
 * objects of the dimensions named Ansvar/Kostnadsställe/Resultatenhet, Verksamhet and
 * Aktivitet/Projekt give the codes; the transaction date gives År and Period. Rows are summed per
 * Ansvar × Verksamhet × Aktivitet × Konto × month (what a ledger extract holds, and the grain of
 * #PSALDO), each keeping the line of its first transaction for problems and tracing.
 *
 * Vouchers or period balances: when the file has #TRANS on result accounts, those are the ledger
 * and every #PSALDO line is set aside (counted), so nothing is counted twice; without vouchers the
 * #PSALDO lines of year 0 are used. Bad lines, unbalanced vouchers and unknown dimensions become
 * problems with their line numbers; nothing throws. Pure: bytes in, table out.
 */

export type SieTarget = "Ansvar" | "Verksamhet" | "Aktivitet";
export const SIE_TARGETS: SieTarget[] = ["Ansvar", "Verksamhet", "Aktivitet"];
/** Dimension number per contract column; null = no dimension (the column stays empty); absent = by the #DIM names. */
export type SieDimensionMap = Partial<Record<SieTarget, number | null>>;

/** Dimension names per contract column, in order of preference. */
const TARGET_NAMES: Record<SieTarget, string[]> = {
  Ansvar: ["ansvar", "resultatenhet", "kostnadsstalle"],
  Verksamhet: ["verksamhet"],
  Aktivitet: ["aktivitet", "projekt"],
};
/** The dimensions SIE reserves (standard Swedish names), for files that use them without a #DIM line. */
const RESERVED_DIMENSIONS: Record<number, string> = Object.fromEntries(Object.entries(RESERVED_SIE_DIMENSIONS).map(([d, n]) => [d, n.sv]));

/** `Ansvar=1,Verksamhet=20,Aktivitet=21` as a map, or a Swedish reason it is not one. */
export function parseSieDimensionOption(text: string): SieDimensionMap | { badPart: string } {
  const map: SieDimensionMap = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    // `Aktivitet=ingen` (or none/0): the column stays empty even if a dimension's name would match.
    const m = /^([^=]+)=(\d+|ingen|none)$/i.exec(part);
    const target = m && SIE_TARGETS.find((t) => fold(t) === fold(m[1]));
    if (!m || !target) return { badPart: part };
    const dimension = /^\d+$/.test(m[2]) ? Number(m[2]) : 0;
    map[target] = dimension === 0 ? null : dimension;
  }
  return map;
}

type Token = string | string[];

/** One SIE line as fields: bare words, "quoted text" with \" escapes, and {object lists}. */
function tokenize(line: string): Token[] | null {
  const tokens: Token[] = [];
  let list: string[] | null = null;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === " " || ch === "\t") {
      i++;
      continue;
    }
    if (ch === "{") {
      if (list) return null;
      list = [];
      i++;
      continue;
    }
    if (ch === "}") {
      if (!list) return null;
      tokens.push(list);
      list = null;
      i++;
      continue;
    }
    let word = "";
    if (ch === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i++];
        if (c === "\\" && i < line.length) word += line[i++];
        else if (c === '"') {
          closed = true;
          break;
        } else word += c;
      }
      if (!closed) return null;
    } else {
      while (i < line.length && !" \t{}".includes(line[i])) word += line[i++];
    }
    (list ?? tokens).push(word);
  }
  return list ? null : tokens;
}

/** "-1234.50" as öre; null when it is no amount with at most two decimals. */
function oreOf(text: string | undefined): number | null {
  const m = /^(-|\+)?(\d+)(?:[.,](\d{1,2}))?$/.exec(text ?? "");
  if (!m) return null;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(ore)) return null;
  return m[1] === "-" && ore !== 0 ? -ore : ore;
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const PERIOD = /^(\d{4})(\d{2})$/;

interface Entry {
  line: number;
  account: string;
  objects: [number, string][];
  ore: number;
  /** YYYYMM */
  period: string;
}

interface VoucherState {
  id: string;
  line: number;
  date: string;
  sum: number;
}

interface Scan {
  format?: string;
  year0?: { start: string; end: string };
  dims: Map<number, string>;
  accountNames: Map<string, string>;
  results: Map<string, number>;
  transactions: Entry[];
  psaldo: (Entry & { year: string })[];
  correctionLines: number;
  badLines: number;
}

function scanLines(text: string, place: (line: number) => { table: "Ekonomi"; sheet: string; row: number }, log: ProblemLog): Scan {
  const scan: Scan = { dims: new Map(), accountNames: new Map(), results: new Map(), transactions: [], psaldo: [], correctionLines: 0, badLines: 0 };
  let voucher: VoucherState | null = null;
  let inBlock = false;
  const bad = (line: number, label: string, detail: string) => {
    scan.badLines++;
    log.error("sieBadLine", place(line), { label, detail });
  };
  const closeVoucher = () => {
    if (voucher && voucher.sum !== 0) {
      log.warning("sieUnbalancedVoucher", place(voucher.line), { voucher: voucher.id, difference: formatOre(voucher.sum) });
    }
    voucher = null;
    inBlock = false;
  };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i].trim();
    if (raw === "") continue;
    if (raw === "{") {
      if (voucher) inBlock = true;
      continue;
    }
    if (raw === "}") {
      closeVoucher();
      continue;
    }
    if (!raw.startsWith("#")) continue;
    const tokens = tokenize(raw);
    const label = (raw.split(/[\s{]/, 1)[0] ?? "").toUpperCase();
    if (!tokens) {
      if (["#TRANS", "#PSALDO", "#VER", "#DIM", "#UNDERDIM", "#RES"].includes(label)) bad(lineNo, label, "citattecken eller klammer stängs inte");
      continue;
    }
    const text = (k: number) => (typeof tokens[k] === "string" ? (tokens[k] as string) : undefined);
    const list = (k: number) => (Array.isArray(tokens[k]) ? (tokens[k] as string[]) : undefined);
    switch (label) {
      case "#FORMAT":
        scan.format = text(1);
        break;
      case "#RAR":
        if (text(1) === "0" && DATE.test(text(2) ?? "") && DATE.test(text(3) ?? "")) scan.year0 = { start: text(2)!, end: text(3)! };
        break;
      case "#DIM":
      case "#UNDERDIM": {
        const dim = Number(text(1));
        if (Number.isInteger(dim) && text(2) !== undefined) scan.dims.set(dim, text(2)!);
        else bad(lineNo, label, "dimensionsnummer och namn behövs");
        break;
      }
      case "#KONTO":
        if (text(1) && text(2) !== undefined) scan.accountNames.set(text(1)!, text(2)!);
        break;
      case "#RES": {
        const ore = oreOf(text(3));
        if (text(1) === "0" && text(2) && ore !== null) scan.results.set(text(2)!, (scan.results.get(text(2)!) ?? 0) + ore);
        break;
      }
      case "#VER": {
        if (voucher) closeVoucher();
        const date = text(3) ?? "";
        if (!DATE.test(date)) {
          bad(lineNo, label, `verifikationsdatum "${date}" är inget datum ÅÅÅÅMMDD`);
        }
        voucher = { id: [text(1), text(2)].filter(Boolean).join(" ") || `på rad ${lineNo}`, line: lineNo, date, sum: 0 };
        break;
      }
      case "#RTRANS":
      case "#BTRANS":
        // Added (followed by the same #TRANS) or removed transactions: the #TRANS lines are the voucher.
        scan.correctionLines++;
        break;
      case "#TRANS": {
        if (!voucher || !inBlock) {
          bad(lineNo, label, "står utanför en verifikation (#VER { … })");
          break;
        }
        const objects = list(2);
        const account = text(1);
        const ore = oreOf(objects ? text(3) : undefined);
        const date = objects && DATE.test(text(4) ?? "") ? text(4)! : voucher.date;
        if (!account || !objects || ore === null || !DATE.test(date)) {
          bad(lineNo, label, !account ? "kontonummer saknas" : !objects ? "objektlistan {…} saknas" : ore === null ? `beloppet "${text(3) ?? ""}" är inget belopp` : "datum saknas");
          break;
        }
        voucher.sum += ore;
        scan.transactions.push({ line: lineNo, account, objects: pairs(objects), ore, period: date.slice(0, 6) });
        break;
      }
      case "#PSALDO": {
        const objects = list(4);
        const ore = oreOf(objects ? text(5) : undefined);
        const period = text(2) ?? "";
        if (!text(1) || !PERIOD.test(period) || !text(3) || !objects || ore === null) {
          bad(lineNo, label, !PERIOD.test(period) ? `perioden "${period}" är ingen period ÅÅÅÅMM` : "årsnummer, konto, objektlista och saldo behövs");
          break;
        }
        scan.psaldo.push({ line: lineNo, year: text(1)!, account: text(3)!, objects: pairs(objects), ore, period });
        break;
      }
      default:
        break;
    }
  }
  if (voucher) closeVoucher();
  return scan;
}

function pairs(list: string[]): [number, string][] {
  const out: [number, string][] = [];
  for (let k = 0; k + 1 < list.length; k += 2) out.push([Number(list[k]), list[k + 1]]);
  return out;
}

/** The dimensions a file declares (#DIM) or uses under a reserved number, in number order: what a column can be fed from. */
function sieDimensionsOf(scan: Scan): number[] {
  const dims = new Set(scan.dims.keys());
  for (const e of [...scan.transactions, ...scan.psaldo]) for (const [d] of e.objects) if (RESERVED_DIMENSIONS[d]) dims.add(d);
  return [...dims].sort((a, b) => a - b);
}

/** Which dimension feeds each contract column: the option first, then the #DIM names. */
function mapDimensions(scan: Scan, override: SieDimensionMap): Map<SieTarget, number> {
  const known = new Map(scan.dims);
  const used = new Set<number>();
  for (const e of scan.transactions) for (const [d] of e.objects) used.add(d);
  for (const e of scan.psaldo) for (const [d] of e.objects) used.add(d);
  for (const d of used) if (!known.has(d) && RESERVED_DIMENSIONS[d]) known.set(d, RESERVED_DIMENSIONS[d]);
  const map = new Map<SieTarget, number>();
  for (const target of SIE_TARGETS) {
    const chosen = override[target];
    if (chosen !== undefined) {
      if (chosen !== null) map.set(target, chosen);
      continue;
    }
    let best: { rank: number; dim: number } | null = null;
    for (const [dim, name] of known) {
      const folded = fold(name);
      const rank = TARGET_NAMES[target].findIndex((n) => folded === n || folded.startsWith(n));
      if (rank < 0) continue;
      if (!best || rank < best.rank || (rank === best.rank && dim < best.dim)) best = { rank, dim };
    }
    if (best && ![...map.values()].includes(best.dim)) map.set(target, best.dim);
  }
  return map;
}

export interface SieOptions {
  dimensions?: SieDimensionMap;
}

const HEADER = ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text", "År", "Period"];

/** Reads an SIE 4 file into the Ekonomi table. Never throws. */
export function readSieLedger(bytes: Uint8Array, file: string, options: SieOptions = {}): FileTable {
  const log = new ProblemLog();
  const skipped: SkippedRows[] = [];
  const summary = { file, table: "Ekonomi" as const, format: "sie" as const, details: [] as SummaryDetail[], rowsRead: 0, skipped, amountOre: null as number | null, volume: null, unreadableNumbers: 0 } as FileSummary;
  const place = (row: number) => ({ table: "Ekonomi" as const, sheet: file, row });
  const decoded = decodeText(bytes, { preferPc8: true });
  if (!decoded.ok) {
    log.error("fileUnreadable", { table: "Ekonomi", sheet: file }, { file, detail: decoded.reason });
    return { table: "Ekonomi", input: null, problems: log.items, summary };
  }
  const text = decoded.text.replace(/\r\n?/g, "\n");
  if (!/^\s*#/.test(text)) {
    log.error("fileUnreadable", { table: "Ekonomi", sheet: file }, { file, detail: "den börjar inte med en SIE-rad (#FLAGGA …)" });
    return { table: "Ekonomi", input: null, problems: log.items, summary };
  }
  const scan = scanLines(text, place, log);
  summary.details.push({ key: "encoding", params: { encoding: decoded.encoding } });
  if (scan.format && fold(scan.format) === "pc8" && decoded.encoding !== "cp437" && /[^\x00-\x7f]/.test(text)) {
    log.warning("sieEncodingMismatch", { table: "Ekonomi", sheet: file }, { declared: scan.format, used: ENCODING_NAMES[decoded.encoding] });
  }
  if (scan.year0) summary.details.push({ key: "financialYear", params: { start: iso(scan.year0.start), end: iso(scan.year0.end) } });

  const dims = mapDimensions(scan, options.dimensions ?? {});
  const dimension = (d: number): SieDimension => (scan.dims.has(d) ? { dim: d, name: scan.dims.get(d) } : { dim: d });
  summary.details.push({ key: "sieDimensions", params: { chosen: SIE_TARGETS.map((target) => ({ target, dimension: dims.has(target) ? dimension(dims.get(target)!) : null })) } });
  summary.sie = { dimensions: sieDimensionsOf(scan).map(dimension), chosen: Object.fromEntries(SIE_TARGETS.map((t) => [t, dims.get(t) ?? null])) };
  const declared = [...scan.dims].map(([d, n]) => `${d} ${n}`).join(", ") || "inga";
  for (const target of ["Ansvar", "Verksamhet"] as SieTarget[]) {
    if (!dims.has(target)) log.error("sieDimensionMissing", { table: "Ekonomi", sheet: file, column: target }, { file, target, dimensions: declared });
  }

  const resultTransactions = scan.transactions.filter((e) => accountClass(e.account) === "result");
  let entries: Entry[];
  if (resultTransactions.length > 0 || scan.psaldo.length === 0) {
    entries = scan.transactions;
    summary.details.push({ key: "sieVouchers", params: { transactions: scan.transactions.length } });
    if (scan.psaldo.length) skipped.push({ code: "psaldoReplaced", reason: "periodsaldon (#PSALDO): verifikationerna används i stället", count: scan.psaldo.length });
  } else {
    entries = periodBalances(scan, dims, skipped, log, file);
    summary.details.push({ key: "siePeriodBalances", params: {} });
  }
  if (scan.correctionLines) skipped.push({ code: "sieCorrection", reason: "#RTRANS/#BTRANS (rättelser; verifikationens #TRANS-rader gäller)", count: scan.correctionLines });
  if (scan.badLines) skipped.push({ code: "badLine", reason: "rader som inte går att läsa (se problemlistan)", count: scan.badLines });

  // Ledger rows: result accounts only, summed per codes and month.
  // Straight into the table by column: row = the line of the group's first transaction - 1
  // (line 1 holds the header); Belopp is set once the group's sum is known.
  const cells = new CellTableBuilder();
  cells.addRow(HEADER);
  const taken = new Set<number>([0]);
  const groups = new Map<string, { row: number; ore: number }>();
  const balance = { count: 0, ore: 0 };
  const other = { count: 0, ore: 0 };
  const unknownDims = new Map<number, { line: number; count: number }>();
  const unusedDims = new Set<number>();
  const targetOf = new Map([...dims].map(([t, d]) => [d, t]));
  const perAccount = new Map<string, number>();
  let total = 0;
  for (const e of entries) {
    const cls = accountClass(e.account);
    if (cls !== "result") {
      const bucket = cls === "balance" ? balance : other;
      bucket.count++;
      bucket.ore += e.ore;
      continue;
    }
    const codes: Record<SieTarget, string> = { Ansvar: "", Verksamhet: "", Aktivitet: "" };
    for (const [d, object] of e.objects) {
      const target = targetOf.get(d);
      if (target) codes[target] = object;
      else if (scan.dims.has(d) || RESERVED_DIMENSIONS[d]) unusedDims.add(d);
      else {
        const u = unknownDims.get(d) ?? { line: e.line, count: 0 };
        u.count++;
        unknownDims.set(d, u);
      }
    }
    const key = `${codes.Ansvar}\u0000${codes.Verksamhet}\u0000${codes.Aktivitet}\u0000${e.account}\u0000${e.period}`;
    const group = groups.get(key);
    if (group) group.ore += e.ore;
    else {
      let index = Math.max(1, e.line - 1);
      while (taken.has(index)) index++;
      taken.add(index);
      const row: CellValue[] = [codes.Ansvar, codes.Verksamhet, codes.Aktivitet, e.account, null, scan.accountNames.get(e.account) ?? "", Number(e.period.slice(0, 4)), `${e.period.slice(0, 4)}-${e.period.slice(4)}`];
      row.forEach((cell, c) => cells.set(index, c, cell));
      groups.set(key, { row: index, ore: e.ore });
    }
    perAccount.set(e.account, (perAccount.get(e.account) ?? 0) + e.ore);
    total += e.ore;
  }
  // Amounts were summed in öre; the table holds kronor (exact: at most two decimals).
  for (const group of groups.values()) cells.set(group.row, 4, group.ore / 100);
  for (const [d, u] of unknownDims) log.warning("sieUnknownDimension", place(u.line), { dimension: d, count: u.count });
  if (unusedDims.size) summary.details.push({ key: "sieUnusedDimensions", params: { dimensions: [...unusedDims].sort((a, b) => a - b).map(dimension) } });
  if (balance.count) skipped.push({ code: "balanceAccount", reason: "rader på balanskonton (klass 1–2), t.ex. bank och leverantörsskulder", count: balance.count, amountOre: balance.ore });
  if (other.count) skipped.push({ code: "otherAccount", reason: "rader på konton utanför klass 1–8", count: other.count, amountOre: other.ore });
  for (const [account, declaredOre] of scan.results) {
    if (accountClass(account) !== "result") continue;
    const read = perAccount.get(account) ?? 0;
    if (read !== declaredOre) log.warning("sieResultDiffers", { table: "Ekonomi", sheet: file, column: "Belopp" }, { account, read: formatOre(read), declared: formatOre(declaredOre) });
  }
  if (groups.size === 0) log.error("sieNoRows", { table: "Ekonomi", sheet: file }, { file });
  summary.details.push({ key: "sieGroupedRows", params: { rows: groups.size } });
  summary.rowsRead = groups.size;
  summary.amountOre = total;
  return { table: "Ekonomi", input: { cells: cells.build(), sheet: file, firstRow: 1, firstColumn: 1 }, problems: log.items, summary };
}

function iso(date: string): string {
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
}

type AccountClass = "result" | "balance" | "other";

/** BAS and Kommun-BAS: classes 1–2 balance sheet, 3–8 result. */
function accountClass(account: string): AccountClass {
  const first = account.charCodeAt(0) - 48;
  if (!/^\d/.test(account)) return "other";
  if (first >= 3 && first <= 8) return "result";
  if (first === 1 || first === 2) return "balance";
  return "other";
}

/**
 * #PSALDO lines of year 0 as ledger entries. A file may give the same account's period balance
 * several times: in total ({}) and split by one dimension or another. Per account the split that
 * carries the most of the mapped dimensions is used; the other splits are set aside (counted), and
 * what the total holds beyond the chosen split becomes a row without objects, so the account's
 * total is kept exactly. Balances are per period; when they only match #RES read as cumulative
 * from the start of the year, they are read that way (with a warning).
 */
function periodBalances(scan: Scan, dims: Map<SieTarget, number>, skipped: SkippedRows[], log: ProblemLog, file: string): Entry[] {
  const mapped = new Set(dims.values());
  const current = scan.psaldo.filter((e) => e.year === "0");
  if (current.length < scan.psaldo.length) skipped.push({ code: "psaldoOtherYear", reason: "periodsaldon för andra år än räkenskapsåret", count: scan.psaldo.length - current.length });
  const signature = (e: Entry) => e.objects.map(([d]) => d).sort((a, b) => a - b).join(",");
  const byAccount = new Map<string, Map<string, Entry[]>>();
  for (const e of current) {
    let splits = byAccount.get(e.account);
    if (!splits) byAccount.set(e.account, (splits = new Map()));
    const sig = signature(e);
    const list = splits.get(sig);
    if (list) list.push(e);
    else splits.set(sig, [e]);
  }
  const choose = (cumulative: boolean) => {
    const out: Entry[] = [];
    let otherSplits = 0;
    for (const splits of byAccount.values()) {
      let bestSig = "";
      let bestScore = -Infinity;
      for (const sig of splits.keys()) {
        const ds = sig ? sig.split(",").map(Number) : [];
        const score = ds.filter((d) => mapped.has(d)).length * 100 - ds.filter((d) => !mapped.has(d)).length;
        if (score > bestScore) [bestSig, bestScore] = [sig, score];
      }
      // The total ({}) is not set aside: what it holds beyond the chosen split is kept below.
      for (const [sig, list] of splits) if (sig !== bestSig && sig !== "") otherSplits += list.length;
      const chosen = monthly(splits.get(bestSig)!, cumulative);
      out.push(...chosen);
      const totals = splits.get("");
      if (bestSig !== "" && totals) {
        const split = new Map<string, number>();
        for (const e of chosen) split.set(e.period, (split.get(e.period) ?? 0) + e.ore);
        for (const t of monthly(totals, cumulative)) {
          const rest = t.ore - (split.get(t.period) ?? 0);
          if (rest !== 0) out.push({ ...t, ore: rest });
        }
      }
    }
    return { out, otherSplits };
  };
  let chosen = choose(false);
  const mismatches = (entries: Entry[]) => {
    const sums = new Map<string, number>();
    for (const e of entries) sums.set(e.account, (sums.get(e.account) ?? 0) + e.ore);
    return [...scan.results].filter(([a, ore]) => accountClass(a) === "result" && byAccount.has(a) && (sums.get(a) ?? 0) !== ore).length;
  };
  if (scan.results.size && mismatches(chosen.out) > 0) {
    const cumulative = choose(true);
    if (mismatches(cumulative.out) === 0) {
      chosen = cumulative;
      log.warning("siePsaldoCumulative", { table: "Ekonomi", sheet: file });
    }
  }
  if (chosen.otherSplits) skipped.push({ code: "psaldoOtherSplit", reason: "periodsaldon med en annan objektuppdelning av samma konto", count: chosen.otherSplits });
  return chosen.out;
}

/** Period balances as the month's amount: as they are, or (cumulative) the change from the previous period of the same object. */
function monthly(entries: Entry[], cumulative: boolean): Entry[] {
  if (!cumulative) return entries;
  const series = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = e.objects.map(([d, o]) => `${d}=${o}`).join("\u0000");
    const list = series.get(key);
    if (list) list.push(e);
    else series.set(key, [e]);
  }
  const out: Entry[] = [];
  for (const list of series.values()) {
    const sorted = [...list].sort((a, b) => a.period.localeCompare(b.period));
    let previous = 0;
    for (const e of sorted) {
      out.push({ ...e, ore: e.ore - previous });
      previous = e.ore;
    }
  }
  return out;
}
