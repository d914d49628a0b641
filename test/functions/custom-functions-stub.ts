/**
 * A `CustomFunctions` global for calling the worksheet functions directly in jest (office.js is not
 * loaded there). Import this module first in every test that calls src/functions/functions.ts.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };

/** A streaming invocation as Excel passes it, recording every setResult. */
export interface FakeInvocation<T = unknown> {
  setResult: jest.Mock<void, [T | CustomFunctionsError]>;
  onCanceled?: () => void;
}

export function fakeInvocation<T = unknown>(): FakeInvocation<T> {
  return { setResult: jest.fn<void, [T | CustomFunctionsError]>() };
}

/**
 * Calls a streaming function with `args` and a fresh invocation; returns the invocation. Like
 * Excel, omitted trailing arguments arrive as null, so the invocation is always the last parameter.
 */
export function stream<T = unknown>(fn: (...args: any[]) => void, ...args: unknown[]): FakeInvocation<T> {
  const invocation = fakeInvocation<T>();
  const omitted = Array.from({ length: Math.max(0, fn.length - 1 - args.length) }, () => null);
  fn(...args, ...omitted, invocation);
  return invocation;
}

/** The last value a streaming invocation received. */
export function last<T>(invocation: FakeInvocation<T>): T | CustomFunctionsError {
  const calls = invocation.setResult.mock.calls;
  if (calls.length === 0) throw new Error("setResult was never called");
  return calls[calls.length - 1][0];
}

/** The last value, which must be a number. */
export function lastNumber(invocation: FakeInvocation): number {
  const value = last(invocation);
  if (typeof value !== "number") {
    throw new Error(`expected a number, got ${value instanceof CustomFunctionsError ? `${value.code} ${value.message}` : JSON.stringify(value)}`);
  }
  return value;
}

/** The last value, which must be an error; returns its code and message. */
export function lastError(invocation: FakeInvocation): { code: string; message: string } {
  const value = last(invocation);
  if (!(value instanceof CustomFunctionsError)) throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  return { code: value.code, message: value.message };
}

/** What a plain (non-streaming) function threw, as code and message. */
export function thrown(call: () => unknown): { code: string; message: string } {
  try {
    const value = call();
    throw new Error(`expected a CustomFunctions.Error, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (!(error instanceof CustomFunctionsError)) throw error;
    return { code: error.code, message: error.message };
  }
}
