import { columnLetter, fold } from "../cells";
import { matchCatalogue } from "../catalogue";
import { patternText } from "../coding-patterns";
import type { CatalogueEntry, ClientRows, CodingLineage, KpbResult, ParsedInput, PoolResult, TableName, WorkbookInput } from "../model";
import type { ProblemLog } from "../problems";
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

/** What a run already has that its lineage is made of: nothing here is read or computed twice. */
export interface LineageSources {
  parsed: ParsedInput;
  /** Where the input tables sit (for links). */
  input: WorkbookInput;
  pools: readonly PoolResult[];
  coding: CodingLineage;
  /** The catalogue as the run merged it. */
  catalogue: Map<string, CatalogueEntry>;
  /** Inhabitants per age group, as the run counted them. */
  population: ReadonlyMap<string, number>;
  inhabitants80: number | null;
  /** The ledger's numbered code combinations, as the coding made them. */
  codes: LedgerCodeIndex;
}

/**
 * The lineage of a finished run, and the coding checks (shadowed rules, rules never reached,
 * ambiguous coding) reported as warnings. Reads what the run made; nothing in the run changes.
 */
export function traceLineage(sources: LineageSources, log: ProblemLog): TraceLineage {
  const { parsed, input, catalogue } = sources;
  const ledger = ledgerTrace(parsed, placeOf(input, "Ekonomi"), sources.codes);
  const codingChecks = analyseCoding(parsed.ledger, parsed.rules, sources.coding.ruleOfRow, ledger.codeOfRow);
  reportCodingChecks(codingChecks, parsed.rules, ledger.sheetRow, ledger.amountOre, log);
  return {
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
    volumeByPeriod: volumeByPeriod(parsed.clientRows, sources.pools),
    poolKeyFigure: Object.fromEntries(parsed.pools.map((p) => [p.id, matchCatalogue(p.insats, catalogue)?.entry.keyFigure ?? ""])),
    population: Object.fromEntries(sources.population),
    inhabitants80: sources.inhabitants80,
    codingChecks,
  };
}

/** Volume per intervention pool and period, summed in Maps (a million rows into objects with thousands of keys is slow), then made plain. */
function volumeByPeriod(rows: ClientRows, pools: readonly PoolResult[]): Record<string, Record<string, number>> {
  const volumeMaps = new Map<string, Map<string, number>>();
  const intervention = new Set(pools.filter((p) => p.kind === "insats").map((p) => p.pool));
  // Per pool code, its period sums once the pool is first seen (in row order, as the sheet lists them).
  const byPoolCode: (Map<string, number> | null | undefined)[] = new Array(rows.text.pool.length);
  for (let i = 0; i < rows.length; i++) {
    const code = rows.pool[i];
    let byPeriod = byPoolCode[code];
    if (byPeriod === undefined) {
      const pool = rows.text.pool[code];
      byPeriod = intervention.has(pool) ? new Map() : null;
      if (byPeriod) volumeMaps.set(pool, byPeriod);
      byPoolCode[code] = byPeriod;
    }
    if (!byPeriod) continue;
    const period = rows.period[i] < 0 ? "" : rows.text.period[rows.period[i]];
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + rows.volumeMicro[i]);
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [pool, periods] of volumeMaps) out[pool] = Object.fromEntries(periods);
  return out;
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
