import { type CellValue, type TableName } from "../engine";
import { between, seededRandom } from "./random";

/**
 * Exempelby: a made-up municipality of about 10 000 inhabitants with every contract table, for
 * the demo, the tests and a new user's first minute. Orders of magnitude follow published KPB
 * figures (hemtjänst 400–800 kr per granted hour, särskilt boende 2 000–3 000 kr per day); the
 * names, codes and amounts are invented. It carries deliberate warnings: an unused coding rule and
 * a pool with cost but no volume.
 */
export type SampleTables = Record<TableName, CellValue[][]>;

export const SAMPLE_YEAR = 2024;

interface PoolSpec {
  pool: string;
  insats: string;
  enhet: string;
  regi: "egen" | "annan";
  ansvar: string;
  verksamhet: string;
  /** Direct annual cost in kronor. */
  cost: number;
  places?: number;
  purchased?: boolean;
  residential?: boolean;
}

const POOLS: PoolSpec[] = [
  { pool: "HT_NORR", insats: "Hemtjänst", enhet: "Hemtjänst Norr", regi: "egen", ansvar: "6110", verksamhet: "511", cost: 6_100_000 },
  { pool: "HT_SODER", insats: "Hemtjänst", enhet: "Hemtjänst Söder", regi: "egen", ansvar: "6120", verksamhet: "511", cost: 5_600_000 },
  { pool: "HT_CENTRUM", insats: "Hemtjänst", enhet: "Hemtjänst Centrum", regi: "egen", ansvar: "6130", verksamhet: "511", cost: 5_200_000 },
  { pool: "HT_OMSORGAB", insats: "Hemtjänst", enhet: "Omsorg AB (LOV)", regi: "annan", ansvar: "6180", verksamhet: "511", cost: 4_700_000, purchased: true },
  { pool: "SABO_ROSEN", insats: "Särskilt boende", enhet: "Rosenborg", regi: "egen", ansvar: "6210", verksamhet: "512", cost: 33_400_000, places: 40, residential: true },
  { pool: "SABO_LINDEN", insats: "Särskilt boende", enhet: "Lindgården", regi: "egen", ansvar: "6220", verksamhet: "512", cost: 24_300_000, places: 30, residential: true },
  { pool: "KORTTID", insats: "Korttidsvård", enhet: "Korttiden Solbacken", regi: "egen", ansvar: "6310", verksamhet: "513", cost: 6_350_000, places: 8, residential: true },
  { pool: "HSL_HEM", insats: "HSL", enhet: "Hemsjukvården", regi: "egen", ansvar: "6410", verksamhet: "514", cost: 4_650_000 },
  { pool: "LARM", insats: "Trygghetslarm", enhet: "Larmcentralen", regi: "egen", ansvar: "6510", verksamhet: "515", cost: 1_150_000 },
  { pool: "DAGV", insats: "Dagverksamhet", enhet: "Dagverksamheten Solrosen", regi: "egen", ansvar: "6520", verksamhet: "516", cost: 640_000 },
  { pool: "GRUPP_ESKEN", insats: "Gruppbostad LSS", enhet: "Gruppbostad Eken", regi: "egen", ansvar: "7110", verksamhet: "521", cost: 9_700_000, places: 6, residential: true },
  { pool: "DV_VERKSTAN", insats: "Daglig verksamhet", enhet: "Verkstan", regi: "egen", ansvar: "7210", verksamhet: "522", cost: 5_300_000 },
  { pool: "PA_EGEN", insats: "Personlig assistans", enhet: "Assistansenheten", regi: "egen", ansvar: "7310", verksamhet: "523", cost: 11_900_000 },
  { pool: "HVB_KOP", insats: "HVB", enhet: "Köpta HVB-platser", regi: "annan", ansvar: "8110", verksamhet: "531", cost: 4_050_000, purchased: true },
  { pool: "FAMHEM", insats: "Familjehem", enhet: "Familjehemsenheten", regi: "egen", ansvar: "8120", verksamhet: "532", cost: 3_700_000 },
  { pool: "OPPENVARD", insats: "Öppenvård", enhet: "Öppenvården", regi: "egen", ansvar: "8130", verksamhet: "533", cost: 1_550_000 },
];

interface SupportSpec {
  pool: string;
  insats: string;
  enhet: string;
  ansvar: string;
  verksamhet: string;
  cost: number;
  key: "kostnad" | "volym" | "andel";
  receivers: string;
}

/** Support pools in step-down order: each passes cost only to pools below it. */
const SUPPORTS: SupportSpec[] = [
  { pool: "KOMMUN_OH", insats: "Kommungemensamt", enhet: "Kommunledning och service", ansvar: "1100", verksamhet: "100", cost: 4_100_000, key: "kostnad", receivers: "*" },
  { pool: "FORV_OH", insats: "Förvaltningsledning", enhet: "Socialförvaltningens ledning", ansvar: "5000", verksamhet: "500", cost: 5_200_000, key: "kostnad", receivers: "*" },
  { pool: "MYNDIGHET", insats: "Myndighetsutövning", enhet: "Biståndshandläggning", ansvar: "5100", verksamhet: "501", cost: 3_600_000, key: "andel", receivers: "" },
  { pool: "NATT", insats: "Nattpatrull", enhet: "Nattpatrullen", ansvar: "6150", verksamhet: "511", cost: 2_900_000, key: "volym", receivers: "HT_NORR, HT_SODER, HT_CENTRUM" },
  { pool: "HSL_SABO", insats: "HSL", enhet: "Sjuksköterskor i särskilt boende", ansvar: "6420", verksamhet: "514", cost: 3_400_000, key: "volym", receivers: "SABO_ROSEN; SABO_LINDEN" },
];

/** Myndighet's explicit shares: handläggning per area, as the unit's own time study says. */
const MYNDIGHET_KEYS: [string, number][] = [
  ["HT_NORR", 0.12], ["HT_SODER", 0.12], ["HT_CENTRUM", 0.1], ["HT_OMSORGAB", 0.08],
  ["SABO_ROSEN", 0.1], ["SABO_LINDEN", 0.08], ["KORTTID", 0.06], ["LARM", 0.04],
  ["GRUPP_ESKEN", 0.06], ["DV_VERKSTAN", 0.06], ["PA_EGEN", 0.06], ["HVB_KOP", 0.05], ["FAMHEM", 0.04], ["OPPENVARD", 0.03],
];

/** How a unit's direct cost spreads over accounts (Kommun-Bas): staff, premises, other. */
function accountSplit(spec: { residential?: boolean; purchased?: boolean }): [string, string, number][] {
  if (spec.purchased) return [["4610", "Köp av huvudverksamhet", 0.97], ["7990", "Övriga kostnader", 0.03]];
  const premises = spec.residential ? 0.16 : 0.04;
  return [
    ["5110", "Lön månadsavlönade", 0.56 - premises / 2],
    ["5130", "Lön timavlönade", 0.07],
    ["5610", "Personalomkostnader (PO)", 0.22 - premises / 2],
    ["6110", "Lokalhyra", premises],
    ["6410", "Förbrukningsmaterial", 0.05],
    ["7310", "Leasing fordon", 0.02],
    ["7990", "Övriga kostnader", 0.08 - 0.0],
  ];
}

function ledgerRows(random: () => number): CellValue[][] {
  const rows: CellValue[][] = [];
  const push = (ansvar: string, verksamhet: string, konto: string, amount: number, text: string) =>
    rows.push([ansvar, verksamhet, "", konto, Math.round(amount * 100) / 100, text]);
  const units = [...SUPPORTS, ...POOLS];
  for (const unit of units) {
    const split = accountSplit(unit as PoolSpec);
    const weightSum = split.reduce((a, [, , w]) => a + w, 0);
    for (const [konto, text, weight] of split) {
      const annual = (unit.cost * weight) / weightSum;
      // Wages are booked monthly; other accounts a few times a year.
      const bookings = konto.startsWith("5") ? 12 : 4;
      for (let m = 0; m < bookings; m++) {
        const noise = 0.9 + random() * 0.2;
        push(unit.ansvar, unit.verksamhet, konto, (annual / bookings) * noise, `${text} ${unit.enhet}`);
      }
    }
  }
  // Försäkringskassan pays for most assistance hours: revenue on the assistance unit.
  for (let m = 0; m < 12; m++) push("7310", "523", "3510", -(8_400_000 / 12) * (0.95 + random() * 0.1), "Assistansersättning Försäkringskassan");
  // Client fees are not deducted in KPB, and financial assistance is outside it: both excluded.
  for (const ansvar of ["6110", "6120", "6130", "6210", "6220"]) {
    for (let q = 0; q < 4; q++) push(ansvar, ansvar.startsWith("62") ? "512" : "511", "3410", -(ansvar.startsWith("62") ? 420_000 : 160_000) * (0.95 + random() * 0.1), "Omsorgsavgifter");
  }
  for (let m = 0; m < 12; m++) push("8500", "535", "4710", 9_800_000 / 12 * (0.9 + random() * 0.2), "Utbetalt försörjningsstöd");
  return rows;
}

function codingRules(): CellValue[][] {
  return [
    ["", "", "", "3410", "EXKL", "Brukaravgifter dras inte av i KPB"],
    ["", "535", "", "", "EXKL", "Ekonomiskt bistånd ingår inte i KPB"],
    ...SUPPORTS.map((s) => [s.ansvar, "", "", "", s.pool, ""]),
    ...POOLS.map((p) => [p.ansvar, p.verksamhet, "", "", p.pool, ""]),
    // Deliberate: the unit that closed in 2023 still has a rule, which now matches nothing.
    ["6199", "511", "", "", "HT_CENTRUM", "Hemtjänst Bruket, nedlagd 2023"],
  ];
}

interface ClientPlan {
  pools: string[];
  ageRange: [number, number];
  count: number;
}

function age(random: () => number, [lo, hi]: [number, number]): number {
  return between(random, lo, hi);
}

/** Annual granted hemtjänst hours: many light users, a few heavy ones (as in KPB's brukarmix). */
export function hemtjanstHours(random: () => number): number {
  const u = random();
  if (u < 0.1) return between(random, 4, 12);
  if (u < 0.2) return between(random, 13, 24);
  if (u < 0.32) return between(random, 25, 48);
  if (u < 0.47) return between(random, 49, 96);
  if (u < 0.58) return between(random, 97, 144);
  if (u < 0.76) return between(random, 145, 288);
  if (u < 0.9) return between(random, 289, 576);
  if (u < 0.98) return between(random, 577, 1152);
  return between(random, 1153, 1800);
}

function clientRows(random: () => number): CellValue[][] {
  const rows: CellValue[][] = [];
  let next = 1;
  const newId = () => `EB${String(next++).padStart(5, "0")}`;
  const sex = () => (random() < 0.6 ? "K" : "M");
  const monthly = (id: string, birth: number, s: string, pool: string, annual: number, months: number[], housing: string) => {
    const per = Math.round((annual / months.length) * 100) / 100;
    months.forEach((m, i) => {
      const volume = i === months.length - 1 ? Math.round((annual - per * (months.length - 1)) * 100) / 100 : per;
      rows.push([id, birth, s, pool, volume, `${SAMPLE_YEAR}-${String(m).padStart(2, "0")}`, housing]);
    });
  };
  const monthsFrom = (start: number, end: number) => Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const daysIn = (months: number[]) => months.reduce((d, m) => d + new Date(Date.UTC(SAMPLE_YEAR, m, 0)).getUTCDate(), 0);

  // Hemtjänst with HSL and alarms: ordinary housing, mostly 80+.
  const homeUnits: [string, number][] = [["HT_NORR", 60], ["HT_SODER", 55], ["HT_CENTRUM", 50], ["HT_OMSORGAB", 38]];
  for (const [pool, count] of homeUnits) {
    for (let i = 0; i < count; i++) {
      const id = newId();
      const birth = SAMPLE_YEAR - age(random, random() < 0.75 ? [80, 99] : [65, 79]);
      const s = sex();
      const start = random() < 0.8 ? 1 : between(random, 2, 10);
      const months = monthsFrom(start, 12);
      monthly(id, birth, s, pool, (hemtjanstHours(random) * months.length) / 12, months, "Ordinärt");
      if (random() < 0.45) monthly(id, birth, s, "HSL_HEM", between(random, 10, 160), months, "Ordinärt");
      if (random() < 0.7) monthly(id, birth, s, "LARM", months.length, months, "Ordinärt");
    }
  }
  // Alarm only, and HSL only.
  for (let i = 0; i < 70; i++) monthly(newId(), SAMPLE_YEAR - age(random, [70, 95]), sex(), "LARM", 12, monthsFrom(1, 12), "Ordinärt");
  for (let i = 0; i < 40; i++) monthly(newId(), SAMPLE_YEAR - age(random, [60, 95]), sex(), "HSL_HEM", between(random, 6, 80), monthsFrom(1, 12), "Ordinärt");
  // Särskilt boende: residents fill about 95 % of the places; some move in or pass away during the year.
  for (const [pool, places] of [["SABO_ROSEN", 40], ["SABO_LINDEN", 30]] as [string, number][]) {
    for (let place = 0; place < places; place++) {
      let month = 1;
      while (month <= 12) {
        const stay = random() < 0.6 ? 12 : between(random, 3, 10);
        const end = Math.min(12, month + stay - 1);
        const months = monthsFrom(month, end);
        const occupied = Math.round(daysIn(months) * (0.9 + random() * 0.08));
        monthly(newId(), SAMPLE_YEAR - age(random, random() < 0.85 ? [80, 101] : [66, 79]), sex(), pool, occupied, months, "Särskilt");
        month = end + 1;
      }
    }
  }
  // Korttid: short stays.
  for (let i = 0; i < 42; i++) {
    const m = between(random, 1, 12);
    monthly(newId(), SAMPLE_YEAR - age(random, [70, 98]), sex(), "KORTTID", between(random, 14, 90), [m], "Ordinärt");
  }
  // LSS.
  const lss: ClientPlan[] = [
    { pools: ["GRUPP_ESKEN", "DV_VERKSTAN"], ageRange: [22, 64], count: 6 },
    { pools: ["DV_VERKSTAN"], ageRange: [20, 64], count: 24 },
    { pools: ["PA_EGEN"], ageRange: [8, 64], count: 8 },
  ];
  for (const plan of lss) {
    for (let i = 0; i < plan.count; i++) {
      const id = newId();
      const birth = SAMPLE_YEAR - age(random, plan.ageRange);
      const s = sex();
      const months = monthsFrom(1, 12);
      for (const pool of plan.pools) {
        const annual = pool === "GRUPP_ESKEN" ? 366 - between(random, 0, 20) : pool === "DV_VERKSTAN" ? between(random, 150, 225) : between(random, 2200, 5200);
        monthly(id, birth, s, pool, annual, months, pool === "GRUPP_ESKEN" ? "Särskilt" : "Ordinärt");
      }
    }
  }
  // IFO: children and young people in placements and outpatient care, adults in öppenvård.
  for (let i = 0; i < 5; i++) {
    const start = between(random, 1, 9);
    monthly(newId(), SAMPLE_YEAR - age(random, [13, 19]), sex(), "HVB_KOP", daysIn(monthsFrom(start, Math.min(12, start + 5))), monthsFrom(start, Math.min(12, start + 5)), "");
  }
  for (let i = 0; i < 12; i++) {
    const start = between(random, 1, 4);
    const months = monthsFrom(start, 12);
    monthly(newId(), SAMPLE_YEAR - age(random, [2, 19]), sex(), "FAMHEM", daysIn(months), months, "");
  }
  for (let i = 0; i < 40; i++) {
    const months = monthsFrom(between(random, 1, 6), 12);
    monthly(newId(), SAMPLE_YEAR - age(random, random() < 0.5 ? [12, 19] : [20, 60]), sex(), "OPPENVARD", between(random, 10, 70), months, "");
  }
  return rows;
}

/** The whole sample workbook as tables (header row first). */
export function exempelbyTables(seed = 20240101): SampleTables {
  const random = seededRandom(seed);
  return {
    Inställningar: [
      ["Inställning", "Värde"],
      ["År", SAMPLE_YEAR],
      ["Kommun", "Exempelby"],
      ["Kommunkod", "9999"],
      ["Fördelningsmetod", "stegvis"],
      // Volym for hemtjänst is granted hours, as the published KPB figure is.
      ["Hemtjänsttid", "beviljad"],
    ],
    Ekonomi: [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text"], ...ledgerRows(random)],
    Kodning: [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"], ...codingRules()],
    Pooler: [
      ["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"],
      ...SUPPORTS.map((s) => [s.pool, s.insats, s.enhet, "egen", "stöd", s.key, s.receivers, null]),
      ...POOLS.map((p) => [p.pool, p.insats, p.enhet, p.regi, "insats", null, null, p.places ?? null]),
    ],
    Nycklar: [["Från", "Till", "Andel"], ...MYNDIGHET_KEYS.map(([to, share]) => ["MYNDIGHET", to, share])],
    Insatskatalog: [
      ["Insats", "Område", "Volymenhet", "Nyckeltal"],
      ["Hemtjänst", "ÄO", "timmar", "hemtjanst_egen_kr_timme"],
      ["Särskilt boende", "ÄO", "dygn", "sabo_egen_kr_dygn_inkl_hsl"],
      ["Korttidsvård", "ÄO", "dygn", "korttid_egen_kr_dygn"],
      ["HSL", "ÄO", "timmar", "hsl_kr_timme"],
      ["Trygghetslarm", "ÄO", "månader", "trygghetslarm_kr_manad"],
      ["Dagverksamhet", "ÄO", "dagar", "dagverksamhet_kr_dag"],
      ["Gruppbostad LSS", "LSS", "dygn", "gruppbostad_egen_kr_dygn"],
      ["Daglig verksamhet", "LSS", "dagar", "daglig_verksamhet_egen_kr_dag"],
      ["Personlig assistans", "LSS", "timmar", "pers_ass_netto_kr_timme"],
      ["HVB", "IFO", "dygn", "hvb_kr_dygn"],
      ["Familjehem", "IFO", "dygn", "familjehem_kr_dygn"],
      ["Öppenvård", "IFO", "timmar", "oppenvard_kr_timme"],
    ],
    Brukare: [["BrukarID", "Födelseår", "Kön", "Pool", "Volym", "Period", "Boendeform"], ...clientRows(random)],
    Befolkning: [
      ["Åldersgrupp", "Antal"],
      ["0-19", 2180],
      ["20-64", 5540],
      ["65-79", 1610],
      ["80-w", 702],
    ],
    Jämförelse: [
      ["Nyckeltal", "Värde", "Källa", "År", "Kommun"],
      ["hemtjanst_egen_kr_timme", 649, "KPB-snitt (Ensolutions jämförelsedatabas), enligt genomlysning av Aneby", 2023, "KPB-snitt"],
      ["sabo_egen_kr_dygn_inkl_hsl", 2559, "KPB-snitt (Ensolutions jämförelsedatabas), enligt genomlysning av Aneby", 2023, "KPB-snitt"],
      ["hemtjanst_egen_kr_timme", 472, "SKL, Årets jämförelse av KPB-nyckeltal", 2016, "KPB-kommuner"],
      ["sabo_egen_kr_dygn_inkl_hsl", 1880, "SKL, Årets jämförelse av KPB-nyckeltal", 2016, "KPB-kommuner"],
    ],
  };
}
