/**
 * The Excel layer's own texts (progress lines, a cancelled operation, a refresh that could not
 * compute, an Excel that lacks a requirement set), in Swedish and English by key. They render in
 * the language the user reads Excel in (src/shared/ui-language.ts).
 */
import { defineMessages, messageRenderer } from "../engine";
import { enCount, svCount, type Language } from "../engine";
import { uiLanguage } from "../shared/ui-language";

export interface MissingSet {
  name: string;
  version: string;
  usedFor: { sv: string; en: string };
}

export const EXCEL_MESSAGES = defineMessages({
  findingTables: {
    sv: () => `letar efter tabellerna`,
    en: () => `looking for the tables`,
  },
  swappingResults: {
    sv: () => `byter in resultaten`,
    en: () => `swapping in the results`,
  },
  cancelled: {
    sv: () => `Avbrutet av användaren; inget ändrades.`,
    en: () => `Cancelled by the user; nothing was changed.`,
  },
  runFailed: {
    sv: (p: { first: string; moreErrors: number }) => `${p.first}${p.moreErrors > 0 ? ` (och ${svCount(p.moreErrors, "fel", "fel")} till; se Kontroll i aktivitetsfönstret)` : ""}`,
    en: (p: { first: string; moreErrors: number }) => `${p.first}${p.moreErrors > 0 ? ` (and ${enCount(p.moreErrors, "more error", "more errors")}; see Kontroll in the task pane)` : ""}`,
  },
  runFailedWithoutProblem: {
    sv: () => `KPB kunde inte beräknas. Öppna Kontroll i aktivitetsfönstret.`,
    en: () => `KPB could not be computed. Open Kontroll in the task pane.`,
  },
  missingRequirements: {
    sv: (p: { sets: MissingSet[] }) =>
      `Den här Excel-versionen saknar stöd som KPB behöver: ${p.sets.map((s) => `${s.name} ${s.version} (${s.usedFor.sv})`).join("; ")}. ` +
      "KPB kan därför inte köras här. Uppdatera Office (Arkiv → Konto → Uppdateringsalternativ) eller använd Excel för Microsoft 365 eller Excel på webben.",
    en: (p: { sets: MissingSet[] }) =>
      `This Excel version lacks support that KPB needs: ${p.sets.map((s) => `${s.name} ${s.version} (${s.usedFor.en})`).join("; ")}. ` +
      "KPB therefore cannot run here. Update Office (File → Account → Update Options) or use Excel for Microsoft 365 or Excel on the web.",
  },
});

const render = messageRenderer(EXCEL_MESSAGES);

/** An Excel-layer text in the language the user reads Excel in (or the one given). */
export const excelMessage: typeof render = (key, ...rest) => {
  const [params, language] = rest as [unknown, Language | undefined];
  return (render as (k: typeof key, p: unknown, l: Language) => string)(key, params, language ?? uiLanguage());
};
