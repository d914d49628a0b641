import { boundingRect, cellRect, intersectRects, isInsideGrid, MAX_COLUMNS, MAX_ROWS, type Rect } from "./a1";
import { defineScalars, FakeClientObject, type Locator, type ObjectSpec } from "./client-object";
import { invalidArgument, itemNotFound } from "./errors";
import type { Execution } from "./execution";
import { RangeRef } from "./model";
import {
  clearRange,
  copyRange,
  readFormulas,
  readNumberFormats,
  readText,
  readValues,
  readValueTypes,
  usedRectWithin,
  writeCells,
  writeNumberFormats,
} from "./range-ops";
import { FakeRangeFormat } from "./range-format";
import { FakeConditionalFormatCollection, mergesOf } from "./page-layout";
import { resolveRange } from "./resolve";
import type { FakeRequestContext } from "./request-context";
import { FakeWorksheet } from "./worksheet";

const RANGE_SPEC: ObjectSpec<RangeRef> = {
  typeName: "Range",
  scalars: {
    values: {
      get: (r, exec) => readValues(exec.model, r),
      set: (r, v, exec) => writeCells(exec.model, r, v, "Range.values"),
    },
    formulas: {
      get: (r) => readFormulas(r),
      set: (r, v, exec) => writeCells(exec.model, r, v, "Range.formulas"),
    },
    numberFormat: {
      get: (r) => readNumberFormats(r),
      set: (r, v) => writeNumberFormats(r, v, "Range.numberFormat"),
    },
    text: { get: (r, exec) => readText(exec.model, r) },
    valueTypes: { get: (r, exec) => readValueTypes(exec.model, r) },
    address: { get: (r) => r.address },
    addressLocal: { get: (r) => r.address },
    rowCount: { get: (r) => r.rect.rows },
    columnCount: { get: (r) => r.rect.cols },
    cellCount: { get: (r) => r.rect.rows * r.rect.cols },
    rowIndex: { get: (r) => r.rect.row },
    columnIndex: { get: (r) => r.rect.col },
  },
  navigation: ["format", "worksheet", "conditionalFormats"],
};

export class FakeRange extends FakeClientObject<RangeRef> {
  // Typed as in @types/office-js: written arrays may hold null (leave the cell as it is).
  /* eslint-disable @typescript-eslint/no-explicit-any */
  declare values: any[][];
  declare formulas: any[][];
  declare numberFormat: any[][];
  /* eslint-enable @typescript-eslint/no-explicit-any */
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown> | null, path: string, locator: Locator<RangeRef>) {
    super(context, parent, path, locator);
  }

  protected get _spec(): ObjectSpec<RangeRef> {
    return RANGE_SPEC;
  }

  get format(): FakeRangeFormat {
    return this._child("format", () => new FakeRangeFormat(this.context, this, `${this._path}.format`, (exec) => this._target(exec)));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._child(
      "conditionalFormats",
      () => new FakeConditionalFormatCollection(this.context, this, `${this._path}.conditionalFormats`, (exec) => this._target(exec)),
    );
  }

  /** Merges the range (across: each row on its own); recorded on the sheet. */
  merge(across?: boolean): void {
    this._invoke("Range.merge", across ?? null, (r) => {
      const merges = mergesOf(r.sheet);
      if (across) for (let i = 0; i < r.rect.rows; i++) merges.push({ ...r.rect, row: r.rect.row + i, rows: 1 });
      else merges.push({ ...r.rect });
    });
  }

  /** Unmerges every merged area that lies inside the range. */
  unmerge(): void {
    this._invoke("Range.unmerge", null, (r) => {
      const merges = mergesOf(r.sheet);
      const inside = (m: RangeRef["rect"]) => m.row >= r.rect.row && m.col >= r.rect.col && m.row + m.rows <= r.rect.row + r.rect.rows && m.col + m.cols <= r.rect.col + r.rect.cols;
      const kept = merges.filter((m) => !inside(m));
      merges.splice(0, merges.length, ...kept);
    });
  }

  get worksheet(): FakeWorksheet {
    return this._child(
      "worksheet",
      () => new FakeWorksheet(this.context, this, `${this._path}.worksheet`, (exec) => this._target(exec)?.sheet ?? null),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this._derived(`getCell(${row}, ${column})`, (r) => ({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }

  getRow(row: number): FakeRange {
    return this._derived(`getRow(${row})`, (r) => (row >= 0 && row < r.rows ? { ...r, row: r.row + row, rows: 1 } : null));
  }

  getColumn(column: number): FakeRange {
    return this._derived(`getColumn(${column})`, (r) =>
      column >= 0 && column < r.cols ? { ...r, col: r.col + column, cols: 1 } : null,
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derived(`getResizedRange(${deltaRows}, ${deltaColumns})`, (r) => ({
      ...r,
      rows: r.rows + deltaRows,
      cols: r.cols + deltaColumns,
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this._derived(`getAbsoluteResizedRange(${numRows}, ${numColumns})`, (r) => ({ ...r, rows: numRows, cols: numColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derived(`getOffsetRange(${rowOffset}, ${columnOffset})`, (r) => ({
      ...r,
      row: r.row + rowOffset,
      col: r.col + columnOffset,
    }));
  }

  getLastRow(): FakeRange {
    return this._derived("getLastRow()", (r) => ({ ...r, row: r.row + r.rows - 1, rows: 1 }));
  }

  getLastColumn(): FakeRange {
    return this._derived("getLastColumn()", (r) => ({ ...r, col: r.col + r.cols - 1, cols: 1 }));
  }

  getLastCell(): FakeRange {
    return this._derived("getLastCell()", (r) => cellRect(r.row + r.rows - 1, r.col + r.cols - 1));
  }

  getEntireRow(): FakeRange {
    return this._derived("getEntireRow()", (r) => ({ row: r.row, rows: r.rows, col: 0, cols: MAX_COLUMNS }));
  }

  getEntireColumn(): FakeRange {
    return this._derived("getEntireColumn()", (r) => ({ row: 0, rows: MAX_ROWS, col: r.col, cols: r.cols }));
  }

  /** The used cells within this range; ItemNotFound at sync if there are none. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._used("getUsedRange", valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._used("getUsedRangeOrNullObject", valuesOnly, true);
  }

  getIntersection(anotherRange: FakeRange | string): FakeRange {
    return this._combine("getIntersection", anotherRange, intersectRects, false);
  }

  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    return this._combine("getIntersectionOrNullObject", anotherRange, intersectRects, true);
  }

  getBoundingRect(anotherRange: FakeRange | string): FakeRange {
    return this._combine("getBoundingRect", anotherRange, boundingRect, false);
  }

  /** Records the selection in the workbook (and activates the sheet), as Excel does. */
  select(): void {
    this._invoke("Range.select", null, (r, exec) => exec.model.select(r));
  }

  clear(applyTo?: string): void {
    this._invoke("Range.clear", applyTo ?? null, (r) => clearRange(r, applyTo));
  }

  /** Pastes `sourceRange` (a Range, or an address on this sheet or sheet-qualified) here; see copyRange. */
  copyFrom(sourceRange: FakeRange | string, copyType?: string, skipBlanks?: boolean, transpose?: boolean): void {
    this._checkArgument(sourceRange);
    const payload = [typeof sourceRange === "string" ? sourceRange : sourceRange._path, copyType ?? null, skipBlanks ?? null, transpose ?? null];
    this._invoke("Range.copyFrom", payload, (dest, exec) => {
      const source =
        typeof sourceRange === "string"
          ? resolveRange(exec.model, sourceRange, dest.sheet, "Range.copyFrom", true)
          : sourceRange._target(exec);
      if (source === null) throw invalidArgument(undefined, "Range.copyFrom");
      copyRange(exec.model, source, dest, copyType ?? "All", skipBlanks === true, transpose === true);
    });
  }

  /** Formulas are evaluated when read, so there is nothing to recalculate. */
  calculate(): void {
    this._invoke("Range.calculate", null, () => undefined);
  }

  /** @internal A range computed from this one when the batch runs; null from `shape` is InvalidArgument. */
  _derived(call: string, shape: (rect: Rect) => Rect | null): FakeRange {
    const label = `Range.${call.slice(0, call.indexOf("("))}`;
    const locator = (exec: Execution): RangeRef | null => {
      const base = this._target(exec);
      if (base === null) return null;
      const rect = shape(base.rect);
      if (!rect || !isInsideGrid(rect)) throw invalidArgument(undefined, label);
      return new RangeRef(base.sheet, rect);
    };
    return this._created(label, call, new FakeRange(this.context, this, `${this._path}.${call}`, locator));
  }

  private _used(method: string, valuesOnly: boolean | undefined, nullable: boolean): FakeRange {
    const label = `Range.${method}`;
    const locator = (exec: Execution): RangeRef | null => {
      const base = this._target(exec);
      if (base === null) return null;
      const rect = usedRectWithin(base.sheet, base.rect, valuesOnly === true);
      if (rect) return new RangeRef(base.sheet, rect);
      if (nullable) return null;
      throw itemNotFound(label);
    };
    return this._created(label, valuesOnly ?? null, new FakeRange(this.context, this, `${this._path}.${method}()`, locator));
  }

  private _combine(
    method: string,
    other: FakeRange | string,
    combine: (a: Rect, b: Rect) => Rect | null,
    nullable: boolean,
  ): FakeRange {
    this._checkArgument(other);
    const label = `Range.${method}`;
    const locator = (exec: Execution): RangeRef | null => {
      const base = this._target(exec);
      if (base === null) return null;
      const otherRef = typeof other === "string" ? resolveRange(exec.model, other, base.sheet, label) : other._target(exec);
      if (otherRef === null || otherRef.sheet !== base.sheet) throw invalidArgument(undefined, label);
      const rect = combine(base.rect, otherRef.rect);
      if (rect) return new RangeRef(base.sheet, rect);
      if (nullable) return null;
      throw invalidArgument(undefined, label);
    };
    const address = typeof other === "string" ? other : other._path;
    return this._created(label, address, new FakeRange(this.context, this, `${this._path}.${method}()`, locator));
  }
}

defineScalars(FakeRange, RANGE_SPEC);
