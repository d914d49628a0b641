/**
 * The one place where the ribbon command "Uppdatera KPB" finds the refresh logic.
 *
 * The task pane (or whatever owns the workbook I/O) registers a refresh function at start-up with
 * `setRefreshHandler`; `src/commands/commands.ts` calls `runRefresh()` when the ribbon button is
 * clicked. Both live in the same bundle and the same shared runtime, so this module exists once and
 * the registration is visible to the command even while the pane is hidden.
 *
 * No Office or DOM access here: the module is safe to import from tests and from the functions.
 */

/** Recomputes the KPB results in the workbook. May be async; a rejection is reported as "failed". */
export type RefreshHandler = () => void | Promise<void>;

/** How a ribbon refresh went (the pane reports a refresh's own outcome; this is only whether it ran). */
export type RibbonStatus =
  | { status: "done" }
  /** Nothing has registered a handler yet (the pane code has not started). */
  | { status: "no-handler" }
  | { status: "failed"; error: unknown };

let handler: RefreshHandler | null = null;
let running: Promise<RibbonStatus> | null = null;

/** Registers the refresh function (replacing any earlier one); `null` unregisters. */
export function setRefreshHandler(next: RefreshHandler | null): void {
  handler = next;
}

export function hasRefreshHandler(): boolean {
  return handler !== null;
}

/**
 * Runs the registered handler. Never throws: errors come back as `{ status: "failed" }`. A call made
 * while a refresh is still running joins that refresh instead of starting a second one.
 */
export function runRefresh(): Promise<RibbonStatus> {
  if (running) return running;
  const current = handler;
  if (!current) return Promise.resolve({ status: "no-handler" });
  // Start on a later tick so that even a synchronous throw settles after `running` is assigned.
  const attempt = Promise.resolve()
    .then(() => current())
    .then(
      (): RibbonStatus => ({ status: "done" }),
      (error: unknown): RibbonStatus => ({ status: "failed", error }),
    );
  running = attempt.finally(() => {
    running = null;
  });
  return running;
}
