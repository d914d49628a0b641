/**
 * Pure range functions that need no KPB run: `KPB.ALLOCATE` (exact largest-remainder split of an
 * amount to the öre) and `KPB.UNITCOSTS` (cost ÷ volume per cell). Inputs are ranges as Excel
 * passes them (`T[][]`; empty cells arrive as 0, sometimes as ""), outputs have the same shape.
 */
import { Dec, oreToKr, splitByWeights } from "../engine";
import { functionMessage } from "./messages";
import {
  divisionByZero,
  invalidNumber,
  invalidValue,
  isFigureError,
  type FigureError,
  type FigureResult,
} from "./figure-values";

export type RangeCell = string | number | boolean | null | undefined;
export type NumberOrError = number | FigureError;

const at = (r: number, c: number) => `rad ${r + 1}, kolumn ${c + 1}`;

function isRectangular(range: unknown): range is RangeCell[][] {
  if (!Array.isArray(range) || range.length === 0) return false;
  const width = Array.isArray(range[0]) ? range[0].length : -1;
  return width > 0 && range.every((row) => Array.isArray(row) && row.length === width);
}

/** An amount in kronor as whole öre (half away from zero), or an error. */
function amountToOre(amount: unknown): FigureResult<number> {
  if (typeof amount !== "number" || Number.isNaN(amount)) return invalidValue(functionMessage("amountNotNumber"));
  if (!Number.isFinite(amount)) return invalidNumber(functionMessage("amountNotFinite"));
  const ore = new Dec(amount).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  if (ore.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return invalidNumber(functionMessage("amountTooLarge"));
  return ore.toNumber();
}

/**
 * `=KPB.ALLOCATE(belopp; nycklar)`: splits `amount` (kr, rounded to the öre first) over the keys in
 * proportion to them, so that the parts are whole öre and add up to the amount exactly (largest
 * remainder; ties go to the first cell in row order). The result has the keys' shape.
 *
 * Keys: numbers ≥ 0 of any precision; an empty cell (0 or "") gets 0. Errors: a text, logical or
 * negative key → #VALUE! naming the cell; every key 0 → #DIV/0!; a non-rectangular range → #VALUE!.
 */
export function allocate(amount: unknown, keys: unknown): FigureResult<number[][]> {
  const ore = amountToOre(amount);
  if (isFigureError(ore)) return ore;
  if (!isRectangular(keys)) return invalidValue(functionMessage("keysNotRange"));
  const decimals: Dec[] = [];
  for (let r = 0; r < keys.length; r++) {
    for (let c = 0; c < keys[r].length; c++) {
      const key = keys[r][c];
      if (key === null || key === undefined || key === "") {
        decimals.push(new Dec(0));
      } else if (typeof key === "number") {
        if (!Number.isFinite(key)) return invalidValue(functionMessage("keyNotFinite", { cell: at(r, c) }));
        if (key < 0) return invalidValue(functionMessage("keyNegative", { cell: at(r, c), value: key }));
        decimals.push(new Dec(key));
      } else if (typeof key === "boolean") {
        return invalidValue(functionMessage("keyIsLogical", { cell: at(r, c) }));
      } else {
        return invalidValue(functionMessage("keyIsText", { cell: at(r, c), text: String(key).slice(0, 40) }));
      }
    }
  }
  // Exact integer weights: scale every key by the same power of ten.
  const places = Math.max(0, ...decimals.map((d) => d.decimalPlaces()));
  const scale = new Dec(10).pow(places);
  const weights = decimals.map((d) => BigInt(d.times(scale).toFixed(0)));
  if (weights.every((w) => w === 0n)) return divisionByZero(functionMessage("allKeysZero"));
  const parts = splitByWeights(ore, weights);
  const width = keys[0].length;
  return keys.map((row, r) => row.map((_, c) => oreToKr(parts[r * width + c])));
}

function cellNumber(value: RangeCell, what: "cost" | "volume", r: number, c: number): FigureResult<Dec> {
  if (value === null || value === undefined || value === "") return new Dec(0);
  if (typeof value === "number") {
    return Number.isFinite(value) ? new Dec(value) : invalidNumber(functionMessage("rangeCellNotFinite", { what, cell: at(r, c) }));
  }
  return invalidValue(functionMessage("rangeCellNotNumber", { what, cell: at(r, c), logical: typeof value === "boolean" }));
}

/**
 * `=KPB.UNITCOSTS(kostnader; volymer)`: cost ÷ volume per cell, unrounded, shaped like the ranges
 * (equal shapes, or one of them a single cell used for every cell of the other). Per cell: volume
 * 0 or empty → #DIV/0!, text → #VALUE! (errors inside the spilled matrix); different shapes → one
 * #VALUE! for the whole function.
 */
export function unitCosts(costs: unknown, volumes: unknown): FigureResult<NumberOrError[][]> {
  if (!isRectangular(costs) || !isRectangular(volumes)) return invalidValue(functionMessage("rangesNotRanges"));
  const single = (m: RangeCell[][]) => m.length === 1 && m[0].length === 1;
  const rows = Math.max(costs.length, volumes.length);
  const cols = Math.max(costs[0].length, volumes[0].length);
  const fits = (m: RangeCell[][]) => single(m) || (m.length === rows && m[0].length === cols);
  if (!fits(costs) || !fits(volumes)) {
    return invalidValue(
      functionMessage("rangesDiffer", { costRows: costs.length, costCols: costs[0].length, volumeRows: volumes.length, volumeCols: volumes[0].length }),
    );
  }
  const pick = (m: RangeCell[][], r: number, c: number) => (single(m) ? m[0][0] : m[r][c]);
  const out: NumberOrError[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: NumberOrError[] = [];
    for (let c = 0; c < cols; c++) {
      const cost = cellNumber(pick(costs, r, c), "cost", r, c);
      const volume = cellNumber(pick(volumes, r, c), "volume", r, c);
      if (isFigureError(cost)) line.push(cost);
      else if (isFigureError(volume)) line.push(volume);
      else if (volume.isZero()) line.push(divisionByZero(functionMessage("volumeZero", { cell: at(r, c) })));
      else line.push(cost.div(volume).toNumber());
    }
    out.push(line);
  }
  return out;
}
