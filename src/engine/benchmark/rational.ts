import { Dec, ratioString } from "../decimal";
import { MICRO } from "../money";

/**
 * Exact rational numbers (BigInt numerator over a positive BigInt denominator, always reduced).
 * The benchmark analyses compute in these so that identities such as "cost per inhabitant index =
 * unit-cost index × consumption index" hold exactly, not merely to 40 digits: every input is an
 * integer (öre, micro-units, inhabitants, clients) or a terminating decimal (a `Jämförelse` value).
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError("Rational with zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new Rational(g > 1n ? n / g : n, g > 1n ? d / g : d);
  }

  /** A terminating decimal written as text ("2559", "-12.50", "1e3", "49,8" is not accepted). */
  static parse(text: string): Rational {
    const plain = /e/i.test(text) ? new Dec(text).toFixed() : text.trim();
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(plain);
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal: ${text}`);
    const digits = `${m[2] || "0"}${m[3] ?? ""}`;
    const n = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
    return Rational.of(n, 10n ** BigInt((m[3] ?? "").length));
  }

  /** Öre as kronor. */
  static ore(ore: number): Rational {
    return Rational.of(BigInt(ore), 100n);
  }

  /** Micro-units as units. */
  static micro(micro: number): Rational {
    return Rational.of(BigInt(micro), BigInt(MICRO));
  }

  static readonly ZERO = Rational.of(0n);
  static readonly ONE = Rational.of(1n);
  static readonly HUNDRED = Rational.of(100n);

  plus(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  minus(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  times(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }

  /** Throws on division by zero: callers check `isZero()` and report null instead. */
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError("division by zero");
    return Rational.of(this.num * o.den, this.den * o.num);
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.num === 0n ? 0 : this.num < 0n ? -1 : 1;
  }

  cmp(o: Rational): -1 | 0 | 1 {
    return this.minus(o).sign();
  }

  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  max(o: Rational): Rational {
    return this.cmp(o) >= 0 ? this : o;
  }

  toDec(): Dec {
    return new Dec(this.num.toString()).div(this.den.toString());
  }

  /** As the engine writes ratios: unrounded up to 12 decimals (see `ratioString`). */
  toString(): string {
    return ratioString(this.toDec());
  }

  /** Kronor to whole öre, half away from zero (money cells and totals). */
  toOre(): number {
    const hundred = this.times(Rational.HUNDRED);
    const twice = (2n * (hundred.num < 0n ? -hundred.num : hundred.num) + hundred.den) / (2n * hundred.den);
    const ore = Number(hundred.num < 0n ? -twice : twice);
    return ore === 0 ? 0 : ore;
  }

  toNumber(): number {
    return this.toDec().toNumber();
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** Σ of rationals. */
export function sumRational(values: Iterable<Rational>): Rational {
  let total = Rational.ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** a ÷ b, or null when b is zero. */
export function ratioOrNull(a: Rational, b: Rational): Rational | null {
  return b.isZero() ? null : a.div(b);
}

export const str = (r: Rational | null): string | null => (r === null ? null : r.toString());
