import { microToDec, microToString, oreToDec, oreToString, ratioString, type KpbResult, type Problem } from "../engine";

/** The command line's JSON: money as strings with two decimals, unit costs unrounded up to twelve decimals. */
export function resultJson(result: KpbResult) {
  const r = result.reconciliation;
  return {
    year: result.year,
    municipality: result.municipality,
    // Only a monthly follow-up has a window other than the calendar year (the annual JSON is unchanged).
    ...(result.settings.period ? { period: { from: result.settings.period.from, to: result.settings.period.to } } : {}),
    reconciliation: {
      ledgerTotal: oreToString(r.ledgerTotalOre),
      pooled: oreToString(r.pooledOre),
      excluded: oreToString(r.excludedOre),
      uncoded: oreToString(r.uncodedOre),
      excludedByReason: Object.fromEntries(Object.entries(r.excludedByReason).map(([k, v]) => [k, oreToString(v)])),
      toClients: oreToString(r.toClientsOre),
      withoutVolume: oreToString(r.withoutVolumeOre),
      rows: {
        Ekonomi: { read: r.rowCounts.Ekonomi.read, counted: r.rowCounts.Ekonomi.counted, readAmount: oreToString(r.rowCounts.Ekonomi.readSum), countedAmount: oreToString(r.rowCounts.Ekonomi.countedSum) },
        Brukare: { read: r.rowCounts.Brukare.read, counted: r.rowCounts.Brukare.counted, readVolume: microToString(r.rowCounts.Brukare.readSum), countedVolume: microToString(r.rowCounts.Brukare.countedSum) },
      },
      setAside: r.setAside.map((g) => ({
        table: g.table,
        reason: g.reason,
        year: g.year,
        rows: g.rows.length,
        firstRow: g.rows[0],
        ...(g.table === "Ekonomi" ? { amount: oreToString(g.amountOre) } : { volume: microToString(g.volumeMicro) }),
      })),
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
      // From the exact quotient, never from an already rounded string.
      unitCost: p.unitCost === null ? null : ratioString(oreToDec(p.costOre).div(microToDec(p.volumeMicro))),
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

export function problemsJson(problems: readonly Problem[]) {
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
