import { column as c } from "./geometry";
import type { ColumnFormat, SheetBlock, SheetCell, SheetColumn, SheetLayout } from "./sheet-layout";
import {
  cellLink,
  Dec,
  explainPool,
  formatDecimal,
  formatMoney,
  ledgerRowsByCategory,
  linkPrefix,
  microToDec,
  oreToKr,
  sumOre,
  weightText,
  type KpbResult,
  type PoolExplanation,
} from "../engine";

/**
 * `KPB Spårning` (every pool's cost back to its ledger rows and support-pool shares) and the
 * coding-check block of `KPB Avstämning`, as plain layout data. Columns named `Källa` and `Regel`
 * hold A1 targets in the input (`'Ekonomi'!A17`, `'Kodning'!A13`); `linkColumns` tells the writer
 * which columns it may turn into hyperlinks.
 */
export const TRACING_SHEET_NAME = "KPB Spårning";


export interface TracingSheetOptions {
  /** Only this pool (id); default every pool, in Pooler order. */
  pool?: string;
  /** Ledger rows per pool and account class; the rest are summed in one line. */
  maxRowsPerCategory?: number;
  /**
   * Ledger rows on the whole sheet when maxRowsPerCategory is not given: all rows while they fit,
   * else the same number per pool and account class so that they fit (at least 5). Default
   * DEFAULT_LEDGER_ROW_BUDGET for every pool, no limit for one chosen pool.
   */
  ledgerRowBudget?: number;
}

/**
 * Ledger rows listed on `KPB Spårning` of a whole run. A large ledger (200 000 rows) listed in
 * full would triple the result workbook and its writing time; every row stays reachable through
 * `kpb explain --pool ID --rows alla`, the task pane's explanation, or tracingSheet for one pool.
 */
export const DEFAULT_LEDGER_ROW_BUDGET = 20_000;

const TRACING_COLUMNS: SheetColumn[] = [
  c("Pool", "text", 14),
  c("Avsnitt", "text", 18),
  c("Post", "text", 18),
  c("Beskrivning", "text", 70),
  c("Nivå", "integer", 6),
  c("Belopp", "unitcost", 18),
  c("Volym", "decimal", 12),
  c("Styckkostnad", "unitcost", 14),
  c("Konto", "text", 8),
  c("Regel", "text", 16),
  c("Källa", "text", 16),
];
const LINK_COLUMNS = [9, 10];

/** Every row as wide as the table: Office.js rejects a values array narrower than its range. */
const padded = (row: SheetCell[]): SheetCell[] => {
  while (row.length < TRACING_COLUMNS.length) row.push(null);
  return row;
};

const kr = (ore: number) => oreToKr(ore);
const keyText: Record<string, string> = { kostnad: "direkt kostnad", volym: "volym", andel: "andel i Nycklar" };

/** What the rows of every pool share: the lineage, code texts and links made once. */
interface RowContext {
  result: KpbResult;
  codeText: string[];
  ruleLinks: string[];
  rowLink: string;
}

function rowContext(result: KpbResult): RowContext | null {
  const trace = result.trace;
  if (!trace) return null;
  const codeText = trace.ledger.codes.map((c) =>
    [`Ansvar ${c.ansvar}`, `Verksamhet ${c.verksamhet}`, c.aktivitet ? `Aktivitet ${c.aktivitet}` : "", `Konto ${c.konto}`].filter(Boolean).join(", "),
  );
  const ruleLinks = trace.rules.map((r) => cellLink(trace.rulesPlace, r.row));
  const rowLink = linkPrefix(trace.ledger.place);
  return { result, codeText, ruleLinks, rowLink };
}

function poolRows(e: PoolExplanation, max: number, context: RowContext | null): SheetCell[][] {
  const rows: SheetCell[][] = [];
  const byCategory = context ? ledgerRowsByCategory(context.result, e.pool) : new Map<string, number[]>(e.direct.categories.map((c) => [c.category, []]));
  const ledger = context?.result.trace!.ledger;
  const ruleOfRow = context?.result.coding.ruleOfRow;
  const { codeText = [], ruleLinks = [], rowLink = "" } = context ?? {};
  const line = (section: string, post: string, text: string, level: number, amountOre: number | null, extra: SheetCell[] = []) =>
    rows.push(padded([e.pool, section, post, text, level, amountOre === null ? null : kr(amountOre), ...extra]));
  const volume = e.poolKind === "insats" ? microToDec(e.volumeMicro).toNumber() : null;
  const unitCost = e.unitCost === null ? null : Number(e.unitCost);
  const about = `${e.insats}${e.enhet ? `, ${e.enhet}` : ""} (${e.regi} regi${e.area ? `, ${e.area}` : ""}${e.poolKind === "stöd" ? ", stödpool" : ""})`;
  line("Pool", e.poolKind === "stöd" ? "Stödpool" : "Insatspool", about, 0, e.costOre, [volume, unitCost]);
  line("Direkt kostnad", "Summa", "Ekonomi-rader kodade till poolen", 1, e.direct.totalOre);
  for (const cat of e.direct.categories) {
    if (cat.amountOre === 0 && cat.rowCount === 0) continue;
    line("Direkt kostnad", cat.category, `${cat.rowCount} rader`, 2, cat.amountOre);
    const indices = byCategory.get(cat.category)!;
    if (!ledger || !ruleOfRow) continue;
    for (let k = 0; k < Math.min(max, indices.length); k++) {
      const i = indices[k];
      const code = ledger.codeOfRow[i];
      const rule = ruleOfRow[i];
      const row = ledger.sheetRow[i];
      rows.push([e.pool, "Direkt kostnad", cat.category, `${ledger.place.sheet} rad ${row}: ${codeText[code]}`, 3, kr(ledger.amountOre[i]), null, null, ledger.codes[code].konto, rule >= 0 ? ruleLinks[rule] : null, `${rowLink}${row}`]);
    }
    if (indices.length > max) {
      const rest = sumOre(indices.slice(max).map((i) => ledger.amountOre[i]));
      line("Direkt kostnad", cat.category, `… och ${indices.length - max} rader till`, 3, rest);
    }
  }
  if (e.allocated.parts.length > 0) {
    line("Fördelad kostnad", "Summa", "Andelar av stödpooler", 1, e.allocated.totalOre);
    for (const p of e.allocated.parts) {
      const key = `nyckel ${keyText[p.key]}: ${weightText(p.key, p.weight, "sv", e.volumeUnit)} av ${weightText(p.key, p.weightSum, "sv", e.volumeUnit)} = ${formatDecimal(new Dec(p.fraction).times(100), "sv", 4)} %`;
      const via = p.fromReceived.length
        ? `; ${p.from} fördelade ${formatMoney(p.fromPassedOnOre, "sv")} = egen ${formatMoney(p.fromDirectOre, "sv")} + ${p.fromReceived.map((r) => `${r.from} ${formatMoney(r.amountOre, "sv")}`).join(" + ")}`
        : "";
      line("Fördelad kostnad", `Från ${p.from}`, `${key}${via}; kedja ${p.chains.map((ch) => ch.join(" → ")).join("; ")}`, 2, p.amountOre);
    }
  }
  if (e.passedOn.transfers.length > 0) {
    line("Vidarefördelat", "Summa", "Till poolerna nedanför", 1, -e.passedOn.totalOre);
    for (const t of e.passedOn.transfers) {
      line("Vidarefördelat", `Till ${t.to}`, `nyckel ${keyText[t.key]}: ${weightText(t.key, t.weight, "sv", "")} av ${weightText(t.key, t.weightSum, "sv", "")} = ${formatDecimal(new Dec(t.fraction).times(100), "sv", 4)} %`, 2, 0 - t.amountOre);
    }
  }
  if (e.poolKind === "insats") {
    line("Volym", "Summa", e.volumeUnit, 1, null, [volume]);
    for (const p of e.volumeByPeriod) line("Volym", p.period || "utan period", e.volumeUnit, 2, null, [microToDec(p.volumeMicro).toNumber()]);
    line("Styckkostnad", "Kostnad ÷ volym", e.unitCost === null ? "ingen volym" : `${formatMoney(e.costOre, "sv")} ÷ ${formatDecimal(microToDec(e.volumeMicro), "sv", 6)} ${e.volumeUnit}`, 1, null, [null, unitCost]);
  }
  const diff = e.checks.find((x) => x.id === "partsEqualCost")!;
  const failed = e.checks.filter((x) => !x.ok).map((x) => x.id);
  line(
    "Kontroll",
    e.ok ? "Stämmer på öret" : "STÄMMER INTE",
    e.ok ? "Ekonomi-rader = direkt kostnad; direkt + fördelat − vidarefördelat = kostnad" : `avviker: ${failed.join(", ")}`,
    1,
    diff.actualOre! - diff.expectedOre!,
  );
  return rows;
}

/** `KPB Spårning` for every pool (or one). */
export function tracingSheet(result: KpbResult, options: TracingSheetOptions = {}): SheetLayout {
  const pools = options.pool ? result.pools.filter((p) => p.pool === options.pool) : result.pools;
  const budget = options.ledgerRowBudget ?? (options.pool ? Infinity : DEFAULT_LEDGER_ROW_BUDGET);
  const max = options.maxRowsPerCategory ?? perCategoryLimit(result, pools.map((p) => p.pool), budget);
  const rows: SheetCell[][] = [];
  const context = rowContext(result);
  for (const p of pools) {
    const e = explainPool(result, p.pool, { ledgerRows: false });
    if (e) for (const r of poolRows(e, max, context)) rows.push(r);
  }
  const block: SheetBlock = { tableName: "KPB_Sparning", columns: TRACING_COLUMNS, rows, linkColumns: LINK_COLUMNS };
  return { name: TRACING_SHEET_NAME, blocks: [block], charts: [] };
}

/** Rows per pool and account class so that the listed ledger rows stay within the budget. */
function perCategoryLimit(result: KpbResult, pools: string[], budget: number): number {
  if (budget === Infinity || !result.trace) return Infinity;
  let total = 0;
  let groups = 0;
  for (const id of pools) {
    for (const indices of ledgerRowsByCategory(result, id).values()) {
      total += indices.length;
      if (indices.length > 0) groups++;
    }
  }
  return total <= budget ? Infinity : Math.max(5, Math.floor(budget / Math.max(1, groups)));
}

/** Lines on `KPB Avstämning` beyond which ambiguous ledger rows are only counted. */
export const MAX_AMBIGUOUS_LINES = 2000;

/** The coding checks as a block: shadowed, never reached and unused rules, and ambiguous ledger rows. */
export function codingCheckBlock(result: KpbResult): SheetBlock {
  const columns = [
    c("Kontroll", "text", 26),
    c("Kodning rad", "integer", 11),
    c("Till", "text", 14),
    c("Andra regler (rad)", "text", 16),
    c("Deras Till", "text", 16),
    c("Ekonomi rad", "integer", 11),
    c("Belopp", "unitcost", 16),
    c("Antal rader", "integer", 10),
    c("Förklaring", "text", 70),
    c("Källa", "text", 16),
  ];
  const rows: SheetCell[][] = [];
  const trace = result.trace;
  if (trace) {
    const { rules, codingChecks, ledger } = trace;
    const ruleLink = (i: number) => cellLink(trace.rulesPlace, rules[i].row);
    for (const s of codingChecks.shadowed) {
      const rule = rules[s.rule];
      const by = s.byRules.map((j) => rules[j]);
      const text =
        s.basis === "exact"
          ? `Skuggad: varje rad regeln kan matcha matchas redan av regeln på rad ${by[0].row}.`
          : `Nås aldrig på denna huvudbok: de ${s.matchingRows} rader den matchar kodas av tidigare regler.`;
      rows.push([
        s.basis === "exact" ? "Skuggad regel" : "Nås aldrig på huvudboken",
        rule.row,
        rule.target,
        by.map((r) => r.row).join(", "),
        [...new Set(by.map((r) => r.target))].join(", "),
        null,
        s.matchingRows ? kr(s.matchingOre) : null,
        s.matchingRows,
        text,
        ruleLink(s.rule),
      ]);
    }
    for (const i of codingChecks.unused) {
      rows.push(["Oanvänd regel", rules[i].row, rules[i].target, null, null, null, null, 0, "Regeln matchar ingen rad i Ekonomi.", ruleLink(i)]);
    }
    // Ambiguous rows, one line per ledger row with every later rule that also matched it.
    const byRow = new Map<number, { winner: number; others: number[] }>();
    for (const a of codingChecks.ambiguous) {
      for (const i of a.rows) {
        const entry = byRow.get(i);
        if (entry) entry.others.push(a.other);
        else byRow.set(i, { winner: a.winner, others: [a.other] });
      }
    }
    const indices = [...byRow.keys()].sort((a, b) => a - b);
    for (const i of indices.slice(0, MAX_AMBIGUOUS_LINES)) {
      const { winner, others } = byRow.get(i)!;
      rows.push([
        "Tvetydig kodning",
        rules[winner].row,
        rules[winner].target,
        others.map((o) => rules[o].row).join(", "),
        others.map((o) => rules[o].target).join(", "),
        ledger.sheetRow[i],
        kr(ledger.amountOre[i]),
        1,
        `Raden matchar också senare regler; regeln på rad ${rules[winner].row} vinner eftersom den står först.`,
        cellLink(ledger.place, ledger.sheetRow[i]),
      ]);
    }
    if (indices.length > MAX_AMBIGUOUS_LINES) {
      const rest = indices.slice(MAX_AMBIGUOUS_LINES);
      rows.push(["Tvetydig kodning", null, null, null, null, null, kr(sumOre(rest.map((i) => ledger.amountOre[i]))), rest.length, `… och ${rest.length} rader till (se varningarna).`, null]);
    }
  }
  return { tableName: "KPB_Kodningskontroll", title: "Kodningskontroll", columns, rows, linkColumns: [9] };
}
