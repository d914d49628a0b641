/**
 * The one shared store of the latest KPB run in the add-in's runtime: the task pane, the ribbon
 * command and the `KPB.*` worksheet functions all see the same result, because the shared runtime
 * loads one bundle and therefore one instance of this module.
 *
 * - `publish(result)` after every successful run (src/excel/refresh.ts `refreshKpb` does it).
 * - `subscribe(listener)` to hear about every later publish (the streaming worksheet functions).
 * - `ensureResult()` when a figure is needed before anyone has run KPB: it calls the registered
 *   loader (which computes from the workbook's inputs without writing anything) at most once and
 *   publishes what it returns.
 *
 * No Office, Excel or DOM access here: the module is pure state and safe to import from tests.
 */
import type { KpbResult, RunOptions, WorkbookInput } from "../engine";

/**
 * What a run was computed from: the input tables and the run options (settings overrides, secret).
 * Kept with the snapshot so the worksheet functions can compute another window of the same data
 * (their optional period argument, src/shared/period-results.ts) without reading the workbook again.
 */
export interface KpbRunSource {
  readonly input: WorkbookInput;
  readonly options: RunOptions;
}

/** One published run. */
export interface KpbSnapshot {
  readonly result: KpbResult;
  /** When the run finished. */
  readonly at: Date;
  /** 1 for the first publish, +1 for every later one. */
  readonly version: number;
  /**
   * The workbook's pseudonym secret the run used, so that `KPB.CLIENTCOST` can map an original
   * personnummer to the pseudonym shown in the results. Kept in memory only.
   */
  readonly pseudonymSecret?: string;
  /** The inputs the run was computed from, when the publisher passed them. */
  readonly source?: KpbRunSource;
}

export type KpbListener = (snapshot: KpbSnapshot) => void;

/** What a loader delivers: a result to publish, or why there is none (shown in the cells). */
export type KpbLoadOutcome =
  | { ok: true; result: KpbResult; pseudonymSecret?: string; source?: KpbRunSource }
  | { ok: false; message: string };

/** Computes a result from the workbook without writing (see `computeFromWorkbook` in src/excel/refresh.ts). */
export type KpbLoader = () => Promise<KpbLoadOutcome>;

export interface PublishOptions {
  pseudonymSecret?: string;
  at?: Date;
  source?: KpbRunSource;
}

let latest: KpbSnapshot | null = null;
let version = 0;
const listeners = new Set<KpbListener>();
let loader: KpbLoader | null = null;
/** The one load in flight or finished (the loader runs once until `setResultLoader` or a reset). */
let load: Promise<KpbSnapshot | null> | null = null;
let loadFailure: string | null = null;

/** Makes `result` the latest run and tells every subscriber. Returns the new snapshot. */
export function publish(result: KpbResult, options: PublishOptions = {}): KpbSnapshot {
  version += 1;
  const snapshot: KpbSnapshot = {
    result,
    at: options.at ?? new Date(),
    version,
    ...(options.pseudonymSecret ? { pseudonymSecret: options.pseudonymSecret } : {}),
    ...(options.source ? { source: options.source } : {}),
  };
  latest = snapshot;
  loadFailure = null;
  // A copy: a listener that unsubscribes (or subscribes another) while being told must not
  // change who is told about this publish.
  for (const listener of [...listeners]) {
    try {
      listener(snapshot);
    } catch (error) {
      // One broken subscriber must not keep the others stale.
      console.error("KPB: en prenumerant på resultatet kastade ett fel", error);
    }
  }
  return snapshot;
}

/** The latest published run, or null before the first one. */
export function latestSnapshot(): KpbSnapshot | null {
  return latest;
}

/** How many runs have been published so far (0 before the first). */
export function publishedVersion(): number {
  return version;
}

/** Calls `listener` on every later publish (not for the current snapshot). Returns the unsubscribe. */
export function subscribe(listener: KpbListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Number of current subscribers (for tests and diagnostics: a cancelled cell must leave none behind). */
export function subscriberCount(): number {
  return listeners.size;
}

/**
 * Registers the function that computes a result when none has been published yet. Registering a
 * (new) loader allows one more load attempt.
 */
export function setResultLoader(next: KpbLoader | null): void {
  loader = next;
  load = null;
  loadFailure = null;
}

/** Why the last load produced no result (a Swedish sentence for the cell's #N/A), or null. */
export function lastLoadFailure(): string | null {
  return loadFailure;
}

/**
 * The latest snapshot; when there is none yet, runs the registered loader once (concurrent and
 * later callers share that one attempt) and publishes its result. Resolves to null when there is
 * no loader or the load produced no result (`lastLoadFailure()` says why). Never rejects.
 */
export function ensureResult(): Promise<KpbSnapshot | null> {
  if (latest) return Promise.resolve(latest);
  if (load) return load;
  const current = loader;
  if (!current) return Promise.resolve(null);
  load = Promise.resolve()
    .then(() => current())
    .then(
      (outcome): KpbSnapshot | null => {
        // A run published meanwhile (the pane or the ribbon) is newer than what the loader read.
        if (latest) return latest;
        if (outcome.ok) return publish(outcome.result, { pseudonymSecret: outcome.pseudonymSecret, source: outcome.source });
        loadFailure = outcome.message;
        return null;
      },
      (error: unknown): KpbSnapshot | null => {
        if (latest) return latest;
        loadFailure = error instanceof Error ? error.message : String(error);
        return null;
      },
    );
  return load;
}

/** Forgets everything (tests only). */
export function resetKpbStore(): void {
  latest = null;
  version = 0;
  listeners.clear();
  loader = null;
  load = null;
  loadFailure = null;
}
