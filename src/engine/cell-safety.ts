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
 * So such text is written with a leading apostrophe, Excel's own quote prefix: Excel stores the
 * rest as literal text, sets the cell's quotePrefix, shows no apostrophe, and `Range.values` reads
 * back the original string without it. This works whatever the cell's number format, and text
 * columns still get "@" (NUMBER_FORMATS.text) for how they look. Text that cannot be misread is
 * written as it is, so ordinary cells carry no quote prefix.
 *
 * (The command line writes with exceljs, which stores strings as shared strings and never as
 * formulas, so it needs no prefix; see test/reliability/cli-faults.test.ts.)
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
 * A value ready for `Range.values`: text that Excel could read as anything but the same text gets
 * a leading apostrophe; numbers and booleans pass; null, undefined and non-finite numbers become
 * "" (an empty cell; `Range.values` rejects NaN); a Date becomes its ISO date as literal text.
 */
export function asLiteralText(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : `'${value.toISOString().slice(0, 10)}`;
  const text = String(value);
  if (text === "") return "";
  return needsQuotePrefix(text) ? `'${text}` : text;
}

/** What Excel shows and `Range.values` reads back for a value written with asLiteralText. */
export function readBackAsExcelWould(written: string | number | boolean): string | number | boolean {
  return typeof written === "string" && written.startsWith("'") ? written.slice(1) : written;
}
