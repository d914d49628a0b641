/**
 * The synthetic municipalities of the bench: deterministic to the byte, and the M size runs
 * through the engine, reconciles and keeps every krona. (Speed is measured by `npm run bench`
 * only; nothing here is timed.)
 */
import { createHash } from "crypto";
import type { TableName, WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { exempelbyTables } from "../../src/sample/exempelby";
import { SYNTHETIC_SPECS, syntheticTables, tableRowCounts } from "../../src/sample/synthetic";

jest.setTimeout(600_000);

const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

function toInput(tables: Record<string, unknown[][]>): WorkbookInput {
  const input: WorkbookInput = {};
  for (const [name, rows] of Object.entries(tables)) input[name as TableName] = { rows: rows as never, sheet: name };
  return input;
}

describe("synthetic generator", () => {
  it("is deterministic: the same seed gives the same tables, byte for byte", () => {
    const a = hash(syntheticTables("M"));
    const b = hash(syntheticTables("M"));
    expect(a).toBe(b);
    expect(hash(syntheticTables("M", 7))).not.toBe(a);
    expect(hash(syntheticTables("S"))).toBe(hash(exempelbyTables()));
  });

  it("makes the M size exactly as specified", () => {
    const counts = tableRowCounts(syntheticTables("M"));
    const spec = SYNTHETIC_SPECS.M;
    expect(counts.Brukare).toBe(spec.clientRows);
    expect(counts.Ekonomi).toBe(spec.ledgerRows);
    expect(counts.Pooler).toBe(spec.pools + spec.supportPools);
  });

  it("runs M through the engine: ok, balanced, every krona accounted for", () => {
    const outcome = runKpb(toInput(syntheticTables("M")), { pseudonymSecret: "test" });
    if (!outcome.ok) throw new Error(outcome.problems.filter((p) => p.severity === "error").map((p) => p.message).join("\n"));
    const { result } = outcome;
    const r = result.reconciliation;
    expect(r.balanced).toBe(true);
    expect(r.ledgerTotalOre).toBe(r.pooledOre + r.excludedOre + r.uncodedOre);
    const interventionCost = result.pools.filter((p) => p.kind === "insats").reduce((a, p) => a + p.costOre, 0);
    expect(interventionCost).toBe(r.pooledOre);
    // Every support pool passes on everything it carries; every client cost sums to the pools.
    const clientCost = result.clients.reduce((a, c) => a + c.totalOre, 0);
    expect(clientCost).toBe(r.toClientsOre);
    expect(result.clients.length).toBe(SYNTHETIC_SPECS.M.clients);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    // All three keys, all receiver forms and the excluded reasons are exercised.
    expect(new Set(result.flows.map((f) => f.key))).toEqual(new Set(["kostnad", "volym", "andel"]));
    expect(Object.keys(r.excludedByReason).length).toBe(2);
    expect(r.uncodedOre).toBeGreaterThan(0);
  });
});
