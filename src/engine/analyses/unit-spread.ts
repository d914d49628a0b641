import { fold } from "../cells";
import { COST_CATEGORIES } from "../coding";
import { Dec } from "../decimal";
import type { CostCategory, KpbResult, PoolResult, Regi } from "../model";
import { addOre, microToDec, oreToDec } from "../money";

/**
 * Spread between the units of one intervention × regi: each unit's unit cost against the
 * volume-weighted mean of the group (Σ cost ÷ Σ volume, the intervention's own unit cost), the
 * lowest and highest, the spread (max − min), the coefficient of variation and each unit's index
 * (unit cost ÷ mean). A group is flagged when highest ÷ lowest exceeds the limit in Inställningar
 * (`Spridning max/min`, default 2), or when the lowest is zero or negative while the highest is
 * positive: units that differ that much seldom deliver the same service under one code.
 *
 * Groups with at least two units with volume are analysed; a single unit has no siblings.
 */
export interface UnitCostRow {
  pool: string;
  enhet: string;
  volumeMicro: number;
  costOre: number;
  /** kr per volume unit, unrounded. */
  unitCost: string;
  /** unit cost ÷ group mean; null when the mean is zero. */
  index: string | null;
  /** Per volume unit (kr), each cost category and the support pools together: they sum to the unit cost. */
  breakdown: Record<CostCategory | "Stödpooler", string>;
}

export interface UnitSpreadGroup {
  insats: string;
  regi: Regi;
  area: string;
  volumeUnit: string;
  units: UnitCostRow[];
  /** Volume-weighted mean (Σ cost ÷ Σ volume). */
  mean: string;
  min: string;
  max: string;
  /** max − min. */
  spread: string;
  /** Volume-weighted standard deviation ÷ mean; null when the mean is zero. */
  cv: string | null;
  /** max ÷ min; null when min ≤ 0. */
  ratio: string | null;
  flagged: boolean;
}

export const BREAKDOWN_PARTS = [...COST_CATEGORIES, "Stödpooler"] as const;

/** "kr/timme" from the catalogue's volume unit ("timmar"), as the key figures write it. */
export function perUnitText(volumeUnit: string): string {
  const singular: Record<string, string> = { timmar: "timme", dagar: "dag", månader: "månad", portioner: "portion" };
  return `kr/${singular[volumeUnit] ?? (volumeUnit || "enhet")}`;
}

export const SAME_SERVICE_HINT = "Kontrollera att enheterna verkligen ger samma insats (samma målgrupp, bemanning och innehåll) innan de jämförs.";

function unitRow(p: PoolResult): UnitCostRow {
  const volume = microToDec(p.volumeMicro);
  const per = (ore: number) => oreToDec(ore).div(volume).toFixed();
  const breakdown = Object.fromEntries(COST_CATEGORIES.map((cat) => [cat, per(p.directByCategoryOre[cat])])) as UnitCostRow["breakdown"];
  breakdown.Stödpooler = per(p.allocatedOre);
  return { pool: p.pool, enhet: p.enhet, volumeMicro: p.volumeMicro, costOre: p.costOre, unitCost: oreToDec(p.costOre).div(volume).toFixed(), index: null, breakdown };
}

/** Every intervention × regi with two or more units with volume, in `Pooler` order. */
export function unitSpread(result: Pick<KpbResult, "pools" | "settings">): UnitSpreadGroup[] {
  const limit = new Dec(result.settings.analysisLimits.spreadRatio);
  const groups = new Map<string, PoolResult[]>();
  for (const p of result.pools) {
    if (p.kind !== "insats" || p.volumeMicro <= 0) continue;
    const key = `${fold(p.insats)}\u0000${p.regi}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const out: UnitSpreadGroup[] = [];
  for (const pools of groups.values()) {
    if (pools.length < 2) continue;
    const units = pools.map(unitRow);
    const costOre = pools.reduce((sum, p) => addOre(sum, p.costOre), 0);
    const volume = pools.reduce((sum, p) => sum.plus(microToDec(p.volumeMicro)), new Dec(0));
    const mean = oreToDec(costOre).div(volume);
    const costs = units.map((u) => new Dec(u.unitCost));
    const min = Dec.min(...costs);
    const max = Dec.max(...costs);
    const variance = units.reduce((sum, u, i) => sum.plus(microToDec(u.volumeMicro).times(costs[i].minus(mean).pow(2))), new Dec(0)).div(volume);
    for (const [i, u] of units.entries()) u.index = mean.isZero() ? null : costs[i].div(mean).toFixed();
    const ratio = min.greaterThan(0) ? max.div(min) : null;
    out.push({
      insats: pools[0].insats,
      regi: pools[0].regi,
      area: pools[0].area,
      volumeUnit: pools[0].volumeUnit,
      units,
      mean: mean.toFixed(),
      min: min.toFixed(),
      max: max.toFixed(),
      spread: max.minus(min).toFixed(),
      cv: mean.isZero() ? null : variance.sqrt().div(mean.abs()).toFixed(),
      ratio: ratio ? ratio.toFixed() : null,
      flagged: ratio ? ratio.greaterThan(limit) : max.greaterThan(0),
    });
  }
  return out;
}
