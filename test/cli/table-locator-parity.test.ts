import { rowsOfInput } from "../../src/engine";
/**
 * The add-in and the command line find the same tables in the same workbook: one built in the
 * Excel fake and, cell for cell, as an .xlsx file (with the add-in's saved mapping in the file's
 * web-extension part, where Excel keeps add-in settings).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { findTables } from "../../src/excel/read-tables";
import { readWorkbookTables } from "../../src/cli/xlsx-input";
import { streamWorkbookCells } from "../../src/cli/xlsx-cells";
import type { CellValue } from "../../src/engine/model";
import type { WorkbookMapping } from "../../src/input/table-locator";
import { exempelbyTables } from "../../src/sample/exempelby";
import { createFakeExcel } from "../fakes/excel-fake";
import { runOf } from "../excel/workbook-fixtures";

const sample = exempelbyTables();
const at = (rows: CellValue[][], columns: number) => `A1:${String.fromCharCode(64 + columns)}${rows.length}`;

/** The workbook: each table found by a different rule, plus a result sheet that looks like a ledger. */
const sheets: { name: string; rows: CellValue[][]; table?: string; rangeName?: string }[] = [
  { name: "Huvudboksutdrag", rows: [["Utdrag ur Raindance 2024"], ...sample.Ekonomi] }, // headers
  { name: "Regler", rows: sample.Kodning, table: "Coding" }, // alias of an Excel table
  { name: "Kostnadsobjekt", rows: sample.Pooler, rangeName: "Pooler" }, // named range
  { name: "Brukare", rows: sample.Brukare }, // sheet name
  { name: "Egen nyckel", rows: [["Stödpoolen", "Mottagaren", "Del"], ...sample.Nycklar.slice(1)] }, // saved mapping, own headers
  { name: "KPB Spårning", rows: sample.Ekonomi }, // never an input
];
const mapping: WorkbookMapping = {
  Nycklar: { source: { kind: "sheet", sheet: "Egen nyckel" }, columns: { Från: "Stödpoolen", Till: "Mottagaren", Andel: "Del" } },
};

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-locator-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function asFile(withMapping: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.table) {
      ws.addTable({ name: s.table, ref: "A1", headerRow: true, columns: s.rows[0].map((h) => ({ name: String(h) })), rows: s.rows.slice(1) as ExcelJS.CellValue[][] });
    } else ws.addRows(s.rows as ExcelJS.CellValue[][]);
    if (s.rangeName) wb.definedNames.add(`'${s.name}'!$A$1:$${String.fromCharCode(64 + s.rows[0].length)}$${s.rows.length}`, s.rangeName);
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  if (withMapping) {
    // As Excel saves Office add-in settings: each value JSON-encoded in a web-extension property.
    const value = JSON.stringify(JSON.stringify({ mapping, overrides: {} })).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6A1E6D2A-0000-4000-8000-000000000001}"><we:reference id="kpb" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="KPB.state" value="${value}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
    );
  }
  const file = path.join(dir, withMapping ? "with-mapping.xlsx" : "plain.xlsx");
  await fs.writeFile(file, await zip.generateAsync({ type: "uint8array" }));
  return file;
}

async function inFake(): Promise<ReturnType<typeof createFakeExcel>> {
  const fake = createFakeExcel({ sheets: ["Start"] });
  for (const s of sheets) {
    if (s.table) fake.workbook.addTable(s.name, s.table, s.rows);
    else fake.workbook.addSheet(s.name, s.rows);
  }
  await fake.Excel.run(async (context) => {
    for (const s of sheets) if (s.rangeName) context.workbook.names.add(s.rangeName, context.workbook.worksheets.getItem(s.name).getRange(at(s.rows, s.rows[0].length)));
    await context.sync();
  });
  return fake;
}

test("the Excel fake and the command line reader choose the same source for every table, by the same rule", async () => {
  const fake = await inFake();
  const excel = (await findTables(runOf(fake), mapping)).map((f) => ({ table: f.table, foundBy: f.foundBy, source: f.source, sheet: f.sheet }));
  const cli = (await readWorkbookTables(await asFile(true))).location.located.map((l) => ({ table: l.table, foundBy: l.foundBy, source: l.source, sheet: l.sheet }));
  expect(cli).toEqual(excel);
  expect(Object.fromEntries(cli.map((c) => [c.table, c.foundBy]))).toEqual({
    Ekonomi: "header",
    Kodning: "table",
    Pooler: "name",
    Nycklar: "mapping",
    Brukare: "sheet",
  });
});

/** The streaming reader gives an empty text cell as empty (null); the engine reads both as blank. */
const blankAsNull = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (v === "" ? null : v)));

test("the command line reads the tables it located, and without the saved mapping Nycklar is not found", async () => {
  const withMapping = await readWorkbookTables(await asFile(true));
  expect(rowsOfInput(withMapping.input.Pooler!)).toEqual(blankAsNull(sample.Pooler));
  expect(withMapping.input.Nycklar!.sheet).toBe("Egen nyckel");
  expect(rowsOfInput(withMapping.input.Nycklar!)).toEqual(blankAsNull(sample.Nycklar)); // the saved column names too
  expect(rowsOfInput(withMapping.input.Ekonomi!).slice(1)).toEqual(blankAsNull(sample.Ekonomi));
  const plain = await readWorkbookTables(await asFile(false));
  expect(plain.input.Nycklar).toBeUndefined();
});

test("the streaming reader keeps only the sheets the chosen tables are on while every table is found", async () => {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sample)) {
    wb.addWorksheet(name).addTable({ name: name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), ref: "A1", columns: rows[0].map((h) => ({ name: String(h) })), rows: rows.slice(1) as ExcelJS.CellValue[][] });
  }
  wb.addWorksheet("Anteckningar").addRows([["Ansvar", "Verksamhet", "Konto", "Belopp"]]);
  wb.addWorksheet("KPB Spårning").addRows(sample.Ekonomi as ExcelJS.CellValue[][]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const cells = await streamWorkbookCells(bytes, await JSZip.loadAsync(bytes), {}, {});
  const kept = cells.sheets.filter((s) => s.cells).map((s) => s.name);
  expect(kept).toEqual(Object.keys(sample));
  expect(cells.tables.map((t) => t.name)).toContain("Jamforelse");
});
