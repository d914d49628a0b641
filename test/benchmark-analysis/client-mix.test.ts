/** Brukarmix against a benchmark distribution, and outlier shares against the benchmark's. */
import { clientMix } from "../../src/engine/benchmark/client-mix";
import type { CellValue } from "../../src/engine/model";
import { run } from "./fixtures";

/*
 * Hemtjänst at 2 500 kr/h (862 500 kr over 345 h): clients with 5 h and 10 h (band 0-12), 30 h
 * (24-48) and 300 h (288-576) — shares 50 %, 25 %, 25 %. The 300-h client costs 750 000 kr, over
 * the 600 000 kr outlier limit for ordinary housing: 1 of 4 = 25 %.
 */
const mix = (benchmark: CellValue[][]) => {
  const r = run({
    year: 2024,
    pools: [{ id: "HT", insats: "Hemtjänst", costKr: 862_500 }],
    clients: [
      { id: "A", birthYear: 1940, pool: "HT", volume: 5 },
      { id: "B", birthYear: 1940, pool: "HT", volume: 10 },
      { id: "C", birthYear: 1940, pool: "HT", volume: 30 },
      { id: "D", birthYear: 1940, pool: "HT", volume: 300 },
    ],
    population: [["80-w", 100]],
    benchmark,
  });
  return clientMix(r, r.benchmark);
};

describe("clientMix", () => {
  it("puts own shares beside the benchmark's, with the difference, index and the count at the benchmark's distribution", () => {
    const m = mix([
      ["brukarmix:0-12", 20, "Snitt", 2024, ""],
      ["brukarmix:24-48", "30", "Snitt", 2024, ""],
      ["brukarmix:288-576", 10, "Snitt", 2024, ""],
    ]);
    expect(m.totalClients).toBe(4);
    const band = (b: string) => m.bands.find((x) => x.band === b)!;
    // 50 % vs 20 %: +30 points, index 2,5, 20 % of 4 clients = 0,8.
    expect([band("0-12").clients, band("0-12").share, band("0-12").benchmarkShare, band("0-12").difference, band("0-12").index, band("0-12").expectedClients]).toEqual([
      2,
      "50.000000",
      "20.000000",
      "30.000000",
      "2.500000",
      "0.800000",
    ]);
    expect([band("24-48").difference, band("24-48").index, band("24-48").expectedClients]).toEqual(["-5.000000", "0.833333333333", "1.200000"]);
    expect([band("288-576").share, band("288-576").index, band("288-576").expectedClients]).toEqual(["25.000000", "2.500000", "0.400000"]);
    expect([band("12-24").share, band("12-24").benchmarkShare, band("12-24").difference]).toEqual(["0.000000", null, null]);
    expect(m.benchmarkTotal).toBe("60.000000");
    expect(m.bands.map((b) => b.band)).toEqual(["0-12", "12-24", "24-48", "48-96", "96-144", "144-288", "288-576", "576-1152", "1152-w"]);
  });

  it("compares the outlier share with the benchmark's", () => {
    const m = mix([["ytterfall_ordinart_andel", 5, "Snitt", 2024, ""]]);
    expect(m.outliers.map((o) => [o.id, o.own, o.benchmark, o.difference, o.index, o.direction])).toEqual([
      ["ytterfall_ordinart_andel", "25.000000", "5", "20", "5.000000", "higher"],
    ]);
    expect(m.benchmarkTotal).toBeNull();
  });
});
