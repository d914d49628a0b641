import { fold } from "./cells";
import { matchCatalogue } from "./catalogue";
import { Dec, ratioString } from "./decimal";
import { isClientOf } from "./client-costs";
import { ageGroupText, FIGURE_NAMES, fixedFigureName, hourBandText, KEY_FIGURE_NAMES, type FigureNameKey } from "./key-figure-names";
import type { CatalogueEntry, ClientResult, ConsumptionRow, KeyFigure, OutlierScope, PoolResult, Settings } from "./model";
import { addOre, microToDec, oreToDec } from "./money";
import { interventionPools, unitCostOf } from "./unit-costs";
import { figureFitsUnit } from "./volume-units";

/** Everything the key figures are computed from: one run's pools, clients and population. */
export interface KeyFigureInput {
  pools: PoolResult[];
  clients: ClientResult[];
  catalogue: Map<string, CatalogueEntry>;
  population: Map<string, number>;
  settings: Settings;
  /**
   * Inhabitants of all ages and aged 80 and over, fitted exactly from the Befolkning rows
   * (population.ts), whatever the age groups: null when the rows cannot give them. Absent: the
   * sum of the groups (all ages) and of the groups from 80 (80+).
   */
  inhabitantsAll?: number | null;
  inhabitants80?: number | null;
}


const unitOf = (volumeUnit: string) =>
  `kr/${volumeUnit.replace(/^timmar$/, "timme").replace(/^dagar$/, "dag").replace(/^månader$/, "månad").replace(/^portioner$/, "portion").replace(/^veckor$/, "vecka") || "enhet"}`;

function named(id: string, scope: string, value: Dec, fallback: { key: FigureNameKey; params: Record<string, string>; unit: string }): KeyFigure {
  const known = KEY_FIGURE_NAMES[id];
  return {
    id,
    name: known?.name ?? FIGURE_NAMES[fallback.key].sv(fallback.params),
    scope,
    value: ratioString(value),
    unit: known?.unit ?? fallback.unit,
    ...(known?.kolada ? { kolada: known.kolada } : {}),
    ...(known ? {} : { nameParts: { key: fallback.key, params: fallback.params } }),
  };
}

/** A hemtjänst figure named per the hours its volumes are (Inställningar → Hemtjänsttid); the value is the same. */
function perHomeCareHour(figure: KeyFigure, settings: Settings): KeyFigure {
  const hours = settings.homeCareHours ?? "beviljad";
  return { ...figure, name: fixedFigureName(figure.id, "sv", hours) ?? figure.name, nameParts: { key: "homeCareHour", params: { id: figure.id, hours } } };
}

/** Σ cost ÷ Σ volume over the pools chosen (unit-costs.ts: only pools with volume), or null. */
function unitCostOver(pools: PoolResult[], costOf?: (p: PoolResult) => number): Dec | null {
  const value = unitCostOf(pools, costOf).value;
  return value === null ? null : new Dec(value);
}

/** The catalogue entry of a pool's Insats, by name or by the synonym list (see catalogue.ts). */
export function catalogueOf(pool: { insats: string }, catalogue: Map<string, CatalogueEntry>): CatalogueEntry | undefined {
  return matchCatalogue(pool.insats, catalogue)?.entry;
}

/** Support pools whose intervention is HSL: their share in a SÄBO day is "HSL i särskilt boende". */
export function isHslSupport(pool: PoolResult, catalogue: Map<string, CatalogueEntry>): boolean {
  return pool.kind === "stöd" && (fold(pool.insats) === "hsl" || catalogueOf(pool, catalogue)?.keyFigure === "hsl_kr_timme");
}

export function unitCostFigures(input: KeyFigureInput): KeyFigure[] {
  const { pools, catalogue } = input;
  const figures: KeyFigure[] = [];
  const poolsOfInterventions = pools.filter((p) => p.kind === "insats");
  for (const p of poolsOfInterventions) {
    if (p.unitCost === null) continue;
    figures.push(named(`styckkostnad:${p.pool}`, p.pool, new Dec(p.unitCost), {
      key: "poolUnitCost",
      params: { insats: p.insats, enhet: p.enhet, regi: p.regi, pool: p.pool },
      unit: unitOf(p.volumeUnit),
    }));
  }
  // Per intervention: egen regi, annan regi and both, in catalogue order of first appearance.
  const interventions = [...new Set(poolsOfInterventions.map((p) => p.insats))];
  for (const intervention of interventions) {
    const same = interventionPools(poolsOfInterventions, intervention, "alla");
    for (const regi of ["egen", "annan", "alla"] as const) {
      const chosen = interventionPools(same, intervention, regi);
      const value = chosen.length ? unitCostOver(chosen) : null;
      if (value === null || (regi === "alla" && chosen.length === same.filter((p) => p.regi === "egen").length)) continue;
      figures.push(named(`styckkostnad:${intervention}:${regi}`, `${intervention}, ${regi === "alla" ? "egen och annan regi" : `${regi} regi`}`, value, {
        key: "interventionUnitCost",
        params: { insats: intervention, regi },
        unit: unitOf(same[0].volumeUnit),
      }));
    }
  }
  // The published KPB figures: the catalogue says which intervention each one measures (egen regi).
  const hsl = pools.filter((p) => isHslSupport(p, catalogue)).map((p) => p.pool);
  const hslShare = (p: PoolResult) => hsl.reduce((sum, id) => addOre(sum, p.receivedOre[id] ?? 0), 0);
  for (const entry of new Map([...catalogue.values()].map((e) => [e.keyFigure, e])).values()) {
    if (!entry.keyFigure) continue;
    // A published figure only over volumes in its own unit (volume-units.ts; the run warned).
    const own = poolsOfInterventions.filter((p) => p.regi === "egen" && catalogueOf(p, catalogue)?.keyFigure === entry.keyFigure && figureFitsUnit(entry.keyFigure, p.volumeUnit));
    const value = unitCostOver(own);
    if (value === null) continue;
    const scope = `${entry.insats}, egen regi`;
    const fallback = { key: "catalogueFigure" as const, params: { insats: entry.insats }, unit: unitOf(entry.volumeUnit) };
    if (entry.keyFigure === "hemtjanst_egen_kr_timme") {
      // The published figure excludes delegated HSL (SKR's definition): what HSL support pools
      // passed to the hemtjänst pools is taken out; with any, the figure including it is shown too.
      figures.push(perHomeCareHour(named(entry.keyFigure, scope, unitCostOver(own, (p) => p.costOre - hslShare(p))!, fallback), input.settings));
      if (own.some((p) => hslShare(p) !== 0)) figures.push(perHomeCareHour(named("hemtjanst_egen_kr_timme_inkl_hsl", scope, value, fallback), input.settings));
      continue;
    }
    figures.push(named(entry.keyFigure, scope, value, fallback));
    if (entry.keyFigure === "sabo_egen_kr_dygn_inkl_hsl") {
      figures.push(named("sabo_egen_kr_dygn_exkl_hsl", scope, unitCostOver(own, (p) => p.costOre - hslShare(p))!, fallback));
      figures.push(named("hsl_sabo_kr_dygn", scope, unitCostOver(own, hslShare)!, fallback));
    }
    if (entry.keyFigure === "pers_ass_netto_kr_timme") {
      figures.push(named("pers_ass_brutto_kr_timme", scope, unitCostOver(own, (p) => p.costOre - p.directByCategoryOre.Intäkter)!, fallback));
    }
  }
  return figures;
}

/** The area a pool's cost belongs to, from the catalogue ("" when unknown). */
export function areaOf(poolId: string, pools: Map<string, PoolResult>): string {
  return pools.get(poolId)?.area ?? "";
}

export function consumptionRows(input: KeyFigureInput): ConsumptionRow[] {
  const pools = new Map(input.pools.map((p) => [p.pool, p]));
  const groups = [...input.settings.ageGroups.map((g) => g.label), "alla"];
  const rows: ConsumptionRow[] = [];
  const areas = [...new Set(input.pools.filter((p) => p.kind === "insats" && p.area).map((p) => p.area))];
  const totalPopulation = input.inhabitantsAll !== undefined ? input.inhabitantsAll ?? 0 : [...input.population.values()].reduce((a, b) => a + b, 0);
  // One pass over the clients (not one per area × age group): cost and distinct clients per cell.
  const areaIndex = new Map(areas.map((a, i) => [a as string, i]));
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const width = groups.length;
  const all = width - 1;
  const costs = new Array<number>(areas.length * width).fill(0);
  const counts = new Array<number>(areas.length * width).fill(0);
  const lastClient = new Array<number>(areas.length).fill(-1);
  input.clients.forEach((c, k) => {
    const g = c.ageGroup === "alla" ? undefined : groupIndex.get(c.ageGroup);
    for (const poolId in c.poolsOre) {
      const a = areaIndex.get(areaOf(poolId, pools));
      if (a === undefined) continue;
      const ore = c.poolsOre[poolId];
      costs[a * width + all] = addOre(costs[a * width + all], ore);
      if (g !== undefined) costs[a * width + g] = addOre(costs[a * width + g], ore);
      if (lastClient[a] !== k) {
        lastClient[a] = k;
        counts[a * width + all]++;
        if (g !== undefined) counts[a * width + g]++;
      }
    }
  });
  for (const [a, area] of areas.entries()) {
    for (const [g, group] of groups.entries()) {
      const cost = costs[a * width + g];
      const clients = counts[a * width + g];
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

export function consumptionFigures(rows: ConsumptionRow[]): KeyFigure[] {
  const figures: KeyFigure[] = [];
  for (const r of rows) {
    const scope = `${r.area}, ${ageGroupText(r.ageGroup, "sv")}`;
    const suffix = `${r.area}:${r.ageGroup}`;
    if (r.costPerClient !== null) {
      figures.push(named(`kostnad_per_brukare:${suffix}`, scope, new Dec(r.costPerClient), { key: "costPerClient", params: { area: r.area, ageGroup: r.ageGroup }, unit: "kr/brukare" }));
    }
    if (r.costPerInhabitant !== null) {
      figures.push(named(`kostnad_per_invanare:${suffix}`, scope, new Dec(r.costPerInhabitant), { key: "costPerInhabitant", params: { area: r.area, ageGroup: r.ageGroup }, unit: "kr/invånare" }));
      figures.push(named(`andel_brukare:${suffix}`, scope, new Dec(r.clientShare!).times(100), { key: "clientShare", params: { area: r.area, ageGroup: r.ageGroup }, unit: "%" }));
    }
  }
  return figures;
}

export const OUTLIER_SCOPES: OutlierScope[] = ["ÄO ordinärt boende", "ÄO särskilt boende", "LSS", "IFO"];
const OUTLIER_IDS: Record<OutlierScope, string> = {
  "ÄO ordinärt boende": "ytterfall_ordinart_andel",
  "ÄO särskilt boende": "ytterfall_sabo_andel",
  LSS: "ytterfall_lss_andel",
  IFO: "ytterfall_ifo_andel",
};

/** A client's annual cost within an outlier scope, or null when the client is outside it. */
export function costInScope(client: ClientResult, scope: OutlierScope, pools: Map<string, PoolResult>): number | null {
  const area = scope.startsWith("ÄO") ? "ÄO" : scope;
  if (scope === "ÄO ordinärt boende" && client.housing !== "ordinärt") return null;
  if (scope === "ÄO särskilt boende" && client.housing !== "särskilt") return null;
  let cost: number | null = null;
  for (const [poolId, ore] of Object.entries(client.poolsOre)) {
    if (areaOf(poolId, pools) === area) cost = addOre(cost ?? 0, ore);
  }
  return cost;
}

/**
 * The outliers: each client with the outlier scopes whose limit it exceeds, and the share per
 * scope (percent of clients in scope) as key figures.
 */
export function outlierFigures(input: KeyFigureInput): { clients: ClientResult[]; figures: KeyFigure[] } {
  const pools = new Map(input.pools.map((p) => [p.pool, p]));
  const limits = OUTLIER_SCOPES.map((scope) => input.settings.outlierLimitsOre[scope]);
  const inScope = OUTLIER_SCOPES.map(() => 0);
  const over = OUTLIER_SCOPES.map(() => 0);
  // Each client's pools are read once for all scopes (costInScope per scope and client reads them four times).
  const costByArea = new Map<string, number>();
  const scopeArea = (scope: OutlierScope) => (scope.startsWith("ÄO") ? "ÄO" : scope);
  const areas = new Set<string>(OUTLIER_SCOPES.map(scopeArea));
  const clients = input.clients.map((c) => {
    costByArea.clear();
    for (const poolId in c.poolsOre) {
      const area = areaOf(poolId, pools);
      if (areas.has(area)) costByArea.set(area, addOre(costByArea.get(area) ?? 0, c.poolsOre[poolId]));
    }
    const outlierScopes: OutlierScope[] = [];
    OUTLIER_SCOPES.forEach((scope, k) => {
      if (scope === "ÄO ordinärt boende" && c.housing !== "ordinärt") return;
      if (scope === "ÄO särskilt boende" && c.housing !== "särskilt") return;
      const cost = costByArea.get(scopeArea(scope));
      if (cost === undefined) return;
      inScope[k]++;
      if (cost > limits[k]) {
        over[k]++;
        outlierScopes.push(scope);
      }
    });
    return outlierScopes.length > 0 ? { ...c, outlierScopes } : c;
  });
  const figures: KeyFigure[] = [];
  OUTLIER_SCOPES.forEach((scope, k) => {
    if (inScope[k] === 0) return;
    figures.push(named(OUTLIER_IDS[scope], scope, new Dec(over[k]).div(inScope[k]).times(100), { key: "outlier", params: { scope }, unit: "%" }));
  });
  return { clients, figures };
}

/** A hemtjänst pool counted in hours (the hour bands and hours per inhabitant count hours only). */
export function isHemtjanst(pool: PoolResult, catalogue: Map<string, CatalogueEntry>): boolean {
  return pool.kind === "insats" && catalogueOf(pool, catalogue)?.keyFigure === "hemtjanst_egen_kr_timme" && figureFitsUnit("hemtjanst_egen_kr_timme", pool.volumeUnit);
}

export function bandLabels(bands: readonly number[]): string[] {
  return bands.map((lo, i) => (i + 1 < bands.length ? `${lo}-${bands[i + 1]}` : `${lo}-w`));
}

/** Hemtjänst clients (egen and annan regi) per band of annual hours: lo < h ≤ hi (the first band from 0). */
export function hourBands(input: KeyFigureInput): { band: string; clients: number }[] {
  const hemtjanst = new Set(input.pools.filter((p) => isHemtjanst(p, input.catalogue)).map((p) => p.pool));
  const labels = bandLabels(input.settings.hourBands);
  const counts = labels.map(() => 0);
  const bands = input.settings.hourBands;
  for (const c of input.clients) {
    // The client's own pools (a few), not every hemtjänst pool (hundreds in a large municipality).
    let micro = 0;
    let has = false;
    for (const id in c.volumesMicro) {
      if (hemtjanst.has(id) && isClientOf(c.volumesMicro[id])) {
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

export function hourBandFigures(bands: { band: string; clients: number }[], hours: "beviljad" | "utförd" = "beviljad"): KeyFigure[] {
  const total = bands.reduce((a, b) => a + b.clients, 0);
  if (total === 0) return [];
  return bands.map((b) =>
    named(`brukarmix:${b.band}`, `Hemtjänst, ${hourBandText(b.band, "sv")} timmar per år`, new Dec(b.clients).div(total).times(100), {
      key: "hourBand",
      params: { band: b.band, hours },
      unit: "%",
    }),
  );
}

/** Volumes per inhabitant 80+: hemtjänst hours and SÄBO days of clients aged 80 and over. */
export function volumePerInhabitantFigures(input: KeyFigureInput): KeyFigure[] {
  // "80+" means 80 and over, whatever the age groups (85-w inhabitants never stand for 80-w).
  const oldGroups = input.settings.ageGroups.filter((g) => g.from >= 80).map((g) => g.label);
  const inhabitants = input.inhabitants80 !== undefined ? input.inhabitants80 ?? 0 : oldGroups.reduce((sum, g) => sum + (input.population.get(g) ?? 0), 0);
  if (inhabitants === 0) return [];
  const figures: KeyFigure[] = [];
  const measures: [string, string][] = [
    ["hemtjanst_timmar_per_inv_80", "hemtjanst_egen_kr_timme"],
    ["sabo_dygn_per_inv_80", "sabo_egen_kr_dygn_inkl_hsl"],
  ];
  for (const [id, catalogueFigure] of measures) {
    const poolIds = new Set(
      input.pools.filter((p) => p.kind === "insats" && catalogueOf(p, input.catalogue)?.keyFigure === catalogueFigure && figureFitsUnit(catalogueFigure, p.volumeUnit)).map((p) => p.pool),
    );
    if (poolIds.size === 0) continue;
    let micro = 0;
    for (const c of input.clients) {
      if (c.birthYear === null || input.settings.year - c.birthYear < 80) continue;
      for (const id2 in c.volumesMicro) if (poolIds.has(id2)) micro += c.volumesMicro[id2] ?? 0;
    }
    figures.push(named(id, "80 år och äldre", microToDec(micro).div(inhabitants), { key: "areaTotal", params: { area: id }, unit: "per invånare" }));
  }
  return figures;
}

export function areaTotalFigures(pools: PoolResult[]): KeyFigure[] {
  const totals = new Map<string, number>();
  for (const p of pools) if (p.kind === "insats" && p.area) totals.set(p.area, addOre(totals.get(p.area) ?? 0, p.costOre));
  return [...totals].map(([area, ore]) => named(`kostnad_total:${area}`, area, oreToDec(ore), { key: "areaTotal", params: { area }, unit: "kr" }));
}
