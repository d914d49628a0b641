/**
 * The engine reads an input table stored by column (what every reader hands it) exactly as it
 * reads the same table as a 2-D array of cells: same result, same problems in the same order, and
 * the input's own columns are never changed (error values blanked and personnummer replaced in a
 * copy).
 */
import { cellTableFromRows, rowsOfCellTable, type CellTable } from "../../src/engine/cell-table";
import type { CellValue, TableName, WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { exempelbyTables } from "../../src/sample/exempelby";
import { syntheticTables } from "../../src/sample/synthetic";

type Tables = Partial<Record<TableName, CellValue[][]>>;

const asRows = (tables: Tables): WorkbookInput =>
  Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { rows: rows.map((r) => [...r]), sheet: name }]));
const asCells = (tables: Tables): WorkbookInput =>
  Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { cells: cellTableFromRows(rows), sheet: name }]));

function run(input: WorkbookInput): string {
  return JSON.stringify(runKpb(input, { pseudonymSecret: "cell-input" }));
}

describe("input by column", () => {
  it("the sample municipality gives the same result as rows and as cells", () => {
    const tables = exempelbyTables() as Tables;
    const byRows = run(asRows(tables));
    expect(JSON.parse(byRows).ok).toBe(true);
    expect(run(asCells(tables))).toBe(byRows);
  });

  it("a synthetic municipality of 100 000 client rows gives the same result as rows and as cells", () => {
    const tables = syntheticTables("M") as Tables;
    expect(run(asCells(tables))).toBe(run(asRows(tables)));
  });

  it("an awkward extract reads the same: title lines, blank rows, error values, totals rows, personnummer, codes as numbers", () => {
    const tables = exempelbyTables() as Tables;
    const ledger = tables.Ekonomi!;
    tables.Ekonomi = [
      ["Huvudbok 2024", null, null],
      [],
      ...ledger.slice(0, 1),
      ...ledger.slice(1, 40).map((r, i) => (i === 3 ? [...r.slice(0, 5), "#N/A"] : i === 5 ? [...r.slice(0, 5), "Utbetalning 19450312-1234"] : r)),
      [null, null, null, null, null, null],
      ["   ", "\u00a0"],
      ...ledger.slice(40),
      ["Summa", null, null, null, 123, null],
    ];
    const clients = tables.Brukare!;
    const header = clients[0];
    tables.Brukare = [
      header,
      ...clients.slice(1, 30),
      [197001011234, ...clients[30].slice(1)],
      ...clients.slice(31).map((r, i) => (i === 7 ? [r[0], r[1], "#VALUE!", ...r.slice(3)] : r)),
      ["Summa", null, null, null],
    ];
    const byRows = run(asRows(tables));
    const problems = (JSON.parse(byRows).problems ?? JSON.parse(byRows).result.problems) as { code: string }[];
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(["cellErrorValueBlank", "personalDataInCells", "totalsRowSkipped"]));
    expect(run(asCells(tables))).toBe(byRows);
  });

  it("never changes the input's columns", () => {
    const tables = exempelbyTables() as Tables;
    tables.Ekonomi = tables.Ekonomi!.map((r, i) => (i === 4 ? [...r.slice(0, 5), "#N/A"] : i === 6 ? [...r.slice(0, 5), "Utbetalning 19450312-1234"] : r));
    const input = asCells(tables);
    const before = Object.fromEntries(Object.entries(input).map(([name, t]) => [name, JSON.stringify(rowsOfCellTable(t!.cells as CellTable))]));
    runKpb(input, { pseudonymSecret: "cell-input" });
    for (const [name, t] of Object.entries(input)) expect([name, JSON.stringify(rowsOfCellTable(t!.cells as CellTable))]).toEqual([name, before[name]]);
  });

  it("a value written as a number, as text, padded or as a date is one client, one pool and one month", () => {
    const tables = exempelbyTables() as Tables;
    const header = tables.Brukare![0];
    // Client 4711 in four spellings, the same pool padded, January as text, number and date.
    tables.Brukare = [
      header,
      ...tables.Brukare!.slice(1),
      [4711, 1938, "K", "HT_NORR", 10, "2024-01", "Ordinärt"],
      ["4711", "1938", "K", " HT_NORR ", 5, 202401, "Ordinärt"],
      [" 4711 ", 1938, "Kvinna", "HT_NORR", 2.5, new Date(Date.UTC(2024, 0, 15)), "Ordinärt"],
      ["4711", 1938, "k", "HT_NORR", 1.25, "2024-02", "Ordinärt"],
    ];
    const outcome = JSON.parse(run(asCells(tables)));
    expect(outcome.ok).toBe(true);
    const clients = outcome.result.clients.filter((c: { id: string }) => c.id.trim() === "4711");
    expect(clients).toHaveLength(1);
    expect(clients[0].volumesMicro).toEqual({ HT_NORR: 18_750_000 });
    const about = outcome.result.problems.filter((p: { message: string }) => p.message.includes("4711"));
    // January three times: the second and third are reported as repeats, each at its own sheet row.
    const first = tables.Brukare.length - 3; // the sheet row of the first 4711 row (header on row 1)
    expect(about.filter((p: { code: string }) => p.code === "duplicateClientRow").map((p: { row: number }) => p.row)).toEqual([first + 1, first + 2]);
    expect(about.map((p: { code: string }) => p.code)).not.toContain("conflictingBirthYear");
    expect(about.map((p: { code: string }) => p.code)).not.toContain("conflictingSex");
    expect(run(asRows(tables))).toBe(run(asCells(tables)));
  });
});
