import { patternMatches, patternText } from "../coding-patterns";
import type { CodingRule, LedgerRow, MatchPattern } from "../model";
import { addOre, oreToSwedish } from "../money";
import type { ProblemLog } from "../problems";
import { allMatchesIndexed, indexRules } from "../rule-index";
import type { AmbiguousCoding, CodingChecks, ShadowedRule } from "./types";

/**
 * Checks of the coding rules against each other and against the ledger. It only reads the rules,
 * the ledger and which rule coded each row (coding.ts stays the authority on matching).
 */

const isDigits = (s: string) => /^\d+$/.test(s);
const numLe = (a: string, b: string) => BigInt(a) <= BigInt(b);

/**
 * Does pattern `a` match every value that pattern `b` matches? Sound: true only when proven.
 * Ranges compare digit strings as numbers and anything else as text (coding-patterns.ts), so a
 * range contains another only when its bounds are wider both as numbers and as text; a prefix
 * never provably contains a range (`05500` is in 5000-5999 but does not start with 5).
 */
export function patternContains(a: MatchPattern, b: MatchPattern): boolean {
  if (a.kind === "any") return true;
  switch (b.kind) {
    case "any":
      return false;
    case "exact":
      return patternMatches(a, b.value);
    case "prefix":
      return a.kind === "prefix" && b.prefix.startsWith(a.prefix);
    case "range":
      if (a.kind !== "range") return false;
      if (![a.from, a.to, b.from, b.to].every(isDigits)) return false;
      return numLe(a.from, b.from) && a.from <= b.from && numLe(b.to, a.to) && b.to <= a.to;
  }
}

const COLUMNS = ["ansvar", "verksamhet", "aktivitet", "konto"] as const;

/** Rule `a` matches every row that rule `b` matches. */
export function ruleContains(a: CodingRule, b: CodingRule): boolean {
  return COLUMNS.every((c) => patternContains(a[c], b[c]));
}

/**
 * Shadowed rules (exactly, from the patterns; else "never reached on this ledger"), rules that
 * match nothing, and rows a later rule with another Till would also have matched. Each distinct
 * code combination is matched against all rules once.
 */
export function analyseCoding(ledger: LedgerRow[], rules: CodingRule[], ruleOfRow: Int32Array, codeOfRow?: Int32Array): CodingChecks {
  const n = rules.length;
  const hits = new Array<number>(n).fill(0);
  for (let i = 0; i < ruleOfRow.length; i++) if (ruleOfRow[i] >= 0) hits[ruleOfRow[i]]++;

  // Exact shadowing: an earlier rule contains this one in every column. An exact Ansvar contains
  // only the same exact Ansvar, so only those earlier rules and the ones without an exact Ansvar
  // are compared (in rule order), not every pair.
  const exactBy: number[][] = rules.map(() => []);
  const byExactAnsvar = new Map<string, number[]>();
  const notExactAnsvar: number[] = [];
  for (let i = 0; i < n; i++) {
    const ansvar = rules[i].ansvar;
    const same = ansvar.kind === "exact" ? byExactAnsvar.get(ansvar.value) ?? [] : [];
    for (let a = 0, b = 0; a < same.length || b < notExactAnsvar.length; ) {
      const j = b >= notExactAnsvar.length || (a < same.length && same[a] < notExactAnsvar[b]) ? same[a++] : notExactAnsvar[b++];
      if (ruleContains(rules[j], rules[i])) exactBy[i].push(j);
    }
    if (ansvar.kind !== "exact") notExactAnsvar.push(i);
    else if (byExactAnsvar.has(ansvar.value)) byExactAnsvar.get(ansvar.value)!.push(i);
    else byExactAnsvar.set(ansvar.value, [i]);
  }
  // A later rule is a deliberate fallback of the winner when it contains it (specific before general).
  const fallbackCache = new Map<number, boolean>();
  const isFallback = (winner: number, other: number) => {
    const key = winner * n + other;
    let v = fallbackCache.get(key);
    if (v === undefined) fallbackCache.set(key, (v = ruleContains(rules[other], rules[winner])));
    return v;
  };

  const matchingRows = new Array<number>(n).fill(0);
  const matchingOre = new Array<number>(n).fill(0);
  const winnersOf = new Map<number, Set<number>>();
  const pairs = new Map<number, { rows: number[]; amountOre: number }>();
  const memo = new Map<string | number, number[]>();
  const index = indexRules(rules);
  for (let i = 0; i < ledger.length; i++) {
    const row = ledger[i];
    const winner = ruleOfRow[i];
    if (winner < 0) continue;
    // The code combination: its number from the lineage when given (no string per row), else its text.
    const key = codeOfRow ? codeOfRow[i] : `${row.ansvar}\u0000${row.verksamhet}\u0000${row.aktivitet}\u0000${row.konto}`;
    let later = memo.get(key);
    if (later === undefined) {
      // The later rules that also match, found through the rule index (in rule order).
      later = allMatchesIndexed(index, row).filter((k) => k > winner);
      memo.set(key, later);
    }
    for (const k of later) {
      matchingRows[k]++;
      matchingOre[k] = addOre(matchingOre[k], row.amountOre);
      if (hits[k] === 0) {
        let w = winnersOf.get(k);
        if (!w) winnersOf.set(k, (w = new Set()));
        w.add(winner);
        continue;
      }
      if (rules[k].target === rules[winner].target || isFallback(winner, k)) continue;
      const pairKey = winner * n + k;
      let pair = pairs.get(pairKey);
      if (!pair) pairs.set(pairKey, (pair = { rows: [], amountOre: 0 }));
      pair.rows.push(i);
      pair.amountOre = addOre(pair.amountOre, row.amountOre);
    }
  }

  const shadowed: ShadowedRule[] = [];
  const unused: number[] = [];
  for (let i = 0; i < n; i++) {
    if (hits[i] > 0) continue;
    if (exactBy[i].length > 0) {
      shadowed.push({ rule: i, basis: "exact", byRules: exactBy[i], matchingRows: matchingRows[i], matchingOre: matchingOre[i] });
    } else if (matchingRows[i] > 0) {
      const by = [...(winnersOf.get(i) ?? [])].sort((a, b) => a - b);
      shadowed.push({ rule: i, basis: "ledger", byRules: by, matchingRows: matchingRows[i], matchingOre: matchingOre[i] });
    } else unused.push(i);
  }
  const ambiguous: AmbiguousCoding[] = [...pairs]
    .map(([key, p]) => ({ winner: Math.floor(key / n), other: key % n, rows: Int32Array.from(p.rows), amountOre: p.amountOre }))
    .sort((a, b) => a.winner - b.winner || a.other - b.other);
  return { shadowed, unused, ambiguous };
}

/** "17, 18, 25 och 12 till" (Swedish) or "17, 18, 25 and 12 more". */
export function rowList(rows: ArrayLike<number>, language: "sv" | "en" = "sv", max = 10): string {
  const shown = Array.from({ length: Math.min(max, rows.length) }, (_, i) => rows[i]).join(", ");
  if (rows.length <= max) return shown;
  return `${shown} ${language === "sv" ? "och" : "and"} ${rows.length - max} ${language === "sv" ? "till" : "more"}`;
}

/** The checks as warnings, with the rule rows and ledger rows they concern. */
export function reportCodingChecks(
  checks: CodingChecks,
  rules: CodingRule[],
  ledgerSheetRows: ArrayLike<number>,
  ledgerAmountOre: ArrayLike<number>,
  log: ProblemLog,
): void {
  const pattern = (r: CodingRule) => COLUMNS.map((c) => patternText(r[c]) || "*").join(" | ");
  for (const s of checks.shadowed) {
    const rule = rules[s.rule];
    const place = { table: "Kodning" as const, row: rule.row, column: "Till" };
    const by = s.byRules.map((j) => rules[j]);
    if (s.basis === "exact") {
      log.warning("shadowedRule", place, {
        target: rule.target,
        pattern: pattern(rule),
        byRow: by[0].row,
        byTarget: by[0].target,
        byRows: by.map((r) => r.row).join(", "),
      });
    } else {
      log.warning("ruleNeverReached", place, {
        target: rule.target,
        pattern: pattern(rule),
        count: s.matchingRows,
        amount: oreToSwedish(s.matchingOre),
        byRows: by.map((r) => r.row).join(", "),
      });
    }
  }
  // One warning per winning rule: the rows it takes that later rules (with another Till) also match.
  const byWinner = new Map<number, AmbiguousCoding[]>();
  for (const a of checks.ambiguous) {
    const list = byWinner.get(a.winner);
    if (list) list.push(a);
    else byWinner.set(a.winner, [a]);
  }
  for (const [w, list] of byWinner) {
    const winner = rules[w];
    const indices = [...new Set(list.flatMap((a) => Array.from(a.rows)))].sort((x, y) => x - y);
    const amount = indices.reduce((sum, i) => addOre(sum, ledgerAmountOre[i]), 0);
    const sheetRows = indices.map((i) => ledgerSheetRows[i]);
    log.warning("ambiguousCoding", { table: "Ekonomi", row: sheetRows[0], column: null }, {
      count: indices.length,
      rows: rowList(sheetRows),
      amount: oreToSwedish(amount),
      winnerRow: winner.row,
      winnerTarget: winner.target,
      others: list.map((a) => `${rules[a.other].row} (${rules[a.other].target}, ${a.rows.length})`).join(", "),
    });
  }
}
