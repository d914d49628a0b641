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

/**
 * One pattern for every name: what is measured, then the limitation, then the regi ("Kostnad
 * särskilt boende inkl. HSL, egen regi"). The unit is never part of the name: it stands in the
 * Enhet column (`unit`). Published figures keep Kolada's wording without its "KPB - " prefix and
 * its unit, so a committee paper can cite the Kolada title next to ours. Abbreviations keep their
 * capitals. The published figures are measured over egen regi, so each says so.
 */
export const KEY_FIGURE_NAMES: Record<string, KeyFigureName> = {
  hemtjanst_egen_kr_timme: { name: "Kostnad per beviljad hemtjänsttimme, egen regi", nameEn: "Cost per granted home-care hour, in-house", unit: "kr/timme", kolada: "U21003" },
  hemtjanst_egen_kr_timme_inkl_hsl: { name: "Kostnad per beviljad hemtjänsttimme inkl. delegerad HSL, egen regi", nameEn: "Cost per granted home-care hour incl. delegated health care (HSL), in-house", unit: "kr/timme" },
  sabo_egen_kr_dygn_inkl_hsl: { name: "Kostnad särskilt boende inkl. HSL, egen regi", nameEn: "Cost of residential care (SÄBO) incl. health care (HSL), in-house", unit: "kr/dygn", kolada: "U23004" },
  sabo_egen_kr_dygn_exkl_hsl: { name: "Kostnad särskilt boende exkl. HSL, egen regi", nameEn: "Cost of residential care (SÄBO) excl. health care (HSL), in-house", unit: "kr/dygn" },
  hsl_sabo_kr_dygn: { name: "Kostnad för HSL-insatser i särskilt boende, egen regi", nameEn: "Cost of health care (HSL) in residential care, in-house", unit: "kr/dygn", kolada: "U23008" },
  korttid_egen_kr_dygn: { name: "Kostnad korttidsboende ordinärt boende, egen regi", nameEn: "Cost of short-term care, ordinary housing, in-house", unit: "kr/dygn", kolada: "U21005" },
  hsl_kr_timme: { name: "Kostnad HSL, egen regi", nameEn: "Cost of health care (HSL), in-house", unit: "kr/timme" },
  trygghetslarm_kr_manad: { name: "Kostnad trygghetslarm, egen regi", nameEn: "Cost of safety alarms, in-house", unit: "kr/månad" },
  matdistribution_kr_portion: { name: "Kostnad matdistribution, egen regi", nameEn: "Cost of meal delivery, in-house", unit: "kr/portion" },
  dagverksamhet_kr_dag: { name: "Kostnad dagverksamhet, egen regi", nameEn: "Cost of day activities, in-house", unit: "kr/dag" },
  boendestod_kr_timme: { name: "Kostnad boendestöd, egen regi", nameEn: "Cost of housing support, in-house", unit: "kr/timme", kolada: "U26012" },
  gruppbostad_egen_kr_dygn: { name: "Kostnad gruppboende LSS för vuxna, egen regi", nameEn: "Cost of LSS group homes for adults, in-house", unit: "kr/dygn", kolada: "U28030" },
  servicebostad_egen_kr_dygn: { name: "Kostnad servicebostad LSS, egen regi", nameEn: "Cost of LSS service housing, in-house", unit: "kr/dygn", kolada: "U28032" },
  daglig_verksamhet_egen_kr_dag: { name: "Kostnad daglig verksamhet LSS, egen regi", nameEn: "Cost of LSS daily activity, in-house", unit: "kr/dag", kolada: "U28031" },
  pers_ass_netto_kr_timme: { name: "Kostnad personlig assistans SFB efter avdrag för ersättning från Försäkringskassan, egen regi", nameEn: "Cost of personal assistance (SFB) after the refund from Försäkringskassan, in-house", unit: "kr/timme", kolada: "U25005" },
  pers_ass_brutto_kr_timme: { name: "Kostnad personlig assistans SFB brutto, egen regi", nameEn: "Cost of personal assistance (SFB), gross, in-house", unit: "kr/timme", kolada: "U25012" },
  korttidsvistelse_lss_kr_dygn: { name: "Kostnad korttidsvistelse enligt LSS, egen regi", nameEn: "Cost of LSS short stays, in-house", unit: "kr/dygn", kolada: "U28096" },
  ledsagarservice_kr_timme: { name: "Kostnad ledsagarservice, egen regi", nameEn: "Cost of escort service, in-house", unit: "kr/timme" },
  hvb_kr_dygn: { name: "Kostnad HVB, egen regi", nameEn: "Cost of residential care for children and young people (HVB), in-house", unit: "kr/dygn" },
  familjehem_kr_dygn: { name: "Kostnad familjehem, egen regi", nameEn: "Cost of foster care, in-house", unit: "kr/dygn" },
  oppenvard_kr_timme: { name: "Kostnad öppenvård, egen regi", nameEn: "Cost of outpatient care, in-house", unit: "kr/timme" },
  ytterfall_ordinart_andel: { name: "Ytterfall ordinärt boende, andel brukare", nameEn: "Outliers in ordinary housing, share of clients", unit: "%", kolada: "U21002" },
  ytterfall_sabo_andel: { name: "Ytterfall särskilt boende, andel brukare", nameEn: "Outliers in residential care, share of clients", unit: "%" },
  ytterfall_lss_andel: { name: "Ytterfall insatser inom LSS, andel brukare", nameEn: "Outliers in LSS, share of clients", unit: "%", kolada: "U28029" },
  brytpunkt_kr_ar: { name: "Brytpunkt, årskostnad för en plats i särskilt boende inkl. HSL, egen regi", nameEn: "Break-even, yearly cost of a place in residential care incl. health care (HSL), in-house", unit: "kr/år" },
  brytpunkt_antal_over: { name: "Brukare i ordinärt boende över brytpunkten", nameEn: "Clients in ordinary housing above the break-even", unit: "brukare" },
  brytpunkt_merkostnad: { name: "Merkostnad över brytpunkten, brukare i ordinärt boende", nameEn: "Cost above the break-even, clients in ordinary housing", unit: "kr" },
  ytterfall_ifo_andel: { name: "Ytterfall IFO, andel brukare", nameEn: "Outliers in IFO, share of clients", unit: "%" },
  hemtjanst_timmar_per_inv_80: { name: "Hemtjänsttimmar per invånare 80 år och äldre", nameEn: "Home-care hours per inhabitant aged 80 and over", unit: "timmar/inv", kolada: "U21014" },
  sabo_dygn_per_inv_80: { name: "Dygn inom särskilt boende per invånare 80 år och äldre", nameEn: "Days in residential care per inhabitant aged 80 and over", unit: "dygn/inv", kolada: "U23005" },
};

/**
 * The names these figures had before (saved workbooks, `Jämförelse` rows and worksheet formulas
 * may still say them): they still find the figure.
 */
export const FORMER_FIGURE_NAMES: Record<string, string[]> = {
  sabo_egen_kr_dygn_inkl_hsl: ["Kostnad per dygn i särskilt boende inkl. HSL, egen regi"],
  sabo_egen_kr_dygn_exkl_hsl: ["Kostnad per dygn i särskilt boende exkl. HSL, egen regi"],
  hsl_sabo_kr_dygn: ["Kostnad för HSL i särskilt boende, egen regi, kr/dygn"],
  korttid_egen_kr_dygn: ["Kostnad korttidsvård, egen regi, kr/dygn"],
  hsl_kr_timme: ["Kostnad HSL, kr/timme"],
  trygghetslarm_kr_manad: ["Kostnad trygghetslarm, kr/månad"],
  matdistribution_kr_portion: ["Kostnad matdistribution, kr/portion"],
  dagverksamhet_kr_dag: ["Kostnad dagverksamhet, kr/dag"],
  boendestod_kr_timme: ["Kostnad boendestöd, kr/timme"],
  gruppbostad_egen_kr_dygn: ["Kostnad gruppbostad LSS vuxna, egen regi, kr/dygn"],
  servicebostad_egen_kr_dygn: ["Kostnad servicebostad LSS, egen regi, kr/dygn"],
  daglig_verksamhet_egen_kr_dag: ["Kostnad daglig verksamhet LSS, egen regi, kr/dag"],
  pers_ass_netto_kr_timme: ["Nettotimkostnad personlig assistans (efter FK-ersättning), egen regi"],
  pers_ass_brutto_kr_timme: ["Bruttotimkostnad personlig assistans, egen regi"],
  korttidsvistelse_lss_kr_dygn: ["Kostnad korttidsvistelse LSS, egen regi, kr/dygn"],
  ledsagarservice_kr_timme: ["Kostnad ledsagarservice, kr/timme"],
  hvb_kr_dygn: ["Kostnad HVB, kr/vårddygn"],
  familjehem_kr_dygn: ["Kostnad familjehem, kr/vårddygn"],
  oppenvard_kr_timme: ["Kostnad öppenvård, kr/timme"],
  ytterfall_lss_andel: ["Ytterfall LSS, andel brukare"],
  brytpunkt_kr_ar: ["Brytpunkt: årskostnad för en plats i särskilt boende, egen regi inkl. HSL"],
  hemtjanst_timmar_per_inv_80: ["Hemtjänsttimmar per invånare 80+"],
  sabo_dygn_per_inv_80: ["Dygn i särskilt boende per invånare 80+"],
};

/** Which hours the hemtjänst volumes are (Inställningar → Hemtjänsttid): granted, the default, or performed. */
export type HomeCareHours = "beviljad" | "utförd";

/** The hemtjänst figures whose name says which hours they are per. */
export const HOME_CARE_HOUR_FIGURES = ["hemtjanst_egen_kr_timme", "hemtjanst_egen_kr_timme_inkl_hsl"] as const;

/** A fixed figure's name in a language, the hemtjänst figures per the hours they are counted in. */
export function fixedFigureName(id: string, language: "sv" | "en", hours: HomeCareHours = "beviljad"): string | undefined {
  const known = KEY_FIGURE_NAMES[id];
  if (!known) return undefined;
  const name = language === "en" ? known.nameEn : known.name;
  if (hours !== "utförd" || !(HOME_CARE_HOUR_FIGURES as readonly string[]).includes(id)) return name;
  return language === "en" ? name.replace("granted", "performed") : name.replace("beviljad", "utförd");
}

/**
 * An age group as written in a name: "80-w" is "80 år och äldre" ("80 and over"), "0-19" is
 * "0–19 år" ("0-19 years"), "alla" is "alla åldrar" ("all ages"). The group's id keeps "80-w".
 */
export function ageGroupText(label: string, language: "sv" | "en"): string {
  if (label === "alla") return language === "en" ? "all ages" : "alla åldrar";
  const open = /^(\d+)-w$/.exec(label);
  if (open) return language === "en" ? `aged ${open[1]} and over` : `${open[1]} år och äldre`;
  return language === "en" ? `${label} years` : `${label.replace("-", "–")} år`;
}

/** An hour band as written in a name: "144-288", and the open last band "1152-w" as "mer än 1152". */
export function hourBandText(band: string, language: "sv" | "en"): string {
  const open = /^(\d+)-w$/.exec(band);
  if (open) return language === "en" ? `more than ${open[1]}` : `mer än ${open[1]}`;
  return band;
}

/** Names of the figures made per pool, intervention, area, age group or band, in both languages. */
export type FigureNameKey = "poolUnitCost" | "interventionUnitCost" | "catalogueFigure" | "costPerClient" | "costPerInhabitant" | "clientShare" | "outlier" | "hourBand" | "areaTotal" | "homeCareHour";

type NameParams = Record<string, string>;

/**
 * An intervention's name inside a sentence: "Särskilt boende" → "särskilt boende", but an
 * abbreviation keeps its case ("HSL", "HVB", "Gruppbostad LSS" → "gruppbostad LSS"). Only the
 * first letter of a first word that is not an abbreviation (two capitals or more) is lowered;
 * the rest stays as written in Pooler, since it may be a name.
 */
export function interventionInText(intervention: string): string {
  const first = intervention.split(/\s/, 1)[0];
  if ((first.match(/\p{Lu}/gu) ?? []).length >= 2) return intervention;
  return intervention.charAt(0).toLocaleLowerCase("sv") + intervention.slice(1);
}

const REGI_EN: Record<string, string> = { egen: "in-house", annan: "external", alla: "in-house and external" };
const regiSv = (regi: string) => (regi === "alla" ? "egen och annan regi" : `${regi} regi`);
const scopeSv = (p: NameParams) => `${p.area}, ${ageGroupText(p.ageGroup, "sv")}`;
const scopeEn = (p: NameParams) => `${p.area}, ${ageGroupText(p.ageGroup, "en")}`;
const HOURS_SV: Record<string, string> = { beviljad: "beviljade", "utförd": "utförda" };
const HOURS_EN: Record<string, string> = { beviljad: "granted", "utförd": "performed" };

export const FIGURE_NAMES: Record<FigureNameKey, { sv: (p: NameParams) => string; en: (p: NameParams) => string }> = {
  // Computed per pool and per intervention: "Styckkostnad", as the published figures are "Kostnad".
  poolUnitCost: {
    sv: (p) => `Styckkostnad ${interventionInText(p.insats)}, ${p.enhet || p.pool || "utan enhet"}, ${regiSv(p.regi)}`,
    en: (p) => `Unit cost of ${interventionInText(p.insats)}, ${p.enhet || p.pool || "no unit"}, ${REGI_EN[p.regi] ?? p.regi}`,
  },
  interventionUnitCost: {
    sv: (p) => `Styckkostnad ${interventionInText(p.insats)}, ${regiSv(p.regi)}`,
    en: (p) => `Unit cost of ${interventionInText(p.insats)}, ${REGI_EN[p.regi] ?? p.regi}`,
  },
  catalogueFigure: {
    sv: (p) => `Kostnad ${interventionInText(p.insats)}, egen regi`,
    en: (p) => `Cost of ${interventionInText(p.insats)}, in-house`,
  },
  costPerClient: { sv: (p) => `Kostnad per brukare, ${scopeSv(p)}`, en: (p) => `Cost per client, ${scopeEn(p)}` },
  costPerInhabitant: { sv: (p) => `Kostnad per invånare, ${scopeSv(p)}`, en: (p) => `Cost per inhabitant, ${scopeEn(p)}` },
  clientShare: { sv: (p) => `Andel brukare av invånarna, ${scopeSv(p)}`, en: (p) => `Clients as a share of inhabitants, ${scopeEn(p)}` },
  outlier: { sv: (p) => `Ytterfall ${p.scope}`, en: (p) => `Outliers, ${p.scope}` },
  hourBand: {
    sv: (p) => `Andel hemtjänstbrukare med ${hourBandText(p.band, "sv")} ${HOURS_SV[p.hours] ?? "beviljade"} timmar per år`,
    en: (p) => `Share of home-care clients with ${hourBandText(p.band, "en")} ${HOURS_EN[p.hours] ?? "granted"} hours a year`,
  },
  areaTotal: { sv: (p) => `Total kostnad ${p.area}`, en: (p) => `Total cost ${p.area}` },
  homeCareHour: {
    sv: (p) => fixedFigureName(p.id, "sv", p.hours as HomeCareHours)!,
    en: (p) => fixedFigureName(p.id, "en", p.hours as HomeCareHours)!,
  },
};

/** A figure's name in a language: the fixed names first, then the family's name from its parts. */
export function figureNameIn(
  figure: { id: string; name: string; nameParts?: { key: FigureNameKey; params: NameParams } },
  language: "sv" | "en",
): string {
  // The parts first: they carry what the fixed name alone does not (the hemtjänst hours).
  if (figure.nameParts) return FIGURE_NAMES[figure.nameParts.key][language](figure.nameParts.params);
  return fixedFigureName(figure.id, language) ?? figure.name;
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
