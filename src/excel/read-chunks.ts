import { MAX_READ_CELLS, READ_BUDGET_BYTES } from "./excel-run";

/**
 * Sizes read chunks by the bytes Excel sends back, not by cell count: a table of numbers costs
 * ~10 bytes a cell, a ledger with long Text up to ~260 (a 255-character cell and its quotes), and
 * Excel on the web refuses a response over 5 MB. The first chunk assumes the worst (every cell a
 * 255-character text); after that each chunk is sized from the longest rows measured so far.
 */

/** Assumed JSON bytes of one cell before anything has been measured: a 255-character text, quoted, with a comma. */
export const FIRST_GUESS_BYTES_PER_CELL = 260;

export class ChunkSizer {
  private bytesPerRow: number;

  constructor(
    private readonly columnCount: number,
    private readonly budget = READ_BUDGET_BYTES,
    private readonly maxCells = MAX_READ_CELLS,
  ) {
    this.bytesPerRow = Math.max(1, columnCount) * FIRST_GUESS_BYTES_PER_CELL;
  }

  /** Rows for the next request. */
  rows(): number {
    const byBytes = Math.floor(this.budget / this.bytesPerRow);
    const byCells = Math.floor(this.maxCells / Math.max(1, this.columnCount));
    return Math.max(1, Math.min(byBytes, byCells));
  }

  /** Records what a chunk of `rows` rows measured; later chunks assume the longest rows seen. */
  observe(rows: number, bytes: number): void {
    if (rows <= 0) return;
    const measured = Math.max(1, bytes / rows);
    this.bytesPerRow = this.measured ? Math.max(this.bytesPerRow, measured) : measured;
    this.measured = true;
  }

  /** A response was still too large: assume rows twice as long as the largest that fit. */
  tooLarge(rows: number): void {
    this.bytesPerRow = Math.max(this.bytesPerRow * 2, (2 * this.budget) / Math.max(1, rows));
    this.measured = true;
  }

  private measured = false;
}

/** Approximate JSON size of loaded values (strings by length, other cells at 12 bytes). */
export function measureValuesBytes(values: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of values) {
    bytes += 3;
    for (const cell of row) bytes += typeof cell === "string" ? cell.length + 3 : 12;
  }
  return bytes;
}

/** Office's error code for a response over the payload limit. */
export function isResponseTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}
