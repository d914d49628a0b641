/**
 * Index decomposition: P = Σp·q ÷ Σp*·q, Q = Σp*·q ÷ Σp*·q*, and own ÷ benchmark cost per
 * inhabitant = P × Q exactly. Expected values are worked out by hand in the comments.
 */
import fc from "fast-check";
import { Dec } from "../../src/engine/decimal";
import { indexDecomposition, indexDecompositions, type IndexTerms } from "../../src/engine/benchmark/decomposition";
import type { PublishedLookup } from "../../src/engine/benchmark/lookup";
import { Rational } from "../../src/engine/benchmark/rational";
import type { CellValue } from "../../src/engine/model";
import { run, type Spec } from "./fixtures";

/*
 * Hemtjänst pool HT: 125 000 kr over 250 hours (500 kr/h): two clients 80+ with 120 h and 80 h,
 * one client aged 74 with 50 h. Särskilt boende SABO: 730 000 kr over 365 days (2 000 kr/dygn),
 * one client 80+. Inhabitants 80-w: 100, 65-79: 50.
 *
 * 80-w: p = (500, 2000), q = (200/100, 365/100) = (2, 3.65); Σp·q = 1 000 + 7 300 = 8 300 kr.
 * Benchmark p* = (400, 2500), q* = (4, 3): Σp*·q = 800 + 9 125 = 9 925; Σp*·q* = 1 600 + 7 500 = 9 100.
 * P = 8 300 / 9 925 = 332/397 = 0.836272040302…, Q = 9 925 / 9 100 = 397/364 = 1.090659340659…,
 * P × Q = 8 300 / 9 100 = 83/91 = 0.912087912088 (rounded to 12 decimals).
 */
const base = (benchmark: CellValue[][]): Spec => ({
  year: 2024,
  pools: [
    { id: "HT", insats: "Hemtjänst", costKr: 125_000 },
    { id: "SABO", insats: "Särskilt boende", costKr: 730_000 },
  ],
  clients: [
    { id: "H1", birthYear: 1930, pool: "HT", volume: 120 },
    { id: "H2", birthYear: 1940, pool: "HT", volume: 80 },
    { id: "H3", birthYear: 1950, pool: "HT", volume: 50 },
    { id: "S1", birthYear: 1935, pool: "SABO", volume: 365 },
  ],
  population: [
    ["0-19", 300],
    ["20-64", 500],
    ["65-79", 50],
    ["80-w", 100],
  ],
  benchmark,
});

const UNIT_COSTS: CellValue[][] = [
  ["hemtjanst_egen_kr_timme", 400, "Testsnitt", 2024, "Snitt"],
  ["sabo_egen_kr_dygn_inkl_hsl", 2500, "Testsnitt", 2024, "Snitt"],
];

function eighty(benchmark: CellValue[][], published?: PublishedLookup) {
  const result = run(base(benchmark));
  const d = indexDecompositions(result, result.benchmark, published).find((x) => x.area === "ÄO" && x.ageGroup === "80-w");
  if (!d) throw new Error("no decomposition for ÄO 80-w");
  return d;
}

describe("index decomposition on a run", () => {
  it("computes P, Q and the cost index by hand with volumes per inhabitant from the workbook", () => {
    const d = eighty([...UNIT_COSTS, ["volym_per_invanare:Hemtjänst:80-w", 4, "Testsnitt", 2024, ""], ["volym_per_invanare:Särskilt boende:80-w", 3, "Testsnitt", 2024, ""]]);
    expect(d.inhabitants).toBe(100);
    expect(d.ownCostPerInhabitant).toBe("8300.000000");
    expect(d.atBenchmarkUnitCost).toBe("9925.000000");
    expect(d.benchmarkCostPerInhabitant).toBe("9100.000000");
    expect(d.unitCostIndex).toBe("0.836272040302");
    expect(d.consumptionIndex).toBe("1.090659340659");
    expect(d.costIndex).toBe("0.912087912088");
    expect(d.coveredShare).toBe("1.000000");
    expect(d.excluded).toEqual([]);
    const ht = d.items.find((i) => i.insats === "Hemtjänst")!;
    expect([ht.unitCost, ht.volumePerInhabitant, ht.costPerInhabitant, ht.benchmarkUnitCost, ht.benchmarkVolumePerInhabitant, ht.benchmarkCostPerInhabitant]).toEqual([
      "500.000000",
      "2.000000",
      "1000.000000",
      "400.000000",
      "4.000000",
      "1600.000000",
    ]);
    expect(ht.volumeBasis).toBe("volym");
    expect(ht.unitCostSource?.origin).toBe("Jämförelse");
  });

  it("derives q* from the benchmark's cost per inhabitant ÷ p*, and takes the 80+ volume figures", () => {
    // 1 600 kr per inhabitant ÷ 400 kr/h = 4 h; sabo_dygn_per_inv_80 = 3 days.
    const d = eighty([...UNIT_COSTS, ["kostnad_per_invanare:ÄO/Hemtjänst:80-w", 1600, "Testsnitt", 2024, ""], ["sabo_dygn_per_inv_80", 3, "Testsnitt", 2024, ""]]);
    expect(d.items.find((i) => i.insats === "Hemtjänst")!.volumeBasis).toBe("kostnad_per_invanare");
    expect(d.items.find((i) => i.insats === "Hemtjänst")!.benchmarkVolumePerInhabitant).toBe("4.000000");
    expect(d.items.find((i) => i.insats === "Särskilt boende")!.volumeSource?.matchedId).toBe("sabo_dygn_per_inv_80");
    expect([d.unitCostIndex, d.consumptionIndex, d.costIndex]).toEqual(["0.836272040302", "1.090659340659", "0.912087912088"]);
  });

  it("derives q* from cost per client × share ÷ p* as the last resort", () => {
    // 16 000 kr per client × 10 % = 1 600 kr per inhabitant ÷ 400 = 4 h.
    const d = eighty([
      ...UNIT_COSTS,
      ["kostnad_per_brukare:ÄO/Hemtjänst:80-w", 16000, "", 2024, ""],
      ["andel_brukare:ÄO/Hemtjänst:80-w", 10, "", 2024, ""],
      ["volym_per_invanare:Särskilt boende:80-w", 3, "", 2024, ""],
    ]);
    const ht = d.items.find((i) => i.insats === "Hemtjänst")!;
    expect(ht.volumeBasis).toBe("kostnad_per_brukare_x_andel");
    expect(ht.benchmarkVolumePerInhabitant).toBe("4.000000");
    expect(d.costIndex).toBe("0.912087912088");
  });

  it("leaves an intervention without benchmark out of P and Q and says how much of the cost is covered", () => {
    // Only hemtjänst has p* and q*: P = 1 000 / (400 × 2) = 1.25, Q = 800 / 1 600 = 0.5; covered 1 000 / 8 300.
    const d = eighty([["hemtjanst_egen_kr_timme", 400, "", 2024, ""], ["volym_per_invanare:Hemtjänst:80-w", 4, "", 2024, ""]]);
    expect(d.excluded).toEqual(["Särskilt boende"]);
    expect(d.unitCostIndex).toBe("1.250000");
    expect(d.consumptionIndex).toBe("0.500000");
    expect(d.costIndex).toBe("0.625000");
    expect(d.coveredShare).toBe("0.120481927711"); // 10/83
  });

  it("uses the workbook's rows before the published averages, and the published ones when the workbook has none", () => {
    const values: Record<string, string> = { hemtjanst_egen_kr_timme: "999", sabo_egen_kr_dygn_inkl_hsl: "2500", hemtjanst_timmar_per_inv_80: "4", sabo_dygn_per_inv_80: "3" };
    const published: PublishedLookup = (id) => (values[id] ? { value: values[id], source: "Publicerat test", year: 2023 } : undefined);
    const workbookFirst = eighty([["hemtjanst_egen_kr_timme", 400, "", 2024, ""]], published);
    const ht = workbookFirst.items.find((i) => i.insats === "Hemtjänst")!;
    expect(ht.benchmarkUnitCost).toBe("400.000000");
    expect(ht.unitCostSource?.origin).toBe("Jämförelse");
    expect(ht.volumeSource?.origin).toBe("Publicerat");
    expect(workbookFirst.costIndex).toBe("0.912087912088");
    const onlyPublished = eighty([], published);
    expect(onlyPublished.items.find((i) => i.insats === "Hemtjänst")!.benchmarkUnitCost).toBe("999.000000");
  });

  it("keeps age groups apart: 65-79 has its own p and q and no q* here", () => {
    const result = run(base([...UNIT_COSTS, ["volym_per_invanare:Hemtjänst:80-w", 4, "", 2024, ""]]));
    const d = indexDecompositions(result, result.benchmark).find((x) => x.area === "ÄO" && x.ageGroup === "65-79")!;
    expect(d.items.map((i) => [i.insats, i.unitCost, i.volumePerInhabitant])).toEqual([["Hemtjänst", "500.000000", "1.000000"]]);
    expect(d.unitCostIndex).toBeNull();
    expect(d.excluded).toEqual(["Hemtjänst"]);
  });
});

const positive = fc.record({ n: fc.integer({ min: 1, max: 5_000_000 }), d: fc.integer({ min: 1, max: 10_000 }) }).map(({ n, d }) => Rational.of(n, d));
const nonNegative = fc.record({ n: fc.integer({ min: 0, max: 5_000_000 }), d: fc.integer({ min: 1, max: 10_000 }) }).map(({ n, d }) => Rational.of(n, d));
const termsArb = fc
  .array(fc.record({ p: positive, q: nonNegative, pStar: positive, qStar: positive }), { minLength: 1, maxLength: 8 })
  .filter((ts) => ts.some((t) => !t.q.isZero()));

describe("index decomposition properties (exact rationals)", () => {
  it("own ÷ benchmark cost per inhabitant = P × Q exactly", () => {
    fc.assert(
      fc.property(termsArb, (terms: IndexTerms[]) => {
        const x = indexDecomposition(terms);
        const own = terms.reduce((a, t) => a.plus(t.p.times(t.q)), Rational.ZERO);
        const bench = terms.reduce((a, t) => a.plus(t.pStar.times(t.qStar)), Rational.ZERO);
        expect(x.unitCostIndex!.times(x.consumptionIndex!).equals(x.costIndex!)).toBe(true);
        expect(x.costIndex!.equals(own.div(bench))).toBe(true);
        // In 40-digit decimals (what the strings are made from) they agree to about 36 digits.
        const product = new Dec(x.unitCostIndex!.toDec()).times(x.consumptionIndex!.toDec());
        expect(product.minus(x.costIndex!.toDec()).abs().lessThanOrEqualTo(x.costIndex!.toDec().times("1e-36"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("P = 1 when own unit costs equal the benchmark's, Q = 1 when own volumes do", () => {
    fc.assert(
      fc.property(termsArb, (terms: IndexTerms[]) => {
        expect(indexDecomposition(terms.map((t) => ({ ...t, p: t.pStar }))).unitCostIndex!.equals(Rational.ONE)).toBe(true);
        expect(indexDecomposition(terms.map((t) => ({ ...t, q: t.qStar }))).consumptionIndex!.equals(Rational.ONE)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("doubling every own unit cost doubles P and leaves Q alone", () => {
    fc.assert(
      fc.property(termsArb, (terms: IndexTerms[]) => {
        const a = indexDecomposition(terms);
        const b = indexDecomposition(terms.map((t) => ({ ...t, p: t.p.times(Rational.of(2)) })));
        expect(b.unitCostIndex!.equals(a.unitCostIndex!.times(Rational.of(2)))).toBe(true);
        expect(b.consumptionIndex!.equals(a.consumptionIndex!)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("on random runs, Σp·q over the interventions is the row's own cost per inhabitant", () => {
    const arb = fc.record({
      ht: fc.array(fc.record({ birth: fc.integer({ min: 1920, max: 1960 }), hours: fc.integer({ min: 1, max: 2000 }) }), { minLength: 1, maxLength: 12 }),
      sabo: fc.array(fc.record({ birth: fc.integer({ min: 1920, max: 1960 }), days: fc.integer({ min: 1, max: 366 }) }), { minLength: 1, maxLength: 8 }),
      htOre: fc.integer({ min: 100_000, max: 2_000_000_000 }),
      saboOre: fc.integer({ min: 100_000, max: 5_000_000_000 }),
      pop: fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })),
    });
    fc.assert(
      fc.property(arb, (s) => {
        const benchmark: CellValue[][] = [...UNIT_COSTS];
        for (const g of ["65-79", "80-w"]) benchmark.push([`volym_per_invanare:Hemtjänst:${g}`, 3, "", 2024, ""], [`volym_per_invanare:Särskilt boende:${g}`, 2.5, "", 2024, ""]);
        benchmark.push(["volym_per_invanare:Hemtjänst", 1, "", 2024, ""], ["volym_per_invanare:Särskilt boende", 0.5, "", 2024, ""]);
        const result = run({
          year: 2024,
          pools: [
            { id: "HT", insats: "Hemtjänst", costKr: s.htOre / 100 },
            { id: "SABO", insats: "Särskilt boende", costKr: s.saboOre / 100 },
          ],
          clients: [...s.ht.map((c, i) => ({ id: `H${i}`, birthYear: c.birth, pool: "HT", volume: c.hours })), ...s.sabo.map((c, i) => ({ id: `S${i}`, birthYear: c.birth, pool: "SABO", volume: c.days }))],
          population: [["65-79", s.pop[0]], ["80-w", s.pop[1]]],
          benchmark,
        });
        const decompositions = indexDecompositions(result, result.benchmark);
        for (const row of result.consumption.filter((r) => r.inhabitants > 0 && r.clients > 0)) {
          const d = decompositions.find((x) => x.area === row.area && x.ageGroup === row.ageGroup)!;
          const exact = Rational.of(row.costOre, 100 * row.inhabitants);
          expect(d.ownCostPerInhabitant).toBe(exact.toString());
          expect(d.coveredShare).toBe("1.000000");
          // The strings carry 12 decimals: P × Q matches the cost index within that rounding.
          const [P, Q] = [new Dec(d.unitCostIndex!), new Dec(d.consumptionIndex!)];
          expect(P.times(Q).minus(d.costIndex!).abs().lessThanOrEqualTo(P.plus(Q).plus(1).times("1e-12"))).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});

