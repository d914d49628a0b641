import type { KoladaClient } from "./client";
import { checkKpiIds, checkMunicipalityIds } from "./request-guard";
import { KOLADA_SNAPSHOT, type KoladaSnapshot } from "./snapshot";
import type { DataQuery, KoladaError, KoladaValueRow } from "./types";

export interface BenchmarkFetch {
  /** Where the rows came from: Kolada now, or the bundled snapshot because Kolada failed. */
  source: "kolada" | "snapshot";
  rows: KoladaValueRow[];
  /** Requested KPIs without any row. */
  missing: string[];
  rejected: string[];
  /** Why Kolada was not used (shown to the user beside the snapshot's rows). */
  error?: KoladaError;
}

/**
 * Kolada when it answers, otherwise whatever the bundled snapshot holds for the same query, so
 * the add-in works offline and the user is told why the numbers are older or absent.
 */
export async function fetchWithFallback(
  client: KoladaClient,
  query: DataQuery,
  snapshot: KoladaSnapshot = KOLADA_SNAPSHOT,
): Promise<BenchmarkFetch> {
  const live = await client.getData(query);
  if (live.ok) return { source: "kolada", rows: live.value, missing: live.missing, rejected: live.rejected };
  const rows = snapshotRows(snapshot, query);
  const kpis = checkKpiIds(query.kpis).valid;
  const withRows = new Set(rows.map((r) => r.kpi));
  return { source: "snapshot", rows, missing: kpis.filter((k) => !withRows.has(k)), rejected: live.rejected, error: live.error };
}

/** The snapshot's rows that the same query would have asked Kolada for. */
export function snapshotRows(snapshot: KoladaSnapshot, query: DataQuery): KoladaValueRow[] {
  const kpis = new Set(checkKpiIds(query.kpis).valid);
  const municipalities = new Set(checkMunicipalityIds(query.municipalities).valid);
  const years = query.years && query.years.length ? new Set(query.years) : null;
  const gender = query.gender ?? "T";
  return snapshot.values.filter(
    (r) =>
      kpis.has(r.kpi) &&
      municipalities.has(r.municipality) &&
      (years === null || years.has(r.year)) &&
      (gender === "all" || r.gender === gender),
  );
}
