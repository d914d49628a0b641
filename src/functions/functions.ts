/**
 * KPB worksheet functions (namespace KPB, so `=KPB.COSTPERHOUR()` in a cell; Swedish Excel shows
 * the Swedish names from functions.sv.json, e.g. `=KPB.KOSTNADPERTIMME()`).
 *
 * Every exported function with a `@customfunction` JSDoc tag becomes an entry in functions.json, and
 * the webpack metadata plugin appends the `CustomFunctions.associate(...)` calls to this file in the
 * bundle. The functions are thin wrappers: the figures come from kpb-figures.ts and range-math.ts
 * (pure), the latest run from src/shared/kpb-store.ts. No window, Office or Excel access at import
 * time, so tests import this module directly.
 *
 * Model-backed functions are streaming: they show the latest run and update in place whenever a
 * run or refresh publishes a new one. Before any run they show #N/A "Kör KPB först" and ask the
 * store to compute a result from the workbook's inputs (without writing anything).
 */
import packageJson from "../../package.json";
import {
  ensureResult,
  lastLoadFailure,
  latestSnapshot,
  subscribe,
  type KpbSnapshot,
} from "../shared/kpb-store";
import {
  invalidValue,
  isFigureError,
  notAvailable,
  noResultMessage,
  type Arg,
  type Cell,
  type FigureError,
  type FigureResult,
} from "./figure-values";
import * as figures from "./kpb-figures";
import { figureContext } from "./period-argument";
import { functionMessage } from "./messages";
import * as ranges from "./range-math";
import { installWorkbookLoader } from "./runtime";

/** The add-in version as built (from package.json). */
export const ADDIN_VERSION: string = packageJson.version;

installWorkbookLoader();

/** A typed error as the `CustomFunctions.Error` Excel shows (a message only where Excel shows one). */
export function toExcelError(error: FigureError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (error.code) {
    case "#N/A":
      return new CustomFunctions.Error(codes.notAvailable, error.message);
    case "#DIV/0!":
      return new CustomFunctions.Error(codes.divisionByZero);
    case "#NUM!":
      return new CustomFunctions.Error(codes.invalidNumber);
    default:
      return new CustomFunctions.Error(codes.invalidValue, error.message);
  }
}

/** A matrix with typed errors in it as the matrix Excel spills (errors as CustomFunctions.Error). */
function excelMatrix<T>(matrix: (T | FigureError)[][]): (T | CustomFunctions.Error)[][] {
  return matrix.map((row) => row.map((cell) => (isFigureError(cell) ? toExcelError(cell) : cell)));
}

/**
 * Streams `compute(latest run)` (or of the rolling twelve months ending at `period`) into the
 * cell now and after every later publish; before the first
 * run it shows #N/A "Kör KPB först" and starts the store's one-time load from the workbook.
 * Exceptions become #VALUE! (Excel ignores what a streaming function throws, which would leave the
 * cell stale).
 */
function streamFromStore<T>(
  invocation: CustomFunctions.StreamingInvocation<T>,
  period: Arg,
  compute: (ctx: figures.FigureContext) => FigureResult<T>,
  toExcel: (value: T) => T = (value) => value,
): void {
  let active = true;
  const show = (snapshot: KpbSnapshot) => {
    if (!active) return;
    let value: FigureResult<T>;
    try {
      // The latest run, or the rolling twelve months ending at the period argument (cached per run).
      const ctx = figureContext(snapshot, period);
      value = isFigureError(ctx) ? ctx : compute(ctx);
    } catch (error) {
      value = invalidValue(functionMessage("internalError", { detail: error instanceof Error ? error.message : String(error) }));
    }
    invocation.setResult(isFigureError(value) ? toExcelError(value) : toExcel(value));
  };
  const unsubscribe = subscribe(show);
  invocation.onCanceled = () => {
    active = false;
    unsubscribe();
  };
  const snapshot = latestSnapshot();
  if (snapshot) {
    show(snapshot);
    return;
  }
  invocation.setResult(toExcelError(notAvailable(noResultMessage())));
  void ensureResult().then((loaded) => {
    // A loaded result was published, and the subscription has shown it already; without a
    // reason there is nothing to add to "Kör KPB först".
    const why = lastLoadFailure();
    if (!active || loaded || !why) return;
    invocation.setResult(toExcelError(notAvailable(functionMessage("noResultBecause", { why }))));
  });
}

/**
 * Returns the version of the KPB add-in.
 * @customfunction VERSION
 * @returns The add-in version, e.g. "1.2.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}

/**
 * Cost per hour (kr) from the latest KPB run: total cost ÷ total hours of the intervention's pools. Default: hemtjänst (home care), in-house (egen regi), all units.
 * @customfunction COSTPERHOUR
 * @param [intervention] Intervention (Insats), e.g. "Hemtjänst" (the default), "HSL" or "Personlig assistans".
 * @param [unit] A pool id or unit (Enhet) name, or "egen", "annan" or "alla" for in-house, purchased or all pools. Default: all in-house units.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function costPerHour(intervention: any, unit: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.costPerHour(ctx, intervention, unit));
}

/**
 * Cost per day (kr) from the latest KPB run: total cost ÷ total days of the intervention's pools. Default: särskilt boende (residential care), in-house, all units.
 * @customfunction COSTPERDAY
 * @param [intervention] Intervention (Insats), e.g. "Särskilt boende" (the default), "Korttidsvård" or "Gruppbostad LSS".
 * @param [unit] A pool id or unit (Enhet) name, or "egen", "annan" or "alla" for in-house, purchased or all pools. Default: all in-house units.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function costPerDay(intervention: any, unit: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.costPerDay(ctx, intervention, unit));
}

/**
 * Unit cost of one pool from the latest KPB run: the pool's full cost ÷ its volume (kr per hour, day, month …).
 * @customfunction UNITCOST
 * @param pool Pool id (as in the Pooler table) or unit (Enhet) name.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function unitCost(pool: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.unitCost(ctx, pool));
}

/**
 * A client's total annual cost (kr) from the latest KPB run.
 * @customfunction CLIENTCOST
 * @param clientId The client id as shown on the KPB Brukare sheet (a pseudonym when the input held personal identity numbers), or the original personnummer.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function clientCost(clientId: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.clientCost(ctx, clientId));
}

/**
 * Cost per client (kr) in an area and age group: total client cost ÷ number of distinct clients.
 * @customfunction COSTPERCLIENT
 * @param area Area (Område): "ÄO", "LSS", "FN" or "IFO".
 * @param [ageGroup] Age group, e.g. "80-w" or "65-79", or an age; default all ages.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function costPerClient(area: any, ageGroup: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.costPerClient(ctx, area, ageGroup));
}

/**
 * Cost per inhabitant (kr) in an area and age group: total cost ÷ inhabitants of the age group.
 * @customfunction COSTPERINHABITANT
 * @param area Area (Område): "ÄO", "LSS", "FN" or "IFO".
 * @param [ageGroup] Age group, e.g. "80-w" or "65-79", or an age; default all ages.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function costPerInhabitant(area: any, ageGroup: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.costPerInhabitant(ctx, area, ageGroup));
}

/**
 * Share of the inhabitants who are clients in an area and age group, as a fraction (format the cell as %).
 * @customfunction CLIENTSHARE
 * @param area Area (Område): "ÄO", "LSS", "FN" or "IFO".
 * @param [ageGroup] Age group, e.g. "80-w" or "65-79", or an age; default all ages.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function clientShare(area: any, ageGroup: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.clientShare(ctx, area, ageGroup));
}

/**
 * Share of the clients in a scope whose annual cost exceeds the outlier limit, as a fraction (format the cell as %).
 * @customfunction OUTLIERSHARE
 * @param scope "ÄO ordinärt boende" (or "ordinärt"), "ÄO särskilt boende" (or "särskilt", "SÄBO"), "LSS" or "IFO".
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function outlierShare(scope: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.outlierShare(ctx, scope));
}

/**
 * Break-even (brytpunkt): the yearly cost of a place in residential care (cost per day in-house incl. health care × days of the year); above it, care in ordinary housing costs more.
 * @customfunction BREAKEVEN
 * @param [measure] "brytpunkt" (the default, kr per year), "antal" (clients in ordinary housing above it) or "merkostnad" (their cost above it, kr).
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function breakEven(measure: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.breakEven(ctx, measure));
}

/**
 * The benchmark value of a key figure: the workbook's Jämförelse table, else the bundled KPB average. Percentages as fractions.
 * @customfunction BENCHMARK
 * @param keyFigure Key figure id (see KPB.KEYFIGURES), name or Kolada id, e.g. "hemtjanst_egen_kr_timme" or "U21003".
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function benchmark(keyFigure: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.benchmark(ctx, keyFigure));
}

/**
 * Index of a key figure against its benchmark: own value ÷ benchmark (1 = equal, 1.1 = 10 % above).
 * @customfunction INDEX BENCHMARKINDEX
 * @param keyFigure Key figure id (see KPB.KEYFIGURES), name or Kolada id.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
// The id stays INDEX (ids are what saved formulas and functions.sv.json refer to); the name
// BENCHMARKINDEX avoids Excel's built-in INDEX (test/functions/builtin-names.test.ts).
export function index(keyFigure: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.index(ctx, keyFigure));
}

/**
 * Savings potential (kr) at the benchmark's unit cost: (own unit cost − benchmark unit cost) × own volume, 0 when at or below the benchmark.
 * @customfunction POTENTIAL
 * @param intervention Intervention (Insats), e.g. "Hemtjänst" or "Särskilt boende".
 * @param [unit] A pool id or unit (Enhet) name, or "egen", "annan" or "alla". Default: all in-house units.
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function potential(intervention: any, unit: any, period: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromStore(invocation, period, (ctx) => figures.potential(ctx, intervention, unit));
}

/**
 * All key figures of the latest KPB run as a table that spills: a header row, then id, name, scope, value and unit per figure (percentages as fractions).
 * @customfunction KEYFIGURES
 * @param [period] A month "YYYY-MM" or a date: the rolling twelve months ending that month (needs Period in Ekonomi and Brukare). Default: the latest run.
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function keyFigures(period: any, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamFromStore<Cell[][]>(invocation, period, (ctx) => figures.keyFigureTable(ctx));
}

/**
 * Splits an amount over keys exactly to the öre (largest remainder): the parts are whole öre and add up to the amount. Spills in the shape of the keys.
 * @customfunction ALLOCATE
 * @param amount Amount in kr (rounded to the öre first).
 * @param keys Range of keys (numbers ≥ 0; empty cells count as 0).
 * @returns The amount per key, in kr.
 */
export function allocate(amount: number, keys: any[][]): number[][] {
  const parts = ranges.allocate(amount, keys);
  if (isFigureError(parts)) throw toExcelError(parts);
  return parts;
}

/**
 * Unit cost per cell: cost ÷ volume, spilled in the shape of the ranges (#DIV/0! where the volume is 0 or empty).
 * @customfunction UNITCOSTS
 * @param costs Range of costs (kr).
 * @param volumes Range of volumes of the same size (or a single cell).
 * @returns Cost per volume unit per cell.
 */
export function unitCosts(costs: any[][], volumes: any[][]): number[][] {
  const result = ranges.unitCosts(costs, volumes);
  if (isFigureError(result)) throw toExcelError(result);
  // Errors inside the matrix are CustomFunctions.Error objects, which Excel shows per cell.
  return excelMatrix(result) as number[][];
}
