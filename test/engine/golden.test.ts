/**
 * Golden cases: small workbooks whose every figure is worked out by hand in the comments. Money is
 * compared in öre (integers), unit costs and key figures as exact decimals.
 */
import { Dec } from "../../src/engine/decimal";
import { roundToTotal, splitByWeights } from "../../src/engine/largest-remainder";
import type { KpbResult } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { explainPool } from "../../src/engine/tracing/explain";
import {
  byAnsvar,
  client,
  codes,
  figure,
  intervention,
  pool,
  runOk,
  support,
  workbook,
  type Row,
} from "./helpers";

const kr = (amount: number) => Math.round(amount * 100); // kronor (≤ 2 decimals) as öre
const dec = (value: string | null) => new Dec(value ?? "NaN");

/** Σ client cost per pool from the client results. */
function clientSumPerPool(result: KpbResult): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of result.clients) for (const [p, ore] of Object.entries(c.poolsOre)) sums.set(p, (sums.get(p) ?? 0) + ore);
  return sums;
}

// ---------------------------------------------------------------------------------------------
// a) The toy example of kpb_domain.md §1.10
// ---------------------------------------------------------------------------------------------
describe("a) toy example: 540 kr/h, client X = 227 000 kr", () => {
  // Support pools first (step-down order), both keyed by explicit shares in Nycklar:
  //   KOMMUN_OH 500 000: HT_A 40 % = 200 000, HSL 60 % = 300 000
  //   FORV_OH 1 000 000: HT_A 60 % = 600 000, HSL 40 % = 400 000
  // HT_A  = 10 000 000 + 200 000 + 600 000 = 10 800 000; 20 000 h → 540 kr/h
  // HSL   =    600 000 + 300 000 + 400 000 =  1 300 000;  2 000 h → 650 kr/h exactly
  // X: 300 h × 540 = 162 000 + 100 h × 650 = 65 000 → 227 000 (< 600 000: no outlier)
  // Y: 19 700 h × 540 = 10 638 000 + 1 900 h × 650 = 1 235 000 → 11 873 000 (outlier)
  const input = workbook({
    ledger: [
      ["1100", "100", "5110", 500_000],
      ["5000", "500", "5110", 1_000_000],
      ["6110", "511", "5110", 10_000_000],
      ["6410", "514", "5110", 600_000],
    ],
    rules: [byAnsvar(1100, "KOMMUN_OH"), byAnsvar(5000, "FORV_OH"), byAnsvar(6110, "HT_A"), byAnsvar(6410, "HSL")],
    pools: [
      support("KOMMUN_OH", "andel", "", "Kommungemensamt"),
      support("FORV_OH", "andel", "", "Förvaltningsledning"),
      intervention("HT_A", "Hemtjänst"),
      intervention("HSL", "HSL"),
    ],
    keys: [
      ["KOMMUN_OH", "HT_A", 0.4],
      ["KOMMUN_OH", "HSL", "60 %"],
      ["FORV_OH", "HT_A", 60],
      ["FORV_OH", "HSL", 0.4],
    ],
    clients: [
      ["X", 1940, "HT_A", 300, "2024-03"],
      ["X", 1940, "HSL", 100, "2024-03"],
      ["Y", 1938, "HT_A", 19_700, "2024-05"],
      ["Y", 1938, "HSL", 1_900, "2024-05"],
    ],
  });
  const result = runOk(input);

  it("allocates the overhead shares to the home-care pool", () => {
    const a = pool(result, "HT_A");
    expect(a.receivedOre).toEqual({ KOMMUN_OH: kr(200_000), FORV_OH: kr(600_000) });
    expect(a.costOre).toBe(kr(10_800_000));
    expect(a.volumeMicro).toBe(20_000 * 1e6);
    expect(dec(a.unitCost).equals(540)).toBe(true);
    expect(figure(result, "hemtjanst_egen_kr_timme")).toBe("540.000000");
  });

  it("builds an HSL pool at exactly 650 kr/h", () => {
    const h = pool(result, "HSL");
    expect(h.costOre).toBe(kr(1_300_000));
    expect(dec(h.unitCost).equals(650)).toBe(true);
    expect(dec(figure(result, "hsl_kr_timme")).equals(650)).toBe(true);
  });

  it("costs client X at 227 000 kr, below the outlier limit", () => {
    const x = client(result, "X");
    expect(x.poolsOre).toEqual({ HT_A: kr(162_000), HSL: kr(65_000) });
    expect(x.totalOre).toBe(kr(227_000));
    expect(x.outlierScopes).toEqual([]);
    const y = client(result, "Y");
    expect(y.totalOre).toBe(kr(11_873_000));
    expect(y.outlierScopes).toEqual(["ÄO ordinärt boende"]);
  });

  it("passes every krona of the support pools on and reconciles", () => {
    expect(pool(result, "KOMMUN_OH").passedOnOre).toBe(kr(500_000));
    expect(pool(result, "FORV_OH").passedOnOre).toBe(kr(1_000_000));
    expect(pool(result, "KOMMUN_OH").costOre).toBe(0);
    const r = result.reconciliation;
    // 500 000 + 1 000 000 + 10 000 000 + 600 000 = 12 100 000 = 10 800 000 + 1 300 000
    expect(r.ledgerTotalOre).toBe(kr(12_100_000));
    expect(r.pooledOre).toBe(kr(12_100_000));
    expect(r.toClientsOre).toBe(kr(12_100_000));
    expect(r.balanced).toBe(true);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// b) Step-down, two support pools, one feeding the other (keys kostnad and volym)
// ---------------------------------------------------------------------------------------------
describe("b) step-down with a support pool feeding another", () => {
  // Direct cost (öre): S1 100 000, S2 30 000, P1 10 000, P2 10 000, P3 10 000 (total 160 000).
  // S1 by direct cost over everything below it (S2, P1, P2, P3): weights 30 000:10 000:10 000:10 000
  //   S2 = 100 000 × 3/6 = 50 000 exactly
  //   P1, P2, P3 = 100 000 / 6 = 16 666.67 each → floors 16 666 ×3, 2 öre left, equal remainders →
  //   ties go to the first in Pooler order: P1 16 667, P2 16 667, P3 16 666  (Σ = 100 000)
  // S2 = 30 000 + 50 000 = 80 000 by volume over P1, P2, P3 (1 h, 2 h, 4 h → 1:2:4):
  //   P1 80 000/7 = 11 428.571 → 11 428 (.571); P2 22 857.143 → 22 857 (.143); P3 45 714.286 → 45 714 (.286)
  //   floors Σ 79 999, 1 öre left → largest remainder P1: P1 11 429, P2 22 857, P3 45 714
  // P1 = 10 000 + 16 667 + 11 429 = 38 096 → 380.96 kr / 1 h = 380.96 kr/h
  // P2 = 10 000 + 16 667 + 22 857 = 49 524 → 495.24 kr / 2 h = 247.62 kr/h
  // P3 = 10 000 + 16 666 + 45 714 = 72 380 → 723.80 kr / 4 h = 180.95 kr/h
  // Σ = 38 096 + 49 524 + 72 380 = 160 000 = ledger total.
  const input = workbook({
    ledger: [
      ["100", "1", "5110", 1000],
      ["200", "1", "5110", 300],
      ["301", "1", "5110", 100],
      ["302", "1", "5110", 100],
      ["303", "1", "5110", 100],
    ],
    rules: [byAnsvar("100", "S1"), byAnsvar("200", "S2"), byAnsvar("301", "P1"), byAnsvar("302", "P2"), byAnsvar("303", "P3")],
    pools: [
      support("S1", "kostnad", "*"),
      support("S2", "volym", "P1, P2; P3"),
      intervention("P1", "Hemtjänst"),
      intervention("P2", "Hemtjänst"),
      intervention("P3", "Hemtjänst"),
    ],
    clients: [
      ["C1", 1940, "P1", 1, "2024-01"],
      ["C2", 1940, "P2", 2, "2024-01"],
      ["C3", 1940, "P3", 4, "2024-01"],
    ],
  });
  const result = runOk(input);

  it("splits S1 by direct cost with ties to the earlier pool", () => {
    expect(pool(result, "S2").receivedOre).toEqual({ S1: 50_000 });
    expect(pool(result, "P1").receivedOre.S1).toBe(16_667);
    expect(pool(result, "P2").receivedOre.S1).toBe(16_667);
    expect(pool(result, "P3").receivedOre.S1).toBe(16_666);
    expect(pool(result, "S1").passedOnOre).toBe(100_000);
  });

  it("passes S2's accumulated cost on by volume, largest remainder", () => {
    expect(pool(result, "S2").passedOnOre).toBe(80_000);
    expect(pool(result, "P1").receivedOre.S2).toBe(11_429);
    expect(pool(result, "P2").receivedOre.S2).toBe(22_857);
    expect(pool(result, "P3").receivedOre.S2).toBe(45_714);
    const s2Flows = result.flows.filter((f) => f.from === "S2");
    expect(s2Flows.map((f) => [f.to, f.weight, f.weightSum])).toEqual([
      ["P1", "1000000", "7000000"],
      ["P2", "2000000", "7000000"],
      ["P3", "4000000", "7000000"],
    ]);
  });

  it("gives pool costs and unit costs to the öre", () => {
    expect([pool(result, "P1").costOre, pool(result, "P2").costOre, pool(result, "P3").costOre]).toEqual([38_096, 49_524, 72_380]);
    expect(dec(pool(result, "P1").unitCost).equals("380.96")).toBe(true);
    expect(dec(pool(result, "P2").unitCost).equals("247.62")).toBe(true);
    expect(dec(pool(result, "P3").unitCost).equals("180.95")).toBe(true);
    expect(result.reconciliation.pooledOre).toBe(160_000);
    expect(result.reconciliation.toClientsOre).toBe(160_000);
    expect(result.reconciliation.balanced).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// c) Reciprocal and step-down on the BHIMA-derived vector (kpb_domain.md §4)
// ---------------------------------------------------------------------------------------------
describe("c) reciprocal vs step-down (Laundry / Housekeeping → Radiology / Nursing)", () => {
  // Laundry 15 000 keyed by laundry volume H 5 / R 5 / N 90 → shares 0.05 / 0.05 / 0.90.
  // Housekeeping 30 000 keyed by hours L 150 / R 900 / N 1 950 (of 3 000) → 0.05 / 0.30 / 0.65.
  // Radiology and Nursing have no direct cost here: the 45 000 are all they receive.
  const catalogue: Row[] = [
    ["Radiologi", "ÄO", "timmar", ""],
    ["Omvårdnad", "ÄO", "timmar", ""],
  ];
  const ledger: Row[] = [
    ["10", "1", "5110", 15_000],
    ["20", "1", "5110", 30_000],
  ];
  const rules: Row[] = [byAnsvar("10", "LAUNDRY"), byAnsvar("20", "HOUSEKEEPING")];
  const production: Row[] = [intervention("RADIOLOGY", "Radiologi"), intervention("NURSING", "Omvårdnad")];
  const clients: Row[] = [
    ["R1", 1950, "RADIOLOGY", 900, "2024-06"],
    ["N1", 1950, "NURSING", 1950, "2024-06"],
  ];
  const laundryKeys: Row[] = [
    ["LAUNDRY", "HOUSEKEEPING", 0.05],
    ["LAUNDRY", "RADIOLOGY", 0.05],
    ["LAUNDRY", "NURSING", 0.9],
  ];
  const housekeepingKeys: Row[] = [
    ["HOUSEKEEPING", "LAUNDRY", 0.05],
    ["HOUSEKEEPING", "RADIOLOGY", 0.3],
    ["HOUSEKEEPING", "NURSING", 0.65],
  ];
  const costs = (r: KpbResult) => [pool(r, "RADIOLOGY").costOre, pool(r, "NURSING").costOre];

  // Reciprocal: x_L = 15 000 + 0.05 x_H, x_H = 30 000 + 0.05 x_L
  //   → x_L = 16 500 / 0.9975 = 16 541.353383…, x_H = 30 000 + 827.067669… = 30 827.067669…
  // Each support pool passes on a whole number of öre, split over all its receivers by largest
  // remainder, and passes on exactly its direct cost plus what it received:
  //   L passes 1 654 135: H 82 706.75, R 82 706.75, N 1 488 721.5 → floors 1 654 133, 2 öre to the
  //     largest remainders (.75, .75): H 82 707, R 82 707, N 1 488 721
  //   H passes 3 000 000 + 82 707 = 3 082 707: L 154 135.35, R 924 812.1, N 2 003 759.55 → 1 öre to
  //     N: L 154 135, R 924 812, N 2 003 760; and L = 1 500 000 + 154 135 = 1 654 135 as assumed
  //   R = 82 707 + 924 812 = 1 007 519 → 10 075.19 ; N = 1 488 721 + 2 003 760 = 3 492 481 → 34 924.81
  const reciprocalTables = { ledger, rules, clients, catalogue, keys: [...laundryKeys, ...housekeepingKeys] };
  const reciprocalPools = [support("LAUNDRY", "andel", ""), support("HOUSEKEEPING", "andel", ""), ...production];

  it("reciprocal via Fördelningsmetod in Inställningar: 10 075.19 / 34 924.81", () => {
    const result = runOk(workbook({ ...reciprocalTables, pools: reciprocalPools, settings: [["Fördelningsmetod", "reciprok"]] }));
    expect(result.settings.allocationMethod).toBe("reciprok");
    expect(costs(result)).toEqual([1_007_519, 3_492_481]);
    expect(costs(result)[0] + costs(result)[1]).toBe(4_500_000);
    expect(pool(result, "RADIOLOGY").receivedOre).toEqual({ LAUNDRY: 82_707, HOUSEKEEPING: 924_812 });
    expect(pool(result, "NURSING").receivedOre).toEqual({ LAUNDRY: 1_488_721, HOUSEKEEPING: 2_003_760 });
    // The support pools' full costs: x_L = 16 541.35, x_H = 30 827.07 (rounded to the öre).
    expect(pool(result, "LAUNDRY").passedOnOre).toBe(1_654_135);
    expect(pool(result, "HOUSEKEEPING").passedOnOre).toBe(3_082_707);
    for (const id of ["LAUNDRY", "HOUSEKEEPING"]) {
      const s = pool(result, id);
      expect(s.directOre + Object.values(s.receivedOre).reduce((a, b) => a + b, 0) - s.passedOnOre).toBe(0);
      expect(explainPool(result, id)!.ok).toBe(true);
    }
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reciprocal via the run option overrides.allocationMethod", () => {
    // Same data, Inställningar says stegvis: the option wins (an upward key is then allowed).
    const result = runOk(workbook({ ...reciprocalTables, pools: reciprocalPools, settings: [["Fördelningsmetod", "stegvis"]] }), {
      overrides: { allocationMethod: "reciprok" },
    });
    expect(costs(result)).toEqual([1_007_519, 3_492_481]);
  });

  it("the mutual keys are refused under step-down (Housekeeping → Laundry points upward)", () => {
    const outcome = runKpb(workbook({ ...reciprocalTables, pools: reciprocalPools }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(codes(outcome.problems)).toContain("receiverAbove");
  });

  // Step-down, Laundry first: Laundry 15 000 → H 750, R 750, N 13 500 (exact).
  // Housekeeping then holds 30 750 and may not send back to Laundry: its key is renormalised over
  // R and N, 900 : 1 950 = 6/19 : 13/19. Two ways to write that:
  //   (1) Fördelning = andel with the renormalised shares to 12 decimals (the key resolution):
  //       0.315789473684 + 0.684210526316 = 1
  //   (2) Fördelning = volym over R and N whose volumes are 900 h and 1 950 h.
  // R = 3 075 000 öre × 6/19 = 971 052.63 → 971 052 (.63); N = 2 103 947.37 → 2 103 947 (.37)
  //   1 öre left → R: R 971 053, N 2 103 947.
  // R = 75 000 + 971 053 = 1 046 053 → 10 460.53 ; N = 1 350 000 + 2 103 947 = 3 453 947 → 34 539.47
  it("step-down, Laundry first: 10 460.53 / 34 539.47 (renormalised shares)", () => {
    const result = runOk(
      workbook({
        ledger,
        rules,
        clients,
        catalogue,
        pools: [support("LAUNDRY", "andel", ""), support("HOUSEKEEPING", "andel", ""), ...production],
        keys: [...laundryKeys, ["HOUSEKEEPING", "RADIOLOGY", "0.315789473684"], ["HOUSEKEEPING", "NURSING", "0.684210526316"]],
      }),
    );
    expect(result.settings.allocationMethod).toBe("stegvis");
    expect(pool(result, "HOUSEKEEPING").receivedOre).toEqual({ LAUNDRY: 75_000 });
    expect(pool(result, "HOUSEKEEPING").passedOnOre).toBe(3_075_000);
    expect(costs(result)).toEqual([1_046_053, 3_453_947]);
  });

  it("step-down, Laundry first: the same with Housekeeping keyed by volume", () => {
    const result = runOk(
      workbook({
        ledger,
        rules,
        clients, // R 900 h, N 1 950 h
        catalogue,
        pools: [support("LAUNDRY", "andel", ""), support("HOUSEKEEPING", "volym", "RADIOLOGY, NURSING"), ...production],
        keys: laundryKeys,
      }),
    );
    expect(costs(result)).toEqual([1_046_053, 3_453_947]);
  });

  // Step-down, Housekeeping first: 30 000 → L 1 500, R 9 000, N 19 500 (exact).
  // Laundry holds 16 500, renormalised over R and N: 5 : 90 = 1/19 : 18/19
  //   (0.052631578947 + 0.947368421053 = 1).
  // R = 1 650 000 / 19 = 86 842.105 → 86 842 (.105); N = 1 563 157.895 → 1 563 157 (.895); 1 öre → N.
  // R = 900 000 + 86 842 = 986 842 → 9 868.42 ; N = 1 950 000 + 1 563 158 = 3 513 158 → 35 131.58
  it("step-down, Housekeeping first: 9 868.42 / 35 131.58", () => {
    const result = runOk(
      workbook({
        ledger,
        rules,
        clients,
        catalogue,
        pools: [support("HOUSEKEEPING", "andel", ""), support("LAUNDRY", "andel", ""), ...production],
        keys: [...housekeepingKeys, ["LAUNDRY", "RADIOLOGY", "0.052631578947"], ["LAUNDRY", "NURSING", "0.947368421053"]],
      }),
    );
    expect(pool(result, "LAUNDRY").receivedOre).toEqual({ HOUSEKEEPING: 150_000 });
    expect(costs(result)).toEqual([986_842, 3_513_158]);
  });

  it("step-down, Housekeeping first: the same with Laundry keyed by volume (R 5 : N 90)", () => {
    const result = runOk(
      workbook({
        ledger,
        rules,
        catalogue,
        clients: [
          ["R1", 1950, "RADIOLOGY", 5, "2024-06"],
          ["N1", 1950, "NURSING", 90, "2024-06"],
        ],
        pools: [support("HOUSEKEEPING", "andel", ""), support("LAUNDRY", "volym", "RADIOLOGY; NURSING"), ...production],
        keys: housekeepingKeys,
      }),
    );
    expect(costs(result)).toEqual([986_842, 3_513_158]);
  });
});

// ---------------------------------------------------------------------------------------------
// d) A client with volumes in three pools
// ---------------------------------------------------------------------------------------------
describe("d) client costs per pool and in total", () => {
  // P1 1 000.00 kr = 100 000 öre; K1 1 h (as two rows of 0.5), K2 1 h, K3 1 h
  //   → 33 333.33 each; 1 öre left, equal remainders → first id as text: K1 33 334, K2 33 333, K3 33 333
  // P2 100.01 kr = 10 001 öre; K1 2.5 h, K2 1.5 h (5:3)
  //   → K1 6 250.625 → 6 250 (.625), K2 3 750.375 → 3 750 (.375); 1 öre → K1: 6 251 / 3 750
  // P3 777.78 kr = 77 778 öre; K1 3 dygn, K3 4 dygn
  //   → K1 33 333.43 → 33 333 (3/7), K3 44 444.57 → 44 444 (4/7); 1 öre → K3: 33 333 / 44 445
  // K1 = 33 334 + 6 251 + 33 333 = 72 918 (729.18 kr); K2 = 33 333 + 3 750 = 37 083; K3 = 33 333 + 44 445 = 77 778
  const input = workbook({
    ledger: [
      ["1", "1", "5110", "1 000,00"],
      ["2", "1", "5110", 100.01],
      ["3", "1", "5110", 700],
      ["3", "1", "6110", 77.78],
    ],
    rules: [byAnsvar(1, "P1"), byAnsvar(2, "P2"), byAnsvar(3, "P3")],
    pools: [intervention("P1", "Hemtjänst"), intervention("P2", "HSL"), intervention("P3", "Korttidsvård")],
    clients: [
      ["K1", 1935, "P1", 0.5, "2024-01"],
      ["K1", 1935, "P1", 0.5, "2024-02"],
      ["K2", 1936, "P1", 1, "2024-01"],
      ["K3", 1937, "P1", 1, "2024-01"],
      ["K1", 1935, "P2", "2,5", "2024-01"],
      ["K2", 1936, "P2", 1.5, "2024-01"],
      ["K1", 1935, "P3", 3, "2024-04"],
      ["K3", 1937, "P3", 4, "2024-04"],
    ],
  });
  const result = runOk(input);

  it("costs each pool's clients by volume to the öre", () => {
    expect(client(result, "K1").poolsOre).toEqual({ P1: 33_334, P2: 6_251, P3: 33_333 });
    expect(client(result, "K2").poolsOre).toEqual({ P1: 33_333, P2: 3_750 });
    expect(client(result, "K3").poolsOre).toEqual({ P1: 33_333, P3: 44_445 });
    expect(client(result, "K1").volumesMicro).toEqual({ P1: 1_000_000, P2: 2_500_000, P3: 3_000_000 });
  });

  it("sums a client's pools to the total", () => {
    expect(client(result, "K1").totalOre).toBe(72_918);
    expect(client(result, "K2").totalOre).toBe(37_083);
    expect(client(result, "K3").totalOre).toBe(77_778);
  });

  it("Σ clients per pool = pool cost", () => {
    const sums = clientSumPerPool(result);
    expect(sums.get("P1")).toBe(100_000);
    expect(sums.get("P2")).toBe(10_001);
    expect(sums.get("P3")).toBe(77_778);
    for (const p of result.pools) expect(sums.get(p.pool)).toBe(p.costOre);
    // P3: 700.00 on 5110 (staff, 5xxx) and 77.78 on 6110 (premises, 61xx)
    expect(pool(result, "P3").directByCategoryOre).toEqual({ Personal: 70_000, Lokaler: 7_778, Övrigt: 0, Intäkter: 0 });
  });

  it("breaks ties by BrukarID as text, also for ids given as numbers", () => {
    // 1 000.00 kr over clients 9, 10, 11 (1 h each): 33 333.33 each, 1 öre to the first id as
    // text: "10" < "11" < "9" → 10 gets 33 334.
    const r = runOk(
      workbook({
        ledger: [["1", "1", "5110", 1000]],
        rules: [byAnsvar(1, "P1")],
        pools: [intervention("P1", "Hemtjänst")],
        clients: [
          [9, 1940, "P1", 1, "2024-01"],
          [10, 1940, "P1", 1, "2024-01"],
          [11, 1940, "P1", 1, "2024-01"],
        ],
      }),
    );
    expect(r.clients.map((c) => [c.id, c.totalOre])).toEqual([
      ["10", 33_334],
      ["11", 33_333],
      ["9", 33_333],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// e) Largest-remainder vectors
// ---------------------------------------------------------------------------------------------
describe("e) largest remainder (splitByWeights)", () => {
  it("100 000.00 kr split 1:1:1 → 33 333.34 / 33 333.33 / 33 333.33", () => {
    expect(splitByWeights(10_000_000, [1n, 1n, 1n])).toEqual([3_333_334, 3_333_333, 3_333_333]);
  });
  it("10 000.03 kr split 50:50 → 5 000.02 / 5 000.01", () => {
    expect(splitByWeights(1_000_003, [50n, 50n])).toEqual([500_002, 500_001]);
  });
  it("17 units split 3:3:3:3:3 → 4, 4, 3, 3, 3", () => {
    expect(splitByWeights(17, [3n, 3n, 3n, 3n, 3n])).toEqual([4, 4, 3, 3, 3]);
  });
  it("negative totals are split symmetrically", () => {
    expect(splitByWeights(-10_000_000, [1n, 1n, 1n])).toEqual([-3_333_334, -3_333_333, -3_333_333]);
    expect(splitByWeights(-1_000_003, [50n, 50n])).toEqual([-500_002, -500_001]);
  });
  it("leftover goes to the largest remainder, not the largest weight", () => {
    // 10 öre over 1:3:3 (7): exact 1.4286, 4.2857, 4.2857 → floors 1, 4, 4 (Σ 9);
    // remainders 3/7, 2/7, 2/7 → the 1 öre goes to the SMALLEST weight: 2, 4, 4.
    expect(splitByWeights(10, [1n, 3n, 3n])).toEqual([2, 4, 4]);
  });
  it("zero weights get nothing; zero total gives zeros", () => {
    expect(splitByWeights(101, [0n, 1n, 0n, 1n])).toEqual([0, 51, 0, 50]);
    expect(splitByWeights(0, [1n, 2n])).toEqual([0, 0]);
  });
  it("roundToTotal rounds exact shares to the total by the same rule", () => {
    // 1.4 + 2.3 + 3.3 = 7 → floors 1, 2, 3 (Σ 6); 1 left → largest fraction .4 → 2, 2, 3
    expect(roundToTotal(7, [new Dec("1.4"), new Dec("2.3"), new Dec("3.3")])).toEqual([2, 2, 3]);
  });
});

// ---------------------------------------------------------------------------------------------
// f) Coding rules
// ---------------------------------------------------------------------------------------------
describe("f) coding: first match wins, patterns, EXKL, reconciliation", () => {
  // Rules, top to bottom:
  //   0: Ansvar 1100 (a number)              → A   (every other column empty = any)
  //   1: Konto 51*                           → B
  //   2: Konto 5000-5999                     → C   (numeric range)
  //   3: Ansvar 9*                           → EXKL, "Finansiella poster"
  //   4: Verksamhet 900-1100                 → D   (numeric: 1000 is inside; as text it is not)
  //   5: Ansvar 7777                         → D   (matches nothing: unusedRule warning)
  // Ledger rows (sheet rows 2…10):
  //   r2  "1100", 100, 5110,   1 000.00 → rule 0 A (rule 1 also matches: the first wins)
  //   r3  1100,   100, 4000,     200.00 → rule 0 A (code given as a number = the same code)
  //   r4  2000,   100, 5110,     300.00 → rule 1 B
  //   r5  2000,   100, 5999,     400.00 → rule 2 C
  //   r6  2000,   100, 50000,    500.00 → nothing (50000 is not 51*, and 50000 > 5999 numerically
  //                                        although "50000" sorts between "5000" and "5999" as text)
  //   r7  2000,  1000, 7000,     600.00 → rule 4 D
  //   r8  9100,   100, 8400,     -50.00 → rule 3 EXKL
  //   r9  9200,   100, 5110,      70.00 → rule 1 B (before the 9* exclusion)
  //   r10 3000,   200, 4000,      25.50 → nothing
  // A 1 200.00; B 370.00; C 400.00; D 600.00 → pooled 2 570.00; excluded −50.00; uncoded 525.50
  // Ledger total 3 045.50 = 2 570.00 − 50.00 + 525.50
  const input = workbook({
    ledger: [
      ["1100", "100", "5110", 1000],
      [1100, 100, 4000, 200],
      ["2000", "100", "5110", 300],
      ["2000", "100", "5999", 400],
      ["2000", "100", "50000", 500],
      ["2000", "1000", "7000", 600],
      ["9100", "100", "8400", -50],
      ["9200", "100", "5110", 70],
      ["3000", "200", "4000", "25,50"],
    ],
    rules: [
      [1100, "", "", "", "A", ""],
      ["", "", "", "51*", "B", ""],
      ["", "", "", "5000-5999", "C", ""],
      ["9*", "", "", "", "exkl", "Finansiella poster"],
      ["", "900-1100", "", "", "D", ""],
      ["7777", "", "", "", "D", ""],
    ],
    pools: [intervention("A", "Hemtjänst"), intervention("B", "Hemtjänst"), intervention("C", "Hemtjänst"), intervention("D", "Hemtjänst")],
    clients: ["A", "B", "C", "D"].map((p) => [`K${p}`, 1940, p, 10, "2024-01"]),
  });
  const result = runOk(input);

  it("codes each row by the first matching rule", () => {
    expect(Array.from(result.coding.ruleOfRow)).toEqual([0, 0, 1, 2, -1, 4, 3, 1, -1]);
    expect(result.coding.targetOfRow).toEqual(["A", "A", "B", "C", "", "D", "EXKL", "B", ""]);
    expect(result.coding.ruleHits).toEqual([2, 2, 1, 1, 1, 0]);
  });

  it("sums direct cost per pool", () => {
    expect(["A", "B", "C", "D"].map((p) => pool(result, p).directOre)).toEqual([120_000, 37_000, 40_000, 60_000]);
  });

  it("reconciles ledger = pooled + excluded + uncoded to the öre", () => {
    const r = result.reconciliation;
    expect(r.ledgerTotalOre).toBe(304_550);
    expect(r.pooledOre).toBe(257_000);
    expect(r.excludedOre).toBe(-5_000);
    expect(r.uncodedOre).toBe(52_550);
    expect(r.ledgerTotalOre).toBe(r.pooledOre + r.excludedOre + r.uncodedOre);
    expect(r.excludedByReason).toEqual({ "Finansiella poster": -5_000 });
    expect(r.balanced).toBe(true);
  });

  it("warns about uncoded rows and the unused rule, with their rows", () => {
    const uncoded = result.problems.filter((p) => p.code === "uncodedRow");
    expect(uncoded.map((p) => [p.table, p.row, p.severity])).toEqual([
      ["Ekonomi", 6, "warning"],
      ["Ekonomi", 10, "warning"],
    ]);
    const unused = result.problems.filter((p) => p.code === "unusedRule");
    expect(unused.map((p) => [p.table, p.row, p.column])).toEqual([["Kodning", 7, "Till"]]);
  });

  it("an exclusion without a reason is kept under a visible default reason and warned", () => {
    const r = runOk(
      workbook({
        ledger: [
          ["1", "1", "5110", 100],
          ["9", "1", "5110", 40],
        ],
        rules: [byAnsvar(1, "A"), byAnsvar(9, "EXKL")],
        pools: [intervention("A", "Hemtjänst")],
        clients: [["K", 1940, "A", 1, "2024-01"]],
      }),
    );
    expect(codes(r.problems)).toContain("exclusionWithoutReason");
    expect(r.reconciliation.excludedOre).toBe(4_000);
    expect(Object.values(r.reconciliation.excludedByReason)).toEqual([4_000]);
  });
});

// ---------------------------------------------------------------------------------------------
// g) Key figures on a small hand-built case
// ---------------------------------------------------------------------------------------------
describe("g) key figures", () => {
  // Year 2024. Population: 0-19 2 000, 20-64 5 000, 65-79 1 000, 80-w 200 (total 8 200).
  // HT (Hemtjänst, egen) 1 000 000 kr; 2 000 h → 500 kr/h:
  //   H1 b.1940 (84, 80-w) 10 h → 5 000     H2 b.1950 (74, 65-79) 12 h → 6 000
  //   H3 b.1935 (89, 80-w) 12.5 h → 6 250   H4 b.1930 (94, 80-w) 1 965.5 h → 982 750 (outlier)
  // SABO (Särskilt boende, egen, 2 places) 1 600 000 kr + HSL_S (stöd, HSL, by volume → SABO) 400 000
  //   = 2 000 000 kr over 500 dygn → 4 000 kr/dygn incl. HSL, 3 200 excl., 800 HSL
  //   S1 b.1935 (80-w) 366 dygn → 1 464 000 (outlier)   S2 b.1945 (79, 65-79) 134 dygn → 536 000
  // PA (Personlig assistans, egen): 1 000 000 kr on 5110, −600 000 kr FK revenue on 3510 → net 400 000
  //   1 000 h → 400 kr/h net, 1 000 kr/h gross
  //   P1 b.1990 (34, 20-64) 600 h → 240 000      P2 b.2010 (14, 0-19) 400 h → 160 000
  const input = workbook({
    ledger: [
      ["61", "511", "5110", 1_000_000],
      ["62", "512", "5110", 1_200_000],
      ["62", "512", "6110", 400_000],
      ["64", "514", "5110", 400_000],
      ["73", "523", "5110", 1_000_000],
      ["73", "523", "3510", -600_000],
    ],
    rules: [byAnsvar(61, "HT"), byAnsvar(62, "SABO"), byAnsvar(64, "HSL_S"), byAnsvar(73, "PA")],
    pools: [
      support("HSL_S", "volym", "SABO", "HSL"),
      intervention("HT", "Hemtjänst"),
      intervention("SABO", "Särskilt boende", "egen", 2),
      intervention("PA", "Personlig assistans"),
    ],
    clients: [
      ["H1", 1940, "HT", 10, "2024-01"],
      ["H2", 1950, "HT", 12, "2024-01"],
      ["H3", 1935, "HT", 12.5, "2024-01"],
      ["H4", 1930, "HT", 1965.5, "2024-01"],
      ["S1", 1935, "SABO", 366, "2024-01"],
      ["S2", 1945, "SABO", 134, "2024-01"],
      ["P1", 1990, "PA", 600, "2024-01"],
      ["P2", 2010, "PA", 400, "2024-01"],
    ],
    population: [
      ["0-19", 2000],
      ["20-64", 5000],
      ["65-79", 1000],
      ["80-w", 200],
    ],
  });
  const result = runOk(input);
  const value = (id: string) => dec(figure(result, id));

  it("unit costs: hemtjänst, SÄBO with and without HSL, personal assistance net and gross", () => {
    expect(value("hemtjanst_egen_kr_timme").equals(500)).toBe(true);
    expect(pool(result, "SABO").receivedOre).toEqual({ HSL_S: kr(400_000) });
    expect(value("sabo_egen_kr_dygn_inkl_hsl").equals(4000)).toBe(true);
    expect(value("sabo_egen_kr_dygn_exkl_hsl").equals(3200)).toBe(true);
    expect(value("hsl_sabo_kr_dygn").equals(800)).toBe(true);
    expect(pool(result, "PA").directByCategoryOre.Intäkter).toBe(kr(-600_000));
    expect(value("pers_ass_netto_kr_timme").equals(400)).toBe(true);
    expect(value("pers_ass_brutto_kr_timme").equals(1000)).toBe(true);
  });

  it("client costs and housing", () => {
    expect(result.clients.map((c) => [c.id, c.totalOre, c.ageGroup, c.housing])).toEqual([
      ["H1", kr(5_000), "80-w", "ordinärt"],
      ["H2", kr(6_000), "65-79", "ordinärt"],
      ["H3", kr(6_250), "80-w", "ordinärt"],
      ["H4", kr(982_750), "80-w", "ordinärt"],
      ["P1", kr(240_000), "20-64", "ordinärt"],
      ["P2", kr(160_000), "0-19", "ordinärt"],
      ["S1", kr(1_464_000), "80-w", "särskilt"],
      ["S2", kr(536_000), "65-79", "särskilt"],
    ]);
  });

  it("cost per client, per inhabitant and share of clients per area × age group", () => {
    // ÄO 80-w: H1 5 000 + H3 6 250 + H4 982 750 + S1 1 464 000 = 2 458 000 over 4 clients, 200 inhabitants
    //   per client 614 500; per inhabitant 12 290; share 4/200 = 2 %; 614 500 × 0.02 = 12 290
    expect(value("kostnad_per_brukare:ÄO:80-w").equals(614_500)).toBe(true);
    expect(value("kostnad_per_invanare:ÄO:80-w").equals(12_290)).toBe(true);
    expect(value("andel_brukare:ÄO:80-w").equals(2)).toBe(true);
    // ÄO 65-79: H2 6 000 + S2 536 000 = 542 000, 2 clients, 1 000 inhabitants
    //   per client 271 000; per inhabitant 542; share 0.2 %
    expect(value("kostnad_per_brukare:ÄO:65-79").equals(271_000)).toBe(true);
    expect(value("kostnad_per_invanare:ÄO:65-79").equals(542)).toBe(true);
    expect(value("andel_brukare:ÄO:65-79").equals("0.2")).toBe(true);
    // ÄO all ages: 3 000 000 over 6 clients = 500 000; per inhabitant 3 000 000 / 8 200 = 365.853658536585…
    expect(value("kostnad_per_brukare:ÄO:alla").equals(500_000)).toBe(true);
    expect(value("kostnad_per_invanare:ÄO:alla").toDecimalPlaces(9).equals("365.853658537")).toBe(true);
    // LSS 20-64: P1 240 000 / 5 000 inhabitants = 48; 0-19: P2 160 000 / 2 000 = 80
    expect(value("kostnad_per_invanare:LSS:20-64").equals(48)).toBe(true);
    expect(value("kostnad_per_invanare:LSS:0-19").equals(80)).toBe(true);
    expect(value("kostnad_per_brukare:LSS:0-19").equals(160_000)).toBe(true);
    // Identity, every row: per inhabitant = per client × share. Exact in the row's own counts
    // (cost/clients × clients/inhabitants = cost/inhabitants); the published strings carry 12
    // decimals, so their product may differ by per client × 0.5e-12 at most.
    let checked = 0;
    for (const row of result.consumption) {
      if (row.costPerInhabitant === null || row.costPerClient === null) continue;
      const cost = new Dec(row.costOre).div(100);
      const exact = cost.div(row.clients).times(new Dec(row.clients).div(row.inhabitants));
      expect(exact.minus(cost.div(row.inhabitants)).abs().lessThan("1e-30")).toBe(true);
      expect(dec(row.costPerInhabitant).minus(cost.div(row.inhabitants)).abs().lessThanOrEqualTo("0.5e-12")).toBe(true);
      const product = dec(row.costPerClient).times(dec(row.clientShare));
      const bound = dec(row.costPerClient).times("1e-12").plus("1e-12");
      expect(product.minus(dec(row.costPerInhabitant)).abs().lessThanOrEqualTo(bound)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    const oldRow = result.consumption.find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!;
    expect([oldRow.inhabitants, oldRow.clients, oldRow.costOre]).toEqual([200, 4, kr(2_458_000)]);
  });

  it("outliers over 600 000 kr per scope", () => {
    // ÄO ordinärt: H1..H4, H4 over → 1/4 = 25 %; ÄO särskilt: S1, S2, S1 over → 50 %; LSS: none over
    expect(client(result, "H4").outlierScopes).toEqual(["ÄO ordinärt boende"]);
    expect(client(result, "S1").outlierScopes).toEqual(["ÄO särskilt boende"]);
    expect(client(result, "S2").outlierScopes).toEqual([]);
    expect(value("ytterfall_ordinart_andel").equals(25)).toBe(true);
    expect(value("ytterfall_sabo_andel").equals(50)).toBe(true);
    expect(value("ytterfall_lss_andel").equals(0)).toBe(true);
  });

  it("a different outlier limit from Inställningar moves the line", () => {
    // With the limit at 1 500 000 kr, S1 (1 464 000) is no longer an outlier → 0 %.
    const r = runOk({ ...input, Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Ytterfall särskilt boende", 1_500_000]] } });
    expect(dec(figure(r, "ytterfall_sabo_andel")).equals(0)).toBe(true);
  });

  it("hour bands of hemtjänst clients (lo < h ≤ hi)", () => {
    // H1 10 h and H2 12 h → 0-12; H3 12.5 h → 12-24; H4 1 965.5 h → 1152-w
    const bands = Object.fromEntries(result.hourBands.map((b) => [b.band, b.clients]));
    expect(bands).toEqual({
      "0-12": 2,
      "12-24": 1,
      "24-48": 0,
      "48-96": 0,
      "96-144": 0,
      "144-288": 0,
      "288-576": 0,
      "576-1152": 0,
      "1152-w": 1,
    });
    expect(value("brukarmix:0-12").equals(50)).toBe(true);
    expect(value("brukarmix:1152-w").equals(25)).toBe(true);
  });

  it("volumes per inhabitant 80+ and totals per area", () => {
    // Hemtjänst hours of clients 80+: 10 + 12.5 + 1 965.5 = 1 988 / 200 = 9.94; SÄBO days: 366 / 200 = 1.83
    expect(value("hemtjanst_timmar_per_inv_80").equals("9.94")).toBe(true);
    expect(value("sabo_dygn_per_inv_80").equals("1.83")).toBe(true);
    expect(value("kostnad_total:ÄO").equals(3_000_000)).toBe(true);
    expect(value("kostnad_total:LSS").equals(400_000)).toBe(true);
  });

  it("runs clean: no warnings on this data", () => {
    expect(result.problems).toEqual([]);
  });
});
