import { createFakeExcel } from "../fakes/excel-fake";
import type { ExcelRun } from "../../src/excel/excel-run";
import { exempelbyTables } from "../../src/sample/exempelby";

export type FakeExcel = ReturnType<typeof createFakeExcel>;

/** A fake workbook holding the sample municipality's inputs, one sheet and Excel table per table. */
export function sampleWorkbook(options: Parameters<typeof createFakeExcel>[0] = {}): FakeExcel {
  const fake = createFakeExcel({ sheets: ["Start"], ...options });
  for (const [name, rows] of Object.entries(exempelbyTables())) {
    fake.workbook.addTable(name, name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), rows);
  }
  return fake;
}

export const runOf = (fake: FakeExcel): ExcelRun => fake.Excel.run as unknown as ExcelRun;

/** Everything on the sheets whose name starts with `prefix`, for before/after comparisons. */
export function sheetsSnapshot(fake: FakeExcel, keep: (name: string) => boolean): unknown {
  const all = fake.workbook.snapshot() as { sheets?: { name: string }[] } & Record<string, unknown>;
  const sheets = (all.sheets ?? []).filter((s) => keep(s.name));
  return JSON.parse(JSON.stringify(sheets));
}
