import type { FakeClientObject } from "./client-object";
import { ErrorCode, FakeOfficeError, invalidArgument, invalidRequestContext } from "./errors";
import type { Operation } from "./execution";
import type { FakeSession } from "./session";
import { FakeWorkbook } from "./workbook";

/**
 * Excel.RequestContext: queues actions and sends them as one batch per `sync()`. Objects created
 * during an Excel.run stop working when it ends, unless added to `trackedObjects`.
 */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly trackedObjects = {
    add: (objects: FakeClientObject<unknown> | FakeClientObject<unknown>[]): void => {
      for (const o of ([] as FakeClientObject<unknown>[]).concat(objects)) this._own(o)._tracked = true;
    },
    remove: (objects: FakeClientObject<unknown> | FakeClientObject<unknown>[]): void => {
      for (const o of ([] as FakeClientObject<unknown>[]).concat(objects)) this._own(o)._tracked = false;
    },
  };
  private pending: Operation[] = [];
  private runDepth = 0;
  private createdInRun = new Set<FakeClientObject<unknown>>();

  constructor(private readonly session: FakeSession) {
    this.workbook = new FakeWorkbook(this);
  }

  get application() {
    return this.workbook.application;
  }

  load<O extends FakeClientObject<unknown>>(object: O, option?: Parameters<O["load"]>[0]): O {
    return this._own(object).load(option);
  }

  /** Adds a message to the batch; it is reported in `error.traceMessages` if a later action fails. */
  trace(message: string): void {
    this.pending.push({ label: "trace", bytes: message.length + 2, run: (exec) => void exec.traceMessages.push(message) });
  }

  /**
   * Sends the queued actions as one request. With nothing queued there is no round trip. Loaded
   * values become readable only after the returned promise resolves.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.pending;
    this.pending = [];
    if (ops.length > 0) {
      // The response arrives later, never synchronously.
      await Promise.resolve();
      this.session.execute(ops);
    }
    return passThroughValue as T;
  }

  /** @internal */
  _enqueue(op: Operation): void {
    this.pending.push(op);
  }

  /** @internal Objects created inside an Excel.run are released when it ends. */
  _adopt(object: FakeClientObject<unknown>): void {
    if (this.runDepth > 0) this.createdInRun.add(object);
  }

  /** @internal */
  _beginRun(): void {
    this.runDepth++;
  }

  /** @internal */
  _endRun(): void {
    this.runDepth--;
    if (this.runDepth > 0) return;
    this.pending = [];
    for (const object of this.createdInRun) if (!object._tracked) object._invalidated = true;
    this.createdInRun.clear();
  }

  private _own<O extends FakeClientObject<unknown>>(object: O): O {
    if (object.context !== this) throw invalidRequestContext();
    return object;
  }
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/**
 * Excel.run(batch), Excel.run(options, batch) or Excel.run(objectOrContext | objects[], batch):
 * runs the batch with a new context (or the given object's context), syncs what is still queued
 * when it resolves, then releases the objects it created.
 */
export function makeRun(newContext: () => FakeRequestContext) {
  return async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function" || args.length > 2) throw invalidArgument(undefined, "Excel.run");
    const context = args.length === 2 ? contextOf(args[0]) ?? newContext() : newContext();
    context._beginRun();
    try {
      const pending = (batch as Batch<T>)(context);
      if (!pending || typeof (pending as Promise<T>).then !== "function") {
        throw new FakeOfficeError(
          ErrorCode.runMustReturnPromise,
          'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
        );
      }
      const result = await pending;
      return await context.sync(result);
    } finally {
      context._endRun();
    }
  };
}

function contextOf(previous: unknown): FakeRequestContext | undefined {
  if (previous instanceof FakeRequestContext) return previous;
  const first = Array.isArray(previous) ? previous[0] : previous;
  if (first && typeof first === "object" && "context" in first && (first as { context: unknown }).context instanceof FakeRequestContext) {
    const context = (first as { context: FakeRequestContext }).context;
    if (Array.isArray(previous) && previous.some((o) => (o as { context?: unknown }).context !== context)) {
      throw invalidRequestContext();
    }
    return context;
  }
  // A plain options object ({ delayForCellEdit, previousObjects }).
  const previousObjects = (previous as { previousObjects?: unknown } | null)?.previousObjects;
  return previousObjects ? contextOf(previousObjects) : undefined;
}
