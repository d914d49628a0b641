import { fold } from "./cells";
import { withoutOwnRows } from "./benchmark-match";
import { resolveBenchmarkRows } from "./benchmark-names";
import { matchCatalogue, mergeCatalogue } from "./catalogue";
import { aggregateVolumes, costClients } from "./client-costs";
import { clientFacts, type Housing } from "./client-facts";
import { codeLedger, emptyDirect, EXCLUDED } from "./coding";
import { allocateSupportPools } from "./allocation";
import {
  areaTotalFigures,
  catalogueOf,
  consumptionFigures,
  consumptionRows,
  hourBandFigures,
  hourBands,
  outlierFigures,
  unitCostFigures,
  volumePerInhabitantFigures,
  type KeyFigureInput,
} from "./key-figures";
import type { KpbResult, ParsedInput, PoolDef, PoolResult, Problem, RunOutcome, WorkbookInput } from "./model";
import { addOre, MoneyOverflowError, oreToDec, microToDec, sumOre, oreToSwedish } from "./money";
import { ratioString } from "./decimal";
import { readInput } from "./read-input";
import { redactTraceCodes } from "./personal-data";
import { inhabitantsAged, populationByGroup } from "./population";
import { randomSecret } from "./privacy";
import { calendarYearWindow, daysInWindow, type PeriodWindow } from "./period-window";
import { ProblemLog } from "./problems";
import type { SettingsOverrides } from "./settings";
import { traceLineage } from "./tracing/lineage";
import { unitCostOf } from "./unit-costs";
import { normaliseVolumeUnits } from "./volume-units";
import { brytpunktFigures } from "./analyses/brytpunkt";

export interface RunOptions {
  overrides?: SettingsOverrides;
  /** Per-workbook secret for client pseudonyms (see privacy.ts). */
  pseudonymSecret?: string;
  /** Timing hook (the bench): called after each phase with its wall time in ms. Never changes results. */
  onPhase?: (phase: RunPhase, ms: number) => void;
}

/** The phases of a run, in order, as `onPhase` reports them. */
export type RunPhase = "parse" | "code" | "volumes" | "allocate" | "clients" | "keyFigures" | "trace";

type PhaseMark = (phase: RunPhase) => void;

function phaseMarker(onPhase: RunOptions["onPhase"]): PhaseMark {
  if (!onPhase) return () => undefined;
  const clock = (globalThis as { performance?: { now(): number } }).performance;
  const now = () => (clock ? clock.now() : Date.now());
  let last = now();
  return (phase) => {
    const t = now();
    onPhase(phase, t - last);
    last = t;
  };
}

/**
 * The whole KPB calculation on the workbook's tables: parse and validate, code the ledger,
 * allocate the support pools, cost the interventions and the clients, compute the key figures and
 * reconcile. Bad data never throws: it ends as problems, and errors stop the run before results.
 */
export function runKpb(input: WorkbookInput, options: RunOptions = {}): RunOutcome {
  const log = new ProblemLog();
  const secret = options.pseudonymSecret || randomSecret();
  const mark = phaseMarker(options.onPhase);
  try {
    const parsed = readInput(input, log, options.overrides ?? {}, secret);
    mark("parse");
    if (!parsed || log.hasErrors) return { ok: false, problems: withSheets(log, input) };
    const result = calculate(parsed, input, log, secret, mark);
    return result ? { ok: true, result } : { ok: false, problems: withSheets(log, input) };
  } catch (e) {
    if (e instanceof MoneyOverflowError) {
      log.error("moneyOverflow", { table: "Körning" });
      return { ok: false, problems: withSheets(log, input) };
    }
    // A bug must not take the task pane or the command line down with it: it becomes a problem
    // (the fuzz tests fail on any internalError, so it is never a way to hide one).
    log.error("internalError", { table: "Körning" }, { detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    return { ok: false, problems: withSheets(log, input) };
  }
}

/** Problems found after parsing know their table; the sheet it came from is filled in here. */
function withSheets(log: ProblemLog, input: WorkbookInput): Problem[] {
  return log.items.map((p) => {
    const sheet = !p.sheet && p.table !== "Körning" ? input[p.table]?.sheet : undefined;
    return sheet ? { ...p, sheet } : p;
  });
}

/** The result, or null when the problems logged stop the run (errors are never thrown). */
function calculate(parsed: ParsedInput, input: WorkbookInput, log: ProblemLog, secret: string, mark: PhaseMark = () => undefined): KpbResult | null {
  const { settings } = parsed;
  // The row check compares volumes as read: taken before units are converted below.
  const countedVolumeAsReadMicro = sumMicro(parsed.clientRows.volumeMicro);
  // Units read as what they measure: minutes become hours before anything sums a volume.
  const catalogue = normaliseVolumeUnits(mergeCatalogue(parsed.catalogue), parsed.pools, parsed.clientRows, log);
  const poolById = new Map(parsed.pools.map((p) => [p.id, p]));

  for (const rule of parsed.rules) {
    if (rule.target !== EXCLUDED && !poolById.has(rule.target)) {
      log.error("unknownTarget", { table: "Kodning", row: rule.row, column: "Till" }, { target: rule.target });
    }
  }
  const reportedIntervention = new Set<string>();
  for (const p of parsed.pools) {
    if (p.kind === "insats" && !matchCatalogue(p.insats, catalogue) && !reportedIntervention.has(fold(p.insats))) {
      reportedIntervention.add(fold(p.insats));
      log.warning("insatsNotInCatalogue", { table: "Pooler", row: p.row, column: "Insats" }, { insats: p.insats });
    }
  }
  const coded = codeLedger(parsed.ledger, parsed.rules, log);
  mark("code");
  const aggregated = aggregateVolumes(parsed.clientRows, poolById, log);
  const isResidential = (p: { insats: string }) => catalogueOf(p, catalogue)?.keyFigure === "sabo_egen_kr_dygn_inkl_hsl";
  const housingOfPool = (p: PoolDef): Housing | null => (isResidential(p) ? "särskilt" : catalogueOf(p, catalogue)?.area === "ÄO" ? "ordinärt" : null);
  const facts = clientFacts(parsed.clientRows, poolById, housingOfPool, catalogue, log);
  mark("volumes");
  if (log.hasErrors) return null;

  const directOre = new Map(parsed.pools.map((p) => [p.id, coded.directByPool.get(p.id)?.totalOre ?? 0]));
  const allocation = allocateSupportPools(
    { pools: parsed.pools, directOre, volumeMicro: aggregated.poolVolumeMicro, keys: parsed.keys, catalogue, method: settings.allocationMethod },
    log,
  );
  mark("allocate");
  if (!allocation) return null;

  const costed: CostedPool[] = parsed.pools.map((p) => {
    const direct = coded.directByPool.get(p.id) ?? emptyDirect();
    const receivedOre = Object.fromEntries(allocation.received.get(p.id)!);
    const allocatedOre = sumOre(Object.values(receivedOre));
    const match = matchCatalogue(p.insats, catalogue);
    const entry = match?.entry;
    return {
      pool: p.id,
      insats: p.insats,
      area: entry?.area ?? "",
      enhet: p.enhet,
      regi: p.regi,
      kind: p.kind,
      volumeUnit: entry?.volumeUnit ?? "",
      volumeMicro: aggregated.poolVolumeMicro.get(p.id) ?? 0,
      directOre: direct.totalOre,
      directByCategoryOre: { ...direct.byCategoryOre },
      receivedOre,
      allocatedOre,
      passedOnOre: allocation.passedOn.get(p.id) ?? 0,
      costOre: p.kind === "stöd" ? 0 : addOre(direct.totalOre, allocatedOre),
      places: p.places,
      catalogueInsats: entry?.insats ?? null,
      catalogueMatch: match?.how ?? null,
    };
  });
  validatePools(costed, parsed, settings.period ?? calendarYearWindow(settings.year), log);

  const poolCostOre = new Map(costed.map((p) => [p.pool, p.costOre]));
  const { clients: costedClients, clientCount } = costClients(aggregated, parsed.pools, poolCostOre, facts, settings, secret, log);
  const pools = costed.map((p) => poolResult(p, clientCount.get(p.pool) ?? 0));
  mark("clients");

  const population = populationByGroup(parsed.population, settings, log);
  const kfInput: KeyFigureInput = {
    pools,
    clients: costedClients,
    catalogue,
    population,
    settings,
    inhabitantsAll: inhabitantsAged(parsed.population, 0, null),
    inhabitants80: inhabitantsAged(parsed.population, 80, null),
  };
  // With a group boundary at 80 the groups' own problems already say why; otherwise say it here.
  if (kfInput.inhabitants80 === null && parsed.population.length > 0 && !settings.ageGroups.some((g) => g.from === 80)) {
    log.warning("population80Missing", { table: "Befolkning", row: null, column: "Åldersgrupp" });
  }
  const consumption = consumptionRows(kfInput);
  reportMissingPopulation(consumption, log);
  const bands = hourBands(kfInput);
  const unitCosts = unitCostFigures(kfInput);
  // The clients as the result shows them: with the outlier scopes they exceed (no figure reads those).
  const outliers = outlierFigures(kfInput);
  const { clients } = outliers;
  const keyFigures = [
    ...unitCosts,
    ...outliers.figures,
    ...brytpunktFigures({ year: settings.year, pools, clients, keyFigures: unitCosts }),
    ...consumptionFigures(consumption),
    ...volumePerInhabitantFigures(kfInput),
    ...hourBandFigures(bands, settings.homeCareHours),
    ...areaTotalFigures(pools),
  ];

  mark("keyFigures");
  const interventionCost = sumOre(pools.filter((p) => p.kind === "insats").map((p) => p.costOre));
  const toClientsOre = sumOre(clients.map((c) => c.totalOre));
  const pooledOre = sumOre([...coded.directByPool.values()].map((d) => d.totalOre));
  const reconciliation = {
    ledgerTotalOre: coded.ledgerTotalOre,
    pooledOre,
    excludedOre: coded.excludedOre,
    uncodedOre: coded.uncodedOre,
    excludedByReason: Object.fromEntries(coded.excludedByReason),
    toClientsOre,
    withoutVolumeOre: interventionCost - toClientsOre,
    rowCounts: parsed.rowCounts,
    setAside: parsed.setAside,
    balanced:
      coded.ledgerTotalOre === pooledOre + coded.excludedOre + coded.uncodedOre && interventionCost === pooledOre && rowsAccountedFor(parsed, coded.ledgerTotalOre, countedVolumeAsReadMicro),
  };
  if (!reconciliation.balanced) {
    log.error("reconciliationFailed", { table: "Körning" }, { detail: `pooler ${interventionCost} öre, kodat ${pooledOre} öre` });
  }
  const benchmark = resolveBenchmarkRows(withoutOwnRows(parsed.benchmark, settings), keyFigures, pools, settings.year, log);
  if (log.hasErrors) return null;

  // The lineage is made of what the run has already read and counted, and adds the coding checks' warnings.
  const lineage = traceLineage(
    { parsed, input, pools, coding: coded.lineage, catalogue, population, inhabitants80: kfInput.inhabitants80 ?? null, codes: coded.codes },
    log,
  );
  const trace = redactTraceCodes(lineage, secret);
  mark("trace");
  return {
    year: settings.year,
    municipality: settings.municipality,
    settings,
    reconciliation,
    pools,
    clients,
    keyFigures,
    benchmark,
    problems: withSheets(log, input),
    coding: coded.lineage,
    flows: allocation.flows,
    hourBands: bands,
    consumption,
    trace,
  };
}

/** A pool's costs, before its clients are counted. */
type CostedPool = Omit<PoolResult, "unitCost" | "clientCount">;

/** The pool as the result shows it: its own unit cost (from the one place unit costs are computed) and its clients. */
function poolResult(costed: CostedPool, clientCount: number): PoolResult {
  // The fields stay in the order the JSON output has always had: unit cost and clients after the cost.
  const { places, catalogueInsats, catalogueMatch, ...costs } = costed;
  return { ...costs, unitCost: unitCostOf([costed]).value, clientCount, places, catalogueInsats, catalogueMatch };
}

/**
 * Rows read = counted + set aside, in rows and in öre (Ekonomi) or volume (Brukare); the counted
 * ledger rows are the ledger total the coding reconciles.
 */
function rowsAccountedFor(parsed: ParsedInput, ledgerTotalOre: number, countedVolumeMicro: number): boolean {
  return (["Ekonomi", "Brukare"] as const).every((table) => {
    const c = parsed.rowCounts[table];
    const groups = parsed.setAside.filter((g) => g.table === table);
    const rows = groups.reduce((n, g) => n + g.rows.length, 0);
    const sum = groups.reduce((n, g) => n + (table === "Ekonomi" ? g.amountOre : g.volumeMicro), 0);
    const counted = table === "Ekonomi" ? ledgerTotalOre : countedVolumeMicro;
    return c.read === c.counted + rows && c.countedSum === counted && c.readSum === c.countedSum + sum;
  });
}

function sumMicro(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** Cost without volume, volume without cost, and residential days over capacity. */
function validatePools(pools: readonly CostedPool[], parsed: ParsedInput, window: PeriodWindow, log: ProblemLog): void {
  // The days of the run's months: 365 or 366 for a year, and so for any twelve months.
  const daysInYear = daysInWindow(window);
  const defs = new Map(parsed.pools.map((p) => [p.id, p]));
  for (const p of pools) {
    if (p.kind !== "insats") continue;
    const place = { table: "Pooler" as const, row: defs.get(p.pool)!.row, column: "Pool" };
    if (p.volumeMicro === 0 && p.costOre !== 0) {
      log.warning("poolWithoutVolume", place, { pool: p.pool, amount: oreToSwedish(p.costOre) });
    } else if (p.volumeMicro > 0 && p.costOre === 0) {
      log.warning("poolWithoutCost", place, { pool: p.pool });
    }
    if (p.places !== null && /dygn|dagar/.test(fold(p.volumeUnit))) {
      const days = microToDec(p.volumeMicro);
      const capacity = p.places * daysInYear;
      if (days.greaterThan(capacity)) {
        log.warning("capacityExceeded", { ...place, column: "Platser" }, {
          pool: p.pool,
          days: days.toFixed(),
          places: p.places,
          daysInYear,
          capacity,
        });
      }
    }
  }
}

function reportMissingPopulation(rows: { ageGroup: string; inhabitants: number; clients: number }[], log: ProblemLog): void {
  const missing = new Set(rows.filter((r) => r.ageGroup !== "alla" && r.ageGroup !== "okänd" && r.clients > 0 && r.inhabitants === 0).map((r) => r.ageGroup));
  for (const group of missing) {
    log.warning("populationMissing", { table: "Befolkning", row: null, column: "Antal" }, { group });
  }
}
