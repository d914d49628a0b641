import { Dec } from "./decimal";

/**
 * Splits an integer total (öre) over non-negative integer weights so that the shares sum to the
 * total exactly: floor every exact share, then hand the leftover units to the largest remainders.
 * Ties go to the earlier index. A negative total is split as its absolute value and negated, so
 * revenues round the same way as costs. All weights zero is the caller's error.
 */
export function splitByWeights(total: number, weights: readonly bigint[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum <= 0n) throw new Error("splitByWeights: weights must have a positive sum");
  if (weights.some((w) => w < 0n)) throw new Error("splitByWeights: negative weight");
  const negative = total < 0;
  const amount = BigInt(Math.abs(total));
  const shares: bigint[] = new Array(weights.length);
  const remainders: bigint[] = new Array(weights.length);
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    const product = amount * weights[i];
    shares[i] = product / weightSum;
    remainders[i] = product % weightSum;
    given += shares[i];
  }
  let leftover = Number(amount - given);
  if (leftover > 0) {
    const order = weights.map((_, i) => i).filter((i) => weights[i] > 0n);
    order.sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
    for (let k = 0; leftover > 0; k++, leftover--) shares[order[k]] += 1n;
  }
  return shares.map((s) => (negative ? -Number(s) : Number(s)));
}

/**
 * Rounds exact decimal amounts (which sum to the integer `total`) to integers that sum to `total`
 * exactly, by the same largest-remainder rule. Used where the exact shares come from a linear
 * solve (reciprocal allocation) rather than from one split.
 */
export function roundToTotal(total: number, exact: readonly Dec[]): number[] {
  const floors = exact.map((v) => v.floor());
  const given = floors.reduce((a, b) => a.plus(b), new Dec(0)).toNumber();
  let leftover = total - given;
  const result = floors.map((f) => f.toNumber());
  if (leftover < 0 || leftover > exact.length) {
    throw new Error(`roundToTotal: exact amounts do not sum to ${total}`);
  }
  const order = exact.map((_, i) => i);
  const fractions = exact.map((v, i) => v.minus(floors[i]));
  order.sort((a, b) => fractions[b].comparedTo(fractions[a]) || a - b);
  for (let k = 0; leftover > 0; k++, leftover--) result[order[k]] += 1;
  return result;
}
