/**
 * Kolada API v3 as this client reads it. Only the fields used are typed; anything else in a
 * response is ignored, so additions on Kolada's side do not break the add-in.
 */

/** Every v3 list response: one page of values and, when there are more, the URL of the next page. */
export interface KoladaEnvelope<T> {
  values?: T[];
  count?: number;
  next_url?: string | null;
}

export interface KoladaKpi {
  id: string;
  title: string;
  description?: string;
  operating_area?: string;
  /** Renamed from v2's `auspices`. */
  auspice?: string | null;
  is_divided_by_gender?: boolean;
  municipality_type?: string;
  has_ou_data?: boolean;
  publication_date?: string | null;
  prel_publication_date?: string | null;
  publ_period?: string | null;
}

export interface KoladaMunicipality {
  id: string;
  title: string;
  /** K = municipality, L = region. */
  type?: string;
}

/** T = total, K = women, M = men. */
export type KoladaGender = "T" | "K" | "M";

export interface KoladaDataValue {
  gender?: string;
  status?: string | null;
  value?: number | null;
  count?: number;
  isdeleted?: boolean;
}

export interface KoladaDataPoint {
  kpi: string;
  municipality: string;
  period: number;
  values?: KoladaDataValue[];
  isdeleted?: boolean;
}

/** One flat data row: a KPI's value for one municipality, year and gender. */
export interface KoladaValueRow {
  kpi: string;
  municipality: string;
  year: number;
  gender: KoladaGender;
  /** null when Kolada has the row but no value (missing, not applicable or suppressed). */
  value: number | null;
  /** Kolada's status flag, "" when none. */
  status: string;
}

export interface DataQuery {
  kpis: readonly string[];
  municipalities: readonly string[];
  /** Omitted: every year Kolada has. */
  years?: readonly number[];
  /** Default "T"; "all" keeps the split by gender as well. */
  gender?: KoladaGender | "all";
}

/**
 * Why a call returned no data: the network is down, Kolada did not answer in time, it answered
 * with an error status, or it answered with something that is not a v3 response.
 */
export type KoladaErrorKind = "offline" | "timeout" | "http" | "bad_response";

export interface KoladaError {
  kind: KoladaErrorKind;
  message: string;
  url?: string;
  status?: number;
}

/**
 * The outcome of one client call. A call never throws: failures come back as `ok: false`.
 * `missing` lists requested ids that Kolada does not know or has no rows for; `rejected` lists
 * inputs that were not valid ids and were therefore never sent.
 */
export type KoladaOutcome<T> =
  | { ok: true; value: T; missing: string[]; rejected: string[] }
  | { ok: false; error: KoladaError; rejected: string[] };
