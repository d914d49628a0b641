import { columnLetter, fold } from "../cells";
import { matchCatalogue, mergeCatalogue } from "../catalogue";
import { patternText } from "../coding-patterns";
import type { KpbResult, ParsedInput, TableName, WorkbookInput } from "../model";
import { inhabitantsAged, populationByGroup } from "../population";
import { ProblemLog } from "../problems";
import { analyseCoding, reportCodingChecks } from "./coding-check";
import { indexLedgerCodes, type LedgerCodeIndex } from "../ledger-codes";
import type { LedgerTrace, TablePlace, TraceLineage } from "./types";

function placeOf(input: WorkbookInput, table: TableName): TablePlace {
  const t = input[table];
  return { sheet: t?.sheet ?? table, firstColumn: t?.firstColumn ?? 1 };
}

/** The ledger as typed arrays: sheet row, amount and code combination per parsed row. */
export function ledgerTrace(parsed: ParsedInput, place: TablePlace, codes: LedgerCodeIndex = indexLedgerCodes(parsed.ledger)): LedgerTrace {
  const n = parsed.ledger.length;
  const sheetRow = new Int32Array(n);
  const amountOre = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = parsed.ledger[i];
    sheetRow[i] = r.row;
    amountOre[i] = r.amountOre;
  }
  return { place, sheetRow, amountOre, codeOfRow: codes.codeOfRow, codes: codes.codes };
}

/**
 * Builds the lineage of a finished run and reports the coding checks (shadowed rules, rules never
 * reached, ambiguous coding) as warnings. Reads the parsed input only; nothing in the run changes.
 */
export function attachTrace(result: KpbResult, parsed: ParsedInput, input: WorkbookInput, log: ProblemLog, codes?: LedgerCodeIndex): TraceLineage {
  const ledger = ledgerTrace(parsed, placeOf(input, "Ekonomi"), codes);
  // Summed in Maps (a million rows into objects with thousands of keys is slow), then made plain.
  const volumeMaps = new Map<string, Map<string, number>>();
  const insats = new Set(result.pools.filter((p) => p.kind === "insats").map((p) => p.pool));
  const rows = parsed.clientRows;
  // A client's rows of one pool come together in extracts: the pool is looked up once per run of rows.
  let lastPool: string | null = null;
  let byPeriod: Map<string, number> | undefined;
  for (let i = 0; i < rows.length; i++) {
    const pool = rows.pool[i];
    if (pool !== lastPool) {
      lastPool = pool;
      byPeriod = volumeMaps.get(pool);
      if (!byPeriod && insats.has(pool)) volumeMaps.set(pool, (byPeriod = new Map()));
    }
    if (!byPeriod) continue;
    const period = rows.period[i] ?? "";
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + rows.volumeMicro[i]);
  }
  const volumeByPeriod: Record<string, Record<string, number>> = {};
  for (const [pool, byPeriod] of volumeMaps) volumeByPeriod[pool] = Object.fromEntries(byPeriod);
  const catalogue = mergeCatalogue(parsed.catalogue);
  const poolKeyFigure: Record<string, string> = {};
  for (const p of parsed.pools) poolKeyFigure[p.id] = matchCatalogue(p.insats, catalogue)?.entry.keyFigure ?? "";
  // Problems with the population were reported by the run; this pass only re-reads the numbers.
  const population = Object.fromEntries(populationByGroup(parsed.population, parsed.settings, new ProblemLog()));
  const codingChecks = analyseCoding(parsed.ledger, parsed.rules, result.coding.ruleOfRow, ledger.codeOfRow);
  reportCodingChecks(codingChecks, parsed.rules, ledger.sheetRow, ledger.amountOre, log);
  const trace: TraceLineage = {
    ledger,
    rules: parsed.rules.map((r) => ({
      row: r.row,
      ansvar: patternText(r.ansvar),
      verksamhet: patternText(r.verksamhet),
      aktivitet: patternText(r.aktivitet),
      konto: patternText(r.konto),
      target: r.target,
      reason: r.reason,
    })),
    rulesPlace: placeOf(input, "Kodning"),
    clientsPlace: placeOf(input, "Brukare"),
    volumeByPeriod,
    poolKeyFigure,
    population,
    inhabitants80: inhabitantsAged(parsed.population, 80, null),
    codingChecks,
  };
  result.trace = trace;
  return trace;
}

/** An A1 link target into an input sheet: `'Ekonomi'!A17`. */
export function cellLink(place: TablePlace, row: number): string {
  return `${linkPrefix(place)}${row}`;
}

/** The link target without its row: `'Ekonomi'!A`. */
export function linkPrefix(place: TablePlace): string {
  return `'${place.sheet.replace(/'/g, "''")}'!${columnLetter(place.firstColumn)}`;
}

const rowsByTargetCache = new WeakMap<KpbResult, Map<string, Int32Array>>();

/** Ledger row indices per coding target (pool id or "EXKL"), in parse order; built once per result. */
export function ledgerRowsByTarget(result: KpbResult): Map<string, Int32Array> {
  const cached = rowsByTargetCache.get(result);
  if (cached) return cached;
  const { targetOfRow } = result.coding;
  const counts = new Map<string, number>();
  for (const t of targetOfRow) counts.set(t, (counts.get(t) ?? 0) + 1);
  const out = new Map<string, Int32Array>();
  const fill = new Map<string, number>();
  for (const [t, c] of counts) {
    out.set(t, new Int32Array(c));
    fill.set(t, 0);
  }
  for (let i = 0; i < targetOfRow.length; i++) {
    const t = targetOfRow[i];
    const k = fill.get(t)!;
    out.get(t)![k] = i;
    fill.set(t, k + 1);
  }
  rowsByTargetCache.set(result, out);
  return out;
}
