/**
 * The command line writes the result workbook row by row (exceljs' streaming writer, tables added
 * as parts). It must be the same workbook the straightforward in-memory writer makes: every cell's
 * value and style, merged cells, row heights, column widths, Excel tables, colours by direction,
 * print setup, frozen panes, and the charts' parts byte for byte.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { resultSheets, type ResultSheetOptions, type SheetLayout } from "../../src/engine/result-sheets";
import { monthlySeries } from "../../src/engine/monthly-series";
import { runKpb } from "../../src/engine/run";
import { buildResultWorkbook } from "../../src/cli/reference/result-workbook";
import { addCharts } from "../../src/cli/xlsx-charts";
import { resultWorkbookBytes } from "../../src/cli/xlsx-output";
import { exempelbyTables } from "../../src/sample/exempelby";
import { exempelbyTwoYears } from "../../src/sample/exempelby-months";
import type { WorkbookInput } from "../../src/engine/model";

function layoutsOf(tables: Record<string, unknown[][]>, period?: string): SheetLayout[] {
  const input = Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, { rows }])) as WorkbookInput;
  const options = { pseudonymSecret: "test", overrides: period ? { followUpTo: period } : {} };
  const outcome = runKpb(input, options);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  const sheetOptions: ResultSheetOptions = { history: [], runTime: "2025-02-14 09:30" };
  if (outcome.result.settings.period) sheetOptions.monthly = monthlySeries(input, outcome.result.settings.period, options);
  return resultSheets(outcome.result, outcome.result.benchmark, sheetOptions);
}

/** Everything a reader sees in a workbook, in a form two writers can be compared by. */
async function contents(bytes: Uint8Array): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { numFmt, font, alignment, fill, border } = cell.style;
        cells.push({ at: cell.address, value: cell.value, type: cell.type, numFmt, font, alignment, fill, border, merged: cell.isMerged ? cell.master.address : null });
      });
      rows.push({ n, height: row.height, cells });
    });
    const tables = Object.values((ws as unknown as { tables: Record<string, { table: unknown }> }).tables).map((t) => t.table);
    return {
      name: ws.name,
      rows,
      merges: ws.model.merges,
      widths: (ws.columns ?? []).map((c) => c.width),
      tables,
      conditionalFormattings: ws.conditionalFormattings,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
      views: ws.views,
      rowBreaks: (ws as unknown as { rowBreaks?: unknown }).rowBreaks,
    };
  });
  return { sheets, definedNames: wb.definedNames.model };
}

async function chartParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir && /^xl\/(charts|drawings)\//.test(n)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async("string")] as const)));
}

async function reference(layouts: SheetLayout[]): Promise<Uint8Array> {
  const buffer = await buildResultWorkbook(layouts).xlsx.writeBuffer();
  return addCharts(new Uint8Array(buffer as ArrayBuffer), layouts);
}

describe("the streamed result workbook is the in-memory one", () => {
  test.each([
    ["one year", () => layoutsOf(exempelbyTables())],
    ["two years with the monthly follow-up and its charts", () => layoutsOf(exempelbyTwoYears(), "2025-06")],
  ])("%s", async (_, make) => {
    const layouts = make();
    const [expected, actual] = await Promise.all([reference(layouts), resultWorkbookBytes(layouts)]);
    expect(await contents(actual)).toEqual(await contents(expected));
    const [expectedCharts, actualCharts] = await Promise.all([chartParts(expected), chartParts(actual)]);
    expect(Object.keys(actualCharts).length).toBeGreaterThan(0);
    expect(actualCharts).toEqual(expectedCharts);
  }, 120_000);
});
