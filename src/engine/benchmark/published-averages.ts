import { KEY_FIGURE_NAMES } from "../key-figure-names";
import { BENCHMARK_HEADER, sortBenchmarkRows, type BenchmarkTable, type BenchmarkTableRow } from "./benchmark-table";

/**
 * Published KPB figures bundled with the add-in, so a run has a benchmark even when the workbook's
 * `Jämförelse` table is empty and Kolada cannot be reached. Every value is copied from a named
 * public document; nothing is estimated or derived here.
 */

/** What a figure describes: the KPB average, the lowest KPB municipality, one municipality, or one unit in it. */
export type PublishedKind = "kpb_average" | "kpb_lowest" | "municipality" | "unit";

export interface PublishedMunicipality {
  code: string;
  name: string;
}

export interface PublishedFigure {
  /** Kolada KPI id of the same key figure, where Kolada has one. */
  kolada?: string;
  /** The engine's key-figure id. */
  keyFigure: string;
  /** Swedish name. */
  name: string;
  /** Decimal string with a point, exactly as printed in the source. */
  value: string;
  unit: string;
  /** The year of the outcome (utfall) the figure describes, not the year of publication. */
  year: number;
  /** Which clients, regi, municipalities or units the figure covers, and any caveat. */
  scope: string;
  /** Document title, and the chapter, page or slide where the figure is printed. */
  source: string;
  kind: PublishedKind;
  /** For kind "municipality" and "unit". */
  municipality?: PublishedMunicipality;
}

// ---------------------------------------------------------------------------------------------
// Per-age-group key-figure ids
// ---------------------------------------------------------------------------------------------

/**
 * Ids of the per-age-group key figures: `<measure>:<area>:<ageGroup>`, e.g.
 * `kostnad_per_invanare:ÄO:80-w`. The area is an Område (ÄO, FN, LSS, IFO); a published figure
 * for one part of an area adds the part after a slash (`ÄO/Hemtjänst`, `IFO/Barn och unga`), so it
 * never collides with the figure for the whole area. Age groups use the engine's labels (`80-w`,
 * and `alla` for all ages together).
 */
export type ConsumptionMeasure = "kostnad_per_invanare" | "kostnad_per_brukare" | "andel_brukare";

export const CONSUMPTION_MEASURES: readonly ConsumptionMeasure[] = ["kostnad_per_invanare", "kostnad_per_brukare", "andel_brukare"];

const MEASURE_NAME: Record<ConsumptionMeasure, { name: string; unit: string }> = {
  kostnad_per_invanare: { name: "Kostnad per invånare", unit: "kr/invånare" },
  kostnad_per_brukare: { name: "Kostnad per brukare (medelkostnad)", unit: "kr/brukare" },
  // Shares are percent, as Kolada and the published reports print them.
  andel_brukare: { name: "Andel brukare av invånarna", unit: "%" },
};

export function consumptionKeyFigure(measure: ConsumptionMeasure, area: string, ageGroup: string): string {
  return `${measure}:${area}:${ageGroup}`;
}

export interface ConsumptionKeyFigure {
  measure: ConsumptionMeasure;
  area: string;
  ageGroup: string;
}

export function parseConsumptionKeyFigure(id: string): ConsumptionKeyFigure | null {
  const parts = id.split(":");
  if (parts.length !== 3 || !parts[1] || !parts[2]) return null;
  const measure = parts[0] as ConsumptionMeasure;
  return CONSUMPTION_MEASURES.includes(measure) ? { measure, area: parts[1], ageGroup: parts[2] } : null;
}

export function consumptionUnit(measure: ConsumptionMeasure): string {
  return MEASURE_NAME[measure].unit;
}

/** "80-w" → "80 år och äldre", "alla" → "alla åldrar", "20-64" → "20–64 år". */
export function ageGroupText(ageGroup: string): string {
  if (ageGroup === "alla" || ageGroup === "0-w") return "alla åldrar";
  const open = /^(\d+)-w$/.exec(ageGroup);
  if (open) return `${open[1]} år och äldre`;
  return `${ageGroup.replace("-", "–")} år`;
}

/** Swedish display name, e.g. "Kostnad per invånare 80 år och äldre, hemtjänst (äldreomsorg)". */
export function consumptionName(measure: ConsumptionMeasure, areaText: string, ageGroup: string): string {
  return `${MEASURE_NAME[measure].name} ${ageGroupText(ageGroup)}, ${areaText}`;
}

// ---------------------------------------------------------------------------------------------
// Unit costs and volumes with a fixed id
// ---------------------------------------------------------------------------------------------

type FixedKeyFigure =
  | "hemtjanst_egen_kr_timme"
  | "sabo_egen_kr_dygn_inkl_hsl"
  | "sabo_egen_kr_dygn_exkl_hsl"
  | "korttid_egen_kr_dygn"
  | "gruppbostad_egen_kr_dygn"
  | "pers_ass_netto_kr_timme"
  | "hemtjanst_timmar_per_inv_80"
  | "sabo_dygn_per_inv_80";

/** The bundled figures carry the same names as the run's (one naming pattern, key-figure-names.ts). */
const FIXED: Record<FixedKeyFigure, { name: string; unit: string; kolada?: string }> = Object.fromEntries(
  ([
    "hemtjanst_egen_kr_timme",
    "sabo_egen_kr_dygn_inkl_hsl",
    "sabo_egen_kr_dygn_exkl_hsl",
    "korttid_egen_kr_dygn",
    "gruppbostad_egen_kr_dygn",
    "pers_ass_netto_kr_timme",
    "hemtjanst_timmar_per_inv_80",
    "sabo_dygn_per_inv_80",
  ] as FixedKeyFigure[]).map((id) => {
    const { name, unit, kolada } = KEY_FIGURE_NAMES[id];
    return [id, { name, unit, ...(kolada ? { kolada } : {}) }];
  }),
) as Record<FixedKeyFigure, { name: string; unit: string; kolada?: string }>;

interface Context {
  year: number;
  kind: PublishedKind;
  scope: string;
  source: string;
  municipality?: PublishedMunicipality;
}

function figure(keyFigure: FixedKeyFigure, value: string, context: Context): PublishedFigure {
  const { kolada, name, unit } = FIXED[keyFigure];
  return { ...(kolada ? { kolada } : {}), keyFigure, name, value, unit, ...context };
}

/** Up to three figures for one area and age group: per inhabitant, per client, share of clients. */
function consumption(
  area: string,
  areaText: string,
  ageGroup: string,
  values: Partial<Record<ConsumptionMeasure, string>>,
  context: Context,
): PublishedFigure[] {
  return (Object.entries(values) as [ConsumptionMeasure, string][]).map(([measure, value]) => ({
    keyFigure: consumptionKeyFigure(measure, area, ageGroup),
    name: consumptionName(measure, areaText, ageGroup),
    value,
    unit: consumptionUnit(measure),
    ...context,
  }));
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const DET_FUNKAR = 'SKL (december 2012), "Det funkar! Erfarenheter från 7 kommuner" om Kostnad per brukare (Kenneth Löfgren)';
const KALMAR_CHAPTER = `${DET_FUNKAR}, kapitel 2 (Kalmar) "KPB – ett verktyg för att förstå, analysera och åtgärda"`;
const LAHOLM_CHAPTER = `${DET_FUNKAR}, kapitel 3 (Laholm) "För att lyckas krävs tydlighet och envishet"`;
const KARLSTAD_CHAPTER = `${DET_FUNKAR}, kapitel 4 (Karlstad) "Det har varit en lång resa – och än är vi inte framme!"`;
const LUDVIKA_CHAPTER = `${DET_FUNKAR}, kapitel 5 (Ludvika) "Först KPB sedan SIV – nu varandras komplement"`;
const APPENDIX = `${DET_FUNKAR}, bilagan "Kompletteringar" (Ronneby och Ludvika)`;

const SKL_2015 = 'SKL, webbsidan "Årets jämförelse av KPB-nyckeltal" (publicerad 6 september 2017), avsnittet om 2015 års nyckeltal';
const SKL_2016 = 'SKL, webbsidan "Årets jämförelse av KPB-nyckeltal" (publicerad 12 november 2018), avsnittet om 2016 års nyckeltal';

const ANEBY_REVIEW = "Ensolution (2024), genomlysning av Aneby kommun på uppdrag av kommunstyrelsen, KPB på 2023 års utfall";
const slide = (title: string) => `${ANEBY_REVIEW}, bild "${title}"`;

// ---------------------------------------------------------------------------------------------
// Municipalities named in the sources (SCB municipality codes, which are also Kolada's ids)
// ---------------------------------------------------------------------------------------------

const ANEBY: PublishedMunicipality = { code: "0604", name: "Aneby" };
const KALMAR: PublishedMunicipality = { code: "0880", name: "Kalmar" };
const LAHOLM: PublishedMunicipality = { code: "1381", name: "Laholm" };
const KARLSTAD: PublishedMunicipality = { code: "1780", name: "Karlstad" };
const LUDVIKA: PublishedMunicipality = { code: "2085", name: "Ludvika" };
const RONNEBY: PublishedMunicipality = { code: "1081", name: "Ronneby" };

// ---------------------------------------------------------------------------------------------
// The figures
// ---------------------------------------------------------------------------------------------

const KPB_AVERAGE_2023 =
  'KPB-snittet ("Extern jämförelse"): kommuner som gjort KPB under 2024 på 2023 års utfall, ur Ensolutions KPB-databas';

const KPB_AVERAGES: PublishedFigure[] = [
  // 2010 and 2011: SKL's KPB report for these years is quoted in the 2012 interview report.
  figure("hemtjanst_egen_kr_timme", "424", {
    year: 2010,
    kind: "kpb_average",
    scope: "Medelvärdet för samtliga KPB-kommuner, 2010 års utfall (Kalmars första KPB-resultat, redovisat 2011)",
    source: KALMAR_CHAPTER,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "1593", {
    year: 2010,
    kind: "kpb_average",
    scope:
      "Medelkostnaden per dygn i särskilt boende (äldreboenden) i KPB-kommunerna 2010; KPB:s dygnskostnad avser särskilt boende enligt SoL/HSL",
    source: KALMAR_CHAPTER,
  }),
  figure("pers_ass_netto_kr_timme", "76", {
    year: 2010,
    kind: "kpb_average",
    scope: "Medelvärdet för samtliga KPB-kommuner 2010",
    source: LUDVIKA_CHAPTER,
  }),
  figure("pers_ass_netto_kr_timme", "78", {
    year: 2011,
    kind: "kpb_average",
    scope: "Medelkostnaden för samtliga KPB-kommuner 2011",
    source: APPENDIX,
  }),
  figure("gruppbostad_egen_kr_dygn", "2491", {
    year: 2011,
    kind: "kpb_average",
    scope: "Medelkostnaden per dygn i gruppbostad för KPB-kommunerna 2011",
    source: LAHOLM_CHAPTER,
  }),
  figure("gruppbostad_egen_kr_dygn", "1635", {
    year: 2011,
    kind: "kpb_lowest",
    scope: "Dygnskostnaden i den KPB-kommun som hade lägst kostnad 2011",
    source: LAHOLM_CHAPTER,
  }),

  // 2015 and 2016: SKL's yearly comparison pages.
  figure("hemtjanst_egen_kr_timme", "461", {
    year: 2015,
    kind: "kpb_average",
    scope:
      "KPB-nyckeltalet för de 52 kommuner och 10 stadsdelar som levererat 2015 års nyckeltal i tid; sidan anger inte om värdet är medel- eller medianvärde",
    source: SKL_2015,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "1809", {
    year: 2015,
    kind: "kpb_average",
    scope:
      "KPB-nyckeltalet kostnad per dygn i särskilt boende för de 52 kommuner och 10 stadsdelar som levererat 2015 års nyckeltal i tid",
    source: SKL_2015,
  }),
  figure("hemtjanst_egen_kr_timme", "472", {
    year: 2016,
    kind: "kpb_average",
    scope: "KPB-nyckeltalet för de 56 kommuner och 10 stadsdelar som levererat 2016 års nyckeltal",
    source: SKL_2016,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "1880", {
    year: 2016,
    kind: "kpb_average",
    scope: "KPB-nyckeltalet kostnad per dygn inom särskilt boende för de 56 kommuner och 10 stadsdelar som levererat 2016 års nyckeltal",
    source: SKL_2016,
  }),

  // 2023: the comparison series in Ensolution's review of Aneby.
  figure("hemtjanst_egen_kr_timme", "649", {
    year: 2023,
    kind: "kpb_average",
    scope: KPB_AVERAGE_2023,
    source: `${slide("Styckkostnader Äldreomsorg")} och bild "Övergripande jämförelse Hemtjänst"`,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "2559", {
    year: 2023,
    kind: "kpb_average",
    scope: `${KPB_AVERAGE_2023}; särskilt boende, kr/dygn inkl. HSL`,
    source: `${slide("Styckkostnader Äldreomsorg")} och bild "Övergripande jämförelse Särskilt boende"`,
  }),
  figure("korttid_egen_kr_dygn", "3362", {
    year: 2023,
    kind: "kpb_average",
    scope: `${KPB_AVERAGE_2023}; korttidsvård, kr/dygn inkl. HSL. Bilden anger inte vilket värde som hör till vilken stapel: 3 362 är det värde som återstår för korttidsvårdens jämförelsestapel när hemtjänstens och särskilda boendets är givna (Aneby har lägre korttidskostnad enligt texten)`,
    source: slide("Styckkostnader Äldreomsorg"),
  }),
  figure("hemtjanst_timmar_per_inv_80", "73.5", {
    year: 2023,
    kind: "kpb_average",
    scope: KPB_AVERAGE_2023,
    source: slide("Övergripande jämförelse Hemtjänst"),
  }),
  figure("sabo_dygn_per_inv_80", "36.0", {
    year: 2023,
    kind: "kpb_average",
    scope: KPB_AVERAGE_2023,
    source: slide("Övergripande jämförelse Särskilt boende"),
  }),
  ...consumption(
    "ÄO",
    "äldreomsorg",
    "80-w",
    { kostnad_per_invanare: "148587", kostnad_per_brukare: "302054", andel_brukare: "49.8" },
    { year: 2023, kind: "kpb_average", scope: KPB_AVERAGE_2023, source: slide("Övergripande jämförelse Äldreomsorg") },
  ),
  ...consumption(
    "ÄO/Hemtjänst",
    "hemtjänst (äldreomsorg)",
    "80-w",
    { kostnad_per_invanare: "44810", kostnad_per_brukare: "157675", andel_brukare: "28.4" },
    { year: 2023, kind: "kpb_average", scope: KPB_AVERAGE_2023, source: slide("Övergripande jämförelse Hemtjänst") },
  ),
  ...consumption(
    "ÄO/Särskilt boende",
    "särskilt boende (äldreomsorg)",
    "80-w",
    { kostnad_per_invanare: "90587", kostnad_per_brukare: "650325" },
    { year: 2023, kind: "kpb_average", scope: KPB_AVERAGE_2023, source: slide("Övergripande jämförelse Särskilt boende") },
  ),
  ...consumption(
    "IFO/Barn och unga",
    "barn, ungdom och familj (IFO)",
    "0-19",
    { kostnad_per_invanare: "12096", kostnad_per_brukare: "96169", andel_brukare: "11.4" },
    { year: 2023, kind: "kpb_average", scope: KPB_AVERAGE_2023, source: slide("Barn, ungdom och familj – Övergripande jämförelse") },
  ),
  ...consumption(
    "IFO/Vuxna missbruk",
    "vuxna missbrukare (IFO)",
    "20-64",
    { kostnad_per_invanare: "773", kostnad_per_brukare: "70884", andel_brukare: "1.1" },
    { year: 2023, kind: "kpb_average", scope: KPB_AVERAGE_2023, source: slide("Övergripande jämförelse Vuxna missbrukare") },
  ),
  ...consumption(
    "IFO/Ekonomiskt bistånd",
    "ekonomiskt bistånd (IFO)",
    "20-64",
    { kostnad_per_invanare: "1314", kostnad_per_brukare: "59019", andel_brukare: "2.2" },
    {
      year: 2023,
      kind: "kpb_average",
      scope: `${KPB_AVERAGE_2023}; brukare = hushåll, kostnad per brukare = snittutbetalning per hushåll`,
      source: slide("Övergripande jämförelse Ekonomiskt bistånd"),
    },
  ),
  ...consumption(
    "LSS",
    "funktionsstöd LSS",
    "alla",
    { kostnad_per_invanare: "6525", andel_brukare: "0.98" },
    {
      year: 2023,
      kind: "kpb_average",
      scope: `${KPB_AVERAGE_2023}; bilden anger ingen åldersgrupp, dvs. per invånare i alla åldrar`,
      source: slide("Funktionsstöd – Övergripande jämförelse LSS"),
    },
  ),
];

const ANEBY_2023 = "Aneby kommun, KPB på 2023 års utfall";

const MUNICIPALITY_FIGURES: PublishedFigure[] = [
  // Aneby 2023, beside the KPB average in the same review.
  figure("hemtjanst_egen_kr_timme", "802", {
    year: 2023,
    kind: "municipality",
    municipality: ANEBY,
    scope: ANEBY_2023,
    source: `${slide("Styckkostnader Äldreomsorg")} och bild "Övergripande jämförelse Hemtjänst"`,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "2925", {
    year: 2023,
    kind: "municipality",
    municipality: ANEBY,
    scope: `${ANEBY_2023}; särskilt boende, kr/dygn inkl. HSL`,
    source: slide("Övergripande jämförelse Särskilt boende"),
  }),
  figure("hemtjanst_timmar_per_inv_80", "64.1", {
    year: 2023,
    kind: "municipality",
    municipality: ANEBY,
    scope: ANEBY_2023,
    source: slide("Övergripande jämförelse Hemtjänst"),
  }),
  figure("sabo_egen_kr_dygn_exkl_hsl", "3020", {
    year: 2023,
    kind: "unit",
    municipality: ANEBY,
    scope: "Särskilt boende Rosenborg, Aneby, 2023 års utfall; dygnskostnad exkl. HSL (personalkostnad 2 075 kr/dygn, 69 %)",
    source: slide("Kostnadsnedbrytning Rosenborg och Antuna"),
  }),
  ...consumption(
    "ÄO",
    "äldreomsorg",
    "80-w",
    { kostnad_per_invanare: "168608", kostnad_per_brukare: "330999", andel_brukare: "50.9" },
    { year: 2023, kind: "municipality", municipality: ANEBY, scope: ANEBY_2023, source: slide("Övergripande jämförelse Äldreomsorg") },
  ),
  ...consumption(
    "ÄO/Hemtjänst",
    "hemtjänst (äldreomsorg)",
    "80-w",
    { kostnad_per_invanare: "49264", kostnad_per_brukare: "209864", andel_brukare: "23.5" },
    { year: 2023, kind: "municipality", municipality: ANEBY, scope: ANEBY_2023, source: slide("Övergripande jämförelse Hemtjänst") },
  ),
  ...consumption(
    "ÄO/Särskilt boende",
    "särskilt boende (äldreomsorg)",
    "80-w",
    { kostnad_per_invanare: "107505", kostnad_per_brukare: "763283", andel_brukare: "14.1" },
    { year: 2023, kind: "municipality", municipality: ANEBY, scope: ANEBY_2023, source: slide("Övergripande jämförelse Särskilt boende") },
  ),
  ...consumption(
    "IFO/Barn och unga",
    "barn, ungdom och familj (IFO)",
    "0-19",
    { kostnad_per_invanare: "17512", kostnad_per_brukare: "162995", andel_brukare: "8.6" },
    {
      year: 2023,
      kind: "municipality",
      municipality: ANEBY,
      scope: ANEBY_2023,
      source: slide("Barn, ungdom och familj – Övergripande jämförelse"),
    },
  ),
  ...consumption(
    "IFO/Vuxna missbruk",
    "vuxna missbrukare (IFO)",
    "20-64",
    { kostnad_per_invanare: "1263", kostnad_per_brukare: "136618", andel_brukare: "0.9" },
    { year: 2023, kind: "municipality", municipality: ANEBY, scope: ANEBY_2023, source: slide("Övergripande jämförelse Vuxna missbrukare") },
  ),
  ...consumption(
    "IFO/Ekonomiskt bistånd",
    "ekonomiskt bistånd (IFO)",
    "20-64",
    { kostnad_per_invanare: "1395", kostnad_per_brukare: "46960", andel_brukare: "3.0" },
    {
      year: 2023,
      kind: "municipality",
      municipality: ANEBY,
      scope: `${ANEBY_2023}; brukare = hushåll, kostnad per brukare = snittutbetalning per hushåll`,
      source: slide("Övergripande jämförelse Ekonomiskt bistånd"),
    },
  ),
  ...consumption(
    "LSS",
    "funktionsstöd LSS",
    "alla",
    { kostnad_per_invanare: "6132", kostnad_per_brukare: "635006", andel_brukare: "0.96" },
    {
      year: 2023,
      kind: "municipality",
      municipality: ANEBY,
      scope: `${ANEBY_2023}; bilden anger ingen åldersgrupp`,
      source: slide("Funktionsstöd – Övergripande jämförelse LSS"),
    },
  ),

  // Kalmar 2010: the average hides a spread between areas and homes.
  figure("hemtjanst_egen_kr_timme", "379", {
    year: 2010,
    kind: "municipality",
    municipality: KALMAR,
    scope: "Kalmars medelkostnad för en hemtjänsttimme, 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),
  figure("hemtjanst_egen_kr_timme", "332", {
    year: 2010,
    kind: "unit",
    municipality: KALMAR,
    scope: "Kalmars billigaste hemtjänstområde, 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),
  figure("hemtjanst_egen_kr_timme", "430", {
    year: 2010,
    kind: "unit",
    municipality: KALMAR,
    scope: "Kalmars dyraste hemtjänstområde, 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "1968", {
    year: 2010,
    kind: "municipality",
    municipality: KALMAR,
    scope: "Kalmars medelkostnad per dygn på äldreboendena, 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "1665", {
    year: 2010,
    kind: "unit",
    municipality: KALMAR,
    scope: "Billigaste äldreboendet med demensinriktning i Kalmar, 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "2276", {
    year: 2010,
    kind: "unit",
    municipality: KALMAR,
    scope: "Dyraste äldreboendet med demensinriktning i Kalmar, 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "1367", {
    year: 2010,
    kind: "unit",
    municipality: KALMAR,
    scope: "Billigaste av Kalmars övriga äldreboenden (utan demensinriktning), 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),
  figure("sabo_egen_kr_dygn_inkl_hsl", "2322", {
    year: 2010,
    kind: "unit",
    municipality: KALMAR,
    scope: "Dyraste av Kalmars övriga äldreboenden (utan demensinriktning), 2010 års utfall",
    source: KALMAR_CHAPTER,
  }),

  // Laholm: group homes.
  figure("gruppbostad_egen_kr_dygn", "4262", {
    year: 2008,
    kind: "municipality",
    municipality: LAHOLM,
    scope: "Laholms medelkostnad per dygn för gruppbostäder 2008",
    source: LAHOLM_CHAPTER,
  }),
  figure("gruppbostad_egen_kr_dygn", "2851", {
    year: 2011,
    kind: "municipality",
    municipality: LAHOLM,
    scope: "Laholms kostnad per dygn för gruppbostäder 2011",
    source: LAHOLM_CHAPTER,
  }),

  // Karlstad: home care.
  figure("hemtjanst_egen_kr_timme", "437", {
    year: 2009,
    kind: "municipality",
    municipality: KARLSTAD,
    scope: "Karlstads kostnad per hemtjänsttimme enligt KPB 2009",
    source: KARLSTAD_CHAPTER,
  }),
  figure("hemtjanst_egen_kr_timme", "375", {
    year: 2011,
    kind: "municipality",
    municipality: KARLSTAD,
    scope: "Karlstads kostnad per hemtjänsttimme enligt KPB 2011",
    source: KARLSTAD_CHAPTER,
  }),

  // Ludvika and Ronneby: personal assistance, net of Försäkringskassan.
  figure("pers_ass_netto_kr_timme", "115", {
    year: 2009,
    kind: "municipality",
    municipality: LUDVIKA,
    scope: "Ludvikas nettotimkostnad för personlig assistans 2009",
    source: APPENDIX,
  }),
  figure("pers_ass_netto_kr_timme", "108", {
    year: 2010,
    kind: "municipality",
    municipality: LUDVIKA,
    scope: "Ludvikas nettotimkostnad för personlig assistans 2010",
    source: LUDVIKA_CHAPTER,
  }),
  figure("pers_ass_netto_kr_timme", "105", {
    year: 2011,
    kind: "municipality",
    municipality: LUDVIKA,
    scope: "Ludvikas nettotimkostnad för personlig assistans 2011, beräknad enligt KPB (full kostnad)",
    source: APPENDIX,
  }),
  figure("pers_ass_netto_kr_timme", "86", {
    year: 2009,
    kind: "municipality",
    municipality: RONNEBY,
    scope: "Ronnebys nettotimkostnad för personlig assistans 2009",
    source: APPENDIX,
  }),
  figure("pers_ass_netto_kr_timme", "69", {
    year: 2011,
    kind: "municipality",
    municipality: RONNEBY,
    scope: "Ronnebys nettotimkostnad för personlig assistans 2011",
    source: APPENDIX,
  }),
];

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [...KPB_AVERAGES, ...MUNICIPALITY_FIGURES];

export interface PublishedFilter {
  keyFigure?: string;
  kind?: PublishedKind;
  year?: number;
  municipalityCode?: string;
}

/** Every bundled figure matching the filter, oldest year first. */
export function publishedFigures(filter: PublishedFilter = {}): PublishedFigure[] {
  return PUBLISHED_FIGURES.filter(
    (f) =>
      (filter.keyFigure === undefined || f.keyFigure === filter.keyFigure) &&
      (filter.kind === undefined || f.kind === filter.kind) &&
      (filter.year === undefined || f.year === filter.year) &&
      (filter.municipalityCode === undefined || f.municipality?.code === filter.municipalityCode),
  ).sort((a, b) => a.year - b.year);
}

/**
 * The published KPB average for a key figure: the one for `year` or the nearest earlier year,
 * or the newest when no year is given. A later year is never used for an earlier one (costs
 * rise over time, so a newer average would flatter an older outcome), hence undefined then.
 */
export function findPublished(keyFigure: string, year?: number): PublishedFigure | undefined {
  const candidates = publishedFigures({ keyFigure, kind: "kpb_average" }).filter((f) => year === undefined || f.year <= year);
  return candidates[candidates.length - 1];
}

/** The key figures that have a bundled KPB average. */
export function publishedKeyFigures(): string[] {
  return [...new Set(publishedFigures({ kind: "kpb_average" }).map((f) => f.keyFigure))];
}

/** Label in the Kommun column for rows that are KPB averages rather than one municipality. */
export const KPB_AVERAGE_LABEL = "KPB-snitt";

/**
 * The bundled averages as `Jämförelse` rows for one year (each key figure at its nearest earlier
 * year), for a workbook that has no benchmark of its own.
 */
export function publishedBenchmarkTable(year: number): BenchmarkTable {
  const rows = publishedKeyFigures()
    .map((keyFigure) => findPublished(keyFigure, year))
    .filter((f): f is PublishedFigure => f !== undefined)
    .map((f): BenchmarkTableRow => [f.keyFigure, Number(f.value), f.source, f.year, KPB_AVERAGE_LABEL]);
  return [BENCHMARK_HEADER, ...sortBenchmarkRows(rows)];
}
