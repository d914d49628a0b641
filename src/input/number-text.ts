/**
 * Numbers as text exports write them: `1 234,50`, `1.234,50`, `1,234.50`, `-12,5`, `12,50-`,
 * `(12,50)`, `−3` (a real minus sign), with space, no-break space or dot thousands separators.
 * The file's decimal mark is found once from the whole column (sniffDecimalMark), so `1.234` in a
 * file that writes `12,50` elsewhere is a thousands group, not a decimal. Pure.
 */

export type DecimalMark = "," | ".";

const SPACES = /[\s\u00a0\u202f\u2009']/g;

interface Parts {
  negative: boolean;
  body: string;
}

/** Sign and digits with separators, or null when the text is no number at all. */
function parts(text: string): Parts | null {
  let t = text.trim().replace(/\u2212/g, "-").replace(/\s*(kr|sek|:-)$/i, "").trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(t);
  if (parenthesised) {
    negative = true;
    t = parenthesised[1].trim();
  }
  t = t.replace(SPACES, "");
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.startsWith("+")) t = t.slice(1);
  else if (t.endsWith("-")) {
    // Some ledgers put the minus after the number ("1 234,50-").
    negative = !negative;
    t = t.slice(0, -1);
  }
  if (!/^[\d.,]*\d[\d.,]*$/.test(t)) return null;
  return { negative, body: t };
}

/** Which mark the number's form says is the decimal mark, or null when it cannot tell. */
function markOf(body: string): DecimalMark | null {
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (commas && dots) return body.lastIndexOf(",") > body.lastIndexOf(".") ? "," : ".";
  if (commas + dots === 0) return null;
  const sep: DecimalMark = commas ? "," : ".";
  if (commas + dots > 1) return sep === "," ? "." : ","; // repeated: thousands groups
  const frac = body.length - body.indexOf(sep) - 1;
  return frac === 3 && body.indexOf(sep) > 0 ? null : sep;
}

/**
 * The decimal mark most numbers of a column say they use, or null when none says (all whole
 * numbers, or only forms like `1.234` that can be read either way).
 */
export function sniffDecimalMark(texts: Iterable<unknown>): DecimalMark | null {
  let comma = 0;
  let dot = 0;
  for (const text of texts) {
    const mark = markOfText(text);
    if (mark === ",") comma++;
    else if (mark === ".") dot++;
  }
  return majority(comma, dot);
}

/**
 * The same, from each distinct text of a column with how many cells hold it: a column stored by
 * column is read once per distinct text, not once per row.
 */
export function sniffDecimalMarkOfCounts(texts: Iterable<readonly [unknown, number]>): DecimalMark | null {
  let comma = 0;
  let dot = 0;
  for (const [text, count] of texts) {
    const mark = markOfText(text);
    if (mark === ",") comma += count;
    else if (mark === ".") dot += count;
  }
  return majority(comma, dot);
}

function majority(comma: number, dot: number): DecimalMark | null {
  if (comma === 0 && dot === 0) return null;
  return comma >= dot ? "," : ".";
}

/** The decimal mark one cell's number says it uses (null: no text, no number, or cannot tell). */
function markOfText(text: unknown): DecimalMark | null {
  if (typeof text !== "string") return null;
  // The common cells first, without taking them apart: whole numbers and one or two decimals.
  if (PLAIN_INTEGER.test(text)) return null;
  if (COMMA_DECIMAL.test(text)) return ",";
  if (DOT_DECIMAL.test(text)) return ".";
  const p = parts(text);
  return p ? markOf(p.body) : null;
}

const PLAIN_INTEGER = /^-?\d{1,15}$/;
const COMMA_DECIMAL = /^-?\d{1,13},\d{1,2}$/;
const DOT_DECIMAL = /^-?\d{1,13}\.\d{1,2}$/;

/** Up to 15 significant digits a double holds exactly what the text says. */
const MAX_DIGITS = 15;

/**
 * The number a text means, given the file's decimal mark; null when it is no number, when its
 * form does not fit the mark, when it is ambiguous without a known mark, or when it has more
 * digits than a double keeps exactly (the engine then reads the text itself and reports).
 */
export function numberFromText(text: string, mark: DecimalMark | null): number | null {
  // The common cells without taking them apart (a million client rows pass here).
  if (PLAIN_INTEGER.test(text)) return Number(text) || 0;
  if (mark === "," && COMMA_DECIMAL.test(text)) return Number(text.replace(",", ".")) || 0;
  if (mark === "." && DOT_DECIMAL.test(text)) return Number(text) || 0;
  const p = parts(text);
  if (!p) return null;
  const own = markOf(p.body);
  const decimal = mark ?? own;
  if (decimal === null) {
    if (!/^\d+$/.test(p.body)) return null; // `1.234` with no known mark: leave it to the engine's warning
  } else if (own !== null && own !== decimal) {
    // `12.50` in a decimal-comma file: not this file's form. Only a repeated group separator fits.
    return null;
  }
  const thousands = decimal === "," ? "." : ",";
  const [intPart, fracPart = "", extra] = decimal === null ? [p.body] : p.body.split(decimal);
  if (extra !== undefined) return null;
  if (intPart.includes(thousands) && !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(intPart)) return null;
  const digits = intPart.split(thousands).join("");
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fracPart) || digits.length + fracPart.length === 0) return null;
  const significant = (digits.replace(/^0+/, "") + fracPart).replace(/0+$/, "").length;
  if (significant > MAX_DIGITS) return null;
  const value = Number(`${digits || "0"}.${fracPart || "0"}`);
  return p.negative && value !== 0 ? -value : value;
}
