import { isInsideGrid, MAX_COLUMNS, MAX_ROWS } from "./a1";
import { defineScalars, FakeClientObject, type Locator, type ObjectSpec } from "./client-object";
import { FakeChartCollection } from "./chart";
import { invalidArgument } from "./errors";
import type { Execution } from "./execution";
import { RangeRef, type SheetModel } from "./model";
import { usedRect } from "./range-ops";
import { FakeRange } from "./range";
import { resolveRange } from "./resolve";
import type { FakeRequestContext } from "./request-context";
import { FakeTableCollection } from "./table";
import { FakePageBreakCollection, FakePageLayout } from "./page-layout";

const WORKSHEET_SPEC: ObjectSpec<SheetModel> = {
  typeName: "Worksheet",
  scalars: {
    name: { get: (s) => s.name, set: (s, v, exec) => exec.model.renameSheet(s, v as string) },
    id: { get: (s) => s.id },
    position: { get: (s, exec) => exec.model.sheets.indexOf(s), set: (s, v, exec) => exec.model.moveSheet(s, v as number) },
    visibility: { get: (s) => s.visibility, set: (s, v, exec) => exec.model.setVisibility(s, v as string) },
    tabColor: { get: (s) => s.tabColor, set: (s, v) => void (s.tabColor = String(v ?? "")) },
    showGridlines: { get: (s) => s.showGridlines, set: (s, v) => void (s.showGridlines = v === true) },
  },
  navigation: ["tables", "charts", "freezePanes", "pageLayout", "horizontalPageBreaks"],
};

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  declare showGridlines: boolean;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown> | null, path: string, locator: Locator<SheetModel>) {
    super(context, parent, path, locator);
  }

  protected get _spec() {
    return WORKSHEET_SPEC;
  }

  get tables(): FakeTableCollection {
    return this._child("tables", () => new FakeTableCollection(this.context, this, `${this._path}.tables`, (exec) => this._target(exec)));
  }

  get charts(): FakeChartCollection {
    return this._child("charts", () => new FakeChartCollection(this.context, this, `${this._path}.charts`, (exec) => this._target(exec)));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return this._child(
      "freezePanes",
      () => new FakeWorksheetFreezePanes(this.context, this, `${this._path}.freezePanes`, (exec) => this._target(exec)),
    );
  }

  get pageLayout(): FakePageLayout {
    return this._child("pageLayout", () => new FakePageLayout(this.context, this, `${this._path}.pageLayout`, (exec) => this._target(exec)));
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    return this._child(
      "horizontalPageBreaks",
      () => new FakePageBreakCollection(this.context, this, `${this._path}.horizontalPageBreaks`, (exec) => this._target(exec)),
    );
  }

  delete(): void {
    this._invoke("Worksheet.delete", null, (s, exec) => exec.model.deleteSheet(s));
  }

  activate(): void {
    this._invoke("Worksheet.activate", null, (s, exec) => exec.model.activate(s));
  }

  /** An A1 address ("A1:D20", "A:A", "2:4") or a defined name; no address means the whole sheet. */
  getRange(address?: string): FakeRange {
    const call = address === undefined ? "getRange()" : `getRange(${JSON.stringify(address)})`;
    return this._range(call, address ?? null, (sheet, exec) =>
      address === undefined
        ? new RangeRef(sheet, { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS })
        : resolveRange(exec.model, address, sheet, "Worksheet.getRange"),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    return this._range(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`, rect, (sheet) => {
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || !isInsideGrid(rect)) {
        throw invalidArgument(undefined, "Worksheet.getRangeByIndexes");
      }
      return new RangeRef(sheet, rect);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; on a blank sheet Excel returns A1 rather than failing. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._range("getUsedRange()", valuesOnly ?? null, (sheet) => {
      const rect = usedRect(sheet, valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 };
      return new RangeRef(sheet, rect);
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._range("getUsedRangeOrNullObject()", valuesOnly ?? null, (sheet) => {
      const rect = usedRect(sheet, valuesOnly === true);
      return rect ? new RangeRef(sheet, rect) : null;
    });
  }

  /** Formulas are evaluated when read, so there is nothing to recalculate. */
  calculate(markAllDirty?: boolean): void {
    this._invoke("Worksheet.calculate", markAllDirty ?? null, () => undefined);
  }

  private _range(call: string, payload: unknown, find: (sheet: SheetModel, exec: Execution) => RangeRef | null): FakeRange {
    const locator = (exec: Execution) => {
      const sheet = this._target(exec);
      return sheet === null ? null : find(sheet, exec);
    };
    const label = `Worksheet.${call.slice(0, call.indexOf("("))}`;
    return this._created(label, payload, new FakeRange(this.context, this, `${this._path}.${call}`, locator));
  }
}

defineScalars(FakeWorksheet, WORKSHEET_SPEC);

const FREEZE_SPEC: ObjectSpec<SheetModel> = { typeName: "WorksheetFreezePanes", scalars: {} };

export class FakeWorksheetFreezePanes extends FakeClientObject<SheetModel> {
  protected get _spec() {
    return FREEZE_SPEC;
  }

  freezeRows(count = 1): void {
    this._invoke("WorksheetFreezePanes.freezeRows", count, (s) => {
      if (!Number.isInteger(count) || count < 0) throw invalidArgument(undefined, "WorksheetFreezePanes.freezeRows");
      s.frozenRows = count;
      s.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._invoke("WorksheetFreezePanes.freezeColumns", count, (s) => {
      if (!Number.isInteger(count) || count < 0) throw invalidArgument(undefined, "WorksheetFreezePanes.freezeColumns");
      s.frozenColumns = count;
      s.frozenRows = 0;
    });
  }

  freezeAt(frozenRange: FakeRange | string): void {
    this._checkArgument(frozenRange);
    this._invoke("WorksheetFreezePanes.freezeAt", typeof frozenRange === "string" ? frozenRange : null, (s, exec) => {
      const ref =
        typeof frozenRange === "string" ? resolveRange(exec.model, frozenRange, s, "WorksheetFreezePanes.freezeAt") : frozenRange._target(exec);
      if (!ref) return;
      s.frozenRows = ref.rect.row + ref.rect.rows;
      s.frozenColumns = ref.rect.col + ref.rect.cols;
    });
  }

  unfreeze(): void {
    this._invoke("WorksheetFreezePanes.unfreeze", null, (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }

  getLocationOrNullObject(): FakeRange {
    const locator = (exec: Execution) => {
      const s = this._target(exec);
      if (!s || (s.frozenRows === 0 && s.frozenColumns === 0)) return null;
      const rows = s.frozenRows || MAX_ROWS;
      const cols = s.frozenColumns || MAX_COLUMNS;
      return new RangeRef(s, { row: 0, col: 0, rows, cols });
    };
    return this._created(
      "WorksheetFreezePanes.getLocationOrNullObject",
      null,
      new FakeRange(this.context, this, `${this._path}.getLocationOrNullObject()`, locator),
    );
  }
}
