import { ratioString, Dec } from "./decimal";
import type { KpbResult, Problem } from "./model";
import { microToString, oreToString } from "./money";

/** The command line's JSON: money as strings with two decimals, unit costs with at least six. */
export function resultJson(result: KpbResult) {
  const r = result.reconciliation;
  return {
    year: result.year,
    municipality: result.municipality,
    reconciliation: {
      ledgerTotal: oreToString(r.ledgerTotalOre),
      pooled: oreToString(r.pooledOre),
      excluded: oreToString(r.excludedOre),
      uncoded: oreToString(r.uncodedOre),
      excludedByReason: Object.fromEntries(Object.entries(r.excludedByReason).map(([k, v]) => [k, oreToString(v)])),
      toClients: oreToString(r.toClientsOre),
      withoutVolume: oreToString(r.withoutVolumeOre),
      balanced: r.balanced,
    },
    pools: result.pools.map((p) => ({
      pool: p.pool,
      insats: p.insats,
      enhet: p.enhet,
      regi: p.regi,
      typ: p.kind,
      volume: microToString(p.volumeMicro),
      directCost: oreToString(p.directOre),
      allocatedCost: oreToString(p.allocatedOre),
      cost: oreToString(p.costOre),
      unitCost: p.unitCost === null ? null : ratioString(new Dec(p.unitCost)),
    })),
    clients: result.clients.map((c) => ({
      id: c.id,
      ageGroup: c.ageGroup,
      total: oreToString(c.totalOre),
      pools: Object.fromEntries(Object.entries(c.poolsOre).map(([k, v]) => [k, oreToString(v)])),
    })),
    keyFigures: result.keyFigures.map((f) => ({ id: f.id, name: f.name, scope: f.scope, value: f.value, unit: f.unit, ...(f.kolada ? { kolada: f.kolada } : {}) })),
    problems: problemsJson(result.problems),
  };
}

export function problemsJson(problems: Problem[]) {
  return problems.map((p) => ({
    table: p.table,
    row: p.row,
    column: p.column,
    severity: p.severity,
    code: p.code,
    message: p.message,
    ...(p.sheet ? { sheet: p.sheet } : {}),
    ...(p.cell ? { cell: p.cell } : {}),
  }));
}
