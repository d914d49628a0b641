/**
 * Cost per inhabitant = cost per client × share of clients, with the counterfactuals at the
 * benchmark's cost per client, share and cost per inhabitant, and the per-inhabitant potential.
 */
import { compareConsumption } from "../../src/engine/benchmark/consumption";
import { inhabitantPotential } from "../../src/engine/benchmark/potential";
import type { CellValue } from "../../src/engine/model";
import { run, type Spec } from "./fixtures";

/*
 * ÄO 80-w: H1 (120 h) and H2 (80 h) in hemtjänst at 500 kr/h, S1 (365 dygn) in SÄBO at 2 000 kr/dygn:
 * three clients costing 60 000 + 40 000 + 730 000 = 830 000 kr; 100 inhabitants.
 * Own: per inhabitant 8 300, per client 276 666,67, share 3 %.
 */
const spec = (benchmark: CellValue[][]): Spec => ({
  year: 2024,
  pools: [
    { id: "HT", insats: "Hemtjänst", costKr: 100_000 },
    { id: "SABO", insats: "Särskilt boende", costKr: 730_000 },
  ],
  clients: [
    { id: "H1", birthYear: 1930, pool: "HT", volume: 120 },
    { id: "H2", birthYear: 1940, pool: "HT", volume: 80 },
    { id: "S1", birthYear: 1935, pool: "SABO", volume: 365 },
  ],
  population: [["80-w", 100]],
  benchmark,
});

const row80 = (benchmark: CellValue[][]) => {
  const result = run(spec(benchmark));
  return compareConsumption(result, result.benchmark, undefined).find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!;
};

describe("consumption comparison", () => {
  it("gives own per inhabitant = per client × share, and the benchmark's share derived from its two figures", () => {
    // Benchmark 9 100 per inhabitant and 200 000 per client: share 9 100 / 200 000 = 4,55 %.
    const r = row80([
      ["kostnad_per_invanare:ÄO:80-w", 9100, "Snitt", 2024, ""],
      ["kostnad_per_brukare:ÄO:80-w", 200000, "Snitt", 2024, ""],
    ]);
    expect([r.inhabitants, r.clients, r.cost]).toEqual([100, 3, "830000.000000"]);
    expect(r.costPerInhabitant).toBe("8300.000000");
    expect(r.costPerClient).toBe("276666.666666666667");
    expect(r.clientShare).toBe("3.000000");
    expect(r.derived).toBe("andel_brukare");
    expect(r.benchmarkClientShare).toBe("4.550000");
    expect(r.indexPerInhabitant).toBe("0.912087912088"); // 8 300 / 9 100 = 83/91
    expect(r.indexPerClient).toBe("1.383333333333"); // 276 666,67 / 200 000
    expect(r.indexShare).toBe("0.659340659341"); // 3 / 4,55 = 60/91
  });

  it("computes the three counterfactuals by hand", () => {
    const r = row80([
      ["kostnad_per_invanare:ÄO:80-w", 9100, "Snitt", 2024, ""],
      ["kostnad_per_brukare:ÄO:80-w", 200000, "Snitt", 2024, ""],
    ]);
    // At the benchmark's cost per client: 200 000 × 3 = 600 000 kr (6 000 per inhabitant); 830 000 − 600 000 = 230 000.
    expect(r.atBenchmarkCostPerClient).toEqual({ costPerInhabitant: "6000.000000", cost: "600000.000000", difference: "230000.000000" });
    // At the benchmark's share: 276 666,67 × 4,55 % × 100 = 1 258 833,33 kr; 830 000 − that = −428 833,33.
    expect(r.atBenchmarkShare).toEqual({ costPerInhabitant: "12588.333333333333", cost: "1258833.333333333333", difference: "-428833.333333333333" });
    // At the benchmark's cost per inhabitant: 9 100 × 100 = 910 000; 830 000 − 910 000 = −80 000.
    expect(r.atBenchmarkCostPerInhabitant).toEqual({ costPerInhabitant: "9100.000000", cost: "910000.000000", difference: "-80000.000000" });
  });

  it("derives the benchmark's cost per client from per inhabitant ÷ share, and per inhabitant from per client × share", () => {
    const a = row80([["kostnad_per_invanare:ÄO:80-w", 9100, "", 2024, ""], ["andel_brukare:ÄO:80-w", 4.55, "", 2024, ""]]);
    expect([a.derived, a.benchmarkCostPerClient]).toEqual(["kostnad_per_brukare", "200000.000000"]);
    const b = row80([["kostnad_per_brukare:ÄO:80-w", 200000, "", 2024, ""], ["andel_brukare:ÄO:80-w", 4.55, "", 2024, ""]]);
    expect([b.derived, b.benchmarkCostPerInhabitant]).toEqual(["kostnad_per_invanare", "9100.000000"]);
  });

  it("has no benchmark and no counterfactuals where the workbook gives none", () => {
    const r = row80([]);
    expect([r.benchmarkCostPerInhabitant, r.benchmarkCostPerClient, r.benchmarkClientShare, r.derived]).toEqual([null, null, null, null]);
    expect([r.atBenchmarkCostPerClient, r.atBenchmarkShare, r.atBenchmarkCostPerInhabitant]).toEqual([null, null, null]);
  });

  it("counts the per-inhabitant potential only where own is above the benchmark", () => {
    // 8 300 vs 8 000 per inhabitant × 100 = 30 000 kr; vs 9 100 it is negative, so 0.
    const above = inhabitantPotential([row80([["kostnad_per_invanare:ÄO:80-w", 8000, "", 2024, ""]])]);
    expect(above.map((p) => [p.difference, p.effect, p.potential, p.potentialOre])).toEqual([["300.000000", "30000.000000", "30000.000000", 3_000_000]]);
    const below = inhabitantPotential([row80([["kostnad_per_invanare:ÄO:80-w", 9100, "", 2024, ""]])]);
    expect(below.map((p) => [p.effect, p.potentialOre])).toEqual([["-80000.000000", 0]]);
  });
});
