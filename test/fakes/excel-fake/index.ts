/**
 * An in-memory fake of the Excel JavaScript API for tests (jest and the headless browser harness).
 * Plain TypeScript without Node or jest imports, so it bundles for the browser.
 *
 *   const fake = createFakeExcel();
 *   fake.workbook.addSheet("Data", [["Id", "Cost"], [1, 100]]);
 *   await fake.Excel.run(async (context) => { … });
 *   expect(fake.workbook.getCell("Data", "B2")).toBe(100);
 *   expect(fake.stats.syncCount).toBe(1);
 */
import { FakeChart, FakeChartCollection, FakeChartSeries } from "./chart";
import type { FakeClientObject } from "./client-object";
import * as enums from "./enums";
import { FakeOfficeError, FakeOfficeExtension } from "./errors";
import { FakeStats } from "./metering";
import { WorkbookModel } from "./model";
import { FakeNamedItem, FakeNamedItemCollection } from "./names";
import { FakeRange } from "./range";
import { FakeRequestContext, makeRun } from "./request-context";
import { DEFAULT_MAX_REQUEST_BYTES, FakeSession } from "./session";
import { FakeSetting, FakeSettingCollection } from "./settings";
import { FakeTable, FakeTableCollection } from "./table";
import { FakeWorkbook } from "./workbook";
import { FakeWorkbookState } from "./workbook-state";
import { FakeWorksheet } from "./worksheet";
import { FakeWorksheetCollection } from "./worksheet-collection";

export interface FakeExcelOptions {
  /** Request and response size limit in bytes (default 5 MB, as Excel on the web). */
  maxRequestBytes?: number;
  /** The n-th sync (1-based, counted across runs) rejects with GeneralException and applies nothing. */
  failAtSync?: number;
  /** Sheets of the new workbook (default ["Sheet1"]). */
  sheets?: string[];
  /** `workbook.name` (default "Book1.xlsx"). */
  workbookName?: string;
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  previousObjects?: FakeClientObject<unknown> | FakeClientObject<unknown>[] | FakeRequestContext;
}

export type FakeBatch<T> = (context: FakeRequestContext) => Promise<T>;

/** Excel.run overloads of Office.js. */
export interface FakeRun {
  <T>(batch: FakeBatch<T>): Promise<T>;
  <T>(options: FakeRunOptions, batch: FakeBatch<T>): Promise<T>;
  <T>(previous: FakeClientObject<unknown> | FakeClientObject<unknown>[] | FakeRequestContext, batch: FakeBatch<T>): Promise<T>;
}

export function createFakeExcel(options: FakeExcelOptions = {}) {
  const model = new WorkbookModel(options.workbookName ?? "Book1.xlsx", options.sheets ?? ["Sheet1"]);
  const stats = new FakeStats();
  if (options.failAtSync !== undefined) stats.failAtSync(options.failAtSync);
  const session = new FakeSession(model, stats, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);

  /** `new Excel.RequestContext()` works on this fake workbook, as in Office.js. */
  class RequestContext extends FakeRequestContext {
    constructor() {
      super(session);
    }
  }

  const Excel = {
    ...enums,
    run: makeRun(() => new RequestContext()) as FakeRun,
    RequestContext,
    Workbook: FakeWorkbook,
    Worksheet: FakeWorksheet,
    WorksheetCollection: FakeWorksheetCollection,
    Range: FakeRange,
    Table: FakeTable,
    TableCollection: FakeTableCollection,
    Chart: FakeChart,
    ChartCollection: FakeChartCollection,
    ChartSeries: FakeChartSeries,
    NamedItem: FakeNamedItem,
    NamedItemCollection: FakeNamedItemCollection,
    Setting: FakeSetting,
    SettingCollection: FakeSettingCollection,
  };

  return {
    Excel,
    OfficeExtension: FakeOfficeExtension,
    workbook: new FakeWorkbookState(model),
    stats,
    /** Sync number n (counted like stats.syncCount) rejects with GeneralException and applies nothing. */
    failAtSync: stats.failAtSync,
    failNoMore: stats.failNoMore,
  };
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;
export type FakeExcelNamespace = FakeExcel["Excel"];

export { FakeOfficeError, FakeRequestContext, FakeStats, FakeWorkbookState };
export type { CellValue } from "./cell-values";
export type { SyncRecord } from "./metering";
export type { ChartInfo, FormatInfo, NamedItemInfo, SheetInfo, SheetSnapshot, TableInfo, WorkbookSnapshot } from "./workbook-state";
export { FakeChart, FakeNamedItem, FakeRange, FakeSetting, FakeTable, FakeWorkbook, FakeWorksheet };
