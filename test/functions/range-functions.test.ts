/**
 * KPB.ALLOCATE and KPB.UNITCOSTS: pure range functions, called as Excel calls them (ranges as
 * T[][], empty cells as 0, text where the user typed text).
 */
import fc from "fast-check";
import { CustomFunctionsError, thrown } from "./custom-functions-stub";
import { Dec } from "../../src/engine/decimal";
import * as F from "../../src/functions/functions";

const ore = (kr: number) => Math.round(kr * 100);
const sumOre = (m: number[][]) => m.flat().reduce((s, v) => s + ore(v), 0);

describe("KPB.ALLOCATE", () => {
  it("splits to the öre, in the shape of the keys, summing exactly to the amount", () => {
    const parts = F.allocate(100, [[1], [1], [1]]);
    expect(parts.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(sumOre(parts)).toBe(10000);
    // Each part is within one öre of the exact third, and the leftover öre goes to the first cell.
    const exact = new Dec(10000).div(3);
    for (const [v] of parts) expect(Math.abs(ore(v) - exact.toNumber())).toBeLessThan(1);
    expect(ore(parts[0][0])).toBeGreaterThan(ore(parts[2][0]));
  });

  it("keeps a 2-D keys range's shape and gives empty cells (0) nothing", () => {
    const keys = [
      [2, 0, 1],
      [0, 3.5, 0],
    ];
    const parts = F.allocate(1234.56, keys);
    expect(parts).toHaveLength(2);
    expect(parts.every((r) => r.length === 3)).toBe(true);
    expect([parts[0][1], parts[1][0], parts[1][2]]).toEqual([0, 0, 0]);
    expect(sumOre(parts)).toBe(123456);
  });

  it("treats an empty string like an empty cell", () => {
    expect(F.allocate(10, [[1, ""]])).toEqual([[10, 0]]);
  });

  it("splits a negative amount (a revenue) like a cost, negated", () => {
    const cost = F.allocate(100, [[1], [2]]);
    const revenue = F.allocate(-100, [[1], [2]]);
    expect(revenue.map((r) => r.map((v) => -v))).toEqual(cost);
  });

  it("rounds the amount to whole öre first (half away from zero)", () => {
    expect(sumOre(F.allocate(10.005, [[1], [1]]))).toBe(1001);
    expect(sumOre(F.allocate(-10.005, [[1], [1]]))).toBe(-1001);
  });

  it("scales decimal keys exactly (0.1 + 0.2 is not a problem)", () => {
    expect(F.allocate(300, [[0.1], [0.2]])).toEqual([[100], [200]]);
    // 100 öre in 1:2 → 33.33 and 66.67: the leftover öre goes to the larger remainder.
    expect(F.allocate(1, [[1e-9], [2e-9]]).flat()).toEqual([0.33, 0.67]);
  });

  it("errors: text key #VALUE! naming the cell, negative key #VALUE!, logical key #VALUE!", () => {
    const text = thrown(() => F.allocate(100, [[1], ["abc"]]));
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toMatch(/rad 2, kolumn 1/);
    expect(text.message).toMatch(/text/);
    const numericText = thrown(() => F.allocate(100, [["12"]]));
    expect(numericText.code).toBe("#VALUE!");
    const negative = thrown(() => F.allocate(100, [[1, -2]]));
    expect(negative.code).toBe("#VALUE!");
    expect(negative.message).toMatch(/negativ/);
    expect(thrown(() => F.allocate(100, [[true]])).code).toBe("#VALUE!");
  });

  it("errors: all keys zero (or empty) #DIV/0!, a non-finite amount #NUM!", () => {
    expect(thrown(() => F.allocate(100, [[0, 0], [0, ""]])).code).toBe("#DIV/0!");
    expect(thrown(() => F.allocate(Infinity, [[1]])).code).toBe("#NUM!");
    expect(thrown(() => F.allocate(1e20, [[1]])).code).toBe("#NUM!");
    expect(thrown(() => F.allocate(100, [])).code).toBe("#VALUE!");
  });

  it("property: exact sum, same shape, every part within one öre of its exact share", () => {
    const keysArb = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      )
      .filter((keys) => keys.flat().some((k) => k > 0));
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), keysArb, (amountOre, keys) => {
        const parts = F.allocate(amountOre / 100, keys);
        expect(parts.map((r) => r.length)).toEqual(keys.map((r) => r.length));
        expect(sumOre(parts)).toBe(amountOre);
        const total = keys.flat().reduce((s, k) => s.plus(k), new Dec(0));
        parts.flat().forEach((v, i) => {
          const exact = new Dec(amountOre).times(keys.flat()[i]).div(total);
          expect(exact.minus(ore(v)).abs().lessThan(1)).toBe(true);
          expect(Number.isInteger(ore(v))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("KPB.UNITCOSTS", () => {
  it("divides cell by cell and keeps the shape", () => {
    const costs = [
      [1000, 2000],
      [300, 10],
    ];
    const volumes = [
      [4, 8],
      [3, 3],
    ];
    const out = F.unitCosts(costs, volumes);
    expect(out).toHaveLength(2);
    out.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(costs[r][c] / volumes[r][c], 12)));
  });

  it("puts #DIV/0! inside the matrix where the volume is 0 or empty, and #VALUE! where a cell is text", () => {
    const out = F.unitCosts([[100, 200, 300, "x"]], [[0, 4, "", 2]]) as unknown[][];
    expect(out[0][0]).toBeInstanceOf(CustomFunctionsError);
    expect((out[0][0] as CustomFunctionsError).code).toBe("#DIV/0!");
    expect(out[0][1]).toBe(50);
    expect((out[0][2] as CustomFunctionsError).code).toBe("#DIV/0!");
    expect((out[0][3] as CustomFunctionsError).code).toBe("#VALUE!");
    const textVolume = F.unitCosts([[1]], [["många"]]) as unknown[][];
    expect((textVolume[0][0] as CustomFunctionsError).code).toBe("#VALUE!");
  });

  it("an empty cost cell (0) over a volume is 0", () => {
    expect(F.unitCosts([[0]], [[5]])).toEqual([[0]]);
  });

  it("uses a single cell for every cell of the other range", () => {
    expect(F.unitCosts([[100], [200]], [[4]])).toEqual([[25], [50]]);
    expect(F.unitCosts([[100]], [[4, 5]])).toEqual([[25, 20]]);
  });

  it("errors: ranges of different shapes are one #VALUE!", () => {
    const e = thrown(() => F.unitCosts([[1, 2]], [[1], [2]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/1 rad × 2 kolumner/);
  });

  it("is exact on decimal inputs (no binary drift)", () => {
    expect(F.unitCosts([[0.3]], [[0.1]])).toEqual([[3]]);
  });
});
