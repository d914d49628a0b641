import { benchmarkUnitCost, benchmarkVolume } from "../benchmark/decomposition";
import { consumedByGroup, interventions } from "../benchmark/interventions";
import type { BenchmarkContext, BenchmarkValue, PublishedLookup } from "../benchmark/lookup";
import { Rational, sumRational } from "../benchmark/rational";
import type { BenchmarkRow, KpbResult } from "../model";

/**
 * Insatsmix: cost per inhabitant of each area and age group split by intervention, own against the
 * benchmark. Own: what the age group's clients cost in the intervention ÷ the group's inhabitants,
 * so the parts of an area add up exactly to its cost per inhabitant (`kostnad_per_invanare`).
 * Benchmark: the intervention's benchmark unit cost × benchmark volume per inhabitant (p*·q*, the
 * same figures as the index decomposition on `KPB Konsumtion`); null where either is missing.
 */
export interface MixPart {
  insats: string;
  volumeUnit: string;
  /** Own cost per inhabitant (kr), exact. */
  own: Rational;
  benchmark: Rational | null;
  source: BenchmarkValue | null;
}

export interface MixRow {
  area: string;
  ageGroup: string;
  inhabitants: number;
  parts: MixPart[];
  /** Σ own parts = the area's cost per inhabitant in the age group. */
  ownTotal: Rational;
  /** Σ benchmark parts that exist; null when none does. */
  benchmarkTotal: Rational | null;
}

export function interventionMix(result: KpbResult, benchmark: readonly BenchmarkRow[], published?: PublishedLookup): MixRow[] {
  const ctx: BenchmarkContext = { rows: benchmark, year: result.year, published };
  const list = interventions(result);
  const out: MixRow[] = [];
  for (const row of result.consumption) {
    if (row.inhabitants <= 0) continue;
    const inArea = list.filter((i) => i.area === row.area);
    const consumed = consumedByGroup(result, inArea, row.ageGroup);
    const inhabitants = Rational.of(row.inhabitants);
    const parts: MixPart[] = [];
    for (const i of inArea) {
      const own = Rational.ore(consumed.get(i)!.ore).div(inhabitants);
      const pSource = benchmarkUnitCost(result, i, ctx);
      const pStar = pSource ? Rational.parse(pSource.value) : null;
      const qStar = pStar ? benchmarkVolume(result, i, row.ageGroup, pStar, ctx) : null;
      const bench = pStar && qStar ? pStar.times(qStar.value) : null;
      if (own.isZero() && bench === null) continue;
      parts.push({ insats: i.insats, volumeUnit: i.volumeUnit, own, benchmark: bench, source: bench ? qStar!.source : null });
    }
    if (parts.length === 0) continue;
    const benchParts = parts.filter((p) => p.benchmark !== null).map((p) => p.benchmark!);
    out.push({
      area: row.area,
      ageGroup: row.ageGroup,
      inhabitants: row.inhabitants,
      parts,
      ownTotal: sumRational(parts.map((p) => p.own)),
      benchmarkTotal: benchParts.length ? sumRational(benchParts) : null,
    });
  }
  return out;
}
