/**
 * Headless task pane harness: the built add-in (dist/) in Chromium with a fake Office host.
 *
 * - https://appsforoffice.microsoft.com/** answers with the fake office.js
 *   (fake-office-host.ts bundled by webpack.fake-host.config.js, built once per process).
 * - https://localhost:3000/** answers from dist/ (no dev server, no certificates).
 * - Every other request is aborted and recorded in `blockedRequests` (add routes with `setupPage`).
 * - The page's own Content-Security-Policy stays in force, so CSP violations show up as console errors.
 *
 * Typical use (see taskpane.e2e.test.ts):
 *
 *   const harness = await TaskpaneHarness.launch();
 *   await harness.openTaskpane();                       // or openTaskpane({ office: { displayLanguage: "en-US" } })
 *   await harness.page.getByRole("heading").textContent();
 *   await harness.callFunction("VERSION");              // a KPB.* worksheet function
 *   await harness.fakeWorkbook((fake) => fake.workbook.getValues("Sheet1", "A1:B2"));  // runs in the page
 *   await harness.fakeWorkbook();                       // workbook.snapshot() of the Excel fake
 *   await harness.screenshot("taskpane");               // test-output/e2e/taskpane.png
 *   expect(harness.errors()).toEqual([]);
 *   await harness.close();
 *
 * Functions given to `fakeWorkbook` and `page.evaluate` run in the browser from their source text, so
 * they can use only their parameters and page globals, and this file cannot run under
 * `jest --coverage` (the instrumentation would reference counters that do not exist in the page).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import type { ActionOutcome, FakeOfficeOptions } from "./fake-office-host";

export const ROOT_DIR = path.resolve(__dirname, "..", "..");
export const DIST_DIR = path.join(ROOT_DIR, "dist");
export const OUTPUT_DIR = path.join(ROOT_DIR, "test-output", "e2e");
export const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
const FAKE_HOST_CONFIG = path.join(__dirname, "webpack.fake-host.config.js");
const FAKE_HOST_BUNDLE = path.join(OUTPUT_DIR, "fake-office.js");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Throws a readable error unless the add-in has been built into `distDir`. */
export function assertDistBuilt(distDir: string = DIST_DIR): void {
  const page = path.join(distDir, "taskpane.html");
  if (!fs.existsSync(page)) {
    throw new Error(
      `${path.relative(ROOT_DIR, page)} is missing: build the add-in first with \`npm run build\` ` +
        "(or run `npm run test:e2e`, which builds and then runs these tests).",
    );
  }
}

let fakeHostBuilt = false;

/**
 * Bundles the fake Office host (once per process) and returns the bundle's path. Runs webpack in a
 * child process so that jest's module system is not involved.
 */
export function buildFakeHost(): string {
  if (fakeHostBuilt && fs.existsSync(FAKE_HOST_BUNDLE)) return FAKE_HOST_BUNDLE;
  const webpackBin = require.resolve("webpack/bin/webpack.js");
  try {
    execFileSync(process.execPath, [webpackBin, "--config", FAKE_HOST_CONFIG], {
      cwd: ROOT_DIR,
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`building the fake Office host failed:\n${e.stdout ?? ""}${e.stderr ?? ""}${e.message}`);
  }
  fakeHostBuilt = true;
  return FAKE_HOST_BUNDLE;
}

/** The error a worksheet function produced (CustomFunctions.Error or an unhandled exception). */
export class FunctionCallError extends Error {
  constructor(
    readonly functionId: string,
    /** Excel error value, e.g. "#VALUE!" or "#N/A". Unhandled exceptions show as "#VALUE!". */
    readonly code: string,
    readonly detail: string,
    /** true when the function threw something other than a CustomFunctions.Error. */
    readonly unhandled: boolean,
  ) {
    super(`KPB.${functionId} → ${code}${detail ? `: ${detail}` : ""}${unhandled ? " (unhandled exception)" : ""}`);
    this.name = "FunctionCallError";
  }
}

export interface HarnessOptions {
  /** Directory served as https://localhost:3000/ (default dist/). */
  distDir?: string;
  /** A prebuilt fake host script to use instead of bundling fake-office-host.ts. */
  fakeHostScript?: string;
  /** Browser viewport; the default is roughly a desktop task pane. */
  viewport?: { width: number; height: number };
}

export interface OpenTaskpaneOptions {
  /** Options for the fake host (display language, settings, Excel fake options, …). */
  office?: FakeOfficeOptions;
  /** Page under https://localhost:3000/ (default "taskpane.html"). */
  pagePath?: string;
  /**
   * Runs after the page and the fake host have loaded but before `Office.onReady` resolves, e.g. to
   * seed the workbook with `harness.fakeWorkbook(...)`. Holds onReady while it runs.
   */
  beforeReady?: (harness: TaskpaneHarness) => Promise<void>;
  /**
   * Runs before the page loads, after the built-in routes, so routes added here take precedence
   * (e.g. `page.route("https://api.kolada.se/**", …)` to answer an external API).
   */
  setupPage?: (page: Page) => Promise<void>;
  /** Selector that signals the pane has rendered (default: any child of #container). */
  readySelector?: string;
  /** Milliseconds to wait for the pane (default 20000). */
  timeoutMs?: number;
}

interface FunctionMetadata {
  id: string;
  options?: { stream?: boolean; cancelable?: boolean; requiresAddress?: boolean; requiresParameterAddresses?: boolean };
  parameters?: { name: string }[];
}

type CallResult =
  | { kind: "value"; value: unknown }
  | { kind: "error"; code: string; message: string; unhandled: boolean }
  | { kind: "missing"; known: string[] };

export class TaskpaneHarness {
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[] = [];
  /** console.error output of the page (includes failed resource loads). */
  readonly consoleErrors: string[] = [];
  /** Requests that were aborted because they left the two served origins. */
  readonly blockedRequests: string[] = [];
  /** Requested https://localhost:3000/ paths that do not exist in dist/. */
  readonly missingFiles: string[] = [];
  /** Address passed to functions that take an invocation (requiresAddress, streaming, cancelable). */
  invocationAddress = "Sheet1!A1";

  private context: BrowserContext | null = null;
  private currentPage: Page | null = null;
  private metadata: Map<string, FunctionMetadata> | null = null;

  private constructor(
    readonly browser: Browser,
    private readonly distDir: string,
    private readonly fakeHostSource: string,
    private readonly viewport: { width: number; height: number },
  ) {}

  /** Starts headless Chromium (CHROMIUM_PATH or /usr/bin/chromium) and prepares the fake host. */
  static async launch(options: HarnessOptions = {}): Promise<TaskpaneHarness> {
    const distDir = path.resolve(options.distDir ?? DIST_DIR);
    assertDistBuilt(distDir);
    const fakeHost = options.fakeHostScript ?? buildFakeHost();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_ARGS,
    });
    return new TaskpaneHarness(
      browser,
      distDir,
      fs.readFileSync(fakeHost, "utf8"),
      options.viewport ?? { width: 360, height: 640 },
    );
  }

  /** The page opened by the last `openTaskpane()`. */
  get page(): Page {
    if (!this.currentPage) throw new Error("no task pane is open: call openTaskpane() first");
    return this.currentPage;
  }

  /** All problems seen so far: page errors, console errors, blocked requests and missing files. */
  errors(): string[] {
    return [
      ...this.pageErrors.map((e) => `page error: ${e}`),
      ...this.consoleErrors.map((e) => `console error: ${e}`),
      ...this.blockedRequests.map((u) => `blocked request: ${u}`),
      ...this.missingFiles.map((u) => `missing file: ${u}`),
    ];
  }

  /**
   * Opens taskpane.html in a fresh browser context (fresh fake workbook, settings and registries)
   * and waits until Office.onReady has resolved and the pane has rendered. Clears the recorded
   * errors, so `errors()` afterwards reports only this page.
   */
  async openTaskpane(options: OpenTaskpaneOptions = {}): Promise<Page> {
    await this.closeContext();
    for (const list of [this.pageErrors, this.consoleErrors, this.blockedRequests, this.missingFiles]) list.length = 0;
    const context = await this.browser.newContext({
      viewport: this.viewport,
      deviceScaleFactor: 1,
      ignoreHTTPSErrors: true,
      serviceWorkers: "block",
    });
    this.context = context;
    const page = await context.newPage();
    this.currentPage = page;

    page.on("pageerror", (error) => this.pageErrors.push(error.stack ?? error.message));
    page.on("console", (message) => {
      if (message.type() === "error") {
        const where = message.location().url;
        this.consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
      }
    });

    // Last registered route wins: the catch-all abort goes first.
    await page.route(
      () => true,
      (route) => this.abort(route),
    );
    await page.route(`${DEV_ORIGIN}/**`, (route) => this.serveDist(route));
    await page.route(`${OFFICE_JS_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: CONTENT_TYPES[".js"], body: this.fakeHostSource }),
    );

    if (options.setupPage) await options.setupPage(page);

    const officeOptions: FakeOfficeOptions = { ...options.office, holdReady: Boolean(options.beforeReady) };
    await page.addInitScript((opts) => {
      window.__fakeOfficeOptions = opts;
    }, officeOptions);

    const timeout = options.timeoutMs ?? 20000;
    await page.goto(`${DEV_ORIGIN}/${options.pagePath ?? "taskpane.html"}`, { waitUntil: "load", timeout });
    try {
      await page.waitForFunction(() => typeof window.__fakeOffice === "object", undefined, { timeout });
      if (options.beforeReady) {
        await options.beforeReady(this);
        await page.evaluate(() => window.__fakeOffice.releaseReady());
      }
      await page.evaluate(() => window.__fakeOffice.ready);
      await page.waitForSelector(options.readySelector ?? "#container > *", { timeout });
    } catch (error) {
      const problems = this.errors();
      throw new Error(
        `the task pane did not render: ${(error as Error).message}` +
          (problems.length ? `\n${problems.join("\n")}` : ""),
      );
    }
    return page;
  }

  /**
   * Evaluates `fn(window.__fakeExcel, arg)` in the page and returns its (JSON-serialisable) result.
   * `fn` is sent as source text, so it may use only its parameters and page globals.
   * Without `fn`, returns `workbook.snapshot()` / `workbook.toJSON()` if the fake has one.
   */
  async fakeWorkbook<R = unknown, A = undefined>(
    fn?: (fake: Window["__fakeExcel"], arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R> {
    const source = fn
      ? fn.toString()
      : "(fake) => { const wb = fake.workbook; " +
        "if (wb && typeof wb.snapshot === 'function') return wb.snapshot(); " +
        "if (wb && typeof wb.toJSON === 'function') return wb.toJSON(); " +
        "return JSON.parse(JSON.stringify(wb)); }";
    return this.page.evaluate(
      ({ source: src, arg: a }) => {
        // eslint-disable-next-line no-new-func
        const f = new Function(`return (${src});`)() as (fake: unknown, arg: unknown) => unknown;
        return f(window.__fakeExcel, a);
      },
      { source, arg: arg as unknown },
    ) as Promise<R>;
  }

  /** Ids registered with CustomFunctions.associate, sorted. */
  async functionIds(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(window.__customFunctions).sort());
  }

  /** Ribbon action ids registered with Office.actions.associate, sorted. */
  async actionIds(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(window.__officeActions).sort());
  }

  /**
   * Calls the worksheet function `id` (e.g. "VERSION") the way Excel would and returns its value.
   * Arguments must be JSON-serialisable (ranges are `T[][]`). Errors inside a returned matrix come
   * back as `{ error: "#N/A", message }`; a thrown error rejects with a FunctionCallError. Functions
   * whose metadata asks for an invocation get one (address `invocationAddress`); for streaming
   * functions the first `setResult` value is returned.
   */
  async callFunction(id: string, ...args: unknown[]): Promise<unknown> {
    const meta = this.functionMetadata().get(id.toUpperCase());
    const opts = meta?.options ?? {};
    const needsInvocation = Boolean(opts.stream || opts.cancelable || opts.requiresAddress || opts.requiresParameterAddresses);
    // Excel passes every declared parameter: omitted optional ones as null.
    const declared = meta?.parameters?.length ?? args.length;
    args = [...args, ...Array.from({ length: Math.max(0, declared - args.length) }, () => null)];
    const result = await this.page.evaluate(
      async ({ id: fid, args: fargs, needsInvocation: withInvocation, stream, address }): Promise<CallResult> => {
        const fn = window.__customFunctions[fid.toUpperCase()];
        if (!fn) return { kind: "missing", known: Object.keys(window.__customFunctions) };
        const CFError = (window as unknown as { CustomFunctions: { Error: new (...a: unknown[]) => Error } })
          .CustomFunctions.Error;
        const encode = (v: unknown): unknown =>
          v instanceof CFError
            ? { error: (v as unknown as { code: string }).code, message: v.message }
            : Array.isArray(v)
              ? v.map(encode)
              : v;
        const failure = (e: unknown): CallResult =>
          e instanceof CFError
            ? { kind: "error", code: (e as unknown as { code: string }).code, message: e.message, unhandled: false }
            : { kind: "error", code: "#VALUE!", message: e instanceof Error ? e.message : String(e), unhandled: true };
        try {
          if (!withInvocation) return { kind: "value", value: encode(await fn(...fargs)) };
          return await new Promise<CallResult>((resolve) => {
            const invocation = {
              address,
              functionName: fid.toUpperCase(),
              parameterAddresses: fargs.map(() => address),
              setResult: (v: unknown) => resolve({ kind: "value", value: encode(v) }),
              onCanceled: undefined as undefined | (() => void),
            };
            Promise.resolve()
              .then(() => fn(...fargs, invocation))
              .then(
                (v) => {
                  if (!stream) resolve({ kind: "value", value: encode(v) });
                },
                (e) => resolve(failure(e)),
              );
          });
        } catch (e) {
          return failure(e);
        }
      },
      { id, args, needsInvocation, stream: Boolean(opts.stream), address: this.invocationAddress },
    );

    if (result.kind === "missing") {
      throw new Error(`no worksheet function "${id}" was associated; registered: ${result.known.join(", ") || "none"}`);
    }
    if (result.kind === "error") throw new FunctionCallError(id, result.code, result.message, result.unhandled);
    return result.value;
  }

  /** Clicks a ribbon ExecuteFunction button: calls the associated action and waits for event.completed(). */
  async invokeAction(id: string, timeoutMs = 10000): Promise<ActionOutcome> {
    return this.page.evaluate(({ actionId, ms }) => window.__fakeOffice.invokeAction(actionId, ms), {
      actionId: id,
      ms: timeoutMs,
    });
  }

  /** Task pane visibility as set through Office.addin.showAsTaskpane()/hide(). */
  async taskpaneState(): Promise<{ visible: boolean; calls: string[] }> {
    return this.page.evaluate(() => window.__fakeOffice.taskpane);
  }

  /** Selects a pane tab by its label, through the "…" menu when it does not fit on the tab line. */
  async selectTab(name: string): Promise<void> {
    const tab = this.page.getByRole("tab", { name, exact: true });
    if (await tab.isVisible()) {
      await tab.click();
      return;
    }
    await this.page.getByTestId("tabs-more").click();
    await this.page.getByRole("menuitem", { name, exact: true }).click();
  }

  /** Saves a full-page PNG as test-output/e2e/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const base = name.replace(/\.png$/i, "").replace(/[^\w.-]+/g, "_");
    const file = path.join(OUTPUT_DIR, `${base}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close(): Promise<void> {
    await this.closeContext();
    await this.browser.close();
  }

  private async closeContext(): Promise<void> {
    const context = this.context;
    this.context = null;
    this.currentPage = null;
    if (context) await context.close();
  }

  private functionMetadata(): Map<string, FunctionMetadata> {
    if (!this.metadata) {
      const file = path.join(this.distDir, "functions.json");
      const json = fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, "utf8")) as { functions?: FunctionMetadata[] })
        : {};
      this.metadata = new Map((json.functions ?? []).map((f) => [f.id.toUpperCase(), f]));
    }
    return this.metadata;
  }

  private async serveDist(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    } catch {
      relative = "";
    }
    const file = path.resolve(this.distDir, relative);
    const inside = file.startsWith(this.distDir + path.sep);
    if (!relative || !inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      this.missingFiles.push(url.href);
      await route.fulfill({ status: 404, contentType: CONTENT_TYPES[".txt"], body: `not found: ${url.pathname}` });
      return;
    }
    await route.fulfill({ status: 200, contentType: contentTypeFor(file), body: fs.readFileSync(file) });
  }

  private async abort(route: Route): Promise<void> {
    this.blockedRequests.push(route.request().url());
    await route.abort("blockedbyclient");
  }
}
