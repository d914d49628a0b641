import { Rational } from "./benchmark/rational";
import { fold } from "./cells";
import { ratioString } from "./decimal";
import type { PoolResult, Regi } from "./model";
import { addOre, microToDec, oreToDec } from "./money";

/**
 * The unit cost of an intervention × regi (and of one pool), computed here and nowhere else:
 * KPB Översikt, Styckkostnader, Potential, Konsumtion, the index decomposition, the pane's card
 * and the worksheet functions all read it from these functions.
 *
 * Rule (README, "Metoden i korthet"): only pools that carry volume enter a unit cost. The cost of
 * a pool without volume reaches no client and no unit cost; it is warned about
 * (`poolWithoutVolume`) and shown as "Pooler utan volym" on KPB Avstämning. So a unit cost is
 * always Σ cost ÷ Σ volume over the same pools, and unit cost × volume = what the clients carry.
 */
export type RegiScope = Regi | "alla";

/** What a unit cost reads of a pool: its kind, cost and volume. */
export type PoolCostAndVolume = Pick<PoolResult, "kind" | "costOre" | "volumeMicro">;

export interface UnitCost<P extends PoolCostAndVolume = PoolResult> {
  /** The pools whose cost and volume make the unit cost (those with volume). */
  counted: P[];
  costOre: number;
  volumeMicro: number;
  /** Exact kr per volume unit; null without volume. */
  exact: Rational | null;
  /** As every sheet and function shows it: unrounded up to 12 decimals; null without volume. */
  value: string | null;
}

/** Does the pool's cost enter a unit cost? An intervention pool with volume. */
export function carriesUnitCost(pool: PoolCostAndVolume): boolean {
  return pool.kind === "insats" && pool.volumeMicro > 0;
}

/** Σ cost (or a part of it, e.g. excluding HSL) ÷ Σ volume over the pools that carry volume. */
export function unitCostOf<P extends PoolCostAndVolume = PoolResult>(pools: readonly P[], costOf: (p: P) => number = (p) => p.costOre): UnitCost<P> {
  const counted = pools.filter(carriesUnitCost);
  let costOre = 0;
  let volumeMicro = 0;
  for (const p of counted) {
    costOre = addOre(costOre, costOf(p));
    volumeMicro += p.volumeMicro;
  }
  if (volumeMicro <= 0) return { counted, costOre, volumeMicro, exact: null, value: null };
  // The exact fraction only when something reads it (every pool has a unit cost; few are compared).
  let exact: Rational | undefined;
  return {
    counted,
    costOre,
    volumeMicro,
    get exact(): Rational {
      return (exact ??= Rational.ore(costOre).div(Rational.micro(volumeMicro)));
    },
    value: ratioString(oreToDec(costOre).div(microToDec(volumeMicro))),
  };
}

/** The intervention pools of one Insats (names are folded once, at reading) in one regi or both. */
export function interventionPools(pools: readonly PoolResult[], intervention: string, regi: RegiScope): PoolResult[] {
  const name = fold(intervention);
  return pools.filter((p) => p.kind === "insats" && fold(p.insats) === name && (regi === "alla" || p.regi === regi));
}

/** The unit cost of an intervention × regi. */
export function interventionUnitCost(pools: readonly PoolResult[], intervention: string, regi: RegiScope): UnitCost {
  return unitCostOf(interventionPools(pools, intervention, regi));
}
