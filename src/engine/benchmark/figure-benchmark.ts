import { benchmarkFor } from "../benchmark-match";
import { fold } from "../cells";
import { KEY_FIGURE_NAMES } from "../key-figure-names";
import type { KeyFigure, KpbResult } from "../model";
import type { RegiScope } from "../unit-costs";
import { interventionKeyFigure } from "./interventions";
import { benchmarkOfFigure, firstPublished, fromRow, usable, type BenchmarkContext, type BenchmarkValue } from "./lookup";

/**
 * The one lookup for the benchmark of a figure. KPB Översikt, Styckkostnader, Potential, the
 * index decomposition, the pane's card and the worksheet functions all ask here, so a figure
 * never has a benchmark on one sheet and "Ingen jämförelse" on another.
 *
 * A unit cost (of a pool, of an intervention × regi, or the intervention's published figure) is
 * compared with the most specific row there is, then with the intervention's published figure:
 *  - pool P of intervention I:  `styckkostnad:P`, then as I in P's regi;
 *  - I in egen regi:            the catalogue figure K (id, Kolada id or name), `styckkostnad:I:egen`,
 *                               `styckkostnad:I:alla`, `styckkostnad:I`;
 *  - I in annan regi:           `styckkostnad:I:annan`, then K and the rest as above;
 *  - I in both (alla):          `styckkostnad:I:alla`, K, `styckkostnad:I:egen`, `styckkostnad:I`.
 * Every id is looked for in the workbook's `Jämförelse` first, then in the published averages.
 * Any other figure: its own row (id, Kolada id or name), then the published average of its id.
 */
export interface UnitCostTarget {
  insats: string;
  regi: RegiScope;
  /** Set for one pool's unit cost. */
  pool?: string;
}

/** Per run: each intervention's catalogue figure (folded Insats → id), worked out once. */
const keyFigureCache = new WeakMap<KpbResult["keyFigures"], Map<string, string>>();

function keyFigures(result: KpbResult): Map<string, string> {
  let byIntervention = keyFigureCache.get(result.keyFigures);
  if (!byIntervention) {
    byIntervention = new Map();
    for (const p of result.pools) {
      if (p.kind === "insats" && !byIntervention.has(fold(p.insats))) byIntervention.set(fold(p.insats), interventionKeyFigure(result, p.insats));
    }
    keyFigureCache.set(result.keyFigures, byIntervention);
  }
  return byIntervention;
}

const keyFigureOf = (result: KpbResult, intervention: string) => keyFigures(result).get(fold(intervention)) ?? interventionKeyFigure(result, intervention);

/** The ids a unit cost is compared under, most specific first. */
export function unitCostBenchmarkIds(result: KpbResult, target: UnitCostTarget): string[] {
  const i = target.insats;
  const k = keyFigureOf(result, i);
  const rest = [k, `styckkostnad:${i}:egen`, `styckkostnad:${i}:alla`, `styckkostnad:${i}`];
  const byRegi: Record<RegiScope, string[]> = {
    egen: rest,
    annan: [`styckkostnad:${i}:annan`, ...rest],
    alla: [`styckkostnad:${i}:alla`, k, `styckkostnad:${i}:egen`, `styckkostnad:${i}`],
  };
  const ids = [...(target.pool ? [`styckkostnad:${target.pool}`] : []), ...byRegi[target.regi]].filter(Boolean);
  return [...new Set(ids)];
}

/** A figure to match workbook rows against: the run's (with its name and Kolada id), else the known names. */
const figureIndex = new WeakMap<KpbResult["keyFigures"], Map<string, KeyFigure>>();

function asFigure(result: KpbResult, id: string): KeyFigure {
  let byId = figureIndex.get(result.keyFigures);
  if (!byId) figureIndex.set(result.keyFigures, (byId = new Map(result.keyFigures.map((f) => [f.id, f]))));
  const own = byId.get(id);
  if (own) return own;
  const known = KEY_FIGURE_NAMES[id];
  return { id, name: known?.name ?? id, scope: "", value: "0", unit: known?.unit ?? "", ...(known?.kolada ? { kolada: known.kolada } : {}) };
}

function firstOf(result: KpbResult, ids: string[], ctx: BenchmarkContext): BenchmarkValue | null {
  for (const id of ids) {
    const figure = asFigure(result, id);
    const row = benchmarkFor(figure, ctx.rows, ctx.year);
    if (row && usable(row.value)) {
      return fromRow(row, fold(row.keyFigure) === fold(id) ? id : row.keyFigure);
    }
  }
  return firstPublished(ids, ctx);
}

/** The benchmark of a unit cost (pool, intervention × regi). */
export function unitCostBenchmark(result: KpbResult, target: UnitCostTarget, ctx: BenchmarkContext): BenchmarkValue | null {
  return firstOf(result, unitCostBenchmarkIds(result, target), ctx);
}

/** The unit cost a figure id stands for, or null when the figure is not one (or is a derived one). */
export function unitCostTargetOf(result: KpbResult, id: string): UnitCostTarget | null {
  const parts = id.split(":");
  if (parts[0] === "styckkostnad" && parts.length === 2) {
    const pool = result.pools.find((p) => p.pool === parts[1] && p.kind === "insats");
    return pool ? { insats: pool.insats, regi: pool.regi, pool: pool.pool } : null;
  }
  if (parts[0] === "styckkostnad" && parts.length === 3 && (parts[2] === "egen" || parts[2] === "annan" || parts[2] === "alla")) {
    return { insats: parts[1], regi: parts[2] };
  }
  if (parts.length !== 1) return null;
  // The intervention's own catalogue figure (not a derived one such as "exkl. HSL").
  for (const [intervention, k] of keyFigures(result)) {
    if (k === id) return { insats: result.pools.find((p) => p.kind === "insats" && fold(p.insats) === intervention)!.insats, regi: "egen" };
  }
  return null;
}

/** The benchmark of a figure given by id (the run's figure when it has one, so its name and Kolada id match too). */
export function benchmarkOfId(result: KpbResult, id: string, ctx: BenchmarkContext): BenchmarkValue | null {
  return figureBenchmark(result, asFigure(result, id), ctx);
}

/** The benchmark of any key figure of the run. */
export function figureBenchmark(result: KpbResult, figure: KeyFigure, ctx: BenchmarkContext): BenchmarkValue | null {
  const target = unitCostTargetOf(result, figure.id);
  return target ? unitCostBenchmark(result, target, ctx) : benchmarkOfFigure(figure, ctx);
}
