import { rowsOfInput } from "../../src/engine";
import { refreshKpb } from "../../src/excel/refresh";
import { findTables, readTables, rowChunks } from "../../src/excel/read-tables";
import { runKpb } from "../../src/engine/run";
import { MONTH_SHEET, monthSheet, RESULT_SHEET_NAMES } from "../../src/layouts";
import { exempelbyTables } from "../../src/sample/exempelby";
import { exempelbyTwoYears } from "../../src/sample/exempelby-months";
import { createFakeExcel } from "../fakes/excel-fake";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

const isResult = (name: string) => name.startsWith("KPB");
const inputSnapshot = (fake: ReturnType<typeof sampleWorkbook>) =>
  JSON.stringify(fake.workbook.snapshot().sheets.filter((s) => !isResult(s.name)).map((s) => ({ name: s.name, values: s.values, formulas: s.formulas })));
// The history sheet records the run time, so two refreshes differ there by design.
const resultSnapshot = (fake: ReturnType<typeof sampleWorkbook>) => {
  const snap = fake.workbook.snapshot();
  return JSON.stringify({
    sheets: snap.sheets.filter((s) => isResult(s.name) && s.name !== "KPB Historik").map((s) => ({ name: s.name, position: s.position, values: s.values, charts: s.charts.map((c) => c.name) })),
    tables: snap.tables.filter((t) => isResult(t.sheet)),
  });
};

describe("reading the municipality's tables", () => {
  test("finds every contract table of the sample by its Excel table name and reads it unchanged", async () => {
    const fake = sampleWorkbook();
    const found = await findTables(runOf(fake));
    expect(found.map((f) => f.table).sort()).toEqual(Object.keys(exempelbyTables()).sort());
    expect(found.every((f) => f.foundBy === "table")).toBe(true);
    const input = await readTables(runOf(fake), found);
    expect(rowsOfInput(input.Ekonomi!)).toEqual(exempelbyTables().Ekonomi);
    expect(input.Brukare!.sheet).toBe("Brukare");
    expect(input.Brukare!.firstRow).toBe(1);
  });

  test("finds a table on a sheet without an Excel table by its headers, below a title line", async () => {
    const fake = sampleWorkbook();
    const ledger = exempelbyTables().Ekonomi;
    fake.workbook.deleteSheet("Ekonomi");
    fake.workbook.addSheet("Huvudboksutdrag", [["Utdrag ur Raindance 2024"], ...ledger]);
    const found = await findTables(runOf(fake));
    const ekonomi = found.find((f) => f.table === "Ekonomi")!;
    expect(ekonomi.foundBy).toBe("header");
    const input = await readTables(runOf(fake), [ekonomi]);
    const outcome = runKpb({ ...(await readTables(runOf(fake), found)), Ekonomi: input.Ekonomi });
    expect(outcome.ok).toBe(true);
  });

  test("a 200 000-row table is read in chunks with no request over the size limit", async () => {
    const limit = 5 * 1024 * 1024;
    const fake = createFakeExcel({ sheets: ["Brukare"] });
    const rows: (string | number)[][] = [["BrukarID", "Födelseår", "Kön", "Pool", "Volym", "Period", "Boendeform"]];
    for (let i = 0; i < 200_000; i++) rows.push([`B${i}`, 1930 + (i % 60), i % 2 ? "K" : "M", `P${i % 500}`, 12.5, `2024-${String((i % 12) + 1).padStart(2, "0")}`, "Ordinärt"]);
    fake.workbook.addTable("Brukare", "Brukare", rows);
    const run = runOf(fake);
    const found = await findTables(run);
    fake.stats.reset();
    const input = await readTables(run, found);
    expect(rowsOfInput(input.Brukare!)).toHaveLength(200_001);
    expect(rowsOfInput(input.Brukare!)[200_000]).toEqual(rows[200_000]);
    const largest = Math.max(...fake.stats.requests.map((r) => r.bytes));
    expect(largest).toBeLessThanOrEqual(limit);
    // Short rows: after the first (cautious) chunk, chunks grow to the cell cap.
    expect(fake.stats.syncCount).toBeLessThanOrEqual(rowChunks(200_001, 7).length + 2);
  });
});

describe("writing the results", () => {
  test("a refresh of the sample writes every KPB sheet with the engine's figures, charts once, inputs untouched", async () => {
    const fake = sampleWorkbook();
    const before = inputSnapshot(fake);
    const outcome = await refreshKpb(runOf(fake));
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    for (const name of RESULT_SHEET_NAMES) expect(fake.workbook.sheetNames()).toContain(name);
    expect(fake.workbook.sheetNames().some((n) => n.startsWith("KPB~"))).toBe(false);
    expect(inputSnapshot(fake)).toBe(before);
    const pools = fake.workbook.getValues("KPB Styckkostnader");
    const header = pools[0];
    const rosen = pools.find((r) => r[0] === "SABO_ROSEN")!;
    const engine = outcome.result.pools.find((p) => p.pool === "SABO_ROSEN")!;
    expect(rosen[header.indexOf("Styckkostnad")]).toBeCloseTo(Number(engine.unitCost), 9);
    expect(rosen[header.indexOf("Total kostnad")]).toBe(engine.costOre / 100);
    const charts = fake.workbook.charts("KPB Styckkostnader");
    expect(charts.map((c) => c.name)).toEqual(["KPB_Styckkostnad_diagram"]);
    expect(charts[0].series.map((s) => s.chartType)).toContain("Line");
    expect(fake.workbook.tables().filter((t) => t.sheet === "KPB Styckkostnader").map((t) => t.name)).toEqual(["KPB_Styckkostnader"]);
    expect(fake.workbook.sheetInfo("KPB Styckkostnader").frozenRows).toBe(1);
  });

  test("refreshing twice gives identical sheets, no extra charts, and the user's formula still resolves", async () => {
    const fake = sampleWorkbook();
    await refreshKpb(runOf(fake));
    fake.workbook.addSheet("Min analys", [["Rosenborg"]]);
    fake.workbook.setCell("Min analys", "B1", "='KPB Styckkostnader'!C5");
    const first = resultSnapshot(fake);
    const cellBefore = fake.workbook.getCell("Min analys", "B1");
    expect(cellBefore).toBe(fake.workbook.getCell("KPB Styckkostnader", "C5"));
    await refreshKpb(runOf(fake));
    expect(resultSnapshot(fake)).toBe(first);
    expect(fake.workbook.getCell("Min analys", "B1")).toBe(cellBefore);
    expect(fake.workbook.getCell("Min analys", "B1")).not.toBe("#REF!");
  });

  test("a changed ledger amount changes the figure on refresh, with nothing duplicated", async () => {
    const fake = sampleWorkbook();
    await refreshKpb(runOf(fake));
    const ledger = fake.workbook.getValues("Ekonomi");
    const row = ledger.findIndex((r) => r[0] === "6210" && r[3] === "5110");
    fake.workbook.setCell("Ekonomi", `E${row + 1}`, Number(ledger[row][4]) + 1_000_000);
    const before = fake.workbook.getValues("KPB Styckkostnader").find((r) => r[0] === "SABO_ROSEN")!;
    await refreshKpb(runOf(fake));
    const after = fake.workbook.getValues("KPB Styckkostnader").find((r) => r[0] === "SABO_ROSEN")!;
    expect(after).not.toEqual(before);
    expect(fake.workbook.sheetNames().filter((n) => n === "KPB Styckkostnader")).toHaveLength(1);
    expect(fake.workbook.charts("KPB Styckkostnader")).toHaveLength(1);
  });

  test("a failure at any sync of a refresh leaves the previous results intact and no temporary sheet", async () => {
    const fake = sampleWorkbook();
    await refreshKpb(runOf(fake));
    const start = fake.stats.syncCount;
    await refreshKpb(runOf(fake));
    const syncsPerRefresh = fake.stats.syncCount - start;
    let good = resultSnapshot(fake);
    const inputs = inputSnapshot(fake);
    // Two syncs come after the results are swapped in: the print setup (sheet-dressing
    // applyPrintSetup) and listing the result sheets for the pane. When Excel refuses either, the
    // refreshed results stand. Every other sync that fails undoes the refresh.
    let syncsAfterSwap = 0;
    for (let n = 1; n <= syncsPerRefresh; n++) {
      fake.stats.failAtSync(fake.stats.syncCount + n);
      const outcome = await refreshKpb(runOf(fake)).then(
        (r) => r,
        () => null,
      );
      fake.stats.failNoMore();
      expect(fake.workbook.sheetNames().filter((s) => s.startsWith("KPB~"))).toEqual([]);
      if (outcome?.ok) {
        syncsAfterSwap++;
        good = resultSnapshot(fake); // the new results (their run time may be a minute later)
        continue;
      }
      expect(outcome).toBeNull();
      expect(resultSnapshot(fake)).toBe(good);
      expect(inputSnapshot(fake)).toBe(inputs);
    }
    expect(syncsAfterSwap).toBe(2);
  });
});

describe("a monthly follow-up (Uppföljning till)", () => {
  test("the refresh writes KPB Månad with its charts, from the same month series as the command line", async () => {
    const fake = createFakeExcel({ sheets: ["Start"] });
    const tables = exempelbyTwoYears();
    tables.Inställningar = [...tables.Inställningar, ["Uppföljning till", "2025-06"]];
    for (const [name, rows] of Object.entries(tables)) fake.workbook.addTable(name, name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), rows);
    const outcome = await refreshKpb(runOf(fake));
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    expect(outcome.result.settings.period).toEqual({ from: "2024-07", to: "2025-06" });
    expect(outcome.monthly?.window).toEqual({ from: "2024-07", to: "2025-06" });
    expect(fake.workbook.sheetNames()).toContain(MONTH_SHEET);
    const layout = monthSheet(outcome.monthly!);
    expect(fake.workbook.charts(MONTH_SHEET).map((c) => c.name)).toEqual(layout.charts.map((c) => c.name));
    expect(fake.workbook.tables().filter((t) => t.sheet === MONTH_SHEET).map((t) => t.name)).toEqual(layout.blocks.map((b) => b.tableName));
    const rows = fake.workbook.getValues(MONTH_SHEET);
    const header = rows.find((r) => r[0] === "Insats")!;
    const june = rows.find((r) => r[0] === "Hemtjänst" && r[1] === "egen" && r[2] === "2025-06")!;
    const figure = outcome.result.keyFigures.find((f) => f.id === "hemtjanst_egen_kr_timme")!;
    expect(june[header.indexOf("Styckkostnad rullande 12 mån")]).toBeCloseTo(Number(figure.value), 9);
  });

  test("an annual run writes no KPB Månad", async () => {
    const fake = sampleWorkbook();
    const outcome = await refreshKpb(runOf(fake));
    expect(outcome.ok && outcome.monthly).toBeUndefined();
    expect(fake.workbook.sheetNames()).not.toContain(MONTH_SHEET);
  });
});

describe("history across refreshes and years", () => {
  test("KPB Historik keeps one row per year and key figure: a refresh replaces its year, another year is added", async () => {
    const fake = sampleWorkbook();
    await refreshKpb(runOf(fake));
    const first = fake.workbook.getValues("KPB Historik");
    const header = first[0];
    const yearCol = header.indexOf("År");
    const idCol = header.indexOf("Nyckeltal-id");
    const rows2024 = first.slice(1).filter((r) => String(r[yearCol]) === "2024" && r[idCol] !== "");
    expect(rows2024.length).toBeGreaterThan(10);
    await refreshKpb(runOf(fake));
    const again = fake.workbook.getValues("KPB Historik").slice(1).filter((r) => String(r[yearCol]) === "2024" && r[idCol] !== "");
    expect(again.length).toBe(rows2024.length);
    // The same workbook run as 2023 (a year with no ledger rows of its own would fail, so relabel the settings year).
    const settings = fake.workbook.getValues("Inställningar");
    const yearRow = settings.findIndex((r) => r[0] === "År");
    fake.workbook.setCell("Inställningar", `B${yearRow + 1}`, 2023);
    const periods = fake.workbook.getValues("Brukare");
    const periodCol = periods[0].indexOf("Period");
    periods.forEach((r, i) => {
      if (i > 0) fake.workbook.setCell("Brukare", `${String.fromCharCode(65 + periodCol)}${i + 1}`, String(r[periodCol]).replace("2024", "2023"));
    });
    const outcome = await refreshKpb(runOf(fake));
    expect(outcome.ok).toBe(true);
    const all = fake.workbook.getValues("KPB Historik");
    const end = all.findIndex((r, i) => i > 0 && r.every((c) => c === ""));
    const years = new Set(all.slice(1, end < 0 ? undefined : end).map((r) => String(r[yearCol])));
    expect([...years].sort()).toEqual(["2023", "2024"]);
  });
});

describe("cell safety", () => {
  test("a client id that looks like a formula is written as text, never evaluated", async () => {
    const fake = sampleWorkbook();
    const clients = fake.workbook.getValues("Brukare");
    const id = "+cmd|' /C calc'!A0";
    for (let r = 1; r < clients.length; r++) if (clients[r][0] === clients[1][0]) fake.workbook.setCell("Brukare", `A${r + 1}`, id);
    const outcome = await refreshKpb(runOf(fake));
    expect(outcome.ok).toBe(true);
    const rows = fake.workbook.getValues("KPB Brukare");
    expect(rows.some((r) => r[0] === id)).toBe(true);
    const formulas = fake.workbook.snapshot().sheets.find((s) => s.name === "KPB Brukare")!.formulas;
    expect(Object.keys(formulas)).toHaveLength(0);
  });
});
