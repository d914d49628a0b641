import { Dec } from "./decimal";

/**
 * Money is integer öre held in plain numbers. Every sum goes through `addOre`, which refuses to
 * leave the safe-integer range instead of silently losing öre.
 */
export const MAX_ROW_AMOUNT_ORE = 1e14; // 1 000 000 000 000 kr: no ledger row is larger

export class MoneyOverflowError extends Error {
  constructor() {
    super("Beloppen är för stora för att räknas exakt (över 90 000 miljarder kr).");
    this.name = "MoneyOverflowError";
  }
}

export function addOre(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new MoneyOverflowError();
  return sum;
}

export function sumOre(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total = addOre(total, v);
  return total;
}

/** Öre as the JSON money string: "1234.50", "-0.05". */
export function oreToString(ore: number): string {
  const negative = ore < 0;
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${negative ? "-" : ""}${kr}.${rest.toString().padStart(2, "0")}`;
}

/** Öre as a number of kronor for writing into a cell (exact for every safe öre amount to 2 decimals). */
export function oreToKr(ore: number): number {
  return Number(oreToString(ore));
}

export function oreToDec(ore: number): Dec {
  return new Dec(ore).div(100);
}

/** Kronor (decimal) to öre, half-up. */
export function decToOre(kr: Dec): number {
  return kr.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

/** Volumes are integer micro-units (1e-6): exact sums for hours, days and months. */
export const MICRO = 1_000_000;

export function microToDec(micro: number): Dec {
  return new Dec(micro).div(MICRO);
}

export function microToString(micro: number): string {
  return microToDec(micro).toFixed();
}

/** Öre for a message, the Swedish way: "676 190,76". */
export function oreToSwedish(ore: number): string {
  const [kr, dec] = oreToString(ore).split(".");
  const negative = kr.startsWith("-");
  const digits = negative ? kr.slice(1) : kr;
  // No-break spaces between the groups, so a narrow pane never breaks a number in two.
  return `${negative ? "−" : ""}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")},${dec}`;
}
