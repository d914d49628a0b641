import { patternMatches, patternText } from "./coding-patterns";
import type { CodingLineage, CodingRule, CostCategory, LedgerRow, MatchPattern } from "./model";
import type { LedgerCodes } from "./tracing/types";
import { addOre, oreToSwedish } from "./money";
import type { ProblemLog } from "./problems";
import { indexLedgerCodes, type LedgerCodeIndex } from "./ledger-codes";
import { firstMatchIndexed, indexRules } from "./rule-index";

export const EXCLUDED = "EXKL";

/** Account class to cost category (Kommun-Bas: 3 revenue, 5 staff, 61–62 premises). */
export function costCategory(konto: string): CostCategory {
  if (konto.startsWith("3")) return "Intäkter";
  if (konto.startsWith("5")) return "Personal";
  if (konto.startsWith("61") || konto.startsWith("62")) return "Lokaler";
  return "Övrigt";
}

export const COST_CATEGORIES: CostCategory[] = ["Personal", "Lokaler", "Övrigt", "Intäkter"];

export interface PoolDirect {
  totalOre: number;
  byCategoryOre: Record<CostCategory, number>;
}

export interface CodedLedger {
  lineage: CodingLineage;
  /** The ledger's code combinations, numbered; the lineage reuses them. */
  codes: LedgerCodeIndex;
  directByPool: Map<string, PoolDirect>;
  excludedByReason: Map<string, number>;
  excludedOre: number;
  uncodedOre: number;
  ledgerTotalOre: number;
}

export function emptyDirect(): PoolDirect {
  return { totalOre: 0, byCategoryOre: { Personal: 0, Lokaler: 0, Övrigt: 0, Intäkter: 0 } };
}

/**
 * Codes every ledger row with the first matching rule from the top. Extracts repeat the same
 * code combination on many rows, so each combination (ledger-codes.ts) is matched once, through
 * an index of the rules (rule-index.ts) rather than a scan of all of them.
 */
export function codeLedger(ledger: LedgerRow[], rules: CodingRule[], log: ProblemLog, sheet?: string): CodedLedger {
  const ruleOfRow = new Int32Array(ledger.length);
  const targetOfRow: string[] = new Array(ledger.length);
  const ruleHits = new Array<number>(rules.length).fill(0);
  const directByPool = new Map<string, PoolDirect>();
  const excludedByReason = new Map<string, number>();
  const uncoded = new Map<number, { row: number; amountOre: number; rows: number }>();
  const codes = indexLedgerCodes(ledger);
  const index = indexRules(rules);
  const ruleOfCode = codes.firstRow.map((i) => firstMatchIndexed(index, ledger[i]));
  let excludedOre = 0;
  let uncodedOre = 0;
  let ledgerTotalOre = 0;
  ledger.forEach((row, i) => {
    const code = codes.codeOfRow[i];
    const ruleIndex = ruleOfCode[code];
    ruleOfRow[i] = ruleIndex;
    ledgerTotalOre = addOre(ledgerTotalOre, row.amountOre);
    if (ruleIndex < 0) {
      targetOfRow[i] = "";
      uncodedOre = addOre(uncodedOre, row.amountOre);
      const seen = uncoded.get(code);
      if (seen) {
        seen.amountOre = addOre(seen.amountOre, row.amountOre);
        seen.rows++;
      } else uncoded.set(code, { row: row.row, amountOre: row.amountOre, rows: 1 });
      return;
    }
    const rule = rules[ruleIndex];
    ruleHits[ruleIndex]++;
    targetOfRow[i] = rule.target;
    if (rule.target === EXCLUDED) {
      excludedOre = addOre(excludedOre, row.amountOre);
      excludedByReason.set(rule.reason, addOre(excludedByReason.get(rule.reason) ?? 0, row.amountOre));
      return;
    }
    let direct = directByPool.get(rule.target);
    if (!direct) directByPool.set(rule.target, (direct = emptyDirect()));
    direct.totalOre = addOre(direct.totalOre, row.amountOre);
    const category = costCategory(row.konto);
    direct.byCategoryOre[category] = addOre(direct.byCategoryOre[category], row.amountOre);
  });
  for (const [code, u] of uncoded) {
    const { ansvar, verksamhet, aktivitet, konto } = codes.codes[code];
    const label = `Ansvar ${ansvar}, Verksamhet ${verksamhet}${aktivitet ? `, Aktivitet ${aktivitet}` : ""}, Konto ${konto}${u.rows > 1 ? `; ${u.rows} rader` : ""}`;
    log.warning("uncodedRow", { table: "Ekonomi", sheet, row: u.row, column: "Konto" }, { key: label, amount: oreToSwedish(u.amountOre) });
  }
  rules.forEach((rule, i) => {
    if (ruleHits[i] === 0) {
      const pattern = [rule.ansvar, rule.verksamhet, rule.aktivitet, rule.konto].map(patternText).join(" | ");
      log.warning("unusedRule", { table: "Kodning", row: rule.row, column: "Till" }, { target: rule.target, pattern });
    }
  });
  warnRangeLengths(rules, codes.codes, log);
  return {
    lineage: { ruleOfRow, targetOfRow, ruleHits },
    codes,
    directByPool,
    excludedByReason,
    excludedOre,
    uncodedOre,
    ledgerTotalOre,
  };
}

const RULE_COLUMNS = [
  ["ansvar", "Ansvar"],
  ["verksamhet", "Verksamhet"],
  ["aktivitet", "Aktivitet"],
  ["konto", "Konto"],
] as const;
const DIGITS = /^\d+$/;

/**
 * Range rules compare numeric codes as numbers: `0123` lies in `100-200` and `50000` does not lie
 * in `5000-5999`. A code whose number of digits differs from the bounds' is probably another kind
 * of code (or written with a leading zero), so each such range warns once, with examples, for the
 * codes it meets (rows whose other columns match the rule).
 */
function warnRangeLengths(rules: CodingRule[], codes: readonly LedgerCodes[], log: ProblemLog): void {
  const byLength = digitCodesByLength(codes);
  for (const rule of rules) {
    for (const [key, column] of RULE_COLUMNS) {
      const range = rule[key];
      if (range.kind !== "range") continue;
      const shortest = Math.min(range.from.length, range.to.length);
      const longest = Math.max(range.from.length, range.to.length);
      const others = RULE_COLUMNS.filter(([k]) => k !== key).map(([k]) => [k, rule[k]] as [typeof k, MatchPattern]);
      // Only codes of all digits and another length can warn: those, in ledger order.
      const candidates: number[] = [];
      for (const [length, indices] of byLength[key]) if (length < shortest || length > longest) for (const i of indices) candidates.push(i);
      if (candidates.length === 0) continue;
      candidates.sort((a, b) => a - b);
      const odd = new Map<string, boolean>();
      for (const i of candidates) {
        const c = codes[i];
        const code = c[key];
        if (odd.has(code)) continue;
        if (others.every(([k, pattern]) => patternMatches(pattern, c[k]))) odd.set(code, patternMatches(range, code));
      }
      if (odd.size === 0) continue;
      const examples = (inside: boolean) => [...odd].filter(([, i]) => i === inside).slice(0, 3).map(([code]) => code).join(", ") || "–";
      log.warning("rangeCodeLength", { table: "Kodning", row: rule.row, column }, {
        range: patternText(range),
        digits: shortest === longest ? `${shortest}` : `${shortest}–${longest}`,
        count: odd.size,
        inside: examples(true),
        outside: examples(false),
      });
    }
  }
}

/** Per code column: the code combinations whose code there is all digits, grouped by its length. */
function digitCodesByLength(codes: readonly LedgerCodes[]): Record<(typeof RULE_COLUMNS)[number][0], Map<number, number[]>> {
  const out = { ansvar: new Map<number, number[]>(), verksamhet: new Map<number, number[]>(), aktivitet: new Map<number, number[]>(), konto: new Map<number, number[]>() };
  const digits = new Map<string, boolean>();
  codes.forEach((c, i) => {
    for (const [key] of RULE_COLUMNS) {
      const code = c[key];
      let isDigits = digits.get(code);
      if (isDigits === undefined) digits.set(code, (isDigits = DIGITS.test(code)));
      if (!isDigits) continue;
      const list = out[key].get(code.length);
      if (list) list.push(i);
      else out[key].set(code.length, [i]);
    }
  });
  return out;
}
