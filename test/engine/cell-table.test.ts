/**
 * Cell tables: an input table stored by column. Rows go in and come back out cell for cell,
 * whatever the cells are; a slice is a view of its table; the builder grows past its first size
 * and takes cells in any order.
 */
import {
  CellTableBuilder,
  cellAt,
  cellsOfInput,
  cellTableFromRows,
  rowsOfCellTable,
  rowsOfInput,
  sliceCellTable,
  type CellValue,
} from "../../src/engine";

const day = new Date(Date.UTC(2024, 0, 31));
const other = new Date(Date.UTC(2024, 0, 31));

/** Rows as a table gives them back: every row as wide as the widest, missing cells empty (null). */
const rectangular = (rows: (CellValue[] | undefined)[]): CellValue[][] => {
  const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
  return rows.map((r) => Array.from({ length: width }, (_, c) => r?.[c] ?? null));
};

const MIXED: (CellValue[] | undefined)[] = [
  ["Ansvar", "Belopp", "Text", "Aktiv", "Datum"],
  ["1100", 1234.5, "Hyra", true, day],
  ["1100", -0.25, "Hyra", false, other],
  ["1200", 0, "", true, null],
  ["1100", null, undefined, null, day],
  ["1200", 1e15, "Hyra"],
  undefined,
  [],
  ["1100", 7, "Hyra", true, day, "en cell till"],
];

describe("cell tables", () => {
  test("rows → cells → rows gives every cell back: numbers, repeated texts, booleans, dates, empty cells, ragged rows", () => {
    const table = cellTableFromRows(MIXED);
    expect(table.rowCount).toBe(MIXED.length);
    expect(table.columns).toHaveLength(6);
    expect(rowsOfCellTable(table)).toEqual(rectangular(MIXED));
    // The same Date object comes back; two equal dates stay two values.
    expect(cellAt(table, 1, 4)).toBe(day);
    expect(cellAt(table, 2, 4)).toBe(other);
    // Outside the table: empty.
    expect(cellAt(table, 99, 0)).toBeNull();
    expect(cellAt(table, 0, 99)).toBeNull();
  });

  test("a text or boolean that repeats is stored once per column; numbers are not values", () => {
    const table = cellTableFromRows(MIXED);
    const [ansvar, belopp, text, aktiv] = table.columns;
    expect(ansvar.values.filter((v) => v === "1100")).toHaveLength(1);
    expect(ansvar.values.filter((v) => v === "1200")).toHaveLength(1);
    expect(text.values.filter((v) => v === "Hyra")).toHaveLength(1);
    expect(aktiv.values.filter((v) => v === true)).toHaveLength(1);
    expect(belopp.values.some((v) => typeof v === "number")).toBe(false);
    expect(belopp.numbers).not.toBeNull();
    expect(ansvar.numbers).toBeNull();
    // Rows with the same text share its code.
    expect(ansvar.codes[1]).toBe(ansvar.codes[2]);
    expect(ansvar.codes[1]).not.toBe(ansvar.codes[3]);
  });

  test("a slice is rows [top, bottom) and columns [left, right) as a table of its own, a view of the same codes", () => {
    const table = cellTableFromRows(MIXED);
    const slice = sliceCellTable(table, 1, 4, 1, 4);
    expect(rowsOfCellTable(slice)).toEqual(rectangular(MIXED).slice(1, 4).map((r) => r.slice(1, 4)));
    expect(slice.columns[0].codes.buffer).toBe(table.columns[1].codes.buffer);
    // Past the table's last row and column: rows stop at the table, missing columns are empty.
    const beyond = sliceCellTable(table, 7, 20, 4, 8);
    expect(beyond.rowCount).toBe(2);
    expect(rowsOfCellTable(beyond)).toEqual([
      [null, null, null, null],
      [day, "en cell till", null, null],
    ]);
    expect(sliceCellTable(table, 20, 30, 0, 2).rowCount).toBe(0);
  });

  test("the builder grows past its capacity and keeps every earlier row", () => {
    const builder = new CellTableBuilder(2);
    const rows: CellValue[][] = [];
    for (let i = 0; i < 1000; i++) {
      const row: CellValue[] = [`P${i % 7}`, i * 1.5, i % 3 === 0 ? null : i % 2 === 0];
      rows.push(row);
      builder.addRow(row);
    }
    expect(builder.rowCount).toBe(1000);
    const table = builder.build();
    expect(table.rowCount).toBe(1000);
    expect(table.columns[0].codes).toHaveLength(1000);
    expect(rowsOfCellTable(table)).toEqual(rows);
    expect(table.columns[0].values.filter((v) => v !== null)).toHaveLength(7);
  });

  test("cells set out of order, past the end and over each other give the same table as the rows", () => {
    const builder = new CellTableBuilder(1);
    builder.set(5, 2, "sist");
    builder.set(0, 0, "först");
    builder.set(3, 1, 42);
    builder.set(3, 1, "text i stället");
    builder.set(2, 0, 1);
    builder.set(2, 0, null);
    builder.set(1, 3, false);
    const expected: CellValue[][] = [
      ["först", null, null, null],
      [null, null, null, false],
      [null, null, null, null],
      [null, "text i stället", null, null],
      [null, null, null, null],
      [null, null, "sist", null],
    ];
    expect(rowsOfCellTable(builder.build())).toEqual(expected);
    expect(rowsOfCellTable(cellTableFromRows(expected))).toEqual(expected);
  });

  test("an input given as rows or as cells reads the same either way", () => {
    const rows = rectangular(MIXED);
    const asCells = { cells: cellTableFromRows(rows), sheet: "Ekonomi" };
    const asRows = { rows, sheet: "Ekonomi" };
    expect(rowsOfInput(asCells)).toEqual(rows);
    expect(rowsOfInput(asRows)).toBe(rows);
    expect(cellsOfInput(asCells)).toBe(asCells.cells);
    expect(rowsOfCellTable(cellsOfInput(asRows))).toEqual(rows);
  });

  test("an empty table", () => {
    const table = cellTableFromRows([]);
    expect(table.rowCount).toBe(0);
    expect(rowsOfCellTable(table)).toEqual([]);
    expect(new CellTableBuilder(0).build().rowCount).toBe(0);
  });
});
