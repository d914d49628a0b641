/**
 * A refresh keeps the result tables (resized, bodies rewritten) instead of converting them to
 * ranges and adding them again, so users' structured references such as
 * `=SUMMA(KPB_Brukare[Total kostnad])` keep following the data when the number of clients changes.
 */
import { refreshKpb } from "../../src/excel/refresh";
import { runOf, sampleWorkbook, type FakeExcel } from "./workbook-fixtures";

const SUM_TOTAL = "=SUM(KPB_Brukare[Total kostnad])";
const COUNT_CLIENTS = "=COUNTA(KPB_Brukare[BrukarID])";

function totalsOnSheet(fake: FakeExcel): { sum: number; count: number } {
  const values = fake.workbook.getValues("KPB Brukare");
  const total = values[0].indexOf("Total kostnad");
  const body = values.slice(1).filter((r) => r[0] !== "");
  return { sum: body.reduce((a, r) => a + Number(r[total]), 0), count: body.length };
}

async function withUserFormulas(): Promise<FakeExcel> {
  const fake = sampleWorkbook();
  await refreshKpb(runOf(fake));
  fake.workbook.addSheet("Min analys");
  fake.workbook.setCell("Min analys", "A1", SUM_TOTAL);
  fake.workbook.setCell("Min analys", "A2", COUNT_CLIENTS);
  fake.workbook.setCell("Min analys", "A3", "=KPB_Styckkostnader[[#Headers],[Pool]]");
  return fake;
}

/** Adds clients (copies of the first client's rows under new ids) to the input table Brukare. */
async function addClients(fake: FakeExcel, count: number): Promise<void> {
  const input = fake.workbook.getValues("Brukare");
  const first = input[1];
  const rows = input.slice(1).filter((r) => r[0] === first[0]);
  const added = Array.from({ length: count }, (_, k) => rows.map((r) => [`NY${String(k).padStart(4, "0")}`, ...r.slice(1)])).flat();
  await fake.Excel.run(async (context) => {
    context.workbook.tables.getItem("Brukare").rows.add(undefined, added);
    await context.sync();
  });
}

describe("result tables across refreshes", () => {
  test("a structured reference to KPB_Brukare follows more clients and fewer clients", async () => {
    const fake = await withUserFormulas();
    const before = totalsOnSheet(fake);
    expect(fake.workbook.getCell("Min analys", "A1")).toBeCloseTo(before.sum, 2);
    expect(fake.workbook.getCell("Min analys", "A2")).toBe(before.count);

    await addClients(fake, 25);
    await refreshKpb(runOf(fake));
    const more = totalsOnSheet(fake);
    expect(more.count).toBe(before.count + 25);
    // The formulas are still structured references (a converted table would have made them A1) …
    expect(fake.workbook.getFormula("Min analys", "A1")).toBe(SUM_TOTAL);
    expect(fake.workbook.getFormula("Min analys", "A2")).toBe(COUNT_CLIENTS);
    // … and cover every client, the new ones included.
    expect(fake.workbook.getCell("Min analys", "A2")).toBe(more.count);
    expect(fake.workbook.getCell("Min analys", "A1")).toBeCloseTo(more.sum, 2);
    expect(fake.workbook.getCell("Min analys", "A3")).toBe("Pool");

    // Fewer clients: the table shrinks, nothing of the old rows is left below it.
    await fake.Excel.run(async (context) => {
      const rows = context.workbook.tables.getItem("Brukare").rows;
      rows.load("count");
      await context.sync();
      for (let i = rows.count - 1; i >= rows.count - 25 * 3 && i >= 0; i--) rows.getItemAt(i).delete();
      await context.sync();
    });
    await refreshKpb(runOf(fake));
    const fewer = totalsOnSheet(fake);
    expect(fewer.count).toBeLessThan(more.count);
    expect(fake.workbook.getCell("Min analys", "A2")).toBe(fewer.count);
    expect(fake.workbook.getCell("Min analys", "A1")).toBeCloseTo(fewer.sum, 2);
    const table = fake.workbook.tables().find((t) => t.name === "KPB_Brukare")!;
    expect(table.dataRowCount).toBe(fewer.count);
    const sheet = fake.workbook.getValues("KPB Brukare");
    expect(sheet.slice(fewer.count + 1).every((r) => r.every((c) => c === ""))).toBe(true);
  });

  test("every result table is still there once, under its name, with the sheet's values as a fresh write", async () => {
    const fake = await withUserFormulas();
    await addClients(fake, 3);
    await refreshKpb(runOf(fake));
    const refreshed = fake.workbook.snapshot();
    const fresh = sampleWorkbook();
    await addClients(fresh, 3);
    await refreshKpb(runOf(fresh));
    const expected = fresh.workbook.snapshot();
    // The two refreshes may fall in different minutes: the subtitle's run time is not compared.
    const withoutRunTime = (v: unknown) => (typeof v === "string" ? v.replace(/Beräknad \d{4}-\d\d-\d\d \d\d:\d\d/, "Beräknad <tid>") : v);
    const results = (s: typeof refreshed) =>
      s.sheets
        .filter((x) => x.name.startsWith("KPB") && x.name !== "KPB Historik")
        .map((x) => ({ name: x.name, values: x.values.map((row) => row.map(withoutRunTime)) }));
    expect(results(refreshed)).toEqual(results(expected));
    const tables = (s: typeof refreshed) => s.tables.filter((t) => t.sheet.startsWith("KPB")).map((t) => [t.name, t.address, t.headers]);
    expect(tables(refreshed)).toEqual(tables(expected));
  });
});
