import { fold } from "./cells";
import { Dec } from "./decimal";
import type { BenchmarkRow, KeyFigure, Settings } from "./model";

/** Rows that describe an average rather than one municipality (KPB-snitt, riket, a group mean). */
function isAverageRow(r: BenchmarkRow): boolean {
  const m = fold(r.municipality);
  return m === "" || m.includes("snitt") || m.includes("medel") || m === "riket" || m.startsWith("alla") || m.startsWith("kpb");
}

/**
 * The benchmark value for a key figure from the `Jämförelse` rows: matched by our id, by the
 * Kolada id or by the Swedish name (or by the figure a loosely named row was tied to, see
 * benchmark-names.ts); rows of the run's year win, else the latest earlier year. Within that
 * year an average row (KPB-snitt, riket) is the benchmark; when there are only single peer
 * municipalities (as after "Hämta från Kolada"), their unweighted mean is, the way Kolada's
 * Jämföraren compares with a group.
 */
export function benchmarkFor(figure: KeyFigure, rows: readonly BenchmarkRow[], year: number): BenchmarkRow | null {
  const keys = new Set([fold(figure.id), fold(figure.name), ...(figure.kolada ? [fold(figure.kolada)] : [])]);
  // Never a later year than the run's (the same policy as the bundled averages).
  const matching = rows.filter((r) => (keys.has(fold(r.keyFigure)) || (r.figureId !== undefined && fold(r.figureId) === fold(figure.id))) && !(r.year !== null && r.year > year));
  if (matching.length === 0) return null;
  const chosenYear = matching.some((r) => r.year === year) ? year : Math.max(...matching.map((r) => r.year ?? 0));
  const sameYear = matching.filter((r) => (r.year ?? 0) === chosenYear || (chosenYear === 0 && r.year === null));
  const average = sameYear.find(isAverageRow);
  if (average || sameYear.length === 1) return average ?? sameYear[0];
  const peers = [...new Map(sameYear.map((r) => [fold(r.municipality), r])).values()];
  if (peers.length === 1) return peers[0];
  const mean = peers.reduce((sum, r) => sum.plus(r.value), new Dec(0)).div(peers.length);
  return {
    row: peers[0].row,
    keyFigure: peers[0].keyFigure,
    value: mean.toFixed(),
    source: `Medel av ${peers.length} kommuner (${[...new Set(peers.map((r) => r.source))].join(", ")})`,
    year: peers[0].year,
    municipality: `Medel av ${peers.map((r) => r.municipality).join(", ")}`,
  };
}

/** The municipality's own rows (its code or name in Kommun) are its own figures, never a benchmark. */
export function withoutOwnRows(rows: readonly BenchmarkRow[], settings: Pick<Settings, "municipality" | "municipalityCode">): BenchmarkRow[] {
  const code = settings.municipalityCode.trim();
  const name = fold(settings.municipality);
  return rows.filter((r) => {
    const m = fold(r.municipality);
    if (code && (m === fold(code) || m.startsWith(`${fold(code)} `))) return false;
    return !(name && (m === name || m.endsWith(` ${name}`)));
  });
}
