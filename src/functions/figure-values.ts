/**
 * Values the pure worksheet-function cores return: a number, a matrix, or a typed error that the
 * thin wrappers in functions.ts turn into a `CustomFunctions.Error`. Nothing here touches Office.
 */

/** Excel error values the KPB functions produce. Only #VALUE! and #N/A show their message in Excel. */
export type FigureErrorCode = "#N/A" | "#VALUE!" | "#DIV/0!" | "#NUM!";

export interface FigureError {
  readonly kind: "kpb-error";
  readonly code: FigureErrorCode;
  /** Swedish, for the cell's error tooltip. Never contains a personnummer. */
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

/** The message shown while no KPB result exists yet. */
export const NO_RESULT_MESSAGE = "Kör KPB först";

/** An argument as Excel passes it to a parameter of type any (omitted optionals arrive as null). */
export type Arg = string | number | boolean | null | undefined;

/** `"a", "b" och "c"` (at most `max` items, then "…"). */
export function listText(items: readonly string[], max = 12): string {
  const quoted = items.slice(0, max).map((i) => `"${i}"`);
  if (items.length > max) quoted.push("…");
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} och ${quoted[quoted.length - 1]}`;
}

/**
 * A text argument: trimmed text, a number as its plain text (codes such as 1100 are text in KPB),
 * or null when omitted. Excel passes an omitted argument as null and an empty cell as "" or 0, so
 * for an optional argument null, undefined, "" and 0 all mean "omitted". Booleans are #VALUE!.
 */
export function textArg(value: Arg, label: string, optional: boolean): FigureResult<string | null> {
  if (value === null || value === undefined) return optional ? null : invalidValue(`${label} saknas.`);
  if (typeof value === "boolean") return invalidValue(`${label} ska vara text, inte ${value ? "SANT" : "FALSKT"}.`);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return invalidValue(`${label} är inte ett giltigt värde.`);
    if (value === 0 && optional) return null;
    return String(value);
  }
  if (typeof value !== "string") return invalidValue(`${label} ska vara text.`);
  const text = value.trim();
  if (text === "") return optional ? null : invalidValue(`${label} saknas.`);
  return text;
}
