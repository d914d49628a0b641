/**
 * The fake's structured references and table life cycle, as Excel behaves: `Table[Column]`
 * follows a table that grows or shrinks; converting the table to a range freezes the reference to
 * fixed A1 cells; deleting it gives #REF!; renaming it is followed. Calculated columns fill new rows.
 */
import { createFakeExcel } from "./excel-fake";

type Fake = ReturnType<typeof createFakeExcel>;

function workbook(): Fake {
  const fake = createFakeExcel({ sheets: ["Data", "Egna"] });
  fake.workbook.addTable("Data", "Kostnader", [
    ["Enhet", "Belopp"],
    ["A", 10],
    ["B", 20],
    ["C", 30],
  ]);
  return fake;
}

describe("structured references in the Excel fake", () => {
  it("evaluates Table[Column], [#All], [#Headers], a column range and the table name alone", async () => {
    const fake = workbook();
    fake.workbook.setCell("Egna", "A1", "=SUM(Kostnader[Belopp])");
    fake.workbook.setCell("Egna", "A2", "=COUNTA(Kostnader[#All])");
    fake.workbook.setCell("Egna", "A3", "=COUNTA(Kostnader[[#Headers],[Belopp]])");
    fake.workbook.setCell("Egna", "A4", "=COUNTA(Kostnader[[Enhet]:[Belopp]])");
    fake.workbook.setCell("Egna", "A5", "=SUM(Kostnader)");
    fake.workbook.setCell("Egna", "A6", "=SUM(Saknas[Belopp])");
    fake.workbook.setCell("Egna", "A7", "=SUM(Kostnader[Finns inte])");
    expect(fake.workbook.getValues("Egna", "A1:A7").map((r) => r[0])).toEqual([60, 8, 1, 6, 60, "#REF!", "#REF!"]);
  });

  it("follows the table when rows are added or deleted, and when it is renamed", async () => {
    const fake = workbook();
    fake.workbook.setCell("Egna", "A1", "=SUM(Kostnader[Belopp])");
    await fake.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Kostnader");
      table.rows.add(undefined, [["D", 40]]);
      table.rows.getItemAt(0).delete();
      await context.sync();
    });
    expect(fake.workbook.getCell("Egna", "A1")).toBe(90);
    await fake.Excel.run(async (context) => {
      context.workbook.tables.getItem("Kostnader").name = "Utfall";
      await context.sync();
    });
    expect(fake.workbook.getFormula("Egna", "A1")).toBe("=SUM(Utfall[Belopp])");
    expect(fake.workbook.getCell("Egna", "A1")).toBe(90);
  });

  it("convertToRange freezes references to A1 cells (they stop following); delete makes them #REF!", async () => {
    const fake = workbook();
    fake.workbook.setCell("Egna", "A1", "=SUM(Kostnader[Belopp])");
    fake.workbook.setCell("Egna", "A2", "=Kostnader[[#Headers],[Enhet]]");
    await fake.Excel.run(async (context) => {
      context.workbook.tables.getItem("Kostnader").convertToRange();
      await context.sync();
    });
    expect(fake.workbook.getFormula("Egna", "A1")).toBe("=SUM(Data!$B$2:$B$4)");
    expect(fake.workbook.getFormula("Egna", "A2")).toBe("=Data!$A$1");
    fake.workbook.setCell("Data", "B5", 1000);
    expect(fake.workbook.getCell("Egna", "A1")).toBe(60);

    const other = workbook();
    other.workbook.setCell("Egna", "A1", "=SUM(Kostnader[Belopp])");
    await other.Excel.run(async (context) => {
      context.workbook.tables.getItem("Kostnader").delete();
      await context.sync();
    });
    expect(other.workbook.getCell("Egna", "A1")).toBe("#REF!");
  });

  it("fills a calculated column into added rows; values written to it replace the formula, as in Excel", async () => {
    const fake = workbook();
    await fake.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Kostnader");
      table.getRange().getLastColumn().getOffsetRange(0, 1).values = [["Dubbelt"], ["=[@Belopp]*2"], ["=[@Belopp]*2"], ["=[@Belopp]*2"]];
      table.resize("Data!A1:C4");
      await context.sync();
    });
    expect(fake.workbook.getValues("Data", "C2:C4")).toEqual([[20], [40], [60]]);
    await fake.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Kostnader");
      table.rows.add(); // no values: the calculated column fills in
      table.rows.add(undefined, [["E", 5, ""]]); // "" replaces the formula
      await context.sync();
    });
    expect(fake.workbook.getFormula("Data", "C5")).toBe("=[@Belopp]*2");
    expect(fake.workbook.getFormula("Data", "C6")).toBeUndefined();
    fake.workbook.setCell("Data", "B5", 7);
    expect(fake.workbook.getValues("Data", "C5:C6")).toEqual([[14], [""]]);
  });
});
