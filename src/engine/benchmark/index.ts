/** Benchmark analyses: pure functions on a KpbResult and the `Jämförelse` rows (no Office, no DOM). */
export { Rational, sumRational, ratioOrNull } from "./rational";
export {
  benchmarkOfFigure,
  firstBenchmark,
  drivesMoney,
  forMoney,
  MAX_PUBLISHED_AGE,
  sourceText,
  type BenchmarkContext,
  type BenchmarkOrigin,
  type BenchmarkValue,
  type PublishedLookup,
  type PublishedValue,
} from "./lookup";
export { compareKeyFigures, compareFigure, type Direction, type KeyFigureComparison } from "./compare";
export { interventions, interventionKeyFigure, consumedByGroup, type Intervention, type Consumed } from "./interventions";
export {
  indexDecomposition,
  indexDecompositions,
  decompose,
  benchmarkUnitCost,
  benchmarkVolume,
  type Decomposition,
  type DecompositionItem,
  type IndexResult,
  type IndexTerms,
} from "./decomposition";
export { compareConsumption, compareConsumptionRow, type ConsumptionComparison, type Counterfactual } from "./consumption";
export { potential, unitCostPotential, inhabitantPotential, type PotentialResult, type UnitCostPotential, type InhabitantPotential } from "./potential";
export { clientMix, type ClientMix, type ClientMixBand } from "./client-mix";
export {
  HISTORY_SHEET,
  HISTORY_HEADER,
  historyRows,
  mergeHistory,
  parseHistoryRows,
  historyCells,
  formatRunTime,
  trend,
  TREND_UNIT_COSTS,
  TREND_PER_INHABITANT,
  type HistoryRow,
  type Trend,
} from "./history";
export { bundledPublished } from "./published";
export { changeSinceLastYear, oldestAgeGroupRow } from "./headline";
export { figureBenchmark, unitCostBenchmark, unitCostBenchmarkIds, unitCostTargetOf, benchmarkOfId, type UnitCostTarget } from "./figure-benchmark";
export { BENCHMARK_HEADER, sortBenchmarkRows, type BenchmarkTable, type BenchmarkTableRow } from "./benchmark-table";
export {
  findPublished,
  publishedFigures,
  publishedKeyFigures,
  publishedBenchmarkTable,
  ageGroupText,
  consumptionKeyFigure,
  parseConsumptionKeyFigure,
  consumptionName,
  consumptionUnit,
  CONSUMPTION_MEASURES,
  KPB_AVERAGE_LABEL,
  PUBLISHED_FIGURES,
  type ConsumptionKeyFigure,
  type ConsumptionMeasure,
  type PublishedFigure,
  type PublishedFilter,
  type PublishedKind,
  type PublishedMunicipality,
} from "./published-averages";
