/**
 * KPB Månad's flag on months whose cost deviates from their neighbours (issue 17): a year-end
 * accrual in December stands out against the median of October..February and is listed with the
 * Ekonomi rows that make the month.
 */
import type { CellValue } from "../../src/engine/model";
import { monthFlags, monthlySeries, type MonthLine } from "../../src/engine/monthly-series";
import { monthSheet } from "../../src/layouts";
import { rollingWindow } from "../../src/engine/period-window";
import { exempelbyTables } from "../../src/sample/exempelby";
import { exempelbyTwoYears } from "../../src/sample/exempelby-months";
import { input } from "./two-years";

/** The sample's 2024 ledger spread evenly over the twelve months: every month costs the same. */
function evenYear(extra: CellValue[][] = [], settings: CellValue[][] = []) {
  const t = exempelbyTables();
  const amount = t.Ekonomi[0].indexOf("Belopp");
  const rows: CellValue[][] = [];
  for (let m = 1; m <= 12; m++) for (const r of t.Ekonomi.slice(1)) rows.push([...r.map((c, j) => (j === amount ? Math.round((Number(c) / 12) * 100) / 100 : c)), `2024-${String(m).padStart(2, "0")}`]);
  return input({ ...t, Ekonomi: [[...t.Ekonomi[0], "Period"], ...rows, ...extra], Inställningar: [...t.Inställningar, ...settings] });
}

const window = rollingWindow("2024-12");
const even = monthlySeries(evenYear(), window, { pseudonymSecret: "s" });
const december = even.lines.find((l) => l.insats === "Hemtjänst" && l.regi === "egen" && l.month === "2024-12")!;
const top = december.sources!.rows[0];
// A year-end accrual: twice the month's cost booked on December on the month's largest codes.
const accrualKr = (december.costOre! * 2) / 100;
const accrual: CellValue[] = [top.ansvar, top.verksamhet, top.aktivitet, top.konto, accrualKr, "Periodisering bokslut", "2024-12"];

describe("KPB Månad: months deviating from the median of their neighbours", () => {
  it("an even year has no flags for Hemtjänst; every month's sources add up to its cost", () => {
    expect(even.deviationLimit).toBe(0.5);
    expect(even.flags.filter((f) => f.insats === "Hemtjänst")).toEqual([]);
    for (const l of even.lines) {
      const s = l.sources!;
      expect(s.rows.length).toBeLessThanOrEqual(5);
      expect(s.rows.reduce((n, r) => n + r.amountOre, 0) + s.otherOre + s.allocatedOre).toBe(l.costOre);
    }
  });

  it("a year-end accrual flags December, listing the accrual first and amounts that add up to the month's cost", () => {
    const series = monthlySeries(evenYear([accrual]), window, { pseudonymSecret: "s" });
    const flags = series.flags.filter((f) => f.insats === "Hemtjänst" && f.regi === "egen");
    expect(flags.map((f) => f.month)).toEqual(["2024-12"]);
    const f = flags[0];
    // The accrual and, by cost keys, a larger share of the support pools.
    expect(f.costOre - december.costOre!).toBeGreaterThanOrEqual(accrualKr * 100);
    expect(Number(f.deviation)).toBeGreaterThan(0.5);
    expect(f.sources.rows[0]).toMatchObject({ konto: top.konto, amountOre: accrualKr * 100 });
    expect(f.sources.rows.reduce((n, r) => n + r.amountOre, 0) + f.sources.otherOre + f.sources.allocatedOre).toBe(f.costOre);
    // On the sheet: one row per listed row, the rest summed, the support pools' part; Belopp adds up.
    const block = monthSheet(series).blocks.find((b) => b.tableName === "KPB_Manad_avvikelser")!;
    const mine = block.rows.filter((r) => r[0] === "Hemtjänst" && r[1] === "egen" && r[2] === "2024-12");
    expect(mine[0][3]).toBe(f.costOre / 100);
    expect(Math.round(mine.reduce((n, r) => n + Number(r[11]), 0) * 100)).toBe(f.costOre);
  });

  it("the share is settable in Inställningar (Månad avvikelse): a higher limit lets the accrual pass", () => {
    const series = monthlySeries(evenYear([accrual], [["Månad avvikelse", "500 %"]]), window, { pseudonymSecret: "s" });
    expect(series.deviationLimit).toBe(5);
    expect(series.flags.filter((f) => f.insats === "Hemtjänst" && f.regi === "egen")).toEqual([]);
  });

  it("the rule: ±2 months, at least two neighbours with figures, a median of 0 with cost flags", () => {
    const line = (month: string, costOre: number | null): MonthLine => ({
      insats: "X", regi: "egen", month, costOre, volumeMicro: null, clients: null, unitCost: null, ytdUnitCost: null, rollingUnitCost: null,
      sources: costOre === null ? null : { rows: [], otherOre: costOre, otherCount: 1, allocatedOre: 0 },
    });
    const costs: [string, number | null][] = [["2024-10", 100], ["2024-11", 100], ["2024-12", 151], ["2025-01", 100], ["2025-02", 0], ["2025-03", null], ["2025-04", 0], ["2025-05", 0], ["2025-06", 5]];
    const flags = monthFlags(costs.map(([m, c]) => line(m, c)), 0.5);
    // 151 vs median 100 (> 50 %); February's 0 vs median 100 (−100 %); May's 0 vs 3 (April 0, June 5, March without figures); June's 5 vs median 0 of April and May.
    expect(flags.map((f) => [f.month, f.neighbourMedianOre, f.deviation])).toEqual([
      ["2024-12", 100, "0.51"],
      ["2025-02", 100, "-1"],
      ["2025-05", 3, "-1"],
      ["2025-06", 0, null],
    ]);
    expect(monthFlags(costs.map(([m, c]) => line(m, c)), 0.6).map((f) => f.month)).toEqual(["2025-02", "2025-05", "2025-06"]);
  });

  describe("quarterly bookings (rent, purchased care invoiced per quarter)", () => {
    const line = (month: string, costOre: number): MonthLine => ({
      insats: "X", regi: "egen", month, costOre, volumeMicro: null, clients: null, unitCost: null, ytdUnitCost: null, rollingUnitCost: null,
      sources: { rows: [], otherOre: costOre, otherCount: 1, allocatedOre: 0 },
    });
    /** 100 a month, the quarter's last month about 300 (the quarterly booking varies a little). */
    const quarterly = (changes: Record<string, number> = {}) =>
      Array.from({ length: 12 }, (_, i) => {
        const month = `2024-${String(i + 1).padStart(2, "0")}`;
        const base = (i + 1) % 3 === 0 ? [300, 290, 310, 305][Math.floor(i / 3)] : 100 + (i % 2);
        return line(month, changes[month] ?? base);
      });

    it("a regular quarterly pattern is not flagged: every third month is similarly high", () => {
      expect(monthFlags(quarterly(), 0.5)).toEqual([]);
    });

    it("a one-off accrual on top of a quarterly month, or in another month, is still flagged", () => {
      // December: the quarterly booking (about 300) plus an accrual of 150.
      expect(monthFlags(quarterly({ "2024-12": 455 }), 0.5).map((f) => [f.month, f.neighbourMedianOre])).toEqual([["2024-12", 101]]);
      expect(monthFlags(quarterly({ "2024-08": 400 }), 0.5).map((f) => f.month)).toEqual(["2024-08"]);
    });

    it("a pattern needs two other quarters with figures: in January..June March and June are still flagged", () => {
      const half = quarterly().slice(0, 6);
      expect(monthFlags(half, 0.5).map((f) => f.month)).toEqual(expect.arrayContaining(["2024-03", "2024-06"]));
    });
  });

  it("the two-year sample: no flags up to 2025-06 (quarterly bookings), December's year-end accrual up to 2025-12", () => {
    const sample = input(exempelbyTwoYears());
    expect(monthlySeries(sample, rollingWindow("2025-06"), { pseudonymSecret: "s" }).flags).toEqual([]);
    const december = monthlySeries(sample, rollingWindow("2025-12"), { pseudonymSecret: "s" }).flags;
    expect([...new Set(december.map((f) => f.month))]).toEqual(["2025-12"]);
    expect(december.map((f) => `${f.insats}, ${f.regi}`)).toEqual(expect.arrayContaining(["Hemtjänst, egen", "Särskilt boende, egen", "Personlig assistans, egen"]));
  });
});
