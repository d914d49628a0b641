import { findPublished } from "./published-averages";
import type { PublishedLookup } from "./lookup";

/**
 * The published KPB averages bundled with the add-in (published-averages.ts) as a
 * lookup: the average for the run's year or the nearest earlier year, never a later one.
 */
export const bundledPublished: PublishedLookup = (keyFigure, year) => {
  const f = findPublished(keyFigure, year);
  return f ? { value: f.value, source: f.source, year: f.year, unit: f.unit, scope: f.scope } : undefined;
};
