/**
 * Charts on the result sheets: every series has explicit values and categories (never Excel's
 * guess from the source range), and a pie's axes are never touched. The fake enforces both: it
 * records which series were guessed, and fails any use of a pie's axes as Excel does.
 */
import { addChart } from "../../src/excel/charts";
import { blockPlaces, column, type ChartSpec, type SheetLayout } from "../../src/layouts";
import { refreshKpb } from "../../src/excel/refresh";
import { createFakeExcel } from "../fakes/excel-fake";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

function layout(kind: ChartSpec["kind"]): SheetLayout {
  return {
    name: "KPB Test",
    blocks: [
      {
        tableName: "KPB_Test",
        columns: [column("Insats", "text"), column("Kostnad", "kr"), column("Jämförelse", "kr")],
        // The first value is empty and the benchmark's first is text: Excel's guess would take them as series names.
        rows: [
          ["Hemtjänst", null, "saknas"],
          ["Särskilt boende", 200, 210],
          ["Korttid", 300, 290],
        ],
      },
    ],
    charts: [
      { name: "KPB_Test_diagram", kind, title: "Test", block: 0, categoryColumn: 0, valueColumns: [1, 2], lineColumns: [2], valueAxisTitle: "kr" },
    ],
  };
}

async function draw(kind: ChartSpec["kind"]) {
  const fake = createFakeExcel({ sheets: ["KPB Test"] });
  const l = layout(kind);
  const values = [l.blocks[0].columns.map((c) => c.header), ...l.blocks[0].rows.map((r) => r.map((v) => (v === null ? "" : v)))];
  fake.workbook.setValues("KPB Test", "A1", values);
  await fake.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("KPB Test") as unknown as Excel.Worksheet;
    addChart(sheet, l, l.charts[0], blockPlaces(l));
    await context.sync();
  });
  return fake.workbook.charts("KPB Test")[0];
}

describe("result charts", () => {
  test("each series has exactly the spec's values and categories, set explicitly", async () => {
    const chart = await draw("columnClustered");
    expect(chart.series).toEqual([
      { name: "Kostnad", chartType: "ColumnClustered", values: "'KPB Test'!B2:B4", xValues: "'KPB Test'!A2:A4", explicit: true },
      { name: "Jämförelse", chartType: "Line", values: "'KPB Test'!C2:C4", xValues: "'KPB Test'!A2:A4", explicit: true },
    ]);
    expect(chart.valueAxisTitle).toBe("kr");
  });

  test("a pie chart is drawn without touching its axes (which the fake, like Excel, refuses)", async () => {
    const chart = await draw("pie");
    expect(chart.type).toBe("Pie");
    expect(chart.series[0]).toMatchObject({ values: "'KPB Test'!B2:B4", xValues: "'KPB Test'!A2:A4", explicit: true });

    const fake = createFakeExcel({ sheets: ["S"] });
    fake.workbook.setValues("S", "A1", [["a", 1], ["b", 2]]);
    await expect(
      fake.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        const pie = sheet.charts.add("Pie", sheet.getRange("B1:B2"), "Columns");
        pie.axes.valueAxis.title.text = "kr";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("every chart of a sample refresh has explicit series only", async () => {
    const fake = sampleWorkbook();
    await refreshKpb(runOf(fake));
    const charts = fake.workbook.sheetNames().flatMap((name) => (name.startsWith("KPB") ? fake.workbook.charts(name) : []));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) for (const series of chart.series) expect(series).toMatchObject({ explicit: true });
  });
});
