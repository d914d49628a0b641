import { matchCatalogue, namesWholeIntervention, readArea } from "./catalogue";
import { fold } from "./cells";
import { Dec } from "./decimal";
import { splitByWeights } from "./largest-remainder";
import type { AllocationFlow, AllocationMethod, Area, CatalogueEntry, KeyMethod, KeyShare, PoolDef } from "./model";
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

  // Mottagare says who may receive; for `andel` keys too (Nycklar then says how much each gets).
  const named = new Set<string>();
  const mottagare = place("Mottagare");
  for (const spec of support.receivers) {
    if (spec.kind === "all") input.pools.filter(allowed).forEach((p) => named.add(p.id));
    else if (spec.kind === "pools") {
      for (const id of spec.ids) {
        const before = chosen.size;
        checkNamed(id, mottagare);
        if (chosen.size > before || chosen.has(id)) named.add(id);
      }
    } else {
      let area: Area | null = null;
      if (spec.kind === "area") {
        area = readArea(spec.area);
        if (!area) {
          log.error("receiverAreaUnknown", mottagare, { pool: support.id, value: spec.area });
          ok = false;
          continue;
        }
      }
      const text = spec.kind === "insats" ? `Insats:${spec.insats}` : `Område:${spec.area}`;
      const fits = (p: PoolDef) =>
        p.id !== support.id &&
        (spec.kind === "insats" ? sameIntervention(p.insats, spec.insats, input.catalogue) : matchCatalogue(p.insats, input.catalogue)?.entry.area === area);
      const matching = input.pools.filter(fits);
      const below = matching.filter(allowed);
      if (matching.length === 0) {
        log.error("receiverMatchesNothing", mottagare, { pool: support.id, receiver: text });
        ok = false;
      } else if (below.length === 0) {
        log.error("receiverAbove", mottagare, { pool: support.id, receiver: `${text} (${matching.map((p) => p.id).join(", ")})` });
        ok = false;
      }
      below.forEach((p) => named.add(p.id));
    }
  }
  chosen.clear();

  const weights = new Map<string, bigint>();
  if (support.keyMethod === "andel") {
    const rows = input.keys.filter((k) => k.from === support.id);
    if (rows.length === 0) {
      log.error("keyMissing", place("Fördelning"), { pool: support.id });
      return null;
    }
    let sum = new Dec(0);
    const firstRowOf = new Map<string, number>();
    for (const k of rows) {
      const where = { table: "Nycklar" as const, row: k.row, column: "Till" };
      if (firstRowOf.has(k.to)) {
        log.error("keyDuplicate", where, { pool: support.id, receiver: k.to, first: firstRowOf.get(k.to)! });
        ok = false;
        continue;
      }
      firstRowOf.set(k.to, k.row);
      const before = ok;
      checkNamed(k.to, where);
      if (before && ok && !named.has(k.to) && !new Dec(k.share).isZero()) {
        log.error("keyOutsideReceivers", where, { pool: support.id, receiver: k.to });
        ok = false;
      }
      sum = sum.plus(k.share);
      const w = new Dec(k.share).times(SHARE_SCALE).toDecimalPlaces(0);
      weights.set(k.to, BigInt(w.toFixed()));
    }
    // A pool named by id in Mottagare but given no share in Nycklar gets nothing: say so.
    for (const spec of support.receivers) {
      if (spec.kind !== "pools") continue;
      for (const id of spec.ids) {
        if (named.has(id) && !firstRowOf.has(id)) log.warning("receiverWithoutKey", mottagare, { pool: support.id, receiver: id });
      }
    }
    if (sum.minus(1).abs().greaterThan("0.0001")) {
      log.error("keySharesSum", { table: "Nycklar", row: rows[0].row, column: "Andel" }, { pool: support.id, sum: sum.toFixed().replace(".", ",") });
      ok = false;
    }
  } else {
    for (const id of named) chosen.set(id, byId.get(id)!);
    if (ok && support.keyMethod === "volym") ok = sameVolumeUnit(support, [...chosen.values()], input, log);
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

/**
 * A volume key adds the receivers' volumes: hours and days (or any two units) cannot be added.
 * Receivers without volume, or whose unit is unknown, do not take part.
 */
function sameVolumeUnit(support: PoolDef, receivers: PoolDef[], input: AllocationInput, log: ProblemLog): boolean {
  const byUnit = new Map<string, string[]>();
  for (const p of receivers) {
    const unit = input.catalogue.get(fold(p.insats))?.volumeUnit.trim() ?? "";
    if (!unit || !(input.volumeMicro.get(p.id) ?? 0)) continue;
    const list = byUnit.get(fold(unit)) ?? byUnit.set(fold(unit), []).get(fold(unit))!;
    list.push(`${p.id} (${unit})`);
  }
  if (byUnit.size <= 1) return true;
  log.error("volumeKeyMixedUnits", { table: "Pooler", row: support.row, column: "Fördelning" }, {
    pool: support.id,
    receivers: [...byUnit.values()].map((l) => l.join(", ")).join("; "),
  });
  return false;
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

function reportNoReceivers(s: PoolDef, amountOre: number, input: AllocationInput, log: ProblemLog): void {
  const place = { table: "Pooler" as const, row: s.row, column: "Mottagare" };
  // `*` in step-down means "every pool below": the last pool in Pooler has none, whatever the key.
  const nothingBelow = input.method === "stegvis" && s.receivers.some((r) => r.kind === "all") && !input.pools.some((p) => p.order > s.order);
  if (nothingBelow) {
    log.error("noPoolsBelow", place, { pool: s.id, amount: oreToSwedish(amountOre) });
    return;
  }
  log.error("noReceivers", place, {
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
      reportNoReceivers(s, amount, input, log);
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
 * support pools). Every support pool then passes on a whole number of öre X_s, split over ALL its
 * receivers (support pools included) by the same largest-remainder split as step-down, and X_s is
 * exactly its direct cost plus what the others' splits gave it, so direct + received − passed on
 * = 0 for every support pool. The integer X is found from the rounded exact solution by repeating
 * "X = d + what the splits of X give" until it no longer changes (normally at once or after a step
 * or two, since each split is within an öre of the exact share).
 */
const MAX_INTEGER_ROUNDS = 50;

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
      reportNoReceivers(s, d[i].toNumber(), input, log);
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
      reportNoReceivers(s, x[i].toDecimalPlaces(0).toNumber(), input, log);
      blocked = true;
    }
  });
  if (blocked) return null;
  const direct = d.map((v) => v.toNumber());
  const splits = integerReciprocalSplits(supports, receiversBySupport, index, direct, x);
  supports.forEach((s, i) => {
    const receivers = receiversBySupport.get(s.id)!;
    const weightSum = receivers.reduce((a, b) => a + b.weight, 0n).toString();
    receivers.forEach((r, n) => {
      const got = out.received.get(r.pool.id)!;
      got.set(s.id, addOre(got.get(s.id) ?? 0, splits[i][n]));
      out.flows.push({ from: s.id, to: r.pool.id, amountOre: splits[i][n], key: s.keyMethod!, weight: r.weight.toString(), weightSum });
    });
    out.passedOn.set(s.id, splits[i].reduce(addOre, 0));
  });
  return out;
}

/**
 * The öre each support pool sends to each of its receivers (same order as its receivers), such
 * that every support pool sends exactly its direct cost plus what it received.
 */
function integerReciprocalSplits(
  supports: PoolDef[],
  receiversBySupport: Map<string, Receiver[]>,
  index: Map<string, number>,
  direct: number[],
  exact: Dec[],
): number[][] {
  const receiversOf = supports.map((s) => receiversBySupport.get(s.id)!);
  const split = (total: number, i: number) =>
    receiversOf[i].length === 0 ? [] : splitByWeights(total, receiversOf[i].map((r) => r.weight));
  const receivedBy = (splits: number[][]) => {
    const received = direct.map(() => 0);
    splits.forEach((parts, i) =>
      receiversOf[i].forEach((r, n) => {
        const j = index.get(r.pool.id);
        if (j !== undefined) received[j] = addOre(received[j], parts[n]);
      }),
    );
    return received;
  };
  // Gauss–Seidel on integers: each support pool in turn takes direct + what it now receives and
  // re-splits it; updating one pool at a time avoids two pools trading an öre back and forth.
  // Where an öre still goes round a loop, the search starts again from the exact amounts rounded
  // down, then up (a different start usually settles).
  const starts = [Dec.ROUND_HALF_UP, Dec.ROUND_FLOOR, Dec.ROUND_CEIL] as const;
  let splits: number[][] = [];
  for (const rounding of starts) {
    const totals = exact.map((v) => v.toDecimalPlaces(0, rounding).toNumber());
    splits = totals.map(split);
    for (let round = 0; round < MAX_INTEGER_ROUNDS; round++) {
      let changed = false;
      for (let i = 0; i < supports.length; i++) {
        const next = addOre(direct[i], receivedBy(splits)[i]);
        if (next === totals[i]) continue;
        totals[i] = next;
        splits[i] = split(next, i);
        changed = true;
      }
      if (!changed) return splits;
    }
  }
  return conservingFallback(receiversOf, index, direct, splits);
}

/**
 * When the integer splits find no fixed point (an öre keeps moving round a loop), the transfers
 * between support pools are kept as the last round made them, and each support pool splits what it
 * then holds, less those transfers, over its intervention pools by largest remainder. A support
 * pool that sends only to other support pools re-splits its whole amount first, in Pooler order.
 */
function conservingFallback(receiversOf: Receiver[][], index: Map<string, number>, direct: number[], splits: number[][]): number[][] {
  const isSupport = (r: Receiver) => index.has(r.pool.id);
  const receivedOf = (i: number) => {
    let sum = 0;
    splits.forEach((parts, j) => receiversOf[j].forEach((r, n) => (index.get(r.pool.id) === i ? (sum = addOre(sum, parts[n])) : undefined)));
    return sum;
  };
  const relayOnly = receiversOf.map((rs) => rs.length > 0 && rs.every(isSupport));
  relayOnly.forEach((relay, i) => {
    if (relay) splits[i] = splitByWeights(addOre(direct[i], receivedOf(i)), receiversOf[i].map((r) => r.weight));
  });
  receiversOf.forEach((rs, i) => {
    if (relayOnly[i] || rs.length === 0) return;
    const toSupports = rs.map((r, n) => (isSupport(r) ? splits[i][n] : 0));
    const rest = addOre(addOre(direct[i], receivedOf(i)), -toSupports.reduce(addOre, 0));
    const at = rs.map((r, n) => (isSupport(r) ? -1 : n)).filter((n) => n >= 0);
    const parts = splitByWeights(rest, at.map((n) => rs[n].weight));
    at.forEach((n, k) => (toSupports[n] = parts[k]));
    splits[i] = toSupports;
  });
  // The öre must add up for every support pool; if a loop of relaying pools defeats the above, stop
  // loudly (an internal error the user sees) rather than lose an öre.
  splits.forEach((parts, i) => {
    if (receiversOf[i].length > 0 && parts.reduce(addOre, 0) !== addOre(direct[i], receivedOf(i))) {
      throw new Error("reciprocal allocation: support pool transfers do not reconcile");
    }
  });
  return splits;
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
function sameIntervention(poolIntervention: string, named: string, catalogue: Map<string, CatalogueEntry>): boolean {
  if (fold(poolIntervention) === fold(named)) return true;
  // A selector with more words than an intervention's name ("Insats:Hemtjänst natt") selects only
  // pools of that exact name, not every hemtjänst pool.
  if (!namesWholeIntervention(named, catalogue)) return false;
  const a = matchCatalogue(poolIntervention, catalogue)?.entry.insats;
  return a !== undefined && a === matchCatalogue(named, catalogue)?.entry.insats;
}
