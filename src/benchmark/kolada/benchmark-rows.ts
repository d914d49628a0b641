import { BENCHMARK_HEADER, sortBenchmarkRows, type BenchmarkTable, type BenchmarkTableRow } from "../../engine";
import { FALLBACK_KPB_KPI_IDS } from "./kpb-kpis";
import type { KoladaValueRow } from "./types";

// The `Jämförelse` table's shape belongs to the engine, which reads it; Kolada only fills it.
export { BENCHMARK_HEADER, sortBenchmarkRows, type BenchmarkTable, type BenchmarkTableRow };

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
