/**
 * Key figures for display: numbers always in sv-SE ("1 234,50 kr/timme", "2,5 %"), units in the
 * pane language. Values arrive as the engine's unrounded decimal strings.
 */
import { EMPTY_VALUE, formatKr, formatNumber } from "./format";
import type { Language } from "./i18n";

const UNIT_EN: Record<string, string> = {
  timme: "hour",
  timmar: "hours",
  dygn: "day",
  dag: "day",
  dagar: "days",
  månad: "month",
  månader: "months",
  portion: "portion",
  brukare: "client",
  invånare: "inhabitant",
  inv: "inhabitant",
};

/** "kr/timme" → "kr/hour" in English; Swedish units as they are. */
export function unitText(unit: string, language: Language): string {
  if (language === "sv") return unit;
  return unit.replace(/[A-Za-zåäöÅÄÖ]+/g, (w) => (w === "kr" ? w : UNIT_EN[w] ?? w));
}

/** Decimals a unit is shown with: whole kronor for totals and per-client/inhabitant costs. */
function decimalsFor(unit: string): number {
  if (unit === "kr" || unit === "kr/brukare" || unit === "kr/invånare") return 0;
  if (unit.startsWith("kr/")) return 2;
  if (unit === "%") return 1;
  return 1;
}

function plain(value: string, unit: string, language: Language, signed: boolean): string {
  const decimals = decimalsFor(unit);
  let text: string;
  if (unit === "kr" || unit.startsWith("kr/")) {
    text = formatKr(value, decimals);
    if (text !== EMPTY_VALUE && unit !== "kr") text += unit.slice(2).replace(/^\/.*/, (u) => "/" + unitText(u.slice(1), language));
  } else if (unit === "%") {
    text = formatNumber(value, decimals);
    if (text !== EMPTY_VALUE) text += "\u00a0%";
  } else {
    text = formatNumber(value, decimals);
    if (text !== EMPTY_VALUE && unit) text += `\u00a0${unitText(unit, language)}`;
  }
  if (signed && text !== EMPTY_VALUE && !/^[-−]/.test(text) && Number(value) !== 0) text = `+${text}`;
  return text;
}

/** A key figure value with its unit: "677,61 kr/timme", "108 505 859 kr", "2,5 %". */
export function formatFigure(value: string | null | undefined, unit: string, language: Language): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  return plain(value, unit, language, false);
}

/** A difference with its sign: "+28,61 kr/timme", "−12,0 %". Percent differences are percentage points. */
export function formatDifference(value: string | null | undefined, unit: string, language: Language): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  if (unit === "%") {
    const text = formatNumber(value, 1);
    if (text === EMPTY_VALUE) return text;
    const signed = !/^[-−]/.test(text) && Number(value) !== 0 ? `+${text}` : text;
    return `${signed}\u00a0${language === "en" ? "pp" : "procentenheter"}`;
  }
  return plain(value, unit, language, true);
}

/** An index own ÷ benchmark with two decimals: "1,04". */
export function formatIndex(value: string | null | undefined): string {
  return formatNumber(value ?? null, 2);
}
