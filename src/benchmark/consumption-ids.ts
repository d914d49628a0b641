/**
 * Ids of the per-age-group key figures: `<measure>:<area>:<ageGroup>`, e.g.
 * `kostnad_per_invanare:ÄO:80-w`. The area is an Område (ÄO, FN, LSS, IFO); a published figure
 * for one part of an area adds the part after a slash (`ÄO/Hemtjänst`, `IFO/Barn och unga`), so it
 * never collides with the figure for the whole area. Age groups use the engine's labels (`80-w`).
 */
export type ConsumptionMeasure = "kostnad_per_invanare" | "kostnad_per_brukare" | "andel_brukare";

export const CONSUMPTION_MEASURES: readonly ConsumptionMeasure[] = ["kostnad_per_invanare", "kostnad_per_brukare", "andel_brukare"];

const MEASURE_NAME: Record<ConsumptionMeasure, { name: string; unit: string }> = {
  kostnad_per_invanare: { name: "Kostnad per invånare", unit: "kr/invånare" },
  kostnad_per_brukare: { name: "Kostnad per brukare (medelkostnad)", unit: "kr/brukare" },
  // Shares are percent, as Kolada and the published reports print them.
  andel_brukare: { name: "Andel brukare av invånarna", unit: "%" },
};

export function consumptionKeyFigure(measure: ConsumptionMeasure, area: string, ageGroup: string): string {
  return `${measure}:${area}:${ageGroup}`;
}

export interface ConsumptionKeyFigure {
  measure: ConsumptionMeasure;
  area: string;
  ageGroup: string;
}

export function parseConsumptionKeyFigure(id: string): ConsumptionKeyFigure | null {
  const parts = id.split(":");
  if (parts.length !== 3 || !parts[1] || !parts[2]) return null;
  const measure = parts[0] as ConsumptionMeasure;
  return CONSUMPTION_MEASURES.includes(measure) ? { measure, area: parts[1], ageGroup: parts[2] } : null;
}

export function consumptionUnit(measure: ConsumptionMeasure): string {
  return MEASURE_NAME[measure].unit;
}

/** "80-w" → "80 år och äldre", "0-w" → "alla åldrar", "20-64" → "20–64 år". */
export function ageGroupText(ageGroup: string): string {
  if (ageGroup === "0-w") return "alla åldrar";
  const open = /^(\d+)-w$/.exec(ageGroup);
  if (open) return `${open[1]} år och äldre`;
  return `${ageGroup.replace("-", "–")} år`;
}

/** Swedish display name, e.g. "Kostnad per invånare 80 år och äldre, hemtjänst (äldreomsorg)". */
export function consumptionName(measure: ConsumptionMeasure, areaText: string, ageGroup: string): string {
  return `${MEASURE_NAME[measure].name} ${ageGroupText(ageGroup)}, ${areaText}`;
}
