/**
 * Brytpunkt and the spread between units on small workbooks worked out by hand in the comments.
 */
import { brytpunkt } from "../../src/engine/analyses/brytpunkt";
import { unitSpread } from "../../src/engine/analyses/unit-spread";
import type { PoolResult } from "../../src/engine/model";
import { resultSheets } from "../../src/layouts";
import { explainKeyFigure } from "../../src/engine/tracing/explain";
import { breakEven } from "../../src/functions/kpb-figures";
import { byAnsvar, figure, intervention, runOk, workbook, type Row } from "../engine/helpers";

// 2024 has 366 days.
//   SABO  3 660 000 kr / 1 830 dygn = 2 000 kr/dygn  → brytpunkt 2 000 × 366 = 732 000 kr/år
//   HT_A  1 000 000 kr / 2 000 h    =   500 kr/h
//   HT_B  1 830 000 kr / 2 500 h    =   732 kr/h
//   GB    1 200 000 kr / 1 200 dygn = 1 000 kr/dygn (LSS)
// Clients (ordinary housing unless in SÄBO):
//   A  HT_A 1 200 h                 = 600 000             below
//   B  HT_A   800 h + GB 400 dygn   = 400 000 + 400 000 = 800 000  above by  68 000 (all interventions count)
//   C  SABO 1 830 dygn              = särskilt boende: not compared
//   D  HT_B 1 500 h                 = 1 098 000          above by 366 000
//   E  HT_B 1 000 h                 = 732 000            equal: not above ("exceeds")
//   L  GB   800 dygn                = 800 000            LSS only: no SÄBO alternative, not compared
// → 2 clients above, merkostnad 68 000 + 366 000 = 434 000 kr.
const pools: Row[] = [intervention("SABO", "Särskilt boende"), intervention("HT_A", "Hemtjänst"), intervention("HT_B", "Hemtjänst"), intervention("GB", "Gruppbostad LSS")];
const input = workbook({
  ledger: [
    ["10", "500", "5110", 3_660_000],
    ["20", "500", "5110", 1_000_000],
    ["30", "500", "5110", 1_830_000],
    ["40", "500", "5110", 1_200_000],
  ],
  rules: [byAnsvar(10, "SABO"), byAnsvar(20, "HT_A"), byAnsvar(30, "HT_B"), byAnsvar(40, "GB")],
  pools,
  clients: [
    ["A", 1935, "HT_A", 1200, null],
    ["B", 1936, "HT_A", 800, null],
    ["B", 1936, "GB", 400, null],
    ["C", 1930, "SABO", 1830, null],
    ["D", 1932, "HT_B", 1500, null],
    ["E", 1933, "HT_B", 1000, null],
    ["L", 1990, "GB", 800, null],
  ],
});
const result = runOk(input, { pseudonymSecret: "s" });

describe("brytpunkt on a hand-computed case", () => {
  it("is the SÄBO cost per dygn in egen regi × the days of the year", () => {
    expect(figure(result, "sabo_egen_kr_dygn_inkl_hsl")).toBe("2000.000000");
    expect(Number(figure(result, "brytpunkt_kr_ar"))).toBe(732_000);
  });

  it("counts the clients in ordinary housing with ÄO whose whole yearly cost exceeds it, and sums their cost above it", () => {
    expect(Number(figure(result, "brytpunkt_antal_over"))).toBe(2);
    expect(Number(figure(result, "brytpunkt_merkostnad"))).toBe(434_000);
    const b = brytpunkt(result)!;
    expect(b.compared).toBe(4); // A, B, D, E
    expect(b.above.map((c) => [c.id, c.costOre / 100, Number(c.excess), Number(c.hours), c.interventions])).toEqual([
      ["D", 1_098_000, 366_000, 1500, ["Hemtjänst"]],
      ["B", 800_000, 68_000, 800, ["Hemtjänst", "Gruppbostad LSS"]],
    ]);
  });

  it("is listed on KPB Ytterfall with a chart of clients by cost and the brytpunkt as a line", () => {
    const sheet = resultSheets(result, [], { published: null }).find((s) => s.name === "KPB Ytterfall")!;
    const table = sheet.blocks.find((b) => b.tableName === "KPB_Brytpunkt_brukare")!;
    expect(table.columns.map((c) => c.header)).toEqual(["BrukarID", "Åldersgrupp", "Årskostnad", "Över brytpunkten", "Timmar", "Insatser"]);
    expect(table.rows.map((r) => r[0])).toEqual(["D", "B"]);
    const chart = sheet.charts.find((c) => c.name === "KPB_Brytpunkt_diagram")!;
    const curve = sheet.blocks[chart.block];
    expect(curve.rows.map((r) => r[2])).toEqual([1_098_000, 800_000, 732_000, 600_000]);
    expect(curve.rows.every((r) => r[3] === 732_000)).toBe(true);
    expect(chart.lineColumns).toEqual([3]);
  });

  it("is explained from its parts and given by KPB.BREAKEVEN", () => {
    for (const id of ["brytpunkt_kr_ar", "brytpunkt_antal_over", "brytpunkt_merkostnad"]) expect(explainKeyFigure(result, id)?.ok).toBe(true);
    expect(breakEven({ result }, null)).toBe(732_000);
    expect(breakEven({ result }, "antal")).toBe(2);
    expect(breakEven({ result }, "Merkostnad")).toBe(434_000);
    expect(breakEven({ result }, "okänt")).toMatchObject({ code: "#VALUE!" });
  });

  it("is absent, not zero, without SÄBO in egen regi", () => {
    const withoutSabo = runOk(
      workbook({ ledger: [["20", "500", "5110", 1_000]], rules: [byAnsvar(20, "HT_A")], pools: [intervention("HT_A", "Hemtjänst")], clients: [["A", 1935, "HT_A", 10, null]] }),
    );
    expect(withoutSabo.keyFigures.some((f) => f.id.startsWith("brytpunkt"))).toBe(false);
    expect(breakEven({ result: withoutSabo }, null)).toMatchObject({ code: "#N/A" });
  });
});

describe("spread between units of one intervention × regi", () => {
  // Hemtjänst, egen regi: HT_A 500 kr/h (2 000 h), HT_B 732 kr/h (2 500 h).
  // Mean = (1 000 000 + 1 830 000) ÷ 4 500 = 628,888… kr/h; min 500, max 732, spread 232,
  // max/min = 1,464; index 500/628,89 = 0,795…, 732/628,89 = 1,1639…
  // Weighted variance = (2 000·(500 − m)² + 2 500·(732 − m)²) ÷ 4 500; CV = √variance ÷ m.
  it("gives each unit's unit cost, the volume-weighted mean, min, max, spread, CV and index", () => {
    const [g, ...rest] = unitSpread(result);
    expect(rest).toEqual([]); // single units (SABO, GB) have no siblings
    expect([g.insats, g.regi, g.units.map((u) => u.pool)]).toEqual(["Hemtjänst", "egen", ["HT_A", "HT_B"]]);
    const m = 2_830_000 / 4_500;
    expect(Number(g.mean)).toBeCloseTo(m, 10);
    expect(Number(g.min)).toBe(500);
    expect(Number(g.max)).toBe(732);
    expect(Number(g.spread)).toBe(232);
    expect(Number(g.ratio)).toBeCloseTo(1.464, 12);
    const variance = (2000 * (500 - m) ** 2 + 2500 * (732 - m) ** 2) / 4500;
    expect(Number(g.cv)).toBeCloseTo(Math.sqrt(variance) / m, 10);
    expect(g.units.map((u) => Number(u.index))).toEqual([expect.closeTo(500 / m, 10), expect.closeTo(732 / m, 10)]);
    expect(g.flagged).toBe(false);
    // The cost breakdown per volume unit adds up to the unit cost.
    for (const u of g.units) {
      const parts = Object.values(u.breakdown).reduce((a, b) => a + Number(b), 0);
      expect(parts).toBeCloseTo(Number(u.unitCost), 9);
    }
  });

  it("flags the spread when max ÷ min exceeds the limit in Inställningar", () => {
    const strict = runOk({ ...input, Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Spridning max/min", "1,4"]], sheet: "Inställningar" } });
    expect(strict.settings.analysisLimits.spreadRatio).toBe(1.4);
    expect(unitSpread(strict)[0].flagged).toBe(true);
    const sheet = resultSheets(strict, [], { published: null }).find((s) => s.name === "KPB Enheter")!;
    const summary = sheet.blocks[0];
    const row = summary.rows[0];
    expect(row[summary.columns.findIndex((c) => c.header === "Extrem spridning")]).toBe("ja");
    expect(String(row[summary.columns.findIndex((c) => c.header === "Att göra")])).toMatch(/samma insats/);
    // A chart per intervention: units as bars with the mean as a line, and the stacked breakdown.
    expect(sheet.charts.map((c) => [c.kind, c.lineColumns.length])).toEqual([
      ["columnClustered", 1],
      ["columnStacked", 0],
    ]);
    expect(sheet.blocks[sheet.charts[1].block].columns.slice(7).map((c) => c.header)).toEqual(["Personal", "Lokaler", "Övrigt", "Intäkter", "Stödpooler"]);
  });

  it("reads the limits from Inställningar and warns about a bad one, keeping the default", () => {
    const settings: Row[] = [
      ["Validering förändring", "15 %"],
      ["Validering avvikelse jämförelse", 0.3],
      ["Validering minsta antal brukare", 5],
      ["Spridning max/min", "hög"],
    ];
    const outcome = runOk(workbook({ ledger: [["20", "500", "5110", 1_000]], rules: [byAnsvar(20, "HT_A")], pools: [intervention("HT_A", "Hemtjänst")], clients: [["A", 1935, "HT_A", 10, null]], settings }));
    expect(outcome.settings.analysisLimits).toMatchObject({ historyChange: 0.15, benchmarkDeviation: 0.3, minClients: 5, spreadRatio: 2 });
    expect(outcome.problems.some((p) => p.code === "badSetting" && p.table === "Inställningar")).toBe(true);
  });

  it("flags a group whose lowest unit cost is zero or negative beside a positive one (max ÷ min has no meaning)", () => {
    const unit = (pool: string, costOre: number, volumeMicro: number): PoolResult => ({
      pool,
      insats: "Hemtjänst",
      area: "ÄO",
      enhet: pool,
      regi: "egen",
      kind: "insats",
      volumeUnit: "timmar",
      volumeMicro,
      directOre: costOre,
      directByCategoryOre: { Personal: costOre, Lokaler: 0, Övrigt: 0, Intäkter: 0 },
      receivedOre: {},
      allocatedOre: 0,
      passedOnOre: 0,
      costOre,
      unitCost: null,
      clientCount: 1,
      places: null,
    });
    const [g] = unitSpread({ pools: [unit("P1", -10_000, 1e6), unit("P2", 50_000, 1e6)], settings: result.settings });
    expect(g.ratio).toBeNull();
    expect(Number(g.min)).toBe(-100);
    expect(g.flagged).toBe(true);
  });
});
