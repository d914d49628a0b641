import { excelSerialToDate, isValidDate, readDecimal, readText, type Read } from "../../src/engine/cells";
import { isClientOf, type AggregatedVolumes, type ClientVolumes } from "../../src/engine/client-costs";
import { Dec, ratioString } from "../../src/engine/decimal";
import { areaOf, catalogueOf, isHemtjanst, bandLabels, type KeyFigureInput } from "../../src/engine/key-figures";
import { KEY_FIGURE_NAMES } from "../../src/engine/key-figure-names";
import type { ClientRows, CodingRule, ConsumptionRow, KeyFigure, LedgerRow, MatchPattern, PoolDef } from "../../src/engine/model";
import { addOre, microToDec, oreToDec } from "../../src/engine/money";
import { containsPersonalIdentityNumber, PNR_HIDDEN } from "../../src/engine/privacy";
import type { ProblemLog } from "../../src/engine/problems";
import type { RuleIndex } from "../../src/engine/rule-index";
import { figureFitsUnit } from "../../src/engine/volume-units";

/**
 * The straightforward versions of everything the performance work changed, kept as the reference
 * the optimised engine must equal exactly (test/performance/identical.test.ts swaps these in and
 * compares the whole result). They are the code as it was before the optimisation: linear
 * first-match coding, BigInt code comparison, one string key per client row, one pass over the
 * clients per area × age group and per hemtjänst pool, a Decimal per cell.
 * Not used by the engine itself.
 */

/** One Brukare row as an object: how the engine held client rows before it kept them column by column. */
export interface ClientVolumeRow {
  row: number;
  clientId: string;
  birthYear: number | null;
  sex: string;
  pool: string;
  volumeMicro: number;
  period: string | null;
  housing: string;
}

// --- coding: BigInt comparison, every rule scanned --------------------------------------------

export function compareCodesBigInt(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function patternMatchesReference(pattern: MatchPattern, value: string): boolean {
  switch (pattern.kind) {
    case "any":
      return true;
    case "exact":
      return value === pattern.value;
    case "prefix":
      return value.startsWith(pattern.prefix);
    case "range":
      return compareCodesBigInt(value, pattern.from) >= 0 && compareCodesBigInt(value, pattern.to) <= 0;
  }
}

type Codes = Pick<LedgerRow, "ansvar" | "verksamhet" | "aktivitet" | "konto">;

function matchesReference(r: CodingRule, row: Codes): boolean {
  return (
    patternMatchesReference(r.konto, row.konto) &&
    patternMatchesReference(r.ansvar, row.ansvar) &&
    patternMatchesReference(r.verksamhet, row.verksamhet) &&
    patternMatchesReference(r.aktivitet, row.aktivitet)
  );
}

/** First matching rule from the top, by scanning every rule. Same signature as firstMatchIndexed. */
export function firstMatchLinear(index: Pick<RuleIndex, "rules">, row: Codes): number {
  for (let i = 0; i < index.rules.length; i++) if (matchesReference(index.rules[i], row)) return i;
  return -1;
}

/** Every matching rule in order, by scanning every rule. Same signature as allMatchesIndexed. */
export function allMatchesLinear(index: Pick<RuleIndex, "rules">, row: Codes): number[] {
  const out: number[] = [];
  for (let i = 0; i < index.rules.length; i++) if (matchesReference(index.rules[i], row)) out.push(i);
  return out;
}

// --- cells: a Decimal per cell ----------------------------------------------------------------

export function readIntegerReference(cell: unknown): Read<number> {
  const read = readDecimal(cell as never);
  if (!read.ok) return { ok: false, reason: "ett heltal" };
  if (!read.value.isInteger()) return { ok: false, reason: "ett heltal" };
  return { ok: true, value: read.value.toNumber() };
}

function isoMonth(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function readPeriodReference(cell: unknown): Read<string> {
  const fail = (): Read<string> => ({ ok: false, reason: "en period ÅÅÅÅ-MM" });
  if (cell instanceof Date) return isValidDate(cell) ? { ok: true, value: isoMonth(cell) } : fail();
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 190001 && cell <= 210012 && cell % 100 >= 1 && cell % 100 <= 12) {
      return { ok: true, value: `${Math.floor(cell / 100)}-${String(cell % 100).padStart(2, "0")}` };
    }
    if (Number.isInteger(cell) && cell >= 1890 && cell <= 2200) return { ok: false, reason: "en period ÅÅÅÅ-MM (ett år räcker inte)" };
    if (cell > 0 && cell < 2958466) return { ok: true, value: isoMonth(excelSerialToDate(cell)) };
    return fail();
  }
  const text = readText(cell as never);
  const m = /^(\d{4})[-/.]?(\d{2})(?:[-/.](\d{2}))?$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { ok: true, value: `${m[1]}-${m[2]}` };
  return fail();
}

// --- client volumes: one string key per row ---------------------------------------------------

function displayId(id: string): string {
  return containsPersonalIdentityNumber(id) ? PNR_HIDDEN : id;
}

/** The client rows as one object per row, as the engine held them before it read them into columns. */
function clientRowObjects(columns: ClientRows): ClientVolumeRow[] {
  const rows: ClientVolumeRow[] = [];
  for (let i = 0; i < columns.length; i++) {
    rows.push({
      row: columns.row[i],
      clientId: columns.text.client[columns.client[i]],
      birthYear: Number.isNaN(columns.birthYear[i]) ? null : columns.birthYear[i],
      sex: columns.text.sex[columns.sex[i]],
      pool: columns.text.pool[columns.pool[i]],
      volumeMicro: columns.volumeMicro[i],
      period: columns.period[i] < 0 ? null : columns.text.period[columns.period[i]],
      housing: columns.text.housing[columns.housing[i]],
    });
  }
  return rows;
}

export function aggregateVolumesReference(columns: ClientRows, pools: Map<string, PoolDef>, log: ProblemLog): AggregatedVolumes {
  const rows = clientRowObjects(columns);
  const clients = new Map<string, ClientVolumes>();
  const poolVolumeMicro = new Map<string, number>();
  const seenPeriod = new Map<string, number>();
  const unknownPools = new Set<string>();
  for (const r of rows) {
    const pool = pools.get(r.pool);
    if (!pool) {
      if (!unknownPools.has(r.pool)) log.error("clientPoolUnknown", { table: "Brukare", row: r.row, column: "Pool" }, { pool: r.pool });
      unknownPools.add(r.pool);
      continue;
    }
    if (pool.kind !== "insats") {
      log.error("clientPoolIsSupport", { table: "Brukare", row: r.row, column: "Pool" }, { pool: r.pool });
      continue;
    }
    if (r.period !== null) {
      const key = `${r.clientId}\u0000${r.pool}\u0000${r.period}`;
      const first = seenPeriod.get(key);
      if (first !== undefined) {
        log.warning("duplicateClientRow", { table: "Brukare", row: r.row, column: "Period" }, {
          client: displayId(r.clientId),
          pool: r.pool,
          period: r.period,
          first,
        });
      } else seenPeriod.set(key, r.row);
    }
    let c = clients.get(r.clientId);
    if (!c) {
      c = { clientId: r.clientId, birthYear: r.birthYear, sex: r.sex, housing: r.housing, volumes: new Map() };
      clients.set(r.clientId, c);
    } else {
      if (c.birthYear === null) c.birthYear = r.birthYear;
      else if (r.birthYear !== null && r.birthYear !== c.birthYear) {
        log.warning("conflictingBirthYear", { table: "Brukare", row: r.row, column: "Födelseår" }, {
          client: displayId(r.clientId),
          first: c.birthYear,
          second: r.birthYear,
        });
      }
      if (!c.sex) c.sex = r.sex;
      if (!c.housing) c.housing = r.housing;
    }
    c.volumes.set(r.pool, (c.volumes.get(r.pool) ?? 0) + r.volumeMicro);
    poolVolumeMicro.set(r.pool, (poolVolumeMicro.get(r.pool) ?? 0) + r.volumeMicro);
  }
  return { clients, poolVolumeMicro };
}

// --- key figures: one pass per area × age group, per hemtjänst pool ---------------------------

export function consumptionRowsReference(input: KeyFigureInput): ConsumptionRow[] {
  const pools = new Map(input.pools.map((p) => [p.pool, p]));
  const groups = [...input.settings.ageGroups.map((g) => g.label), "alla"];
  const rows: ConsumptionRow[] = [];
  const areas = [...new Set(input.pools.filter((p) => p.kind === "insats" && p.area).map((p) => p.area))];
  const totalPopulation = [...input.population.values()].reduce((a, b) => a + b, 0);
  for (const area of areas) {
    for (const group of groups) {
      let cost = 0;
      let clients = 0;
      for (const c of input.clients) {
        if (group !== "alla" && c.ageGroup !== group) continue;
        let inArea = false;
        for (const [poolId, ore] of Object.entries(c.poolsOre)) {
          if (areaOf(poolId, pools) !== area) continue;
          inArea = true;
          cost = addOre(cost, ore);
        }
        if (inArea) clients++;
      }
      const inhabitants = group === "alla" ? totalPopulation : input.population.get(group) ?? 0;
      if (clients === 0 && inhabitants === 0) continue;
      rows.push({
        area,
        ageGroup: group,
        inhabitants,
        clients,
        costOre: cost,
        costPerClient: clients > 0 ? ratioString(oreToDec(cost).div(clients)) : null,
        costPerInhabitant: inhabitants > 0 ? ratioString(oreToDec(cost).div(inhabitants)) : null,
        clientShare: inhabitants > 0 ? ratioString(new Dec(clients).div(inhabitants)) : null,
      });
    }
  }
  return rows;
}

export function hourBandsReference(input: KeyFigureInput): { band: string; clients: number }[] {
  const hemtjanst = input.pools.filter((p) => isHemtjanst(p, input.catalogue)).map((p) => p.pool);
  const labels = bandLabels(input.settings.hourBands);
  const counts = labels.map(() => 0);
  const bands = input.settings.hourBands;
  for (const c of input.clients) {
    let micro = 0;
    let has = false;
    for (const id of hemtjanst) {
      if (isClientOf(c.volumesMicro[id])) {
        has = true;
        micro += c.volumesMicro[id];
      }
    }
    if (!has) continue;
    const hours = micro / 1e6;
    let index = 0;
    while (index + 1 < bands.length && hours > bands[index + 1]) index++;
    counts[index]++;
  }
  return labels.map((band, i) => ({ band, clients: counts[i] }));
}

function named(id: string, scope: string, value: Dec, fallback: { name: string; unit: string }): KeyFigure {
  const known = KEY_FIGURE_NAMES[id];
  return { id, name: known?.name ?? fallback.name, scope, value: ratioString(value), unit: known?.unit ?? fallback.unit, ...(known?.kolada ? { kolada: known.kolada } : {}) };
}

export function volumePerInhabitantFiguresReference(input: KeyFigureInput): KeyFigure[] {
  const oldGroups = input.settings.ageGroups.filter((g) => g.from >= 80).map((g) => g.label);
  const inhabitants = oldGroups.reduce((sum, g) => sum + (input.population.get(g) ?? 0), 0);
  if (inhabitants === 0) return [];
  const figures: KeyFigure[] = [];
  const measures: [string, string][] = [
    ["hemtjanst_timmar_per_inv_80", "hemtjanst_egen_kr_timme"],
    ["sabo_dygn_per_inv_80", "sabo_egen_kr_dygn_inkl_hsl"],
  ];
  for (const [id, catalogueFigure] of measures) {
    const poolIds = input.pools
      .filter((p) => p.kind === "insats" && catalogueOf(p, input.catalogue)?.keyFigure === catalogueFigure && figureFitsUnit(catalogueFigure, p.volumeUnit))
      .map((p) => p.pool);
    if (poolIds.length === 0) continue;
    let micro = 0;
    for (const c of input.clients) {
      if (c.birthYear === null || input.settings.year - c.birthYear < 80) continue;
      for (const id2 of poolIds) micro += c.volumesMicro[id2] ?? 0;
    }
    figures.push(named(id, "80 år och äldre", microToDec(micro).div(inhabitants), { name: id, unit: "per invånare" }));
  }
  return figures;
}
