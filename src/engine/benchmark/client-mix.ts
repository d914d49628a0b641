import type { BenchmarkRow, KpbResult } from "../model";
import { compareFigure, type KeyFigureComparison } from "./compare";
import { figureBenchmark } from "./figure-benchmark";
import type { BenchmarkContext, BenchmarkValue, PublishedLookup } from "./lookup";
import { Rational, ratioOrNull, str } from "./rational";

/**
 * Brukarmix (kpb-method.md §4): hemtjänst clients per band of annual granted hours beside the
 * benchmark's distribution (`Jämförelse` rows `brukarmix:<band>`, in percent, e.g.
 * `brukarmix:288-576` = 6,2), and the outlier shares beside the benchmark's.
 */
export interface ClientMixBand {
  band: string;
  clients: number;
  /** Percent of the hemtjänst clients; null when there are none. */
  share: string | null;
  /** Percent. */
  benchmarkShare: string | null;
  /** share − benchmark share, in percentage points. */
  difference: string | null;
  /** share ÷ benchmark share. */
  index: string | null;
  /** Clients the band would have at the benchmark's distribution: benchmark share × own total. */
  expectedClients: string | null;
  source: BenchmarkValue | null;
}

export interface ClientMix {
  totalClients: number;
  bands: ClientMixBand[];
  /** Σ benchmark shares (percent) over the bands that have one: 100 for a complete distribution. */
  benchmarkTotal: string | null;
  /** Outlier shares (`ytterfall_*`, percent of clients in scope) beside the benchmark. */
  outliers: KeyFigureComparison[];
}

export function clientMix(result: KpbResult, benchmarkRows: readonly BenchmarkRow[], published?: PublishedLookup): ClientMix {
  const ctx: BenchmarkContext = { rows: benchmarkRows, year: result.year, published };
  const total = result.hourBands.reduce((a, b) => a + b.clients, 0);
  const totalR = Rational.of(total);
  let benchmarkTotal: Rational | null = null;
  const bands = result.hourBands.map((b): ClientMixBand => {
    const id = `brukarmix:${b.band}`;
    const figure = result.keyFigures.find((f) => f.id === id) ?? { id, name: id, scope: "", value: "0", unit: "%" };
    const source = figureBenchmark(result, figure, ctx);
    const share = total > 0 ? Rational.of(b.clients).div(totalR).times(Rational.HUNDRED) : null;
    const bench = source ? Rational.parse(source.value) : null;
    if (bench) benchmarkTotal = (benchmarkTotal ?? Rational.ZERO).plus(bench);
    return {
      band: b.band,
      clients: b.clients,
      share: str(share),
      benchmarkShare: str(bench),
      difference: share && bench ? share.minus(bench).toString() : null,
      index: share && bench ? str(ratioOrNull(share, bench)) : null,
      expectedClients: bench ? bench.times(totalR).div(Rational.HUNDRED).toString() : null,
      source,
    };
  });
  const outliers = result.keyFigures.filter((f) => f.id.startsWith("ytterfall_")).map((f) => compareFigure(f, figureBenchmark(result, f, ctx)));
  return { totalClients: total, bands, benchmarkTotal: str(benchmarkTotal), outliers };
}
