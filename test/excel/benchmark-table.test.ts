/**
 * "Hämta från Kolada" in the workbook (src/excel/benchmark-table.ts) against the Excel fake: the
 * `Jämförelse` table is created when missing; fetched Kolada rows replace earlier Kolada rows with
 * the same Nyckeltal/År/Kommun in place and the rest go below; the user's own rows (values,
 * formulas) are never written; fetching twice gives the same table; a table that cannot take the
 * rows is left as it was. The last test runs KPB on the result and finds the value in KPB Översikt.
 */
import { benchmarkKey, planBenchmarkWrite, writeBenchmarkRows, type BenchmarkRowValues } from "../../src/excel/benchmark-table";
import { refreshKpb } from "../../src/excel/refresh";
import { createFakeExcel } from "../fakes/excel-fake";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

const HEADER = ["Nyckeltal", "Värde", "Källa", "År", "Kommun"];
const HT = "hemtjanst_egen_kr_timme";
const SABO = "sabo_egen_kr_dygn_inkl_hsl";

const fetched: BenchmarkRowValues[] = [
  [HT, 611.2, "Kolada U21003", 2022, "0604 Aneby"],
  [HT, 702.4, "Kolada U21003", 2024, "0604 Aneby"],
  [SABO, 2711, "Kolada U23004", 2024, "0680 Jönköping"],
];

const snapshot = (fake: ReturnType<typeof createFakeExcel>) => JSON.stringify(fake.workbook.snapshot());

describe("writeBenchmarkRows: no Jämförelse table yet", () => {
  it("creates the Jämförelse sheet and table with the contract header and writes the rows as literal values", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const rows: BenchmarkRowValues[] = [...fetched, ["U99999", 1.5, "Kolada U99999", 2024, "0604"], ["=1+1", 2, "=HYPERLINK(\"x\")", 2024, "2024-01"]];
    const outcome = await writeBenchmarkRows(runOf(fake), rows, { replaceSource: "Kolada" });
    expect(outcome).toEqual({ ok: true, sheet: "Jämförelse", table: "Jämförelse", created: true, added: 5, replaced: 0 });
    expect(fake.workbook.sheetNames()).toEqual(["Blad1", "Jämförelse"]);
    const table = fake.workbook.tables().find((t) => t.name === "Jämförelse")!;
    expect(table).toMatchObject({ sheet: "Jämförelse", address: "Jämförelse!A1:E6", headers: HEADER, dataRowCount: 5 });
    expect(fake.workbook.getValues("Jämförelse")).toEqual([HEADER, ...rows.map((r) => [...r])]);
    // Codes, formula-like and date-like text stay text; numbers stay numbers.
    expect(fake.workbook.getCell("Jämförelse", "E5")).toBe("0604");
    expect(fake.workbook.getFormula("Jämförelse", "A6")).toBeUndefined();
    expect(fake.workbook.getFormula("Jämförelse", "C6")).toBeUndefined();
    expect(fake.workbook.getCell("Jämförelse", "E6")).toBe("2024-01");
    expect(fake.workbook.getFormat("Jämförelse", "E2").numberFormat).toBe("@");
    expect(typeof fake.workbook.getCell("Jämförelse", "B2")).toBe("number");
    expect(typeof fake.workbook.getCell("Jämförelse", "D2")).toBe("number");
    expect(fake.workbook.sheetInfo("Jämförelse").frozenRows).toBe(1);
  });

  it("writes nothing at all for no rows", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const before = snapshot(fake);
    await expect(writeBenchmarkRows(runOf(fake), [], { replaceSource: "Kolada" })).resolves.toMatchObject({ ok: true, added: 0, created: false });
    expect(snapshot(fake)).toBe(before);
  });
});

describe("writeBenchmarkRows: an existing Jämförelse table", () => {
  /** The user's own benchmark rows (one a formula), and an older Kolada fetch. */
  const userRows = [
    [HT, 649, "KPB-snitt (Ensolution)", 2023, "KPB-snitt"],
    [SABO, "=2500+59", "Egen beräkning", 2023, "Liknande kommuner"],
    // A row of the user's from Kolada's web site by hand, for a key Kolada does not send now.
    [HT, 600, "Kolada (manuellt)", 2021, "0604 Aneby"],
    // An earlier fetch: same key as a fetched row, written without the name.
    [HT, 690, "Kolada U21003", 2024, "0604"],
    // The user's own row for the same key, from another source: kept beside the Kolada row.
    [HT, 700, "Egen uppföljning", 2024, "0604 Aneby"],
  ];

  function workbook() {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    fake.workbook.addTable("Jämförelse", "Jämförelse", [HEADER, ...userRows]);
    return fake;
  }

  it("replaces the earlier Kolada row in place, appends the new ones, and leaves the user's rows untouched", async () => {
    const fake = workbook();
    const userBefore = fake.workbook.getFormulas("Jämförelse", "A2:E4");
    const outcome = await writeBenchmarkRows(runOf(fake), fetched, { replaceSource: "Kolada" });
    expect(outcome).toEqual({ ok: true, sheet: "Jämförelse", table: "Jämförelse", created: false, added: 2, replaced: 1 });
    const values = fake.workbook.getValues("Jämförelse");
    expect(values).toEqual([
      HEADER,
      [HT, 649, "KPB-snitt (Ensolution)", 2023, "KPB-snitt"],
      [SABO, 2559, "Egen beräkning", 2023, "Liknande kommuner"],
      [HT, 600, "Kolada (manuellt)", 2021, "0604 Aneby"],
      [HT, 702.4, "Kolada U21003", 2024, "0604 Aneby"],
      [HT, 700, "Egen uppföljning", 2024, "0604 Aneby"],
      [HT, 611.2, "Kolada U21003", 2022, "0604 Aneby"],
      [SABO, 2711, "Kolada U23004", 2024, "0680 Jönköping"],
    ]);
    // The user's formula is still a formula; the rows were not rewritten.
    expect(fake.workbook.getFormulas("Jämförelse", "A2:E4")).toEqual(userBefore);
    expect(fake.workbook.getFormula("Jämförelse", "B3")).toBe("=2500+59");
    expect(fake.workbook.getFormulas("Jämförelse", "A6:E6")).toEqual([[HT, 700, "Egen uppföljning", 2024, "0604 Aneby"]]);
    expect(fake.workbook.tables().find((t) => t.name === "Jämförelse")).toMatchObject({ address: "Jämförelse!A1:E8", dataRowCount: 7 });
  });

  it("writes only the contract columns of new rows: the user's calculated column fills in, other columns stay empty", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    fake.workbook.addTable("Jämförelse", "Jämförelse", [
      [...HEADER, "Med påslag", "Kommentar"],
      [HT, 649, "KPB-snitt", 2023, "KPB-snitt", "=[@Värde]*1.1", "vår egen"],
      [SABO, 2559, "Egen beräkning", 2023, "Liknande kommuner", "=[@Värde]*1.1", ""],
    ]);
    const outcome = await writeBenchmarkRows(runOf(fake), fetched, { replaceSource: "Kolada" });
    expect(outcome).toMatchObject({ ok: true, added: 3, replaced: 0 });
    expect(fake.workbook.tables().find((t) => t.name === "Jämförelse")).toMatchObject({ address: "Jämförelse!A1:G6", dataRowCount: 5 });
    // The calculated column reached the new rows and computes from the written Värde.
    for (const row of [4, 5, 6]) expect(fake.workbook.getFormula("Jämförelse", `F${row}`)).toBe("=[@Värde]*1.1");
    expect(fake.workbook.getValues("Jämförelse", "B4:G6")).toEqual([
      [611.2, "Kolada U21003", 2022, "0604 Aneby", 611.2 * 1.1, ""],
      [702.4, "Kolada U21003", 2024, "0604 Aneby", 702.4 * 1.1, ""],
      [2711, "Kolada U23004", 2024, "0680 Jönköping", 2711 * 1.1, ""],
    ]);
    expect(fake.workbook.getValues("Jämförelse", "F2:G3")).toEqual([[649 * 1.1, "vår egen"], [2559 * 1.1, ""]]);
  });

  it("fetching twice gives the same table", async () => {
    const fake = workbook();
    await writeBenchmarkRows(runOf(fake), fetched, { replaceSource: "Kolada" });
    const once = snapshot(fake);
    const again = await writeBenchmarkRows(runOf(fake), fetched, { replaceSource: "Kolada" });
    expect(again).toMatchObject({ ok: true, added: 0, replaced: 3 });
    expect(snapshot(fake)).toBe(once);
  });

  it("finds the columns by their English names and in another order, and fills a trailing blank row first", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    fake.workbook.addTable("Bench", "Benchmark", [
      ["Municipality", "Year", "Key figure", "Note", "Value", "Source"],
      ["KPB-snitt", 2023, HT, "from the report", 649, "KPB"],
      ["", "", "", "", "", ""],
    ]);
    const outcome = await writeBenchmarkRows(runOf(fake), fetched.slice(0, 2), { replaceSource: "Kolada" });
    expect(outcome).toMatchObject({ ok: true, sheet: "Bench", table: "Benchmark", added: 2, replaced: 0 });
    expect(fake.workbook.getValues("Bench")).toEqual([
      ["Municipality", "Year", "Key figure", "Note", "Value", "Source"],
      ["KPB-snitt", 2023, HT, "from the report", 649, "KPB"],
      ["0604 Aneby", 2022, HT, "", 611.2, "Kolada U21003"],
      ["0604 Aneby", 2024, HT, "", 702.4, "Kolada U21003"],
    ]);
    expect(fake.workbook.tables()[0]).toMatchObject({ dataRowCount: 3 });
  });

  it("appends below a plain range on a sheet named Jämförelse", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    fake.workbook.addSheet("Jämförelse", [["Jämförelsevärden 2024"], [], HEADER, [HT, 649, "KPB-snitt", 2023, "KPB-snitt"]]);
    const outcome = await writeBenchmarkRows(runOf(fake), fetched.slice(1, 2), { replaceSource: "Kolada" });
    expect(outcome).toMatchObject({ ok: true, sheet: "Jämförelse", table: null, added: 1 });
    expect(fake.workbook.getValues("Jämförelse", "A3:E5")).toEqual([HEADER, [HT, 649, "KPB-snitt", 2023, "KPB-snitt"], [HT, 702.4, "Kolada U21003", 2024, "0604 Aneby"]]);
  });

  it("uses the user's own column names from the saved mapping", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    fake.workbook.addTable("Jmf", "Jmf", [["Mått", "Belopp", "Ursprung", "Period", "Enhet"], [HT, 649, "KPB", 2023, "KPB-snitt"]]);
    const mapping = {
      Jämförelse: {
        source: { kind: "table" as const, name: "Jmf" },
        columns: { Nyckeltal: "Mått", Värde: "Belopp", Källa: "Ursprung", År: "Period", Kommun: "Enhet" },
      },
    };
    const outcome = await writeBenchmarkRows(runOf(fake), fetched.slice(1, 2), { replaceSource: "Kolada", mapping });
    expect(outcome).toMatchObject({ ok: true, table: "Jmf", added: 1 });
    expect(fake.workbook.getValues("Jmf", "A3:E3")).toEqual([[HT, 702.4, "Kolada U21003", 2024, "0604 Aneby"]]);
  });

  it("refuses, writing nothing, when the table has no Källa column or is a fixed range without room", async () => {
    const noSource = createFakeExcel({ sheets: ["Blad1"] });
    noSource.workbook.addTable("Jämförelse", "Jämförelse", [["Nyckeltal", "Värde", "År"], [HT, 649, 2023]]);
    const before = snapshot(noSource);
    await expect(writeBenchmarkRows(runOf(noSource), fetched, { replaceSource: "Kolada" })).resolves.toEqual({
      ok: false,
      reason: "missingColumns",
      sheet: "Jämförelse",
      columns: ["Källa", "Kommun"],
    });
    expect(snapshot(noSource)).toBe(before);

    const fixed = createFakeExcel({ sheets: ["Blad1"] });
    fixed.workbook.addSheet("Data", [HEADER, [HT, 649, "KPB", 2023, "KPB-snitt"]]);
    const mapping = { Jämförelse: { source: { kind: "range" as const, sheet: "Data", address: "A1:E2" } } };
    const fixedBefore = snapshot(fixed);
    await expect(writeBenchmarkRows(runOf(fixed), fetched, { replaceSource: "Kolada", mapping })).resolves.toEqual({
      ok: false,
      reason: "fixedRange",
      sheet: "Data",
      rows: 3,
    });
    expect(snapshot(fixed)).toBe(fixedBefore);
  });

  it("the next run's KPB Översikt uses the fetched value for the run's year", async () => {
    const fake = sampleWorkbook();
    const run = runOf(fake);
    const first = await refreshKpb(run);
    expect(first.ok).toBe(true);
    // Översikt: the title block above, then the table of every key figure with the id last.
    const values = () => fake.workbook.getValues("KPB Översikt");
    const header = values().find((r) => r[0] === "Nyckeltal" && r.includes("Id")) as string[];
    const overview = () => values().find((r) => r[header.indexOf("Id")] === HT)!;
    expect(overview()[header.indexOf("Jämförelse")]).toBe(649);

    await writeBenchmarkRows(run, [[HT, 702.4, "Kolada U21003", 2024, "0604 Aneby"]], { replaceSource: "Kolada" });
    const second = await refreshKpb(run);
    expect(second.ok).toBe(true);
    const row = overview();
    expect(row[header.indexOf("Jämförelse")]).toBe(702.4);
    expect(String(row[header.indexOf("Källa")])).toContain("Kolada U21003");
  });
});

describe("planBenchmarkWrite and benchmarkKey", () => {
  it("treats a code with or without the name, and a year as number or text, as the same key", () => {
    expect(benchmarkKey(HT, 2024, "0604 Aneby")).toBe(benchmarkKey("Hemtjanst_Egen_Kr_Timme", "2024", "0604"));
    expect(benchmarkKey(HT, 2024, 604)).toBe(benchmarkKey(HT, 2024, "0604"));
    expect(benchmarkKey(HT, 2024, "0604")).not.toBe(benchmarkKey(HT, 2024, "0680"));
    expect(benchmarkKey(HT, 2024, "KPB-snitt")).not.toBe(benchmarkKey(HT, 2023, "KPB-snitt"));
  });

  it("overwrites every earlier row of the source with the key, de-duplicates the fetched rows, and leaves other sources alone", () => {
    const body = [
      [HT, 1, "Kolada U21003", 2024, "0604"],
      [HT, 2, "kolada U21003", 2024, "0604 Aneby"],
      [HT, 3, "Egen", 2024, "0604"],
    ];
    const plan = planBenchmarkWrite(body, [0, 1, 2, 3, 4], [[HT, 9, "Kolada U21003", 2024, "0604 Aneby"], [HT, 10, "Kolada U21003", 2024, "0604 Aneby"]], "Kolada");
    expect(plan.updates.map((u) => [u.index, u.values[1]])).toEqual([
      [0, 10],
      [1, 10],
    ]);
    expect(plan.appends).toEqual([]);
  });
});
