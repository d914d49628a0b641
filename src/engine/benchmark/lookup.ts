import { benchmarkFor } from "../benchmark-match";
import { fold } from "../cells";
import type { BenchmarkRow, KeyFigure } from "../model";
import { Rational } from "./rational";

/**
 * Where a benchmark value comes from: the workbook's own `Jämförelse` table first (the user's
 * choice always wins), then the published KPB averages bundled with the add-in.
 */
export type BenchmarkOrigin = "Jämförelse" | "Publicerat";

/** A published KPB average as the bundled source returns it (see published-averages.ts). */
export interface PublishedValue {
  /** Decimal string with a point. */
  value: string;
  source: string;
  /** The year of the outcome the value describes. */
  year: number;
  unit?: string;
  scope?: string;
}

/**
 * The bundled published averages as a function, so the engine does not depend on where they are
 * kept: `(keyFigureId, runYear) → the average for that year or the nearest earlier year`.
 */
export type PublishedLookup = (keyFigure: string, year: number) => PublishedValue | undefined;

export interface BenchmarkValue {
  /** Decimal string as in the source. */
  value: string;
  /** The id (or Kolada id / name) the value was found under. */
  matchedId: string;
  origin: BenchmarkOrigin;
  source: string;
  year: number | null;
  municipality: string;
  /** 1-based `Jämförelse` row for workbook values. */
  row?: number;
  /** For a bundled published average: the run's year minus the figure's year. */
  ageYears?: number;
  /**
   * A bundled published average older than the age limit: shown beside the figure with its year,
   * but never used for money or indices (potential, the P/Q decomposition, validation flags).
   */
  stale?: boolean;
}

/**
 * A bundled published average older than this many years before the run's year is shown with its
 * year but does not drive money: a 2011 average says little about 2024 cost levels, so potential,
 * the index decomposition and the validation flags leave it out (the workbook's own rows have no
 * such limit). A later year than the run's is never used at all.
 */
export const MAX_PUBLISHED_AGE = 3;

/** Context for every benchmark lookup of one run. */
export interface BenchmarkContext {
  rows: readonly BenchmarkRow[];
  year: number;
  published?: PublishedLookup;
  /** Default MAX_PUBLISHED_AGE. */
  maxPublishedAge?: number;
  /** Only benchmarks that may drive money and indices: published averages within the age limit. */
  freshOnly?: boolean;
}

/** The context for potential, the index decomposition and flags: stale published averages left out. */
export function forMoney(ctx: BenchmarkContext): BenchmarkContext {
  return ctx.freshOnly ? ctx : { ...ctx, freshOnly: true };
}

/** Whether a benchmark may drive money and indices (workbook rows always; published ones within the limit). */
export function drivesMoney(b: BenchmarkValue | null | undefined): boolean {
  return !!b && !b.stale;
}

export function fromRow(row: BenchmarkRow, matchedId: string): BenchmarkValue {
  return { value: row.value, matchedId, origin: "Jämförelse", source: row.source, year: row.year, municipality: row.municipality, row: row.row };
}

function fromPublished(p: PublishedValue, matchedId: string, ctx: BenchmarkContext): BenchmarkValue {
  const ageYears = ctx.year - p.year;
  const stale = ageYears > (ctx.maxPublishedAge ?? MAX_PUBLISHED_AGE);
  return { value: p.value, matchedId, origin: "Publicerat", source: p.source, year: p.year, municipality: "KPB-snitt", ageYears, ...(stale ? { stale } : {}) };
}

/** Whether a benchmark value can be read as an exact number. */
export function usable(value: string): boolean {
  try {
    Rational.parse(value);
    return true;
  } catch {
    return false;
  }
}

/** The workbook's row for one id (matched as `benchmarkFor` does: case- and accent-insensitive). */
export function workbookValue(id: string, ctx: BenchmarkContext): BenchmarkValue | null {
  const row = benchmarkFor({ id, name: id, scope: "", value: "0", unit: "" }, ctx.rows, ctx.year);
  return row && usable(row.value) ? fromRow(row, id) : null;
}

/** The bundled average of one id: never a later year than the run's; a stale one only when the context allows it. */
export function publishedValue(id: string, ctx: BenchmarkContext): BenchmarkValue | null {
  const p = ctx.published?.(id, ctx.year);
  if (!p || !usable(p.value) || p.year > ctx.year) return null;
  const v = fromPublished(p, id, ctx);
  return v.stale && ctx.freshOnly ? null : v;
}

/**
 * The first published average of several ids, preferring one within the age limit: the figure a
 * sheet shows is then the one potential and the indices use whenever they have one.
 */
export function firstPublished(ids: string[], ctx: BenchmarkContext): BenchmarkValue | null {
  let stale: BenchmarkValue | null = null;
  for (const id of ids) {
    const v = publishedValue(id, ctx);
    if (v && !v.stale) return v;
    stale ??= v;
  }
  return stale;
}

/** The benchmark of a key figure: the workbook by id, Kolada id or name; then the bundled average by id. */
export function benchmarkOfFigure(figure: KeyFigure, ctx: BenchmarkContext): BenchmarkValue | null {
  const row = benchmarkFor(figure, ctx.rows, ctx.year);
  if (row && usable(row.value)) return fromRow(row, fold(row.keyFigure) === fold(figure.id) ? figure.id : row.keyFigure);
  return publishedValue(figure.id, ctx);
}

/** The first of several ids that has a value: every id in the workbook first, then every id published. */
export function firstBenchmark(ids: string[], ctx: BenchmarkContext): BenchmarkValue | null {
  for (const id of ids) {
    const v = workbookValue(id, ctx);
    if (v) return v;
  }
  return firstPublished(ids, ctx);
}

/** "KPB-snitt 2023, Källa …" for a sheet's Källa column. */
export function sourceText(b: BenchmarkValue | null): string | null {
  if (!b) return null;
  const who = b.municipality && b.municipality !== b.source ? `${b.municipality} ` : "";
  const when = b.year !== null ? `${b.year}` : "";
  const head = `${who}${when}`.trim();
  const origin = b.origin === "Publicerat" ? " (följer med tillägget)" : "";
  return [head, b.source].filter(Boolean).join(": ") + origin;
}
