/**
 * Coding mistakes: rules shadowed by an earlier rule (proven from the patterns, or never reached on
 * this ledger), unused rules, and ledger rows that a later rule with another Till also matches.
 */
import fc from "fast-check";
import { patternMatches, parsePattern } from "../../src/engine/coding-patterns";
import type { CellValue, KpbResult, MatchPattern, WorkbookInput } from "../../src/engine/model";
import { reconciliationSheet, resultSheets } from "../../src/layouts";
import { runKpb } from "../../src/engine/run";
import { patternContains } from "../../src/engine/tracing/coding-check";
import { exempelbyTables } from "../../src/sample/exempelby";

function run(tables: Record<string, CellValue[][]>): KpbResult {
  const input = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { rows, sheet: name }])) as WorkbookInput;
  const outcome = runKpb(input);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.result;
}

describe("on the sample with two rules added at the bottom of Kodning", () => {
  const tables = exempelbyTables();
  const base = tables.Kodning.length; // sheet row of the last sample rule (header on row 1)
  tables.Kodning = [
    ...tables.Kodning,
    // Every row this can match (Ansvar 6210, Verksamhet 512, Konto 5110) the SABO_ROSEN rule matches: shadowed.
    ["6210", "512", "", "5110", "HT_NORR", ""],
    // Ansvar 6210 with Konto 5000-5999 under any Verksamhet is not contained in the SABO_ROSEN rule
    // (Verksamhet 512 only), but on this ledger all such rows carry 512: never reached.
    ["6210", "", "", "5000-5999", "SABO_LINDEN", ""],
  ];
  const shadowedRow = base + 1;
  const neverRow = base + 2;
  const result = run(tables);
  const byCode = (code: string) => result.problems.filter((p) => p.code === code);

  it("reports the shadowed rule with its row and the rule that shadows it", () => {
    const sabo = tables.Kodning.findIndex((r) => r[4] === "SABO_ROSEN") + 1;
    const shadowed = byCode("shadowedRule");
    expect(shadowed.map((p) => [p.table, p.row, p.severity])).toEqual([["Kodning", shadowedRow, "warning"]]);
    expect(shadowed[0].params.byRow).toBe(sabo);
    expect(shadowed[0].message).toContain(`rad ${sabo}`);
  });

  it("reports the rule that is never reached on this ledger, with the rows it would match", () => {
    const never = byCode("ruleNeverReached");
    expect(never.map((p) => [p.table, p.row])).toEqual([["Kodning", neverRow]]);
    // 3 staff accounts × 12 months on Rosenborg (5110, 5130, 5610).
    expect(never[0].params.count).toBe(36);
  });

  it("still reports the sample's unused rule (row 25) as unused, not as shadowed", () => {
    expect(byCode("unusedRule").map((p) => p.row)).toContain(25);
    expect(result.trace!.codingChecks.unused.map((i) => result.trace!.rules[i].row)).toEqual([25]);
    expect(result.trace!.codingChecks.shadowed.map((s) => [result.trace!.rules[s.rule].row, s.basis])).toEqual([
      [shadowedRow, "exact"],
      [neverRow, "ledger"],
    ]);
  });

  it("reports the fees excluded before their unit's rule as ambiguous, with the ledger rows", () => {
    const ambiguous = byCode("ambiguousCoding");
    expect(ambiguous).toHaveLength(1);
    const feeRows = tables.Ekonomi.map((r, i) => [r, i + 1] as const).filter(([r]) => r[3] === "3410").map(([, row]) => row);
    expect(ambiguous[0].table).toBe("Ekonomi");
    expect(ambiguous[0].row).toBe(feeRows[0]);
    expect(ambiguous[0].params.count).toBe(feeRows.length);
    expect(ambiguous[0].params.winnerRow).toBe(2);
    const pairs = result.trace!.codingChecks.ambiguous;
    expect(pairs.map((a) => result.trace!.rules[a.other].target)).toEqual(["HT_NORR", "HT_SODER", "HT_CENTRUM", "SABO_ROSEN", "SABO_LINDEN"]);
  });

  it("lists them in a block on KPB Avstämning, each ambiguous ledger row with its winning and other rule", () => {
    const sheet = reconciliationSheet(result);
    const block = sheet.blocks.find((b) => b.tableName === "KPB_Kodningskontroll")!;
    const kinds = block.rows.map((r) => r[0]);
    expect(kinds.filter((k) => k === "Skuggad regel")).toHaveLength(1);
    expect(kinds.filter((k) => k === "Nås aldrig på huvudboken")).toHaveLength(1);
    expect(kinds.filter((k) => k === "Oanvänd regel")).toHaveLength(1);
    const ambiguous = block.rows.filter((r) => r[0] === "Tvetydig kodning");
    expect(ambiguous).toHaveLength(20);
    const first = ambiguous[0];
    expect(first[1]).toBe(2); // winning rule row
    expect(first[3]).toBe("9"); // the HT_NORR rule's row
    expect(first[9]).toBe(`'Ekonomi'!A${first[5]}`);
    expect(block.rows.find((r) => r[0] === "Skuggad regel")![1]).toBe(shadowedRow);
    expect(block.linkColumns).toEqual([9]);
    expect(resultSheets(result, []).find((s) => s.name === "KPB Avstämning")!.blocks.map((b) => b.tableName)).toContain("KPB_Kodningskontroll");
  });
});

describe("ambiguity is about the order deciding the pool", () => {
  const tables = exempelbyTables();
  it("a catch-all fallback at the bottom and a same-Till overlap are not reported", () => {
    tables.Kodning = [
      ...tables.Kodning.slice(0, 2),
      ["6210", "512", "", "6*", "SABO_ROSEN", ""], // overlaps the SABO_ROSEN rule below with the same Till
      ...tables.Kodning.slice(2),
      ["", "", "", "", "EXKL", "Allt annat"], // wider than every rule above: a deliberate fallback
    ];
    const result = run(tables);
    const pairs = result.trace!.codingChecks.ambiguous.map((a) => [result.trace!.rules[a.winner].target, result.trace!.rules[a.other].target]);
    expect(pairs.every(([w]) => w === "EXKL")).toBe(true); // only the sample's fee exclusion remains
    expect(pairs.some(([, o]) => o === "EXKL")).toBe(false);
  });
});

describe("patternContains is sound: when it says a ⊇ b, every value b matches, a matches", () => {
  const code = fc.stringMatching(/^[0-9a]{0,5}$/);
  const patternText = fc.oneof(
    fc.constant(""),
    code,
    code.map((c) => `${c}*`),
    fc.tuple(fc.stringMatching(/^[0-9]{1,4}$/), fc.stringMatching(/^[0-9]{1,4}$/)).map(([a, b]) => `${a}-${b}`),
  );
  const pattern = patternText.map((t) => parsePattern(t)).filter((p): p is MatchPattern => p !== null);

  /** Values near the edges of b: its bounds, with a leading zero, a letter or a digit added. */
  const witnesses = (b: MatchPattern, suffixes: string[]): string[] => {
    const seeds = b.kind === "exact" ? [b.value] : b.kind === "prefix" ? [b.prefix] : b.kind === "range" ? [b.from, b.to] : [""];
    return seeds.flatMap((s) => [s, `0${s}`, `00${s}`, ...suffixes.map((x) => `${s}${x}`), s.slice(0, -1)]);
  };

  /** Pairs where a is often built from b (a prefix of its bounds, a range around them) so containment is tested where it is close. */
  const near = (b: MatchPattern) => {
    const seeds = b.kind === "exact" ? [b.value] : b.kind === "prefix" ? [b.prefix] : b.kind === "range" ? [b.from, b.to] : ["5"];
    const seed = seeds[0];
    return fc.oneof(
      fc.integer({ min: 0, max: seed.length }).map((k) => parsePattern(`${seed.slice(0, k)}*`)!),
      fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99 })).map(([lo, hi]) => {
        const digits = seeds.filter((x) => /^\d+$/.test(x)).map(Number);
        const from = Math.max(0, (digits.length ? Math.min(...digits) : 0) - lo);
        return parsePattern(`${from}-${(digits.length ? Math.max(...digits) : 0) + hi}`)!;
      }),
    );
  };
  const pairs = pattern.chain((b) => fc.tuple(fc.oneof(pattern, near(b)), fc.constant(b)));

  it("holds on random patterns and values", () => {
    fc.assert(
      fc.property(pairs, fc.array(code, { minLength: 20, maxLength: 40 }), ([a, b], values) => {
        if (!patternContains(a, b)) return true;
        return [...values, ...witnesses(b, values)].every((v) => !patternMatches(b, v) || patternMatches(a, v));
      }),
      { numRuns: 5000 },
    );
  });

  it("proves the containments an economist writes", () => {
    const p = (t: string) => parsePattern(t)!;
    expect(patternContains(p(""), p("5110"))).toBe(true);
    expect(patternContains(p("51*"), p("511*"))).toBe(true);
    expect(patternContains(p("51*"), p("5110"))).toBe(true);
    expect(patternContains(p("5000-5999"), p("5100-5199"))).toBe(true);
    expect(patternContains(p("5000-5999"), p("5110"))).toBe(true);
    expect(patternContains(p("511*"), p("51*"))).toBe(false);
    expect(patternContains(p("5*"), p("5000-5999"))).toBe(false); // "05500" is in the range, not under 5*
    expect(patternContains(p("900-5999"), p("1000-2000"))).toBe(false); // wider as numbers, not as text
  });
});
