import { patternMatches } from "./coding-patterns";
import type { CodingRule, LedgerRow } from "./model";

/**
 * The coding rules indexed so that finding a ledger row's rule is not a scan of every rule.
 * FIRST MATCHING RULE FROM THE TOP still wins: each rule sits in exactly one list (bucketed by an
 * exact code, else by an exact prefix, else in the general list), every list keeps the rules in
 * their order, and a row's rule is the lowest-numbered full match over the few lists the row's
 * codes can reach. A rule outside those lists cannot match the row: its bucket's code differs.
 */
type Column = "konto" | "ansvar" | "verksamhet" | "aktivitet";

/** Bucketing preference: the columns whose exact codes are most specific in practice first. */
const COLUMNS: Column[] = ["ansvar", "konto", "verksamhet", "aktivitet"];

export interface RuleIndex {
  rules: CodingRule[];
  exact: Map<string, number[]>[];
  prefix: Map<string, number[]>[];
  /** Distinct prefix lengths per column, to look a row's code up once per length. */
  prefixLengths: number[][];
  /** Rules with neither an exact code nor a prefix (any, ranges): checked for every row. */
  general: number[];
}

function push(map: Map<string, number[]>, key: string, rule: number): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

export function indexRules(rules: CodingRule[]): RuleIndex {
  const exact = COLUMNS.map(() => new Map<string, number[]>());
  const prefix = COLUMNS.map(() => new Map<string, number[]>());
  const lengths = COLUMNS.map(() => new Set<number>());
  const general: number[] = [];
  rules.forEach((rule, i) => {
    const e = COLUMNS.findIndex((c) => rule[c].kind === "exact");
    if (e >= 0) return push(exact[e], (rule[COLUMNS[e]] as { value: string }).value, i);
    const p = COLUMNS.findIndex((c) => rule[c].kind === "prefix");
    if (p >= 0) {
      const text = (rule[COLUMNS[p]] as { prefix: string }).prefix;
      lengths[p].add(text.length);
      return push(prefix[p], text, i);
    }
    general.push(i);
  });
  return { rules, exact, prefix, prefixLengths: lengths.map((s) => [...s].sort((a, b) => a - b)), general };
}

function matchesAll(rule: CodingRule, row: Pick<LedgerRow, Column>): boolean {
  return (
    patternMatches(rule.konto, row.konto) &&
    patternMatches(rule.ansvar, row.ansvar) &&
    patternMatches(rule.verksamhet, row.verksamhet) &&
    patternMatches(rule.aktivitet, row.aktivitet)
  );
}

/** Index of the first rule (from the top) that matches the row, or -1. */
export function firstMatchIndexed(index: RuleIndex, row: Pick<LedgerRow, Column>): number {
  let best = Number.MAX_SAFE_INTEGER;
  const scan = (list: number[] | undefined) => {
    if (!list) return;
    for (const i of list) {
      if (i >= best) return;
      if (matchesAll(index.rules[i], row)) {
        best = i;
        return;
      }
    }
  };
  for (let c = 0; c < COLUMNS.length; c++) {
    const value = row[COLUMNS[c]];
    scan(index.exact[c].get(value));
    for (const length of index.prefixLengths[c]) {
      if (length > value.length) break;
      scan(index.prefix[c].get(value.slice(0, length)));
    }
  }
  scan(index.general);
  return best === Number.MAX_SAFE_INTEGER ? -1 : best;
}

/** Every rule that matches the row, in rule order (for the coding checks). */
export function allMatchesIndexed(index: RuleIndex, row: Pick<LedgerRow, Column>): number[] {
  const out: number[] = [];
  const collect = (list: number[] | undefined) => {
    if (list) for (const i of list) if (matchesAll(index.rules[i], row)) out.push(i);
  };
  for (let c = 0; c < COLUMNS.length; c++) {
    const value = row[COLUMNS[c]];
    collect(index.exact[c].get(value));
    for (const length of index.prefixLengths[c]) {
      if (length > value.length) break;
      collect(index.prefix[c].get(value.slice(0, length)));
    }
  }
  collect(index.general);
  return out.sort((a, b) => a - b);
}
