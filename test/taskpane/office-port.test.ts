/**
 * The Office implementation of the task pane's port, against the in-memory Excel fake: sample data
 * written as contract tables (and refused in a workbook that has them), the validation run that
 * writes nothing, refresh, preview, selection and the active cell.
 */
import type { ExcelRun } from "../../src/excel/excel-run";
import { CancelledError } from "../../src/excel/excel-run";
import { writeSampleData } from "../../src/excel/sample-data";
import { exempelbyTables } from "../../src/sample/exempelby";
import { createOfficePort } from "../../src/taskpane/office-port";
import { createFakeExcel } from "../fakes/excel-fake";

type Fake = ReturnType<typeof createFakeExcel>;
const runOf = (fake: Fake): ExcelRun => fake.Excel.run as unknown as ExcelRun;
const TABLES = ["Ekonomi", "Kodning", "Pooler", "Nycklar", "Insatskatalog", "Brukare", "Befolkning", "Jämförelse", "Inställningar"];

describe("Exempeldata (src/excel/sample-data.ts)", () => {
  it("writes every contract table of Exempelby on its own sheet as an Excel table named after the contract", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const progress: number[] = [];
    const outcome = await writeSampleData(runOf(fake), { onProgress: (p) => progress.push(p.done) });
    expect(outcome).toEqual({ ok: true, sheets: TABLES });
    expect(fake.workbook.sheetNames()).toEqual(["Blad1", ...TABLES]);
    const tables = fake.workbook.tables();
    expect(tables.map((t) => t.name)).toEqual(TABLES);
    const sample = exempelbyTables();
    for (const t of tables) {
      expect(t.sheet).toBe(t.name);
      expect(t.dataRowCount).toBe(sample[t.name as keyof typeof sample].length - 1);
    }
    // Values are read back as written; codes and periods stay text.
    expect(fake.workbook.getValues("Ekonomi", "A1:F2")).toEqual([sample.Ekonomi[0], sample.Ekonomi[1]]);
    const brukare = fake.workbook.getValues("Brukare", "A2:G2")[0];
    expect(brukare).toEqual(sample.Brukare[1].map((v) => (v === null ? "" : v)));
    expect(typeof fake.workbook.getCell("Ekonomi", "A2")).toBe("string");
    expect(fake.workbook.activeSheet).toBe("Ekonomi");
    // In chunks with progress, every request under the limit.
    expect(progress[progress.length - 1]).toBe(Object.values(sample).reduce((n, rows) => n + rows.length, 0));
    expect(Math.max(...fake.stats.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
  });

  it("refuses, writing nothing, when the workbook already has contract tables", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    fake.workbook.addTable("Data", "Huvudbok", [["Ansvar", "Verksamhet", "Konto", "Belopp"], ["1", "2", "3", 4]]);
    const before = JSON.stringify(fake.workbook.snapshot());
    await expect(writeSampleData(runOf(fake))).resolves.toEqual({ ok: false, existing: ["Ekonomi"] });
    expect(JSON.stringify(fake.workbook.snapshot())).toBe(before);
  });

  it("a cancelled write takes the sheets it created away again", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const cancel = { cancelled: false };
    const write = writeSampleData(runOf(fake), {
      cancel,
      onProgress: (p) => {
        if (p.detail === "Pooler") cancel.cancelled = true;
      },
    });
    await expect(write).rejects.toBeInstanceOf(CancelledError);
    expect(fake.workbook.sheetNames()).toEqual(["Blad1"]);
    expect(fake.workbook.tables()).toEqual([]);
  });
});

describe("createOfficePort over the Excel fake", () => {
  async function sampleFake(): Promise<{ fake: Fake; port: ReturnType<typeof createOfficePort> }> {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const port = createOfficePort(runOf(fake));
    await expect(port.writeSampleData()).resolves.toMatchObject({ ok: true });
    return { fake, port };
  }

  it("finds the sample's tables, lists sources and previews the first rows", async () => {
    const { port } = await sampleFake();
    const found = await port.findTables({});
    expect(found.map((f) => f.table).sort()).toEqual([...TABLES].sort());
    expect(found.every((f) => f.foundBy === "table")).toBe(true);
    const objects = await port.listWorkbookObjects();
    expect(objects.tables.map((t) => t.name)).toEqual(TABLES);
    expect(objects.sheets).toContain("Blad1");
    const preview = await port.readPreview({ kind: "table", name: "Pooler" }, 3);
    expect(preview[0]).toEqual(["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"]);
    expect(preview).toHaveLength(3);
  });

  it("Kontroll reads and calculates without writing anything", async () => {
    const { fake, port } = await sampleFake();
    const before = JSON.stringify(fake.workbook.snapshot());
    const outcome = await port.check();
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.result.municipality).toBe("Exempelby");
    expect(outcome.problems.every((p) => p.severity === "warning")).toBe(true);
    expect(JSON.stringify(fake.workbook.snapshot())).toBe(before);
  });

  it("refresh writes the result sheets, lists them, and remembers the key figures for the next run", async () => {
    const { fake, port } = await sampleFake();
    const first = await port.refresh();
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.previous).toBeUndefined();
    expect(first.sheets).toContain("KPB Översikt");
    expect(first.sheets.every((s) => fake.workbook.sheetNames().includes(s))).toBe(true);
    const second = await port.refresh();
    expect(second.ok && second.previous?.hemtjanst_egen_kr_timme).toBe(
      first.result.keyFigures.find((f) => f.id === "hemtjanst_egen_kr_timme")!.value,
    );
  });

  it("saves the mapping and overrides in the workbook state, and reads them back", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const port = createOfficePort(runOf(fake));
    await port.saveMapping({ Ekonomi: { source: { kind: "sheet", sheet: "Blad1" }, columns: { Belopp: "Utfall 2024" } } });
    await port.saveOverrides({ year: 2025, language: "en" });
    const state = await port.loadState();
    expect(state.mapping).toEqual({ Ekonomi: { source: { kind: "sheet", sheet: "Blad1" }, columns: { Belopp: "Utfall 2024" } } });
    expect(state.overrides).toEqual({ year: 2025, language: "en" });
  });

  it("selects a problem's cell, reads the selection and the active cell's row id", async () => {
    const { fake, port } = await sampleFake();
    await port.selectCell("Pooler", "A5");
    expect(fake.workbook.selection).toBe("Pooler!A5");
    await expect(port.getSelection()).resolves.toEqual({ sheet: "Pooler", address: "A5" });
    await port.selectCell("Pooler", "C5");
    await expect(port.readActiveCell()).resolves.toEqual({
      sheet: "Pooler",
      address: "C5",
      row: 5,
      rowKey: exempelbyTables().Pooler[4][0],
    });
    await port.selectCell("Kodning", "7:7");
    expect(fake.workbook.selection).toBe("Kodning!7:7");
    await port.activateSheet("Brukare");
    expect(fake.workbook.activeSheet).toBe("Brukare");
  });

  it("cancel stops a running refresh before anything is swapped in", async () => {
    const { fake, port } = await sampleFake();
    const refresh = port.refresh({
      onProgress: (p) => {
        if (p.phase === "läser") port.cancel();
      },
    });
    await expect(refresh).rejects.toBeInstanceOf(CancelledError);
    expect(fake.workbook.sheetNames().filter((s) => s.startsWith("KPB"))).toEqual([]);
  });
});
