import { ErrorCode, FakeOfficeError, generalException } from "./errors";
import { Execution, type Operation } from "./execution";
import type { FakeStats, SyncRecord } from "./metering";
import type { WorkbookModel } from "./model";

/** Default payload limit of Excel on the web (5 MB for a request and for a response). */
export const DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;

/** The "server" side: runs batches against the document and meters them. */
export class FakeSession {
  constructor(
    readonly model: WorkbookModel,
    readonly stats: FakeStats,
    readonly maxRequestBytes: number,
  ) {}

  /**
   * Runs one batch. An injected failure or an oversized request applies nothing; an error in an
   * action leaves the earlier actions applied (Excel does not roll back) and delivers no loads; an
   * oversized response has applied the writes but delivers nothing.
   */
  execute(ops: Operation[]): void {
    const { number, inject } = this.stats._beginSync();
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    const record: SyncRecord = { sync: number, operations: ops.length, requestBytes, responseBytes: 0, bytes: requestBytes };
    this.stats.requests.push(record);
    const fail = (error: FakeOfficeError, traceMessages: string[] = []): never => {
      record.error = error.code;
      error.traceMessages = traceMessages;
      throw error;
    };
    if (inject) fail(generalException("Injected failure: the request failed before Excel processed it."));
    if (requestBytes > this.maxRequestBytes) {
      fail(new FakeOfficeError(ErrorCode.requestPayloadSizeLimitExceeded, "The request payload size has exceeded the limit."));
    }
    const exec = new Execution(this.model);
    for (const op of ops) {
      try {
        op.run(exec);
      } catch (error) {
        if (!(error instanceof FakeOfficeError)) throw error;
        if (!error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.label;
        fail(error, exec.traceMessages);
      }
    }
    record.responseBytes = exec.responseBytes;
    record.bytes = requestBytes + exec.responseBytes;
    if (exec.responseBytes > this.maxRequestBytes) {
      fail(
        new FakeOfficeError(ErrorCode.responsePayloadSizeLimitExceeded, "The response payload size has exceeded the limit."),
        exec.traceMessages,
      );
    }
    exec.commit();
  }
}
