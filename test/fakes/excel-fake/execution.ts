import { approxJsonSize } from "./metering";
import type { WorkbookModel } from "./model";

/** One queued action of a batch: a load, a property set, a method call or an object look-up. */
export interface Operation {
  /** "Range.values", "WorksheetCollection.getItem" — becomes the error location. */
  label: string;
  /** Approximate JSON size of what the action sends (arguments and written values). */
  bytes: number;
  run(exec: Execution): void;
}

/**
 * The running of one batch against the document. Loaded values are collected here and handed to
 * the proxies only when the whole batch succeeded, as Office delivers one response per sync.
 */
export class Execution {
  responseBytes = 0;
  readonly traceMessages: string[] = [];
  private readonly deliveries: (() => void)[] = [];

  constructor(readonly model: WorkbookModel) {}

  respond(value: unknown): void {
    this.responseBytes += approxJsonSize(value);
  }

  deliver(apply: () => void): void {
    this.deliveries.push(apply);
  }

  commit(): void {
    for (const apply of this.deliveries) apply();
  }
}
