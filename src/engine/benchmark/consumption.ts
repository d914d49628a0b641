import type { BenchmarkRow, ConsumptionRow, KpbResult } from "../model";
import { decompose, type Decomposition } from "./decomposition";
import { interventions } from "./interventions";
import { benchmarkOfId } from "./figure-benchmark";
import { type BenchmarkContext, type BenchmarkValue, type PublishedLookup } from "./lookup";
import { Rational, ratioOrNull, str } from "./rational";

/**
 * Cost per inhabitant = cost per client × share of clients (kpb-method.md §4), per area × age
 * group, beside the benchmark's three figures and the counterfactuals the Aneby review draws
 * ("Framräknad kostnad … om kommunen hade genomsnittlig kostnad per brukare / per invånare"):
 *
 *  - at the benchmark's cost per client: benchmark per client × own clients;
 *  - at the benchmark's share of clients: own per client × benchmark share × own inhabitants;
 *  - at the benchmark's cost per inhabitant: benchmark per inhabitant × own inhabitants.
 *
 * Each is given in kr with the difference own cost − counterfactual (positive = own is higher).
 * The benchmark comes from `kostnad_per_invanare:<Område>:<åldersgrupp>`,
 * `kostnad_per_brukare:…` and `andel_brukare:…` (in %); when exactly one of the three is missing
 * it is derived from the other two by the identity (`derived` names it). Shares are in percent.
 */
export interface Counterfactual {
  /** Cost per inhabitant under the counterfactual (null without inhabitants). */
  costPerInhabitant: string | null;
  /** Total cost (kr) under the counterfactual. */
  cost: string;
  /** Own cost − counterfactual cost (kr); positive when own is higher. */
  difference: string;
}

export interface ConsumptionComparison {
  area: string;
  ageGroup: string;
  inhabitants: number;
  clients: number;
  /** Own total cost (kr). */
  cost: string;
  costPerInhabitant: string | null;
  costPerClient: string | null;
  /** Percent. */
  clientShare: string | null;
  benchmarkCostPerInhabitant: string | null;
  benchmarkCostPerClient: string | null;
  benchmarkClientShare: string | null;
  /** Which benchmark figure was derived from the other two, if any. */
  derived: "kostnad_per_invanare" | "kostnad_per_brukare" | "andel_brukare" | null;
  /** Published averages not used because the workbook gives this row's benchmark (sources are not mixed). */
  publishedLeftOut: ("kostnad_per_invanare" | "kostnad_per_brukare" | "andel_brukare")[];
  sources: { perInhabitant: BenchmarkValue | null; perClient: BenchmarkValue | null; share: BenchmarkValue | null };
  indexPerInhabitant: string | null;
  indexPerClient: string | null;
  indexShare: string | null;
  atBenchmarkCostPerClient: Counterfactual | null;
  atBenchmarkShare: Counterfactual | null;
  atBenchmarkCostPerInhabitant: Counterfactual | null;
  decomposition: Decomposition | null;
}

const parse = (b: BenchmarkValue | null) => (b ? Rational.parse(b.value) : null);

function counterfactual(ownCost: Rational, cost: Rational, inhabitants: Rational): Counterfactual {
  return {
    costPerInhabitant: str(ratioOrNull(cost, inhabitants)),
    cost: cost.toString(),
    difference: ownCost.minus(cost).toString(),
  };
}

export function compareConsumptionRow(result: KpbResult, row: ConsumptionRow, ctx: BenchmarkContext, list = interventions(result)): ConsumptionComparison {
  const suffix = `${row.area}:${row.ageGroup}`;
  // The same lookup as the figures on KPB Översikt (by id, Kolada id or name).
  let sPerInhabitant = benchmarkOfId(result, `kostnad_per_invanare:${suffix}`, ctx);
  let sPerClient = benchmarkOfId(result, `kostnad_per_brukare:${suffix}`, ctx);
  let sShare = benchmarkOfId(result, `andel_brukare:${suffix}`, ctx);
  // One source per row, so that per inhabitant = per client × share holds for the benchmark too:
  // when the workbook gives any of the three, published averages are not mixed in beside it (the
  // missing one is derived from the workbook's two, if it has two).
  const publishedLeftOut: ConsumptionComparison["derived"][] = [];
  if ([sPerInhabitant, sPerClient, sShare].some((b) => b?.origin === "Jämförelse")) {
    const leaveOut = (b: BenchmarkValue | null, id: NonNullable<ConsumptionComparison["derived"]>) => {
      if (b?.origin !== "Publicerat") return b;
      publishedLeftOut.push(id);
      return null;
    };
    sPerInhabitant = leaveOut(sPerInhabitant, "kostnad_per_invanare");
    sPerClient = leaveOut(sPerClient, "kostnad_per_brukare");
    sShare = leaveOut(sShare, "andel_brukare");
  }
  let bInh = parse(sPerInhabitant);
  let bClient = parse(sPerClient);
  let bShare = parse(sShare)?.div(Rational.HUNDRED) ?? null; // fraction
  let derived: ConsumptionComparison["derived"] = null;
  if (!bInh && bClient && bShare) {
    bInh = bClient.times(bShare);
    derived = "kostnad_per_invanare";
  } else if (bInh && !bClient && bShare && !bShare.isZero()) {
    bClient = bInh.div(bShare);
    derived = "kostnad_per_brukare";
  } else if (bInh && bClient && !bShare && !bClient.isZero()) {
    bShare = bInh.div(bClient);
    derived = "andel_brukare";
  }

  const inhabitants = Rational.of(row.inhabitants);
  const clients = Rational.of(row.clients);
  const cost = Rational.ore(row.costOre);
  const perInhabitant = ratioOrNull(cost, inhabitants);
  const perClient = ratioOrNull(cost, clients);
  const share = ratioOrNull(clients, inhabitants);
  const pct = (r: Rational | null) => (r === null ? null : r.times(Rational.HUNDRED).toString());
  const ratio = (a: Rational | null, b: Rational | null) => (a && b ? str(ratioOrNull(a, b)) : null);

  return {
    area: row.area,
    ageGroup: row.ageGroup,
    inhabitants: row.inhabitants,
    clients: row.clients,
    cost: cost.toString(),
    costPerInhabitant: str(perInhabitant),
    costPerClient: str(perClient),
    clientShare: pct(share),
    benchmarkCostPerInhabitant: str(bInh),
    benchmarkCostPerClient: str(bClient),
    benchmarkClientShare: pct(bShare),
    derived,
    publishedLeftOut: publishedLeftOut.filter((x): x is NonNullable<typeof x> => x !== null),
    sources: { perInhabitant: sPerInhabitant, perClient: sPerClient, share: sShare },
    indexPerInhabitant: ratio(perInhabitant, bInh),
    indexPerClient: ratio(perClient, bClient),
    indexShare: ratio(share, bShare),
    atBenchmarkCostPerClient: bClient ? counterfactual(cost, bClient.times(clients), inhabitants) : null,
    // Own cost per client × the benchmark's share × inhabitants: needs own clients.
    atBenchmarkShare: bShare && perClient ? counterfactual(cost, perClient.times(bShare).times(inhabitants), inhabitants) : null,
    atBenchmarkCostPerInhabitant: bInh && !inhabitants.isZero() ? counterfactual(cost, bInh.times(inhabitants), inhabitants) : null,
    decomposition: decompose(result, row, ctx, list),
  };
}

/** Every consumption row (area × age group) beside its benchmark, with counterfactuals and the index decomposition. */
export function compareConsumption(result: KpbResult, benchmarkRows: readonly BenchmarkRow[], published?: PublishedLookup): ConsumptionComparison[] {
  const ctx: BenchmarkContext = { rows: benchmarkRows, year: result.year, published };
  const list = interventions(result);
  return result.consumption.map((row) => compareConsumptionRow(result, row, ctx, list));
}
