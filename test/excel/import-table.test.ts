/**
 * "Importera fil…" on the Excel side: the file's table goes to a new sheet as an Excel table, in
 * chunks under the request limit, without touching the user's own tables; the mapping then makes
 * it the contract table's source. A cancelled write leaves the workbook as it was.
 */
import type { ExcelRun } from "../../src/excel/excel-run";
import { CancelledError } from "../../src/excel/excel-run";
import { writeImportedTable } from "../../src/excel/import-table";
import { findTables } from "../../src/excel/read-tables";
import { readCsvTable } from "../../src/input/csv";
import { rowsToWrite } from "../../src/input/file-table";
import { pseudonym } from "../../src/engine/privacy";
import { createFakeExcel } from "../fakes/excel-fake";

type Fake = ReturnType<typeof createFakeExcel>;
const runOf = (fake: Fake): ExcelRun => fake.Excel.run as unknown as ExcelRun;

function ledgerCsv(rows: number): Uint8Array {
  const lines = ["Ansvar;Verksamhet;Konto;Belopp;Text"];
  for (let i = 0; i < rows; i++) lines.push(`0${6100 + (i % 50)};511;5110;${i},50;Rad ${i}`);
  return new TextEncoder().encode(lines.join("\n"));
}

describe("writeImportedTable", () => {
  it("writes the file's rows to a new sheet and table, leaving the existing Ekonomi alone, and the mapping points at it", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    fake.workbook.addTable("Ekonomi", "Ekonomi", [["Ansvar", "Verksamhet", "Konto", "Belopp"], ["1", "2", "3", 4]]);
    fake.workbook.addSheet("Ekonomi (fil)");
    const before = fake.workbook.getValues("Ekonomi", "A1:D2");
    const file = readCsvTable(ledgerCsv(30_000), "Ekonomi", "stor.csv");
    const rows = rowsToWrite(file)!;
    const progress: number[] = [];
    const outcome = await writeImportedTable(runOf(fake), "Ekonomi", rows, { secret: "s", onProgress: (p) => progress.push(p.done) });
    expect(outcome.rows).toBe(30_000);
    expect(outcome).toMatchObject({ sheet: "Ekonomi (fil 2)", tableName: "Ekonomi_fil" });
    expect(fake.workbook.getValues("Ekonomi", "A1:D2")).toEqual(before);
    const table = fake.workbook.tables().find((t) => t.name === outcome.tableName)!;
    expect(table.sheet).toBe(outcome.sheet);
    expect(table.dataRowCount).toBe(30_000);
    // Codes keep their leading zero (text), amounts are numbers.
    expect(fake.workbook.getValues(outcome.sheet, "A2:E2")).toEqual([["06100", "511", "5110", 0.5, "Rad 0"]]);
    expect(progress.length).toBeGreaterThan(1);
    expect(Math.max(...fake.stats.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);

    const found = await findTables(runOf(fake), { Ekonomi: { source: { kind: "table", name: outcome.tableName } } });
    expect(found.find((f) => f.table === "Ekonomi")).toMatchObject({ foundBy: "mapping", sheet: outcome.sheet });
  });

  it("a cancelled import takes its sheet away again", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const cancel = { cancelled: false };
    const rows = rowsToWrite(readCsvTable(ledgerCsv(30_000), "Ekonomi", "stor.csv"))!;
    const write = writeImportedTable(runOf(fake), "Ekonomi", rows, {
      secret: "s",
      cancel,
      onProgress: () => {
        cancel.cancelled = true;
      },
    });
    await expect(write).rejects.toBeInstanceOf(CancelledError);
    expect(fake.workbook.sheetNames()).toEqual(["Blad1"]);
    expect(fake.workbook.tables()).toEqual([]);
  });

  it("writes personnummer in a client file as their pseudonyms, never as they are", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const csv = "BrukarID;Födelseår;Pool;Volym;Boendeform\n19450312-1234;1945;HT_NORR;12,5;Ordinärt\nK2;1950;HT_NORR;3;bor hos 194503121234\n";
    const rows = rowsToWrite(readCsvTable(new TextEncoder().encode(csv), "Brukare", "brukare.csv"))!;
    const outcome = await writeImportedTable(runOf(fake), "Brukare", rows, { secret: "hemlig" });
    expect(outcome.pseudonymised).toBe(2);
    const written = fake.workbook.getValues(outcome.sheet, "A1:E3");
    expect(JSON.stringify(written)).not.toMatch(/19450312-?1234/);
    expect(written[1][0]).toBe(pseudonym("19450312-1234", "hemlig"));
    expect(written[1][3]).toBe(12.5);
  });
});
