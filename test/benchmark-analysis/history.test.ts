/** Trends: the `KPB Historik` rows, their merge on refresh, the trend blocks, and several years in one workbook. */
import { historyCells, historyRows, HISTORY_HEADER, mergeHistory, parseHistoryRows, trend, type HistoryRow } from "../../src/engine/benchmark/history";
import { historyLayout } from "../../src/layouts";
import type { CellValue, WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { run } from "./fixtures";

const resultFor = (year: number, costKr: number) =>
  run({
    year,
    pools: [{ id: "HT", insats: "Hemtjänst", costKr }],
    clients: [{ id: "A", birthYear: year - 85, pool: "HT", volume: 100 }],
    population: [["80-w", 50]],
  });

const row = (year: number, id: string, value: string, runTime = `${year + 1}-02-01 09:00`): HistoryRow => ({ year, runTime, id, name: `Namn ${id}`, value, unit: "kr/timme" });

describe("historyRows", () => {
  it("writes one row per key figure with the run's year and time", () => {
    const r = resultFor(2024, 50_000); // 500 kr/h
    const rows = historyRows(r, "2025-02-03 08:15");
    expect(rows).toHaveLength(r.keyFigures.length);
    expect(rows.find((x) => x.id === "hemtjanst_egen_kr_timme")).toEqual({
      year: 2024,
      runTime: "2025-02-03 08:15",
      id: "hemtjanst_egen_kr_timme",
      name: "Kostnad per beviljad hemtjänsttimme, egen regi",
      value: "500.000000",
      unit: "kr/timme",
    });
    // A Date becomes local "YYYY-MM-DD HH:MM".
    expect(historyRows(r, new Date(2025, 0, 9, 7, 5))[0].runTime).toBe("2025-01-09 07:05");
  });
});

describe("mergeHistory", () => {
  it("replaces the rows of the same year and key figure and keeps every other year", () => {
    const previous = [row(2022, "a", "1"), row(2023, "a", "2"), row(2023, "b", "3"), row(2024, "a", "4", "2025-01-10 10:00")];
    const refresh = [row(2024, "a", "5", "2025-03-01 10:00"), row(2024, "c", "6", "2025-03-01 10:00")];
    const merged = mergeHistory(previous, refresh);
    expect(merged.map((r) => [r.year, r.id, r.value])).toEqual([
      [2022, "a", "1"],
      [2023, "a", "2"],
      [2023, "b", "3"],
      [2024, "a", "5"],
      [2024, "c", "6"],
    ]);
    expect(merged.find((r) => r.year === 2024 && r.id === "a")!.runTime).toBe("2025-03-01 10:00");
  });

  it("adds an earlier year in year order, and a refresh of the same run changes nothing", () => {
    const later = [row(2024, "a", "4")];
    expect(mergeHistory(later, [row(2022, "a", "1")]).map((r) => r.year)).toEqual([2022, 2024]);
    const twice = mergeHistory(mergeHistory([], later), later);
    expect(twice).toEqual(later);
  });
});

describe("parseHistoryRows", () => {
  it("reads back what the sheet holds, by header name, skipping rows without year, id or number", () => {
    const rows = [row(2023, "hemtjanst_egen_kr_timme", "612.5"), row(2024, "hemtjanst_egen_kr_timme", "640.123456")];
    const cells: CellValue[][] = [[...HISTORY_HEADER], ...rows.map(historyCells), ["", "", "x", "", 1, ""], [2024, "", "", "", 1, ""], [2024, "", "y", "", "ej tal", ""]];
    expect(parseHistoryRows(cells)).toEqual(rows);
    // Columns moved and a user column added: still found by name; Swedish decimal comma accepted;
    // a sheet written before the run-time column was called Beräknad keeps its times (Körtid).
    const moved: CellValue[][] = [["Värde", "Anteckning", "Nyckeltal-id", "År", "Enhet", "Nyckeltal", "Körtid"], ["612,5", "min kommentar", "x", 2023, "kr", "X", new Date(2024, 1, 2, 3, 4)]];
    expect(parseHistoryRows(moved)).toEqual([{ year: 2023, runTime: "2024-02-02 03:04", id: "x", name: "X", value: "612.5", unit: "kr" }]);
    expect(parseHistoryRows([["Något", "annat"]])).toEqual([]);
  });
});

describe("trend and the history sheet", () => {
  it("keeps the last five years of the main key figures, one row per year", () => {
    const rows = [2018, 2019, 2020, 2021, 2022, 2023].map((y) => row(y, "hemtjanst_egen_kr_timme", String(500 + y - 2018)));
    rows.push(row(2023, "sabo_egen_kr_dygn_inkl_hsl", "2600"));
    const t = trend(rows, ["hemtjanst_egen_kr_timme", "sabo_egen_kr_dygn_inkl_hsl", "korttid_egen_kr_dygn"]);
    expect(t.ids).toEqual(["hemtjanst_egen_kr_timme", "sabo_egen_kr_dygn_inkl_hsl"]);
    expect(t.rows).toEqual([
      ["2019", 501, null],
      ["2020", 502, null],
      ["2021", 503, null],
      ["2022", 504, null],
      ["2023", 505, 2600],
    ]);
  });

  it("lays out the log first (header on row 1) and a line chart per trend block over existing columns", () => {
    const two = mergeHistory(historyRows(resultFor(2023, 40_000), "2024-02-01 10:00"), historyRows(resultFor(2024, 50_000), "2025-02-01 10:00"));
    const sheet = historyLayout(two);
    expect(sheet.name).toBe("KPB Historik");
    expect(sheet.blocks[0].title).toBeUndefined();
    expect(sheet.blocks[0].columns.map((c) => c.header)).toEqual([...HISTORY_HEADER]);
    const unitCosts = sheet.blocks.find((b) => b.tableName === "KPB_Historik_styckkostnad")!;
    expect(unitCosts.rows).toEqual([
      ["2023", 400],
      ["2024", 500],
    ]);
    for (const chart of sheet.charts) {
      expect(chart.kind).toBe("line");
      const block = sheet.blocks[chart.block];
      expect(Math.max(...chart.valueColumns)).toBeLessThan(block.columns.length);
    }
  });
});

describe("several years in one workbook (the År column)", () => {
  // 2024's rows, and the same tables with 2023's rows added: the 2024 run must not change.
  const tables = (withOtherYear: boolean): WorkbookInput => ({
    Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024]] },
    Ekonomi: { rows: [["Ansvar", "Verksamhet", "Konto", "Belopp", "År"], ["A1", "1", "5110", 1000, 2024], ...(withOtherYear ? [["A1", "1", "5110", 7777, 2023]] : [])] },
    Kodning: { rows: [["Ansvar", "Till"], ["A1", "HT"]] },
    Pooler: { rows: [["Pool", "Insats", "Regi", "Typ"], ["HT", "Hemtjänst", "egen", "insats"]] },
    Brukare: { rows: [["BrukarID", "Födelseår", "Pool", "Volym", "År"], ["X", 1930, "HT", 10, 2024], ...(withOtherYear ? [["Y", 1930, "HT", 99, 2023]] : [])] },
    Befolkning: { rows: [["Åldersgrupp", "Antal", "År"], ["80-w", 100, 2024], ...(withOtherYear ? [["80-w", 90, 2023]] : [])] },
    Jämförelse: { rows: [["Nyckeltal", "Värde", "År"], ["hemtjanst_egen_kr_timme", 95, 2024], ...(withOtherYear ? [["hemtjanst_egen_kr_timme", 90, 2023]] : [])] },
  });

  it("skips other years' rows in Ekonomi, Brukare and Befolkning, and picks the run's year in Jämförelse", () => {
    const one = runKpb(tables(false), { pseudonymSecret: "s" });
    const both = runKpb(tables(true), { pseudonymSecret: "s" });
    if (!one.ok || !both.ok) throw new Error("run blocked");
    expect(both.result.pools).toEqual(one.result.pools);
    expect(both.result.consumption).toEqual(one.result.consumption);
    expect(both.result.keyFigures).toEqual(one.result.keyFigures);
    expect(both.result.consumption.find((r) => r.ageGroup === "80-w")!.inhabitants).toBe(100);
    const skipped = both.result.problems.filter((p) => p.code === "otherYearRows").map((p) => p.table);
    expect(skipped.sort()).toEqual(["Befolkning", "Brukare", "Ekonomi"]);
    const hist = historyRows(both.result, "2025-01-01 00:00");
    expect(new Set(hist.map((h) => h.year))).toEqual(new Set([2024]));
  });
});
