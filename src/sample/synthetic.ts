import { DEFAULT_CATALOGUE, type CellValue } from "../engine";
import { exempelbyTables, hemtjanstHours, SAMPLE_YEAR, type SampleTables } from "./exempelby";
import { between, seededRandom } from "./random";

/**
 * Synthetic municipalities for the performance bench and the scale tests: every contract table as
 * 2-D arrays (header row first), seeded and deterministic (same seed, same arrays, byte for byte).
 *
 *   S  = Exempelby (8 294 client rows, 1 048 ledger rows, 21 pools, 548 clients)
 *   M  = 100 000 client rows, 20 000 ledger rows, 200 pools, 4 000 clients, 10 support pools
 *   L  = 1 000 000 client rows, 200 000 ledger rows, 2 000 pools, 40 000 clients, 30 support pools
 *        (the size of Sweden's largest municipalities, one year)
 *
 * The structure is what a real KPB year looks like: support pools first in `Pooler` and allocated
 * step-down with all three keys (kostnad to `*` and to `Område:…`, volym to a district's
 * hemtjänst or SÄBO pools, andel through `Nycklar`); coding rules that mix exact codes, Ansvar
 * prefixes, Konto ranges and an Aktivitet that routes night work to a support pool, with
 * exclusions at the top, a rule that is never used and a few uncoded ledger rows (warnings, not
 * errors: the run goes through and reconciles); client rows one per client × pool × month with
 * volumes in hours, days, months or portions; SÄBO and LSS places sized from the days in them.
 * Names, codes and amounts are invented.
 */
export type SyntheticSize = "S" | "M" | "L";

export interface SyntheticSpec {
  clientRows: number;
  ledgerRows: number;
  /** Intervention pools (support pools come on top). */
  pools: number;
  clients: number;
  supportPools: number;
}

export const SYNTHETIC_SPECS: Record<Exclude<SyntheticSize, "S">, SyntheticSpec> = {
  M: { clientRows: 100_000, ledgerRows: 20_000, pools: 200, clients: 4_000, supportPools: 10 },
  L: { clientRows: 1_000_000, ledgerRows: 200_000, pools: 2_000, clients: 40_000, supportPools: 30 },
};

export const SYNTHETIC_SEED = 20240101;

/** The contract tables of a synthetic municipality of the given size (S is Exempelby itself). */
export function syntheticTables(size: SyntheticSize | SyntheticSpec, seed = SYNTHETIC_SEED): SampleTables {
  if (size === "S") return exempelbyTables(seed);
  const spec = typeof size === "string" ? SYNTHETIC_SPECS[size] : size;
  return generate(spec, seed, typeof size === "string" ? `Storby ${size}` : "Storby");
}

/** Rows per table, without the header (for reports). */
export function tableRowCounts(tables: SampleTables): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, Math.max(0, rows.length - 1)]));
}

// ---------------------------------------------------------------------------------------------

type Area = "ÄO" | "FN" | "LSS" | "IFO";

interface InterventionKind {
  insats: string;
  area: Area;
  prefix: string;
  verksamhet: string;
  /** Share of the intervention pools. */
  weight: number;
  /** Kronor per volume unit, roughly as published KPB figures. */
  price: number;
  residential: boolean;
  /** Share of pools in annan regi (purchased). */
  purchased: number;
}

const KINDS: InterventionKind[] = [
  { insats: "Hemtjänst", area: "ÄO", prefix: "HT", verksamhet: "511", weight: 28, price: 560, residential: false, purchased: 0.25 },
  { insats: "Särskilt boende", area: "ÄO", prefix: "SABO", verksamhet: "512", weight: 14, price: 2600, residential: true, purchased: 0.15 },
  { insats: "Korttidsvård", area: "ÄO", prefix: "KORT", verksamhet: "513", weight: 3, price: 3200, residential: true, purchased: 0 },
  { insats: "HSL", area: "ÄO", prefix: "HSL", verksamhet: "514", weight: 5, price: 720, residential: false, purchased: 0 },
  { insats: "Trygghetslarm", area: "ÄO", prefix: "LARM", verksamhet: "515", weight: 2, price: 380, residential: false, purchased: 0.3 },
  { insats: "Matdistribution", area: "ÄO", prefix: "MAT", verksamhet: "517", weight: 1, price: 95, residential: false, purchased: 0.5 },
  { insats: "Dagverksamhet", area: "ÄO", prefix: "DAGV", verksamhet: "516", weight: 3, price: 1300, residential: false, purchased: 0 },
  { insats: "Boendestöd", area: "FN", prefix: "BST", verksamhet: "541", weight: 4, price: 690, residential: false, purchased: 0.1 },
  { insats: "Gruppbostad LSS", area: "LSS", prefix: "GRP", verksamhet: "521", weight: 10, price: 4200, residential: true, purchased: 0.2 },
  { insats: "Servicebostad LSS", area: "LSS", prefix: "SERV", verksamhet: "524", weight: 3, price: 2300, residential: true, purchased: 0.1 },
  { insats: "Daglig verksamhet", area: "LSS", prefix: "DV", verksamhet: "522", weight: 7, price: 950, residential: false, purchased: 0.15 },
  { insats: "Personlig assistans", area: "LSS", prefix: "PA", verksamhet: "523", weight: 5, price: 340, residential: false, purchased: 0.4 },
  { insats: "Korttidsvistelse LSS", area: "LSS", prefix: "KTV", verksamhet: "525", weight: 2, price: 5200, residential: true, purchased: 0 },
  { insats: "Ledsagarservice", area: "LSS", prefix: "LED", verksamhet: "526", weight: 1, price: 420, residential: false, purchased: 0 },
  { insats: "HVB", area: "IFO", prefix: "HVB", verksamhet: "531", weight: 5, price: 4800, residential: false, purchased: 0.9 },
  { insats: "Familjehem", area: "IFO", prefix: "FAM", verksamhet: "532", weight: 4, price: 1150, residential: false, purchased: 0.1 },
  { insats: "Öppenvård", area: "IFO", prefix: "OPV", verksamhet: "533", weight: 3, price: 900, residential: false, purchased: 0 },
];

const AREA_DIGIT: Record<Area, string> = { ÄO: "6", FN: "4", LSS: "7", IFO: "8" };
const DISTRICTS = ["Norr", "Söder", "Öster", "Väster", "Centrum", "Hamnen", "Bruket", "Ängen", "Skogen", "Åsen", "Dalen", "Backen", "Udden", "Viken"];

type CodingStyle = "exact" | "prefix" | "range";

interface Pool {
  id: string;
  kind: InterventionKind;
  enhet: string;
  regi: "egen" | "annan";
  ansvar: string;
  district: number;
  style: CodingStyle;
  /** Egen regi hemtjänst: rows with Aktivitet NATT go to the district's night support pool. */
  nightActivity: boolean;
  volume: number;
  cost: number;
  places: number | null;
}

interface Support {
  id: string;
  insats: string;
  enhet: string;
  ansvar: string;
  verksamhet: string;
  key: "kostnad" | "volym" | "andel";
  receivers: string;
  cost: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round2 = (x: number) => Math.round(x * 100) / 100;
const PERIODS = Array.from({ length: 12 }, (_, m) => `${SAMPLE_YEAR}-${pad(m + 1, 2)}`);
const DAYS_IN_MONTH = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(SAMPLE_YEAR, m + 1, 0)).getUTCDate());
const DAYS_IN_YEAR = DAYS_IN_MONTH.reduce((a, b) => a + b, 0);

function generate(spec: SyntheticSpec, seed: number, municipality: string): SampleTables {
  const random = seededRandom(seed);
  const pools = makePools(spec, random);
  const byKind = new Map<string, Pool[]>();
  for (const p of pools) {
    const list = byKind.get(p.kind.insats);
    if (list) list.push(p);
    else byKind.set(p.kind.insats, [p]);
  }
  const districts = Math.max(1, Math.floor((spec.supportPools - 8) / 2));
  const { rows: clientRows, clients } = makeClients(spec, pools, byKind, random);
  // Costs follow the volumes the clients use, at roughly published unit costs.
  for (const p of pools) {
    const volume = p.volume > 0 ? p.volume : 100;
    p.cost = Math.round(volume * p.kind.price * (0.8 + random() * 0.4));
    if (p.kind.residential && p.regi === "egen") p.places = Math.ceil((p.volume / DAYS_IN_YEAR) * 1.08) + 1;
  }
  const supports = makeSupports(spec, pools, districts, random);
  const keys = makeKeys(supports, pools, random);
  const ledger = makeLedger(spec, pools, supports, random);
  const rules = makeRules(pools, supports);
  return {
    Inställningar: [
      ["Inställning", "Värde"],
      ["År", SAMPLE_YEAR],
      ["Kommun", municipality],
      ["Kommunkod", "9998"],
      ["Fördelningsmetod", "stegvis"],
    ],
    Ekonomi: [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text"], ...ledger],
    Kodning: [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"], ...rules],
    Pooler: [
      ["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"],
      ...supports.map((s) => [s.id, s.insats, s.enhet, "egen", "stöd", s.key, s.receivers, null]),
      ...pools.map((p) => [p.id, p.kind.insats, p.enhet, p.regi, "insats", null, null, p.places]),
    ],
    Nycklar: [["Från", "Till", "Andel"], ...keys],
    Insatskatalog: [
      ["Insats", "Område", "Volymenhet", "Nyckeltal"],
      ...DEFAULT_CATALOGUE.map((e) => [e.insats, e.area, e.volumeUnit, e.keyFigure]),
    ],
    Brukare: [["BrukarID", "Födelseår", "Kön", "Pool", "Volym", "Period", "Boendeform"], ...clientRows],
    Befolkning: [["Åldersgrupp", "Antal"], ...population(clients)],
    Jämförelse: [
      ["Nyckeltal", "Värde", "Källa", "År", "Kommun"],
      ["hemtjanst_egen_kr_timme", 649, "KPB-snitt (Ensolutions jämförelsedatabas)", 2023, "KPB-snitt"],
      ["sabo_egen_kr_dygn_inkl_hsl", 2559, "KPB-snitt (Ensolutions jämförelsedatabas)", 2023, "KPB-snitt"],
      ["gruppbostad_egen_kr_dygn", 3900, "KPB-snitt (Ensolutions jämförelsedatabas)", 2023, "KPB-snitt"],
      ["daglig_verksamhet_egen_kr_dag", 1010, "KPB-snitt (Ensolutions jämförelsedatabas)", 2023, "KPB-snitt"],
    ],
  };
}

/** Intervention pools by the kinds' weights, largest remainder so the count is exact. */
function makePools(spec: SyntheticSpec, random: () => number): Pool[] {
  const totalWeight = KINDS.reduce((a, k) => a + k.weight, 0);
  const exact = KINDS.map((k) => (spec.pools * k.weight) / totalWeight);
  const counts = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = spec.pools - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]]++;
  for (let k = KINDS.length - 1; left < 0; k = (k + KINDS.length - 1) % KINDS.length) {
    if (counts[k] > 1) {
      counts[k]--;
      left++;
    }
  }
  const districts = Math.max(1, Math.floor((spec.supportPools - 8) / 2));
  const pools: Pool[] = [];
  const serialByArea = new Map<Area, number>();
  KINDS.forEach((kind, k) => {
    for (let i = 0; i < counts[k]; i++) {
      const serial = (serialByArea.get(kind.area) ?? 0) + 1;
      serialByArea.set(kind.area, serial);
      const district = i % districts;
      const regi = random() < kind.purchased ? "annan" : "egen";
      const u = random();
      const style: CodingStyle = u < 0.55 ? "exact" : u < 0.75 ? "prefix" : "range";
      pools.push({
        id: `${kind.prefix}_${pad(pools.length + 1, 4)}`,
        kind,
        enhet: `${kind.insats} ${DISTRICTS[district % DISTRICTS.length]} ${i + 1}${regi === "annan" ? " (extern)" : ""}`,
        regi,
        ansvar: `${AREA_DIGIT[kind.area]}${pad(serial, 4)}`,
        district,
        style,
        nightActivity: kind.insats === "Hemtjänst" && regi === "egen" && random() < 0.5,
        volume: 0,
        cost: 0,
        places: null,
      });
    }
  });
  return pools;
}

/** Who uses a kind of intervention: ages, housing, what comes with it. */
const PLANS: Record<string, { ages: [number, number]; housing: string; extras: [string, number][]; months: "year" | "short" | "any" }> = {
  Hemtjänst: { ages: [65, 99], housing: "Ordinärt", extras: [["HSL", 0.45], ["Trygghetslarm", 0.7], ["Matdistribution", 0.1], ["Dagverksamhet", 0.05]], months: "any" },
  "Särskilt boende": { ages: [66, 101], housing: "Särskilt", extras: [], months: "any" },
  Korttidsvård: { ages: [70, 98], housing: "Ordinärt", extras: [["Hemtjänst", 0.3]], months: "short" },
  HSL: { ages: [60, 96], housing: "Ordinärt", extras: [["Trygghetslarm", 0.3]], months: "any" },
  Trygghetslarm: { ages: [70, 96], housing: "Ordinärt", extras: [], months: "year" },
  Matdistribution: { ages: [70, 96], housing: "Ordinärt", extras: [["Trygghetslarm", 0.5]], months: "any" },
  Dagverksamhet: { ages: [70, 95], housing: "Ordinärt", extras: [["Hemtjänst", 0.5]], months: "any" },
  Boendestöd: { ages: [20, 64], housing: "Ordinärt", extras: [], months: "any" },
  "Gruppbostad LSS": { ages: [20, 70], housing: "Särskilt", extras: [["Daglig verksamhet", 0.7]], months: "year" },
  "Servicebostad LSS": { ages: [20, 64], housing: "Särskilt", extras: [["Daglig verksamhet", 0.6]], months: "year" },
  "Daglig verksamhet": { ages: [20, 64], housing: "Ordinärt", extras: [["Ledsagarservice", 0.1]], months: "year" },
  "Personlig assistans": { ages: [4, 64], housing: "Ordinärt", extras: [["Korttidsvistelse LSS", 0.15]], months: "year" },
  "Korttidsvistelse LSS": { ages: [7, 20], housing: "Ordinärt", extras: [], months: "any" },
  Ledsagarservice: { ages: [15, 64], housing: "Ordinärt", extras: [], months: "any" },
  HVB: { ages: [13, 19], housing: "", extras: [["Öppenvård", 0.3]], months: "short" },
  Familjehem: { ages: [1, 19], housing: "", extras: [], months: "any" },
  Öppenvård: { ages: [12, 60], housing: "", extras: [], months: "any" },
};

/** Volume in one month of one client's intervention (hours, days, months or portions). */
function monthlyVolume(intervention: string, random: () => number, month: number, annualHours: number): number {
  const days = DAYS_IN_MONTH[month];
  switch (intervention) {
    case "Hemtjänst":
      return round2(annualHours / 12);
    case "Särskilt boende":
    case "Gruppbostad LSS":
    case "Servicebostad LSS":
    case "Familjehem":
      return days - (random() < 0.1 ? between(random, 1, 5) : 0);
    case "HVB":
      return days;
    case "Korttidsvård":
      return between(random, 5, 25);
    case "Korttidsvistelse LSS":
      return between(random, 2, 8);
    case "HSL":
      return round2(1 + random() * 12);
    case "Trygghetslarm":
      return 1;
    case "Matdistribution":
      return between(random, 15, 60);
    case "Dagverksamhet":
      return between(random, 4, 12);
    case "Daglig verksamhet":
      return between(random, 12, 20);
    case "Personlig assistans":
      return round2(150 + random() * 300);
    case "Boendestöd":
      return round2(4 + random() * 26);
    case "Ledsagarservice":
      return round2(2 + random() * 8);
    default:
      return round2(1 + random() * 8);
  }
}

function activeMonths(kind: "year" | "short" | "any", random: () => number): [number, number] {
  if (kind === "year") return [0, 11];
  if (kind === "short") {
    const start = between(random, 0, 11);
    return [start, Math.min(11, start + between(random, 0, 2))];
  }
  if (random() < 0.75) return [0, 11];
  const start = between(random, 0, 10);
  return random() < 0.5 ? [start, 11] : [0, Math.max(start, between(random, 1, 11))];
}

interface ClientInfo {
  birth: number;
  area: Area;
  pools: Set<string>;
}

/**
 * One row per client × pool × active month. The first clients take the pools in turn so that
 * every pool has volume; the rest pick a kind by the pools' weights. Rows are cut or topped up
 * (a trygghetslarm, HSL or öppenvård for an existing client) to hit the row count exactly.
 */
function makeClients(spec: SyntheticSpec, pools: Pool[], byKind: Map<string, Pool[]>, random: () => number) {
  const rows: CellValue[][] = [];
  const clients: ClientInfo[] = [];
  const pickPool = (intervention: string, district: number): Pool => {
    const list = byKind.get(intervention)!;
    const sameDistrict = list.filter((p) => p.district === district);
    const from = sameDistrict.length && random() < 0.8 ? sameDistrict : list;
    return from[Math.floor(random() * from.length)];
  };
  const emit = (id: string, info: ClientInfo, sex: string, pool: Pool, housing: string, [from, to]: [number, number], limit: number) => {
    if (info.pools.has(pool.id)) return;
    info.pools.add(pool.id);
    const annualHours = pool.kind.insats === "Hemtjänst" ? hemtjanstHours(random) : 0;
    for (let m = from; m <= to && rows.length < limit; m++) {
      const volume = monthlyVolume(pool.kind.insats, random, m, annualHours);
      pool.volume += volume;
      rows.push([id, info.birth, sex, pool.id, volume, PERIODS[m], housing]);
    }
  };
  const kindWeights = KINDS.map((k) => k.weight);
  const weightSum = kindWeights.reduce((a, b) => a + b, 0);
  const pickKind = (): InterventionKind => {
    let u = random() * weightSum;
    for (let k = 0; k < KINDS.length; k++) {
      u -= kindWeights[k];
      if (u < 0) return KINDS[k];
    }
    return KINDS[KINDS.length - 1];
  };
  const ids: string[] = [];
  const sexes: string[] = [];
  for (let c = 0; c < spec.clients && rows.length < spec.clientRows; c++) {
    const primary = c < pools.length ? pools[c] : null;
    const kind = primary?.kind ?? pickKind();
    const plan = PLANS[kind.insats];
    const info: ClientInfo = { birth: SAMPLE_YEAR - between(random, plan.ages[0], plan.ages[1]), area: kind.area, pools: new Set() };
    const id = `K${pad(c + 1, 7)}`;
    const sex = random() < 0.55 ? "K" : "M";
    ids.push(id);
    sexes.push(sex);
    clients.push(info);
    const main = primary ?? pickPool(kind.insats, between(random, 0, 1000));
    const months = activeMonths(plan.months, random);
    emit(id, info, sex, main, plan.housing, months, spec.clientRows);
    for (const [extra, chance] of plan.extras) {
      if (random() < chance) emit(id, info, sex, pickPool(extra, main.district), plan.housing, activeMonths("any", random), spec.clientRows);
    }
  }
  // Top up to the exact row count with one more intervention for existing clients.
  const topUp: Record<Area, string> = { ÄO: "Trygghetslarm", FN: "Boendestöd", LSS: "Ledsagarservice", IFO: "Öppenvård" };
  for (let k = 0; rows.length < spec.clientRows; k++) {
    const c = k % clients.length;
    const info = clients[c];
    const before = rows.length;
    const pool = pickPool(topUp[info.area], between(random, 0, 1000));
    emit(ids[c], info, sexes[c], pool, PLANS[topUp[info.area]].housing, [0, 11], spec.clientRows);
    // A client who already has that pool gets the next pool of any kind instead.
    if (rows.length === before) emit(ids[c], info, sexes[c], pools[k % pools.length], "", [0, 11], spec.clientRows);
  }
  return { rows, clients };
}

/**
 * Support pools in step-down order: kommun and förvaltning overhead by direct cost to everything
 * below, myndighet per area by explicit shares, area management by direct cost to its area, then
 * per district the night patrol (volume of egen hemtjänst) and SÄBO nurses (volume of egen SÄBO).
 */
function makeSupports(spec: SyntheticSpec, pools: Pool[], districts: number, random: () => number): Support[] {
  const total = pools.reduce((a, p) => a + p.cost, 0);
  const areaCost = (area: Area) => pools.filter((p) => p.kind.area === area).reduce((a, p) => a + p.cost, 0);
  const supports: Support[] = [
    { id: "KOMMUN_OH", insats: "Kommungemensamt", enhet: "Kommunledning och service", ansvar: "1100", verksamhet: "100", key: "kostnad", receivers: "*", cost: total * 0.025 },
    { id: "FORV_OH", insats: "Förvaltningsledning", enhet: "Socialförvaltningens ledning", ansvar: "5000", verksamhet: "500", key: "kostnad", receivers: "*", cost: total * 0.02 },
    { id: "MYND_AO", insats: "Myndighetsutövning", enhet: "Biståndshandläggning ÄO", ansvar: "5110", verksamhet: "501", key: "andel", receivers: "", cost: areaCost("ÄO") * 0.02 },
    { id: "MYND_LSS", insats: "Myndighetsutövning", enhet: "LSS-handläggning", ansvar: "5120", verksamhet: "501", key: "andel", receivers: "", cost: areaCost("LSS") * 0.015 },
    { id: "MYND_IFO", insats: "Myndighetsutövning", enhet: "IFO-handläggning", ansvar: "5130", verksamhet: "501", key: "andel", receivers: "", cost: areaCost("IFO") * 0.04 },
    { id: "LEDN_AO", insats: "Verksamhetsledning", enhet: "Äldreomsorgens ledning", ansvar: "5210", verksamhet: "502", key: "kostnad", receivers: "Område:ÄO", cost: areaCost("ÄO") * 0.015 },
    { id: "LEDN_LSS", insats: "Verksamhetsledning", enhet: "Funktionsstödets ledning", ansvar: "5220", verksamhet: "502", key: "kostnad", receivers: "Område:LSS; Område:FN", cost: (areaCost("LSS") + areaCost("FN")) * 0.015 },
    { id: "LEDN_IFO", insats: "Verksamhetsledning", enhet: "IFO:s ledning", ansvar: "5230", verksamhet: "502", key: "kostnad", receivers: "Område:IFO", cost: areaCost("IFO") * 0.02 },
  ];
  const inDistrict = (intervention: string, d: number) => pools.filter((p) => p.kind.insats === intervention && p.regi === "egen" && p.district === d && p.volume > 0);
  for (let d = 0; d < districts; d++) {
    const name = DISTRICTS[d % DISTRICTS.length] + (d >= DISTRICTS.length ? ` ${Math.floor(d / DISTRICTS.length) + 1}` : "");
    const ht = inDistrict("Hemtjänst", d);
    const sabo = inDistrict("Särskilt boende", d);
    const htCost = ht.reduce((a, p) => a + p.cost, 0);
    const saboCost = sabo.reduce((a, p) => a + p.cost, 0);
    supports.push({
      id: `NATT_${pad(d + 1, 2)}`,
      insats: "Nattpatrull",
      enhet: `Nattpatrullen ${name}`,
      ansvar: `61${pad(d + 1, 2)}`,
      verksamhet: "511",
      key: "volym",
      receivers: ht.length ? ht.map((p) => p.id).join(", ") : "Insats:Hemtjänst",
      cost: Math.max(200_000, htCost * 0.06),
    });
    supports.push({
      id: `HSL_SABO_${pad(d + 1, 2)}`,
      insats: "HSL",
      enhet: `Sjuksköterskor i särskilt boende, ${name}`,
      ansvar: `64${pad(d + 1, 2)}`,
      verksamhet: "514",
      key: "volym",
      receivers: sabo.length ? sabo.map((p) => p.id).join("; ") : "Insats:Särskilt boende",
      cost: Math.max(300_000, saboCost * 0.08),
    });
  }
  if (supports.length < spec.supportPools) {
    supports.push({ id: "IT_STOD", insats: "IT-stöd", enhet: "Verksamhetssystem", ansvar: "5300", verksamhet: "503", key: "kostnad", receivers: "Område:ÄO, Område:LSS", cost: total * 0.004 });
  }
  for (const s of supports) s.cost = Math.round(s.cost * (0.9 + random() * 0.2));
  return supports.slice(0, Math.max(spec.supportPools, 8));
}

/** Nycklar for the andel pools: up to 40 pools of the area, shares in millionths summing to 1. */
function makeKeys(supports: Support[], pools: Pool[], random: () => number): CellValue[][] {
  const rows: CellValue[][] = [];
  const areas: Record<string, Area[]> = { MYND_AO: ["ÄO"], MYND_LSS: ["LSS", "FN"], MYND_IFO: ["IFO"] };
  for (const s of supports) {
    if (s.key !== "andel") continue;
    const candidates = pools.filter((p) => areas[s.id]?.includes(p.kind.area));
    const step = Math.max(1, Math.floor(candidates.length / 40));
    const chosen = candidates.filter((_, i) => i % step === 0).slice(0, 40);
    const weights = chosen.map(() => 1 + Math.floor(random() * 9));
    const sum = weights.reduce((a, b) => a + b, 0);
    const millionths = weights.map((w) => Math.floor((w * 1_000_000) / sum));
    millionths[0] += 1_000_000 - millionths.reduce((a, b) => a + b, 0);
    chosen.forEach((p, i) => rows.push([s.id, p.id, millionths[i] / 1_000_000]));
  }
  return rows;
}

const EGEN_ACCOUNTS: [string, string, number][] = [
  ["5110", "Lön månadsavlönade", 0.5],
  ["5130", "Lön timavlönade", 0.07],
  ["5610", "Personalomkostnader (PO)", 0.2],
  ["6110", "Lokalhyra", 0.08],
  ["6410", "Förbrukningsmaterial", 0.05],
  ["7310", "Leasing fordon", 0.02],
  ["7990", "Övriga kostnader", 0.08],
];
const PURCHASED_ACCOUNTS: [string, string, number][] = [
  ["4610", "Köp av huvudverksamhet", 0.97],
  ["7990", "Övriga kostnader", 0.03],
];

/**
 * The ledger: each unit's cost spread over its accounts and months, plus client fees (excluded),
 * financial assistance (excluded), Försäkringskassan's assistance compensation (revenue on the
 * assistance pools) and two rows nobody coded. Exactly `ledgerRows` rows.
 */
function makeLedger(spec: SyntheticSpec, pools: Pool[], supports: Support[], random: () => number): CellValue[][] {
  const extra: CellValue[][] = [];
  const push = (to: CellValue[][], ansvar: string, verksamhet: string, aktivitet: string, konto: string, amount: number, text: string) =>
    to.push([ansvar, verksamhet, aktivitet, konto, round2(amount), text]);
  for (const p of pools) {
    if (p.regi === "egen" && (p.kind.insats === "Hemtjänst" || p.kind.insats === "Särskilt boende")) {
      for (let q = 0; q < 4; q++) push(extra, p.ansvar, p.kind.verksamhet, "", "3410", -p.cost * 0.01 * (0.9 + random() * 0.2), "Omsorgsavgifter");
    }
    if (p.regi === "egen" && p.kind.insats === "Personlig assistans") {
      for (let m = 0; m < 12; m++) push(extra, p.ansvar, p.kind.verksamhet, "", "3510", (-p.cost * 0.7 / 12) * (0.95 + random() * 0.1), "Assistansersättning Försäkringskassan");
    }
  }
  const totalCost = pools.reduce((a, p) => a + p.cost, 0);
  for (let m = 0; m < 12; m++) push(extra, "8500", "535", "", "4710", (totalCost * 0.03) / 12, "Utbetalt försörjningsstöd");
  push(extra, "9990", "999", "", "7990", 12_345.67, "Felkonterat, ej kodat");
  push(extra, "9991", "999", "", "6410", 2_500, "Felkonterat, ej kodat");

  const units: { ansvar: string; verksamhet: string; cost: number; accounts: [string, string, number][]; style: CodingStyle; night: boolean; enhet: string }[] = [
    ...supports.map((s) => ({ ansvar: s.ansvar, verksamhet: s.verksamhet, cost: s.cost, accounts: EGEN_ACCOUNTS, style: "exact" as CodingStyle, night: false, enhet: s.enhet })),
    ...pools.map((p) => ({
      ansvar: p.ansvar,
      verksamhet: p.kind.verksamhet,
      cost: p.cost,
      accounts: p.regi === "annan" ? PURCHASED_ACCOUNTS : EGEN_ACCOUNTS,
      style: p.style,
      night: p.nightActivity,
      enhet: p.enhet,
    })),
  ];
  const main = Math.max(units.length, spec.ledgerRows - extra.length);
  const rows: CellValue[][] = [];
  const perUnit = Math.floor(main / units.length);
  let left = main - perUnit * units.length;
  for (const u of units) {
    const n = perUnit + (left-- > 0 ? 1 : 0);
    const a = u.accounts.length;
    for (let j = 0; j < n; j++) {
      const [konto, text, weight] = u.accounts[j % a];
      const count = Math.floor(n / a) + (j % a < n % a ? 1 : 0);
      const month = Math.floor(j / a) % 12;
      const ansvar = u.style === "prefix" ? `${u.ansvar}${1 + (j % 3)}` : u.ansvar;
      const aktivitet = u.night && konto.startsWith("5") && month % 3 === 0 ? "NATT" : "";
      push(rows, ansvar, u.verksamhet, aktivitet, konto, ((u.cost * weight) / count) * (0.9 + random() * 0.2), `${text} ${u.enhet}`);
    }
  }
  for (const r of extra) rows.push(r);
  return rows;
}

/**
 * Coding rules from the top: exclusions, the support pools by Ansvar, then per pool its rule in
 * the pool's style (night work first where it is routed to the night patrol), and at the bottom a
 * rule for a unit that closed, which matches nothing.
 */
function makeRules(pools: Pool[], supports: Support[]): CellValue[][] {
  const rules: CellValue[][] = [
    ["", "", "", "3410", "EXKL", "Brukaravgifter dras inte av i KPB"],
    ["", "535", "", "", "EXKL", "Ekonomiskt bistånd ingår inte i KPB"],
    ...supports.map((s) => [s.ansvar, "", "", "", s.id, ""]),
  ];
  for (const p of pools) {
    if (p.nightActivity) rules.push([p.style === "prefix" ? `${p.ansvar}*` : p.ansvar, "", "NATT", "", `NATT_${pad(p.district + 1, 2)}`, "Nattarbete"]);
    if (p.style === "exact") rules.push([p.ansvar, p.kind.verksamhet, "", "", p.id, ""]);
    else if (p.style === "prefix") rules.push([`${p.ansvar}*`, "", "", "", p.id, ""]);
    else {
      if (p.kind.insats === "Personlig assistans" && p.regi === "egen") rules.push([p.ansvar, "", "", "3000-3999", p.id, "Intäkter"]);
      rules.push([p.ansvar, "", "", "4000-8999", p.id, ""]);
    }
  }
  rules.push(["6999", "511", "", "", pools[0].id, "Enhet nedlagd året innan"]);
  return rules;
}

function population(clients: ClientInfo[]): CellValue[][] {
  const groups: [string, number, number, number][] = [
    ["0-19", 0, 19, 40],
    ["20-64", 20, 64, 90],
    ["65-79", 65, 79, 7],
    ["80-w", 80, 200, 2.6],
  ];
  return groups.map(([label, lo, hi, factor]) => {
    const n = clients.filter((c) => SAMPLE_YEAR - c.birth >= lo && SAMPLE_YEAR - c.birth <= hi).length;
    return [label, Math.max(100, Math.round(n * factor))];
  });
}
