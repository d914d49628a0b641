/** Cell values as Excel stores and returns them, and how written input becomes a cell. */

/** A stored or computed cell value. Errors are their codes ("#REF!"), as `Range.values` returns them. */
export type CellValue = string | number | boolean;

export const ERROR_VALUES: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];

export function isErrorValue(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("#") && ERROR_VALUES.includes(value.toUpperCase());
}

/** What writing one element of `values`/`formulas` does to a cell. */
export type CellInput =
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "formula"; text: string }
  | { kind: "value"; value: CellValue };

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Excel treats written strings like typed input: "=…" is a formula, "123" becomes a number and
 * "TRUE" a boolean unless the cell is formatted as text ("@"); a leading apostrophe keeps text.
 * `null` leaves the cell unchanged, and so do NaN, Infinity and undefined, which JSON turns into null.
 */
export function interpretInput(input: unknown, cellIsText: boolean): CellInput | null {
  if (input === null || input === undefined) return { kind: "skip" };
  // input - input is 0 only for finite numbers (and avoids a global lookup per cell).
  if (typeof input === "number") return input - input === 0 ? { kind: "value", value: input } : { kind: "skip" };
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input !== "string") return null;
  if (input === "") return { kind: "clear" };
  if (cellIsText) return { kind: "value", value: input };
  if (input.startsWith("'")) return input.length === 1 ? { kind: "clear" } : { kind: "value", value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", text: input };
  const trimmed = input.trim();
  if (NUMBER_TEXT.test(trimmed)) return { kind: "value", value: Number(trimmed) };
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (isErrorValue(trimmed)) return { kind: "value", value: upper };
  return { kind: "value", value: input };
}

export function valueTypeOf(value: CellValue | undefined): string {
  if (value === undefined || value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return isErrorValue(value) ? "Error" : "String";
}

/** Display text in the General format (no number formats are applied). */
export function displayText(value: CellValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return generalNumber(value);
  return value;
}

/** Excel's General format shows at most about 10 significant digits. */
function generalNumber(n: number): string {
  if (n % 1 === 0 && n < 1e11 && n > -1e11) return String(n);
  return String(Number(n.toPrecision(10)));
}
