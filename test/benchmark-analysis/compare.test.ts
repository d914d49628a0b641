/** Every key figure beside its benchmark: the workbook's Jämförelse first, then the bundled averages. */
import { compareKeyFigures } from "../../src/engine/benchmark/compare";
import { firstBenchmark, forMoney, type PublishedLookup } from "../../src/engine/benchmark/lookup";
import { bundledPublished } from "../../src/engine/benchmark/published";
import type { CellValue } from "../../src/engine/model";
import { run } from "./fixtures";

// Hemtjänst 100 000 kr over 200 h = 500 kr/h; SÄBO 730 000 kr over 365 dygn = 2 000 kr/dygn.
const result = (benchmark: CellValue[][], year = 2024) =>
  run({
    year,
    pools: [
      { id: "HT", insats: "Hemtjänst", costKr: 100_000 },
      { id: "SABO", insats: "Särskilt boende", costKr: 730_000 },
    ],
    clients: [
      { id: "H1", birthYear: year - 90, pool: "HT", volume: 200 },
      { id: "S1", birthYear: year - 88, pool: "SABO", volume: 365 },
    ],
    population: [["80-w", 100]],
    benchmark,
  });

const published: PublishedLookup = (id, year) => {
  const table: Record<string, [string, number]> = { hemtjanst_egen_kr_timme: ["640", 2023], sabo_egen_kr_dygn_inkl_hsl: ["1880", 2016] };
  const hit = table[id];
  return hit && hit[1] <= year ? { value: hit[0], source: "Publicerat", year: hit[1] } : undefined;
};

describe("compareKeyFigures", () => {
  it("gives own, benchmark, difference, index and direction as exact decimal strings", () => {
    const r = result([["hemtjanst_egen_kr_timme", 400, "Testsnitt", 2024, "Snitt"], ["sabo_egen_kr_dygn_inkl_hsl", "2000", "Testsnitt", 2024, "Snitt"]]);
    const rows = compareKeyFigures(r, r.benchmark);
    const ht = rows.find((x) => x.id === "hemtjanst_egen_kr_timme")!;
    expect([ht.own, ht.benchmark, ht.difference, ht.index, ht.direction, ht.origin, ht.source, ht.benchmarkYear]).toEqual([
      "500.000000",
      "400",
      "100",
      "1.250000",
      "higher",
      "Jämförelse",
      "Testsnitt",
      2024,
    ]);
    const sabo = rows.find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!;
    expect([sabo.difference, sabo.index, sabo.direction]).toEqual(["0", "1.000000", "equal"]);
    // Every key figure is listed, with or without a benchmark.
    expect(rows.map((x) => x.id)).toEqual(r.keyFigures.map((f) => f.id));
    // A pool's unit cost is compared with its intervention's figure (the same line as on KPB Styckkostnader).
    expect(rows.find((x) => x.id === "styckkostnad:HT")!).toMatchObject({ benchmark: "400", origin: "Jämförelse" });
    expect(rows.find((x) => x.id.startsWith("kostnad_total:"))!).toMatchObject({ benchmark: null, index: null, direction: null, origin: null });
  });

  it("matches the workbook's row by Kolada id and by name, and prefers the run's year", () => {
    const r = result([
      ["U21003", 1000, "Kolada U21003", 2023, "Riket"],
      ["U21003", 625, "Kolada U21003", 2024, "Riket"],
      ["Kostnad per dygn i särskilt boende inkl. HSL, egen regi", 2500, "Eget namn", 2024, ""],
    ]);
    const rows = compareKeyFigures(r, r.benchmark);
    expect(rows.find((x) => x.id === "hemtjanst_egen_kr_timme")!).toMatchObject({ benchmark: "625", index: "0.800000", direction: "lower", difference: "-125" });
    expect(rows.find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!).toMatchObject({ benchmark: "2500", index: "0.800000", source: "Eget namn" });
  });

  it("falls back to the published averages, never over the workbook's row; one older than three years is shown but marked stale", () => {
    const r = result([["sabo_egen_kr_dygn_inkl_hsl", 2100, "Eget", 2024, ""]]);
    const rows = compareKeyFigures(r, r.benchmark, published);
    expect(rows.find((x) => x.id === "hemtjanst_egen_kr_timme")!).toMatchObject({ benchmark: "640", origin: "Publicerat", benchmarkYear: 2023, difference: "-140" });
    expect(rows.find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!).toMatchObject({ benchmark: "2100", origin: "Jämförelse" });
    // 2016 is eight years before 2024: shown with its year, marked stale (no money, no index).
    // For a 2018 run it is two years old: fresh.
    const old = compareKeyFigures(result([]), [], published).find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!;
    expect(old).toMatchObject({ benchmark: "1880", benchmarkYear: 2016 });
    expect(old.match).toMatchObject({ ageYears: 8, stale: true });
    const r2018 = result([], 2018);
    const fresh = compareKeyFigures(r2018, [], published).find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!;
    expect(fresh.benchmark).toBe("1880");
    expect(fresh.match).toMatchObject({ ageYears: 2 });
    expect(fresh.match!.stale).toBeUndefined();
  });

  it("of several ids, shows a published figure within the age limit before an older one; money contexts see no stale one", () => {
    const two: PublishedLookup = (id) => (id === "a" ? { value: "1", source: "Gammal", year: 2011 } : id === "b" ? { value: "2", source: "Ny", year: 2023 } : undefined);
    const ctx = { rows: [], year: 2024, published: two };
    expect(firstBenchmark(["a", "b"], ctx)).toMatchObject({ value: "2", ageYears: 1 });
    expect(firstBenchmark(["a"], ctx)).toMatchObject({ value: "1", ageYears: 13, stale: true });
    expect(firstBenchmark(["a"], forMoney(ctx))).toBeNull();
  });

  it("never uses a published figure of a later year than the run's, even from a lookup that offers one", () => {
    const later: PublishedLookup = () => ({ value: "300", source: "Senare", year: 2025 });
    const rows = compareKeyFigures(result([]), [], later);
    expect(rows.find((x) => x.id === "hemtjanst_egen_kr_timme")!.benchmark).toBeNull();
    expect(rows.find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!.benchmark).toBeNull();
  });

  it("reads the bundled published averages (Aneby review 2023: 649 kr/h, 2 559 kr/dygn) for a 2024 run", () => {
    const rows = compareKeyFigures(result([]), [], bundledPublished);
    expect(rows.find((x) => x.id === "hemtjanst_egen_kr_timme")!).toMatchObject({ benchmark: "649", benchmarkYear: 2023, origin: "Publicerat" });
    expect(rows.find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!).toMatchObject({ benchmark: "2559", benchmarkYear: 2023 });
  });

  it("has no index when the benchmark is zero", () => {
    const r = result([["hemtjanst_egen_kr_timme", 0, "", 2024, ""]]);
    expect(compareKeyFigures(r, r.benchmark).find((x) => x.id === "hemtjanst_egen_kr_timme")!).toMatchObject({ benchmark: "0", index: null, difference: "500", direction: "higher" });
  });
});
