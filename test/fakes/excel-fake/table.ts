import { defineScalars, FakeClientObject, FakeClientResult, FakeCollection, type Locator, type ObjectSpec } from "./client-object";
import { invalidArgument } from "./errors";
import type { Execution } from "./execution";
import { RangeRef, SheetModel, type WorkbookModel } from "./model";
import { readValues, writeCells } from "./range-ops";
import { FakeRange } from "./range";
import { resolveRange } from "./resolve";
import type { FakeRequestContext } from "./request-context";
import { addTable, addTableRows, deleteTable, deleteTableRow, resizeTable, setShowTotals, tablesOn, TableModel, validateTableName } from "./tables-model";
import { FakeWorksheet } from "./worksheet";

/** Tables of the workbook (`workbook.tables`) or of one sheet (`worksheet.tables`). */
type TableScope = WorkbookModel | SheetModel;

function tablesIn(scope: TableScope, exec: Execution): TableModel[] {
  return scope instanceof SheetModel ? tablesOn(exec.model, scope) : (exec.model.tables as TableModel[]);
}

function findTable(scope: TableScope, exec: Execution, key: string): TableModel | undefined {
  const lower = String(key).toLowerCase();
  return tablesIn(scope, exec).find((t) => t.name.toLowerCase() === lower || t.id === key);
}

const TABLES_SPEC: ObjectSpec<TableScope> = {
  typeName: "TableCollection",
  scalars: { count: { get: (scope, exec) => tablesIn(scope, exec).length } },
};

export class FakeTableCollection extends FakeCollection<TableScope, TableModel, FakeTable> {
  declare readonly count: number;

  protected get _ownSpec() {
    return TABLES_SPEC;
  }

  protected _list(scope: TableScope, exec: Execution): TableModel[] {
    return tablesIn(scope, exec);
  }

  protected _makeItem(path: string, locator: Locator<TableModel>): FakeTable {
    return new FakeTable(this.context, this, path, locator);
  }

  /**
   * Creates a table over `address` (a Range, or an address: sheet-qualified, else on this sheet or,
   * for `workbook.tables`, on the active sheet).
   */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    this._checkArgument(address);
    const payload = typeof address === "string" ? [address, hasHeaders] : [address._path, hasHeaders];
    return this._lookup("TableCollection.add", payload, `${this._path}.add()`, false, (scope, exec) => {
      const sheet = scope instanceof SheetModel ? scope : null;
      const ref = typeof address === "string" ? resolveRange(exec.model, address, sheet, "TableCollection.add") : address._target(exec);
      if (!ref || (sheet && ref.sheet !== sheet)) throw invalidArgument(undefined, "TableCollection.add");
      return addTable(exec.model, ref.sheet, ref.rect, hasHeaders === true);
    });
  }

  getItem(key: string): FakeTable {
    return this._lookup("TableCollection.getItem", key, `${this._path}.getItem(${JSON.stringify(key)})`, false, (s, e) => findTable(s, e, key));
  }

  getItemOrNullObject(key: string): FakeTable {
    return this._lookup("TableCollection.getItemOrNullObject", key, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, true, (s, e) =>
      findTable(s, e, key),
    );
  }

  getItemAt(index: number): FakeTable {
    return this._lookup("TableCollection.getItemAt", index, `${this._path}.getItemAt(${index})`, false, (s, e) => tablesIn(s, e)[index]);
  }

  getCount(): FakeClientResult<number> {
    return this._invokeWithResult("TableCollection.getCount", null, (s, e) => tablesIn(s, e).length);
  }
}

defineScalars(FakeTableCollection, TABLES_SPEC);

const TABLE_SPEC: ObjectSpec<TableModel> = {
  typeName: "Table",
  scalars: {
    name: {
      get: (t) => t.name,
      set: (t, v, exec) => {
        const old = t.name;
        t.name = validateTableName(exec.model, v, t);
        if (old !== t.name) exec.model.renameTableReferences(old, t.name);
      },
    },
    id: { get: (t) => t.id },
    showTotals: { get: (t) => t.showTotals, set: (t, v) => setShowTotals(t, v === true) },
    showHeaders: { get: (t) => t.showHeaders, set: (t, v) => void (t.showHeaders = v === true) },
    showBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => void (t.showBandedRows = v === true) },
    showFilterButton: { get: (t) => t.showFilterButton, set: (t, v) => void (t.showFilterButton = v === true) },
    style: { get: (t) => t.style, set: (t, v) => void (t.style = String(v)) },
  },
  navigation: ["worksheet", "columns", "rows"],
};

export class FakeTable extends FakeClientObject<TableModel> {
  declare name: string;
  declare readonly id: string;
  declare showTotals: boolean;
  declare showHeaders: boolean;
  declare showBandedRows: boolean;
  declare showFilterButton: boolean;
  declare style: string;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown> | null, path: string, locator: Locator<TableModel>) {
    super(context, parent, path, locator);
  }

  protected get _spec() {
    return TABLE_SPEC;
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this.context, this, `${this._path}.worksheet`, (e) => this._target(e)?.sheet ?? null));
  }

  get columns(): FakeTableColumnCollection {
    return this._child("columns", () => new FakeTableColumnCollection(this.context, this, `${this._path}.columns`, (e) => this._target(e)));
  }

  get rows(): FakeTableRowCollection {
    return this._child("rows", () => new FakeTableRowCollection(this.context, this, `${this._path}.rows`, (e) => this._target(e)));
  }

  getRange(): FakeRange {
    return this._range("getRange", (t) => t.rect);
  }

  getHeaderRowRange(): FakeRange {
    return this._range("getHeaderRowRange", (t) => t.headerRect);
  }

  getDataBodyRange(): FakeRange {
    return this._range("getDataBodyRange", (t) => t.dataRect);
  }

  getTotalRowRange(): FakeRange {
    return this._range("getTotalRowRange", (t) => t.totalRect);
  }

  /** Deletes the table and its cells. */
  delete(): void {
    this._invoke("Table.delete", null, (t, exec) => deleteTable(exec.model, t, false));
  }

  /** Removes the table but keeps its cells as a plain range. */
  convertToRange(): FakeRange {
    const locator = (exec: Execution) => {
      const t = this._target(exec);
      if (t === null) return null;
      const ref = new RangeRef(t.sheet, t.rect);
      deleteTable(exec.model, t, true);
      return ref;
    };
    return this._created("Table.convertToRange", null, new FakeRange(this.context, this, `${this._path}.convertToRange()`, locator));
  }

  resize(newRange: FakeRange | string): void {
    this._checkArgument(newRange);
    this._invoke("Table.resize", typeof newRange === "string" ? newRange : null, (t, exec) => {
      const ref = typeof newRange === "string" ? resolveRange(exec.model, newRange, t.sheet, "Table.resize") : newRange._target(exec);
      if (!ref || ref.sheet !== t.sheet) throw invalidArgument(undefined, "Table.resize");
      resizeTable(exec.model, t, ref.rect);
    });
  }

  clearFilters(): void {
    this._invoke("Table.clearFilters", null, () => undefined);
  }

  private _range(method: string, rectOf: (t: TableModel) => RangeRef["rect"] | null): FakeRange {
    const locator = (exec: Execution) => {
      const t = this._target(exec);
      if (t === null) return null;
      const rect = rectOf(t);
      if (!rect) throw invalidArgument(undefined, `Table.${method}`);
      return new RangeRef(t.sheet, rect);
    };
    return this._created(`Table.${method}`, null, new FakeRange(this.context, this, `${this._path}.${method}()`, locator));
  }
}

defineScalars(FakeTable, TABLE_SPEC);

/** A column or row of a table, by position; it is gone when the table is or when it no longer fits. */
class TablePart {
  constructor(
    readonly table: TableModel,
    readonly index: number,
    private readonly length: () => number,
  ) {}

  get deleted(): boolean {
    return this.table.deleted || this.index >= this.length();
  }
}

const COLUMNS_SPEC: ObjectSpec<TableModel> = {
  typeName: "TableColumnCollection",
  scalars: { count: { get: (t) => t.rect.cols } },
};

function columnPart(table: TableModel, index: number): TablePart {
  return new TablePart(table, index, () => table.rect.cols);
}

export class FakeTableColumnCollection extends FakeCollection<TableModel, TablePart, FakeTableColumn> {
  declare readonly count: number;

  protected get _ownSpec() {
    return COLUMNS_SPEC;
  }

  protected _list(table: TableModel): TablePart[] {
    return table.columnNames().map((_, i) => columnPart(table, i));
  }

  protected _makeItem(path: string, locator: Locator<TablePart>): FakeTableColumn {
    return new FakeTableColumn(this.context, this, path, locator);
  }

  /** By header name (case-insensitive) or by id (1-based position). */
  getItem(key: string | number): FakeTableColumn {
    return this._lookup("TableColumnCollection.getItem", key, `${this._path}.getItem(${JSON.stringify(key)})`, false, (t) => findColumn(t, key));
  }

  getItemOrNullObject(key: string | number): FakeTableColumn {
    return this._lookup("TableColumnCollection.getItemOrNullObject", key, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, true, (t) =>
      findColumn(t, key),
    );
  }

  getItemAt(index: number): FakeTableColumn {
    return this._lookup("TableColumnCollection.getItemAt", index, `${this._path}.getItemAt(${index})`, false, (t) =>
      index >= 0 && index < t.rect.cols ? columnPart(t, index) : undefined,
    );
  }

  getCount(): FakeClientResult<number> {
    return this._invokeWithResult("TableColumnCollection.getCount", null, (t) => t.rect.cols);
  }
}

defineScalars(FakeTableColumnCollection, COLUMNS_SPEC);

function findColumn(table: TableModel, key: string | number): TablePart | undefined {
  const names = table.columnNames();
  const byId = typeof key === "number" || /^\d+$/.test(key) ? Number(key) - 1 : -1;
  const index = byId >= 0 && byId < names.length ? byId : names.findIndex((n) => n.toLowerCase() === String(key).toLowerCase());
  return index >= 0 ? columnPart(table, index) : undefined;
}

function columnRect(part: TablePart, rows: "all" | "header" | "data" | "total"): RangeRef["rect"] | null {
  const t = part.table;
  const base = rows === "all" ? t.rect : rows === "header" ? t.headerRect : rows === "data" ? t.dataRect : t.totalRect;
  return base ? { ...base, col: t.rect.col + part.index, cols: 1 } : null;
}

const COLUMN_SPEC: ObjectSpec<TablePart> = {
  typeName: "TableColumn",
  scalars: {
    name: {
      get: (p) => p.table.columnNames()[p.index],
      set: (p, v) => p.table.sheet.cells.setValue(p.table.rect.row, p.table.rect.col + p.index, String(v)),
    },
    index: { get: (p) => p.index },
    id: { get: (p) => p.index + 1 },
    values: {
      get: (p, exec) => readValues(exec.model, new RangeRef(p.table.sheet, columnRect(p, "all")!)),
      set: (p, v, exec) => writeCells(exec.model, new RangeRef(p.table.sheet, columnRect(p, "all")!), v, "TableColumn.values"),
    },
  },
};

export class FakeTableColumn extends FakeClientObject<TablePart> {
  declare name: string;
  declare readonly index: number;
  declare readonly id: number;
  declare values: unknown[][];

  protected get _spec() {
    return COLUMN_SPEC;
  }

  getRange(): FakeRange {
    return this._range("getRange", "all");
  }

  getHeaderRowRange(): FakeRange {
    return this._range("getHeaderRowRange", "header");
  }

  getDataBodyRange(): FakeRange {
    return this._range("getDataBodyRange", "data");
  }

  getTotalRowRange(): FakeRange {
    return this._range("getTotalRowRange", "total");
  }

  private _range(method: string, rows: "all" | "header" | "data" | "total"): FakeRange {
    const locator = (exec: Execution) => {
      const part = this._target(exec);
      if (part === null) return null;
      const rect = columnRect(part, rows);
      if (!rect) throw invalidArgument(undefined, `TableColumn.${method}`);
      return new RangeRef(part.table.sheet, rect);
    };
    return this._created(`TableColumn.${method}`, null, new FakeRange(this.context, this, `${this._path}.${method}()`, locator));
  }
}

defineScalars(FakeTableColumn, COLUMN_SPEC);

function rowPart(table: TableModel, index: number): TablePart {
  return new TablePart(table, index, () => table.dataRect.rows);
}

function rowRef(part: TablePart): RangeRef {
  const data = part.table.dataRect;
  return new RangeRef(part.table.sheet, { ...data, row: data.row + part.index, rows: 1 });
}

const ROWS_SPEC: ObjectSpec<TableModel> = {
  typeName: "TableRowCollection",
  scalars: { count: { get: (t) => t.dataRect.rows } },
};

export class FakeTableRowCollection extends FakeCollection<TableModel, TablePart, FakeTableRow> {
  declare readonly count: number;

  protected get _ownSpec() {
    return ROWS_SPEC;
  }

  protected _list(table: TableModel): TablePart[] {
    return Array.from({ length: table.dataRect.rows }, (_, i) => rowPart(table, i));
  }

  protected _makeItem(path: string, locator: Locator<TablePart>): FakeTableRow {
    return new FakeTableRow(this.context, this, path, locator);
  }

  /**
   * Inserts rows at `index` of the data body (null/undefined: at the end) with `values`. A new
   * table's empty first data row stays, as in Excel.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): FakeTableRow {
    void alwaysInsert;
    return this._lookup("TableRowCollection.add", values ?? null, `${this._path}.add()`, false, (t, exec) =>
      rowPart(t, addTableRows(exec.model, t, index, values)),
    );
  }

  getItemAt(index: number): FakeTableRow {
    return this._lookup("TableRowCollection.getItemAt", index, `${this._path}.getItemAt(${index})`, false, (t) =>
      index >= 0 && index < t.dataRect.rows ? rowPart(t, index) : undefined,
    );
  }

  getCount(): FakeClientResult<number> {
    return this._invokeWithResult("TableRowCollection.getCount", null, (t) => t.dataRect.rows);
  }
}

defineScalars(FakeTableRowCollection, ROWS_SPEC);

const ROW_SPEC: ObjectSpec<TablePart> = {
  typeName: "TableRow",
  scalars: {
    index: { get: (p) => p.index },
    values: {
      get: (p, exec) => readValues(exec.model, rowRef(p)),
      set: (p, v, exec) => writeCells(exec.model, rowRef(p), v, "TableRow.values"),
    },
  },
};

export class FakeTableRow extends FakeClientObject<TablePart> {
  declare readonly index: number;
  declare values: unknown[][];

  protected get _spec() {
    return ROW_SPEC;
  }

  getRange(): FakeRange {
    const locator = (exec: Execution) => {
      const part = this._target(exec);
      return part === null ? null : rowRef(part);
    };
    return this._created("TableRow.getRange", null, new FakeRange(this.context, this, `${this._path}.getRange()`, locator));
  }

  /** Deletes the row; the rows below (within the table's columns) move up. */
  delete(): void {
    this._invoke("TableRow.delete", null, (p) => deleteTableRow(p.table, p.index));
  }
}

defineScalars(FakeTableRow, ROW_SPEC);
