/**
 * "Hämta från Kolada" without a user interface, shared by the task pane's button and the command
 * line's `kpb kolada`: check what the user typed, fetch the KPB KPIs from Kolada (found by title,
 * then their values) and turn them into `Jämförelse` rows with a summary per KPI. Only KPI ids,
 * municipality codes, years and the catalogue search word "KPB" are sent (the Kolada client's
 * request guard refuses anything else). Nothing here touches a workbook.
 */
import { toBenchmarkRows, type BenchmarkTableRow } from "./benchmark-rows";
import { createKoladaClient } from "./client";
import type { FetchLike } from "./http";
import { findKpbKpis } from "./kpb-kpis";
import type { KoladaError } from "./types";

// ---------------------------------------------------------------------------------------------
// The form

export const MAX_YEARS = 10;
export const MAX_PEERS = 25;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** "604" (a code Excel stored as a number) → "0604"; null unless four digits. */
export function parseMunicipalityCode(input: string): string | null {
  const code = input.trim();
  if (/^\d{3}$/.test(code)) return code.padStart(4, "0");
  return /^\d{4}$/.test(code) ? code : null;
}

const split = (input: string): string[] => input.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);

/** Peer codes separated by commas, semicolons or spaces: municipalities (0604) or Kolada groups (G33). */
export function parsePeers(input: string): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const part of split(input)) {
    const code = parseMunicipalityCode(part) ?? (/^G\d{1,9}$/i.test(part) ? part.toUpperCase() : null);
    if (code === null) invalid.push(part);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, invalid };
}

/** "2022, 2023, 2024" (or "2022-2024") → [2022, 2023, 2024]; null when empty, malformed or too many. */
export function parseYears(input: string): number[] | null {
  const years: number[] = [];
  for (const part of split(input)) {
    const span = /^(\d{4})[-–](\d{4})$/.exec(part);
    const [from, to] = span ? [Number(span[1]), Number(span[2])] : /^\d{4}$/.test(part) ? [Number(part), Number(part)] : [NaN, NaN];
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < FIRST_YEAR || to > LAST_YEAR) return null;
    for (let y = from; y <= to; y++) if (!years.includes(y)) years.push(y);
    if (years.length > MAX_YEARS) return null;
  }
  return years.length ? years.sort((a, b) => a - b) : null;
}

/** The run year and the two before. */
export function defaultYears(runYear: number): number[] {
  return [runYear - 2, runYear - 1, runYear];
}

// ---------------------------------------------------------------------------------------------
// The fetch

export interface KoladaRequest {
  municipality: string;
  peers: readonly string[];
  years: readonly number[];
}

/** What came back for one KPB KPI. */
export interface KpiFetchSummary {
  /** The engine's key-figure id. */
  keyFigure: string;
  /** The Kolada id asked for. */
  kpi: string;
  /** Values written (totals with a number). */
  values: number;
  /**
   * Municipality-years asked for without a value: Kolada has no row, or a row without a value
   * (missing, not applicable or suppressed).
   */
  missingValues: number;
  /** Kolada gave no row at all for this KPI. */
  noData: boolean;
  /** The title is gone from Kolada's catalogue and the old id gave nothing: the KPI no longer exists. */
  retired: boolean;
}

export type KoladaFetchOutcome =
  | {
      ok: true;
      /** `Jämförelse` rows, without the header, in a stable order. */
      rows: BenchmarkTableRow[];
      kpis: KpiFetchSummary[];
      /** Municipality codes Kolada does not know. */
      unknownMunicipalities: string[];
    }
  | { ok: false; error: KoladaError };

/**
 * Finds the KPB KPIs by title, fetches their values for the municipalities and years, and the
 * municipalities' names for the Kommun column. A failure of the search or the data request is an
 * error (nothing to write); a failure of the name lookup only leaves the codes without names.
 */
export async function fetchKpbBenchmark(fetch: FetchLike, request: KoladaRequest): Promise<KoladaFetchOutcome> {
  const client = createKoladaClient({ fetch });
  const lookup = await findKpbKpis(client);
  if (lookup.error) return { ok: false, error: lookup.error };
  const kpis = [...new Set(Object.values(lookup.ids))];
  const municipalities = [request.municipality, ...request.peers.filter((p) => p !== request.municipality)];
  const data = await client.getData({ kpis, municipalities, years: request.years });
  if (!data.ok) return { ok: false, error: data.error };

  const numeric = municipalities.filter((m) => /^\d{4}$/.test(m));
  const names: Record<string, string> = {};
  let unknownMunicipalities: string[] = [];
  const found = numeric.length ? await client.getMunicipalities(numeric) : null;
  if (found?.ok) {
    for (const m of found.value) if (typeof m?.id === "string" && typeof m.title === "string") names[m.id] = m.title;
    unknownMunicipalities = found.missing;
  }

  const totals = data.value.filter((r) => r.gender === "T");
  const expected = municipalities.length * request.years.length;
  const summaries: KpiFetchSummary[] = Object.entries(lookup.ids).map(([keyFigure, kpi]) => {
    const values = totals.filter((r) => r.kpi.toUpperCase() === kpi.toUpperCase() && r.value !== null).length;
    const noData = data.missing.includes(kpi.toUpperCase());
    return {
      keyFigure,
      kpi,
      values,
      missingValues: Math.max(0, expected - values),
      noData,
      retired: noData && lookup.fallback.includes(keyFigure),
    };
  });
  const [, ...rows] = toBenchmarkRows(data.value, names, lookup.ids);
  return { ok: true, rows, kpis: summaries, unknownMunicipalities };
}
