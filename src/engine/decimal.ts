import DecimalJs from "decimal.js";

/**
 * The only calculator the engine uses for non-integer arithmetic: 40 significant digits and
 * half-up rounding, so unit costs and ratios stay exact far beyond what any figure displays.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** A decimal as a plain string without exponent notation. */
export function decString(value: Dec, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places);
}

/** Unit costs and ratios in output: unrounded up to 12 decimals, never fewer than `min`. */
export function ratioString(value: Dec, min = 6): string {
  const rounded = value.toDecimalPlaces(12);
  const places = Math.max(min, rounded.decimalPlaces());
  return rounded.toFixed(places);
}
