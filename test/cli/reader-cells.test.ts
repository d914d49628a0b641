/**
 * Every reader hands the engine a cell table (`{ cells }`), never a 2-D array of the whole table,
 * and the table holds the same cells the readers gave as rows: a CSV export, an SIE file, an .xlsx
 * file streamed by the command line (and one exceljs holds), and the add-in's chunked reads.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { cellTableFromRows, rowsOfCellTable, rowsOfInput, type CellValue, type TableInput } from "../../src/engine";
import { cellsOfWorkbook, locateAndReadCells } from "../../src/cli/xlsx-cells";
import { readWorkbookTables } from "../../src/cli/xlsx-input";
import { findTables, readTables } from "../../src/excel/read-tables";
import { readCsvTable } from "../../src/input/csv";
import { rowsToWrite } from "../../src/input/file-table";
import { readSieLedger } from "../../src/input/sie";
import { renameMappedHeaders } from "../../src/input/table-locator";
import { createFakeExcel } from "../fakes/excel-fake";
import { runOf } from "../excel/workbook-fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The input is a cell table, not rows. */
function expectCells(input: TableInput | null | undefined): void {
  expect(input?.cells).toBeDefined();
  expect(input?.rows).toBeUndefined();
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-reader-cells-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("a CSV export is a cell table holding the file's records at their lines, number columns as numbers", () => {
  const text = [
    "Huvudbok 2024",
    "",
    "Ansvar;Verksamhet;Aktivitet;Konto;Belopp;Text",
    "1100;510;;5110;1 234,50;Hyra",
    '1100;510;;5110;"12,5";"Hyra; lokal"',
    "1200;520;;4010;-7;Hyra",
    "Summa;;;;1 240,00",
  ].join("\r\n");
  const file = readCsvTable(utf8(text), "Ekonomi", "huvudbok.csv");
  expectCells(file.input);
  expect(rowsOfInput(file.input!)).toEqual([
    ["Huvudbok 2024", null, null, null, null, null],
    [null, null, null, null, null, null],
    ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text"],
    ["1100", "510", "", "5110", 1234.5, "Hyra"],
    ["1100", "510", "", "5110", 12.5, "Hyra; lokal"],
    ["1200", "520", "", "4010", -7, "Hyra"],
    ["Summa", "", "", "", 1240, null],
  ]);
  expect(file.summary).toMatchObject({ rowsRead: 3, amountOre: 123450 + 1250 - 700 });
  // What the pane writes into the workbook: the header and the rows the run reads, as read.
  expect(rowsToWrite(file)).toEqual([
    ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text"],
    ["1100", "510", "", "5110", 1234.5, "Hyra"],
    ["1100", "510", "", "5110", 12.5, "Hyra; lokal"],
    ["1200", "520", "", "4010", -7, "Hyra"],
  ]);
});

test("an SIE file is a cell table: one row per codes and month at the line of its first transaction", () => {
  const lines = [
    "#FLAGGA 0",
    "#RAR 0 20240101 20241231",
    '#DIM 1 "Ansvar"',
    '#DIM 20 "Verksamhet"',
    '#KONTO 5010 "Lokalhyra"',
    '#VER A 1 20240115 "Hyra"',
    "{",
    '#TRANS 5010 {1 "1100" 20 "510"} 100.25',
    '#TRANS 5010 {1 "1100" 20 "510"} 50',
    "#TRANS 1930 {} -150.25",
    "}",
  ];
  const file = readSieLedger(utf8(lines.join("\n")), "bok.se");
  expectCells(file.input);
  const rows = rowsOfInput(file.input!);
  expect(rows[0]).toEqual(["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text", "År", "Period"]);
  expect(rows.slice(1).filter((r) => r.some((c) => c !== null))).toEqual([["1100", "510", "", "5010", 150.25, "Lokalhyra", 2024, "2024-01"]]);
  // Sheet row 8 (index 7) is line 8, the group's first #TRANS.
  expect(rows.findIndex((r) => r[0] === "1100")).toBe(7);
});

describe("an .xlsx file", () => {
  const day = new Date(Date.UTC(2024, 2, 31));
  const ledger: CellValue[][] = [
    ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text", "Bokförd", "Periodiserad"],
    ["1100", "510", null, "5110", 1000.5, "Hyra", day, true],
    ["1100", "510", null, "5110", -20, "Hyra", day, false],
    ["1200", "520", "A1", "4010", 7, null, null, true],
  ];
  const keys: CellValue[][] = [
    ["Stödpoolen", "Mottagaren", "Del"],
    ["ADM", "HT_SODER", 0.25],
    ["ADM", "HT_NORR", 0.75],
  ];

  function workbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Huvudbok").addRows([["Utdrag 2024"], [], ...ledger] as ExcelJS.CellValue[][]);
    wb.addWorksheet("Egen nyckel").addRows(keys as ExcelJS.CellValue[][]);
    return wb;
  }

  test("streamed by the command line: the table is a cell table holding the sheet's cells", async () => {
    const file = path.join(dir, "huvudbok.xlsx");
    await workbook().xlsx.writeFile(file);
    const { input } = await readWorkbookTables(file);
    expectCells(input.Ekonomi);
    expect(input.Ekonomi).toMatchObject({ sheet: "Huvudbok", firstRow: 1, firstColumn: 1 });
    expect(rowsOfInput(input.Ekonomi!)).toEqual([["Utdrag 2024", null, null, null, null, null, null, null], Array(8).fill(null), ...ledger]);
  });

  test("held in memory, with the saved mapping: the own headers are renamed", () => {
    const mapping = { Nycklar: { source: { kind: "sheet" as const, sheet: "Egen nyckel" }, columns: { Från: "Stödpoolen", Till: "Mottagaren", Andel: "Del" } } };
    const { input } = locateAndReadCells(cellsOfWorkbook(workbook()), mapping);
    expectCells(input.Nycklar);
    expect(rowsOfInput(input.Nycklar!)).toEqual([["Från", "Till", "Andel"], ...keys.slice(1)]);
    expect(rowsOfInput(input.Ekonomi!).slice(2)).toEqual(ledger);
  });
});

test("renaming the saved headers (in the first 20 rows) leaves the input's own cells as they were", () => {
  const data: CellValue[][] = Array.from({ length: 20 }, (_, i) => ["ADM", i === 19 ? "Del" : `P${i}`, 0.5]);
  const rows: CellValue[][] = [["Titel", null, null], ["Stödpoolen", "Del", 3], ...data];
  const table = cellTableFromRows(rows);
  const renamed = renameMappedHeaders(table, { Från: "Stödpoolen", Andel: "del" });
  expect(rowsOfCellTable(renamed)).toEqual([["Titel", null, null], ["Från", "Andel", 3], ...data]);
  expect(rowsOfCellTable(table)).toEqual(rows);
  // Nothing to rename: the same table.
  expect(renameMappedHeaders(table, { Till: "Mottagaren" })).toBe(table);
  expect(renameMappedHeaders(table, undefined)).toBe(table);
});

test("the add-in's chunked reads give a cell table with the range's values", async () => {
  const fake = createFakeExcel({ sheets: ["Ekonomi"] });
  const rows: (string | number)[][] = [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp"]];
  for (let i = 0; i < 3000; i++) rows.push([`1${i % 10}00`, "510", "", "5110", i]);
  fake.workbook.addTable("Ekonomi", "Ekonomi", rows);
  const input = await readTables(runOf(fake), await findTables(runOf(fake)));
  expectCells(input.Ekonomi);
  expect(rowsOfInput(input.Ekonomi!)).toEqual(rows);
});
