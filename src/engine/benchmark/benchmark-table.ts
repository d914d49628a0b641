/**
 * The rows of the workbook's `Jämförelse` table, as both benchmark sources (bundled published
 * figures and Kolada) write them: a header row first, then one row per key figure and source.
 */
export const BENCHMARK_HEADER = ["Nyckeltal", "Värde", "Källa", "År", "Kommun"] as const;

/** One data row: key-figure id, value, source text, year, municipality (code and name, or a label). */
export type BenchmarkTableRow = [keyFigure: string, value: number | string, source: string, year: number, municipality: string];

/** Header first, ready to be written to a range. */
export type BenchmarkTable = [typeof BENCHMARK_HEADER, ...BenchmarkTableRow[]];

/** Stable order so that a refresh writes the same table for the same data. */
export function sortBenchmarkRows(rows: BenchmarkTableRow[]): BenchmarkTableRow[] {
  return [...rows].sort(
    (a, b) => a[0].localeCompare(b[0], "sv") || a[4].localeCompare(b[4], "sv") || a[3] - b[3] || a[2].localeCompare(b[2], "sv"),
  );
}
