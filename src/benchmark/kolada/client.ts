import { getAllPages, type FetchLike, type HttpOptions } from "./http";
import { checkKpiIds, checkMunicipalityIds, checkYears, chunk, isSafeSearchText } from "./request-guard";
import type {
  DataQuery,
  KoladaDataPoint,
  KoladaError,
  KoladaGender,
  KoladaKpi,
  KoladaMunicipality,
  KoladaOutcome,
  KoladaValueRow,
} from "./types";

export const KOLADA_BASE_URL = "https://api.kolada.se/v3";

export interface KoladaClientOptions {
  fetch: FetchLike;
  baseUrl?: string;
  /** Per request; default 20 s. */
  timeoutMs?: number;
  /** Per list; default 200 pages. */
  maxPages?: number;
}

export interface KoladaClient {
  /** KPIs whose title contains the text (Kolada's own title search). */
  searchKpis(titleText: string): Promise<KoladaOutcome<KoladaKpi[]>>;
  getKpis(ids: readonly string[]): Promise<KoladaOutcome<KoladaKpi[]>>;
  /** By codes, or by a title search. */
  getMunicipalities(query: readonly string[] | { title: string }): Promise<KoladaOutcome<KoladaMunicipality[]>>;
  /** Flat rows; `missing` lists the KPIs that gave no row at all. */
  getData(query: DataQuery): Promise<KoladaOutcome<KoladaValueRow[]>>;
}

export function createKoladaClient(options: KoladaClientOptions): KoladaClient {
  const http: HttpOptions = {
    fetch: options.fetch,
    baseUrl: (options.baseUrl ?? KOLADA_BASE_URL).replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs ?? 20_000,
    maxPages: options.maxPages ?? 200,
  };
  const base = http.baseUrl;

  return {
    async searchKpis(titleText) {
      if (!isSafeSearchText(titleText)) return { ok: true, value: [], missing: [], rejected: [titleText] };
      const result = await getAllPages<KoladaKpi>(`${base}/kpi?title=${encodeURIComponent(titleText.trim())}`, http);
      if (result.kind === "error") return { ok: false, error: result.error, rejected: [] };
      return { ok: true, value: result.kind === "ok" ? result.values : [], missing: [], rejected: [] };
    },

    async getKpis(ids) {
      const { valid, rejected } = checkKpiIds(ids);
      const fetched = await fetchInChunks<KoladaKpi>(valid, (part) => `${base}/kpi/${part.join(",")}`, http);
      if ("error" in fetched) return { ok: false, error: fetched.error, rejected };
      const found = new Set(fetched.values.map((k) => k.id.toUpperCase()));
      return { ok: true, value: fetched.values, missing: valid.filter((id) => !found.has(id)), rejected };
    },

    async getMunicipalities(query) {
      if (!Array.isArray(query)) {
        const title = (query as { title: string }).title;
        if (!isSafeSearchText(title)) return { ok: true, value: [], missing: [], rejected: [title] };
        const result = await getAllPages<KoladaMunicipality>(`${base}/municipality?title=${encodeURIComponent(title.trim())}`, http);
        if (result.kind === "error") return { ok: false, error: result.error, rejected: [] };
        return { ok: true, value: result.kind === "ok" ? result.values : [], missing: [], rejected: [] };
      }
      const { valid, rejected } = checkMunicipalityIds(query as readonly string[]);
      const fetched = await fetchInChunks<KoladaMunicipality>(valid, (part) => `${base}/municipality/${part.join(",")}`, http);
      if ("error" in fetched) return { ok: false, error: fetched.error, rejected };
      const found = new Set(fetched.values.map((m) => m.id));
      return { ok: true, value: fetched.values, missing: valid.filter((id) => !found.has(id)), rejected };
    },

    async getData(query) {
      const kpis = checkKpiIds(query.kpis);
      const municipalities = checkMunicipalityIds(query.municipalities);
      const years = checkYears(query.years ?? []);
      const rejected = [...kpis.rejected, ...municipalities.rejected, ...years.rejected];
      if (kpis.valid.length === 0 || municipalities.valid.length === 0) {
        return { ok: true, value: [], missing: kpis.valid, rejected };
      }
      // An empty year list after checking would widen the query to every year: send nothing then.
      if (query.years && query.years.length > 0 && years.valid.length === 0) {
        return { ok: true, value: [], missing: kpis.valid, rejected };
      }
      const yearChunks: (number[] | null)[] = years.valid.length ? chunk(years.valid) : [null];
      const points: KoladaDataPoint[] = [];
      for (const municipalityPart of chunk(municipalities.valid)) {
        for (const yearPart of yearChunks) {
          const urlFor = (kpiPart: string[]) =>
            `${base}/data/kpi/${kpiPart.join(",")}/municipality/${municipalityPart.join(",")}` +
            (yearPart ? `/year/${yearPart.join(",")}` : "");
          const fetched = await fetchInChunks<KoladaDataPoint>(kpis.valid, urlFor, http);
          if ("error" in fetched) return { ok: false, error: fetched.error, rejected };
          points.push(...fetched.values);
        }
      }
      const rows = flattenDataPoints(points, query.gender ?? "T");
      const withRows = new Set(points.filter((p) => p.isdeleted !== true).map((p) => String(p.kpi).toUpperCase()));
      return { ok: true, value: rows, missing: kpis.valid.filter((id) => !withRows.has(id)), rejected };
    },
  };
}

type Fetched<T> = { values: T[] } | { error: KoladaError };

/** Ids in chunks of 25, one list request each, in order (one request at a time is kind to the API). */
async function fetchInChunks<T>(ids: string[], urlFor: (ids: string[]) => string, http: HttpOptions): Promise<Fetched<T>> {
  const values: T[] = [];
  for (const part of chunk(ids)) {
    const fetched = await fetchIsolatingUnknown<T>(part, urlFor, http);
    if ("error" in fetched) return fetched;
    values.push(...fetched.values);
  }
  return { values };
}

/**
 * A 404 may mean that one id in the list no longer exists. Halve the list until the unknown ids
 * are isolated, so the others still come back; a single unknown id simply gives no values.
 */
async function fetchIsolatingUnknown<T>(ids: string[], urlFor: (ids: string[]) => string, http: HttpOptions): Promise<Fetched<T>> {
  const result = await getAllPages<T>(urlFor(ids), http);
  if (result.kind === "ok") return { values: result.values };
  if (result.kind === "error") return { error: result.error };
  if (ids.length === 1) return { values: [] };
  const middle = Math.ceil(ids.length / 2);
  const first = await fetchIsolatingUnknown<T>(ids.slice(0, middle), urlFor, http);
  if ("error" in first) return first;
  const second = await fetchIsolatingUnknown<T>(ids.slice(middle), urlFor, http);
  if ("error" in second) return second;
  return { values: [...first.values, ...second.values] };
}

const GENDERS: readonly string[] = ["T", "K", "M"];

/** Data points to flat rows, without deleted points or values, keeping one gender (or all). */
export function flattenDataPoints(points: readonly KoladaDataPoint[], gender: KoladaGender | "all" = "T"): KoladaValueRow[] {
  const rows: KoladaValueRow[] = [];
  for (const point of points) {
    if (point.isdeleted === true || !Array.isArray(point.values)) continue;
    for (const entry of point.values) {
      if (entry.isdeleted === true) continue;
      const g = String(entry.gender ?? "T").toUpperCase();
      if (!GENDERS.includes(g) || (gender !== "all" && g !== gender)) continue;
      rows.push({
        kpi: String(point.kpi),
        municipality: String(point.municipality),
        year: Number(point.period),
        gender: g as KoladaGender,
        value: typeof entry.value === "number" && Number.isFinite(entry.value) ? entry.value : null,
        status: typeof entry.status === "string" ? entry.status : "",
      });
    }
  }
  return rows;
}
