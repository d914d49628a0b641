/**
 * Exact shortcuts for the common cell: a plain JavaScript number with few decimals. decimal.js
 * reads a number through its shortest text (`String(n)`); the shortcuts give exactly what
 * `new Dec(n).times(10^places)` gives, without building a Decimal (or a string) per cell.
 * Anything else (zero, more decimals, huge values, text) returns null and takes the general path,
 * which also reports the problems. test/performance/identical.test.ts checks them against decimal.js.
 */

/**
 * Below these magnitudes a double's spacing is finer than 10^-places, so two decimals with at most
 * `places` decimals that both round to the same double are the same decimal (2^52 × 10^-places,
 * with a margin).
 */
const LIMIT: Record<number, number> = { 2: 4e13, 6: 4e9 };
const SCALE: Record<number, number> = { 2: 100, 6: 1_000_000 };

/**
 * n × 10^places as an exact integer when n's shortest text has at most `places` decimals; null
 * otherwise. m = round(n × 10^places) is a decimal m / 10^places with at most `places` decimals;
 * if it rounds back to n, it is the shortest text's value (any other decimal rounding to n with no
 * more digits would be a different multiple of 10^-places closer than one spacing: impossible
 * below LIMIT), which is exactly what decimal.js would read. Zero and non-finite go the long way.
 */
function scaled(n: number, places: 2 | 6): number | null {
  if (!(Math.abs(n) < LIMIT[places]) || n === 0) return null;
  const scale = SCALE[places];
  const m = Math.round(n * scale);
  return m !== 0 && m / scale === n ? m : null;
}

/** A number cell as micro-units (volumes), or null for the general path. Positive values only. */
export function fastMicro(cell: unknown): number | null {
  if (typeof cell !== "number" || !(cell > 0)) return null;
  return scaled(cell, 6);
}

/** A number cell as öre (amounts with at most two decimals), or null for the general path. */
export function fastOre(cell: unknown, maxAbsOre: number): number | null {
  if (typeof cell !== "number") return null;
  const ore = scaled(cell, 2);
  return ore !== null && Math.abs(ore) <= maxAbsOre ? ore : null;
}
