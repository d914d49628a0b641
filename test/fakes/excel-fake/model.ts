import { formatAddress, type Rect } from "./a1";
import { invalidArgument, invalidOperation, itemAlreadyExists } from "./errors";
import { FormulaEvaluator, structuredRect, type EvalSheet, type EvalWorkbook } from "./formula-eval";
import { breakSheetInFormula, mapStructured, renameSheetInFormula } from "./formula-tokens";
import { SheetCells } from "./sheet-cells";

/**
 * The document itself: what Excel holds, independent of any request context. Proxies read and
 * change it only while a sync executes; tests read it through FakeWorkbookState.
 */

/** One recorded format assignment ("font.bold", "fill.color", "horizontalAlignment", …) over a rectangle. */
export interface FormatRecord {
  rect: Rect;
  property: string;
  value: unknown;
}

/** Sentinel property: formats cleared over the rectangle. */
export const CLEARED_FORMATS = "*cleared*";

export class SheetModel {
  readonly cells = new SheetCells();
  deleted = false;
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly formats: FormatRecord[] = [];
  readonly charts: ChartLike[] = [];
  /** Excel numbers charts per sheet: "Chart 1", "Chart 2", … */
  chartCounter = 0;

  constructor(
    readonly id: string,
    public name: string,
  ) {}
}

/** A range of one sheet; it dies with its sheet. */
export class RangeRef {
  constructor(
    readonly sheet: SheetModel,
    readonly rect: Rect,
  ) {}

  get deleted(): boolean {
    return this.sheet.deleted;
  }

  get address(): string {
    return formatAddress(this.sheet.name, this.rect);
  }
}

export class NamedItemModel {
  deleted = false;
  constructor(
    public name: string,
    public formula: string,
    public comment = "",
    public visible = true,
  ) {}
}

export class SettingModel {
  deleted = false;
  constructor(
    readonly key: string,
    public value: unknown,
  ) {}
}

/** What the workbook needs to know about tables and charts (defined in their own modules). */
export interface TableLike {
  readonly id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  deleted: boolean;
  showTotals?: boolean;
  columnNames(): string[];
}
export interface ChartLike {
  readonly id: string;
  name: string;
  deleted: boolean;
}

export interface ApplicationState {
  calculationMode: string;
  calculateCalls: number;
  suspendApiCalculationCalls: number;
  suspendScreenUpdatingCalls: number;
}

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/;

export class WorkbookModel implements EvalWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableLike[] = [];
  readonly names: NamedItemModel[] = [];
  readonly settings: SettingModel[] = [];
  readonly application: ApplicationState = {
    calculationMode: "Automatic",
    calculateCalls: 0,
    suspendApiCalculationCalls: 0,
    suspendScreenUpdatingCalls: 0,
  };
  activeSheet: SheetModel;
  selection: RangeRef;
  private nextId = 1;

  constructor(
    readonly name: string,
    initialSheets: readonly string[],
  ) {
    const names = initialSheets.length > 0 ? initialSheets : ["Sheet1"];
    for (const sheetName of names) this.addSheet(sheetName);
    this.activeSheet = this.sheets[0];
    this.selection = new RangeRef(this.activeSheet, { row: 0, col: 0, rows: 1, cols: 1 });
  }

  newId(): string {
    const n = this.nextId++;
    return `{${n.toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`;
  }

  /** A fresh evaluator: formulas are computed when read, so values always reflect current cells. */
  evaluator(): FormulaEvaluator {
    return new FormulaEvaluator(this);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Worksheets are found by name (case-insensitive) or by id. */
  sheetByKey(key: string): SheetModel | undefined {
    return this.sheetByName(key) ?? this.sheets.find((s) => s.id === key);
  }

  nameFormula(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower)?.formula;
  }

  tableByName(name: string): TableLike | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  tableAt(sheet: EvalSheet, row: number, col: number): TableLike | undefined {
    return this.tables.find(
      (t) => t.sheet === sheet && row >= t.rect.row && row < t.rect.row + t.rect.rows && col >= t.rect.col && col < t.rect.col + t.rect.cols,
    );
  }

  /**
   * Structured references to a table that goes away, as Excel rewrites them: converting the table
   * to a range turns them into ordinary absolute references to the cells they covered at that
   * moment (so they no longer grow or shrink with the data); deleting it makes them #REF!.
   */
  rewriteTableReferences(table: TableLike, how: "convert" | "break"): void {
    const lower = table.name.toLowerCase();
    for (const sheet of this.sheets) {
      sheet.cells.rewriteFormulasAt((formula, row, col) =>
        mapStructured(formula, (token) => {
          const inTable = token.table === null && sheet === table.sheet && this.tableAt(sheet, row, col) === table;
          if (!(token.table?.toLowerCase() === lower || inTable)) return token.text;
          if (how === "break") return "#REF!";
          const rect = structuredRect(table, token, sheet === table.sheet ? { row } : undefined);
          return typeof rect === "string" ? rect : formatAddress(table.sheet.name, rect, true);
        }),
      );
    }
    for (const item of this.names) {
      item.formula = mapStructured(item.formula, (token) => {
        if (token.table?.toLowerCase() !== lower) return token.text;
        if (how === "break") return "#REF!";
        const rect = structuredRect(table, token, undefined);
        return typeof rect === "string" ? rect : formatAddress(table.sheet.name, rect, true);
      });
    }
  }

  /** Structured references follow a table's new name. */
  renameTableReferences(oldName: string, newName: string): void {
    const lower = oldName.toLowerCase();
    this.rewriteFormulas((formula) =>
      mapStructured(formula, (token) => (token.table?.toLowerCase() === lower ? newName + token.spec : token.text)),
    );
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  addSheet(name?: string): SheetModel {
    const sheetName = name ?? this.defaultSheetName();
    this.validateSheetName(sheetName, undefined);
    const sheet = new SheetModel(this.newId(), sheetName);
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * Deletes a sheet the way Excel does: its tables and charts go with it, and every formula or
   * name that referred to it now says #REF! — a new sheet with the same name does not revive them.
   */
  deleteSheet(sheet: SheetModel): void {
    const others = this.sheets.filter((s) => s !== sheet);
    if (!others.some((s) => s.visibility === "Visible")) {
      throw invalidOperation("A workbook must contain at least one visible worksheet.", "Worksheet.delete");
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    for (const table of this.tables.filter((t) => t.sheet === sheet)) {
      this.rewriteTableReferences(table, "break");
      this.removeTable(table);
    }
    for (const chart of sheet.charts) chart.deleted = true;
    const goneName = sheet.name.toLowerCase();
    this.rewriteFormulas((f) => breakSheetInFormula(f, (n) => n.toLowerCase() === goneName));
    if (this.activeSheet === sheet) {
      const visible = this.visibleSheets();
      this.activeSheet = visible.find((s) => this.sheets.indexOf(s) >= index) ?? visible[visible.length - 1];
    }
    if (this.selection.sheet === sheet) this.selection = new RangeRef(this.activeSheet, { row: 0, col: 0, rows: 1, cols: 1 });
  }

  renameSheet(sheet: SheetModel, newName: string): void {
    if (newName === sheet.name) return;
    this.validateSheetName(newName, sheet);
    const oldName = sheet.name;
    sheet.name = newName;
    this.rewriteFormulas((f) => renameSheetInFormula(f, oldName, newName));
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(undefined, "Worksheet.position");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetModel, visibility: string): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw invalidArgument(undefined, "Worksheet.visibility");
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
      throw invalidOperation("A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) this.activate(this.visibleSheets()[0]);
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") {
      throw invalidOperation("A hidden worksheet cannot be activated.", "Worksheet.activate");
    }
    if (this.activeSheet !== sheet) {
      this.activeSheet = sheet;
      this.selection = new RangeRef(sheet, { row: 0, col: 0, rows: 1, cols: 1 });
    }
  }

  /** Selecting a range activates its sheet. */
  select(range: RangeRef): void {
    this.activate(range.sheet);
    this.selection = range;
  }

  removeTable(table: TableLike): void {
    table.deleted = true;
    const i = this.tables.indexOf(table);
    if (i >= 0) this.tables.splice(i, 1);
  }

  /** Table and name share one namespace (case-insensitive). */
  isNameTaken(name: string, except?: object): boolean {
    const lower = name.toLowerCase();
    return (
      this.tables.some((t) => t !== except && t.name.toLowerCase() === lower) ||
      this.names.some((n) => n !== except && n.name.toLowerCase() === lower)
    );
  }

  /** References in a new formula to sheets that do not exist are broken at once (Excel makes them external links). */
  bindFormula(formula: string): string {
    return breakSheetInFormula(formula, (n) => this.sheetByName(n) === undefined);
  }

  private rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const sheet of this.sheets) sheet.cells.rewriteFormulas(rewrite);
    for (const item of this.names) item.formula = rewrite(item.formula);
  }

  private defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      if (!this.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
    }
  }

  private validateSheetName(name: string, renaming: SheetModel | undefined): void {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      INVALID_SHEET_CHARS.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    ) {
      throw invalidArgument(`The sheet name '${String(name)}' is not valid.`, "Worksheet.name");
    }
    const existing = this.sheetByName(name);
    if (existing && existing !== renaming) throw itemAlreadyExists(renaming ? "Worksheet.name" : "WorksheetCollection.add");
  }
}
