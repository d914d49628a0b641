import { Rational } from "./benchmark/rational";
import { defaultEntryFor, matchCatalogue, nameKey } from "./catalogue";
import type { CatalogueEntry, ClientRows, PoolDef } from "./model";
import { oreToSwedish } from "./money";
import type { ProblemLog } from "./problems";
import { containsPersonalIdentityNumber, PNR_HIDDEN } from "./privacy";

export type Housing = "ordinärt" | "särskilt";

/**
 * Where a client's housing came from: the Boendeform column; the client's interventions (no
 * Boendeform given: särskilt boende days make "särskilt", other ÄO interventions "ordinärt"); or,
 * when the client's rows point to both, the housing with the largest cost in the year.
 */
export type HousingSource = "Boendeform" | "insatser" | "störst kostnad";

const SABO_FIGURE = "sabo_egen_kr_dygn_inkl_hsl";
const ORDINARY = new Set(["ordinart", "ordinart boende", "eget boende", "egen bostad", "eget hem", "hemma", "ordinary", "ordinary housing", "own home"]);

/** A Boendeform as the engine reads it: a housing, "pool" (a known name that says nothing about ÄO housing), or unknown. */
export type HousingReading = Housing | "pool" | "okänd";

/**
 * Reads a Boendeform with the intervention synonym list: "Vård- och omsorgsboende", "Äldreboende",
 * "SÄBO demens" are särskilt boende; "Ordinärt boende", "Eget boende" ordinary; another catalogue
 * name (Gruppbostad, Hemtjänst) leaves the row to its pool; anything else is unknown.
 */
export function readHousing(text: string, catalogue: Map<string, CatalogueEntry>): HousingReading {
  const key = nameKey(text);
  if (key === "") return "pool";
  if (ORDINARY.has(key) || key.startsWith("ordinart ")) return "ordinärt";
  if (key === "sarskilt" || key.startsWith("sarskilt ") || key.startsWith("sarskild boendeform")) return "särskilt";
  const entry = matchCatalogue(text, catalogue)?.entry ?? defaultEntryFor(text);
  if (!entry) return "okänd";
  return entry.keyFigure === SABO_FIGURE || defaultEntryFor(entry.insats)?.keyFigure === SABO_FIGURE ? "särskilt" : "pool";
}

/** Kön read so that "K", "Kvinna" and "kvinna" are one value. */
function sexKey(text: string): string {
  const key = nameKey(text);
  if (["k", "kv", "kvinna", "kvinnor", "f", "female", "woman"].includes(key)) return "K";
  if (["m", "man", "man", "men", "male"].includes(key)) return "M";
  return key;
}

export interface ClientFacts {
  housing: Housing;
  source: HousingSource;
  /** Volume per housing and pool, only when the client's rows point to two housings. */
  mixed: Map<Housing, Map<string, number>> | null;
  /** Housing as each first stated, for the conflict message. */
  firstStated: string | null;
  conflictStated: string | null;
  conflictRow: number | null;
}

/**
 * One pass over the client rows for the facts that may differ between a client's rows: housing
 * (stated, or from the pool where Boendeform is blank or says nothing about housing) and sex.
 * Unknown housing names and conflicting sexes are reported; the housing of a client whose rows
 * point two ways is decided by cost in `decideHousing` once client costs are known.
 */
export function clientFacts(
  rows: ClientRows,
  pools: Map<string, PoolDef>,
  housingOfPool: (pool: PoolDef) => Housing | null,
  catalogue: Map<string, CatalogueEntry>,
  log: ProblemLog,
): Map<string, ClientFacts> {
  const facts = new Map<string, ClientFacts>();
  const readings = new Map<string, HousingReading>();
  const unknown = new Map<string, { row: number; count: number }>();
  const { text } = rows;
  // Everything per code, read once: pools, housing readings, the sex keys, each client's facts.
  const poolOf = text.pool.map((id) => pools.get(id));
  const housingOf = poolOf.map((pool) => (pool && pool.kind === "insats" ? housingOfPool(pool) : null));
  const readingOf = text.housing.map((raw) => readHousing(raw, catalogue));
  text.housing.forEach((raw, code) => readings.set(raw, readingOf[code]));
  const sexKeyOf = text.sex.map(sexKey);
  const factsOf: (ClientFacts | undefined)[] = new Array(text.client.length);
  const firstSex = new Int32Array(text.client.length).fill(-1);
  const sexReported = new Uint8Array(text.client.length);
  // A volume already seen for a client whose rows so far all point one way.
  const volumesSoFar: (Map<string, number> | undefined)[] = new Array(text.client.length);
  for (let i = 0; i < rows.length; i++) {
    const pool = poolOf[rows.pool[i]];
    if (!pool || pool.kind !== "insats") continue;
    const client = rows.client[i];
    const rawCode = rows.housing[i];
    const raw = text.housing[rawCode];
    const reading = readingOf[rawCode];
    if (reading === "okänd") {
      const u = unknown.get(raw);
      if (u) u.count++;
      else unknown.set(raw, { row: rows.row[i], count: 1 });
    }
    const stated = reading === "ordinärt" || reading === "särskilt" ? reading : null;
    const housing = stated ?? housingOf[rows.pool[i]];
    // Kön: the first one counts; a different one is said once per client.
    const sex = rows.sex[i];
    if (text.sex[sex]) {
      const first = firstSex[client];
      if (first < 0) firstSex[client] = sex;
      else if (sexReported[client] === 0 && sexKeyOf[first] !== sexKeyOf[sex]) {
        sexReported[client] = 1;
        log.warning("conflictingSex", { table: "Brukare", row: rows.row[i], column: "Kön" }, { client: displayId(text.client[client]), first: text.sex[first], second: text.sex[sex] });
      }
    }
    let f = factsOf[client];
    if (!f) {
      f = { housing: housing ?? "ordinärt", source: "insatser", mixed: null, firstStated: null, conflictStated: null, conflictRow: null };
      factsOf[client] = f;
      facts.set(text.client[client], f);
    }
    if (stated) {
      if (f.firstStated === null) f.firstStated = raw;
      else if (f.conflictStated === null && readings.get(f.firstStated) !== stated) {
        f.conflictStated = raw;
        f.conflictRow = rows.row[i];
      }
    }
    if (housing === null) continue;
    const volume = rows.volumeMicro[i];
    if (!f.mixed) {
      let soFar = volumesSoFar[client];
      if (!soFar) volumesSoFar[client] = soFar = new Map();
      if (soFar.size === 0 || housing === f.housing) {
        if (soFar.size === 0) f.housing = housing;
        soFar.set(pool.id, (soFar.get(pool.id) ?? 0) + volume);
        continue;
      }
      f.mixed = new Map([[f.housing, soFar]]);
    }
    let byPool = f.mixed.get(housing);
    if (!byPool) f.mixed.set(housing, (byPool = new Map()));
    byPool.set(pool.id, (byPool.get(pool.id) ?? 0) + volume);
  }
  for (const f of facts.values()) f.source = f.mixed ? "störst kostnad" : f.firstStated !== null ? "Boendeform" : "insatser";
  for (const [value, u] of unknown) log.warning("unknownHousing", { table: "Brukare", row: u.row, column: "Boendeform" }, { value, count: u.count });
  return facts;
}

export function displayId(id: string): string {
  return containsPersonalIdentityNumber(id) ? PNR_HIDDEN : id;
}

/**
 * The housing of a client whose rows point two ways: the one with the largest cost in the year
 * (each row's volume at its pool's unit cost); a tie counts as särskilt boende. Two stated
 * Boendeform values that differ are reported with the amounts that decided.
 */
export function decideHousing(
  clientId: string,
  f: ClientFacts,
  poolCostOre: Map<string, number>,
  poolVolumeMicro: Map<string, number>,
  log: ProblemLog,
): Housing {
  if (!f.mixed) return f.housing;
  // Exact fractions (a few pools each): no rounding decides a close call, and no decimal work per client.
  const sabo = costShare(f.mixed.get("särskilt"), poolCostOre, poolVolumeMicro);
  const ordinary = costShare(f.mixed.get("ordinärt"), poolCostOre, poolVolumeMicro);
  const housing: Housing = sabo.cmp(ordinary) >= 0 ? "särskilt" : "ordinärt";
  if (f.conflictStated !== null && f.firstStated !== null) {
    const [chosen, other] = housing === "särskilt" ? [sabo, ordinary] : [ordinary, sabo];
    log.warning("conflictingHousing", { table: "Brukare", row: f.conflictRow, column: "Boendeform" }, {
      client: displayId(clientId),
      first: f.firstStated,
      second: f.conflictStated,
      chosen: housing === "särskilt" ? "särskilt boende" : "ordinärt boende",
      chosenAmount: oreToSwedish(chosen.toOre()),
      otherAmount: oreToSwedish(other.toOre()),
    });
  }
  return housing;
}

/** Σ pool cost × the client's volume ÷ the pool's volume over the pools of one housing, in kronor. */
function costShare(byPool: Map<string, number> | undefined, poolCostOre: Map<string, number>, poolVolumeMicro: Map<string, number>): Rational {
  let sum = Rational.ZERO;
  for (const [pool, micro] of byPool ?? []) {
    const total = poolVolumeMicro.get(pool) ?? 0;
    if (total !== 0) sum = sum.plus(Rational.of(BigInt(poolCostOre.get(pool) ?? 0) * BigInt(micro), BigInt(total) * 100n));
  }
  return sum;
}
