import type { BenchmarkRow, KeyFigure, KpbResult } from "../model";
import { figureBenchmark } from "./figure-benchmark";
import type { BenchmarkContext, BenchmarkOrigin, BenchmarkValue, PublishedLookup } from "./lookup";
import { Rational } from "./rational";

export type Direction = "higher" | "lower" | "equal";

/** One key figure beside its benchmark. Numbers are decimal strings; null where there is none. */
export interface KeyFigureComparison {
  id: string;
  name: string;
  scope: string;
  unit: string;
  kolada?: string;
  nameParts?: KeyFigure["nameParts"];
  own: string;
  benchmark: string | null;
  origin: BenchmarkOrigin | null;
  /** The source text of the benchmark (document, Kolada id, …). */
  source: string | null;
  benchmarkYear: number | null;
  municipality: string | null;
  /** own − benchmark, exact. */
  difference: string | null;
  /** own ÷ benchmark (unrounded to 12 decimals); null without a benchmark or when it is zero. */
  index: string | null;
  direction: Direction | null;
  /** The full benchmark record, for tracing where it came from. */
  match: BenchmarkValue | null;
}

export function compareFigure(figure: KeyFigure, b: BenchmarkValue | null): KeyFigureComparison {
  const own = Rational.parse(figure.value);
  const bench = b ? Rational.parse(b.value) : null;
  const diff = bench ? own.minus(bench) : null;
  return {
    id: figure.id,
    name: figure.name,
    scope: figure.scope,
    unit: figure.unit,
    ...(figure.kolada ? { kolada: figure.kolada } : {}),
    ...(figure.nameParts ? { nameParts: figure.nameParts } : {}),
    own: figure.value,
    benchmark: b ? bench!.toDec().toFixed() : null,
    origin: b?.origin ?? null,
    source: b?.source ?? null,
    benchmarkYear: b?.year ?? null,
    municipality: b?.municipality ?? null,
    difference: diff ? diff.toDec().toFixed() : null,
    index: bench && !bench.isZero() ? own.div(bench).toString() : null,
    direction: diff ? (diff.sign() > 0 ? "higher" : diff.sign() < 0 ? "lower" : "equal") : null,
    match: b,
  };
}

/**
 * Every key figure of the run beside its benchmark, from the one lookup (figure-benchmark.ts): the
 * workbook's `Jämförelse` row (matched by id, Kolada id or name; the run's year, else the latest)
 * first, then the bundled published KPB average for the run's year or the nearest earlier one.
 */
export function compareKeyFigures(result: KpbResult, benchmarkRows: readonly BenchmarkRow[], published?: PublishedLookup): KeyFigureComparison[] {
  const ctx: BenchmarkContext = { rows: benchmarkRows, year: result.year, published };
  return result.keyFigures.map((f) => compareFigure(f, figureBenchmark(result, f, ctx)));
}
