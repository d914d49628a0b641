import { decideHousing, type ClientFacts } from "./client-facts";
import { splitByWeights } from "./largest-remainder";
import type { ClientResult, ClientRows, PoolDef, Settings } from "./model";

/** A client while its cost is being split over the pools (the result's ClientResult is read-only). */
type ClientInProgress = { -readonly [K in keyof ClientResult]: ClientResult[K] } & { poolsOre: Record<string, number> };
import { addOre } from "./money";
import { containsPersonalIdentityNumber, PNR_HIDDEN, pseudonym } from "./privacy";
import type { ProblemLog } from "./problems";
import { ageGroupOf } from "./settings";

/**
 * "A client of this intervention" (of a pool): a client with volume above 0 in it. Rows with
 * volume 0 are warned about at reading and change nothing: such a client is not counted in the
 * client mix, in "N brukare", in cost per client or in the housing a pool implies.
 */
export function isClientOf(volumeMicro: number | undefined): boolean {
  return volumeMicro !== undefined && volumeMicro > 0;
}

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
export function aggregateVolumes(rows: ClientRows, pools: Map<string, PoolDef>, log: ProblemLog): AggregatedVolumes {
  const { text } = rows;
  // Everything per code, looked up once: the row loop is integer work.
  const poolOf = text.pool.map((id) => pools.get(id));
  const poolTotal = new Float64Array(text.pool.length);
  const poolUsed = new Uint8Array(text.pool.length);
  const unknownReported = new Uint8Array(text.pool.length);
  const clientOf: (ClientVolumes | undefined)[] = new Array(text.client.length);
  const clients = new Map<string, ClientVolumes>();
  // One entry per client × pool, in the order of its first row: its volume and, per month, its
  // first row. A client's pairs are chained from the client (a client has a few pools), so no
  // look-up by key per row; extracts list a client's rows of a pool together, so the last pair is reused.
  const periods = text.period.length;
  const firstPairOf = new Int32Array(text.client.length).fill(-1);
  const pairClient: number[] = [];
  const pairPool: number[] = [];
  const pairVolume: number[] = [];
  const nextPair: number[] = [];
  // Per pair, `periods` entries: the first row of each month (0 = none yet).
  let firstRows = new Int32Array(Math.max(1, periods) * 1024);
  let pair = -1;
  for (let i = 0; i < rows.length; i++) {
    const poolCode = rows.pool[i];
    const pool = poolOf[poolCode];
    if (!pool) {
      if (unknownReported[poolCode] === 0) log.error("clientPoolUnknown", { table: "Brukare", row: rows.row[i], column: "Pool" }, { pool: text.pool[poolCode] });
      unknownReported[poolCode] = 1;
      continue;
    }
    if (pool.kind !== "insats") {
      log.error("clientPoolIsSupport", { table: "Brukare", row: rows.row[i], column: "Pool" }, { pool: text.pool[poolCode] });
      continue;
    }
    const clientCode = rows.client[i];
    if (pair < 0 || pairClient[pair] !== clientCode || pairPool[pair] !== poolCode) {
      let found = -1;
      let last = -1;
      for (let p = firstPairOf[clientCode]; p >= 0; p = nextPair[p]) {
        if (pairPool[p] === poolCode) {
          found = p;
          break;
        }
        last = p;
      }
      if (found < 0) {
        found = pairClient.length;
        pairClient.push(clientCode);
        pairPool.push(poolCode);
        pairVolume.push(0);
        nextPair.push(-1);
        if (last < 0) firstPairOf[clientCode] = found;
        else nextPair[last] = found;
        if ((found + 1) * periods > firstRows.length) {
          const grown = new Int32Array(firstRows.length * 2);
          grown.set(firstRows);
          firstRows = grown;
        }
      }
      pair = found;
    }
    const period = rows.period[i];
    if (period >= 0) {
      const at = pair * periods + period;
      const first = firstRows[at];
      if (first !== 0) {
        log.warning("duplicateClientRow", { table: "Brukare", row: rows.row[i], column: "Period" }, {
          client: displayId(text.client[clientCode]),
          pool: text.pool[poolCode],
          period: text.period[period],
          first,
        });
      } else firstRows[at] = rows.row[i];
    }
    const birthYear = Number.isNaN(rows.birthYear[i]) ? null : rows.birthYear[i];
    const c = clientOf[clientCode];
    if (!c) {
      const clientId = text.client[clientCode];
      const created = { clientId, birthYear, sex: text.sex[rows.sex[i]], housing: text.housing[rows.housing[i]], volumes: new Map<string, number>() };
      clientOf[clientCode] = created;
      clients.set(clientId, created);
    } else {
      if (c.birthYear === null) c.birthYear = birthYear;
      else if (birthYear !== null && birthYear !== c.birthYear) {
        log.warning("conflictingBirthYear", { table: "Brukare", row: rows.row[i], column: "Födelseår" }, {
          client: displayId(c.clientId),
          first: c.birthYear,
          second: birthYear,
        });
      }
      if (!c.sex) c.sex = text.sex[rows.sex[i]];
      if (!c.housing) c.housing = text.housing[rows.housing[i]];
    }
    pairVolume[pair] += rows.volumeMicro[i];
    poolTotal[poolCode] += rows.volumeMicro[i];
    poolUsed[poolCode] = 1;
  }
  // Each client's pools in the order of their first row.
  for (let p = 0; p < pairClient.length; p++) clientOf[pairClient[p]]!.volumes.set(text.pool[pairPool[p]], pairVolume[p]);
  // Pools in the order of their first counted row.
  const poolVolumeMicro = new Map<string, number>();
  for (let code = 0; code < text.pool.length; code++) if (poolUsed[code] === 1) poolVolumeMicro.set(text.pool[code], poolTotal[code]);
  return { clients, poolVolumeMicro };
}

/**
 * An object keyed by pool id, without a prototype: thousands of clients each with their own few of
 * thousands of pools would otherwise each walk V8's shapes; and a pool called "constructor" is
 * then just a pool.
 */
function keyedByPool(entries: Iterable<[string, number]> = []): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [pool, value] of entries) out[pool] = value;
  return out;
}

/** Messages never repeat a personal identity number either. */
function displayId(id: string): string {
  return containsPersonalIdentityNumber(id) ? PNR_HIDDEN : id;
}

/** The costed clients, and per pool how many of them it has (those with a share of its cost). */
export interface CostedClients {
  clients: ClientResult[];
  clientCount: Map<string, number>;
}

/**
 * Splits each pool's cost over its clients by volume, to the öre, largest remainder, ties to the
 * client whose id sorts first as text. Σ clients = pool cost exactly.
 */
export function costClients(
  aggregated: AggregatedVolumes,
  pools: PoolDef[],
  poolCostOre: Map<string, number>,
  facts: Map<string, ClientFacts>,
  settings: Settings,
  secret: string,
  log: ProblemLog,
): CostedClients {
  const ids = [...aggregated.clients.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered: ClientInProgress[] = [];
  // Each pool's users with their volume and result, so the split needs no look-ups per client.
  const usersByPool = new Map<string, { volume: number; result: ClientInProgress }[]>();
  let hidden = 0;
  const mixed: { id: string; facts: ClientFacts; result: ClientInProgress }[] = [];
  for (const id of ids) {
    const c = aggregated.clients.get(id)!;
    const sensitive = containsPersonalIdentityNumber(id);
    if (sensitive) hidden++;
    const age = c.birthYear === null ? null : settings.year - c.birthYear;
    const f = facts.get(id);
    const uses: { volume: number; result: ClientInProgress }[] = [];
    for (const [poolId, volume] of c.volumes) {
      if (isClientOf(volume)) {
        const use = { volume, result: null as unknown as ClientInProgress };
        uses.push(use);
        const users = usersByPool.get(poolId);
        if (users) users.push(use);
        else usersByPool.set(poolId, [use]);
      }
    }
    const result: ClientInProgress = {
      id: sensitive ? pseudonym(id, secret) : id,
      birthYear: c.birthYear,
      ageGroup: age === null ? "okänd" : ageGroupOf(age, settings.ageGroups),
      sex: c.sex,
      housing: f?.housing ?? "ordinärt",
      housingSource: f?.source ?? "insatser",
      totalOre: 0,
      poolsOre: keyedByPool(),
      volumesMicro: keyedByPool(c.volumes),
      outlierScopes: [],
    };
    for (const use of uses) use.result = result;
    // Only rows with volume 0 (each warned as it was read): a client of no intervention, so not a
    // client in any count, sheet or "N brukare".
    if (uses.length === 0) continue;
    ordered.push(result);
    if (f?.mixed) mixed.push({ id, facts: f, result });
  }
  if (hidden > 0) log.warning("personalIdentityNumber", { table: "Brukare", row: null, column: "BrukarID" }, { count: hidden });
  const clientCount = new Map<string, number>();
  for (const pool of pools) {
    if (pool.kind !== "insats") continue;
    const users = usersByPool.get(pool.id);
    if (!users) continue;
    clientCount.set(pool.id, users.length);
    const weights = users.map((u) => BigInt(u.volume));
    const shares = splitByWeights(poolCostOre.get(pool.id) ?? 0, weights);
    users.forEach((u, i) => {
      u.result.poolsOre[pool.id] = shares[i];
      u.result.totalOre = addOre(u.result.totalOre, shares[i]);
    });
  }
  // Housing by cost needs the pools' unit costs, so it is decided after the split.
  for (const m of mixed) m.result.housing = decideHousing(m.id, m.facts, poolCostOre, aggregated.poolVolumeMicro, log);
  // Listed by the id as written: pseudonyms must not come out in personnummer (birth date) order.
  return { clients: ordered.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), clientCount };
}
