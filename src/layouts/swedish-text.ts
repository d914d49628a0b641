/**
 * Numbers written out in Swedish running text (tjänsteskrivelser): thousands separated by a
 * no-break space, decimal comma, "mnkr" for millions. Cells keep their number formats instead;
 * this is only for sentences.
 */
const NBSP = "\u00a0";

/** 677.6055 → "677,61" (decimals 2); 2753.46 → "2 753" (decimals 0). Minus sign as "−". */
export function svNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, frac] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? "−" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** Kronor as "0,9 mnkr" from 100 000 kr up, else "85 tkr", else "850 kr". */
export function svAmount(kr: number): string {
  const abs = Math.abs(kr);
  if (abs >= 100_000) return `${svNumber(kr / 1_000_000, 1)}${NBSP}mnkr`;
  if (abs >= 1_000) return `${svNumber(kr / 1_000, 0)}${NBSP}tkr`;
  return `${svNumber(kr, 0)}${NBSP}kr`;
}

/** A share in percent as "46,6 %". */
export function svPercent(percent: number, decimals = 1): string {
  return `${svNumber(percent, decimals)}${NBSP}%`;
}

/** Index 1.0512 → "1,05". */
export function svIndex(index: number): string {
  return svNumber(index, 2);
}

/**
 * How far a value lies from its benchmark, in whole percent: "4 % över", "17 % under", or
 * "i nivå med" when it rounds to 0 %.
 */
export function svRelation(index: number): { percent: number; text: string } {
  const percent = Math.round(Math.abs(index - 1) * 100);
  if (percent === 0) return { percent, text: "i nivå med" };
  return { percent, text: `${percent}${NBSP}% ${index > 1 ? "över" : "under"}` };
}
