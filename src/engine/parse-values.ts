import { isBlank, isValidDate, readDecimal, readInteger, type Read } from "./cells";
import { Dec } from "./decimal";
import { fastMicro, fastOre } from "./fast-number";
import type { CellValue } from "./model";
import { MAX_ROW_AMOUNT_ORE, MICRO } from "./money";
import type { Place, ProblemLog } from "./problems";

/**
 * Cell readers that report their own problems: each returns the value or null (row unusable).
 * They hold the rules that several tables share (amounts, volumes, shares, years).
 */
export function display(cell: CellValue): string {
  if (cell instanceof Date) {
    if (!isValidDate(cell)) return "ogiltigt datum";
    // A time cell (03:30) comes as a moment of Excel's day 0: show the time, not "1899-12-30".
    if (isTimeOfDay(cell)) return timeText(cell);
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell === "boolean") return cell ? "SANT" : "FALSKT";
  return String(cell);
}

/** Excel keeps a time of day without a date as a fraction of day 0 (1899-12-30 or 1899-12-31). */
export function isTimeOfDay(cell: CellValue): boolean {
  if (!isValidDate(cell)) return false;
  const t = cell.getTime();
  return t >= Date.UTC(1899, 11, 30) && t < Date.UTC(1900, 0, 1);
}

/** "03:30" (and "27:15" for a duration past midnight). */
function timeText(date: Date): string {
  const minutes = Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 60000);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** A decimal the Swedish way for a message: "1 234,5", "-0,25". */
function swedishNumber(value: Dec): string {
  const [int, frac] = value.abs().toFixed().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${value.isNegative() && !value.isZero() ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/**
 * `1,234` and `1.234` can be a decimal (1,234) or a thousands group (1 234). Amounts are money
 * with at most two decimals, so there the thousands reading is the only sensible one; other
 * numbers (volumes, shares) keep the decimal reading. Either way the warning says which was used.
 */
type Ambiguity = "decimal" | "thousands";

function readNumberReporting(cell: CellValue, expected: string, place: Place, log: ProblemLog, ambiguity: Ambiguity = "decimal"): Read<Dec> {
  const read = readDecimal(cell);
  if (!read.ok) {
    if (isBlank(cell)) log.error("requiredEmpty", place, { column: place.column ?? "" });
    else log.error("notANumber", place, { expected, value: display(cell) });
    return read;
  }
  if (read.note === "ambiguous") {
    const thousands = read.value.times(1000);
    const chosen = ambiguity === "thousands" ? thousands : read.value;
    log.warning("ambiguousNumber", place, {
      value: String(cell).trim(),
      decimal: swedishNumber(read.value),
      thousands: swedishNumber(thousands),
      chosen: swedishNumber(chosen),
    });
    return { ok: true, value: chosen };
  }
  return read;
}

/** Any decimal number (benchmark values, settings). */
export function readDecimalValue(cell: CellValue, expected: string, place: Place, log: ProblemLog): Dec | null {
  const read = readNumberReporting(cell, expected, place, log);
  return read.ok ? read.value : null;
}

/** A ledger amount in öre (kronor with up to two decimals; more are rounded with a warning). */
export function readAmountOre(cell: CellValue, place: Place, log: ProblemLog): number | null {
  const fast = fastOre(cell, MAX_ROW_AMOUNT_ORE);
  if (fast !== null) return fast;
  const read = readNumberReporting(cell, "ett belopp i kronor", place, log, "thousands");
  if (!read.ok) return null;
  const ore = read.value.times(100);
  if (ore.abs().greaterThan(MAX_ROW_AMOUNT_ORE)) {
    log.error("amountTooLarge", place, { value: display(cell) });
    return null;
  }
  // A number cell is read as Excel shows it, to 15 significant digits: binary noise from a sum
  // (0.1 + 0.2) lies far below an öre and is no extra decimal; 1234.567 is, and warns like text.
  const written = typeof cell === "number" ? new Dec(cell.toPrecision(15)).times(100) : ore;
  const rounded = written.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  if (!written.isInteger()) {
    const value = typeof cell === "number" ? swedishNumber(written.div(100)) : String(cell).trim();
    log.warning("tooManyDecimals", place, { value, rounded: rounded.div(100).toFixed(2).replace(".", ",") });
  }
  return rounded.toNumber();
}

/**
 * No row is a hundred million hours or days: larger volumes are mistakes, and would no longer sum
 * exactly in micro-units (a volume lost to float rounding is a volume dropped in silence).
 */
export const MAX_ROW_VOLUME_MICRO = 1e14;

/** A volume in micro-units; negative volumes are errors, zero volumes warnings. */
export function readVolumeMicro(cell: CellValue, place: Place, log: ProblemLog): number | null {
  const fast = fastMicro(cell);
  if (fast !== null && fast <= MAX_ROW_VOLUME_MICRO) return fast;
  if (isTimeOfDay(cell) && cell instanceof Date) {
    // A time cell is a clock reading, not a number of hours: say so instead of quoting a date.
    const hours = new Dec(cell.getTime() - Date.UTC(1899, 11, 30)).div(3_600_000);
    log.error("volumeIsTime", place, { time: timeText(cell), hours: swedishNumber(hours.toDecimalPlaces(2)) });
    return null;
  }
  const read = readNumberReporting(cell, "en volym (timmar, dygn …)", place, log);
  if (!read.ok) return null;
  if (read.value.isNegative() && !read.value.isZero()) {
    log.error("negativeVolume", place, { value: display(cell) });
    return null;
  }
  const micro = read.value.times(MICRO);
  if (micro.greaterThan(MAX_ROW_VOLUME_MICRO)) {
    log.error("volumeTooLarge", place, { value: display(cell) });
    return null;
  }
  if (!micro.isInteger()) log.warning("volumePrecision", place, { value: display(cell) });
  const value = micro.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  if (value === 0) log.warning("zeroVolume", place);
  return value;
}

/**
 * A share's number as written, "%" sign removed (whether it is a fraction or percent is decided
 * per support pool, see parseKeys). Negative shares are errors.
 */
export function readShareNumber(cell: CellValue, place: Place, log: ProblemLog): Dec | null {
  const read = readNumberReporting(typeof cell === "string" ? cell.replace("%", "") : cell, "en andel (0–1 eller procent)", place, log);
  if (!read.ok) return null;
  if (read.value.isNegative()) {
    log.error("negativeShare", place);
    return null;
  }
  return read.value;
}

/** A whole non-negative count (places, inhabitants). */
/** No municipality has a billion inhabitants, nor a unit a billion places: larger counts are mistakes. */
const MAX_COUNT = 1_000_000_000;

export function readCount(cell: CellValue, place: Place, log: ProblemLog): number | null {
  const read = readInteger(cell);
  if (!read.ok || read.value < 0 || read.value > MAX_COUNT) {
    if (isBlank(cell)) log.error("requiredEmpty", place, { column: place.column ?? "" });
    else if (read.ok && read.value > MAX_COUNT) log.error("notANumber", place, { expected: "ett heltal ≥ 0 (högst 1 000 000 000)", value: display(cell) });
    else log.error("notANumber", place, { expected: "ett heltal ≥ 0", value: display(cell) });
    return null;
  }
  return read.value;
}

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1890 && year <= 2200;
}
