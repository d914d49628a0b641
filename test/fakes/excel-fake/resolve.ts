import { parseAddress } from "./a1";
import { invalidArgument } from "./errors";
import type { FormulaEvaluator } from "./formula-eval";
import { RangeRef, type SheetModel, type WorkbookModel } from "./model";

/**
 * Turns an address or a defined name into a range. Unqualified addresses are on `onSheet` (else
 * the active sheet); unless `anySheet`, the result must lie on `onSheet`.
 */
export function resolveRange(
  model: WorkbookModel,
  address: string,
  onSheet: SheetModel | null,
  location: string,
  anySheet = false,
): RangeRef {
  if (typeof address !== "string") throw invalidArgument(undefined, location);
  const parsed = parseAddress(address);
  let ref: RangeRef | null = null;
  if (parsed) {
    const sheet = parsed.sheetName === undefined ? onSheet ?? model.activeSheet : model.sheetByName(parsed.sheetName);
    if (sheet) ref = new RangeRef(sheet, parsed.rect);
  } else {
    ref = namedRange(model, address);
  }
  if (!ref || (onSheet && !anySheet && ref.sheet !== onSheet)) throw invalidArgument(undefined, location);
  return ref;
}

/** The range a workbook name refers to, or null if it is not a (valid) range name. */
export function namedRange(model: WorkbookModel, name: string, evaluator: FormulaEvaluator = model.evaluator()): RangeRef | null {
  const formula = model.nameFormula(name);
  if (formula === undefined) return null;
  const target = evaluator.resolveReference(formula);
  if (!target || !("rect" in target)) return null;
  return new RangeRef(target.sheet as SheetModel, target.rect);
}
