/**
 * The optimised engine gives IDENTICAL results to the straightforward path it replaced.
 *
 * The reference run loads the engine with every optimised piece swapped for its straightforward
 * version (test/reference/straightforward.ts): linear first-match coding with BigInt code
 * comparison, a Decimal per cell (no number fast paths), one string key per client row, one pass
 * over the clients per area × age group and per hemtjänst pool. Both runs must give the same
 * resultJson, the same coding checks and the same result layouts, byte for byte, on S and M.
 * The pieces that cannot be swapped from outside (table-reader, the PNR prefilter, the shadowing
 * pre-selection) are checked against their definitions with properties below.
 */
import fc from "fast-check";
import type { TableName, WorkbookInput } from "../../src/engine/model";
import { syntheticTables, type SyntheticSize } from "../../src/sample/synthetic";

jest.setTimeout(600_000);

const ENGINE = "../../src/engine";
const REF = "../reference/straightforward";

type Engine = {
  runKpb: typeof import("../../src/engine/run").runKpb;
  resultJson: typeof import("../../src/layouts").resultJson;
  resultSheets: typeof import("../../src/layouts").resultSheets;
};

/** Calls of each swapped-in reference function: proof that the reference run really used them. */
const referenceCalls: Record<string, number> = {};

function loadEngine(reference: boolean): Engine {
  let engine!: Engine;
  jest.isolateModules(() => {
    if (reference) {
      // Lazy wrappers: the reference module itself imports some of the mocked modules.
      const ref = () => jest.requireActual(REF);
      const via = (name: string) => (...a: unknown[]) => {
        referenceCalls[name] = (referenceCalls[name] ?? 0) + 1;
        return ref()[name](...a);
      };
      jest.doMock(`${ENGINE}/rule-index`, () => ({
        ...jest.requireActual(`${ENGINE}/rule-index`),
        firstMatchIndexed: via("firstMatchLinear"),
        allMatchesIndexed: via("allMatchesLinear"),
      }));
      jest.doMock(`${ENGINE}/coding-patterns`, () => ({
        ...jest.requireActual(`${ENGINE}/coding-patterns`),
        patternMatches: via("patternMatchesReference"),
      }));
      jest.doMock(`${ENGINE}/fast-number`, () => ({
        fastMicro: () => ((referenceCalls.fastMicro = (referenceCalls.fastMicro ?? 0) + 1), null),
        fastOre: () => ((referenceCalls.fastOre = (referenceCalls.fastOre ?? 0) + 1), null),
      }));
      jest.doMock(`${ENGINE}/cells`, () => ({
        ...jest.requireActual(`${ENGINE}/cells`),
        readInteger: via("readIntegerReference"),
        readPeriod: via("readPeriodReference"),
      }));
      jest.doMock(`${ENGINE}/client-costs`, () => ({
        ...jest.requireActual(`${ENGINE}/client-costs`),
        aggregateVolumes: via("aggregateVolumesReference"),
      }));
      jest.doMock(`${ENGINE}/key-figures`, () => ({
        ...jest.requireActual(`${ENGINE}/key-figures`),
        consumptionRows: via("consumptionRowsReference"),
        hourBands: via("hourBandsReference"),
        volumePerInhabitantFigures: via("volumePerInhabitantFiguresReference"),
      }));
    }
    engine = {
      runKpb: require(`${ENGINE}/run`).runKpb,
      resultJson: require("../../src/layouts").resultJson,
      resultSheets: require("../../src/layouts").resultSheets,
    };
  });
  return engine;
}

function toInput(tables: Record<string, unknown[][]>): WorkbookInput {
  const input: WorkbookInput = {};
  for (const [name, rows] of Object.entries(tables)) input[name as TableName] = { rows: rows as never, sheet: name };
  return input;
}

function everything(engine: Engine, size: SyntheticSize) {
  const outcome = engine.runKpb(toInput(syntheticTables(size)), { pseudonymSecret: "identical" });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  const { result } = outcome;
  return {
    json: JSON.stringify(engine.resultJson(result)),
    checks: JSON.stringify(result.trace?.codingChecks ?? null, (_k, v) => (v instanceof Int32Array ? Array.from(v) : v)),
    coding: JSON.stringify({ rules: Array.from(result.coding.ruleOfRow), hits: result.coding.ruleHits }),
    extra: JSON.stringify({ hourBands: result.hourBands, consumption: result.consumption, flows: result.flows, problems: result.problems }),
    // One fixed run time: both runs would otherwise show the clock, and differ across a minute.
    layouts: JSON.stringify(engine.resultSheets(result, result.benchmark, { runTime: "2025-01-15 09:00" })),
  };
}

function expectSame(a: string, b: string, what: string): void {
  if (a === b) return;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  throw new Error(`${what} differs at character ${i}:\n optimised: …${a.slice(Math.max(0, i - 120), i + 120)}\n reference: …${b.slice(Math.max(0, i - 120), i + 120)}`);
}

describe("optimised engine = straightforward reference", () => {
  const optimised = loadEngine(false);
  const reference = loadEngine(true);


  for (const size of ["S", "M"] as const) {
    it(`gives identical results on ${size}`, () => {
      const a = everything(optimised, size);
      const b = everything(reference, size);
      expectSame(a.json, b.json, `resultJson (${size})`);
      expectSame(a.coding, b.coding, `coding lineage (${size})`);
      expectSame(a.checks, b.checks, `coding checks (${size})`);
      expectSame(a.extra, b.extra, `hour bands, consumption, flows, problems (${size})`);
      expectSame(a.layouts, b.layouts, `result layouts (${size})`);
    });
  }

  it("the reference run really went through every straightforward piece", () => {
    for (const name of [
      "firstMatchLinear",
      "allMatchesLinear",
      "patternMatchesReference",
      "readIntegerReference",
      "readPeriodReference",
      "aggregateVolumesReference",
      "consumptionRowsReference",
      "hourBandsReference",
      "volumePerInhabitantFiguresReference",
      "fastMicro",
      "fastOre",
    ]) {
      expect({ [name]: referenceCalls[name] ?? 0 }).toEqual({ [name]: expect.any(Number) });
      expect({ [name]: referenceCalls[name] > 0 }).toEqual({ [name]: true });
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Properties of the pieces one by one, on inputs far nastier than a real ledger.

describe("optimised pieces against their definitions", () => {
  const { indexRules, firstMatchIndexed, allMatchesIndexed } = jest.requireActual(`${ENGINE}/rule-index`) as typeof import("../../src/engine/rule-index");
  const ref = jest.requireActual(REF) as typeof import("../reference/straightforward");
  const { compareCodes, patternMatches } = jest.requireActual(`${ENGINE}/coding-patterns`) as typeof import("../../src/engine/coding-patterns");
  const { fastMicro, fastOre } = jest.requireActual(`${ENGINE}/fast-number`) as typeof import("../../src/engine/fast-number");
  const cells = jest.requireActual(`${ENGINE}/cells`) as typeof import("../../src/engine/cells");
  const { Dec } = jest.requireActual(`${ENGINE}/decimal`) as typeof import("../../src/engine/decimal");
  const privacy = jest.requireActual(`${ENGINE}/privacy`) as typeof import("../../src/engine/privacy");
  const { analyseCoding, ruleContains } = jest.requireActual(`${ENGINE}/tracing/coding-check`) as typeof import("../../src/engine/tracing/coding-check");
  type Pattern = import("../../src/engine/model").MatchPattern;
  type Rule = import("../../src/engine/model").CodingRule;

  const code = fc.constantFrom("", "0", "1", "5", "51", "510", "5100", "0510", "61", "6110", "61101", "A", "A1", "10", "100", "099", "9");
  const pattern: fc.Arbitrary<Pattern> = fc.oneof(
    fc.constant<Pattern>({ kind: "any" }),
    code.map((value): Pattern => ({ kind: "exact", value })),
    code.filter((c) => c !== "").map((prefix): Pattern => ({ kind: "prefix", prefix })),
    fc.tuple(fc.constantFrom("0", "5", "10", "099", "500", "5000", "6100"), fc.constantFrom("9", "51", "100", "5999", "6199", "99999")).map(([from, to]): Pattern => ({ kind: "range", from, to })),
  );
  const rule: fc.Arbitrary<Omit<Rule, "row" | "order">> = fc.record({
    ansvar: pattern,
    verksamhet: pattern,
    aktivitet: pattern,
    konto: pattern,
    target: fc.constantFrom("P1", "P2", "EXKL"),
    reason: fc.constant(""),
  });
  const rules = fc.array(rule, { maxLength: 40 }).map((list) => list.map((r, i): Rule => ({ ...r, row: i + 2, order: i })));
  const row = fc.record({ ansvar: code, verksamhet: code, aktivitet: code, konto: code });

  it("the rule index finds the first (and every) matching rule, exactly as a scan of all rules", () => {
    fc.assert(
      fc.property(rules, fc.array(row, { minLength: 1, maxLength: 20 }), (list, rows) => {
        const index = indexRules(list);
        for (const r of rows) {
          expect(firstMatchIndexed(index, r)).toBe(ref.firstMatchLinear(index, r));
          expect(allMatchesIndexed(index, r)).toEqual(ref.allMatchesLinear(index, r));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("codes compare as BigInt numbers do", () => {
    const digits = fc.stringMatching(/^[0-9]{1,25}$/);
    fc.assert(
      fc.property(fc.oneof(digits, fc.string()), fc.oneof(digits, fc.string()), (a, b) => {
        const range: Pattern = { kind: "range", from: a, to: b };
        for (const v of [a, b, "0", "5000", `${a}0`]) expect(patternMatches(range, v)).toBe(ref.patternMatchesReference(range, v));
        expect(Math.sign(compareCodes(a, b))).toBe(ref.compareCodesBigInt(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it("number fast paths give what the Decimal path gives, or step aside", () => {
    const decimals = fc
      .tuple(fc.integer({ min: -4_000_000_000_000_000, max: 4_000_000_000_000_000 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: -3, max: 3 }))
      .map(([i, k, nudge]) => {
        const x = i / 10 ** k;
        // A neighbour of a short decimal, one or a few doubles away: must not pass for it.
        return nudge === 0 ? x : x + nudge * Number.EPSILON * Math.max(1, Math.abs(x));
      });
    const numbers = fc.oneof(
      decimals,
      fc.double({ noNaN: false }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
      fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 1e6),
      fc.constantFrom(0, -0, 1e-7, 1e-6, 1.5e21, 123456789012345.6, 0.1 + 0.2, 1e14, 1e12 + 0.01, -1e12 - 0.01, 3_999_999_999.999999, 4e9, 39_999_999_999_999.99, 4e13, 0.000001 + 1e-22),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        const micro = fastMicro(n);
        if (micro !== null) {
          const exact = new Dec(n).times(1_000_000);
          expect(exact.isInteger()).toBe(true);
          expect(micro).toBe(exact.toNumber());
          expect(micro).toBeGreaterThan(0);
        }
        const ore = fastOre(n, 1e14);
        if (ore !== null) {
          const exact = new Dec(n).times(100);
          expect(exact.isInteger()).toBe(true);
          expect(Object.is(ore, exact.toNumber())).toBe(true);
          expect(Math.abs(ore)).toBeLessThanOrEqual(1e14);
        }
        expect(cells.readInteger(n)).toEqual(ref.readIntegerReference(n));
      }),
      { numRuns: 20000 },
    );
  });

  it("periods read as before", () => {
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`),
      fc.string({ maxLength: 10 }),
      fc.constantFrom("2024-01", " 2024-01", "2024-1", "2024-13", "2024-00", "202401", "2024-01-15", "2024/02"),
    );
    fc.assert(fc.property(text, (t) => expect(cells.readPeriod(t)).toEqual(ref.readPeriodReference(t))), { numRuns: 3000 });
  });

  it("the personnummer prefilter never hides one", () => {
    const piece = fc.constantFrom("19450312-1234", "450312+1234", "194503121234", "20121212-1212", "991361-1234", " ", "-", "+", "x", "12", "1234567", "Utbetalning ");
    const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const expected = t.length >= 10 && (privacy.looksLikePersonalIdentityNumber(t) || privacy.redactPersonalIdentityNumbers(t, () => "\u0001") !== t);
        expect(privacy.containsPersonalIdentityNumber(t)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("exact shadowing is found among the preselected rules exactly as among all pairs", () => {
    fc.assert(
      fc.property(rules, fc.array(row, { maxLength: 30 }), (list, rows) => {
        const ledger = rows.map((r, i) => ({ ...r, row: i + 2, amountOre: 100 * (i + 1), text: "" }));
        const index = indexRules(list);
        const ruleOfRow = Int32Array.from(ledger.map((r) => ref.firstMatchLinear(index, r)));
        const checks = analyseCoding(ledger, list, ruleOfRow);
        for (const s of checks.shadowed.filter((x) => x.basis === "exact")) {
          const all = list.map((_, j) => j).filter((j) => j < s.rule && ruleContains(list[j], list[s.rule]));
          expect(s.byRules).toEqual(all);
        }
        const exactly = new Set(checks.shadowed.filter((x) => x.basis === "exact").map((x) => x.rule));
        const hits = new Set(Array.from(ruleOfRow));
        list.forEach((_, i) => {
          if (hits.has(i) || exactly.has(i)) return;
          expect(list.some((r, j) => j < i && ruleContains(r, list[i]))).toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });
});
