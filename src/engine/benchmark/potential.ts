import type { BenchmarkRow, KpbResult, PoolResult, Regi } from "../model";
import { sumOre } from "../money";
import { compareConsumption, type ConsumptionComparison } from "./consumption";
import { unitCostOf } from "../unit-costs";
import { unitCostBenchmark } from "./figure-benchmark";
import { interventions, type Intervention } from "./interventions";
import { drivesMoney, forMoney, type BenchmarkContext, type BenchmarkValue, type PublishedLookup } from "./lookup";
import { Rational, sumRational } from "./rational";

/**
 * Potential (what-if, kpb-method.md §4): what the year would have cost at the benchmark.
 *
 *  - per unit cost: (own unit cost − benchmark unit cost) × own volume, per intervention (egen and
 *    annan regi apart) and per pool, counted only where positive. Computed as own cost −
 *    benchmark unit cost × own volume, which is the same thing exactly;
 *  - per inhabitant: (own − benchmark cost per inhabitant) × inhabitants, per area × age group,
 *    counted only where positive.
 *
 * The three totals are alternative views, never to be added together: the pools' total is at
 * least the interventions' (a cheap unit no longer offsets a dear one), and the per-inhabitant
 * total also contains the volume effect.
 */
export interface UnitCostPotential {
  area: string;
  insats: string;
  /** Set on pool rows. */
  pool?: string;
  enhet?: string;
  regi: Regi;
  keyFigure: string;
  volumeUnit: string;
  /** Own volume in the unit (decimal string). */
  volume: string;
  /** Own cost (kr) of the volume. */
  cost: string;
  unitCost: string;
  benchmarkUnitCost: string | null;
  /** own − benchmark unit cost. */
  difference: string | null;
  /** (own − benchmark) × volume, kr, signed and exact. */
  effect: string | null;
  /** max(0, effect) in kr, exact; null without a benchmark. */
  potential: string | null;
  /** The same in whole öre (half away from zero). */
  potentialOre: number | null;
  source: BenchmarkValue | null;
}

export interface InhabitantPotential {
  area: string;
  ageGroup: string;
  inhabitants: number;
  costPerInhabitant: string | null;
  benchmarkCostPerInhabitant: string;
  /** own − benchmark per inhabitant. */
  difference: string;
  /** difference × inhabitants, signed. */
  effect: string;
  potential: string;
  potentialOre: number;
  source: BenchmarkValue | null;
}

export interface PotentialResult {
  interventions: UnitCostPotential[];
  pools: UnitCostPotential[];
  perInhabitant: InhabitantPotential[];
  totals: {
    /** Σ positive intervention potentials (öre). */
    interventionsOre: number;
    poolsOre: number;
    /** Σ positive per-inhabitant potentials over the age groups (the "alla" rows not included). */
    perInhabitantOre: number;
  };
}

function unitCostRow(i: Intervention, pools: PoolResult[], regi: Regi, pStarSource: BenchmarkValue | null, pool?: PoolResult): UnitCostPotential | null {
  // The unit cost from the one place it is computed (unit-costs.ts): pools with volume only.
  const own = unitCostOf(pools);
  if (own.exact === null) return null;
  const cost = Rational.ore(own.costOre);
  const volume = Rational.micro(own.volumeMicro);
  const unitCost = own.exact;
  const pStar = pStarSource ? Rational.parse(pStarSource.value) : null;
  const effect = pStar ? cost.minus(pStar.times(volume)) : null;
  const potential = effect ? effect.max(Rational.ZERO) : null;
  return {
    area: i.area,
    insats: i.insats,
    ...(pool ? { pool: pool.pool, enhet: pool.enhet } : {}),
    regi,
    keyFigure: i.keyFigure,
    volumeUnit: i.volumeUnit,
    volume: volume.toDec().toFixed(),
    cost: cost.toDec().toFixed(),
    unitCost: own.value!,
    benchmarkUnitCost: pStar ? pStar.toString() : null,
    difference: pStar ? unitCost.minus(pStar).toString() : null,
    effect: effect ? effect.toString() : null,
    potential: potential ? potential.toString() : null,
    potentialOre: potential ? potential.toOre() : null,
    source: pStarSource,
  };
}

/** Unit-cost potential per intervention (egen and annan regi apart) and per pool. */
export function unitCostPotential(result: KpbResult, shown: BenchmarkContext): { interventions: UnitCostPotential[]; pools: UnitCostPotential[] } {
  // Money only from benchmarks within the age limit (an older published average is shown, not used).
  const ctx = forMoney(shown);
  const byIntervention: UnitCostPotential[] = [];
  const byPool: UnitCostPotential[] = [];
  for (const i of interventions(result)) {
    for (const regi of ["egen", "annan"] as const) {
      const pools = i.pools.filter((p) => p.regi === regi);
      const row = pools.length ? unitCostRow(i, pools, regi, unitCostBenchmark(result, { insats: i.insats, regi }, ctx)) : null;
      if (row) byIntervention.push(row);
    }
    for (const p of i.pools) {
      const row = unitCostRow(i, [p], p.regi, unitCostBenchmark(result, { insats: i.insats, regi: p.regi, pool: p.pool }, ctx), p);
      if (row) byPool.push(row);
    }
  }
  return { interventions: byIntervention, pools: byPool };
}

/** Per-inhabitant potential from the consumption comparison. */
export function inhabitantPotential(rows: ConsumptionComparison[]): InhabitantPotential[] {
  const out: InhabitantPotential[] = [];
  for (const r of rows) {
    if (r.benchmarkCostPerInhabitant === null || r.inhabitants <= 0) continue;
    // A published average older than the age limit is shown on KPB Konsumtion but drives no money.
    if (Object.values(r.sources).some((s) => s && !drivesMoney(s))) continue;
    const inhabitants = Rational.of(r.inhabitants);
    const own = Rational.parse(r.cost);
    const bench = Rational.parse(r.benchmarkCostPerInhabitant);
    const effect = own.minus(bench.times(inhabitants));
    const potential = effect.max(Rational.ZERO);
    out.push({
      area: r.area,
      ageGroup: r.ageGroup,
      inhabitants: r.inhabitants,
      costPerInhabitant: r.costPerInhabitant,
      benchmarkCostPerInhabitant: r.benchmarkCostPerInhabitant,
      difference: effect.div(inhabitants).toString(),
      effect: effect.toString(),
      potential: potential.toString(),
      potentialOre: potential.toOre(),
      source: r.sources.perInhabitant ?? r.sources.perClient,
    });
  }
  return out;
}

const total = (rows: { potentialOre: number | null }[]) => sumOre(rows.map((r) => r.potentialOre ?? 0));

export function potential(result: KpbResult, benchmarkRows: readonly BenchmarkRow[], published?: PublishedLookup, consumption?: ConsumptionComparison[]): PotentialResult {
  const ctx: BenchmarkContext = { rows: benchmarkRows, year: result.year, published };
  const unit = unitCostPotential(result, ctx);
  const perInhabitant = inhabitantPotential(consumption ?? compareConsumption(result, benchmarkRows, published));
  return {
    ...unit,
    perInhabitant,
    totals: {
      interventionsOre: total(unit.interventions),
      poolsOre: total(unit.pools),
      perInhabitantOre: total(perInhabitant.filter((r) => r.ageGroup !== "alla")),
    },
  };
}
