/**
 * Counts with the right noun form ("1 rad", "2 rader"; "1 row", "2 rows") for every layer's
 * messages. Intl.PluralRules picks the form, so a language with more forms than one/other needs
 * no code change here, only its words.
 */
export type Language = "sv" | "en";

const RULES: Record<Language, Intl.PluralRules> = { sv: new Intl.PluralRules("sv-SE"), en: new Intl.PluralRules("en-GB") };
const NUMBERS: Record<Language, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 }),
};

/** The noun form for `count`: `one` for 1 (in Swedish and English), `other` for 0, 2, 1,5 … */
export function pluralForm(language: Language, count: number | string, one: string, other: string): string {
  const n = Number(count);
  return Number.isFinite(n) && RULES[language].select(n) === "one" ? one : other;
}

/** A count written out with its noun: "1 rad", "1\u00a0234 rader", "2 rows". Text counts are kept as they are. */
export function countText(language: Language, count: number | string, one: string, other: string): string {
  const n = Number(count);
  const shown = typeof count === "number" && Number.isFinite(n) ? NUMBERS[language].format(n) : String(count);
  return `${shown} ${pluralForm(language, count, one, other)}`;
}

/** Swedish count: `sv(2, "rad", "rader")` → "2 rader". */
export const svCount = (count: number | string, one: string, other: string): string => countText("sv", count, one, other);
/** English count: `en(1, "row", "rows")` → "1 row". */
export const enCount = (count: number | string, one: string, other: string): string => countText("en", count, one, other);
