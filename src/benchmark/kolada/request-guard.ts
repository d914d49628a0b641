import { looksLikePersonalIdentityNumber } from "../../engine";

/**
 * What may leave the add-in towards Kolada: KPI ids, municipality codes, years and catalogue
 * search words. Anything else (a client id, a name, a personnummer pasted in the wrong cell) is
 * rejected here, before a URL is built, and reported back instead of being sent.
 */

/** Kolada KPI ids: one capital letter and five digits (N00945, U21003). */
const KPI_ID = /^[A-Z]\d{5}$/;
/** Municipality (4 digits), region (2 digits) or municipality group (G and digits). */
const MUNICIPALITY_ID = /^(?:\d{4}|\d{2}|G\d{1,9})$/;

export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2100;
const MAX_SEARCH_LENGTH = 120;

export interface Partitioned<T> {
  valid: T[];
  rejected: string[];
}

/** Trimmed, upper-cased and de-duplicated KPI ids in the order given. */
export function checkKpiIds(ids: readonly string[]): Partitioned<string> {
  return partition(ids.map((id) => String(id).trim().toUpperCase()), (id) => KPI_ID.test(id));
}

/** Trimmed, de-duplicated municipality codes; a code Excel stored as 604 gets its leading zero back. */
export function checkMunicipalityIds(ids: readonly string[]): Partitioned<string> {
  const normalised = ids.map((id) => {
    const text = String(id).trim().toUpperCase();
    return /^\d{3}$/.test(text) ? text.padStart(4, "0") : text;
  });
  return partition(normalised, (id) => MUNICIPALITY_ID.test(id));
}

export function checkYears(years: readonly number[]): { valid: number[]; rejected: string[] } {
  const valid: number[] = [];
  const rejected: string[] = [];
  for (const year of years) {
    if (Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR) {
      if (!valid.includes(year)) valid.push(year);
    } else rejected.push(String(year));
  }
  return { valid, rejected };
}

/** A catalogue search word is short text with no personal identity number in it. */
export function isSafeSearchText(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > MAX_SEARCH_LENGTH) return false;
  if (/@/.test(trimmed)) return false;
  return !trimmed.split(/\s+/).some((word) => looksLikePersonalIdentityNumber(word)) && !looksLikePersonalIdentityNumber(trimmed);
}

function partition(values: string[], isValid: (value: string) => boolean): Partitioned<string> {
  const valid: string[] = [];
  const rejected: string[] = [];
  for (const value of values) {
    if (!isValid(value)) rejected.push(value);
    else if (!valid.includes(value)) valid.push(value);
  }
  return { valid, rejected };
}

/** Splits a list into chunks of at most `size`: Kolada v3 takes at most 25 ids per path segment. */
export function chunk<T>(values: readonly T[], size = 25): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
