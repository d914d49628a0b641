import { FALLBACK_KPB_KPI_IDS } from "./kpb-kpis";
import type { KoladaValueRow } from "./types";

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

/**
 * Kolada rows as `Jämförelse` rows: Nyckeltal is the engine's key-figure id (the Kolada id itself
 * when the KPI is not one the engine computes), Källa "Kolada <id>", Kommun "<code> <name>".
 * Only totals (gender T) with a value are written: the table has no gender column, and an empty
 * Värde cell would be a data problem in the workbook.
 *
 * @param titlesById municipality code → name (e.g. from `getMunicipalities`); codes without a
 *   name are written as the bare code.
 * @param kpiIds keyFigure → Kolada id, normally `findKpbKpis(...).ids`.
 */
export function toBenchmarkRows(
  rows: readonly KoladaValueRow[],
  titlesById: Readonly<Record<string, string>> = {},
  kpiIds: Readonly<Record<string, string>> = FALLBACK_KPB_KPI_IDS,
): BenchmarkTable {
  const keyFigureOf = new Map<string, string>();
  for (const [keyFigure, id] of Object.entries(kpiIds)) if (!keyFigureOf.has(id)) keyFigureOf.set(id, keyFigure);
  const out: BenchmarkTableRow[] = rows
    .filter((r) => r.gender === "T" && r.value !== null)
    .map((r) => [
      keyFigureOf.get(r.kpi) ?? r.kpi,
      r.value as number,
      `Kolada ${r.kpi}`,
      r.year,
      titlesById[r.municipality] ? `${r.municipality} ${titlesById[r.municipality]}` : r.municipality,
    ]);
  return [BENCHMARK_HEADER, ...sortBenchmarkRows(out)];
}
