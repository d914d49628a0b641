/**
 * Writing text from the workbook's inputs (client ids, pool names, reasons, messages) into result
 * cells so that it stays exactly that text.
 *
 * Office's `Range.values` parses a string the way Excel parses typing: "=…" becomes a formula
 * (and "+…", "-…", "@…" can too: `+cmd|' /C calc'!A0` is the classic DDE injection), "00123"
 * becomes the number 123, "2024-01" a date, "SANT"/"TRUE" a boolean, "#N/A" an error value. The
 * number format "@" (Text) on the cell is not enough on its own: it only works when it reaches the
 * cell before the value (a separate, earlier write of `numberFormat`), Excel on the web and on the
 * desktop have differed there, and the format is easily lost when a user re-formats the column.
 *
 * Two ways keep such text literal, and a cell must get exactly one of them:
 *
 * 1. Text columns (NUMBER_FORMATS.text, "@"): set `numberFormat` to "@" earlier in the same batch
 *    than `values` and write the text as it is. A Text-formatted cell stores what it is given and
 *    shows formulas as text. An apostrophe there would be stored as a visible character.
 * 2. Every other cell (titles, headers, a label in a number column, a cell whose format the layout
 *    does not set): a leading apostrophe, Excel's own quote prefix. Excel keeps the rest as text,
 *    sets the cell's quotePrefix and shows no apostrophe; `Range.values` reads back the original.
 *    Only text that Excel could misread gets it, so ordinary cells carry no quote prefix.
 *
 * `asLiteralText(value, numberFormat)` does both: pass the format the cell is given in the same
 * batch ("@" → written as is; anything else or nothing → apostrophe when needed). The format
 * alone is not enough when it is not guaranteed to reach the cell first (a separate earlier
 * write, a user's re-formatting between refreshes), which is why cells outside text columns use
 * the apostrophe.
 */

/** A string Excel would not keep as the same text if written as a plain value. */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\u2212\uff1d\uff0b\uff0d\uff20]/;
const NUMBER_LIKE = /^\s*\(?[-+\u2212]?\s*(?:[$€£]|kr)?\s*[.,]?\d[\d.,\s']*(?:e[-+]?\d+)?\s*(?:%|kr|:-)?\)?\s*$/i;
const DATE_OR_TIME_LIKE = /^[\s\u00a0]*\d{1,4}[-/.:]\d{1,2}([-/.:]\d{1,4})?([ T]\d{1,2}(:\d{2}){1,2})?[\s\u00a0]*(am|pm|fm|em)?$/i;
const MONTH_NAME_DATE = /^\s*\d{1,2}[\s-]+[a-zåäö]{3,}\.?([\s-]+\d{2,4})?\s*$|^\s*[a-zåäö]{3,}\.?[\s-]+\d{1,4}\s*$/i;
const BOOLEAN_LIKE = /^\s*(true|false|sant|falskt)\s*$/i;
const ERROR_LIKE = /^\s*#/;
const FRACTION_LIKE = /^\s*\d+\s+\d+\/\d+\s*$/;

export function needsQuotePrefix(text: string): boolean {
  return (
    text.startsWith("'") ||
    FORMULA_START.test(text) ||
    NUMBER_LIKE.test(text) ||
    DATE_OR_TIME_LIKE.test(text) ||
    MONTH_NAME_DATE.test(text) ||
    BOOLEAN_LIKE.test(text) ||
    ERROR_LIKE.test(text) ||
    FRACTION_LIKE.test(text)
  );
}

/**
 * A value ready for `Range.values` into a cell with `numberFormat` (the format written to the same
 * cell earlier in the batch). In a Text ("@") cell text goes as it is; elsewhere text that Excel
 * could read as anything but the same text gets a leading apostrophe. Numbers and booleans pass; null, undefined and non-finite numbers become
 * "" (an empty cell; `Range.values` rejects NaN); a Date becomes its ISO date as literal text.
 */
export function asLiteralText(value: unknown, numberFormat?: string): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  const textCell = numberFormat === "@";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : `${textCell ? "" : "'"}${value.toISOString().slice(0, 10)}`;
  const text = String(value);
  if (text === "" || textCell) return text;
  return needsQuotePrefix(text) ? `'${text}` : text;
}

/** What `Range.values` reads back for a value written with asLiteralText into a cell of that format. */
export function readBackAsExcelWould(written: string | number | boolean, numberFormat?: string): string | number | boolean {
  if (numberFormat === "@") return written;
  return typeof written === "string" && written.startsWith("'") ? written.slice(1) : written;
}
