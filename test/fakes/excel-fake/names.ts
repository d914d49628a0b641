import { formatAddress, parseRect } from "./a1";
import { defineScalars, FakeClientObject, FakeClientResult, FakeCollection, type Locator, type ObjectSpec } from "./client-object";
import type { CellValue } from "./cell-values";
import { invalidArgument, itemAlreadyExists } from "./errors";
import type { Execution } from "./execution";
import { NamedItemModel, RangeRef, type SheetModel, type WorkbookModel } from "./model";
import { FakeRange } from "./range";

/** Workbook-scoped defined names (`workbook.names`). */

const NAME_PATTERN = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

function validateName(model: WorkbookModel, name: unknown): string {
  if (typeof name !== "string" || !NAME_PATTERN.test(name) || name.length > 255 || parseRect(name) !== null || /^[rRcC]$/.test(name)) {
    throw invalidArgument(`The name '${String(name)}' is not valid.`, "NamedItemCollection.add");
  }
  if (model.isNameTaken(name)) throw itemAlreadyExists("NamedItemCollection.add");
  return name;
}

function normalizeFormula(model: WorkbookModel, reference: string): string {
  return model.bindFormula(reference.startsWith("=") ? reference : `=${reference}`);
}

type NamedTarget = { kind: "range"; ref: RangeRef } | { kind: "error"; error: string } | { kind: "value"; value: CellValue };

/** What a name refers to: a range, an error (#REF! once its sheet is gone) or a computed value. */
export function analyzeName(model: WorkbookModel, item: NamedItemModel): NamedTarget {
  const evaluator = model.evaluator();
  const reference = evaluator.resolveReference(item.formula);
  if (reference && "error" in reference) return { kind: "error", error: reference.error };
  if (reference) return { kind: "range", ref: new RangeRef(reference.sheet as SheetModel, reference.rect) };
  return { kind: "value", value: evaluator.valueOf(item.formula) };
}

export function nameType(model: WorkbookModel, item: NamedItemModel): string {
  const target = analyzeName(model, item);
  if (target.kind === "range") return "Range";
  if (target.kind === "error") return "Error";
  const v = target.value;
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
  if (typeof v === "boolean") return "Boolean";
  return v.startsWith("#") ? "Error" : "String";
}

export function nameValue(model: WorkbookModel, item: NamedItemModel): unknown {
  const target = analyzeName(model, item);
  if (target.kind === "range") return formatAddress(target.ref.sheet.name, target.ref.rect, true);
  return target.kind === "error" ? target.error : target.value;
}

function liveNames(model: WorkbookModel): NamedItemModel[] {
  return model.names.filter((n) => !n.deleted);
}

function findName(model: WorkbookModel, name: string): NamedItemModel | undefined {
  const lower = String(name).toLowerCase();
  return liveNames(model).find((n) => n.name.toLowerCase() === lower);
}

const NAMES_SPEC: ObjectSpec<WorkbookModel> = { typeName: "NamedItemCollection", scalars: {} };

export class FakeNamedItemCollection extends FakeCollection<WorkbookModel, NamedItemModel, FakeNamedItem> {
  protected get _ownSpec() {
    return NAMES_SPEC;
  }

  protected _list(model: WorkbookModel): NamedItemModel[] {
    return liveNames(model);
  }

  protected _makeItem(path: string, locator: Locator<NamedItemModel>): FakeNamedItem {
    return new FakeNamedItem(this.context, this, path, locator);
  }

  /** Defines `name` as a Range, or as a formula/address ("=Sheet1!$A$1", "Sheet1!A1:B2", "=0.25"). */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this._checkArgument(reference);
    const payload = [name, typeof reference === "string" ? reference : reference._path, comment ?? null];
    return this._lookup("NamedItemCollection.add", payload, `${this._path}.add(${JSON.stringify(name)})`, false, (model, exec) => {
      validateName(model, name);
      let formula: string;
      if (typeof reference === "string") {
        formula = normalizeFormula(model, reference);
      } else {
        const ref = reference._target(exec);
        if (!ref) throw invalidArgument(undefined, "NamedItemCollection.add");
        formula = `=${formatAddress(ref.sheet.name, ref.rect, true)}`;
      }
      const item = new NamedItemModel(name, formula, comment ?? "");
      model.names.push(item);
      return item;
    });
  }

  getItem(name: string): FakeNamedItem {
    return this._lookup("NamedItemCollection.getItem", name, `${this._path}.getItem(${JSON.stringify(name)})`, false, (m) => findName(m, name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return this._lookup("NamedItemCollection.getItemOrNullObject", name, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, true, (m) =>
      findName(m, name),
    );
  }

  getCount(): FakeClientResult<number> {
    return this._invokeWithResult("NamedItemCollection.getCount", null, (m) => liveNames(m).length);
  }
}

const NAMED_ITEM_SPEC: ObjectSpec<NamedItemModel> = {
  typeName: "NamedItem",
  scalars: {
    name: { get: (n) => n.name },
    type: { get: (n, exec) => nameType(exec.model, n) },
    value: { get: (n, exec) => nameValue(exec.model, n) },
    formula: {
      get: (n) => n.formula,
      set: (n, v, exec) => {
        if (typeof v !== "string") throw invalidArgument(undefined, "NamedItem.formula");
        n.formula = normalizeFormula(exec.model, v);
      },
    },
    comment: { get: (n) => n.comment, set: (n, v) => void (n.comment = String(v ?? "")) },
    visible: { get: (n) => n.visible, set: (n, v) => void (n.visible = v === true) },
    scope: { get: () => "Workbook" },
  },
};

export class FakeNamedItem extends FakeClientObject<NamedItemModel> {
  declare readonly name: string;
  declare readonly type: string;
  declare readonly value: unknown;
  declare formula: string;
  declare comment: string;
  declare visible: boolean;
  declare readonly scope: string;

  protected get _spec() {
    return NAMED_ITEM_SPEC;
  }

  /** The range the name refers to; InvalidArgument at sync if it is not a (valid) range. */
  getRange(): FakeRange {
    return this._range("getRange", false);
  }

  getRangeOrNullObject(): FakeRange {
    return this._range("getRangeOrNullObject", true);
  }

  delete(): void {
    this._invoke("NamedItem.delete", null, (n, exec) => {
      n.deleted = true;
      exec.model.names.splice(exec.model.names.indexOf(n), 1);
    });
  }

  private _range(method: string, nullable: boolean): FakeRange {
    const locator = (exec: Execution): RangeRef | null => {
      const item = this._target(exec);
      if (item === null) return null;
      const target = analyzeName(exec.model, item);
      if (target.kind === "range") return target.ref;
      if (nullable) return null;
      throw invalidArgument("The named item does not refer to a range.", `NamedItem.${method}`);
    };
    return this._created(`NamedItem.${method}`, null, new FakeRange(this.context, this, `${this._path}.${method}()`, locator));
  }
}

defineScalars(FakeNamedItem, NAMED_ITEM_SPEC);
