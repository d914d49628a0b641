import { DEFAULT_CATALOGUE } from "../catalogue";
import { figureFitsUnit } from "../volume-units";
import { fold } from "../cells";
import type { KpbResult, PoolResult } from "../model";
import { addOre } from "../money";

/**
 * Interventions as the benchmark analyses see them: the intervention pools of one area grouped
 * by `Insats` (case-insensitively), with the catalogue key figure that carries their published
 * unit cost, and what each age group's clients consumed of them.
 */
export interface Intervention {
  /** As first written in `Pooler`. */
  insats: string;
  area: string;
  volumeUnit: string;
  /** The catalogue key figure of its unit cost (e.g. `hemtjanst_egen_kr_timme`), or "". */
  keyFigure: string;
  pools: PoolResult[];
}

/** Derived figures that share the scope text of their catalogue figure: never the intervention's own. */
const DERIVED_UNIT_COSTS = new Set(["sabo_egen_kr_dygn_exkl_hsl", "hsl_sabo_kr_dygn", "pers_ass_brutto_kr_timme", "hemtjanst_egen_kr_timme_inkl_hsl"]);

/**
 * The catalogue key figure of an intervention: the run's figure for `<Insats>, egen regi` (so a
 * workbook's own `Insatskatalog` counts), else the run's catalogue entry of its pools, else the
 * default catalogue's.
 */
export function interventionKeyFigure(result: KpbResult, intervention: string): string {
  const scope = fold(`${intervention}, egen regi`);
  const own = result.keyFigures.find((f) => !f.id.includes(":") && !DERIVED_UNIT_COSTS.has(f.id) && f.unit.startsWith("kr/") && fold(f.scope) === scope);
  if (own) return own.id;
  const pool = result.pools.find((p) => p.kind === "insats" && fold(p.insats) === fold(intervention));
  const poolKeyFigure = result.trace?.poolKeyFigure;
  const id = pool && poolKeyFigure ? poolKeyFigure[pool.pool] ?? "" : DEFAULT_CATALOGUE.find((e) => fold(e.insats) === fold(intervention))?.keyFigure ?? "";
  // Never a published figure in another unit than the intervention's volume (kr/timme over "besök").
  return id && pool && !figureFitsUnit(id, pool.volumeUnit) ? "" : id;
}

/** Intervention pools with an area, grouped by Insats, in `Pooler` order. */
export function interventions(result: KpbResult): Intervention[] {
  const out = new Map<string, Intervention>();
  for (const p of result.pools) {
    if (p.kind !== "insats" || !p.area) continue;
    const key = `${p.area}\u0000${fold(p.insats)}`;
    let i = out.get(key);
    if (!i) {
      i = { insats: p.insats, area: p.area, volumeUnit: p.volumeUnit, keyFigure: interventionKeyFigure(result, p.insats), pools: [] };
      out.set(key, i);
    }
    i.pools.push(p);
  }
  return [...out.values()];
}

export interface Consumed {
  ore: number;
  micro: number;
}

/**
 * What the clients of an age group ("alla" = every client) consumed of each intervention:
 * Σ client cost (öre) and Σ client volume (micro-units). Keyed by intervention (area + Insats).
 */
export function consumedByGroup(result: KpbResult, list: Intervention[], group: string): Map<Intervention, Consumed> {
  const ofPool = new Map<string, Intervention>();
  for (const i of list) for (const p of i.pools) ofPool.set(p.pool, i);
  const out = new Map<Intervention, Consumed>(list.map((i) => [i, { ore: 0, micro: 0 }]));
  for (const c of result.clients) {
    if (group !== "alla" && c.ageGroup !== group) continue;
    for (const [pool, ore] of Object.entries(c.poolsOre)) {
      const i = ofPool.get(pool);
      if (!i) continue;
      const sum = out.get(i)!;
      sum.ore = addOre(sum.ore, ore);
      sum.micro += c.volumesMicro[pool] ?? 0;
    }
  }
  return out;
}
