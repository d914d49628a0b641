/**
 * The Aneby 2023 review (research notes seed000 §2.12, §2.14 W3/W4, §1.3): the what-ifs "a cost
 * per day / per hour equal to the KPB average" and the identity cost per inhabitant = cost per
 * client × share of clients, reproduced with the engine.
 *
 * The review prints unit costs and results but no volumes. The volumes below are the ones the
 * printed figures imply:
 *   SÄBO      6,7 mkr ÷ (2 925 − 2 559) kr/dygn = 6 700 000 ÷ 366 ≈ 18 306 dygn (≈ 50,2 year-places);
 *   hemtjänst 5,6 mkr ÷ (802 − 649) kr/h       = 5 600 000 ÷ 153 ≈ 36 601 granted hours.
 * With them: 366 × 18 306 = 6 699 996 kr ≈ 6,7 mkr and 153 × 36 601 = 5 599 953 kr ≈ 5,6 mkr.
 */
import { compareConsumptionRow } from "../../src/engine/benchmark/consumption";
import type { BenchmarkContext, PublishedLookup } from "../../src/engine/benchmark/lookup";
import { potential } from "../../src/engine/benchmark/potential";
import { bundledPublished } from "../../src/engine/benchmark/published";
import type { CellValue } from "../../src/engine/model";
import { clients, run, type Spec } from "./fixtures";

// 50 residents × 365 days + one with 56 = 18 306 dygn; 134 clients × 273 h + one with 19 h = 36 601 h.
const ANEBY: Spec = {
  year: 2023,
  pools: [
    { id: "SABO", insats: "Särskilt boende", costKr: 2925 * 18306 }, // 53 545 050 kr → 2 925 kr/dygn
    { id: "HT", insats: "Hemtjänst", costKr: 802 * 36601 }, // 29 354 002 kr → 802 kr/h
  ],
  clients: [
    ...clients("S", 50, 1935, "SABO", 365),
    { id: "S9999", birthYear: 1935, pool: "SABO", volume: 56 },
    ...clients("H", 134, 1938, "HT", 273),
    { id: "H9999", birthYear: 1938, pool: "HT", volume: 19 },
  ],
  population: [["80-w", 700]],
};

const KPB_AVERAGE_2023: CellValue[][] = [
  ["hemtjanst_egen_kr_timme", 649, "KPB-snitt, genomlysning av Aneby", 2023, "KPB-snitt"],
  ["sabo_egen_kr_dygn_inkl_hsl", 2559, "KPB-snitt, genomlysning av Aneby", 2023, "KPB-snitt"],
];

const mkr = (ore: number) => (ore / 100 / 1e6).toFixed(1);

describe("Aneby 2023: potential at the KPB average unit cost", () => {
  it("has the unit costs the review prints", () => {
    const result = run({ ...ANEBY, benchmark: KPB_AVERAGE_2023 });
    expect(result.keyFigures.find((f) => f.id === "sabo_egen_kr_dygn_inkl_hsl")!.value).toBe("2925.000000");
    expect(result.keyFigures.find((f) => f.id === "hemtjanst_egen_kr_timme")!.value).toBe("802.000000");
  });

  it("SÄBO (2 925 − 2 559) × 18 306 dygn = 6 699 996 kr ≈ 6,7 mkr; hemtjänst (802 − 649) × 36 601 h = 5 599 953 kr ≈ 5,6 mkr", () => {
    const result = run({ ...ANEBY, benchmark: KPB_AVERAGE_2023 });
    const p = potential(result, result.benchmark);
    const sabo = p.interventions.find((r) => r.insats === "Särskilt boende" && r.regi === "egen")!;
    const ht = p.interventions.find((r) => r.insats === "Hemtjänst" && r.regi === "egen")!;
    expect([sabo.volume, sabo.unitCost, sabo.benchmarkUnitCost, sabo.difference]).toEqual(["18306", "2925.000000", "2559.000000", "366.000000"]);
    expect(sabo.potential).toBe("6699996.000000");
    expect(sabo.potentialOre).toBe(669_999_600);
    expect([ht.volume, ht.difference, ht.potential, ht.potentialOre]).toEqual(["36601", "153.000000", "5599953.000000", 559_995_300]);
    expect(mkr(sabo.potentialOre!)).toBe("6.7");
    expect(mkr(ht.potentialOre!)).toBe("5.6");
    expect(p.totals.interventionsOre).toBe(669_999_600 + 559_995_300);
    // One pool per intervention: the pool view gives the same total.
    expect(p.totals.poolsOre).toBe(p.totals.interventionsOre);
  });

  it("gives the same what-ifs from the bundled published KPB averages when the workbook has no Jämförelse", () => {
    const result = run(ANEBY);
    const p = potential(result, result.benchmark, bundledPublished);
    expect(p.interventions.map((r) => [r.insats, r.benchmarkUnitCost, r.potentialOre, r.source?.origin])).toEqual([
      ["Särskilt boende", "2559.000000", 669_999_600, "Publicerat"],
      ["Hemtjänst", "649.000000", 559_995_300, "Publicerat"],
    ]);
  });

  it("counts nothing where the own unit cost is below the benchmark (korttid 2 538 vs 3 362 kr/dygn)", () => {
    const result = run({ ...ANEBY, pools: [...ANEBY.pools, { id: "KT", insats: "Korttidsvård", costKr: 2538 * 1000 }], clients: [...ANEBY.clients, ...clients("K", 10, 1936, "KT", 100)], benchmark: [...KPB_AVERAGE_2023, ["korttid_egen_kr_dygn", 3362, "", 2023, ""]] });
    const kt = potential(result, result.benchmark).interventions.find((r) => r.insats === "Korttidsvård")!;
    expect(kt.difference).toBe("-824.000000");
    expect(kt.effect).toBe("-824000.000000");
    expect(kt.potential).toBe("0.000000");
    expect(kt.potentialOre).toBe(0);
  });
});

describe("Aneby 2023: cost per inhabitant ÷ cost per client = share of clients", () => {
  // A benchmark with cost per inhabitant and per client only: the share is derived by the identity.
  const result = run(ANEBY);
  const row = result.consumption.find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!;
  const derivedShare = (perInhabitant: number, perClient: number) => {
    const ctx: BenchmarkContext = {
      rows: [
        { row: 2, keyFigure: "kostnad_per_invanare:ÄO:80-w", value: String(perInhabitant), source: "", year: 2023, municipality: "" },
        { row: 3, keyFigure: "kostnad_per_brukare:ÄO:80-w", value: String(perClient), source: "", year: 2023, municipality: "" },
      ],
      year: 2023,
    };
    const c = compareConsumptionRow(result, row, ctx);
    expect(c.derived).toBe("andel_brukare");
    return Number(c.benchmarkClientShare).toFixed(1);
  };

  it.each([
    ["ÄO >80 (L1636–1646)", 168_608, 330_999, "50.9"],
    ["hemtjänst >80 (L1739–1749)", 49_264, 209_864, "23.5"],
    ["hemtjänst >80, KPB-snitt (L1751–1761)", 44_810, 157_675, "28.4"],
    ["SÄBO >80 (L1867–1872)", 107_505, 763_283, "14.1"],
    ["ekonomiskt bistånd 20–64 (L1334–1338)", 1_395, 46_960, "3.0"],
    ["vuxna missbrukare 20–64 (L1242–1246)", 1_263, 136_618, "0.9"],
  ])("%s: %d ÷ %d = %s %%", (_what, perInhabitant, perClient, printed) => {
    expect(derivedShare(perInhabitant, perClient)).toBe(printed);
  });

  it("does not hold where the review's figures do not reconcile (barn och unga 17 512 / 162 995 = 10,7 %, printed 8,6 %)", () => {
    expect(derivedShare(17_512, 162_995)).toBe("10.7");
    expect(derivedShare(17_512, 162_995)).not.toBe("8.6");
  });

  it("uses the benchmark's three figures as given when all are there, even if they do not reconcile (ÄO KPB-snitt 49,8 %)", () => {
    const values: Record<string, string> = { "kostnad_per_invanare:ÄO:80-w": "148587", "kostnad_per_brukare:ÄO:80-w": "302054", "andel_brukare:ÄO:80-w": "49.8" };
    const published: PublishedLookup = (id) => (values[id] ? { value: values[id], source: "test", year: 2023 } : undefined);
    const c = compareConsumptionRow(result, row, { rows: [], year: 2023, published });
    expect(c.derived).toBeNull();
    expect(c.benchmarkClientShare).toBe("49.800000");
  });
});
