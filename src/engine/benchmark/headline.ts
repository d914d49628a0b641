import type { KpbResult } from "../model";
import type { ConsumptionComparison } from "./consumption";
import type { HistoryRow } from "./history";
import { Rational } from "./rational";

/**
 * The figures behind the headline of `KPB Översikt` that are calculated rather than laid out: the
 * change of a key figure since last year and the age group the published KPB figures are about.
 */

/** The change since the previous year in KPB Historik, in percent; null without last year's value. */
export function changeSinceLastYear(history: HistoryRow[], id: string, year: number, own: string): string | null {
  const previous = history.filter((r) => r.id === id && r.year === year - 1).pop();
  if (!previous) return null;
  const before = Rational.parse(previous.value);
  if (before.isZero()) return null;
  return Rational.parse(own).minus(before).div(before).times(Rational.HUNDRED).toString();
}

/** The oldest age group of äldreomsorg (80 and over by default), where the KPB figures are published. */
export function oldestAgeGroupRow(result: KpbResult, consumption: ConsumptionComparison[]): ConsumptionComparison | null {
  const oldest = [...result.settings.ageGroups].sort((a, b) => b.from - a.from)[0];
  if (!oldest || oldest.from < 80) return null;
  return consumption.find((r) => r.area === "ÄO" && r.ageGroup === oldest.label) ?? null;
}
