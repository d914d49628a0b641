import { functionMessage, type ArgumentName } from "./messages";

/**
 * Values the pure worksheet-function cores return: a number, a matrix, or a typed error that the
 * thin wrappers in functions.ts turn into a `CustomFunctions.Error`. Nothing here touches Office.
 */

/** Excel error values the KPB functions produce. Only #VALUE! and #N/A show their message in Excel. */
export type FigureErrorCode = "#N/A" | "#VALUE!" | "#DIV/0!" | "#NUM!";

export interface FigureError {
  readonly kind: "kpb-error";
  readonly code: FigureErrorCode;
  /** In the user's Excel language (messages.ts), for the cell's error tooltip. Never contains a personnummer. */
  readonly message: string;
}

export type Cell = string | number | FigureError;
export type FigureResult<T> = T | FigureError;

export function figureError(code: FigureErrorCode, message: string): FigureError {
  return { kind: "kpb-error", code, message };
}

export const notAvailable = (message: string): FigureError => figureError("#N/A", message);
export const invalidValue = (message: string): FigureError => figureError("#VALUE!", message);
export const divisionByZero = (message: string): FigureError => figureError("#DIV/0!", message);
export const invalidNumber = (message: string): FigureError => figureError("#NUM!", message);

export function isFigureError(value: unknown): value is FigureError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "kpb-error";
}

/** The message shown while no KPB result exists yet (in the user's Excel language). */
export const noResultMessage = (): string => functionMessage("noResult");

/** An argument as Excel passes it to a parameter of type any (omitted optionals arrive as null). */
export type Arg = string | number | boolean | null | undefined;

/**
 * A text argument: trimmed text, a number as its plain text (codes such as 1100 are text in KPB),
 * or null when omitted. Excel passes an omitted argument as null and an empty cell as "" or 0, so
 * for an optional argument null, undefined, "" and 0 all mean "omitted". Booleans are #VALUE!.
 */
export function textArg(value: Arg, label: ArgumentName, optional: boolean): FigureResult<string | null> {
  if (value === null || value === undefined) return optional ? null : invalidValue(functionMessage("argumentMissing", { argument: label }));
  if (typeof value === "boolean") return invalidValue(functionMessage("argumentIsLogical", { argument: label, value }));
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return invalidValue(functionMessage("argumentNotFinite", { argument: label }));
    if (value === 0 && optional) return null;
    return String(value);
  }
  if (typeof value !== "string") return invalidValue(functionMessage("argumentNotText", { argument: label }));
  const text = value.trim();
  if (text === "") return optional ? null : invalidValue(functionMessage("argumentMissing", { argument: label }));
  return text;
}
