/** Request metering and failure injection, shared by every context of one fake workbook. */

export interface SyncRecord {
  /** 1-based number of this round trip (the value of `syncCount` after it). */
  sync: number;
  /** Queued operations in the batch (loads, property sets, method calls, object look-ups). */
  operations: number;
  /** Approximate JSON size of what was sent: written values, formulas, formats and arguments. */
  requestBytes: number;
  /** Approximate JSON size of the loaded values sent back (0 when the batch failed). */
  responseBytes: number;
  /** requestBytes + responseBytes. */
  bytes: number;
  /** Error code if the sync rejected. */
  error?: string;
}

export class FakeStats {
  /** Round trips so far (a sync with nothing queued makes none, as in Office.js). */
  syncCount = 0;
  requests: SyncRecord[] = [];
  /** The `syncCount` value at which an injected GeneralException happens, or null. */
  failingSync: number | null = null;

  /** Restarts the count at 0; a pending injected failure stays the same number of syncs away. */
  reset = (): void => {
    if (this.failingSync !== null) this.failingSync -= this.syncCount;
    this.syncCount = 0;
    this.requests = [];
  };

  /**
   * Makes sync number n reject with GeneralException, applying nothing of its batch. Numbers count
   * round trips across all runs since creation or the last reset(): the next one is syncCount + 1.
   */
  failAtSync = (n: number): void => {
    if (!Number.isInteger(n) || n <= this.syncCount) {
      throw new RangeError(`failAtSync(${n}): sync ${n} has already happened (syncCount is ${this.syncCount})`);
    }
    this.failingSync = n;
  };

  failNoMore = (): void => {
    this.failingSync = null;
  };

  /** @internal Counts a round trip; true when it is the one chosen to fail. */
  _beginSync(): { number: number; inject: boolean } {
    const number = ++this.syncCount;
    const inject = this.failingSync === number;
    if (inject) this.failingSync = null;
    return { number, inject };
  }
}

// Bound once: per-cell code must not look up globals, which is slow inside jest's sandbox.
const isArray = Array.isArray;
const toText = String;
const entries = Object.entries;

/** Approximate length of JSON.stringify(value), without building the string. O(size of value). */
export function approxJsonSize(value: unknown): number {
  if (isArray(value)) {
    let size = value.length > 0 ? value.length + 1 : 2;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      size += typeof item === "object" && item !== null ? approxJsonSize(item) : scalarSize(item);
    }
    return size;
  }
  if (typeof value === "object" && value !== null) {
    let size = 2;
    let first = true;
    for (const [key, item] of entries(value as Record<string, unknown>)) {
      if (item === undefined || typeof item === "function") continue;
      size += (first ? 0 : 1) + key.length + 3 + approxJsonSize(item);
      first = false;
    }
    return size;
  }
  return scalarSize(value);
}

function scalarSize(value: unknown): number {
  switch (typeof value) {
    case "number":
      return numberLength(value);
    case "string":
      return value.length + 2;
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
      return 4;
    default:
      return value === null ? 4 : 0;
  }
}

function numberLength(n: number): number {
  // NaN and ±Infinity serialize as null.
  if (n !== n || n - n !== 0) return 4;
  if (n % 1 === 0 && n < 1e15 && n > -1e15) {
    let a = n < 0 ? -n : n;
    let len = n < 0 ? 2 : 1;
    while (a >= 10) {
      a = (a - (a % 10)) / 10;
      len++;
    }
    return len;
  }
  return toText(n).length;
}
