/**
 * Monthly follow-up (issue 17): the rolling twelve months ending at P are the annual calculation on
 * the rows of those months, with P's year for population and ages; P = December is the annual run.
 */
import fc from "fast-check";
import { monthSheet, resultJson, rowAccountBlock } from "../../src/layouts";
import type { CellValue, KpbResult, Problem, RunOutcome, WorkbookInput } from "../../src/engine/model";
import { monthlySeries } from "../../src/engine/monthly-series";
import { unitCostOf } from "../../src/engine/unit-costs";
import { unitCostBenchmark } from "../../src/engine/benchmark/figure-benchmark";
import { bundledPublished } from "../../src/engine/benchmark/published";
import { runKpb } from "../../src/engine/run";
import { historyRows, mergeHistory } from "../../src/engine/benchmark/history";
import { rollingWindow, yearToDateWindow, periodInWindow, daysInWindow, monthsOf } from "../../src/engine/period-window";
import { exempelbyTables, type SampleTables } from "../../src/sample/exempelby";
import { exempelbyTwoYears, SUMMER_TEMP_FACTOR } from "../../src/sample/exempelby-months";
import { input, twoYears, withColumn } from "./two-years";
import { byAnsvar, describeProblems, intervention, support, workbook, type Tables } from "./helpers";

const problemsOf = (o: RunOutcome): readonly Problem[] => (o.ok ? o.result.problems : o.problems);
const withCode = (o: RunOutcome, code: string) => problemsOf(o).filter((p) => p.code === code);

function ok(o: RunOutcome): KpbResult {
  if (!o.ok) throw new Error(`run refused:\n${describeProblems(o.problems)}`);
  return o.result;
}

/** Only the rows of the window's months, and no Period columns: what a workbook of those months alone holds. */
function windowOnly(tables: SampleTables, from: string, to: string, year: number): SampleTables {
  const only = (rows: CellValue[][]) => {
    const p = rows[0].indexOf("Period");
    const kept = rows.slice(1).filter((r) => periodInWindow(String(r[p]), { from, to }));
    return [rows[0], ...kept].map((r) => r.filter((_c, j) => j !== p));
  };
  const settings = tables.Inställningar.map((r) => (r[0] === "År" ? ["År", year] : r));
  return { ...tables, Ekonomi: only(tables.Ekonomi), Brukare: only(tables.Brukare), Inställningar: settings };
}

/** Every figure of a result: pools, clients, key figures and the money of the reconciliation. */
function figures(r: KpbResult) {
  const j = resultJson(r);
  const { rows: _rows, setAside: _setAside, ...money } = j.reconciliation;
  return { money, pools: j.pools, clients: j.clients, keyFigures: j.keyFigures };
}

describe("the window", () => {
  it("twelve months ending at P, across the turn of the year, and year to date", () => {
    expect(rollingWindow("2025-06")).toEqual({ from: "2024-07", to: "2025-06" });
    expect(rollingWindow("2025-01")).toEqual({ from: "2024-02", to: "2025-01" });
    expect(rollingWindow("2024-12")).toEqual({ from: "2024-01", to: "2024-12" });
    expect(yearToDateWindow("2025-04")).toEqual({ from: "2025-01", to: "2025-04" });
    expect(daysInWindow(rollingWindow("2024-06"))).toBe(366);
  });
});

describe("done when (a): a rolling window on two years equals the annual calculation on that window's rows alone", () => {
  it("figure by figure, for any P and any placing of the ledger's rows in months", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 7 }), (p, offset, step) => {
        const tables = twoYears((i) => ((i * step + offset) % 12) + 1);
        const to = `2025-${String(p).padStart(2, "0")}`;
        const { from } = rollingWindow(to);
        const rolling = ok(runKpb(input(tables), { overrides: { followUpTo: to }, pseudonymSecret: "s" }));
        const alone = ok(runKpb(input(windowOnly(tables, from, to, 2025)), { pseudonymSecret: "s" }));
        expect(resultJson(rolling).period).toEqual({ from, to });
        expect(figures(rolling)).toEqual(figures(alone));
        // Both years contribute, and every row read is counted or set aside.
        expect(rolling.reconciliation.setAside.map((g) => [g.table, g.reason])).toContainEqual(["Ekonomi", "periodOutsideWindow"]);
        expect(rowAccountBlock(rolling).rows.filter((r) => r[1] === "Differens (ska vara 0)").map((r) => r.slice(2))).toEqual([
          [0, 0, null],
          [0, null, 0],
        ]);
      }),
      { numRuns: 4 },
    );
  });

  it("year to date is the same calculation on January..P", () => {
    const tables = twoYears((i) => (i % 12) + 1);
    const ytd = ok(runKpb(input(tables), { overrides: { followUpTo: "2025-04", followUpKind: "ytd" }, pseudonymSecret: "s" }));
    const alone = ok(runKpb(input(windowOnly(tables, "2025-01", "2025-04", 2025)), { pseudonymSecret: "s" }));
    expect(resultJson(ytd).period).toEqual({ from: "2025-01", to: "2025-04" });
    expect(figures(ytd)).toEqual(figures(alone));
  });
});

describe("done when (b): P = December is the annual run to the öre", () => {
  it("on the two-year workbook, --period 2024-12 and the annual run for 2024 give the same JSON", () => {
    const tables = twoYears((i) => (i % 12) + 1);
    const december = ok(runKpb(input(tables), { overrides: { followUpTo: "2024-12" }, pseudonymSecret: "s" }));
    const annual = ok(runKpb(input(tables), { overrides: { year: 2024 }, pseudonymSecret: "s" }));
    expect(resultJson(december)).toEqual(resultJson(annual));
    // And that annual run is the sample's own year: its figures as if the 2025 rows were not there.
    const sample = ok(runKpb(input(exempelbyTables()), { pseudonymSecret: "s" }));
    expect(figures(annual)).toEqual(figures(sample));
  });

  it("Uppföljning till in Inställningar runs the window; --year without a month runs the year", () => {
    const tables = twoYears((i) => (i % 12) + 1);
    tables.Inställningar = [...tables.Inställningar, ["Uppföljning till", "2025-03"]];
    expect(resultJson(ok(runKpb(input(tables), { pseudonymSecret: "s" }))).period).toEqual({ from: "2024-04", to: "2025-03" });
    const annual = ok(runKpb(input(tables), { overrides: { year: 2024 }, pseudonymSecret: "s" }));
    expect(resultJson(annual).period).toBeUndefined();
    expect(annual.year).toBe(2024);
  });
});

/** Ekonomi rows 2–4 with Period: OH 1 000, HT 10 000, SABO 20 000; Brukare rows 2–3. */
function small(periods: CellValue[]): WorkbookInput {
  const t: Tables = {
    ledger: [
      ["1100", "100", "5110", 1000],
      ["6110", "511", "5110", 10_000],
      ["6210", "512", "5110", 20_000],
    ],
    rules: [byAnsvar("1100", "OH"), byAnsvar("6110", "HT"), byAnsvar("6210", "SABO")],
    pools: [support("OH", "kostnad", "*"), intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende")],
    clients: [
      ["A", 1940, "HT", 10, "2024-01"],
      ["B", 1935, "SABO", 30, "2024-01"],
    ],
  };
  const w = workbook(t);
  w.Ekonomi = { rows: withColumn(w.Ekonomi!.rows!, "Period", (_r, i) => periods[i]), sheet: "Ekonomi" };
  return w;
}

describe("new problems of the Period column in Ekonomi", () => {
  it("rows of other months in the annual run are set aside per year with one warning and their sum", () => {
    const o = runKpb(small(["2024-03", "2023-12", 45292 /* 2024-01-01 */]));
    const r = ok(o);
    expect(r.reconciliation.setAside).toEqual([{ table: "Ekonomi", reason: "periodOutsideYear", year: 2023, rows: [3], amountOre: 1_000_000, volumeMicro: 0 }]);
    const [w] = withCode(o, "periodOutsideWindowRows");
    expect(w).toMatchObject({ table: "Ekonomi", row: 3, column: "Period", severity: "warning" });
    expect(w.message).toContain("körningsåret 2024");
    expect(w.message).toMatch(/10\s000,00\skr/);
    const lines = Object.fromEntries(rowAccountBlock(r).rows.map((x) => [`${x[0]}|${x[1]}`, x.slice(2)]));
    expect(lines["Ekonomi|Lagt åt sidan: period utanför året (2023)"]).toEqual([1, 10_000, null]);
    expect(r.reconciliation.ledgerTotalOre).toBe(2_100_000);
  });

  it("a ledger row without a Period is an error naming its row and amount; the run stops", () => {
    const o = runKpb(small(["2024-03", null, "2024-05"]));
    expect(o.ok).toBe(false);
    const [e] = withCode(o, "periodEmpty");
    expect(e).toMatchObject({ table: "Ekonomi", row: 3, column: "Period", severity: "error" });
    expect(e.message).toMatch(/10\s000,00\skr/);
  });

  it("a Period that is no month is an error naming its amount", () => {
    const o = runKpb(small(["2024-03", "2024-13", "våren"]));
    expect(withCode(o, "periodNotAMonth").map((p) => p.row)).toEqual([3, 4]);
    expect(withCode(o, "periodNotAMonth")[0].message).toMatch(/10\s000,00\skr/);
  });

  it("a rolling window needs Period in Ekonomi and Brukare", () => {
    const w = workbook({
      ledger: [["6110", "511", "5110", 10_000]],
      rules: [byAnsvar("6110", "HT")],
      pools: [intervention("HT", "Hemtjänst")],
      clients: [["A", 1940, "HT", 10, "2024-01"]],
    });
    const o = runKpb(w, { overrides: { followUpTo: "2024-06" } });
    expect(o.ok).toBe(false);
    expect(withCode(o, "periodColumnMissing")).toMatchObject([{ table: "Ekonomi", column: "Period", severity: "error" }]);
  });

  it("in a rolling window a Brukare row without a Period is an error, not counted in some month", () => {
    const w = small(["2024-03", "2024-04", "2024-05"]);
    w.Brukare!.rows!.push(["C", 1930, "HT", 5, null]);
    const o = runKpb(w, { overrides: { followUpTo: "2024-06" } });
    expect(withCode(o, "periodEmpty")).toMatchObject([{ table: "Brukare", row: 4, severity: "error" }]);
    expect(withCode(o, "periodEmpty")[0].message).toContain("volym 5");
  });

  it("a window with no rows stops the run and names the window, not a year", () => {
    const o = runKpb(small(["2024-03", "2024-04", "2024-05"]), { overrides: { followUpTo: "2023-06" } });
    expect(o.ok).toBe(false);
    const [e] = withCode(o, "yearNotInData").filter((p) => p.table === "Ekonomi");
    expect(e.message).toContain("perioden 2022-07 – 2023-06");
    expect(e.message).toContain("2024");
  });

  it("a bad Uppföljning till is a warning and the annual run goes on", () => {
    const w = small(["2024-03", "2024-04", "2024-05"]);
    w.Inställningar!.rows!.push(["Uppföljning till", "juni"]);
    const o = runKpb(w);
    expect(withCode(o, "badSetting")).toMatchObject([{ table: "Inställningar", column: "Värde" }]);
    expect(ok(o).settings.period).toBeUndefined();
  });
});

describe("a follow-up is not the year's figure", () => {
  it("KPB Historik keeps the annual rows: a rolling run adds none and replaces none", () => {
    const tables = twoYears((i) => (i % 12) + 1);
    const rolling = ok(runKpb(input(tables), { overrides: { followUpTo: "2024-06" }, pseudonymSecret: "s" }));
    const annual = ok(runKpb(input(tables), { overrides: { year: 2024 }, pseudonymSecret: "s" }));
    expect(historyRows(rolling, "2025-07-01 08:00")).toEqual([]);
    const before = historyRows(annual, "2025-02-01 08:00");
    expect(before.length).toBeGreaterThan(0);
    expect(mergeHistory(before, historyRows(rolling, "2025-07-01 08:00"))).toEqual(before);
  });
});

describe("KPB Månad: each month's figures are the same calculation on other months' rows", () => {
  const tables = twoYears((i) => (i % 12) + 1);
  const window = rollingWindow("2025-06");
  const series = monthlySeries(input(tables), window, { pseudonymSecret: "s" });
  const lineOf = (intervention: string, regi: string, month: string) => series.lines.find((l) => l.insats === intervention && l.regi === regi && l.month === month)!;
  const group = (r: KpbResult, intervention: string, regi: string) => r.pools.filter((p) => p.kind === "insats" && p.insats === intervention && p.regi === regi);

  it("keeps every key figure of the rolling and year-to-date runs ending at each month (the pane's month before)", () => {
    const valuesOf = (r: KpbResult) => Object.fromEntries(r.keyFigures.map((f) => [f.id, f.value]));
    const may = ok(runKpb(input(tables), { overrides: { followUpTo: "2025-05" }, pseudonymSecret: "s" }));
    expect(series.keyFigures.rolling["2025-05"]).toEqual(valuesOf(may));
    const march = ok(runKpb(input(tables), { overrides: { followUpTo: "2025-03", followUpKind: "ytd" }, pseudonymSecret: "s" }));
    expect(series.keyFigures.ytd["2025-03"]).toEqual(valuesOf(march));
  });

  it("the month's cost, volume and unit cost are the calculation on that month's rows alone", () => {
    expect(series.refused).toEqual([]);
    const alone = ok(runKpb(input(windowOnly(tables, "2025-03", "2025-03", 2025)), { pseudonymSecret: "s" }));
    const l = lineOf("Hemtjänst", "egen", "2025-03");
    const pools = group(alone, "Hemtjänst", "egen");
    expect([l.costOre, l.volumeMicro, l.unitCost]).toEqual([pools.reduce((n, p) => n + p.costOre, 0), pools.reduce((n, p) => n + p.volumeMicro, 0), unitCostOf(pools).value]);
  });

  it("year to date at a month is the calculation on January..that month; clients are counted once per intervention × regi", () => {
    const ytd = ok(runKpb(input(tables), { overrides: { followUpTo: "2025-04", followUpKind: "ytd" }, pseudonymSecret: "s" }));
    expect(lineOf("Hemtjänst", "egen", "2025-04").ytdUnitCost).toBe(unitCostOf(group(ytd, "Hemtjänst", "egen")).value);
    expect(lineOf("Hemtjänst", "egen", "2025-01").ytdUnitCost).toBe(lineOf("Hemtjänst", "egen", "2025-01").unitCost);
    const alone = ok(runKpb(input(windowOnly(tables, "2025-03", "2025-03", 2025)), { pseudonymSecret: "s" }));
    const ids = new Set(group(alone, "Hemtjänst", "egen").map((p) => p.pool));
    const clients = alone.clients.filter((c) => Object.keys(c.poolsOre).some((id) => ids.has(id))).length;
    expect(clients).toBeGreaterThan(0);
    expect(lineOf("Hemtjänst", "egen", "2025-03").clients).toBe(clients);
  });

  it("the rolling-twelve unit cost at P is the rolling run's; the months' volumes add up to the window's", () => {
    const rolling = ok(runKpb(input(tables), { overrides: { followUpTo: "2025-06" }, pseudonymSecret: "s" }));
    for (const [intervention, regi] of [["Hemtjänst", "egen"], ["Särskilt boende", "egen"]]) {
      const pools = group(rolling, intervention, regi);
      expect(lineOf(intervention, regi, "2025-06").rollingUnitCost).toBe(unitCostOf(pools).value);
      const months = series.lines.filter((l) => l.insats === intervention && l.regi === regi);
      expect(months.map((l) => l.month)).toEqual(monthsOf(window));
      expect(months.reduce((n, l) => n + l.volumeMicro!, 0)).toBe(pools.reduce((n, p) => n + p.volumeMicro, 0));
    }
    const sheet = monthSheet(series);
    expect(sheet.name).toBe("KPB Månad");
    expect(sheet.blocks[1].rows.map((r) => r[0])).toEqual(monthsOf(window));
  });

  it("the line chart: per intervention × regi its rolling-twelve unit cost and the benchmark from the one lookup as a line", () => {
    const rolling = ok(runKpb(input(tables), { overrides: { followUpTo: "2025-06" }, pseudonymSecret: "s" }));
    const ctx = { rows: rolling.benchmark, year: rolling.year, published: bundledPublished };
    const sheet = monthSheet(series, { result: rolling, ctx });
    const pivot = sheet.blocks[1];
    const labels = [...new Set(series.lines.map((l) => `${l.insats}, ${l.regi} regi`))];
    expect(sheet.charts).toHaveLength(labels.length);
    let withBenchmark = 0;
    labels.forEach((label, i) => {
      const chart = sheet.charts[i];
      expect(chart).toMatchObject({ kind: "line", block: 1, categoryColumn: 0, valueColumns: [1 + 2 * i, 2 + 2 * i], lineColumns: [2 + 2 * i] });
      expect(pivot.columns[1 + 2 * i].header).toBe(label);
      const l = series.lines.find((x) => `${x.insats}, ${x.regi} regi` === label)!;
      const b = unitCostBenchmark(rolling, { insats: l.insats, regi: l.regi }, ctx);
      if (b) withBenchmark++;
      expect(pivot.rows.map((r) => r[2 + 2 * i])).toEqual(pivot.rows.map(() => (b ? Number(b.value) : null)));
      const june = series.lines.find((x) => x.insats === l.insats && x.regi === l.regi && x.month === "2025-06")!;
      expect(pivot.rows.find((r) => r[0] === "2025-06")![1 + 2 * i]).toBe(june.rollingUnitCost === null ? null : Number(june.rollingUnitCost));
    });
    expect(withBenchmark).toBeGreaterThan(0);
  });

  it("per pool and month: the pools' costs and volumes add up to the intervention × regi's month", () => {
    const block = monthSheet(series).blocks.find((b) => b.tableName === "KPB_Manad_pooler")!;
    expect(block.rows.length).toBe(series.poolLines.length);
    for (const l of series.lines) {
      const pools = series.poolLines.filter((p) => p.insats === l.insats && p.regi === l.regi && p.month === l.month);
      expect([pools.reduce((n, p) => n + p.costOre, 0), pools.reduce((n, p) => n + p.volumeMicro, 0)]).toEqual([l.costOre, l.volumeMicro]);
    }
    const alone = ok(runKpb(input(windowOnly(tables, "2025-03", "2025-03", 2025)), { pseudonymSecret: "s" }));
    const p = alone.pools.find((x) => x.kind === "insats")!;
    expect(series.poolLines.find((x) => x.pool === p.pool && x.month === "2025-03")!.unitCost).toBe(p.unitCost);
  });

  it("before the data holds twelve months the rolling figure is blank, and a month without rows is refused, not shown as 0", () => {
    const early = monthlySeries(input(tables), rollingWindow("2024-02"), { pseudonymSecret: "s" });
    expect(early.lines.every((l) => l.rollingUnitCost === null)).toBe(true);
    expect(early.refused).toContainEqual({ month: "2023-03", kind: "month" });
    expect(early.lines.some((l) => l.month === "2023-03")).toBe(false);
    expect(early.lines.some((l) => l.month === "2024-02" && l.costOre !== null)).toBe(true);
  });
});

describe("the sample over 24 months (kpb sample/demo --months 24)", () => {
  const tables = exempelbyTwoYears();
  it("its 2024 is the one-year sample to the öre, and the follow-up to 2025-06 runs", () => {
    const annual = ok(runKpb(input(tables), { overrides: { year: 2024 }, pseudonymSecret: "s" }));
    const sample = ok(runKpb(input(exempelbyTables()), { pseudonymSecret: "s" }));
    expect(figures(annual)).toEqual(figures(sample));
    const rolling = ok(runKpb(input(tables), { pseudonymSecret: "s", overrides: { followUpTo: "2025-06" } }));
    expect(resultJson(rolling).period).toEqual({ from: "2024-07", to: "2025-06" });
    expect(rolling.reconciliation.balanced).toBe(true);
  });

  it("the second year has seasons: summer temps in June–August and a year-end accrual that KPB Månad flags in December", () => {
    const second = exempelbyTables(20250101).Ekonomi;
    const at = (rows: CellValue[][], konto: string, month: string) => rows.filter((r) => r[3] === konto && r[6] === month);
    const ledger = tables.Ekonomi;
    // Hourly wages: the same booking count each month, the summer months × SUMMER_TEMP_FACTOR.
    const hourly = (m: string) => at(ledger, "5130", m).reduce((n, r) => n + Number(r[4]), 0);
    expect(hourly("2025-07") / hourly("2025-05")).toBeGreaterThan(SUMMER_TEMP_FACTOR * 0.8);
    expect(hourly("2024-07") / hourly("2024-05")).toBeLessThan(1.3);
    const accruals = ledger.filter((r) => String(r[5]).startsWith("Periodisering bokslut"));
    expect(accruals.length).toBe(second.filter((r) => r[3] === "5110").length / 12);
    expect(new Set(accruals.map((r) => r[6]))).toEqual(new Set(["2025-12"]));
    const series = monthlySeries(input(tables), rollingWindow("2025-12"), { pseudonymSecret: "s" });
    const december = series.flags.find((f) => f.insats === "Hemtjänst" && f.regi === "egen" && f.month === "2025-12")!;
    expect(december).toBeDefined();
    expect(december.sources.rows.some((r) => accruals.some((a) => a[0] === r.ansvar && Math.round(Number(a[4]) * 100) === r.amountOre))).toBe(true);
  });
});
