import { a1, chartPlace, type BlockPlace, type ChartSpec, type SheetLayout } from "../layouts";

const CHART_TYPES: Record<ChartSpec["kind"], Excel.ChartType> = {
  columnClustered: "ColumnClustered" as Excel.ChartType,
  columnStacked: "ColumnStacked" as Excel.ChartType,
  barClustered: "BarClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
};

/**
 * Adds one native chart for a spec: the first value column makes the chart, later columns are
 * added as series over the same categories, and "line" columns are drawn as a line (the
 * benchmark over our own columns). The chart keeps the spec's name so a refresh finds it.
 *
 * Every series gets its values and categories explicitly (setValues, setXAxisValues): what Excel
 * guesses from a one-column range depends on the data (a text or empty first cell becomes the
 * series name and drops out of the values). A pie has no axes, so its axes are never touched
 * (Excel fails the whole request otherwise).
 */
export function addChart(sheet: Excel.Worksheet, layout: SheetLayout, spec: ChartSpec, places: BlockPlace[]): void {
  const block = layout.blocks[spec.block];
  const place = places[spec.block];
  const firstRow = place.headerRow + 1;
  const rows = place.bodyRows;
  const categories = sheet.getRange(a1(firstRow, spec.categoryColumn + 1, rows));
  const [first, ...rest] = spec.valueColumns;
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], sheet.getRange(a1(firstRow, first + 1, rows)), "Columns" as Excel.ChartSeriesBy);
  chart.name = spec.name;
  chart.title.text = spec.title;
  // A one-column source by columns always gives exactly one series: set its data explicitly.
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = block.columns[first].header;
  firstSeries.setValues(sheet.getRange(a1(firstRow, first + 1, rows)));
  firstSeries.setXAxisValues(categories);
  for (const column of rest) {
    const series = chart.series.add(block.columns[column].header);
    series.setValues(sheet.getRange(a1(firstRow, column + 1, rows)));
    series.setXAxisValues(categories);
    if (spec.lineColumns.includes(column)) series.chartType = "Line" as Excel.ChartType;
  }
  if (spec.kind !== "pie") chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  // The same cells as the command line's file (chartPlace in src/layouts/geometry.ts).
  const at = chartPlace(layout, spec, places);
  chart.setPosition(a1(at.row, at.column), a1(at.row + at.rows - 1, at.column + at.columns - 1));
}
