import { fold } from "./cells";
import { splitByWeights } from "./largest-remainder";
import type { ClientResult, ClientVolumeRow, PoolDef, Settings } from "./model";
import { addOre } from "./money";
import { containsPersonalIdentityNumber, PNR_HIDDEN, pseudonym } from "./privacy";
import type { ProblemLog } from "./problems";
import { ageGroupOf } from "./settings";

/** A client's volumes summed per pool, before any decimal work (one entry per client × pool). */
export interface ClientVolumes {
  clientId: string;
  birthYear: number | null;
  sex: string;
  housing: string;
  volumes: Map<string, number>;
}

export interface AggregatedVolumes {
  clients: Map<string, ClientVolumes>;
  poolVolumeMicro: Map<string, number>;
}

/**
 * Sums the client rows per client and pool (the expensive pass is plain integer work), checks
 * that every pool exists and is an intervention pool, and flags repeated client-pool-period rows
 * and conflicting birth years.
 */
export function aggregateVolumes(rows: ClientVolumeRow[], pools: Map<string, PoolDef>, log: ProblemLog): AggregatedVolumes {
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

/** Messages never repeat a personal identity number either. */
function displayId(id: string): string {
  return containsPersonalIdentityNumber(id) ? PNR_HIDDEN : id;
}

/**
 * Splits each pool's cost over its clients by volume, to the öre, largest remainder, ties to the
 * client whose id sorts first as text. Σ clients = pool cost exactly.
 */
export function costClients(
  aggregated: AggregatedVolumes,
  pools: PoolDef[],
  poolCostOre: Map<string, number>,
  isResidential: (pool: PoolDef) => boolean,
  settings: Settings,
  secret: string,
  log: ProblemLog,
): ClientResult[] {
  const ids = [...aggregated.clients.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const results = new Map<string, ClientResult>();
  const poolById = new Map(pools.map((p) => [p.id, p]));
  const usersByPool = new Map<string, string[]>();
  let hidden = 0;
  for (const id of ids) {
    const c = aggregated.clients.get(id)!;
    const sensitive = containsPersonalIdentityNumber(id);
    if (sensitive) hidden++;
    const age = c.birthYear === null ? null : settings.year - c.birthYear;
    const byHousingColumn = fold(c.housing);
    let inResidentialPool = false;
    for (const [poolId, volume] of c.volumes) {
      const pool = poolById.get(poolId);
      if (pool && isResidential(pool)) inResidentialPool = true;
      if (volume > 0) {
        const users = usersByPool.get(poolId);
        if (users) users.push(id);
        else usersByPool.set(poolId, [id]);
      }
    }
    results.set(id, {
      id: sensitive ? pseudonym(id, secret) : id,
      birthYear: c.birthYear,
      ageGroup: age === null ? "okänd" : ageGroupOf(age, settings.ageGroups),
      sex: c.sex,
      housing: byHousingColumn.startsWith("sarskilt") || byHousingColumn === "sabo" || (byHousingColumn === "" && inResidentialPool) ? "särskilt" : "ordinärt",
      totalOre: 0,
      poolsOre: {},
      volumesMicro: Object.fromEntries(c.volumes),
      outlierScopes: [],
    });
  }
  if (hidden > 0) log.warning("personalIdentityNumber", { table: "Brukare", row: null, column: "BrukarID" }, { count: hidden });
  for (const pool of pools) {
    if (pool.kind !== "insats") continue;
    const users = usersByPool.get(pool.id);
    if (!users) continue;
    const weights = users.map((id) => BigInt(aggregated.clients.get(id)!.volumes.get(pool.id)!));
    const shares = splitByWeights(poolCostOre.get(pool.id) ?? 0, weights);
    users.forEach((id, i) => {
      const r = results.get(id)!;
      r.poolsOre[pool.id] = shares[i];
      r.totalOre = addOre(r.totalOre, shares[i]);
    });
  }
  // Listed by the id as written: pseudonyms must not come out in personnummer (birth date) order.
  return ids.map((id) => results.get(id)!).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
