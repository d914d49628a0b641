/** Öre as Swedish kronor text: 123456789 → "1 234 567,89" (no floats: integer arithmetic only). */
export function formatOre(ore: number): string {
  const negative = ore < 0;
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${negative ? "-" : ""}${kronor},${String(abs % 100).padStart(2, "0")}`;
}

/** Micro-units as a decimal text with a decimal comma and no trailing zeros: 1500000 → "1,5". */
export function formatMicro(micro: number): string {
  const negative = micro < 0;
  const abs = Math.abs(micro);
  const whole = String(Math.floor(abs / 1e6)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const frac = String(abs % 1e6).padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `,${frac}` : ""}`;
}
