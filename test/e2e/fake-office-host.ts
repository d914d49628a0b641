/**
 * In-browser stand-in for office.js, for the headless task pane tests.
 *
 * The harness (test/e2e/harness.ts) bundles this file into test-output/e2e/fake-office.js and serves
 * it in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It defines the globals
 * the add-in uses: `Office` (onReady, context, settings, actions, addin), `CustomFunctions`
 * (associate, Error, ErrorCode), `OfficeRuntime.storage`, and `Excel` plus `OfficeExtension` from the
 * in-memory Excel fake (test/fakes/excel-fake). Registries and the fake workbook are exposed on
 * `window.__…` for tests to inspect.
 *
 * Options come from `window.__fakeOfficeOptions`, which the harness sets with an init script before
 * any page script runs (see FakeOfficeOptions).
 */
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from "../fakes/excel-fake";

/** Options read from `window.__fakeOfficeOptions`; everything is optional and JSON-serialisable. */
export interface FakeOfficeOptions {
  /** `Office.context.displayLanguage` (default "sv-SE"). */
  displayLanguage?: string;
  /** `Office.context.platform` (default "PC"). */
  platform?: string;
  /**
   * Keep `Office.onReady` pending until `window.__fakeOffice.releaseReady()` is called, so a test can
   * seed the fake workbook before the add-in starts.
   */
  holdReady?: boolean;
  /** Initial `Office.context.document.settings` values. */
  settings?: Record<string, unknown>;
  /** Requirement sets reported as supported (name → highest version); unlisted sets are unsupported. */
  requirementSets?: Record<string, string>;
  /** Passed to `createFakeExcel`. */
  excel?: FakeExcelOptions;
}

/** A ribbon action call as recorded by `window.__fakeOffice.invokeAction`. */
export interface ActionOutcome {
  completed: boolean;
  error?: string;
}

export interface FakeOfficeControl {
  options: FakeOfficeOptions;
  /** Resolves once `Office.onReady` has resolved. */
  ready: Promise<void>;
  /** Lets a held `Office.onReady` resolve (no-op if it was not held). */
  releaseReady(): void;
  /** Calls a ribbon action registered with `Office.actions.associate` and waits for `event.completed()`. */
  invokeAction(id: string, timeoutMs?: number): Promise<ActionOutcome>;
  /** Task pane visibility as changed by `Office.addin.showAsTaskpane()/hide()` (starts visible). */
  taskpane: { visible: boolean; calls: string[] };
  /** Settings as of the last `saveAsync`. */
  savedSettings: Record<string, unknown> | null;
}

declare global {
  interface Window {
    __fakeOfficeOptions?: FakeOfficeOptions;
    __fakeOffice: FakeOfficeControl;
    __officeActions: Record<string, (event: unknown) => unknown>;
    __customFunctions: Record<string, (...args: unknown[]) => unknown>;
    /** The Excel fake behind `window.Excel`: inspect or seed `workbook`, read `stats`, inject sync failures. */
    __fakeExcel: Pick<FakeExcel, "workbook" | "stats" | "failAtSync" | "failNoMore">;
  }
}

const DEFAULT_REQUIREMENT_SETS: Record<string, string> = {
  ExcelApi: "1.17",
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.5",
  RibbonApi: "1.1",
  DialogApi: "1.2",
};

const options: FakeOfficeOptions = window.__fakeOfficeOptions ?? {};
const win = window as unknown as Record<string, unknown>;

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Office

const HostType = {
  Excel: "Excel",
  Word: "Word",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
};
const PlatformType = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
};
const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
const VisibilityMode = { hidden: "Hidden", taskpane: "Taskpane" };
const StartupBehavior = { none: "None", load: "Load" };

const host = HostType.Excel;
const platform = options.platform ?? PlatformType.PC;
const info = { host, platform };

let releaseReady: () => void = () => undefined;
const held = options.holdReady
  ? new Promise<void>((resolve) => {
      releaseReady = resolve;
    })
  : Promise.resolve();
// Like office.js, resolve on a later task, never synchronously.
const ready: Promise<void> = held.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

type AsyncCallback = (result: { status: string; value: unknown; error?: unknown }) => void;

function lastCallback(args: unknown[]): AsyncCallback | undefined {
  const fn = args.filter((a) => typeof a === "function").pop();
  return fn as AsyncCallback | undefined;
}

const settingsStore = new Map<string, unknown>(Object.entries(options.settings ?? {}));
const settings = {
  get(name: string): unknown {
    return settingsStore.has(name) ? settingsStore.get(name) : null;
  },
  set(name: string, value: unknown): void {
    settingsStore.set(name, JSON.parse(JSON.stringify(value ?? null)));
  },
  remove(name: string): void {
    settingsStore.delete(name);
  },
  saveAsync(...args: unknown[]): void {
    control.savedSettings = Object.fromEntries(settingsStore);
    const callback = lastCallback(args);
    setTimeout(() => callback?.({ status: AsyncResultStatus.Succeeded, value: undefined }), 0);
  },
  refreshAsync(...args: unknown[]): void {
    const callback = lastCallback(args);
    setTimeout(() => callback?.({ status: AsyncResultStatus.Succeeded, value: settings }), 0);
  },
  addHandlerAsync(...args: unknown[]): void {
    const callback = lastCallback(args);
    setTimeout(() => callback?.({ status: AsyncResultStatus.Succeeded, value: undefined }), 0);
  },
};

const requirementSets = options.requirementSets ?? DEFAULT_REQUIREMENT_SETS;
const displayLanguage = options.displayLanguage ?? "sv-SE";

const officeActions: Record<string, (event: unknown) => unknown> = {};
const visibilityHandlers = new Set<(args: { visibilityMode: string }) => void>();
let startupBehavior = StartupBehavior.none;

function setVisible(visible: boolean, call: string): Promise<void> {
  control.taskpane.calls.push(call);
  const changed = control.taskpane.visible !== visible;
  control.taskpane.visible = visible;
  if (changed) {
    const mode = visible ? VisibilityMode.taskpane : VisibilityMode.hidden;
    for (const handler of visibilityHandlers) handler({ visibilityMode: mode });
  }
  return Promise.resolve();
}

const Office = {
  HostType,
  PlatformType,
  AsyncResultStatus,
  VisibilityMode,
  StartupBehavior,
  initialize: undefined as undefined | ((reason: string) => void),
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
    return ready.then(() => {
      callback?.(info);
      return info;
    });
  },
  context: {
    host,
    platform,
    displayLanguage,
    contentLanguage: displayLanguage,
    diagnostics: { host, platform, version: "16.0.0.0" },
    requirements: {
      isSetSupported(name: string, minVersion?: string | number): boolean {
        const supported = requirementSets[name];
        if (supported === undefined) return false;
        return minVersion === undefined || compareVersions(supported, String(minVersion)) >= 0;
      },
    },
    document: { settings, url: "https://example.invalid/KPB.xlsx", mode: "readWrite" },
  },
  actions: {
    associate(actionId: string, actionFunction: (event: unknown) => unknown): void {
      officeActions[actionId] = actionFunction;
    },
  },
  addin: {
    showAsTaskpane: (): Promise<void> => setVisible(true, "showAsTaskpane"),
    hide: (): Promise<void> => setVisible(false, "hide"),
    onVisibilityModeChanged(handler: (args: { visibilityMode: string }) => void): Promise<() => Promise<void>> {
      visibilityHandlers.add(handler);
      return Promise.resolve(() => {
        visibilityHandlers.delete(handler);
        return Promise.resolve();
      });
    },
    setStartupBehavior(behavior: string): Promise<void> {
      startupBehavior = behavior;
      return Promise.resolve();
    },
    getStartupBehavior(): Promise<string> {
      return Promise.resolve(startupBehavior);
    },
  },
};

void ready.then(() => Office.initialize?.("inserted"));

// ---------------------------------------------------------------------------------------------
// CustomFunctions

enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

class CustomFunctionsError extends Error {
  readonly code: ErrorCode;
  readonly type = "CustomFunctionsError";
  constructor(errorCode: ErrorCode = ErrorCode.invalidValue, errorMessage?: string) {
    super(errorMessage ?? "");
    this.name = "CustomFunctions.Error";
    this.code = errorCode;
  }
}

const customFunctions: Record<string, (...args: unknown[]) => unknown> = {};

const CustomFunctions = {
  ErrorCode,
  Error: CustomFunctionsError,
  associate(
    idOrMappings: string | Record<string, (...args: unknown[]) => unknown>,
    fn?: (...args: unknown[]) => unknown,
  ): void {
    const mappings = typeof idOrMappings === "string" ? { [idOrMappings]: fn } : idOrMappings;
    for (const [id, f] of Object.entries(mappings)) {
      if (typeof f !== "function") throw new TypeError(`CustomFunctions.associate("${id}"): not a function`);
      // Excel matches function ids case-insensitively; the registry uses the upper-case id.
      customFunctions[id.toUpperCase()] = f;
    }
  },
};

// ---------------------------------------------------------------------------------------------
// OfficeRuntime (storage only)

const storageStore = new Map<string, string>();
const OfficeRuntime = {
  storage: {
    getItem: (key: string): Promise<string | null> => Promise.resolve(storageStore.get(key) ?? null),
    setItem: (key: string, value: string): Promise<void> => {
      storageStore.set(key, String(value));
      return Promise.resolve();
    },
    removeItem: (key: string): Promise<void> => {
      storageStore.delete(key);
      return Promise.resolve();
    },
    getItems: (keys: string[]): Promise<Record<string, string | null>> =>
      Promise.resolve(Object.fromEntries(keys.map((k) => [k, storageStore.get(k) ?? null]))),
    setItems: (items: Record<string, string>): Promise<void> => {
      for (const [k, v] of Object.entries(items)) storageStore.set(k, String(v));
      return Promise.resolve();
    },
    removeItems: (keys: string[]): Promise<void> => {
      for (const k of keys) storageStore.delete(k);
      return Promise.resolve();
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Excel and the test control surface

const fakeExcel = createFakeExcel(options.excel);

const control: FakeOfficeControl = {
  options,
  ready,
  releaseReady: () => releaseReady(),
  invokeAction(id: string, timeoutMs = 10000): Promise<ActionOutcome> {
    const action = officeActions[id];
    if (!action) return Promise.reject(new Error(`no ribbon action "${id}" was associated`));
    return new Promise<ActionOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ completed: false, error: "event.completed() was not called" }), timeoutMs);
      const event = {
        source: { id },
        completed: () => {
          clearTimeout(timer);
          resolve({ completed: true });
        },
      };
      try {
        const result = action(event);
        if (result && typeof (result as Promise<unknown>).catch === "function") {
          (result as Promise<unknown>).catch((e: unknown) => console.error(`ribbon action "${id}" rejected`, e));
        }
      } catch (e) {
        clearTimeout(timer);
        resolve({ completed: false, error: String(e) });
      }
    });
  },
  taskpane: { visible: true, calls: [] },
  savedSettings: null,
};

win.Office = Office;
win.CustomFunctions = CustomFunctions;
win.OfficeRuntime = OfficeRuntime;
win.Excel = fakeExcel.Excel;
win.OfficeExtension = fakeExcel.OfficeExtension;
window.__officeActions = officeActions;
window.__customFunctions = customFunctions;
window.__fakeExcel = {
  workbook: fakeExcel.workbook,
  stats: fakeExcel.stats,
  failAtSync: fakeExcel.failAtSync,
  failNoMore: fakeExcel.failNoMore,
};
window.__fakeOffice = control;
