import { mergeCatalogue } from "../../src/engine/catalogue";
import {
  areaTotalFigures,
  consumptionFigures,
  consumptionRows,
  hourBandFigures,
  hourBands,
  outlierFigures,
  unitCostFigures,
  volumePerInhabitantFigures,
  type KeyFigureInput,
} from "../../src/engine/key-figures";
import type { Area, ClientResult, KeyFigure, PoolResult, Regi } from "../../src/engine/model";
import { defaultSettings } from "../../src/engine/settings";

/**
 * Unit costs and key figures from given pool costs, volumes, clients and population, computed by
 * hand. Money is öre (100 öre = 1 kr), volumes micro-units (1 000 000 = one hour or one day).
 * Decimal values come as strings with at least six decimals ("400.000000").
 */

const KR = 100;
const UNIT = 1_000_000;
const YEAR = 2024;

interface PoolSpec {
  insats?: string;
  regi?: Regi;
  kind?: "insats" | "stöd";
  area?: Area;
  volumeUnit?: string;
  costKr?: number;
  volume?: number;
  receivedKr?: Record<string, number>;
}

function pool(id: string, spec: PoolSpec = {}): PoolResult {
  const costOre = (spec.costKr ?? 0) * KR;
  const volumeMicro = (spec.volume ?? 0) * UNIT;
  const receivedOre = Object.fromEntries(Object.entries(spec.receivedKr ?? {}).map(([from, kr]) => [from, kr * KR]));
  return {
    pool: id,
    insats: spec.insats ?? "Hemtjänst",
    area: spec.area ?? "ÄO",
    enhet: id,
    regi: spec.regi ?? "egen",
    kind: spec.kind ?? "insats",
    volumeUnit: spec.volumeUnit ?? "timmar",
    volumeMicro,
    directOre: costOre,
    directByCategoryOre: { Personal: costOre, Lokaler: 0, Övrigt: 0, Intäkter: 0 },
    receivedOre,
    allocatedOre: 0,
    passedOnOre: 0,
    costOre,
    // The pool's own unit cost, written out by hand where a test reads it.
    unitCost: volumeMicro > 0 ? String(costOre / KR / (volumeMicro / UNIT)) : null,
    clientCount: 0,
    places: null,
  };
}

function client(id: string, spec: { age?: number | null; ageGroup?: string; housing?: "ordinärt" | "särskilt"; costKr?: Record<string, number>; volume?: Record<string, number> }): ClientResult {
  const poolsOre = Object.fromEntries(Object.entries(spec.costKr ?? {}).map(([p, kr]) => [p, kr * KR]));
  const age = spec.age === undefined ? 85 : spec.age;
  return {
    id,
    birthYear: age === null ? null : YEAR - age,
    ageGroup: spec.ageGroup ?? "80-w",
    sex: "K",
    housing: spec.housing ?? "ordinärt",
    totalOre: Object.values(poolsOre).reduce((a, b) => a + b, 0),
    poolsOre,
    volumesMicro: Object.fromEntries(Object.entries(spec.volume ?? {}).map(([p, v]) => [p, v * UNIT])),
    outlierScopes: [],
  };
}

function input(pools: PoolResult[], clients: ClientResult[] = [], extra: Partial<KeyFigureInput> = {}): KeyFigureInput {
  return { pools, clients, catalogue: mergeCatalogue([]), population: new Map(), settings: defaultSettings(YEAR), ...extra };
}

const valueOf = (figures: KeyFigure[], id: string) => figures.find((f) => f.id === id)?.value;

describe("unit costs", () => {
  // H1 egen 60 000 kr / 100 h = 600 kr/h; H2 egen 20 000 kr / 100 h = 200 kr/h;
  // H3 annan 30 000 kr / 50 h = 600 kr/h; H4 egen 5 000 kr and no volume.
  const pools = [
    pool("H1", { costKr: 60_000, volume: 100 }),
    pool("H2", { costKr: 20_000, volume: 100 }),
    pool("H3", { regi: "annan", costKr: 30_000, volume: 50 }),
    pool("H4", { costKr: 5_000, volume: 0 }),
  ];
  const figures = unitCostFigures(input(pools));

  it("per pool: the pool's own unit cost, none for a pool without volume", () => {
    expect(valueOf(figures, "styckkostnad:H1")).toBe("600.000000");
    expect(figures.find((f) => f.id === "styckkostnad:H1")?.unit).toBe("kr/timme");
    expect(valueOf(figures, "styckkostnad:H4")).toBeUndefined();
  });

  it("per intervention × regi: Σ cost ÷ Σ volume over the pools with volume", () => {
    // egen: (60 000 + 20 000) / 200 h = 400 (H4's 5 000 kr carry no volume and stay out);
    // annan: 30 000 / 50 = 600; both: 110 000 / 250 = 440.
    expect(valueOf(figures, "styckkostnad:Hemtjänst:egen")).toBe("400.000000");
    expect(valueOf(figures, "styckkostnad:Hemtjänst:annan")).toBe("600.000000");
    expect(valueOf(figures, "styckkostnad:Hemtjänst:alla")).toBe("440.000000");
  });

  it("the published figure (egen regi) is the catalogue intervention's unit cost", () => {
    expect(valueOf(figures, "hemtjanst_egen_kr_timme")).toBe("400.000000");
    expect(valueOf(figures, "hemtjanst_egen_kr_timme_inkl_hsl")).toBeUndefined();
  });

  it("hemtjänst per hour leaves out what an HSL support pool passed on, and shows the figure with it beside", () => {
    // The HSL pool gave H1 10 000 kr: (80 000 − 10 000) / 200 h = 350 kr/h without HSL, 400 with it.
    const withHsl = [pool("HSL", { kind: "stöd", insats: "HSL" }), pool("H1", { costKr: 60_000, volume: 100, receivedKr: { HSL: 10_000 } }), pool("H2", { costKr: 20_000, volume: 100 })];
    const hsl = unitCostFigures(input(withHsl));
    expect(valueOf(hsl, "hemtjanst_egen_kr_timme")).toBe("350.000000");
    expect(valueOf(hsl, "hemtjanst_egen_kr_timme_inkl_hsl")).toBe("400.000000");
  });
});

describe("area totals", () => {
  it("sum the cost of the intervention pools of each area", () => {
    // ÄO 80 000 + 30 000 = 110 000 kr; LSS 10 000 kr; the support pool counts nowhere.
    const pools = [
      pool("H1", { costKr: 80_000, volume: 10 }),
      pool("H2", { costKr: 30_000, volume: 10 }),
      pool("G1", { insats: "Gruppbostad LSS", area: "LSS", volumeUnit: "dygn", costKr: 10_000, volume: 10 }),
      pool("ADM", { kind: "stöd", costKr: 999 }),
    ];
    const totals = areaTotalFigures(pools);
    expect(totals.map((f) => [f.id, f.value])).toEqual([
      ["kostnad_total:ÄO", "110000.000000"],
      ["kostnad_total:LSS", "10000.000000"],
    ]);
  });
});

describe("consumption per area and age group", () => {
  // Inhabitants: 0-19 1 000, 20-64 3 000, 65-79 800, 80-w 200 (5 000 in all).
  // ÄO clients: A (80-w) 300 000 kr, B (65-79) 100 000 kr, C (80-w) 200 000 kr.
  const population = new Map([
    ["0-19", 1_000],
    ["20-64", 3_000],
    ["65-79", 800],
    ["80-w", 200],
  ]);
  const clients = [
    client("A", { ageGroup: "80-w", costKr: { H1: 300_000 } }),
    client("B", { ageGroup: "65-79", age: 70, costKr: { H1: 100_000 } }),
    client("C", { ageGroup: "80-w", costKr: { H1: 200_000 } }),
  ];
  const rows = consumptionRows(input([pool("H1", { costKr: 600_000, volume: 1_000 })], clients, { population }));
  const row = (group: string) => rows.find((r) => r.area === "ÄO" && r.ageGroup === group);

  it("80-w: 2 clients, 500 000 kr: 250 000 kr per client, 2 500 kr per inhabitant, 1 % of them clients", () => {
    expect(row("80-w")).toEqual({
      area: "ÄO",
      ageGroup: "80-w",
      inhabitants: 200,
      clients: 2,
      costOre: 500_000 * KR,
      costPerClient: "250000.000000",
      costPerInhabitant: "2500.000000",
      clientShare: "0.010000",
    });
  });

  it("all ages: 3 clients, 600 000 kr over 5 000 inhabitants", () => {
    expect(row("alla")).toMatchObject({ inhabitants: 5_000, clients: 3, costOre: 600_000 * KR, costPerClient: "200000.000000", costPerInhabitant: "120.000000", clientShare: "0.000600" });
  });

  it("an age group with inhabitants and no clients has a row of zeros, without cost per client", () => {
    expect(row("0-19")).toMatchObject({ inhabitants: 1_000, clients: 0, costOre: 0, costPerClient: null, costPerInhabitant: "0.000000" });
  });

  it("become key figures, the client share in percent", () => {
    const figures = consumptionFigures(rows);
    expect(valueOf(figures, "kostnad_per_brukare:ÄO:80-w")).toBe("250000.000000");
    expect(valueOf(figures, "kostnad_per_invanare:ÄO:80-w")).toBe("2500.000000");
    expect(valueOf(figures, "andel_brukare:ÄO:80-w")).toBe("1.000000");
    expect(valueOf(figures, "kostnad_per_brukare:ÄO:0-19")).toBeUndefined();
  });
});

describe("hour bands", () => {
  it("count hemtjänst clients per band of annual hours, lo < hours ≤ hi", () => {
    // Bands 0-12, 12-24, 24-w: 12 h is in 0-12, 12,5 h in 12-24, 100 h in 24-w; the SÄBO-only
    // client is no hemtjänst client. One client of three in each band: 33,3 % each.
    const pools = [pool("H1"), pool("S1", { insats: "Särskilt boende", volumeUnit: "dygn" })];
    const clients = [client("A", { volume: { H1: 12 } }), client("B", { volume: { H1: 12.5 } }), client("C", { volume: { H1: 100 } }), client("D", { volume: { S1: 365 } })];
    const settings = { ...defaultSettings(YEAR), hourBands: [0, 12, 24] };
    const bands = hourBands(input(pools, clients, { settings }));
    expect(bands).toEqual([
      { band: "0-12", clients: 1 },
      { band: "12-24", clients: 1 },
      { band: "24-w", clients: 1 },
    ]);
    expect(hourBandFigures(bands).map((f) => [f.id, f.value])).toEqual([
      ["brukarmix:0-12", "33.333333333333"],
      ["brukarmix:12-24", "33.333333333333"],
      ["brukarmix:24-w", "33.333333333333"],
    ]);
  });
});

describe("volumes per inhabitant aged 80 and over", () => {
  it("hemtjänst hours and SÄBO days of the clients aged 80+, over the inhabitants aged 80+", () => {
    // Aged 85: 150 h and 50 h of hemtjänst, 365 days of SÄBO; aged 79: 100 h (not counted).
    // 200 inhabitants aged 80+: (150 + 50) / 200 = 1 hour and 365 / 200 = 1,825 days per inhabitant.
    const pools = [pool("H1"), pool("S1", { insats: "Särskilt boende", volumeUnit: "dygn" })];
    const clients = [client("A", { volume: { H1: 150 } }), client("B", { volume: { H1: 50, S1: 365 } }), client("C", { age: 79, volume: { H1: 100 } })];
    const figures = volumePerInhabitantFigures(input(pools, clients, { inhabitants80: 200 }));
    expect(valueOf(figures, "hemtjanst_timmar_per_inv_80")).toBe("1.000000");
    expect(valueOf(figures, "sabo_dygn_per_inv_80")).toBe("1.825000");
  });

  it("are left out without inhabitants aged 80+", () => {
    expect(volumePerInhabitantFigures(input([pool("H1")], [client("A", { volume: { H1: 1 } })], { inhabitants80: null }))).toEqual([]);
  });
});

describe("outliers", () => {
  it("mark the clients over their scope's limit and give the share of clients in the scope", () => {
    // Limit ÄO ordinärt boende 600 000 kr: A 700 000 kr is over, B 100 000 kr is not → 50 %.
    // C lives in särskilt boende: in that scope (limit 600 000 kr), not over → 0 %.
    const clients = [
      client("A", { costKr: { H1: 700_000 } }),
      client("B", { costKr: { H1: 100_000 } }),
      client("C", { housing: "särskilt", costKr: { H1: 300_000 } }),
    ];
    const given = input([pool("H1", { costKr: 1_100_000, volume: 100 })], clients);
    const { clients: marked, figures } = outlierFigures(given);
    expect(valueOf(figures, "ytterfall_ordinart_andel")).toBe("50.000000");
    expect(valueOf(figures, "ytterfall_sabo_andel")).toBe("0.000000");
    expect(valueOf(figures, "ytterfall_lss_andel")).toBeUndefined();
    expect(marked.map((c) => [c.id, c.outlierScopes])).toEqual([
      ["A", ["ÄO ordinärt boende"]],
      ["B", []],
      ["C", []],
    ]);
    // The clients given are left as they were.
    expect(clients[0].outlierScopes).toEqual([]);
  });
});
