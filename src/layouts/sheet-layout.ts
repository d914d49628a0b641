/**
 * The `KPB …` result sheets as plain data: blocks of rows with typed columns and the charts drawn
 * from them. The Excel layer and the command line both write exactly this, so the add-in and the
 * file agree cell for cell.
 */
export type ColumnFormat = "text" | "kr" | "unitcost" | "percent" | "integer" | "decimal" | "index" | "number2";

/** Invariant (en-US) number format codes; Excel shows them with the user's separators (1 234,50 kr). */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  kr: '#,##0 "kr"',
  unitcost: '#,##0.00 "kr"',
  percent: "0.0 %",
  integer: "#,##0",
  decimal: "#,##0.0##",
  index: "0.00",
  /** Two decimals without a unit, where the unit stands in its own column. */
  number2: "#,##0.00",
};

export type SheetCell = string | number | null;

export interface SheetColumn {
  header: string;
  format: ColumnFormat;
  /** Column width in characters. */
  width: number;
  /** Long text wraps in this column (set when the content is wider than the widest column). */
  wrap?: boolean;
}

export interface SheetBlock {
  /** Excel table name (unique in the workbook, no spaces). */
  tableName: string;
  title?: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** Where a column mixes units: one format per row for that column. */
  rowFormats?: { column: number; formats: ColumnFormat[] }[];
  /** Columns whose text is an A1 target in the workbook (`'Ekonomi'!A17`): the writer may make them hyperlinks. */
  linkColumns?: number[];
}

export type ChartKind = "columnClustered" | "columnStacked" | "barClustered" | "line" | "pie";

export interface ChartSpec {
  /** Stable name so a refresh replaces the chart instead of adding one. */
  name: string;
  kind: ChartKind;
  title: string;
  block: number;
  categoryColumn: number;
  valueColumns: number[];
  /** Series among valueColumns drawn as a line over the columns (e.g. the benchmark). */
  lineColumns: number[];
  valueAxisTitle: string;
  /** Where the chart sits (1-based cells); default to the right of its block (chartPlace in geometry.ts). */
  place?: CellBox;
}

/** A rectangle of cells, 1-based. */
export interface CellBox {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** How a free cell above the tables looks. */
export type CellStyle = "title" | "subtitle" | "heading" | "columnHeader" | "label" | "value" | "text" | "note";

/** One cell of a sheet's top area (the title block of KPB Översikt): written as a value, never a formula. */
export interface TopCell {
  row: number;
  column: number;
  value: SheetCell;
  format?: ColumnFormat;
  style?: CellStyle;
  /** Columns the cell spans (merged), default 1. */
  span?: number;
  /** Lines of wrapped text the row needs (long sentences), default 1. */
  lines?: number;
  /** Right for a header over numbers. */
  align?: "left" | "right";
}

/**
 * Colour by direction: number cells above the threshold get the "above" colour, below it the
 * "below" colour; empty cells none (conditional formatting, so an edited value recolours itself).
 */
export interface DirectionColours {
  box: CellBox;
  threshold: number;
}

/** Print and view setup; the same in the file and in Excel. */
export interface PageSetup {
  landscape: true;
  fitToPagesWide: 1;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  titleRows: { from: number; to: number } | null;
  /** Rows frozen on screen (0 for none). */
  freezeRows: number;
  /** Excel header/footer codes (&P page, &N pages, &A sheet name). */
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
}

export interface SheetLayout {
  name: string;
  blocks: SheetBlock[];
  charts: ChartSpec[];
  /** Rows above the first block kept for free cells (the title block); default 0. */
  topRows?: number;
  topCells?: TopCell[];
  colours?: DirectionColours[];
  /** A printed page ends after this row (KPB Översikt: the committee page is page 1 by itself). */
  pageBreakAfter?: number;
  page?: PageSetup;
  /** One width per sheet column in characters (sheet-finish fitColumns); else the blocks' widths. */
  columnWidths?: number[];
}

/** Fill colours of DirectionColours: warm above the benchmark, cool below (not "bad" and "good"). */
export const DIRECTION_FILLS = { above: "#FFC7CE", below: "#C6EFCE" } as const;

/** Colours of the title block and charts (the table style's blue). */
export const PALETTE = { ink: "#1F3864", muted: "#595959", own: "#2F5597", benchmark: "#A5A5A5" } as const;
