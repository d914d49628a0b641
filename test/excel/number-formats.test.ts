/**
 * A percent-formatted cell holds a fraction (0,498 shown as 49,8 %): the Excel layer and the
 * command line both hand the engine the cells' number formats for Nycklar and Jämförelse.
 */
import ExcelJS from "exceljs";
import { findTables, readTables } from "../../src/excel/read-tables";
import { findTables as findFileTables } from "../../src/cli/xlsx-input";
import { runKpb } from "../../src/engine/run";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

describe("number formats reach the engine", () => {
  test("Excel: a percent-formatted Jämförelse share is read as percent, large tables as values only", async () => {
    const fake = sampleWorkbook();
    await fake.Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Jamforelse");
      t.rows.add(undefined, [["andel_brukare:ÄO:80-w", 0.498, "Test", 2024, "KPB-snitt"]]);
      await context.sync();
      const range = t.getRange().load("rowCount");
      await context.sync();
      range.getCell(range.rowCount - 1, 1).numberFormat = [["0.0%"]];
      await context.sync();
    });
    const found = await findTables(runOf(fake));
    const input = await readTables(runOf(fake), found);
    expect(input.Jämförelse!.numberFormats!.at(-1)![1]).toBe("0.0%");
    expect(input.Brukare!.numberFormats).toBeUndefined();
    const outcome = runKpb(input);
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    expect(outcome.result.benchmark.find((b) => b.keyFigure === "andel_brukare:ÄO:80-w")!.value).toBe("49.8");
  });

  test("command line: exceljs numFmt of Nycklar cells decides fraction vs percent", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Nycklar");
    ws.addRows([["Från", "Till", "Andel"], ["OH", "HT", 0.01], ["OH", "SABO", 0.99]]);
    ws.getCell("C2").numFmt = "0%";
    const input = findFileTables(wb);
    expect(input.Nycklar!.numberFormats![1][2]).toBe("0%");
    expect(input.Nycklar!.numberFormats![2][2]).toBeNull();
  });
});
