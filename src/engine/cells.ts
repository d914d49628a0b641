import { Dec } from "./decimal";
import type { CellValue } from "./model";

/**
 * Reading single cells the way a Swedish economist writes them. Each reader returns a value or a
 * reason it could not read the cell; none throws.
 */
export type Read<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

const ok = <T>(value: T, note?: string): Read<T> => (note ? { ok: true, value, note } : { ok: true, value });
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

export function isBlank(cell: CellValue): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * Excel's error values as Range.values and exceljs deliver them (text such as "#N/A"): a formula
 * that could not be computed. Returns the error text, or null for an ordinary cell.
 */
const EXCEL_ERRORS = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|GETTING_DATA|SAKNAS!?|REFERENS!|VÄRDEFEL!|DIVISION\/0!|NAMN\?|OGILTIGT!|SKÄRNING!)$/i;

export function excelErrorValue(cell: CellValue): string | null {
  if (typeof cell !== "string") return null;
  const text = cell.trim();
  return text.startsWith("#") && EXCEL_ERRORS.test(text) ? text : null;
}

/** A Date that holds a real moment (exceljs and hand-built inputs can carry Invalid Date). */
export function isValidDate(cell: unknown): cell is Date {
  return cell instanceof Date && !Number.isNaN(cell.getTime());
}

/** A code (Ansvar, Konto, Pool, BrukarID …): text even when Excel holds it as a number. */
export function readCode(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : String(cell);
  if (cell instanceof Date) return isValidDate(cell) ? cell.toISOString().slice(0, 10) : "";
  return String(cell).trim();
}

export function readText(cell: CellValue): string {
  return readCode(cell);
}

const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * A decimal number from a cell: numbers as they are; text in Swedish form (`1 234,50`, `-12,5`),
 * with dot thousands (`1.234,50`) or English form (`1,234.50`). A lone separator followed by exactly
 * three digits (`1,234`) is read the Swedish way (a decimal comma) and flagged as ambiguous.
 */
export function readDecimal(cell: CellValue): Read<Dec> {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail("ett ändligt tal");
    return ok(new Dec(cell));
  }
  if (typeof cell === "boolean" || cell instanceof Date) return fail("ett tal");
  if (isBlank(cell)) return fail("ett tal (cellen är tom)");
  let text = String(cell).trim().replace(/\u2212/g, "-").replace(/\s*(kr|sek|:-)$/i, "");
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1];
  }
  text = text.replace(SPACES, "");
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith("+")) text = text.slice(1);
  const normalized = normalizeSeparators(text);
  if (!normalized) return fail("ett tal");
  const value = new Dec(normalized.number);
  return ok(negative ? value.neg() : value, normalized.ambiguous ? "ambiguous" : undefined);
}

function normalizeSeparators(text: string): { number: string; ambiguous: boolean } | null {
  if (/^\d+$/.test(text)) return { number: text, ambiguous: false };
  if (/^\d*[.,]\d+$/.test(text)) {
    const [intPart, frac] = text.split(/[.,]/);
    const ambiguous = frac.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== "0";
    return { number: `${intPart || "0"}.${frac}`, ambiguous };
  }
  // Both separators: the last one is the decimal mark, the other groups thousands.
  const both = /^(\d{1,3}(?:([.,])\d{3})+)([.,])(\d+)$/.exec(text);
  if (both && both[2] !== both[3]) {
    return { number: `${both[1].replace(/[.,]/g, "")}.${both[4]}`, ambiguous: false };
  }
  // Repeated separator only: thousands grouping.
  const grouped = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$/.exec(text);
  if (grouped) return { number: text.replace(/[.,]/g, ""), ambiguous: false };
  if (/^\d+\.$/.test(text) || /^\d+,$/.test(text)) return { number: text.slice(0, -1), ambiguous: false };
  return null;
}

/** A whole number (Platser, Antal, Födelseår …). */
export function readInteger(cell: CellValue): Read<number> {
  if (typeof cell === "number" && Number.isSafeInteger(cell)) return ok(cell); // what the Decimal path gives
  const read = readDecimal(cell);
  if (!read.ok) return fail("ett heltal");
  if (!read.value.isInteger()) return fail("ett heltal");
  return ok(read.value.toNumber());
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_UTC + Math.round(serial * 86400000));
}

const CANONICAL_PERIOD = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** A period as `YYYY-MM` from `YYYY-MM`, `YYYYMM`, `YYYY-MM-DD`, a Date or an Excel date serial. */
export function readPeriod(cell: CellValue): Read<string> {
  if (typeof cell === "string" && CANONICAL_PERIOD.test(cell)) return ok(cell); // already YYYY-MM
  if (cell instanceof Date) return isValidDate(cell) ? ok(isoMonth(cell)) : fail("en period ÅÅÅÅ-MM");
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 190001 && cell <= 210012 && cell % 100 >= 1 && cell % 100 <= 12) {
      return ok(`${Math.floor(cell / 100)}-${String(cell % 100).padStart(2, "0")}`);
    }
    // A bare year (2024) would be the date serial of a day in 1905: it is no month, say so.
    if (Number.isInteger(cell) && cell >= 1890 && cell <= 2200) return fail("en period ÅÅÅÅ-MM (ett år räcker inte)");
    if (cell > 0 && cell < 2958466) return ok(isoMonth(excelSerialToDate(cell)));
    return fail("en period ÅÅÅÅ-MM");
  }
  const text = readText(cell);
  const m = /^(\d{4})[-/.]?(\d{2})(?:[-/.](\d{2}))?$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return ok(`${m[1]}-${m[2]}`);
  return fail("en period ÅÅÅÅ-MM");
}

function isoMonth(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

const foldCache = new Map<string, string>();

/** Text compared as the contract says: case-insensitive, Swedish letters folded, spaces squeezed. */
export function fold(text: string): string {
  // The same few names (insatser, areas, housing) are folded again and again: remember short ones.
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_]+/g, " ")
    .trim();
  if (text.length <= 64 && foldCache.size < 20_000) foldCache.set(text, folded);
  return folded;
}


/** Excel column letters for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
