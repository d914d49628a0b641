/**
 * Helpers for the task pane's component tests: a stubbed `KpbPort` (every operation a jest mock
 * with a harmless default), a real engine result for Exempelby, and `renderPane`.
 */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { KpbResult, TableName } from "../../src/engine/model";
import { runSample } from "../sample-run";
import { App, type TabId } from "../../src/taskpane/components/App";
import { setLanguage } from "../../src/taskpane/i18n";
import type { FoundTable, KpbPort, PaneState } from "../../src/taskpane/port";
import { RunController } from "../../src/taskpane/run-controller";

// jsdom has no ResizeObserver; Fluent's TabList measures its indicator with one.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export type StubPort = { [K in keyof KpbPort]: jest.Mock };

export function found(table: TableName, foundBy: FoundTable["foundBy"] = "table", rowCount = 11): FoundTable {
  return {
    table,
    source: foundBy === "sheet" || foundBy === "header" ? { kind: "sheet", sheet: table } : { kind: "table", name: table },
    sheet: table,
    rowIndex: 0,
    columnIndex: 0,
    rowCount,
    columnCount: 6,
    foundBy,
  };
}

export const EMPTY_STATE: PaneState = { mapping: {}, overrides: {} };

export function stubPort(overrides: Partial<Record<keyof KpbPort, jest.Mock>> = {}): StubPort {
  const port: StubPort = {
    loadState: jest.fn().mockResolvedValue(EMPTY_STATE),
    saveMapping: jest.fn().mockResolvedValue(undefined),
    saveOverrides: jest.fn().mockResolvedValue(undefined),
    findTables: jest.fn().mockResolvedValue([]),
    listWorkbookObjects: jest.fn().mockResolvedValue({ tables: [], sheets: ["Sheet1"] }),
    getSelection: jest.fn().mockResolvedValue({ sheet: "Sheet1", address: "A1:C10" }),
    readPreview: jest.fn().mockResolvedValue([]),
    check: jest.fn().mockResolvedValue({ ok: false, problems: [], found: [] }),
    refresh: jest.fn().mockResolvedValue({ ok: false, problems: [], found: [] }),
    cancel: jest.fn(),
    selectCell: jest.fn().mockResolvedValue(undefined),
    activateSheet: jest.fn().mockResolvedValue(undefined),
    readActiveCell: jest.fn().mockResolvedValue({ sheet: "Sheet1", address: "A1", row: 1, rowKey: null }),
    writeSampleData: jest.fn().mockResolvedValue({ ok: true, sheets: [] }),
    importTable: jest.fn().mockResolvedValue({ sheet: "Ekonomi (fil)", tableName: "Ekonomi_fil", rows: 0, pseudonymised: 0 }),
    writeBenchmarkRows: jest.fn().mockResolvedValue({ ok: true, sheet: "Jämförelse", table: "Jämförelse", created: false, added: 0, replaced: 0 }),
    exportSecret: jest.fn().mockResolvedValue("KPB-NYCKEL-1:00112233445566778899aabbccddeeff"),
    importSecret: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  };
  return port;
}

let sample: KpbResult | null = null;

/** The engine's result for the Exempelby sample (computed once per test file). */
export function sampleResult(): KpbResult {
  if (!sample) sample = runSample({ secret: "test-secret" });
  return sample;
}

export function renderPane(port: StubPort, options: { initialTab?: TabId; controller?: RunController; language?: "sv" | "en" } = {}) {
  setLanguage(options.language ?? "sv");
  const controller = options.controller ?? new RunController(port as unknown as KpbPort);
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <App port={port as unknown as KpbPort} controller={controller} initialTab={options.initialTab} />
    </FluentProvider>,
  );
  return { ...utils, controller };
}

/** A promise with its resolve/reject exposed, for operations the test finishes by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
