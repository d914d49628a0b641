import { allocateSupportPools, type AllocationInput } from "../../src/engine/allocation";
import { mergeCatalogue } from "../../src/engine/catalogue";
import type { AllocationMethod, KeyMethod, KeyShare, PoolDef, ReceiverSpec } from "../../src/engine/model";
import { ProblemLog } from "../../src/engine/problems";

/**
 * The support-pool allocation on small cases computed by hand. Amounts are öre (100 öre = 1 kr),
 * volumes micro-units (1 000 000 = one hour). Pools are listed in Pooler order: the sheet row is
 * order + 2 (header on row 1).
 */

const HOUR = 1_000_000;
const KR = 100;

function intervention(id: string, order: number, name = "Hemtjänst"): PoolDef {
  return { row: order + 2, order, id, insats: name, enhet: id, regi: "egen", kind: "insats", keyMethod: null, receivers: [], places: null };
}

function support(id: string, order: number, keyMethod: KeyMethod, receivers: ReceiverSpec[] = [{ kind: "all" }]): PoolDef {
  return { row: order + 2, order, id, insats: "Administration", enhet: id, regi: "egen", kind: "stöd", keyMethod, receivers, places: null };
}

function allocate(
  pools: PoolDef[],
  direct: Record<string, number>,
  options: { method?: AllocationMethod; volume?: Record<string, number>; keys?: KeyShare[] } = {},
) {
  const log = new ProblemLog();
  const input: AllocationInput = {
    pools,
    directOre: new Map(pools.map((p) => [p.id, direct[p.id] ?? 0])),
    volumeMicro: new Map(Object.entries(options.volume ?? {})),
    keys: options.keys ?? [],
    catalogue: mergeCatalogue([]),
    method: options.method ?? "stegvis",
  };
  const outcome = allocateSupportPools(input, log);
  const received = (pool: string) => Object.fromEntries(outcome?.received.get(pool) ?? []);
  return { outcome, received, log };
}

describe("step-down (stegvis)", () => {
  it("allocates in Pooler order, each support pool only to the pools below it, its key renormalised over them", () => {
    // S1 (1 000 kr) → everything below it by direct cost: S2 1 000, A 3 000, B 1 000 (sum 5 000)
    //   → S2 200 kr, A 600 kr, B 200 kr.
    // S2 then passes on its own 1 000 kr + the 200 kr it received = 1 200 kr, only to A and B
    //   (S1 is above it): weights 3 000 : 1 000 → A 900 kr, B 300 kr.
    const pools = [support("S1", 0, "kostnad"), support("S2", 1, "kostnad"), intervention("A", 2), intervention("B", 3)];
    const { outcome, received, log } = allocate(pools, { S1: 1_000 * KR, S2: 1_000 * KR, A: 3_000 * KR, B: 1_000 * KR });
    expect(log.items).toEqual([]);
    expect(received("S2")).toEqual({ S1: 200 * KR });
    expect(received("A")).toEqual({ S1: 600 * KR, S2: 900 * KR });
    expect(received("B")).toEqual({ S1: 200 * KR, S2: 300 * KR });
    expect(outcome!.passedOn.get("S1")).toBe(1_000 * KR);
    expect(outcome!.passedOn.get("S2")).toBe(1_200 * KR);
    // Nothing is lost: A and B hold the 2 000 kr of the two support pools.
    const held = ["A", "B"].flatMap((p) => Object.values(received(p))).reduce((a, b) => a + b, 0);
    expect(held).toBe(2_000 * KR);
  });

  it("records every transfer with its key: weight of the receiver and the sum over the receivers", () => {
    const pools = [support("S", 0, "kostnad"), intervention("A", 1), intervention("B", 2)];
    const { outcome } = allocate(pools, { S: 400 * KR, A: 3_000 * KR, B: 1_000 * KR });
    expect(outcome!.flows).toEqual([
      { from: "S", to: "A", amountOre: 300 * KR, key: "kostnad", weight: String(3_000 * KR), weightSum: String(4_000 * KR) },
      { from: "S", to: "B", amountOre: 100 * KR, key: "kostnad", weight: String(1_000 * KR), weightSum: String(4_000 * KR) },
    ]);
  });

  it("refuses a receiver named above the support pool", () => {
    // Step-down moves cost only downwards: S (row 3) may not give to A (row 2).
    const pools = [intervention("A", 0), support("S", 1, "kostnad", [{ kind: "pools", ids: ["A"] }])];
    const { outcome, log } = allocate(pools, { S: 100 * KR, A: 100 * KR });
    expect(outcome).toBeNull();
    expect(log.items.map((p) => [p.code, p.table, p.row, p.column])).toEqual([["receiverAbove", "Pooler", 3, "Mottagare"]]);
  });

  it("splits to the öre by largest remainder: 1 kr over three equal receivers is 34 + 33 + 33 öre", () => {
    const pools = [support("S", 0, "kostnad"), intervention("A", 1), intervention("B", 2), intervention("C", 3)];
    const { received } = allocate(pools, { S: 100, A: 500 * KR, B: 500 * KR, C: 500 * KR });
    const shares = ["A", "B", "C"].map((p) => received(p).S);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect([...shares].sort()).toEqual([33, 33, 34]);
  });
});

describe("keys", () => {
  it("by volume: shares follow the receivers' volume, and a receiver without volume gets nothing", () => {
    // S 400 kr by volume: A 30 h, B 10 h, C 0 h → A 300 kr, B 100 kr, C nothing.
    const pools = [support("S", 0, "volym"), intervention("A", 1), intervention("B", 2), intervention("C", 3)];
    const { received, log } = allocate(pools, { S: 400 * KR }, { volume: { A: 30 * HOUR, B: 10 * HOUR, C: 0 } });
    expect(log.items).toEqual([]);
    expect(received("A")).toEqual({ S: 300 * KR });
    expect(received("B")).toEqual({ S: 100 * KR });
    expect(received("C")).toEqual({});
  });

  it("by share (andel): the shares in Nycklar, among the receivers named in Mottagare", () => {
    // S 1 000 kr: A 0,25 and B 0,75 → A 250 kr, B 750 kr.
    const pools = [support("S", 0, "andel", [{ kind: "pools", ids: ["A", "B"] }]), intervention("A", 1), intervention("B", 2)];
    const keys: KeyShare[] = [
      { row: 2, from: "S", to: "A", share: "0.25" },
      { row: 3, from: "S", to: "B", share: "0.75" },
    ];
    const { received, log } = allocate(pools, { S: 1_000 * KR }, { keys });
    expect(log.items).toEqual([]);
    expect(received("A")).toEqual({ S: 250 * KR });
    expect(received("B")).toEqual({ S: 750 * KR });
  });

  it("by share: shares that do not sum to 1 stop the run on the first key row", () => {
    // 0,25 + 0,5 = 0,75.
    const pools = [support("S", 0, "andel", [{ kind: "pools", ids: ["A", "B"] }]), intervention("A", 1), intervention("B", 2)];
    const keys: KeyShare[] = [
      { row: 2, from: "S", to: "A", share: "0.25" },
      { row: 3, from: "S", to: "B", share: "0.5" },
    ];
    const { outcome, log } = allocate(pools, { S: 1_000 * KR }, { keys });
    expect(outcome).toBeNull();
    expect(log.items.map((p) => [p.code, p.table, p.row, p.column])).toEqual([["keySharesSum", "Nycklar", 2, "Andel"]]);
  });

  it("by direct cost: a receiver with a negative direct cost weighs 0, with a warning", () => {
    // A −200 kr (a net income) weighs 0; B 1 000 kr takes all of S's 500 kr.
    const pools = [support("S", 0, "kostnad"), intervention("A", 1), intervention("B", 2)];
    const { received, log } = allocate(pools, { S: 500 * KR, A: -200 * KR, B: 1_000 * KR });
    expect(received("A")).toEqual({});
    expect(received("B")).toEqual({ S: 500 * KR });
    expect(log.items.map((p) => [p.code, p.row])).toEqual([["negativeKeyWeight", 3]]);
  });
});

describe("reciprocal (reciprok)", () => {
  it("solves the support pools' full costs from their exchange with each other", () => {
    // S1 100 kr gives half to S2 and half to A; S2 100 kr gives half to S1 and half to B
    // (by direct cost, 100 kr each). Full costs: x1 = 100 + x2/2 and x2 = 100 + x1/2, so
    // x1 = x2 = 200 kr: each passes on 200 kr, 100 kr to the other support pool and 100 kr to
    // its intervention pool. A and B carry the 200 kr of direct support cost between them.
    const pools = [
      support("S1", 0, "kostnad", [{ kind: "pools", ids: ["S2", "A"] }]),
      support("S2", 1, "kostnad", [{ kind: "pools", ids: ["S1", "B"] }]),
      intervention("A", 2),
      intervention("B", 3),
    ];
    const { outcome, received, log } = allocate(pools, { S1: 100 * KR, S2: 100 * KR, A: 100 * KR, B: 100 * KR }, { method: "reciprok" });
    expect(log.items).toEqual([]);
    expect(received("S1")).toEqual({ S2: 100 * KR });
    expect(received("S2")).toEqual({ S1: 100 * KR });
    expect(received("A")).toEqual({ S1: 100 * KR });
    expect(received("B")).toEqual({ S2: 100 * KR });
    expect(outcome!.passedOn.get("S1")).toBe(200 * KR);
    expect(outcome!.passedOn.get("S2")).toBe(200 * KR);
  });

  it("with no exchange between support pools gives what step-down gives", () => {
    const pools = [support("S", 0, "kostnad"), intervention("A", 1), intervention("B", 2)];
    const direct = { S: 400 * KR, A: 3_000 * KR, B: 1_000 * KR };
    const reciprocal = allocate(pools, direct, { method: "reciprok" });
    const stepDown = allocate(pools, direct);
    expect(reciprocal.received("A")).toEqual({ S: 300 * KR });
    expect(reciprocal.received("B")).toEqual(stepDown.received("B"));
  });
});

describe("a support pool with no receivers", () => {
  it("is an error when its cost has nowhere to go: the last pool in step-down with Mottagare *", () => {
    // S is the last pool: "*" means every pool below it, and there is none; its 500 kr would vanish.
    const pools = [intervention("A", 0), support("S", 1, "kostnad")];
    const { outcome, log } = allocate(pools, { S: 500 * KR, A: 100 * KR });
    expect(outcome).toBeNull();
    expect(log.items.map((p) => [p.code, p.table, p.row, p.column, p.params.pool])).toEqual([["noPoolsBelow", "Pooler", 3, "Mottagare", "S"]]);
  });

  it("is an error when every receiver weighs 0 (a volume key and no volume)", () => {
    const pools = [support("S", 0, "volym"), intervention("A", 1)];
    const { outcome, log } = allocate(pools, { S: 500 * KR }, { volume: { A: 0 } });
    expect(outcome).toBeNull();
    expect(log.items.map((p) => [p.code, p.row, p.params.basis])).toEqual([["noReceivers", 2, "volym"]]);
  });

  it("is no problem when the support pool holds no cost", () => {
    const pools = [intervention("A", 0), support("S", 1, "kostnad")];
    const { outcome, log } = allocate(pools, { A: 100 * KR });
    expect(log.items).toEqual([]);
    expect(outcome!.passedOn.get("S")).toBe(0);
    expect(outcome!.flows).toEqual([]);
  });
});
