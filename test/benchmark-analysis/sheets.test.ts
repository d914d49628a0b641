/** The benchmark result sheets on the Exempelby sample: names, stable columns, well-formed blocks and charts. */
import { HISTORY_SHEET } from "../../src/engine/benchmark/history";
import { Dec } from "../../src/engine/decimal";
import { RESULT_SHEET_NAMES, resultSheets, type SheetLayout } from "../../src/layouts";
import { runSample } from "../sample-run";

const result = runSample();
const sheets = resultSheets(result, result.benchmark);
const sheet = (name: string, list: SheetLayout[] = sheets) => list.find((s) => s.name === name)!;
const headers = (s: SheetLayout, block = 0) => s.blocks[block].columns.map((c) => c.header);
/** A row by its key: the first column, or on Översikt the id in the last. */
const cell = (s: SheetLayout, block: number, rowKey: string, header: string) => {
  const b = s.blocks[block];
  const key = s.name === "KPB Översikt" && block === 0 ? b.columns.length - 1 : 0;
  const row = b.rows.find((r) => r[key] === rowKey)!;
  return row[b.columns.findIndex((c) => c.header === header)];
};

describe("result sheets with the benchmark analyses", () => {
  it("keeps the sheet names and adds KPB Potential, and KPB Historik only when the previous history is given", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "KPB Översikt",
      "KPB Styckkostnader",
      "KPB Enheter",
      "KPB Brukare",
      "KPB Ytterfall",
      "KPB Brukarmix",
      "KPB Konsumtion",
      "KPB Insatsmix",
      "KPB Potential",
      "KPB Avstämning",
      "KPB Spårning",
    ]);
    const withHistory = resultSheets(result, result.benchmark, { history: [], runTime: "2025-02-01 10:00" });
    expect(withHistory.map((s) => s.name)).toContain("KPB Historik");
    // Always written: the listed names; the history sheet only on request (a refresh without the
    // previous rows must not overwrite it).
    expect(withHistory.map((s) => s.name).filter((n) => n !== HISTORY_SHEET)).toEqual([...RESULT_SHEET_NAMES]);
    expect(RESULT_SHEET_NAMES).not.toContain(HISTORY_SHEET);
    expect(sheet("KPB Historik", withHistory).blocks[0].rows).toHaveLength(result.keyFigures.length);
  });

  it("keeps the KPB Styckkostnader columns where users' formulas expect them", () => {
    expect(headers(sheet("KPB Styckkostnader"))).toEqual([
      "Pool",
      "Insats",
      "Enhet",
      "Regi",
      "Område",
      "Volymenhet",
      "Volym",
      "Direkt kostnad",
      "Personal",
      "Lokaler",
      "Övrigt",
      "Intäkter",
      "Från KOMMUN_OH",
      "Från FORV_OH",
      "Från MYNDIGHET",
      "Från NATT",
      "Från HSL_SABO",
      "Fördelad kostnad",
      "Total kostnad",
      "Styckkostnad",
      "Jämförelse",
      "Brukare",
      "Jämförelsen avser",
    ]);
  });

  it("shows the intervention's benchmark on every pool of KPB Styckkostnader, SÄBO and annan regi included", () => {
    const s = sheet("KPB Styckkostnader");
    // Not the HSL-i-SÄBO figure that shares the SÄBO scope: the SÄBO day benchmark 2 559 (Jämförelse 2023).
    expect(cell(s, 0, "SABO_ROSEN", "Jämförelse")).toBe(2559);
    expect(cell(s, 0, "SABO_LINDEN", "Jämförelse")).toBe(2559);
    expect(cell(s, 0, "HT_OMSORGAB", "Jämförelse")).toBe(649);
    expect(cell(s, 0, "HT_NORR", "Jämförelse")).toBe(649);
  });

  it("keeps the first columns of Översikt, Brukarmix and Konsumtion and adds the new ones to the right", () => {
    // Översikt is the committee's page: the human name first, the id last (issue 16).
    expect(headers(sheet("KPB Översikt"))).toEqual(["Nyckeltal", "Värde", "Enhet", "Jämförelse", "Skillnad", "Index", "Riktning", "Jämförelsen avser", "Källa", "Avgränsning", "Id"]);
    expect(headers(sheet("KPB Brukarmix")).slice(0, 4)).toEqual(["Timmar per år", "Brukare", "Andel", "Jämförelse"]);
    expect(headers(sheet("KPB Konsumtion")).slice(0, 8)).toEqual([
      "Område",
      "Åldersgrupp",
      "Invånare",
      "Brukare",
      "Kostnad",
      "Kostnad per brukare",
      "Kostnad per invånare",
      "Andel brukare",
    ]);
  });

  it("puts each key figure beside its benchmark in Översikt, with index, difference and direction", () => {
    const s = sheet("KPB Översikt");
    const own = Number(result.keyFigures.find((f) => f.id === "hemtjanst_egen_kr_timme")!.value);
    expect(cell(s, 0, "hemtjanst_egen_kr_timme", "Jämförelse")).toBe(649);
    expect(cell(s, 0, "hemtjanst_egen_kr_timme", "Skillnad")).toBeCloseTo(own - 649, 9);
    expect(cell(s, 0, "hemtjanst_egen_kr_timme", "Index")).toBeCloseTo(own / 649, 11);
    expect(cell(s, 0, "hemtjanst_egen_kr_timme", "Riktning")).toBe(own > 649 ? "↑ högre" : "↓ lägre");
    expect(cell(s, 0, "hemtjanst_egen_kr_timme", "Jämförelsen avser")).toBe("KPB-snitt 2023 (1 år äldre)");
    // From the bundled averages (Aneby review, KPB-snitt 2023), percent as a fraction.
    expect(cell(s, 0, "andel_brukare:ÄO:80-w", "Jämförelse")).toBeCloseTo(0.498, 12);
    expect(cell(s, 0, "andel_brukare:ÄO:80-w", "Källa")).toMatch(/\(följer med tillägget\)/);
    // A 2011 average is beyond the age limit for a 2024 run: shown with its year, not hidden.
    expect(cell(s, 0, "gruppbostad_egen_kr_dygn", "Jämförelse")).toBe(2491);
    expect(cell(s, 0, "gruppbostad_egen_kr_dygn", "Jämförelsen avser")).toBe("KPB-snitt 2011 (13 år äldre, ingår ej i potential)");
    expect(s.charts.map((c) => c.name)).toEqual(["KPB_Oversikt_diagram", "KPB_Oversikt_per_invanare_diagram"]);
    // The chart has no year per bar: it compares only with benchmarks within the age limit; the
    // 2011 averages of gruppbostad and personlig assistans stay in the table with their age.
    expect(s.blocks[1].rows.map((r) => r[0])).toEqual([
      "Kostnad per beviljad hemtjänsttimme, egen regi",
      "Kostnad särskilt boende inkl. HSL, egen regi",
      "Kostnad korttidsboende ordinärt boende, egen regi",
    ]);
  });

  it("has a potential per pool of max(0, cost − benchmark × volume) and totals that add up", () => {
    const s = sheet("KPB Potential");
    const pools = s.blocks[1];
    const col = (h: string) => pools.columns.findIndex((c) => c.header === h);
    let sum = new Dec(0);
    for (const r of pools.rows) {
      const bench = r[col("Jämförelse")] as number | null;
      if (bench === null) {
        expect(r[col("Potential")]).toBeNull();
        continue;
      }
      const expected = Dec.max(0, new Dec(r[col("Kostnad")] as number).minus(new Dec(bench).times(r[col("Volym")] as number))).toDecimalPlaces(2);
      expect(r[col("Potential")]).toBe(expected.toNumber());
      sum = sum.plus(expected);
    }
    const totals = s.blocks[3].rows;
    expect(totals[1][1]).toBe(sum.toNumber());
    // Per intervention ≤ per pool (a cheap unit offsets a dear one only in the former).
    expect(totals[0][1] as number).toBeLessThanOrEqual(totals[1][1] as number);
    expect(totals[0][1] as number).toBeGreaterThan(0);
  });

  it("shows P, Q and the counterfactuals in Konsumtion where the benchmark allows (ÄO 80-w)", () => {
    const s = sheet("KPB Konsumtion");
    const b = s.blocks[0];
    const row = b.rows.find((r) => r[0] === "ÄO" && r[1] === "80-w")!;
    const at = (h: string) => row[b.columns.findIndex((c) => c.header === h)] as number;
    expect(at("Jämförelse kostnad per invånare")).toBe(148587);
    expect(at("Styckkostnadsindex") * at("Konsumtionsindex")).toBeCloseTo(at("Kostnadsindex jämförda insatser"), 10);
    // Counterfactual at the benchmark's cost per client: 302 054 × own clients.
    expect(at("Kostnad vid jämförelsens kostnad per brukare")).toBe(302054 * at("Brukare"));
    expect(at("Skillnad mot jämförelsens kostnad per brukare")).toBeCloseTo(at("Kostnad") - 302054 * at("Brukare"), 2);
    const detail = s.blocks[1].rows.filter((r) => r[0] === "ÄO" && r[1] === "80-w" && r[10] === "ja").map((r) => r[2]);
    expect(detail).toEqual(["Hemtjänst", "Särskilt boende"]);
  });

  it("has no published benchmark when the bundled averages are switched off", () => {
    const off = resultSheets(result, result.benchmark, { published: null });
    expect(cell(sheet("KPB Översikt", off), 0, "andel_brukare:ÄO:80-w", "Jämförelse")).toBeNull();
    expect(cell(sheet("KPB Översikt", off), 0, "hemtjanst_egen_kr_timme", "Jämförelse")).toBe(649);
  });

  it("writes well-formed blocks: unique table names and headers, full rows, charts over existing columns", () => {
    const all = resultSheets(result, result.benchmark, { history: [], runTime: "2025-02-01 10:00" });
    const tables = all.flatMap((s) => s.blocks.map((b) => b.tableName));
    expect(new Set(tables).size).toBe(tables.length);
    for (const s of all) {
      for (const b of s.blocks) {
        const hs = b.columns.map((c) => c.header);
        expect(new Set(hs).size).toBe(hs.length);
        expect(hs.every((h) => h.trim() !== "")).toBe(true);
        for (const r of b.rows) expect(r).toHaveLength(b.columns.length);
        for (const f of b.rowFormats ?? []) expect(f.formats).toHaveLength(b.rows.length);
      }
      const names = s.charts.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const ch of s.charts) {
        const b = s.blocks[ch.block];
        expect(b).toBeDefined();
        for (const col of [ch.categoryColumn, ...ch.valueColumns]) expect(col).toBeLessThan(b.columns.length);
        expect(ch.valueColumns.length).toBeGreaterThan(0);
      }
    }
  });
});
