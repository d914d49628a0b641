import { fold } from "./cells";
import type { Area, CatalogueEntry } from "./model";

const entry = (insats: string, area: Area, volumeUnit: string, keyFigure = ""): CatalogueEntry => ({
  insats,
  area,
  volumeUnit,
  keyFigure,
});

/**
 * The intervention catalogue that ships with the add-in. A workbook's own `Insatskatalog` wins
 * entry by entry. The key-figure id ties an intervention to its published KPB figure.
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

/** The catalogue in force: the workbook's entries first, then the defaults it does not redefine. */
export function mergeCatalogue(own: CatalogueEntry[]): Map<string, CatalogueEntry> {
  const byName = new Map<string, CatalogueEntry>();
  for (const e of DEFAULT_CATALOGUE) byName.set(fold(e.insats), e);
  for (const e of own) byName.set(fold(e.insats), e);
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
