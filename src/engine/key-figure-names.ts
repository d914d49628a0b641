import { fold } from "./cells";
/**
 * Names, units and Kolada counterparts of the key figures that have a fixed id. Figures per pool,
 * intervention, area and age group get their names where they are computed.
 */
export interface KeyFigureName {
  name: string;
  nameEn: string;
  unit: string;
  kolada?: string;
}

export const KEY_FIGURE_NAMES: Record<string, KeyFigureName> = {
  hemtjanst_egen_kr_timme: { name: "Kostnad per beviljad hemtjänsttimme, egen regi", nameEn: "Cost per granted home-care hour, in-house", unit: "kr/timme", kolada: "U21003" },
  hemtjanst_egen_kr_timme_inkl_hsl: { name: "Kostnad per beviljad hemtjänsttimme inkl. delegerad HSL, egen regi", nameEn: "Cost per granted home-care hour incl. delegated health care, in-house", unit: "kr/timme" },
  sabo_egen_kr_dygn_inkl_hsl: { name: "Kostnad per dygn i särskilt boende inkl. HSL, egen regi", nameEn: "Cost per day in residential care incl. health care, in-house", unit: "kr/dygn", kolada: "U23004" },
  sabo_egen_kr_dygn_exkl_hsl: { name: "Kostnad per dygn i särskilt boende exkl. HSL, egen regi", nameEn: "Cost per day in residential care excl. health care, in-house", unit: "kr/dygn" },
  hsl_sabo_kr_dygn: { name: "Kostnad för HSL i särskilt boende, egen regi, kr/dygn", nameEn: "Health care in residential care, in-house, per day", unit: "kr/dygn", kolada: "U23008" },
  korttid_egen_kr_dygn: { name: "Kostnad korttidsvård, egen regi, kr/dygn", nameEn: "Short-term care, in-house, per day", unit: "kr/dygn", kolada: "U21005" },
  hsl_kr_timme: { name: "Kostnad HSL, kr/timme", nameEn: "Health care, per hour", unit: "kr/timme" },
  trygghetslarm_kr_manad: { name: "Kostnad trygghetslarm, kr/månad", nameEn: "Safety alarm, per month", unit: "kr/månad" },
  matdistribution_kr_portion: { name: "Kostnad matdistribution, kr/portion", nameEn: "Meal delivery, per portion", unit: "kr/portion" },
  dagverksamhet_kr_dag: { name: "Kostnad dagverksamhet, kr/dag", nameEn: "Day activities, per day", unit: "kr/dag" },
  boendestod_kr_timme: { name: "Kostnad boendestöd, kr/timme", nameEn: "Housing support, per hour", unit: "kr/timme", kolada: "U26012" },
  gruppbostad_egen_kr_dygn: { name: "Kostnad gruppbostad LSS vuxna, egen regi, kr/dygn", nameEn: "LSS group home, adults, in-house, per day", unit: "kr/dygn", kolada: "U28030" },
  servicebostad_egen_kr_dygn: { name: "Kostnad servicebostad LSS, egen regi, kr/dygn", nameEn: "LSS service housing, in-house, per day", unit: "kr/dygn", kolada: "U28032" },
  daglig_verksamhet_egen_kr_dag: { name: "Kostnad daglig verksamhet LSS, egen regi, kr/dag", nameEn: "LSS daily activity, in-house, per day", unit: "kr/dag", kolada: "U28031" },
  pers_ass_netto_kr_timme: { name: "Nettotimkostnad personlig assistans (efter FK-ersättning), egen regi", nameEn: "Personal assistance, net of Försäkringskassan, in-house, per hour", unit: "kr/timme", kolada: "U25005" },
  pers_ass_brutto_kr_timme: { name: "Bruttotimkostnad personlig assistans, egen regi", nameEn: "Personal assistance, gross, in-house, per hour", unit: "kr/timme", kolada: "U25012" },
  korttidsvistelse_lss_kr_dygn: { name: "Kostnad korttidsvistelse LSS, egen regi, kr/dygn", nameEn: "LSS short stay, in-house, per day", unit: "kr/dygn", kolada: "U28096" },
  ledsagarservice_kr_timme: { name: "Kostnad ledsagarservice, kr/timme", nameEn: "Escort service, per hour", unit: "kr/timme" },
  hvb_kr_dygn: { name: "Kostnad HVB, kr/vårddygn", nameEn: "Residential care (HVB), per care day", unit: "kr/dygn" },
  familjehem_kr_dygn: { name: "Kostnad familjehem, kr/vårddygn", nameEn: "Foster care, per care day", unit: "kr/dygn" },
  oppenvard_kr_timme: { name: "Kostnad öppenvård, kr/timme", nameEn: "Outpatient care, per hour", unit: "kr/timme" },
  ytterfall_ordinart_andel: { name: "Ytterfall ordinärt boende, andel brukare", nameEn: "Outliers in ordinary housing, share of clients", unit: "%", kolada: "U21002" },
  ytterfall_sabo_andel: { name: "Ytterfall särskilt boende, andel brukare", nameEn: "Outliers in residential care, share of clients", unit: "%" },
  ytterfall_lss_andel: { name: "Ytterfall LSS, andel brukare", nameEn: "Outliers in LSS, share of clients", unit: "%", kolada: "U28029" },
  brytpunkt_kr_ar: { name: "Brytpunkt: årskostnad för en plats i särskilt boende, egen regi inkl. HSL", nameEn: "Break-even: yearly cost of a place in residential care, in-house incl. health care", unit: "kr/år" },
  brytpunkt_antal_over: { name: "Brukare i ordinärt boende över brytpunkten", nameEn: "Clients in ordinary housing above the break-even", unit: "brukare" },
  brytpunkt_merkostnad: { name: "Merkostnad över brytpunkten, brukare i ordinärt boende", nameEn: "Cost above the break-even, clients in ordinary housing", unit: "kr" },
  ytterfall_ifo_andel: { name: "Ytterfall IFO, andel brukare", nameEn: "Outliers in IFO, share of clients", unit: "%" },
  hemtjanst_timmar_per_inv_80: { name: "Hemtjänsttimmar per invånare 80+", nameEn: "Home-care hours per inhabitant 80+", unit: "timmar/inv", kolada: "U21014" },
  sabo_dygn_per_inv_80: { name: "Dygn i särskilt boende per invånare 80+", nameEn: "Days in residential care per inhabitant 80+", unit: "dygn/inv", kolada: "U23005" },
};

/** Names of the figures made per pool, intervention, area, age group or band, in both languages. */
export type FigureNameKey = "poolUnitCost" | "insatsUnitCost" | "catalogueFigure" | "costPerClient" | "costPerInhabitant" | "clientShare" | "outlier" | "hourBand" | "areaTotal";

type NameParams = Record<string, string>;

/**
 * An intervention's name inside a sentence: "Särskilt boende" → "särskilt boende", but an
 * abbreviation keeps its case ("HSL", "HVB", "Gruppbostad LSS" → "gruppbostad LSS"). Only the
 * first letter of a first word that is not an abbreviation (two capitals or more) is lowered;
 * the rest stays as written in Pooler, since it may be a name.
 */
export function insatsInText(insats: string): string {
  const first = insats.split(/\s/, 1)[0];
  if ((first.match(/\p{Lu}/gu) ?? []).length >= 2) return insats;
  return insats.charAt(0).toLocaleLowerCase("sv") + insats.slice(1);
}

const REGI_EN: Record<string, string> = { egen: "in-house", annan: "external", alla: "in-house and external" };
const regiSv = (regi: string) => (regi === "alla" ? "egen och annan regi" : `${regi} regi`);
const scopeSv = (p: NameParams) => `${p.area}, ${p.ageGroup === "alla" ? "alla åldrar" : `${p.ageGroup} år`}`;
const scopeEn = (p: NameParams) => `${p.area}, ${p.ageGroup === "alla" ? "all ages" : `${p.ageGroup.replace(/-w$/, "+")} years`}`;

export const FIGURE_NAMES: Record<FigureNameKey, { sv: (p: NameParams) => string; en: (p: NameParams) => string }> = {
  poolUnitCost: {
    sv: (p) => `Styckkostnad ${p.insats}${p.enhet ? `, ${p.enhet}` : ""} (${regiSv(p.regi)})`,
    en: (p) => `Unit cost ${p.insats}${p.enhet ? `, ${p.enhet}` : ""} (${REGI_EN[p.regi] ?? p.regi})`,
  },
  insatsUnitCost: {
    sv: (p) => `Kostnad ${insatsInText(p.insats)}, ${regiSv(p.regi)}`,
    en: (p) => `Cost of ${insatsInText(p.insats)}, ${REGI_EN[p.regi] ?? p.regi}`,
  },
  catalogueFigure: {
    sv: (p) => `Kostnad ${insatsInText(p.insats)}, egen regi`,
    en: (p) => `Cost of ${insatsInText(p.insats)}, in-house`,
  },
  costPerClient: { sv: (p) => `Kostnad per brukare, ${scopeSv(p)}`, en: (p) => `Cost per client, ${scopeEn(p)}` },
  costPerInhabitant: { sv: (p) => `Kostnad per invånare, ${scopeSv(p)}`, en: (p) => `Cost per inhabitant, ${scopeEn(p)}` },
  clientShare: { sv: (p) => `Andel brukare av invånarna, ${scopeSv(p)}`, en: (p) => `Clients as a share of inhabitants, ${scopeEn(p)}` },
  outlier: { sv: (p) => `Ytterfall ${p.scope}`, en: (p) => `Outliers, ${p.scope}` },
  hourBand: {
    sv: (p) => `Andel hemtjänstbrukare med ${p.band} beviljade timmar per år`,
    en: (p) => `Share of home-care clients with ${p.band.replace(/-w$/, "+")} granted hours a year`,
  },
  areaTotal: { sv: (p) => `Total kostnad ${p.area}`, en: (p) => `Total cost ${p.area}` },
};

/** A figure's name in a language: the fixed names first, then the family's name from its parts. */
export function figureNameIn(
  figure: { id: string; name: string; nameParts?: { key: FigureNameKey; params: NameParams } },
  language: "sv" | "en",
): string {
  const fixed = KEY_FIGURE_NAMES[figure.id];
  if (fixed) return language === "en" ? fixed.nameEn : fixed.name;
  if (figure.nameParts) return FIGURE_NAMES[figure.nameParts.key][language](figure.nameParts.params);
  return figure.name;
}

/**
 * Whether a `Jämförelse` Nyckeltal (our id, Kolada id or name) is a share in percent: the fixed
 * figures whose unit is %, and the families andel_brukare:…, brukarmix:… and ytterfall….
 */
export function isShareFigure(text: string): boolean {
  const f = fold(text);
  if (/^(andel_brukare|brukarmix|ytterfall)/.test(f) || /^andel\b/.test(f)) return true;
  return Object.entries(KEY_FIGURE_NAMES).some(
    ([id, k]) => k.unit === "%" && (fold(id) === f || fold(k.name) === f || (k.kolada !== undefined && fold(k.kolada) === f)),
  );
}
