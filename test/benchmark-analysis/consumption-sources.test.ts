/**
 * A consumption row's benchmark comes from one source: the workbook's per-inhabitant value is not
 * put beside published per-client and share values (issue 21 class 14), so the benchmark's own
 * identity per inhabitant = per client × share holds, and the sheet says what was left out.
 */
import { compareConsumption } from "../../src/engine/benchmark/consumption";
import { consumptionLayout } from "../../src/layouts";
import type { PublishedLookup } from "../../src/engine/benchmark/lookup";
import { run, type Spec } from "./fixtures";

const spec: Spec = {
  year: 2024,
  pools: [{ id: "HT", insats: "Hemtjänst", costKr: 100_000 }],
  clients: [
    { id: "H1", birthYear: 1930, pool: "HT", volume: 120 },
    { id: "H2", birthYear: 1940, pool: "HT", volume: 80 },
  ],
  population: [["80-w", 100]],
  benchmark: [["kostnad_per_invanare:ÄO:80-w", 9100, "Snitt", 2024, ""]],
};

const published: PublishedLookup = (id) =>
  id === "kostnad_per_brukare:ÄO:80-w"
    ? { value: "150000", source: "Publicerat", year: 2023 }
    : id === "andel_brukare:ÄO:80-w"
      ? { value: "10", source: "Publicerat", year: 2023 }
      : undefined;

describe("one benchmark source per consumption row", () => {
  it("the workbook's per-inhabitant value is not mixed with published per-client and share values", () => {
    const result = run(spec);
    const row = compareConsumption(result, result.benchmark, published).find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!;
    expect(row.benchmarkCostPerInhabitant).toBe("9100.000000");
    // Mixed, 150 000 × 10 % = 15 000 ≠ 9 100: the row would contradict itself.
    expect(row.benchmarkCostPerClient).toBeNull();
    expect(row.benchmarkClientShare).toBeNull();
    expect(row.publishedLeftOut).toEqual(["kostnad_per_brukare", "andel_brukare"]);
    const sheet = consumptionLayout(result, [row]);
    expect(JSON.stringify(sheet)).toContain("används inte: jämförelsen tas ur en källa per rad");
  });

  it("without workbook values the published three are used together", () => {
    const result = run({ ...spec, benchmark: [] });
    const row = compareConsumption(result, result.benchmark, published).find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!;
    expect(row.benchmarkCostPerClient).toBe("150000.000000");
    expect(row.derived).toBe("kostnad_per_invanare");
    expect(row.publishedLeftOut).toEqual([]);
  });
});
