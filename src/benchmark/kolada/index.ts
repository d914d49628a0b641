export { createKoladaClient, flattenDataPoints, KOLADA_BASE_URL, type KoladaClient, type KoladaClientOptions } from "./client";
export type { FetchLike, ResponseLike } from "./http";
export { findKpbKpis, normaliseTitle, FALLBACK_KPB_KPI_IDS, KPB_KPI_DEFINITIONS, type KpbKpiDefinition, type KpbKpiLookup } from "./kpb-kpis";
export { toBenchmarkRows, BENCHMARK_HEADER, sortBenchmarkRows, type BenchmarkTable, type BenchmarkTableRow } from "./benchmark-rows";
export { fetchWithFallback, snapshotRows, type BenchmarkFetch } from "./fallback";
export { KOLADA_SNAPSHOT, snapshotTitles, type KoladaSnapshot, type SnapshotKpi } from "./snapshot";
export type * from "./types";
