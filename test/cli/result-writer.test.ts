/**
 * The command line writes the result workbook row by row (exceljs' streaming writer, tables added
 * as parts). It must be the same workbook the straightforward in-memory writer makes: every cell's
 * value and style, merged cells, row heights, column widths, Excel tables, colours by direction,
 * print setup, frozen panes, and the charts' parts byte for byte.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { resultSheets, type ResultSheetOptions, type SheetLayout } from "../../src/layouts";
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
      conditionalFormattings: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
      views: ws.views,
      rowBreaks: (ws as unknown as { rowBreaks?: unknown }).rowBreaks,
    };
  });
  return { sheets, definedNames: wb.definedNames.model };
}

/** The chart and drawing parts, and which sheet (by name) refers to which drawing. */
async function chartParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (n: string) => zip.file(n)!.async("string");
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir && /^xl\/(charts|drawings)\//.test(n)).sort();
  const out: Record<string, string> = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await text(n)] as const)));
  const workbook = await text("xl/workbook.xml");
  const workbookRels = await text("xl/_rels/workbook.xml.rels");
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(workbookRels)!;
    const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    const sheetXml = await text(part);
    const drawingId = /<drawing r:id="([^"]+)"/.exec(sheetXml)?.[1];
    if (!drawingId) continue;
    const rels = await text(part.replace(/([^/]+)$/, "_rels/$1.rels"));
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((r) => r[0]).find((r) => r.includes(`Id="${drawingId}"`))!;
    out[`sheet ${m[1]}`] = /Target="([^"]+)"/.exec(rel)![1];
  }
  const types = await text("[Content_Types].xml");
  out["content types"] = [...types.matchAll(/<Override\b[^>]*PartName="([^"]+)"[^>]*ContentType="([^"]+)"/g)]
    .filter((m) => /\/(charts|drawings|tables)\//.test(m[1]))
    .map((m) => `${m[1]} ${m[2]}`)
    .sort()
    .join("\n");
  return out;
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
    expect(Object.keys(actualCharts).filter((k) => k.startsWith("sheet ")).length).toBeGreaterThan(0);
    expect(actualCharts["content types"]).toContain("/xl/tables/table1.xml");
    expect(actualCharts).toEqual(expectedCharts);
  }, 120_000);
});
