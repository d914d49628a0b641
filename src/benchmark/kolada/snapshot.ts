import type { KoladaValueRow } from "./types";

/**
 * What the add-in knows about Kolada's KPB key figures without a network: the KPI ids and titles
 * of Kolada's catalogue as it stood in September 2021 (all 35 KPIs whose title starts "KPB - "),
 * and the engine's key figure for each one it computes.
 *
 * There are no data values. No municipality's Kolada value for a KPB KPI and year was available
 * when the snapshot was made, and a value quoted from a report is not a Kolada value, so the
 * published report figures live in `published-averages.ts` instead. Add a value here only when it
 * was read from Kolada itself, with its year and municipality.
 */
export interface SnapshotKpi {
  id: string;
  title: string;
  /** The engine's key-figure id, when the engine computes this figure. */
  keyFigure?: string;
}

export interface KoladaSnapshot {
  description: string;
  /** When the catalogue was read, YYYY-MM-DD. */
  catalogueDate: string;
  kpis: readonly SnapshotKpi[];
  values: readonly KoladaValueRow[];
}

const kpi = (id: string, title: string, keyFigure?: string): SnapshotKpi => (keyFigure ? { id, title, keyFigure } : { id, title });

export const KOLADA_SNAPSHOT: KoladaSnapshot = {
  description: "Koladas KPB-nyckeltal (id och titel) enligt Koladas KPI-katalog i september 2021; inga datavärden.",
  catalogueDate: "2021-09-07",
  kpis: [
    kpi("U21002", "KPB - Ytterfall ordinärt boende, andel brukare (%)", "ytterfall_ordinart_andel"),
    kpi("U21003", "KPB - Kostnad hemtjänst, egen regi, kr/beviljad timme", "hemtjanst_egen_kr_timme"),
    kpi("U21005", "KPB - Kostnad korttidsboende ordinärt boende, egen regi, kr/dygn", "korttid_egen_kr_dygn"),
    kpi("U21014", "KPB - Hemtjänsttimmar, antal timmar/inv 80+", "hemtjanst_timmar_per_inv_80"),
    kpi("U21015", "KPB - Hemtjänst i extern regi, andel (%)"),
    kpi("U21016", "KPB - Korttidsvården i extern regi, andel (%)"),
    kpi("U21017", "KPB - Korttidsvård genomsnittligt, antal dygn"),
    kpi("U23004", "KPB - Kostnad särskilt boende, egen regi, kr/dygn", "sabo_egen_kr_dygn_inkl_hsl"),
    kpi("U23005", "KPB - Dygn inom särskilt boende, antal dygn/inv 80+", "sabo_dygn_per_inv_80"),
    kpi("U23006", "KPB - Kostnad särskilt boende, egen regi, kr/plats"),
    kpi("U23008", "KPB - Kostnad för HSL-insatser i särskilt boende, egen regi, kr/dygn", "hsl_sabo_kr_dygn"),
    kpi("U23801", "KPB - Beläggningsgrad i särskilt boende, egen regi, andel (%)"),
    kpi("U23802", "KPB - Omsättningsgrad i särskilt boende, egen regi, antal personer per plats och år"),
    kpi("U25005", "KPB - Kostnad personlig assistans SFB (efter avdrag från f-kassan), egen regi, kr/timme", "pers_ass_netto_kr_timme"),
    kpi("U25009", "KPB - Kostnad boendestöd, kr/brukare"),
    kpi("U25010", "KPB - Kostnad personlig assistans SFB, andel av total kostnad inom LSS och SFB, (%)"),
    kpi("U25011", "KPB - Kostnad boende psykiskt funktionsnedsättning, egen regi, kr/dygn"),
    kpi("U25012", "KPB - Kostnad personlig assistans SFB brutto, egen regi, kr/timme", "pers_ass_brutto_kr_timme"),
    kpi("U25013", "KPB - Kostnad övriga insatser LSS, andel av total kostnad inom LSS och SFB, (%)"),
    kpi("U26012", "KPB - Kostnad boendestöd enligt KPB, kr/timme", "boendestod_kr_timme"),
    kpi("U28012", "KPB - Kostnad bostad med särskild service LSS för barn, ungdomar eller vuxna, kr/brukare"),
    kpi("U28013", "KPB - Kostnad daglig verksamhet LSS, annan regi, kr/dag"),
    kpi("U28014", "KPB - Kostnad daglig verksamhet LSS, egen och annan regi, kr/brukare"),
    kpi("U28019", "KPB - Andel dygn i gruppboende enligt LSS för personer 65 år och äldre, (%)"),
    kpi("U28029", "KPB - Ytterfall insatser inom LSS, andel brukare (%)", "ytterfall_lss_andel"),
    kpi("U28030", "KPB - Kostnad gruppboende LSS för vuxna, egen regi, kr/dygn", "gruppbostad_egen_kr_dygn"),
    kpi("U28031", "KPB - Kostnad daglig verksamhet LSS, egen regi, kr/dag", "daglig_verksamhet_egen_kr_dag"),
    kpi("U28032", "KPB - Kostnad servicebostad LSS, egen regi, kr/dygn", "servicebostad_egen_kr_dygn"),
    kpi("U28033", "KPB - Kostnad insatser inom LSS, kr/brukare"),
    kpi("U28055", "KPB - Kostnad personlig assistans LSS, andel av total kostnad inom LSS och SFB, (%)"),
    kpi("U28056", "KPB - Kostnad gruppbostad LSS, andel av total kostnad inom LSS och SFB, (%)"),
    kpi("U28057", "KPB - Kostnad servicebostad LSS, andel av total kostnad inom LSS och SFB, (%)"),
    kpi("U28058", "KPB - Kostnad daglig verksamhet LSS, andel av total kostnad inom LSS och SFB, (%)"),
    kpi("U28060", "KPB - Kostnad personlig assistans LSS, LSS och SFB kr/brukare"),
    kpi("U28096", "KPB - Kostnad korttidsvistelse enligt LSS, egen regi, kr/dygn", "korttidsvistelse_lss_kr_dygn"),
  ],
  values: [],
};

/** KPI id → title, for labels and for `toBenchmarkRows`. */
export function snapshotTitles(snapshot: KoladaSnapshot = KOLADA_SNAPSHOT): Record<string, string> {
  return Object.fromEntries(snapshot.kpis.map((k) => [k.id, k.title]));
}
