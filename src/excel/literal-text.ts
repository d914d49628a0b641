import type { SheetCell } from "../engine/result-sheets";

/**
 * Office's Range.values reads a string that starts with "=" as a formula (and "+", "-", "@" can be
 * taken as one too), so input text such as a client id "=HYPERLINK(…)" must be written as
 * literal text: a leading apostrophe makes Excel keep it as text, exactly as when typed.
 */
const FORMULA_START = /^[=+\-@]/;

export function literalCell(value: SheetCell): string | number {
  if (value === null) return "";
  if (typeof value === "string" && FORMULA_START.test(value)) return `'${value}`;
  return value;
}
