/**
 * The worksheet functions against a (fake) workbook: the store's loader computes from the input
 * tables without writing anything, and a refresh publishes its result so that open cells update
 * to the figures the refresh wrote on the `KPB …` sheets.
 */
import { lastError, lastNumber, stream } from "./custom-functions-stub";
import { col, figure, toInput } from "./sample-run";
import { computeFromWorkbook, refreshKpb } from "../../src/excel/refresh";
import { runKpb } from "../../src/engine/run";
import { exempelbyTables } from "../../src/sample/exempelby";
import { installWorkbookLoader } from "../../src/functions/runtime";
import { latestSnapshot, publishedVersion, resetKpbStore } from "../../src/shared/kpb-store";
import { memorySecretStore, setSecretStore } from "../../src/shared/secret-store";
import * as F from "../../src/functions/functions";
import { createFakeExcel } from "../fakes/excel-fake";
import { runOf, sampleWorkbook, type FakeExcel } from "../excel/workbook-fixtures";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The row of a `KPB …` sheet whose first cell is `id` (on KPB Översikt the id is the last column), as the fake workbook holds it. */
function sheetRow(fake: FakeExcel, sheet: string, id: string): unknown[] {
  const values = fake.workbook.getValues(sheet);
  const idColumn = sheet === "KPB Översikt" ? values.find((r) => r[0] === "Nyckeltal" && r.includes("Id"))!.indexOf("Id") : 0;
  const row = values.find((r) => r[idColumn] === id);
  if (!row) throw new Error(`${sheet} has no row ${id}`);
  return row;
}

/** Column of `header` on a `KPB …` sheet (its header row is the first row that has it). */
function sheetColumn(fake: FakeExcel, sheet: string, header: string): number {
  for (const row of fake.workbook.getValues(sheet)) {
    const i = row.indexOf(header);
    if (i >= 0) return i;
  }
  throw new Error(`${sheet} has no column ${header}`);
}

beforeEach(() => resetKpbStore());
afterAll(() => resetKpbStore());

describe("computeFromWorkbook", () => {
  it("is the engine's result on the workbook's tables, and writes nothing", async () => {
    const fake = sampleWorkbook();
    const before = JSON.stringify(fake.workbook.snapshot());
    const outcome = await computeFromWorkbook(runOf(fake));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const direct = runKpb(toInput(exempelbyTables()), { pseudonymSecret: outcome.pseudonymSecret });
    expect(direct.ok && direct.result.keyFigures).toEqual(outcome.result.keyFigures);
    expect(JSON.stringify(fake.workbook.snapshot())).toBe(before);
    expect(fake.workbook.sheetNames().some((n) => n.startsWith("KPB"))).toBe(false);
  });

  it("says why when the workbook cannot be computed", async () => {
    const outcome = await computeFromWorkbook(runOf(createFakeExcel({ sheets: ["Blad1"] })));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message.length).toBeGreaterThan(10);
  });
});

describe("functions on a workbook", () => {
  it("compute from the inputs on first use, through the store's loader (no writes)", async () => {
    const fake = sampleWorkbook();
    installWorkbookLoader(runOf(fake));
    const cell = stream(F.costPerHour, null, null);
    expect(lastError(cell)).toEqual({ code: "#N/A", message: "Kör KPB först" });
    for (let i = 0; i < 50 && cell.setResult.mock.calls.length < 2; i++) await settle();
    const expected = figure(runKpbOnSample(latestSnapshot()!.pseudonymSecret!), "hemtjanst_egen_kr_timme");
    expect(lastNumber(cell)).toBe(expected);
    expect(fake.workbook.sheetNames().some((n) => n.startsWith("KPB"))).toBe(false);
  });

  it("show the loader's reason when the workbook has no inputs", async () => {
    installWorkbookLoader(runOf(createFakeExcel({ sheets: ["Blad1"] })));
    const cell = stream(F.costPerDay, null, null);
    for (let i = 0; i < 50 && cell.setResult.mock.calls.length < 2; i++) await settle();
    const e = lastError(cell);
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^Kör KPB först: .+/);
  });

  it("update to the refreshed figures, equal to the cells the refresh wrote, also after an input changes", async () => {
    const fake = sampleWorkbook();
    const run = runOf(fake);
    const perHour = stream(F.costPerHour, null, null);
    const norr = stream(F.unitCost, "HT_NORR");

    const first = await refreshKpb(run);
    expect(first.ok).toBe(true);
    expect(publishedVersion()).toBe(1);
    const valueCol = sheetColumn(fake, "KPB Översikt", "Värde");
    const unitCol = sheetColumn(fake, "KPB Styckkostnader", "Styckkostnad");
    const before = sheetRow(fake, "KPB Översikt", "hemtjanst_egen_kr_timme")[valueCol];
    expect(lastNumber(perHour)).toBe(before);
    expect(lastNumber(norr)).toBe(sheetRow(fake, "KPB Styckkostnader", "HT_NORR")[unitCol]);

    // One ledger amount of Hemtjänst Norr (Ansvar 6110) goes up by 100 000 kr.
    const ledger = exempelbyTables().Ekonomi;
    const r = ledger.findIndex((row, i) => i > 0 && row[col(exempelbyTables(), "Ekonomi", "Ansvar")] === "6110");
    const beloppCol = col(exempelbyTables(), "Ekonomi", "Belopp");
    const address = `${String.fromCharCode(65 + beloppCol)}${r + 1}`;
    fake.workbook.setCell("Ekonomi", address, Number(ledger[r][beloppCol]) + 100_000);

    const second = await refreshKpb(run);
    expect(second.ok).toBe(true);
    expect(publishedVersion()).toBe(2);
    const after = sheetRow(fake, "KPB Översikt", "hemtjanst_egen_kr_timme")[valueCol];
    expect(after).not.toBe(before);
    expect(lastNumber(perHour)).toBe(after);
    expect(lastNumber(norr)).toBe(sheetRow(fake, "KPB Styckkostnader", "HT_NORR")[unitCol]);
  });

  it("a refresh publishes this computer's pseudonym secret (kept in the add-in's storage, not in the workbook)", async () => {
    const store = memorySecretStore("00112233445566778899aabbccddeeff");
    setSecretStore(store);
    try {
      const fake = sampleWorkbook();
      await refreshKpb(runOf(fake));
      expect(latestSnapshot()?.pseudonymSecret).toBe("00112233445566778899aabbccddeeff");
      expect(String(fake.workbook.settings()["KPB.state"])).not.toContain("00112233445566778899aabbccddeeff");
    } finally {
      setSecretStore(null);
    }
  });

  it("a failed refresh leaves the published result (and the sheets) as they were", async () => {
    const fake = sampleWorkbook();
    const run = runOf(fake);
    await refreshKpb(run);
    const cell = stream(F.costPerHour, null, null);
    const shown = lastNumber(cell);
    fake.workbook.deleteSheet("Ekonomi");
    const failed = await refreshKpb(run);
    expect(failed.ok).toBe(false);
    expect(publishedVersion()).toBe(1);
    expect(lastNumber(cell)).toBe(shown);
  });
});

function runKpbOnSample(secret: string) {
  const outcome = runKpb(toInput(exempelbyTables()), { pseudonymSecret: secret });
  if (!outcome.ok) throw new Error("sample failed");
  return outcome.result;
}
