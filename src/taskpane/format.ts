/**
 * Swedish number formatting for the task pane (display only; the workbook keeps raw numbers).
 * Intl's sv-SE output uses a no-break space (U+00A0) as group separator and before "kr", so
 * `formatKr("1234.5")` is "1 234,50 kr" with U+00A0 in both places.
 *
 * Decimal strings (as the engine produces them) are passed to Intl as strings, which keeps every
 * digit instead of going through a binary double first.
 */

export type NumericInput = number | bigint | string;

const DECIMAL_STRING = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

const cache = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat("sv-SE", options);
    cache.set(key, nf);
  }
  return nf;
}

/** A finite numeric value, or null for anything that is not a number or decimal string. */
function numeric(value: NumericInput | null | undefined): number | bigint | string | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value;
  if (typeof value === "string" && DECIMAL_STRING.test(value)) return value.trim();
  return null;
}

function format(nf: Intl.NumberFormat, value: number | bigint | string): string {
  // Intl.NumberFormat accepts decimal strings (ES2023); the ES2021 typings only list number | bigint.
  return (nf.format as (v: number | bigint | string) => string)(value);
}

/** Placeholder shown for missing or non-numeric values. */
export const EMPTY_VALUE = "–";

/** Money in kronor with two decimals: 1234.5 → "1 234,50 kr". */
export function formatKr(value: NumericInput | null | undefined, decimals = 2): string {
  const n = numeric(value);
  if (n === null) return EMPTY_VALUE;
  return format(
    formatter({ style: "currency", currency: "SEK", minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
    n,
  );
}

/** Money given in integer öre: 123450 → "1 234,50 kr". */
export function formatOre(ore: number | bigint | null | undefined, decimals = 2): string {
  if (ore === null || ore === undefined) return EMPTY_VALUE;
  if (typeof ore === "number" && !Number.isSafeInteger(ore)) return EMPTY_VALUE;
  const big = BigInt(ore);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const text = `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return formatKr(text, decimals);
}

/** A plain number with a fixed number of decimals: 1234.5 → "1 234,5" (decimals = 1). */
export function formatNumber(value: NumericInput | null | undefined, decimals = 0): string {
  const n = numeric(value);
  if (n === null) return EMPTY_VALUE;
  return format(formatter({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }), n);
}

/** A ratio as a percentage: 0.125 → "12,5 %". */
export function formatPercent(value: NumericInput | null | undefined, decimals = 1): string {
  const n = numeric(value);
  if (n === null) return EMPTY_VALUE;
  return format(formatter({ style: "percent", minimumFractionDigits: decimals, maximumFractionDigits: decimals }), n);
}
