import fc from "fast-check";
import { decideHousing, type ClientFacts, type Housing } from "../../src/engine/client-facts";
import { Dec } from "../../src/engine/decimal";
import { ProblemLog } from "../../src/engine/problems";

/** The housing the rule gives, computed in decimals only (as the engine did before its quick path). */
function byDecimals(mixed: Map<Housing, Map<string, number>>, cost: Map<string, number>, volume: Map<string, number>): Housing {
  const sum = (h: Housing) => {
    let s = new Dec(0);
    for (const [pool, micro] of mixed.get(h) ?? []) {
      const total = volume.get(pool) ?? 0;
      if (total !== 0) s = s.plus(new Dec(cost.get(pool) ?? 0).times(micro).div(total));
    }
    return s;
  };
  return sum("särskilt").greaterThanOrEqualTo(sum("ordinärt")) ? "särskilt" : "ordinärt";
}

function facts(mixed: Map<Housing, Map<string, number>>): ClientFacts {
  return { housing: "ordinärt", source: "störst kostnad", mixed, firstStated: null, conflictStated: null, conflictRow: null };
}

describe("housing of a client whose rows point two ways", () => {
  it("a tie counts as särskilt boende, also where 40-digit decimals would round it away", () => {
    // Särskilt: a third of three pools of 1 öre each = exactly 1 öre; ordinärt: 1 öre. In decimals
    // 0,333…3 × 3 = 0,999…9 < 1 and the tie went to ordinärt; in exact fractions it is a tie.
    const cost = new Map([
      ["S1", 1],
      ["S2", 1],
      ["S3", 1],
      ["HT", 1],
    ]);
    const volume = new Map([
      ["S1", 3_000_000],
      ["S2", 3_000_000],
      ["S3", 3_000_000],
      ["HT", 1_000_000],
    ]);
    const mixed = new Map<Housing, Map<string, number>>([
      [
        "särskilt",
        new Map([
          ["S1", 1_000_000],
          ["S2", 1_000_000],
          ["S3", 1_000_000],
        ]),
      ],
      ["ordinärt", new Map([["HT", 1_000_000]])],
    ]);
    expect(byDecimals(mixed, cost, volume)).toBe("ordinärt");
    expect(decideHousing("K1", facts(mixed), cost, volume, new ProblemLog())).toBe("särskilt");
  });

  it("quotes both amounts rounded to the öre when two stated Boendeform values differ", () => {
    const cost = new Map([
      ["SABO", 100_000_001],
      ["HT", 50_000_000],
    ]);
    const volume = new Map([
      ["SABO", 2_000_000],
      ["HT", 3_000_000],
    ]);
    const mixed = new Map<Housing, Map<string, number>>([
      ["särskilt", new Map([["SABO", 1_000_000]])],
      ["ordinärt", new Map([["HT", 1_000_000]])],
    ]);
    const log = new ProblemLog();
    const f = { ...facts(mixed), firstStated: "Särskilt", conflictStated: "Ordinärt", conflictRow: 7 };
    expect(decideHousing("K1", f, cost, volume, log)).toBe("särskilt");
    // 100 000 001 / 2 = 50 000 000,5 öre → 500 000,01 kr (half away from zero); 50 000 000 / 3 → 166 666,67 kr.
    expect(log.items[0].message).toContain("500\u00a0000,01\u00a0kr mot 166\u00a0666,67\u00a0kr");
  });

  it("decides as the decimal sums do, for random pools, costs (negative too) and volumes", () => {
    const pool = fc.record({ cost: fc.integer({ min: -1e10, max: 1e11 }), total: fc.integer({ min: 0, max: 1e12 }), micro: fc.integer({ min: 0, max: 1e10 }) });
    fc.assert(
      fc.property(fc.array(pool, { minLength: 1, maxLength: 6 }), fc.array(pool, { minLength: 1, maxLength: 6 }), (sabo, ordinary) => {
        const cost = new Map<string, number>();
        const volume = new Map<string, number>();
        const part = (list: typeof sabo, prefix: string) =>
          new Map(
            list.map((p, i) => {
              cost.set(`${prefix}${i}`, p.cost);
              volume.set(`${prefix}${i}`, Math.max(p.total, p.micro));
              return [`${prefix}${i}`, p.micro] as const;
            }),
          );
        const mixed = new Map<Housing, Map<string, number>>([
          ["särskilt", part(sabo, "S")],
          ["ordinärt", part(ordinary, "O")],
        ]);
        expect(decideHousing("K", facts(mixed), cost, volume, new ProblemLog())).toBe(byDecimals(mixed, cost, volume));
      }),
      { numRuns: 500, seed: 20261206 },
    );
  });
});
