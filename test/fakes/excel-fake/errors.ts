/**
 * Errors shaped like Office.js runtime errors (`OfficeExtension.Error`): `name` "RichApi.Error",
 * a `code` string, `debugInfo` and `traceMessages`. Messages follow Office's wording where known.
 */

export const ErrorCode = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  valueNotLoaded: "ValueNotLoaded",
  runMustReturnPromise: "RunMustReturnPromise",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
} as const;

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  traceMessages: string[] = [];
  readonly innerError: FakeOfficeError | null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
    this.httpStatusCode = code === ErrorCode.generalException ? 500 : 400;
  }

  toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function propertyNotLoaded(typeName: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCode.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

export function valueNotLoaded(): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCode.valueNotLoaded,
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );
}

export function invalidObjectPath(path: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCode.invalidObjectPath,
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    path,
  );
}

export function invalidRequestContext(): FakeOfficeError {
  return new FakeOfficeError(ErrorCode.invalidRequestContext, "Cannot use the object across different request contexts.");
}

export function itemNotFound(location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCode.itemNotFound, "The requested resource doesn't exist.", location);
}

export function itemAlreadyExists(location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCode.itemAlreadyExists, "The resource already exists.", location);
}

export function invalidArgument(detail?: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCode.invalidArgument,
    detail ?? "The argument is invalid or missing or has an incorrect format.",
    location,
  );
}

export function invalidOperation(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCode.invalidOperation, detail, location);
}

export function generalException(detail?: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCode.generalException,
    detail ?? "There was an internal error while processing the request.",
  );
}

export function shapeMismatch(location: string): FakeOfficeError {
  return invalidArgument(
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    location,
  );
}

/** The `OfficeExtension` namespace subset add-ins use for error handling. */
export const FakeOfficeExtension = {
  Error: FakeOfficeError,
  ErrorCodes: {
    accessDenied: ErrorCode.accessDenied,
    generalException: ErrorCode.generalException,
    invalidArgument: ErrorCode.invalidArgument,
    invalidObjectPath: ErrorCode.invalidObjectPath,
    invalidRequestContext: ErrorCode.invalidRequestContext,
    propertyNotLoaded: ErrorCode.propertyNotLoaded,
    valueNotLoaded: ErrorCode.valueNotLoaded,
    runMustReturnPromise: ErrorCode.runMustReturnPromise,
  },
};
