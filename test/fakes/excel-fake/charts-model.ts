import { formatRect } from "./a1";
import { invalidArgument } from "./errors";
import { ChartType } from "./enums";
import { RangeRef, type ChartLike, type SheetModel } from "./model";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "./range-ops";

/** Charts as records: type, source data, series, titles and placement — what a test checks. */

export interface AxisModel {
  title: { text: string; visible: boolean };
  numberFormat: string;
  visible: boolean;
}

export class SeriesModel {
  deleted = false;
  chartType: string | null = null;
  values: RangeRef | null = null;
  xValues: RangeRef | null = null;
  /**
   * Values and categories set by setValues/setXAxisValues, not guessed by Excel from the chart's
   * source range (which depends on the data: a text or empty first cell becomes the series name).
   */
  explicitValues = false;
  explicitXValues = false;
  constructor(public name: string) {}
}

/** Chart types without axes: reading or setting `chart.axes` on them fails in Excel. */
const NO_AXES = new Set(["Pie", "PieExploded", "Pie3D", "PieExploded3D", "PieOfPie", "BarOfPie", "Doughnut", "DoughnutExploded"]);

export function hasAxes(chartType: string): boolean {
  return !NO_AXES.has(chartType);
}

export interface ChartPosition {
  top: number;
  left: number;
  width: number;
  height: number;
  startCell: string | null;
  endCell: string | null;
}

export class ChartModel implements ChartLike {
  deleted = false;
  readonly title = { text: "", visible: true };
  readonly legend = { visible: true, position: "Right" };
  readonly axes: { category: AxisModel; value: AxisModel } = { category: newAxis(), value: newAxis() };
  position: ChartPosition = { top: 0, left: 0, width: 360, height: 216, startCell: null, endCell: null };
  series: SeriesModel[] = [];

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    public chartType: string,
    public source: RangeRef,
    public seriesBy: string,
  ) {}

  liveSeries(): SeriesModel[] {
    return this.series.filter((s) => !s.deleted);
  }
}

function newAxis(): AxisModel {
  return { title: { text: "", visible: false }, numberFormat: "General", visible: true };
}

const CHART_TYPES = new Set<string>(Object.values(ChartType));

export function validateChartType(type: unknown, location: string): string {
  if (typeof type !== "string" || !CHART_TYPES.has(type) || type === "Invalid") throw invalidArgument(undefined, location);
  return type;
}

export function addChart(sheet: SheetModel, id: string, type: string, source: RangeRef, seriesBy: string | undefined): ChartModel {
  const by = seriesBy ?? "Auto";
  if (!["Auto", "Columns", "Rows"].includes(by)) throw invalidArgument(undefined, "ChartCollection.add");
  sheet.chartCounter++;
  const chart = new ChartModel(id, `Chart ${sheet.chartCounter}`, sheet, type, source, by);
  setChartData(chart, source, by);
  sheet.charts.push(chart);
  return chart;
}

/**
 * Builds series from the source range as Excel does for a simple block: series by columns when
 * there are at least as many rows as columns; a text first row gives series names and a text
 * first column gives categories.
 */
export function setChartData(chart: ChartModel, source: RangeRef, seriesBy: string): void {
  const { rect, sheet } = source;
  const cells = sheet.cells;
  const isText = (r: number, c: number) => typeof cells.value(r, c) === "string" && cells.formula(r, c) === undefined;
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rect.rows >= rect.cols);
  // Work in (line, position) terms: a "line" is one series, a "position" one category.
  const lines = byColumns ? rect.cols : rect.rows;
  const positions = byColumns ? rect.rows : rect.cols;
  const at = (line: number, pos: number): [number, number] =>
    byColumns ? [rect.row + pos, rect.col + line] : [rect.row + line, rect.col + pos];
  let hasCategories = false;
  for (let p = 1; p < positions && lines > 1; p++) if (isText(...at(0, p))) hasCategories = true;
  let hasNames = false;
  for (let l = hasCategories ? 1 : 0; l < lines && positions > 1; l++) if (isText(...at(l, 0))) hasNames = true;
  const firstLine = hasCategories ? 1 : 0;
  const firstPos = hasNames ? 1 : 0;
  const span = (line: number): RangeRef => {
    const [r, c] = at(line, firstPos);
    const count = positions - firstPos;
    return new RangeRef(sheet, byColumns ? { row: r, col: c, rows: count, cols: 1 } : { row: r, col: c, rows: 1, cols: count });
  };
  chart.source = source;
  chart.seriesBy = seriesBy;
  chart.series = [];
  for (let l = firstLine; l < lines; l++) {
    const name = hasNames ? String(cells.value(...at(l, 0)) ?? "") : `Series${l - firstLine + 1}`;
    const series = new SeriesModel(name);
    series.values = span(l);
    if (hasCategories) series.xValues = span(0);
    chart.series.push(series);
  }
  const live = chart.liveSeries();
  chart.title.text = live.length === 1 ? live[0].name : "Chart Title";
}

/** Chart.setPosition: top-left at startCell, bottom-right at endCell (default: keep the size). */
export function setChartPosition(chart: ChartModel, start: RangeRef, end: RangeRef | null): void {
  const sheet = chart.sheet;
  const left = offsetOf(start.rect.col, (c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  const top = offsetOf(start.rect.row, (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
  let { width, height } = chart.position;
  if (end) {
    const lastCol = end.rect.col + end.rect.cols;
    const lastRow = end.rect.row + end.rect.rows;
    width = offsetOf(lastCol, (c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) - left;
    height = offsetOf(lastRow, (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT) - top;
  }
  chart.position = {
    top,
    left,
    width,
    height,
    startCell: formatRect(start.rect),
    endCell: end ? formatRect(end.rect) : null,
  };
}

function offsetOf(index: number, size: (i: number) => number): number {
  let total = 0;
  for (let i = 0; i < Math.min(index, 100000); i++) total += size(i);
  return total;
}
