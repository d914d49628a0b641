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
  it("a tie counts as särskilt boende, also when the plain-number sums differ in the last digit", () => {
    // 1/3 of a pool's cost three times over against the whole cost of another: equal in exact terms.
    const cost = new Map([
      ["SABO", 100],
      ["HT", 100],
    ]);
    const volume = new Map([
      ["SABO", 3_000_000],
      ["HT", 1_000_000],
    ]);
    const mixed = new Map<Housing, Map<string, number>>([
      ["särskilt", new Map([["SABO", 1_000_000]])],
      ["ordinärt", new Map([["HT", 333_333]])],
    ]);
    // 100 · 1/3 = 33,33… against 100 · 0,333333 = 33,3333: särskilt by a hair, decided exactly.
    expect(decideHousing("K1", facts(mixed), cost, volume, new ProblemLog())).toBe(byDecimals(mixed, cost, volume));
    const tie = new Map<Housing, Map<string, number>>([
      ["särskilt", new Map([["SABO", 1_000_000]])],
      ["ordinärt", new Map([["HT", 1_000_000]])],
    ]);
    cost.set("SABO", 300);
    expect(decideHousing("K2", facts(tie), cost, volume, new ProblemLog())).toBe("särskilt");
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
