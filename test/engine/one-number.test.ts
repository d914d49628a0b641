/**
 * One number per concept: the unit cost of an intervention × regi and the benchmark of a figure
 * come from one place (src/engine/unit-costs.ts, src/engine/benchmark/figure-benchmark.ts), and
 * every sheet, the pane's card and the worksheet functions show the same number for the same scope.
 * Also: the catalogue merged field by field, one definition of "a client of this intervention",
 * Insats spellings folded at reading, delegated HSL out of the hemtjänst hour cost.
 */
import fc from "fast-check";
import type { PublishedLookup } from "../../src/engine/benchmark/lookup";
import { bundledPublished } from "../../src/engine/benchmark/published";
import { Dec } from "../../src/engine/decimal";
import type { KpbResult, WorkbookInput } from "../../src/engine/model";
import { resultSheets, type SheetBlock, type SheetCell, type SheetLayout } from "../../src/layouts";
import { explainKeyFigure } from "../../src/engine/tracing/explain";
import { interventionUnitCost, type RegiScope } from "../../src/engine/unit-costs";
import { benchmark, costPerDay, costPerHour, potential as figurePotential, unitCost } from "../../src/functions/kpb-figures";
import { indexDecompositions } from "../../src/engine/benchmark/decomposition";
import { validationFlags } from "../../src/engine/analyses/validation-pack";
import { isFigureError } from "../../src/functions/figure-values";
import { summaryFigures } from "../../src/taskpane/summary";
import { byAnsvar, codes, figure, intervention, pool, runOk, support, workbook, type Row } from "./helpers";

// ---------------------------------------------------------------------------------------------
// Reading the result sheets

function blockOf(sheets: SheetLayout[], sheet: string, table: string): SheetBlock {
  const b = sheets.find((s) => s.name === sheet)?.blocks.find((x) => x.tableName === table);
  if (!b) throw new Error(`no ${sheet} / ${table}`);
  return b;
}

function rowsOf(b: SheetBlock): Record<string, SheetCell>[] {
  return b.rows.map((r) => Object.fromEntries(b.columns.map((c, i) => [c.header, r[i]])));
}

/** As the add-in writes them: with the published averages it ships (the card and functions use them too). */
function sheetsOf(result: KpbResult, published: PublishedLookup = bundledPublished): SheetLayout[] {
  return resultSheets(result, result.benchmark, { published });
}

/** Every place a unit cost of an intervention × regi (or of a pool) is shown, keyed by scope. */
function shownUnitCosts(result: KpbResult): Map<string, Map<string, number | null>> {
  const shown = new Map<string, Map<string, number | null>>();
  const put = (scope: string, where: string, value: SheetCell | undefined) => {
    if (value === undefined) return;
    if (!shown.has(scope)) shown.set(scope, new Map());
    shown.get(scope)!.set(where, value === null ? null : Number(value));
  };
  const sheets = sheetsOf(result);
  for (const r of rowsOf(blockOf(sheets, "KPB Översikt", "KPB_Oversikt"))) {
    const id = String(r.Id);
    const [head, a, b] = id.split(":");
    if (head === "styckkostnad" && b === undefined) put(`pool ${a}`, "Översikt", r["Värde"]);
    if (head === "styckkostnad" && b !== undefined) put(`${a.toLowerCase()} ${b}`, "Översikt", r["Värde"]);
  }
  for (const r of rowsOf(blockOf(sheets, "KPB Styckkostnader", "KPB_Styckkostnader"))) put(`pool ${r.Pool}`, "Styckkostnader", r.Styckkostnad);
  for (const r of rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_insats"))) put(`${String(r.Insats).toLowerCase()} ${r.Regi}`, "Potential", r.Styckkostnad);
  for (const r of rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_pool"))) put(`pool ${r.Pool}`, "Potential pool", r.Styckkostnad);
  for (const r of rowsOf(blockOf(sheets, "KPB Konsumtion", "KPB_Konsumtion_insatser"))) {
    if (r["Åldersgrupp"] === "alla") put(`${String(r.Insats).toLowerCase()} alla`, "Konsumtion", r.Styckkostnad);
  }
  const ctx = { result };
  for (const p of result.pools.filter((x) => x.kind === "insats")) {
    const v = unitCost(ctx, p.pool);
    put(`pool ${p.pool}`, "KPB.UNITCOST", isFigureError(v) ? null : v);
    for (const regi of ["egen", "annan", "alla"] as const) {
      const f = p.volumeUnit === "timmar" ? costPerHour : costPerDay;
      const fv = f(ctx, p.insats, regi);
      if (!isFigureError(fv)) put(`${p.insats.toLowerCase()} ${regi}`, "KPB.COSTPER…", fv);
    }
  }
  return shown;
}

/** The engine's unit cost for a scope key of shownUnitCosts. */
function engineValue(result: KpbResult, scope: string): number | null {
  const [first, ...rest] = scope.split(" ");
  if (first === "pool") {
    const p = pool(result, rest.join(" "));
    return p.unitCost === null ? null : Number(p.unitCost);
  }
  const regi = scope.slice(scope.lastIndexOf(" ") + 1) as RegiScope;
  const v = interventionUnitCost(result.pools, scope.slice(0, scope.lastIndexOf(" ")), regi).value;
  return v === null ? null : Number(v);
}

// ---------------------------------------------------------------------------------------------
// Random workbooks

const NAMES: [string, string][] = [
  ["Hemtjänst", "timmar"],
  ["hemtjänst", "timmar"],
  ["Särskilt boende", "dygn"],
  ["Korttidsvård", "dygn"],
  ["HVB", "dygn"],
];

interface PoolSpec {
  name: number;
  annan: boolean;
  costKr: number;
  volumes: number[];
}

const specArb = fc.record({
  pools: fc.array(
    fc.record({
      name: fc.nat({ max: NAMES.length - 1 }),
      annan: fc.boolean(),
      costKr: fc.integer({ min: 0, max: 5_000_000 }),
      volumes: fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  hslKr: fc.integer({ min: 0, max: 2_000_000 }),
  overheadKr: fc.integer({ min: 0, max: 2_000_000 }),
  benchmarks: fc.subarray([
    ["hemtjanst_egen_kr_timme", 649],
    ["U23004", 2559],
    ["styckkostnad:Hemtjänst:annan", 555],
    ["styckkostnad:P1", 1234],
    ["Kostnad korttidsvård, egen regi, kr/dygn", 3000],
  ] as [string, number][]),
  births: fc.array(fc.integer({ min: 1925, max: 2015 }), { minLength: 8, maxLength: 8 }),
});

function build(spec: { pools: PoolSpec[]; hslKr: number; overheadKr: number; benchmarks: [string, number][]; births: number[] }): WorkbookInput {
  const ledger: Row[] = [
    ["100", "1", "5110", spec.overheadKr],
    ["200", "1", "5110", spec.hslKr],
  ];
  const rules: Row[] = [byAnsvar(100, "OH"), byAnsvar(200, "HSL_S")];
  const pools: Row[] = [support("OH", "kostnad"), support("HSL_S", "kostnad", "*", "HSL")];
  const clients: Row[] = [];
  spec.pools.forEach((p, i) => {
    const id = `P${i}`;
    pools.push(intervention(id, NAMES[p.name][0], p.annan ? "annan" : "egen"));
    ledger.push([String(1000 + i), "1", "5110", p.costKr + 1000]);
    rules.push(byAnsvar(1000 + i, id));
    if (i === 0) clients.push(["C0", spec.births[0], id, 5, "2024-12"]);
    p.volumes.forEach((v, k) => clients.push([`C${(i * 3 + k) % 8}`, spec.births[(i + k) % 8], id, v / 10, `2024-0${(k % 9) + 1}`]));
  });
  const input = workbook({ ledger, rules, pools, clients, population: [["0-19", 1000], ["20-64", 3000], ["65-79", 800], ["80-w", 300]] });
  input.Jämförelse = {
    rows: [["Nyckeltal", "Värde", "Källa", "År", "Kommun"], ...spec.benchmarks.map(([k, v]) => [k, v, "Test", 2024, "KPB-snitt"])],
    sheet: "Jämförelse",
  };
  return input;
}

describe("issue 12 class 3: one unit cost per intervention × regi", () => {
  it("property: every sheet and function showing a unit cost of the same scope shows the engine's one number", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const result = runOk(build(spec));
        for (const [scope, places] of shownUnitCosts(result)) {
          const expected = engineValue(result, scope);
          for (const [where, value] of places) {
            if (value !== expected) throw new Error(`${scope}: ${where} shows ${value}, the engine ${expected}`);
          }
        }
        // The catalogue figures are the same unit cost (hemtjänst: excluding delegated HSL, below).
        const same: [string, string][] = [
          ["sabo_egen_kr_dygn_inkl_hsl", "Särskilt boende"],
          ["korttid_egen_kr_dygn", "Korttidsvård"],
        ];
        for (const [id, name] of same) {
          const f = result.keyFigures.find((x) => x.id === id);
          expect(f?.value ?? null).toBe(interventionUnitCost(result.pools, name, "egen").value);
        }
        const inkl = result.keyFigures.find((x) => x.id === "hemtjanst_egen_kr_timme_inkl_hsl") ?? result.keyFigures.find((x) => x.id === "hemtjanst_egen_kr_timme");
        expect(inkl?.value ?? null).toBe(interventionUnitCost(result.pools, "Hemtjänst", "egen").value);
      }),
      { numRuns: 40 },
    );
  });

  // HT_A: 100 000 kr over 100 h; HT_B: 50 000 kr and no volume (a warning, and out of every unit cost).
  const tables = () =>
    workbook({
      ledger: [
        ["1", "1", "5110", 100_000],
        ["2", "1", "5110", 50_000],
      ],
      rules: [byAnsvar(1, "HT_A"), byAnsvar(2, "HT_B")],
      pools: [intervention("HT_A", "Hemtjänst"), intervention("HT_B", "Hemtjänst")],
      clients: [["X", 1940, "HT_A", 100, "2024-01"]],
      population: [["80-w", 100]],
    });

  it("cost without volume enters no unit cost: Översikt, Potential, the published figure and the function say 1 000 kr/h", () => {
    const result = runOk(tables());
    expect(codes(result.problems)).toContain("poolWithoutVolume");
    expect(figure(result, "styckkostnad:Hemtjänst:egen")).toBe("1000.000000");
    expect(figure(result, "hemtjanst_egen_kr_timme")).toBe("1000.000000");
    const potential = rowsOf(blockOf(sheetsOf(result), "KPB Potential", "KPB_Potential_insats"));
    expect(potential.map((r) => [r.Insats, r.Regi, r.Styckkostnad])).toEqual([["Hemtjänst", "egen", 1000]]);
    expect(costPerHour({ result }, "Hemtjänst", null)).toBe(1000);
    expect(explainKeyFigure(result, "styckkostnad:Hemtjänst:egen")!.checks.every((c) => c.ok)).toBe(true);
    // The cost is not lost: it stands as "Pooler utan volym" on KPB Avstämning.
    expect(result.reconciliation.withoutVolumeOre).toBe(5_000_000);
  });
});

// ---------------------------------------------------------------------------------------------
// Benchmarks: one lookup

describe("issue 19 item 4: one source of benchmark per figure", () => {
  it("property: the card, Översikt, Styckkostnader, Potential and KPB.BENCHMARK agree for every unit cost", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const result = runOk(build(spec));
        const sheets = sheetsOf(result);
        const overview = new Map(rowsOf(blockOf(sheets, "KPB Översikt", "KPB_Oversikt")).map((r) => [String(r.Id), r["Jämförelse"]]));
        for (const r of rowsOf(blockOf(sheets, "KPB Styckkostnader", "KPB_Styckkostnader"))) {
          if (overview.has(`styckkostnad:${r.Pool}`)) expect([r.Pool, r["Jämförelse"]]).toEqual([r.Pool, overview.get(`styckkostnad:${r.Pool}`)]);
        }
        for (const r of rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_pool"))) {
          expect([r.Pool, r["Jämförelse"]]).toEqual([r.Pool, overview.get(`styckkostnad:${r.Pool}`)]);
        }
        for (const r of rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_insats"))) {
          expect([r.Insats, r.Regi, r["Jämförelse"]]).toEqual([r.Insats, r.Regi, overview.get(`styckkostnad:${r.Insats}:${r.Regi}`)]);
        }
        for (const [id, b] of overview) {
          const f = benchmark({ result }, id);
          expect([id, isFigureError(f) ? null : f]).toEqual([id, b]);
        }
        const overviewValue = new Map(rowsOf(blockOf(sheets, "KPB Översikt", "KPB_Oversikt")).map((r) => [String(r.Id), r["Värde"]]));
        for (const card of summaryFigures(result, "sv")) {
          expect([card.id, card.benchmark ? Number(card.benchmark.value) : null]).toEqual([card.id, overview.get(card.id) ?? null]);
          if (card.unit.startsWith("kr/")) expect([card.id, Number(card.value)]).toEqual([card.id, overviewValue.get(card.id)]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("a workbook catalogue without Nyckeltal and a Jämförelse row by Kolada id: the card compares with it like the sheets", () => {
    const input = workbook({
      ledger: [["1", "1", "5110", 80_000]],
      rules: [byAnsvar(1, "HT")],
      pools: [intervention("HT", "Hemtjänst")],
      clients: [["X", 1940, "HT", 100, "2024-01"]],
    });
    input.Insatskatalog = { rows: [["Insats", "Område", "Volymenhet"], ["Hemtjänst", "ÄO", "timmar"]], sheet: "Insatskatalog" };
    input.Jämförelse = { rows: [["Nyckeltal", "Värde", "Källa", "År"], ["U21003", 649, "Kolada", 2024]], sheet: "Jämförelse" };
    const result = runOk(input);
    const card = summaryFigures(result, "sv").find((c) => c.id === "hemtjanst_egen_kr_timme")!;
    expect(card.benchmark?.value).toBe("649");
    const sheets = sheetsOf(result);
    expect(rowsOf(blockOf(sheets, "KPB Styckkostnader", "KPB_Styckkostnader"))[0]["Jämförelse"]).toBe(649);
    expect(rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_insats"))[0]["Jämförelse"]).toBe(649);
    expect(benchmark({ result }, "hemtjanst_egen_kr_timme")).toBe(649);
  });
});

describe("issue 19 item 4, more of the kind: Konsumtion and Översikt share the lookup for cost per inhabitant", () => {
  it("a Jämförelse row named as the figure is named is used on both", () => {
    const input = workbook({
      ledger: [["1", "1", "5110", 80_000]],
      rules: [byAnsvar(1, "HT")],
      pools: [intervention("HT", "Hemtjänst")],
      clients: [["X", 1940, "HT", 100, "2024-01"]],
      population: [["0-19", 300], ["20-64", 400], ["65-79", 200], ["80-w", 100]],
    });
    input.Jämförelse = { rows: [["Nyckeltal", "Värde", "Källa", "År"], ["Kostnad per invånare, ÄO, alla åldrar", 700, "Test", 2024]], sheet: "Jämförelse" };
    const result = runOk(input);
    const sheets = sheetsOf(result, () => undefined);
    const overview = rowsOf(blockOf(sheets, "KPB Översikt", "KPB_Oversikt")).find((r) => r.Id === "kostnad_per_invanare:ÄO:alla")!;
    const consumption = rowsOf(blockOf(sheets, "KPB Konsumtion", "KPB_Konsumtion")).find((r) => r["Område"] === "ÄO" && r["Åldersgrupp"] === "alla")!;
    expect([overview["Jämförelse"], consumption["Jämförelse kostnad per invånare"]]).toEqual([700, 700]);
  });
});

// ---------------------------------------------------------------------------------------------
// The catalogue, clients, spellings, HSL

const hemtjanst = (extra: Partial<Parameters<typeof workbook>[0]> = {}) =>
  workbook({
    ledger: [["1", "1", "5110", 120_000]],
    rules: [byAnsvar(1, "HT")],
    pools: [intervention("HT", "Hemtjänst")],
    clients: [
      ["A", 1940, "HT", 10, "2024-01"],
      ["B", 1940, "HT", 110, "2024-01"],
    ],
    ...extra,
  });

describe("issue 12 class 4: the catalogue is merged field by field", () => {
  it("an Insatskatalog without the Nyckeltal column keeps the published figure and the client mix", () => {
    const input = hemtjanst();
    input.Insatskatalog = { rows: [["Insats", "Område", "Volymenhet"], ["Hemtjänst", "ÄO", "timmar"]], sheet: "Insatskatalog" };
    const result = runOk(input);
    expect(figure(result, "hemtjanst_egen_kr_timme")).toBe("1000.000000");
    expect(result.keyFigures.some((f) => f.id.startsWith("brukarmix:"))).toBe(true);
    expect(result.hourBands.reduce((a, b) => a + b.clients, 0)).toBe(2);
  });

  it("an empty Nyckeltal keeps the default's; a filled one wins", () => {
    const empty = runOk(hemtjanst({ catalogue: [["Hemtjänst", "ÄO", "timmar", ""]] }));
    expect(figure(empty, "hemtjanst_egen_kr_timme")).toBe("1000.000000");
    const own = runOk(hemtjanst({ catalogue: [["Hemtjänst", "ÄO", "timmar", "egen_hemtjanst"]] }));
    expect(figure(own, "egen_hemtjanst")).toBe("1000.000000");
    expect(own.keyFigures.some((f) => f.id === "hemtjanst_egen_kr_timme")).toBe(false);
  });
});

describe("issue 12 class 7: a client of an intervention has volume above 0", () => {
  it("a zero-volume row counts nowhere: not in the client mix, not in N brukare, not in cost per client", () => {
    const input = hemtjanst({
      clients: [
        ["A", 1940, "HT", 10, "2024-01"],
        ["B", 1940, "HT", 110, "2024-01"],
        ["Z", 1940, "HT", 0, "2024-01"],
      ],
      population: [["80-w", 100]],
    });
    const result = runOk(input);
    expect(codes(result.problems)).toContain("zeroVolume");
    expect(result.hourBands.reduce((a, b) => a + b.clients, 0)).toBe(2);
    expect(result.hourBands.find((b) => b.band === "0-12")!.clients).toBe(1);
    expect(pool(result, "HT").clientCount).toBe(2);
    expect(result.consumption.find((r) => r.area === "ÄO" && r.ageGroup === "alla")!.clients).toBe(2);
    expect(figure(result, "kostnad_per_brukare:ÄO:alla")).toBe("60000.000000");
  });
});

describe("issue 21 class 9: one intervention spelled two ways is folded at reading", () => {
  it("Hemtjänst and hemtjänst are one intervention on Översikt and Potential, with a warning", () => {
    const result = runOk(
      workbook({
        ledger: [
          ["1", "1", "5110", 100_000],
          ["2", "1", "5110", 300_000],
        ],
        rules: [byAnsvar(1, "HT_A"), byAnsvar(2, "HT_B")],
        pools: [intervention("HT_A", "Hemtjänst"), intervention("HT_B", "hemtjänst")],
        clients: [
          ["X", 1940, "HT_A", 100, "2024-01"],
          ["Y", 1940, "HT_B", 100, "2024-01"],
        ],
      }),
    );
    expect(codes(result.problems)).toContain("insatsSpelling");
    expect(result.keyFigures.filter((f) => /^styckkostnad:[^:]+:egen$/.test(f.id)).map((f) => [f.id, f.value])).toEqual([["styckkostnad:Hemtjänst:egen", "2000.000000"]]);
    const potential = rowsOf(blockOf(sheetsOf(result), "KPB Potential", "KPB_Potential_insats"));
    expect(potential.map((r) => [r.Insats, r.Styckkostnad])).toEqual([["Hemtjänst", 2000]]);
    expect(pool(result, "HT_B").insats).toBe("Hemtjänst");
  });
});

describe("issue 21 class 2: delegated HSL is not in the hemtjänst hour cost", () => {
  // HT: 100 000 kr direct + 20 000 kr from the HSL support pool, over 100 h.
  const input = () =>
    workbook({
      ledger: [
        ["1", "1", "5110", 20_000],
        ["2", "1", "5110", 100_000],
      ],
      rules: [byAnsvar(1, "HSL"), byAnsvar(2, "HT")],
      pools: [support("HSL", "kostnad", "*", "HSL"), intervention("HT", "Hemtjänst")],
      clients: [["X", 1940, "HT", 100, "2024-01"]],
    });

  it("hemtjanst_egen_kr_timme = 1 000 kr/h excluding HSL; the figure including it = 1 200 kr/h", () => {
    const result = runOk(input());
    expect(figure(result, "hemtjanst_egen_kr_timme")).toBe("1000.000000");
    expect(figure(result, "hemtjanst_egen_kr_timme_inkl_hsl")).toBe("1200.000000");
    expect(figure(result, "styckkostnad:Hemtjänst:egen")).toBe("1200.000000");
    for (const id of ["hemtjanst_egen_kr_timme", "hemtjanst_egen_kr_timme_inkl_hsl"]) {
      expect(explainKeyFigure(result, id)!.checks.every((c) => c.ok)).toBe(true);
    }
  });

  it("without HSL in hemtjänst there is no separate inkl. figure", () => {
    const result = runOk(hemtjanst());
    expect(result.keyFigures.some((f) => f.id === "hemtjanst_egen_kr_timme_inkl_hsl")).toBe(false);
    expect(new Dec(figure(result, "hemtjanst_egen_kr_timme")).toNumber()).toBe(1000);
  });
});

describe("issue 21 class 3: volume units are converted or refused, never relabelled", () => {
  const inUnit = (unit: string, volume: number) =>
    hemtjanst({
      catalogue: [["Hemtjänst", "ÄO", unit, ""]],
      clients: [["A", 1940, "HT", volume, "2024-01"]],
      population: [["80-w", 100]],
    });

  it("minuter are converted to timmar: 7 200 minutes of 120 000 kr = 1 000 kr/timme, and the client's 120 hours fall in 96-144", () => {
    const result = runOk(inUnit("minuter", 7200));
    expect(codes(result.problems)).toContain("volumeUnitConverted");
    expect(pool(result, "HT").volumeUnit).toBe("timmar");
    expect(pool(result, "HT").volumeMicro).toBe(120_000_000);
    expect(figure(result, "hemtjanst_egen_kr_timme")).toBe("1000.000000");
    expect(result.keyFigures.find((f) => f.id === "styckkostnad:Hemtjänst:egen")!.unit).toBe("kr/timme");
    expect(result.hourBands.find((b) => b.band === "96-144")!.clients).toBe(1);
    expect(figure(result, "hemtjanst_timmar_per_inv_80")).toBe("1.200000");
    expect(costPerHour({ result }, "Hemtjänst", null)).toBe(1000);
  });

  it("a unit that does not fit the published figure: no kr/timme figure and no hour bands, with a problem", () => {
    const result = runOk(inUnit("besök", 300));
    expect(codes(result.problems)).toContain("volumeUnitMismatch");
    expect(result.keyFigures.some((f) => f.id === "hemtjanst_egen_kr_timme")).toBe(false);
    expect(result.keyFigures.find((f) => f.id === "styckkostnad:Hemtjänst:egen")!.unit).toBe("kr/besök");
    expect(result.hourBands.reduce((a, b) => a + b.clients, 0)).toBe(0);
    expect(result.keyFigures.some((f) => f.id === "hemtjanst_timmar_per_inv_80")).toBe(false);
    // Nor is its unit cost compared with a per-hour benchmark.
    const sheets = sheetsOf(result);
    expect(rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_insats"))[0]["Jämförelse"]).toBeNull();
    expect(isFigureError(costPerHour({ result }, "Hemtjänst", null))).toBe(true);
  });

  it("veckor become dygn where the published figure is per dygn", () => {
    const result = runOk(
      workbook({
        ledger: [["1", "1", "5110", 70_000]],
        rules: [byAnsvar(1, "KT")],
        pools: [intervention("KT", "Korttidsvård")],
        clients: [["A", 1940, "KT", 2, "2024-01"]],
        catalogue: [["Korttidsvård", "ÄO", "veckor", ""]],
      }),
    );
    expect(pool(result, "KT").volumeUnit).toBe("dygn");
    expect(figure(result, "korttid_egen_kr_dygn")).toBe("5000.000000");
  });
});

describe("issue 12 class 7, more of the kind: a client with only zero volumes is no client", () => {
  it("is not on KPB Brukare and not in the number of clients", () => {
    const result = runOk(
      hemtjanst({
        clients: [
          ["A", 1940, "HT", 10, "2024-01"],
          ["Z", 1940, "HT", 0, "2024-01"],
        ],
      }),
    );
    expect(result.clients.map((c) => c.id)).toEqual(["A"]);
    expect(rowsOf(blockOf(sheetsOf(result), "KPB Brukare", "KPB_Brukare")).map((r) => r.BrukarID)).toEqual(["A"]);
  });
});

describe("issue 21 class 3, more of the kind: hours written short are hours", () => {
  it("Volymenhet tim gives kr/timme", () => {
    const result = runOk(hemtjanst({ catalogue: [["Hemtjänst", "ÄO", "tim", ""]] }));
    expect(pool(result, "HT").volumeUnit).toBe("timmar");
    expect(result.keyFigures.find((f) => f.id === "styckkostnad:Hemtjänst:egen")!.unit).toBe("kr/timme");
  });
});

describe("issue 16: a bundled average older than the age limit is shown with its year, and drives no money", () => {
  // Gruppbostad LSS in a 2024 run: the newest bundled KPB average is 2011's 2 491 kr/dygn.
  const gruppbostad = (jamforelse?: Row[]) => {
    const input = workbook({
      ledger: [["1", "1", "5110", 1_825_000]],
      rules: [byAnsvar(1, "GB")],
      pools: [intervention("GB", "Gruppbostad LSS")],
      clients: [["X", 1980, "GB", 365, "2024-01"]],
      population: [["0-19", 300], ["20-64", 400], ["65-79", 200], ["80-w", 100]],
    });
    if (jamforelse) input.Jämförelse = { rows: [["Nyckeltal", "Värde", "Källa", "År"], ...jamforelse], sheet: "Jämförelse" };
    return runOk(input);
  };
  const YEAR_TEXT = "KPB-snitt 2011 (13 år äldre, ingår ej i potential)";

  it("Översikt, Styckkostnader, the card and KPB.BENCHMARK show 2 491 with its year", () => {
    const result = gruppbostad();
    const sheets = sheetsOf(result);
    const overview = rowsOf(blockOf(sheets, "KPB Översikt", "KPB_Oversikt")).find((r) => r.Id === "gruppbostad_egen_kr_dygn")!;
    expect([overview["Jämförelse"], overview["Jämförelsen avser"]]).toEqual([2491, YEAR_TEXT]);
    const unit = rowsOf(blockOf(sheets, "KPB Styckkostnader", "KPB_Styckkostnader"))[0];
    expect([unit["Jämförelse"], unit["Jämförelsen avser"]]).toEqual([2491, YEAR_TEXT]);
    expect(summaryFigures(result, "sv").find((c) => c.id === "gruppbostad_egen_kr_dygn")!.benchmark?.value).toBe("2491");
    expect(benchmark({ result }, "gruppbostad_egen_kr_dygn")).toBe(2491);
  });

  it("KPB Potential, KPB.POTENTIAL, the index decomposition and the validation flags leave it out", () => {
    const result = gruppbostad();
    const sheets = sheetsOf(result);
    // 5 000 kr/dygn against 2 491 would be a potential and a flag if the figure drove money.
    for (const r of rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_insats"))) expect([r.Insats, r["Jämförelse"], r.Potential ?? null]).toEqual([r.Insats, null, null]);
    expect(isFigureError(figurePotential({ result }, "Gruppbostad LSS", undefined))).toBe(true);
    const lss = indexDecompositions(result, result.benchmark, bundledPublished).filter((d) => d.area === "LSS");
    expect(lss.length).toBeGreaterThan(0);
    for (const d of lss) for (const i of d.items) expect([i.insats, i.benchmarkUnitCost, i.included]).toEqual([i.insats, null, false]);
    expect(validationFlags(result, result.benchmark, { published: bundledPublished }).filter((f) => f.kind === "Styckkostnad mot jämförelse")).toEqual([]);
  });

  it("the workbook's own Jämförelse row of the same year has no age limit and does drive money", () => {
    const result = gruppbostad([["gruppbostad_egen_kr_dygn", 2491, "Eget", 2011]]);
    const sheets = sheetsOf(result);
    const row = rowsOf(blockOf(sheets, "KPB Potential", "KPB_Potential_insats"))[0];
    expect(row["Jämförelse"]).toBe(2491);
    expect(figurePotential({ result }, "Gruppbostad LSS", undefined)).toBe((5000 - 2491) * 365);
    expect(validationFlags(result, result.benchmark, { published: bundledPublished }).some((f) => f.kind === "Styckkostnad mot jämförelse")).toBe(true);
  });
});
