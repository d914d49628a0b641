import { conditionalFormatsOf, mergesOf, printSetupOf } from "./page-layout";
import { cellRect, columnLetters, formatRect, parseAddress, type Rect } from "./a1";
import type { CellValue } from "./cell-values";
import type { ChartModel } from "./charts-model";
import { invalidArgument, itemNotFound } from "./errors";
import { nameType, nameValue } from "./names";
import { CLEARED_FORMATS, RangeRef, type ApplicationState, type SheetModel, type WorkbookModel } from "./model";
import { DEFAULT_COLUMN_WIDTH, readFormat, readFormulas, readValues } from "./range-ops";
import { jsonCopy, putSetting } from "./settings";
import { addTable, type TableModel } from "./tables-model";

/**
 * The fake document as tests see it (not part of the Office API): seed sheets and tables, read
 * cells with formulas evaluated, and take plain snapshots for equality checks. Changes made here
 * act at once, like a user editing the workbook between two add-in runs.
 */

// Type aliases rather than interfaces, so snapshots are assignable to Record<string, unknown>.

export type ChartInfo = {
  name: string;
  type: string;
  sourceAddress: string;
  seriesBy: string;
  title: { text: string; visible: boolean };
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueAxisNumberFormat: string;
  legend: { visible: boolean; position: string };
  position: { top: number; left: number; width: number; height: number; startCell: string | null; endCell: string | null };
  /** explicit: values and categories set with setValues/setXAxisValues (not guessed from the source range). */
  series: { name: string; chartType: string; values: string | null; xValues: string | null; explicit: boolean }[];
};

export type TableInfo = {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
  dataRowCount: number;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
};

export type NamedItemInfo = {
  name: string;
  type: string;
  formula: string;
  value: unknown;
  comment: string;
  visible: boolean;
};

export type SheetInfo = {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  frozenRows: number;
  frozenColumns: number;
  /** Column letter → width in points, for columns whose width was set or autofitted. */
  columnWidths: Record<string, number>;
};

export type FormatInfo = {
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fillColor: string;
  horizontalAlignment: string;
  columnWidth: number;
};

export type SheetSnapshot = SheetInfo & {
  /** Shown values from A1 to the end of the used range ("" for empty cells). */
  values: CellValue[][];
  /** A1 address → formula, for every formula cell. */
  formulas: Record<string, string>;
  /** A1 address → number format, for every cell not in "General". */
  numberFormats: Record<string, string>;
  /** Format assignments in order ("font.bold" over "A1:D1" …). */
  formats: { address: string; property: string; value: unknown }[];
  charts: ChartInfo[];
};

export type WorkbookSnapshot = {
  activeSheet: string;
  selection: string;
  sheets: SheetSnapshot[];
  tables: TableInfo[];
  names: NamedItemInfo[];
  settings: Record<string, unknown>;
  application: ApplicationState;
};

function refAddress(ref: RangeRef | null): string | null {
  if (!ref) return null;
  return ref.sheet.deleted ? "#REF!" : ref.address;
}

export class FakeWorkbookState {
  constructor(private readonly model: WorkbookModel) {}

  /** Adds a sheet, optionally filled with values (written as they are; "=…" strings become formulas). */
  addSheet(name: string, values?: unknown[][], options: { startCell?: string } = {}): void {
    const sheet = this.model.addSheet(name);
    if (values) this.writeRaw(sheet, this.cell(options.startCell ?? "A1"), values);
  }

  /** Writes a block with its header row and makes it a table (creating the sheet if needed). */
  addTable(sheetName: string, tableName: string, values: unknown[][], startCell = "A1"): void {
    const sheet = this.model.sheetByName(sheetName) ?? this.model.addSheet(sheetName);
    const start = this.cell(startCell);
    this.writeRaw(sheet, start, values);
    const cols = values.reduce((widest, row) => (row.length > widest ? row.length : widest), 1);
    addTable(this.model, sheet, { ...start, rows: Math.max(1, values.length), cols }, true, tableName);
  }

  /** Deletes a sheet as a user would; formulas that referred to it turn into #REF!. */
  deleteSheet(name: string): void {
    this.model.deleteSheet(this.sheet(name));
  }

  renameSheet(name: string, newName: string): void {
    this.model.renameSheet(this.sheet(name), newName);
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  get activeSheet(): string {
    return this.model.activeSheet.name;
  }

  /** The selected range's address, e.g. "Sheet1!A1" (updated by Range.select()). */
  get selection(): string {
    return this.model.selection.address;
  }

  /** Shown values (formulas evaluated); without an address, from A1 to the end of the used range. */
  getValues(sheetName: string, address?: string): CellValue[][] {
    const ref = this.range(sheetName, address);
    return ref ? readValues(this.model, ref) : [];
  }

  /** Formulas where there are formulas, else constants (like Range.formulas). */
  getFormulas(sheetName: string, address?: string): CellValue[][] {
    const ref = this.range(sheetName, address);
    return ref ? readFormulas(ref) : [];
  }

  /** The value a cell shows ("" when empty). */
  getCell(sheetName: string, address: string): CellValue {
    return readValues(this.model, new RangeRef(this.sheet(sheetName), this.cell(address)))[0][0];
  }

  getFormula(sheetName: string, address: string): string | undefined {
    const { row, col } = this.cell(address);
    return this.sheet(sheetName).cells.formula(row, col);
  }

  /** Sets one cell as a user would type it raw: "=…" is a formula, null or "" empties the cell. */
  setCell(sheetName: string, address: string, value: unknown): void {
    this.writeRaw(this.sheet(sheetName), this.cell(address), [[value]]);
  }

  setValues(sheetName: string, startCell: string, values: unknown[][]): void {
    this.writeRaw(this.sheet(sheetName), this.cell(startCell), values);
  }

  getFormat(sheetName: string, address: string): FormatInfo {
    const sheet = this.sheet(sheetName);
    const rect = this.cell(address);
    const ref = new RangeRef(sheet, rect);
    return {
      numberFormat: sheet.cells.numberFormat(rect.row, rect.col) ?? "General",
      bold: readFormat(ref, "font.bold", false) as boolean,
      italic: readFormat(ref, "font.italic", false) as boolean,
      fontColor: readFormat(ref, "font.color", "#000000") as string,
      fillColor: readFormat(ref, "fill.color", "#FFFFFF") as string,
      horizontalAlignment: readFormat(ref, "horizontalAlignment", "General") as string,
      columnWidth: sheet.columnWidths.get(rect.col) ?? DEFAULT_COLUMN_WIDTH,
    };
  }

  sheetInfo(sheetName: string): SheetInfo {
    const sheet = this.sheet(sheetName);
    const columnWidths: Record<string, number> = {};
    for (const [col, width] of [...sheet.columnWidths].sort((a, b) => a[0] - b[0])) {
      columnWidths[columnLetters(col)] = width;
    }
    return {
      name: sheet.name,
      position: this.model.sheets.indexOf(sheet),
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      columnWidths,
    };
  }

  /** Print setup, conditional formats and merged areas a sheet was given (page-layout.ts). */
  dressing(sheetName: string) {
    const sheet = this.sheet(sheetName);
    return {
      print: printSetupOf(sheet),
      conditionalFormats: conditionalFormatsOf(sheet).map((c) => ({ ...c, address: new RangeRef(sheet, c.address).address })),
      merges: mergesOf(sheet).map((m) => new RangeRef(sheet, m).address),
    };
  }

  charts(sheetName: string): ChartInfo[] {
    return (this.sheet(sheetName).charts as ChartModel[]).filter((c) => !c.deleted).map((c) => chartInfo(c));
  }

  tables(): TableInfo[] {
    return (this.model.tables as TableModel[]).map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: new RangeRef(t.sheet, t.rect).address,
      headers: t.columnNames(),
      dataRowCount: t.dataRect.rows,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
    }));
  }

  names(): NamedItemInfo[] {
    return this.model.names.map((n) => ({
      name: n.name,
      type: nameType(this.model, n),
      formula: n.formula,
      value: nameValue(this.model, n),
      comment: n.comment,
      visible: n.visible,
    }));
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries(this.model.settings.map((s) => [s.key, jsonCopy(s.value)]));
  }

  setSetting(key: string, value: unknown): void {
    putSetting(this.model, key, value);
  }

  get application(): ApplicationState {
    return { ...this.model.application };
  }

  /** A deep plain copy of the whole document, for toEqual checks before and after an operation. */
  snapshot(): WorkbookSnapshot {
    return {
      activeSheet: this.model.activeSheet.name,
      selection: this.model.selection.address,
      sheets: this.model.sheets.map((s) => this.sheetSnapshot(s)),
      tables: this.tables(),
      names: this.names(),
      settings: this.settings(),
      application: this.application,
    };
  }

  private sheetSnapshot(sheet: SheetModel): SheetSnapshot {
    const used = sheet.cells.usedBounds(true);
    const values = used ? readValues(this.model, new RangeRef(sheet, { row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols })) : [];
    const formulas: Record<string, string> = {};
    sheet.cells.forEachCell((r, c, _v, f) => {
      if (f !== undefined) formulas[formatRect(cellRect(r, c))] = f;
    });
    const numberFormats: Record<string, string> = {};
    sheet.cells.forEachNumberFormat((r, c, f) => {
      numberFormats[formatRect(cellRect(r, c))] = f;
    });
    return {
      ...this.sheetInfo(sheet.name),
      values,
      formulas,
      numberFormats,
      formats: sheet.formats.map((f) => ({
        address: formatRect(f.rect),
        property: f.property === CLEARED_FORMATS ? "(cleared)" : f.property,
        value: jsonCopy(f.value),
      })),
      charts: this.charts(sheet.name),
    };
  }

  private sheet(name: string): SheetModel {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw itemNotFound(`FakeWorkbookState: no sheet "${name}"`);
    return sheet;
  }

  private cell(address: string): Rect {
    const parsed = parseAddress(address);
    if (!parsed) throw invalidArgument(`FakeWorkbookState: "${address}" is not an A1 address`);
    return parsed.rect;
  }

  private range(sheetName: string, address: string | undefined): RangeRef | null {
    const sheet = this.sheet(sheetName);
    if (address !== undefined) return new RangeRef(sheet, this.cell(address));
    const used = sheet.cells.usedBounds(true);
    return used ? new RangeRef(sheet, { row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols }) : null;
  }

  private writeRaw(sheet: SheetModel, start: Rect, values: unknown[][]): void {
    for (let i = 0; i < values.length; i++) {
      const line = values[i];
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        const r = start.row + i;
        const c = start.col + j;
        if (v === null || v === undefined || v === "") sheet.cells.setValue(r, c, undefined);
        else if (typeof v === "string" && v.startsWith("=") && v.length > 1) sheet.cells.setFormula(r, c, this.model.bindFormula(v));
        else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") sheet.cells.setValue(r, c, v);
        else throw invalidArgument(`FakeWorkbookState: unsupported cell value ${String(v)}`);
      }
    }
  }
}

function chartInfo(c: ChartModel): ChartInfo {
  return {
    name: c.name,
    type: c.chartType,
    sourceAddress: refAddress(c.source) ?? "",
    seriesBy: c.seriesBy,
    title: { ...c.title },
    categoryAxisTitle: c.axes.category.title.text,
    valueAxisTitle: c.axes.value.title.text,
    valueAxisNumberFormat: c.axes.value.numberFormat,
    legend: { ...c.legend },
    position: { ...c.position },
    series: c.liveSeries().map((s) => ({
      name: s.name,
      chartType: s.chartType ?? c.chartType,
      values: refAddress(s.values),
      xValues: refAddress(s.xValues),
      explicit: s.explicitValues && s.explicitXValues,
    })),
  };
}
