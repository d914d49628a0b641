import { fold } from "../cells";
import { Dec, ratioString } from "../decimal";
import { KEY_FIGURE_NAMES } from "../key-figure-names";
import type { ClientResult, KeyFigure, PoolResult } from "../model";
import { microToDec, oreToDec } from "../money";

/**
 * Brytpunkt: the yearly cost of a place in särskilt boende (the SÄBO cost per dygn, egen regi,
 * incl. HSL, × the days of the run year). A client in ordinary housing whose home care costs more
 * than that for the year would cost less in särskilt boende.
 *
 * Which clients: those in ordinary housing who have at least one ÄO intervention (the ones for
 * whom särskilt boende is the alternative; an LSS client in a gruppbostad is "ordinary" to the
 * engine but has no SÄBO alternative). Their cost: all their interventions for the year (the
 * total on `KPB Brukare`), since all of it is what a move would replace.
 */
export const BRYTPUNKT_IDS = {
  value: "brytpunkt_kr_ar",
  count: "brytpunkt_antal_over",
  excess: "brytpunkt_merkostnad",
} as const;

/** The SÄBO key figure the brytpunkt is built on. */
export const BRYTPUNKT_BASIS = "sabo_egen_kr_dygn_inkl_hsl";

export interface BrytpunktClient {
  /** The id as on `KPB Brukare` (a pseudonym where the input held a personnummer). */
  id: string;
  ageGroup: string;
  costOre: number;
  /** Cost above the brytpunkt (kr, unrounded decimal string). */
  excess: string;
  /** Hours over the client's pools measured in hours. */
  hours: string;
  /** The client's interventions, in `Pooler` order. */
  interventions: string[];
}

export interface Brytpunkt {
  /** kr per year, unrounded. */
  value: string;
  perDay: string;
  days: number;
  /** Clients in ordinary housing with an ÄO intervention (the population compared). */
  compared: number;
  /** Most expensive first. */
  above: BrytpunktClient[];
  /** Σ (cost − brytpunkt) over `above`, kr, unrounded. */
  excess: string;
  /** Every compared client's yearly cost, most expensive first (for the chart). */
  costsOre: { id: string; costOre: number }[];
}

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

const HOUR_UNITS = new Set(["timmar", "timme", "tim", "h"]);

/** What the brytpunkt is computed from: a run's pools, clients, key figures and year. */
export interface BrytpunktInput {
  readonly year: number;
  readonly pools: readonly PoolResult[];
  readonly clients: readonly ClientResult[];
  readonly keyFigures: readonly KeyFigure[];
}

/** The brytpunkt, or null when the run has no SÄBO cost per dygn in egen regi. */
export function brytpunkt(input: BrytpunktInput): Brytpunkt | null {
  const basis = input.keyFigures.find((f) => f.id === BRYTPUNKT_BASIS);
  if (!basis) return null;
  const days = daysInYear(input.year);
  const perDay = new Dec(basis.value);
  const value = perDay.times(days);
  const pools = new Map(input.pools.map((p) => [p.pool, p]));
  const order = new Map(input.pools.map((p, i) => [p.pool, i]));
  const compared = input.clients.filter((c) => c.housing === "ordinärt" && Object.keys(c.poolsOre).some((id) => pools.get(id)?.area === "ÄO"));
  const costsOre = compared.map((c) => ({ id: c.id, costOre: c.totalOre })).sort((a, b) => b.costOre - a.costOre || (a.id < b.id ? -1 : 1));
  const above: BrytpunktClient[] = [];
  let excess = new Dec(0);
  for (const c of compared) {
    const cost = oreToDec(c.totalOre);
    if (!cost.greaterThan(value)) continue;
    const ids = Object.keys(c.poolsOre).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    let hoursMicro = 0;
    for (const [id, micro] of Object.entries(c.volumesMicro)) if (HOUR_UNITS.has(fold(pools.get(id)?.volumeUnit ?? ""))) hoursMicro += micro;
    above.push({
      id: c.id,
      ageGroup: c.ageGroup,
      costOre: c.totalOre,
      excess: cost.minus(value).toFixed(),
      hours: microToDec(hoursMicro).toFixed(),
      interventions: [...new Set(ids.map((id) => pools.get(id)?.insats ?? id))],
    });
    excess = excess.plus(cost.minus(value));
  }
  above.sort((a, b) => b.costOre - a.costOre || (a.id < b.id ? -1 : 1));
  return { value: value.toFixed(), perDay: perDay.toFixed(), days, compared: compared.length, above, excess: excess.toFixed(), costsOre };
}

/** The three key figures with fixed ids; none when there is no SÄBO figure to build on. */
export function brytpunktFigures(input: BrytpunktInput): KeyFigure[] {
  const b = brytpunkt(input);
  if (!b) return [];
  const scope = "ÄO ordinärt boende";
  const figure = (id: string, value: Dec): KeyFigure => {
    const known = KEY_FIGURE_NAMES[id];
    return { id, name: known.name, scope, value: ratioString(value), unit: known.unit };
  };
  return [
    figure(BRYTPUNKT_IDS.value, new Dec(b.value)),
    figure(BRYTPUNKT_IDS.count, new Dec(b.above.length)),
    figure(BRYTPUNKT_IDS.excess, new Dec(b.excess)),
  ];
}
