/**
 * Reads are chunked by measured bytes, not by cell count: Excel on the web refuses a response over
 * 5 MB, and a ledger whose Text cells are 255 characters long costs ~25 times more per cell than a
 * table of numbers. The fake enforces the documented 5 MB limit on every response.
 */
import { rowsOfInput } from "../../src/engine";
import { findTables, readTables } from "../../src/excel/read-tables";
import { ChunkSizer, FIRST_GUESS_BYTES_PER_CELL, measureValuesBytes } from "../../src/excel/read-chunks";
import { READ_BUDGET_BYTES } from "../../src/excel/excel-run";
import { createFakeExcel } from "../fakes/excel-fake";
import { runOf } from "./workbook-fixtures";

const FIVE_MB = 5 * 1024 * 1024;
const long = (i: number, c: string) => `${c}${i}:`.padEnd(255, c);

function ledger(rows: number, longFrom = 0) {
  const out: (string | number)[][] = [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text"]];
  for (let i = 0; i < rows; i++) {
    const text = i >= longFrom;
    out.push([
      text ? long(i, "a") : "1100",
      text ? long(i, "v") : "520",
      text ? long(i, "k") : "",
      "5110",
      1000 + i,
      text ? long(i, "t") : "",
    ]);
  }
  return out;
}

describe("read chunks sized by bytes", () => {
  test("a ledger of 255-character cells is read completely with every response under 5 MB", async () => {
    const fake = createFakeExcel({ sheets: ["Ekonomi"] });
    const rows = ledger(30_000);
    fake.workbook.addTable("Ekonomi", "Ekonomi", rows);
    const found = await findTables(runOf(fake));
    fake.stats.reset();
    const input = await readTables(runOf(fake), found);
    expect(rowsOfInput(input.Ekonomi!)).toEqual(rows);
    const responses = fake.stats.requests.map((r) => r.responseBytes);
    expect(Math.max(...responses)).toBeLessThanOrEqual(FIVE_MB);
    expect(fake.stats.requests.every((r) => r.error === undefined)).toBe(true);
    // Not one cell per request either: chunks of about the budget.
    expect(fake.stats.syncCount).toBeLessThan(Math.ceil(measureValuesBytes(rows) / READ_BUDGET_BYTES) * 2 + 2);
  });

  test("rows that turn text-heavy after a numeric start still fit: chunks shrink, or a too-large one is read again smaller", async () => {
    const fake = createFakeExcel({ sheets: ["Ekonomi"] });
    const rows = ledger(60_000, 40_000);
    fake.workbook.addTable("Ekonomi", "Ekonomi", rows);
    const found = await findTables(runOf(fake));
    fake.stats.reset();
    const input = await readTables(runOf(fake), found);
    expect(rowsOfInput(input.Ekonomi!)).toEqual(rows);
    // Any refused request applied nothing and was retried; every delivered response fits.
    const delivered = fake.stats.requests.filter((r) => r.error === undefined);
    expect(Math.max(...delivered.map((r) => r.responseBytes))).toBeLessThanOrEqual(FIVE_MB);
  });

  test("the sizer starts as if every cell were a 255-character text and then follows the longest rows measured", () => {
    const sizer = new ChunkSizer(6, 2_000_000, 100_000);
    expect(sizer.rows()).toBe(Math.floor(2_000_000 / (6 * FIRST_GUESS_BYTES_PER_CELL)));
    sizer.observe(1000, 60_000); // 60 bytes a row
    expect(sizer.rows()).toBe(Math.floor(100_000 / 6)); // the cell cap
    sizer.observe(1000, 1_500_000); // 1 500 bytes a row
    expect(sizer.rows()).toBe(Math.floor(2_000_000 / 1500));
    sizer.observe(1000, 60_000); // shorter rows again: stays cautious
    expect(sizer.rows()).toBe(Math.floor(2_000_000 / 1500));
    const before = sizer.rows();
    sizer.tooLarge(before);
    expect(sizer.rows()).toBeLessThanOrEqual(Math.floor(before / 2));
  });
});
