import { fold } from "./cells";
import type { Area, CatalogueEntry } from "./model";

const entry = (intervention: string, area: Area, volumeUnit: string, keyFigure = ""): CatalogueEntry => ({
  insats: intervention,
  area,
  volumeUnit,
  keyFigure,
});

/**
 * The intervention catalogue that ships with the add-in. A workbook's own `Insatskatalog` wins
 * field by field (see mergeCatalogue). The key-figure id ties an intervention to its published KPB figure.
 */
export const DEFAULT_CATALOGUE: CatalogueEntry[] = [
  entry("Hemtjänst", "ÄO", "timmar", "hemtjanst_egen_kr_timme"),
  entry("Särskilt boende", "ÄO", "dygn", "sabo_egen_kr_dygn_inkl_hsl"),
  entry("Korttidsvård", "ÄO", "dygn", "korttid_egen_kr_dygn"),
  entry("HSL", "ÄO", "timmar", "hsl_kr_timme"),
  entry("Trygghetslarm", "ÄO", "månader", "trygghetslarm_kr_manad"),
  entry("Matdistribution", "ÄO", "portioner", "matdistribution_kr_portion"),
  entry("Dagverksamhet", "ÄO", "dagar", "dagverksamhet_kr_dag"),
  entry("Boendestöd", "FN", "timmar", "boendestod_kr_timme"),
  entry("Gruppbostad LSS", "LSS", "dygn", "gruppbostad_egen_kr_dygn"),
  entry("Servicebostad LSS", "LSS", "dygn", "servicebostad_egen_kr_dygn"),
  entry("Daglig verksamhet", "LSS", "dagar", "daglig_verksamhet_egen_kr_dag"),
  entry("Personlig assistans", "LSS", "timmar", "pers_ass_netto_kr_timme"),
  entry("Korttidsvistelse LSS", "LSS", "dygn", "korttidsvistelse_lss_kr_dygn"),
  entry("Ledsagarservice", "LSS", "timmar", "ledsagarservice_kr_timme"),
  entry("HVB", "IFO", "dygn", "hvb_kr_dygn"),
  entry("Familjehem", "IFO", "dygn", "familjehem_kr_dygn"),
  entry("Öppenvård", "IFO", "timmar", "oppenvard_kr_timme"),
];

/** A field the workbook left empty (blank text, no list): the default's value stands. */
const isEmptyField = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

/**
 * The catalogue in force, merged field by field: a workbook entry for an intervention the default
 * knows replaces only the fields it fills in, so an `Insatskatalog` with only Insats, Område and
 * Volymenhet (or an empty Nyckeltal) keeps the default's published figure.
 */
export function mergeCatalogue(own: CatalogueEntry[]): Map<string, CatalogueEntry> {
  const byName = new Map<string, CatalogueEntry>();
  for (const e of DEFAULT_CATALOGUE) byName.set(fold(e.insats), e);
  for (const e of own) {
    const base = byName.get(fold(e.insats));
    const filled = Object.fromEntries(Object.entries(e).filter(([, value]) => !isEmptyField(value)));
    byName.set(fold(e.insats), base ? { ...base, ...filled } : e);
  }
  return byName;
}

export const AREAS: Area[] = ["ÄO", "FN", "LSS", "IFO"];

export function readArea(text: string): Area | null {
  const f = fold(text).replace(/[^a-z]/g, "");
  if (f === "ao" || f === "aldreomsorg" || f === "aldreomsorgen") return "ÄO";
  if (f === "fn" || f === "funktionsnedsattning" || f === "funktionshinder" || f === "funktionsstod") return "FN";
  if (f === "lss" || f === "lsssfb") return "LSS";
  if (f === "ifo" || f === "individochfamiljeomsorg") return "IFO";
  return null;
}

/**
 * Names municipalities use for the catalogue's interventions (and for housing in `Boendeform`),
 * by the default entry they stand for. A name matches when it is one of these or starts with one
 * followed by a word ("Hemtjänst i ordinärt boende", "SÄBO demens"); the longest name wins.
 * Case, Swedish letters, hyphens and other punctuation do not matter.
 */
export const INTERVENTION_SYNONYMS: Record<string, string[]> = {
  Hemtjänst: ["Hemtjänst i ordinärt boende", "Hemtjänst ordinärt boende", "Hemtjänst SoL", "Hemhjälp", "Hemtjänstinsatser"],
  "Särskilt boende": [
    "SÄBO",
    "Vård- och omsorgsboende",
    "VoB",
    "Äldreboende",
    "Särskilda boenden",
    "Särskilt boende för äldre",
    "Demensboende",
    "Somatiskt boende",
    "Omsorgsboende",
    "Sjukhem",
  ],
  Korttidsvård: ["Korttidsboende", "Korttid", "Korttidsplats", "Korttidsvård SoL", "Växelvård"],
  HSL: ["Hälso- och sjukvård", "Hemsjukvård", "Kommunal hälso- och sjukvård", "HSL-insatser", "Sjuksköterskeinsatser"],
  Trygghetslarm: ["Larm", "Trygghetstelefon"],
  Matdistribution: ["Matleverans", "Matlådor", "Matlåda", "Måltidsdistribution"],
  Dagverksamhet: ["Dagverksamhet äldre", "Dagverksamhet demens"],
  Boendestöd: ["Boendestöd SoL"],
  "Gruppbostad LSS": ["Bostad med särskild service", "BmSS", "Gruppbostad", "Gruppboende", "Gruppboende LSS"],
  "Servicebostad LSS": ["Servicebostad", "Serviceboende LSS"],
  "Daglig verksamhet": ["Daglig verksamhet LSS", "DV LSS"],
  "Personlig assistans": ["Personlig assistans LSS", "Personlig assistans SFB", "Assistans"],
  "Korttidsvistelse LSS": ["Korttidsvistelse", "Korttid LSS", "Korttidshem", "Korttidsvistelse utanför det egna hemmet"],
  Ledsagarservice: ["Ledsagning"],
  HVB: ["Hem för vård eller boende", "HVB-hem", "Institutionsvård"],
  Familjehem: ["Familjehemsvård", "Familjehemsplacering"],
  Öppenvård: ["Öppenvårdsinsatser", "Öppna insatser"],
};

/** Folded, with punctuation as spaces: "Hälso- och sjukvård" and "halso och sjukvard" are one name. */
export function nameKey(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, " ").trim();
}

/** How a pool's Insats found its catalogue entry. */
export type CatalogueMatchKind = "namn" | "synonym";

export interface CatalogueMatch {
  entry: CatalogueEntry;
  how: CatalogueMatchKind;
}

/** Default entry name of every synonym (and of the defaults' own names), by name key. */
const SYNONYM_TO_DEFAULT: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const e of DEFAULT_CATALOGUE) map.set(nameKey(e.insats), e.insats);
  for (const [name, synonyms] of Object.entries(INTERVENTION_SYNONYMS)) for (const s of synonyms) map.set(nameKey(s), name);
  return map;
})();

const DEFAULT_BY_NAME = new Map(DEFAULT_CATALOGUE.map((e) => [e.insats, e]));

/** The default entry a name stands for: the longest synonym that is the name or starts it. */
export function defaultEntryFor(text: string): CatalogueEntry | null {
  const key = nameKey(text);
  const words = key.split(" ");
  for (let n = words.length; n > 0; n--) {
    const name = SYNONYM_TO_DEFAULT.get(words.slice(0, n).join(" "));
    if (name) return DEFAULT_BY_NAME.get(name)!;
  }
  return null;
}

/**
 * Whether a text names a whole intervention: a catalogue entry's name or a synonym as written,
 * without more words ("Hemtjänst natt" names a narrower service than "Hemtjänst").
 */
export function namesWholeIntervention(text: string, catalogue: Map<string, CatalogueEntry>): boolean {
  const key = nameKey(text);
  return SYNONYM_TO_DEFAULT.has(key) || [...catalogue.values()].some((e) => nameKey(e.insats) === key);
}

const matchCache = new WeakMap<Map<string, CatalogueEntry>, Map<string, CatalogueMatch | null>>();

/**
 * The catalogue entry for an Insats as written in Pooler (or a Boendeform): the entry of that
 * name; else the entry of that name without punctuation; else, by the synonym list, the entry
 * that stands for the same default intervention (the workbook's own entry before the default).
 * A workbook entry without Nyckeltal whose name is a synonym keeps the default's figure, so
 * "Vård- och omsorgsboende" still gives the SÄBO figures.
 */
export function matchCatalogue(intervention: string, catalogue: Map<string, CatalogueEntry>): CatalogueMatch | null {
  let cache = matchCache.get(catalogue);
  if (!cache) matchCache.set(catalogue, (cache = new Map()));
  const cached = cache.get(intervention);
  if (cached !== undefined) return cached;
  const match = findMatch(intervention, catalogue);
  cache.set(intervention, match);
  return match;
}

function findMatch(intervention: string, catalogue: Map<string, CatalogueEntry>): CatalogueMatch | null {
  if (!intervention.trim()) return null;
  const withDefaultFigure = (entry: CatalogueEntry): CatalogueEntry => {
    if (entry.keyFigure) return entry;
    const standsFor = defaultEntryFor(entry.insats);
    return standsFor?.keyFigure ? { ...entry, keyFigure: standsFor.keyFigure } : entry;
  };
  const exact = catalogue.get(fold(intervention));
  if (exact) return { entry: withDefaultFigure(exact), how: "namn" };
  const key = nameKey(intervention);
  const entries = [...catalogue.values()];
  const sameKey = entries.filter((e) => nameKey(e.insats) === key);
  if (sameKey.length > 0) return { entry: withDefaultFigure(sameKey[sameKey.length - 1]), how: "namn" };
  const standsFor = defaultEntryFor(intervention);
  if (!standsFor) return null;
  // Entries later in the map are the workbook's own (the defaults come first).
  const candidates = entries.filter((e) => defaultEntryFor(e.insats) === standsFor);
  if (candidates.length === 0) return null;
  return { entry: withDefaultFigure(candidates[candidates.length - 1]), how: "synonym" };
}
