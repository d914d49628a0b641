import { intersectRects, parseRect, type Rect } from "./a1";
import { displayText } from "./cell-values";
import { invalidArgument, invalidOperation, itemAlreadyExists } from "./errors";
import { RangeRef, type SheetModel, type TableLike, type WorkbookModel } from "./model";
import { shiftFormula } from "./formula-tokens";
import { writeCells } from "./range-ops";

/**
 * Excel tables. A table's cells are ordinary sheet cells; the table is a rectangle (header row,
 * at least one data row, and the total row when shown) plus a name and display options.
 */
export class TableModel implements TableLike {
  deleted = false;
  showHeaders = true;
  showTotals = false;
  showBandedRows = true;
  showFilterButton = true;
  style = "TableStyleMedium2";

  constructor(
    readonly id: string,
    public name: string,
    public sheet: SheetModel,
    public rect: Rect,
  ) {}

  get headerRect(): Rect {
    return { ...this.rect, rows: 1 };
  }

  get dataRect(): Rect {
    return { ...this.rect, row: this.rect.row + 1, rows: this.rect.rows - 1 - (this.showTotals ? 1 : 0) };
  }

  get totalRect(): Rect | null {
    return this.showTotals ? { ...this.rect, row: this.rect.row + this.rect.rows - 1, rows: 1 } : null;
  }

  columnNames(): string[] {
    const names: string[] = [];
    for (let c = 0; c < this.rect.cols; c++) names.push(displayText(this.sheet.cells.value(this.rect.row, this.rect.col + c)));
    return names;
  }
}

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

export function validateTableName(model: WorkbookModel, name: unknown, except?: TableModel): string {
  if (typeof name !== "string" || !TABLE_NAME.test(name) || name.length > 255 || parseRect(name) !== null || /^[rRcC]$/.test(name)) {
    throw invalidArgument(`The table name '${String(name)}' is not valid.`, "Table.name");
  }
  if (model.isNameTaken(name, except)) throw itemAlreadyExists("Table.name");
  return name;
}

function defaultTableName(model: WorkbookModel): string {
  for (let n = 1; ; n++) if (!model.isNameTaken(`Table${n}`)) return `Table${n}`;
}

export function tablesOn(model: WorkbookModel, sheet: SheetModel): TableModel[] {
  return (model.tables as TableModel[]).filter((t) => t.sheet === sheet);
}

function assertNoOverlap(model: WorkbookModel, sheet: SheetModel, rect: Rect, except?: TableModel): void {
  if (tablesOn(model, sheet).some((t) => t !== except && intersectRects(t.rect, rect))) {
    throw invalidOperation("A table can't overlap another table.", "TableCollection.add");
  }
}

/**
 * Creates a table over `rect`. Header cells become unique non-empty text ("Column1", "Name2");
 * without headers a header row is inserted above the data (which moves down one row), and a
 * header-only range gets one empty data row, as in Excel.
 */
export function addTable(model: WorkbookModel, sheet: SheetModel, rect: Rect, hasHeaders: boolean, name?: string): TableModel {
  const tableRect = !hasHeaders || rect.rows === 1 ? { ...rect, rows: rect.rows + 1 } : { ...rect };
  assertNoOverlap(model, sheet, tableRect);
  const tableName = name === undefined ? defaultTableName(model) : validateTableName(model, name);
  if (!hasHeaders) sheet.cells.shiftDown(rect.row, rect.col, rect.cols, 1);
  const table = new TableModel(model.newId(), tableName, sheet, tableRect);
  normalizeHeaders(sheet, tableRect, hasHeaders);
  model.tables.push(table);
  return table;
}

function normalizeHeaders(sheet: SheetModel, rect: Rect, keepExisting: boolean): void {
  const seen = new Set<string>();
  for (let c = 0; c < rect.cols; c++) {
    const raw = keepExisting ? sheet.cells.value(rect.row, rect.col + c) : undefined;
    let header = raw === undefined || raw === "" ? `Column${c + 1}` : displayText(raw);
    if (seen.has(header.toLowerCase())) {
      let n = 2;
      while (seen.has(`${header}${n}`.toLowerCase())) n++;
      header = `${header}${n}`;
    }
    seen.add(header.toLowerCase());
    sheet.cells.setValue(rect.row, rect.col + c, header);
  }
}

/**
 * Table.delete(): the table and its cells go, and structured references to it become #REF!.
 * Table.convertToRange() keeps the cells, and structured references become fixed A1 references.
 */
export function deleteTable(model: WorkbookModel, table: TableModel, keepCells: boolean): void {
  model.rewriteTableReferences(table, keepCells ? "convert" : "break");
  if (!keepCells) table.sheet.cells.clear(table.rect, true, true);
  model.removeTable(table);
}

/**
 * Calculated columns: a column whose every data cell holds the same formula (the same text for
 * structured references, the same relative formula for A1 references) is filled into new rows,
 * as Excel does when a table grows.
 */
function calculatedColumns(table: TableModel): Map<number, string> {
  const data = table.dataRect;
  const found = new Map<number, string>();
  const cells = table.sheet.cells;
  for (let c = data.col; c < data.col + data.cols; c++) {
    const first = cells.formula(data.row, c);
    if (first === undefined) continue;
    let same = true;
    for (let r = 1; r < data.rows && same; r++) same = cells.formula(data.row + r, c) === shiftFormula(first, r, 0);
    if (same) found.set(c, first);
  }
  return found;
}

function fillCalculated(table: TableModel, formulas: Map<number, string>, fromRow: number, count: number, firstDataRow: number): void {
  for (const [c, formula] of formulas) {
    for (let r = fromRow; r < fromRow + count; r++) table.sheet.cells.setFormula(r, c, shiftFormula(formula, r - firstDataRow, 0));
  }
}

/** TableRow.delete(): the row's cells go and the cells below, within the table's columns, move up. */
export function deleteTableRow(table: TableModel, index: number): void {
  const data = table.dataRect;
  if (!Number.isInteger(index) || index < 0 || index >= data.rows) throw invalidArgument(undefined, "TableRow.delete");
  if (data.rows === 1) {
    // The last data row stays, empty, as in Excel.
    table.sheet.cells.clear({ ...data, rows: 1 }, true, false);
    return;
  }
  table.sheet.cells.shiftUp(data.row + index, table.rect.col, table.rect.cols, 1);
  table.rect = { ...table.rect, rows: table.rect.rows - 1 };
}

/** Table.resize: the header row stays where it is; the new range must overlap the old one. */
export function resizeTable(model: WorkbookModel, table: TableModel, rect: Rect): void {
  if (rect.row !== table.rect.row || rect.rows < 2 || !intersectRects(rect, table.rect)) {
    throw invalidArgument("The table's header row must stay in place and the new range must overlap the table.", "Table.resize");
  }
  assertNoOverlap(model, table.sheet, rect, table);
  const grew = rect.cols > table.rect.cols || rect.col < table.rect.col;
  const calculated = calculatedColumns(table);
  const oldData = table.dataRect;
  table.rect = { ...rect };
  if (grew) normalizeHeaders(table.sheet, table.rect, true);
  const newData = table.dataRect;
  const added = newData.row + newData.rows - (oldData.row + oldData.rows);
  if (added > 0) fillCalculated(table, calculated, oldData.row + oldData.rows, added, oldData.row);
}

/** The total row takes the row below the data; hiding it clears that row. */
export function setShowTotals(table: TableModel, show: boolean): void {
  if (show === table.showTotals) return;
  if (show) {
    table.rect = { ...table.rect, rows: table.rect.rows + 1 };
    table.showTotals = true;
  } else {
    const total = table.totalRect!;
    table.sheet.cells.clear(total, true, true);
    table.rect = { ...table.rect, rows: table.rect.rows - 1 };
    table.showTotals = false;
  }
}

/**
 * TableRowCollection.add: inserts rows at `index` of the data body (default: after the last row),
 * moving the cells below down within the table's columns.
 */
export function addTableRows(model: WorkbookModel, table: TableModel, index: number | null | undefined, values: unknown): number {
  const data = table.dataRect;
  const at = index === null || index === undefined ? data.rows : index;
  if (!Number.isInteger(at) || at < 0 || at > data.rows) throw invalidArgument(undefined, "TableRowCollection.add");
  const rows = Array.isArray(values) ? values : [[]];
  if (!rows.every((r) => Array.isArray(r) && (r.length === table.rect.cols || (r.length === 0 && values === undefined)))) {
    throw invalidArgument(
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      "TableRowCollection.add",
    );
  }
  const count = Math.max(1, rows.length);
  const insertRow = data.row + at;
  const calculated = calculatedColumns(table);
  table.sheet.cells.shiftDown(insertRow, table.rect.col, table.rect.cols, count);
  table.rect = { ...table.rect, rows: table.rect.rows + count };
  // Calculated columns reach the new rows; values given for such a column replace the formula.
  fillCalculated(table, calculated, insertRow, count, data.row);
  if (values !== undefined) {
    writeCells(model, new RangeRef(table.sheet, { row: insertRow, col: table.rect.col, rows: count, cols: table.rect.cols }), values, "TableRowCollection.add");
  }
  return at;
}
