import { fold } from "./cells";
import type { BenchmarkRow, KeyFigure } from "./model";

/**
 * The benchmark value for a key figure from the `Jämförelse` rows: matched by our id, by the
 * Kolada id or by the Swedish name; the row for the run's year wins, else the latest year.
 */
export function benchmarkFor(figure: KeyFigure, rows: BenchmarkRow[], year: number): BenchmarkRow | null {
  const keys = new Set([fold(figure.id), fold(figure.name), ...(figure.kolada ? [fold(figure.kolada)] : [])]);
  let best: BenchmarkRow | null = null;
  for (const r of rows) {
    if (!keys.has(fold(r.keyFigure))) continue;
    if (!best) best = r;
    else if (r.year === year && best.year !== year) best = r;
    else if (best.year !== year && (r.year ?? 0) > (best.year ?? 0)) best = r;
  }
  return best;
}
