import { defineScalars, FakeClientObject, FakeClientResult, FakeCollection, type Locator, type ObjectSpec } from "./client-object";
import { addChart, hasAxes, setChartData, setChartPosition, validateChartType, type AxisModel, ChartModel, SeriesModel } from "./charts-model";
import { invalidArgument, invalidOperation } from "./errors";
import type { Execution } from "./execution";
import type { RangeRef, SheetModel } from "./model";
import { FakeRange } from "./range";
import { resolveRange } from "./resolve";
import type { FakeRequestContext } from "./request-context";
import { FakeWorksheet } from "./worksheet";

/** Charts: recorded type, source, series, titles and position. Nothing is drawn. */

function liveCharts(sheet: SheetModel): ChartModel[] {
  return (sheet.charts as ChartModel[]).filter((c) => !c.deleted);
}

function rangeArgument(arg: FakeRange | string, sheet: SheetModel, exec: Execution, location: string): RangeRef {
  const ref = typeof arg === "string" ? resolveRange(exec.model, arg, sheet, location) : arg._target(exec);
  if (!ref) throw invalidArgument(undefined, location);
  return ref;
}

const CHARTS_SPEC: ObjectSpec<SheetModel> = {
  typeName: "ChartCollection",
  scalars: { count: { get: (s) => liveCharts(s).length } },
};

export class FakeChartCollection extends FakeCollection<SheetModel, ChartModel, FakeChart> {
  declare readonly count: number;

  protected get _ownSpec() {
    return CHARTS_SPEC;
  }

  protected _list(sheet: SheetModel): ChartModel[] {
    return liveCharts(sheet);
  }

  protected _makeItem(path: string, locator: Locator<ChartModel>): FakeChart {
    return new FakeChart(this.context, this, path, locator);
  }

  /** Adds a chart of `type` over `sourceData`, with series built from it (see setChartData). */
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    this._checkArgument(sourceData);
    return this._lookup("ChartCollection.add", [type, sourceData._path, seriesBy ?? null], `${this._path}.add()`, false, (sheet, exec) => {
      const chartType = validateChartType(type, "ChartCollection.add");
      const source = sourceData._target(exec);
      if (!source) throw invalidArgument(undefined, "ChartCollection.add");
      return addChart(sheet, exec.model.newId(), chartType, source, seriesBy);
    });
  }

  getItem(name: string): FakeChart {
    return this._lookup("ChartCollection.getItem", name, `${this._path}.getItem(${JSON.stringify(name)})`, false, (s) => findChart(s, name));
  }

  getItemOrNullObject(name: string): FakeChart {
    return this._lookup("ChartCollection.getItemOrNullObject", name, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, true, (s) =>
      findChart(s, name),
    );
  }

  getItemAt(index: number): FakeChart {
    return this._lookup("ChartCollection.getItemAt", index, `${this._path}.getItemAt(${index})`, false, (s) => liveCharts(s)[index]);
  }

  getCount(): FakeClientResult<number> {
    return this._invokeWithResult("ChartCollection.getCount", null, (s) => liveCharts(s).length);
  }
}

defineScalars(FakeChartCollection, CHARTS_SPEC);

function findChart(sheet: SheetModel, name: string): ChartModel | undefined {
  const lower = String(name).toLowerCase();
  return liveCharts(sheet).find((c) => c.name.toLowerCase() === lower || c.id === name);
}

function positionScalar(key: "top" | "left" | "width" | "height") {
  return {
    get: (c: ChartModel) => c.position[key],
    set: (c: ChartModel, v: unknown) => {
      if (typeof v !== "number" || !(v >= 0)) throw invalidArgument(undefined, `Chart.${key}`);
      c.position = { ...c.position, [key]: v };
    },
  };
}

const CHART_SPEC: ObjectSpec<ChartModel> = {
  typeName: "Chart",
  scalars: {
    name: { get: (c) => c.name, set: (c, v) => void (c.name = String(v)) },
    id: { get: (c) => c.id },
    chartType: { get: (c) => c.chartType, set: (c, v) => void (c.chartType = validateChartType(v, "Chart.chartType")) },
    top: positionScalar("top"),
    left: positionScalar("left"),
    width: positionScalar("width"),
    height: positionScalar("height"),
  },
  navigation: ["title", "axes", "legend", "series", "worksheet"],
};

export class FakeChart extends FakeClientObject<ChartModel> {
  declare name: string;
  declare readonly id: string;
  declare chartType: string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown> | null, path: string, locator: Locator<ChartModel>) {
    super(context, parent, path, locator);
  }

  protected get _spec() {
    return CHART_SPEC;
  }

  get title(): FakeChartTitle {
    return this._child("title", () => new FakeChartTitle(this.context, this, `${this._path}.title`, (e) => this._target(e)?.title ?? null));
  }

  get legend(): FakeChartLegend {
    return this._child("legend", () => new FakeChartLegend(this.context, this, `${this._path}.legend`, (e) => this._target(e)?.legend ?? null));
  }

  /** A pie (or doughnut) has no axes: anything read or set through them fails, as in Excel. */
  get axes(): FakeChartAxes {
    return this._child(
      "axes",
      () =>
        new FakeChartAxes(this.context, this, `${this._path}.axes`, (e) => {
          const chart = this._target(e);
          if (chart && !hasAxes(chart.chartType)) throw invalidOperation(`A ${chart.chartType} chart has no axes.`, "Chart.axes");
          return chart?.axes ?? null;
        }),
    );
  }

  get series(): FakeChartSeriesCollection {
    return this._child("series", () => new FakeChartSeriesCollection(this.context, this, `${this._path}.series`, (e) => this._target(e)));
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this.context, this, `${this._path}.worksheet`, (e) => this._target(e)?.sheet ?? null));
  }

  /** Places the chart over startCell … endCell (Range or address on the chart's sheet). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._checkArgument(startCell);
    if (endCell !== undefined) this._checkArgument(endCell);
    const payload = [startCell, endCell].map((a) => (typeof a === "string" ? a : a?._path ?? null));
    this._invoke("Chart.setPosition", payload, (c, exec) => {
      const start = rangeArgument(startCell, c.sheet, exec, "Chart.setPosition");
      const end = endCell === undefined ? null : rangeArgument(endCell, c.sheet, exec, "Chart.setPosition");
      setChartPosition(c, start, end);
    });
  }

  setData(sourceData: FakeRange, seriesBy?: string): void {
    this._checkArgument(sourceData);
    this._invoke("Chart.setData", [sourceData._path, seriesBy ?? null], (c, exec) => {
      const source = sourceData._target(exec);
      if (!source) throw invalidArgument(undefined, "Chart.setData");
      setChartData(c, source, seriesBy ?? "Auto");
    });
  }

  delete(): void {
    this._invoke("Chart.delete", null, (c) => {
      c.deleted = true;
    });
  }
}

defineScalars(FakeChart, CHART_SPEC);

type TitleModel = { text: string; visible: boolean };

const TITLE_SPEC: ObjectSpec<TitleModel> = {
  typeName: "ChartTitle",
  scalars: {
    text: { get: (t) => t.text, set: (t, v) => void (t.text = String(v ?? "")) },
    visible: { get: (t) => t.visible, set: (t, v) => void (t.visible = v === true) },
  },
};

export class FakeChartTitle extends FakeClientObject<TitleModel> {
  declare text: string;
  declare visible: boolean;

  protected get _spec() {
    return TITLE_SPEC;
  }
}

defineScalars(FakeChartTitle, TITLE_SPEC);

/** Axis titles behave like chart titles; setting a text shows the title. */
const AXIS_TITLE_SPEC: ObjectSpec<TitleModel> = {
  typeName: "ChartAxisTitle",
  scalars: {
    text: {
      get: (t) => t.text,
      set: (t, v) => {
        t.text = String(v ?? "");
        t.visible = t.text.length > 0;
      },
    },
    visible: { get: (t) => t.visible, set: (t, v) => void (t.visible = v === true) },
  },
};

export class FakeChartAxisTitle extends FakeClientObject<TitleModel> {
  declare text: string;
  declare visible: boolean;

  protected get _spec() {
    return AXIS_TITLE_SPEC;
  }
}

defineScalars(FakeChartAxisTitle, AXIS_TITLE_SPEC);

const LEGEND_SPEC: ObjectSpec<{ visible: boolean; position: string }> = {
  typeName: "ChartLegend",
  scalars: {
    visible: { get: (l) => l.visible, set: (l, v) => void (l.visible = v === true) },
    position: { get: (l) => l.position, set: (l, v) => void (l.position = String(v)) },
  },
};

export class FakeChartLegend extends FakeClientObject<{ visible: boolean; position: string }> {
  declare visible: boolean;
  declare position: string;

  protected get _spec() {
    return LEGEND_SPEC;
  }
}

defineScalars(FakeChartLegend, LEGEND_SPEC);

type AxesModel = ChartModel["axes"];

const AXES_SPEC: ObjectSpec<AxesModel> = { typeName: "ChartAxes", scalars: {}, navigation: ["categoryAxis", "valueAxis"] };

export class FakeChartAxes extends FakeClientObject<AxesModel> {
  protected get _spec() {
    return AXES_SPEC;
  }

  get categoryAxis(): FakeChartAxis {
    return this._child("categoryAxis", () => new FakeChartAxis(this.context, this, `${this._path}.categoryAxis`, (e) => this._target(e)?.category ?? null));
  }

  get valueAxis(): FakeChartAxis {
    return this._child("valueAxis", () => new FakeChartAxis(this.context, this, `${this._path}.valueAxis`, (e) => this._target(e)?.value ?? null));
  }
}

const AXIS_SPEC: ObjectSpec<AxisModel> = {
  typeName: "ChartAxis",
  scalars: {
    numberFormat: { get: (a) => a.numberFormat, set: (a, v) => void (a.numberFormat = String(v)) },
    visible: { get: (a) => a.visible, set: (a, v) => void (a.visible = v === true) },
  },
  navigation: ["title"],
};

export class FakeChartAxis extends FakeClientObject<AxisModel> {
  declare numberFormat: string;
  declare visible: boolean;

  protected get _spec() {
    return AXIS_SPEC;
  }

  get title(): FakeChartAxisTitle {
    return this._child("title", () => new FakeChartAxisTitle(this.context, this, `${this._path}.title`, (e) => this._target(e)?.title ?? null));
  }
}

defineScalars(FakeChartAxis, AXIS_SPEC);

const SERIES_COLLECTION_SPEC: ObjectSpec<ChartModel> = {
  typeName: "ChartSeriesCollection",
  scalars: { count: { get: (c) => c.liveSeries().length } },
};

export class FakeChartSeriesCollection extends FakeCollection<ChartModel, SeriesModel, FakeChartSeries> {
  declare readonly count: number;

  protected get _ownSpec() {
    return SERIES_COLLECTION_SPEC;
  }

  protected _list(chart: ChartModel): SeriesModel[] {
    return chart.liveSeries();
  }

  protected _makeItem(path: string, locator: Locator<SeriesModel>): FakeChartSeries {
    return new FakeChartSeries(this.context, this, path, locator);
  }

  /** Adds an empty series (at `index`, default last); give it data with setValues. */
  add(name?: string, index?: number): FakeChartSeries {
    return this._lookup("ChartSeriesCollection.add", [name ?? null, index ?? null], `${this._path}.add()`, false, (chart) => {
      const live = chart.liveSeries();
      const position = index ?? live.length;
      if (!Number.isInteger(position) || position < 0 || position > live.length) {
        throw invalidArgument(undefined, "ChartSeriesCollection.add");
      }
      const series = new SeriesModel(name ?? `Series${live.length + 1}`);
      const at = position === live.length ? chart.series.length : chart.series.indexOf(live[position]);
      chart.series.splice(at, 0, series);
      return series;
    });
  }

  getItemAt(index: number): FakeChartSeries {
    return this._lookup("ChartSeriesCollection.getItemAt", index, `${this._path}.getItemAt(${index})`, false, (c) => c.liveSeries()[index]);
  }

  getCount(): FakeClientResult<number> {
    return this._invokeWithResult("ChartSeriesCollection.getCount", null, (c) => c.liveSeries().length);
  }
}

defineScalars(FakeChartSeriesCollection, SERIES_COLLECTION_SPEC);

const SERIES_SPEC: ObjectSpec<SeriesModel> = {
  typeName: "ChartSeries",
  scalars: {
    name: { get: (s) => s.name, set: (s, v) => void (s.name = String(v)) },
    chartType: {
      get: (s, exec) => s.chartType ?? chartOf(exec, s)?.chartType ?? null,
      set: (s, v) => void (s.chartType = validateChartType(v, "ChartSeries.chartType")),
    },
  },
};

function chartOf(exec: Execution, series: SeriesModel): ChartModel | undefined {
  for (const sheet of exec.model.sheets) {
    const chart = (sheet.charts as ChartModel[]).find((c) => c.series.includes(series));
    if (chart) return chart;
  }
  return undefined;
}

export class FakeChartSeries extends FakeClientObject<SeriesModel> {
  declare name: string;
  declare chartType: string;

  protected get _spec() {
    return SERIES_SPEC;
  }

  setValues(sourceData: FakeRange): void {
    this._setData("setValues", sourceData, (s, ref) => {
      s.values = ref;
      s.explicitValues = true;
    });
  }

  setXAxisValues(sourceData: FakeRange): void {
    this._setData("setXAxisValues", sourceData, (s, ref) => {
      s.xValues = ref;
      s.explicitXValues = true;
    });
  }

  delete(): void {
    this._invoke("ChartSeries.delete", null, (s) => {
      s.deleted = true;
    });
  }

  private _setData(method: string, sourceData: FakeRange, apply: (s: SeriesModel, ref: RangeRef) => void): void {
    this._checkArgument(sourceData);
    this._invoke(`ChartSeries.${method}`, sourceData._path, (s, exec) => {
      const ref = sourceData._target(exec);
      if (!ref) throw invalidArgument(undefined, `ChartSeries.${method}`);
      apply(s, ref);
    });
  }
}

defineScalars(FakeChartSeries, SERIES_SPEC);
