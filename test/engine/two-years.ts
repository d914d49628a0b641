/**
 * Two years of the sample municipality for the monthly follow-up's tests: Ekonomi and Brukare with
 * a Period column over 24 months.
 */
import type { CellValue, WorkbookInput } from "../../src/engine/model";
import { exempelbyTables, type SampleTables } from "../../src/sample/exempelby";

/** A column added after the header's last one (Ekonomi's Period). */
export function withColumn(rows: CellValue[][], header: string, value: (row: CellValue[], i: number) => CellValue): CellValue[][] {
  return [[...rows[0], header], ...rows.slice(1).map((r, i) => [...r, value(r, i)])];
}

/**
 * Two years of the sample municipality: 2024 and 2025 (another seed, its periods moved to 2025),
 * each ledger row given a month by `monthOf`. Ekonomi and Brukare both carry Period.
 */
export function twoYears(monthOf: (i: number) => number): SampleTables {
  const a = exempelbyTables();
  const b = exempelbyTables(20250101);
  const month = (year: number, i: number) => `${year}-${String(monthOf(i)).padStart(2, "0")}`;
  const periodAt = a.Brukare[0].indexOf("Period");
  const moved = b.Brukare.slice(1).map((r) => r.map((c, j) => (j === periodAt && typeof c === "string" ? c.replace(/^2024-/, "2025-") : c)));
  const ledgerA = withColumn(a.Ekonomi, "Period", (_r, i) => month(2024, i));
  const ledgerB = withColumn(b.Ekonomi, "Period", (_r, i) => month(2025, i + 7));
  return { ...a, Ekonomi: [...ledgerA, ...ledgerB.slice(1)], Brukare: [...a.Brukare, ...moved] };
}

export function input(tables: SampleTables): WorkbookInput {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { rows, sheet: name }])) as WorkbookInput;
}

