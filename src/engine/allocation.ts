import { fold } from "./cells";
import { matchCatalogue } from "./catalogue";
import { Dec } from "./decimal";
import { roundToTotal, splitByWeights } from "./largest-remainder";
import type { AllocationFlow, AllocationMethod, CatalogueEntry, KeyMethod, KeyShare, PoolDef } from "./model";
import { addOre, oreToSwedish } from "./money";
import type { ProblemLog } from "./problems";

/** What the allocation needs to know about each pool before any cost moves. */
export interface AllocationInput {
  pools: PoolDef[];
  directOre: Map<string, number>;
  volumeMicro: Map<string, number>;
  keys: KeyShare[];
  catalogue: Map<string, CatalogueEntry>;
  method: AllocationMethod;
}

export interface AllocationOutcome {
  /** Cost each pool received, per support pool. */
  received: Map<string, Map<string, number>>;
  passedOn: Map<string, number>;
  flows: AllocationFlow[];
}

interface Receiver {
  pool: PoolDef;
  weight: bigint;
}

const SHARE_SCALE = new Dec(10).pow(12);

/**
 * Resolves a support pool's receivers and their key weights. Keys are fixed from direct cost,
 * volume or explicit shares before any cost moves, so the order of the pools only decides who
 * receives what, never the total. Returns null when the pool cannot be allocated (logged).
 */
function receiversOf(support: PoolDef, input: AllocationInput, log: ProblemLog): Receiver[] | null {
  const stepDown = input.method === "stegvis";
  const place = (column: string) => ({ table: "Pooler" as const, row: support.row, column });
  const byId = new Map(input.pools.map((p) => [p.id, p]));
  const allowed = (p: PoolDef) => p.id !== support.id && (!stepDown || p.order > support.order);
  const chosen = new Map<string, PoolDef>();
  let ok = true;
  const checkNamed = (id: string, where: { table: "Pooler" | "Nycklar"; row: number; column: string }) => {
    const p = byId.get(id);
    if (!p) {
      log.error(where.table === "Nycklar" ? "keyUnknownPool" : "receiverUnknown", where, { receiver: id, pool: id });
      ok = false;
    } else if (p.id === support.id) {
      log.error("receiverSelf", where, { pool: support.id });
      ok = false;
    } else if (stepDown && p.order < support.order) {
      log.error("receiverAbove", where, { pool: support.id, receiver: id });
      ok = false;
    } else chosen.set(p.id, p);
  };

  const weights = new Map<string, bigint>();
  if (support.keyMethod === "andel") {
    const rows = input.keys.filter((k) => k.from === support.id);
    if (rows.length === 0) {
      log.error("keyMissing", place("Fördelning"), { pool: support.id });
      return null;
    }
    let sum = new Dec(0);
    for (const k of rows) {
      checkNamed(k.to, { table: "Nycklar", row: k.row, column: "Till" });
      sum = sum.plus(k.share);
      const w = new Dec(k.share).times(SHARE_SCALE).toDecimalPlaces(0);
      weights.set(k.to, (weights.get(k.to) ?? 0n) + BigInt(w.toFixed()));
    }
    if (sum.minus(1).abs().greaterThan("0.0001")) {
      log.error("keySharesSum", { table: "Nycklar", row: rows[0].row, column: "Andel" }, { pool: support.id, sum: sum.toFixed().replace(".", ",") });
      ok = false;
    }
  } else {
    for (const spec of support.receivers) {
      if (spec.kind === "all") input.pools.filter(allowed).forEach((p) => chosen.set(p.id, p));
      else if (spec.kind === "pools") spec.ids.forEach((id) => checkNamed(id, place("Mottagare")));
      else if (spec.kind === "insats") {
        input.pools.filter((p) => allowed(p) && sameInsats(p.insats, spec.insats, input.catalogue)).forEach((p) => chosen.set(p.id, p));
      } else {
        input.pools
          .filter((p) => allowed(p) && fold(matchCatalogue(p.insats, input.catalogue)?.entry.area ?? "") === fold(spec.area))
          .forEach((p) => chosen.set(p.id, p));
      }
    }
  }
  if (!ok) return null;
  const receivers: Receiver[] = [...chosen.values()]
    .sort((a, b) => a.order - b.order)
    .map((pool) => ({ pool, weight: keyWeight(support, pool, input, weights, log) }));
  return receivers.filter((r) => r.weight > 0n);
}

function keyWeight(support: PoolDef, pool: PoolDef, input: AllocationInput, shares: Map<string, bigint>, log: ProblemLog): bigint {
  switch (support.keyMethod as KeyMethod) {
    case "andel":
      return shares.get(pool.id) ?? 0n;
    case "volym":
      return BigInt(input.volumeMicro.get(pool.id) ?? 0);
    case "kostnad": {
      const direct = input.directOre.get(pool.id) ?? 0;
      if (direct < 0) {
        log.warning("negativeKeyWeight", { table: "Pooler", row: pool.row, column: "Pool" }, {
          receiver: pool.id,
          pool: support.id,
          amount: oreToSwedish(direct),
        });
      }
      return BigInt(Math.max(0, direct));
    }
  }
}

const BASIS_TEXT: Record<KeyMethod, string> = { kostnad: "direkt kostnad", volym: "volym", andel: "andel i Nycklar" };

/** Allocates every support pool to its receivers, step-down or reciprocal. Null when blocked. */
export function allocateSupportPools(input: AllocationInput, log: ProblemLog): AllocationOutcome | null {
  const supports = input.pools.filter((p) => p.kind === "stöd" && p.keyMethod !== null);
  // Key rows nobody reads (Från unknown, or not a support pool keyed by andel) are shown, not dropped silently.
  const poolById = new Map(input.pools.map((p) => [p.id, p]));
  for (const k of input.keys) {
    const from = poolById.get(k.from);
    if (!from) log.warning("keyUnknownPool", { table: "Nycklar", row: k.row, column: "Från" }, { pool: k.from });
    else if (from.kind !== "stöd" || from.keyMethod !== "andel") log.warning("keyNotSupport", { table: "Nycklar", row: k.row, column: "Från" }, { pool: k.from });
  }
  const receiversBySupport = new Map<string, Receiver[]>();
  let blocked = false;
  for (const s of supports) {
    const r = receiversOf(s, input, log);
    if (r === null) blocked = true;
    else receiversBySupport.set(s.id, r);
  }
  if (blocked) return null;
  return input.method === "reciprok"
    ? allocateReciprocal(supports, receiversBySupport, input, log)
    : allocateStepDown(supports, receiversBySupport, input, log);
}

function emptyOutcome(input: AllocationInput): AllocationOutcome {
  return {
    received: new Map(input.pools.map((p) => [p.id, new Map<string, number>()])),
    passedOn: new Map(input.pools.map((p) => [p.id, 0])),
    flows: [],
  };
}

function reportNoReceivers(s: PoolDef, amountOre: number, log: ProblemLog): void {
  log.error("noReceivers", { table: "Pooler", row: s.row, column: "Mottagare" }, {
    pool: s.id,
    amount: oreToSwedish(amountOre),
    basis: BASIS_TEXT[s.keyMethod as KeyMethod],
  });
}

function allocateStepDown(
  supports: PoolDef[],
  receiversBySupport: Map<string, Receiver[]>,
  input: AllocationInput,
  log: ProblemLog,
): AllocationOutcome | null {
  const out = emptyOutcome(input);
  let blocked = false;
  for (const s of supports) {
    const receivedSoFar = [...out.received.get(s.id)!.values()].reduce(addOre, 0);
    const amount = addOre(input.directOre.get(s.id) ?? 0, receivedSoFar);
    const receivers = receiversBySupport.get(s.id)!;
    if (amount === 0) continue;
    if (receivers.length === 0) {
      reportNoReceivers(s, amount, log);
      blocked = true;
      continue;
    }
    const weights = receivers.map((r) => r.weight);
    const weightSum = weights.reduce((a, b) => a + b, 0n).toString();
    const shares = splitByWeights(amount, weights);
    receivers.forEach((r, i) => {
      const got = out.received.get(r.pool.id)!;
      got.set(s.id, addOre(got.get(s.id) ?? 0, shares[i]));
      out.flows.push({ from: s.id, to: r.pool.id, amountOre: shares[i], key: s.keyMethod!, weight: r.weight.toString(), weightSum });
    });
    out.passedOn.set(s.id, amount);
  }
  return blocked ? null : out;
}

/**
 * Reciprocal method: the support pools' full costs x solve x = d + Aᵀx (A = shares between
 * support pools), then every intervention pool gets x_s × its share. The exact transfers to
 * intervention pools are rounded together so that they sum to the support pools' direct cost.
 */
function allocateReciprocal(
  supports: PoolDef[],
  receiversBySupport: Map<string, Receiver[]>,
  input: AllocationInput,
  log: ProblemLog,
): AllocationOutcome | null {
  const out = emptyOutcome(input);
  const k = supports.length;
  if (k === 0) return out;
  const index = new Map(supports.map((s, i) => [s.id, i]));
  const share = (r: Receiver, all: Receiver[]) => new Dec(r.weight.toString()).div(all.reduce((a, b) => a + b.weight, 0n).toString());
  // Matrix M = I − Aᵀ, right-hand side d.
  const m: Dec[][] = supports.map((_, i) => supports.map((__, j) => new Dec(i === j ? 1 : 0)));
  const d: Dec[] = supports.map((s) => new Dec(input.directOre.get(s.id) ?? 0));
  let blocked = false;
  supports.forEach((s, i) => {
    const receivers = receiversBySupport.get(s.id)!;
    if (receivers.length === 0 && !d[i].isZero()) {
      reportNoReceivers(s, d[i].toNumber(), log);
      blocked = true;
    }
    for (const r of receivers) {
      const j = index.get(r.pool.id);
      if (j !== undefined) m[j][i] = m[j][i].minus(share(r, receivers));
    }
  });
  if (blocked) return null;
  const x = solve(m, d);
  if (!x) {
    log.error("reciprocalSingular", { table: "Pooler", row: supports[0].row, column: "Mottagare" });
    return null;
  }
  // A support pool without direct cost can still receive cost from the others: with nowhere to
  // send it, that cost would vanish. Same problem as in step-down, reported the same way.
  supports.forEach((s, i) => {
    if (receiversBySupport.get(s.id)!.length === 0 && !x[i].abs().lessThan("1e-20")) {
      reportNoReceivers(s, x[i].toDecimalPlaces(0).toNumber(), log);
      blocked = true;
    }
  });
  if (blocked) return null;
  const exactToInsats: { from: PoolDef; r: Receiver; exact: Dec; weightSum: string }[] = [];
  supports.forEach((s, i) => {
    const receivers = receiversBySupport.get(s.id)!;
    const weightSum = receivers.reduce((a, b) => a + b.weight, 0n).toString();
    for (const r of receivers) {
      const exact = x[i].times(share(r, receivers));
      if (r.pool.kind === "insats") exactToInsats.push({ from: s, r, exact, weightSum });
      else {
        const ore = exact.toDecimalPlaces(0).toNumber();
        const got = out.received.get(r.pool.id)!;
        got.set(s.id, addOre(got.get(s.id) ?? 0, ore));
        out.flows.push({ from: s.id, to: r.pool.id, amountOre: ore, key: s.keyMethod!, weight: r.weight.toString(), weightSum });
      }
    }
    out.passedOn.set(s.id, x[i].toDecimalPlaces(0).toNumber());
  });
  const supportTotal = d.reduce((a, b) => a.plus(b), new Dec(0)).toNumber();
  const rounded = roundToTotal(supportTotal, exactToInsats.map((e) => e.exact));
  exactToInsats.forEach((e, i) => {
    const got = out.received.get(e.r.pool.id)!;
    got.set(e.from.id, addOre(got.get(e.from.id) ?? 0, rounded[i]));
    out.flows.push({ from: e.from.id, to: e.r.pool.id, amountOre: rounded[i], key: e.from.keyMethod!, weight: e.r.weight.toString(), weightSum: e.weightSum });
  });
  return out;
}

/** Gaussian elimination with partial pivoting in 40-digit decimals. Null when singular. */
export function solve(matrix: Dec[][], rhs: Dec[]): Dec[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  const tiny = new Dec("1e-30");
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (a[r][col].abs().greaterThan(a[pivot][col].abs())) pivot = r;
    if (a[pivot][col].abs().lessThan(tiny)) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col || a[r][col].isZero()) continue;
      const factor = a[r][col].div(a[col][col]);
      for (let c = col; c <= n; c++) a[r][c] = a[r][c].minus(factor.times(a[col][c]));
    }
  }
  return a.map((row, i) => row[n].div(row[i]));
}

/** `Insats:Hemtjänst` also means the pools whose Insats is a synonym ("Hemtjänst i ordinärt boende"). */
function sameInsats(poolInsats: string, named: string, catalogue: Map<string, CatalogueEntry>): boolean {
  if (fold(poolInsats) === fold(named)) return true;
  const a = matchCatalogue(poolInsats, catalogue)?.entry.insats;
  return a !== undefined && a === matchCatalogue(named, catalogue)?.entry.insats;
}
