/**
 * The pane's long operations (Kontroll, Kör/Uppdatera, Exempeldata) and what they left behind,
 * outside React: the ribbon's "Uppdatera KPB" runs the same `refresh()` while the pane is hidden,
 * and the pane shows its progress and outcome when it is open. Components read the state with
 * `useRunState()`; nothing here touches Excel (it calls the `KpbPort`).
 */
import * as React from "react";
import { type KpbResult, type MonthlySeries, type Problem } from "../engine";
import type { StringKey } from "./i18n";
import type { FoundTable, KpbPort, Progress } from "./port";

export type Busy = "check" | "refresh" | "sample";

/** A message for the user: a string key (rendered in the current language) and its parameters. */
export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  key: StringKey;
  params?: Record<string, string | number>;
  /** Technical detail for an unexpected failure (the error's message, never a stack trace). */
  detail?: string;
}

export interface LastRun {
  result: KpbResult;
  /** Key figures of the run before this one (by id), when there was one. */
  previous?: Record<string, string>;
  /** The `KPB …` sheets in the workbook after the run. */
  sheets: string[];
  at: Date;
  /** A follow-up's month series (KPB Månad): the card's change since the month before. */
  monthly?: MonthlySeries;
}

export interface RunState {
  busy: Busy | null;
  progress: Progress | null;
  cancelRequested: boolean;
  /** Problems of the last check or refresh (errors and warnings), null before the first. */
  problems: readonly Problem[] | null;
  problemsFrom: "check" | "refresh" | null;
  problemsAt: Date | null;
  /** Last successful refresh in this session. */
  lastRun: LastRun | null;
  /** Rows on `KPB Validering` flagged and not approved, as of the last refresh or check; null when unknown. */
  validationOpen: number | null;
  /** Latest result of a check or refresh (for Förklara). */
  result: KpbResult | null;
  resultAt: Date | null;
  /** Tables found by the last check or refresh. */
  found: FoundTable[] | null;
  notice: Notice | null;
  /** Bumped when the workbook's tables changed (sample data written), so Källdata reloads. */
  workbookVersion: number;
}

export const INITIAL_RUN_STATE: RunState = {
  busy: null,
  progress: null,
  cancelRequested: false,
  problems: null,
  problemsFrom: null,
  problemsAt: null,
  lastRun: null,
  validationOpen: null,
  result: null,
  resultAt: null,
  found: null,
  notice: null,
  workbookVersion: 0,
};

export const hasBlockingErrors = (problems: readonly Problem[] | null | undefined): boolean =>
  !!problems && problems.some((p) => p.severity === "error");

const isCancelled = (error: unknown) => error instanceof Error && error.name === "CancelledError";

function errorDetail(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === "string" && code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

export type RefreshResult = "done" | "blocked" | "cancelled" | "failed" | "busy";

export class RunController {
  private state: RunState = INITIAL_RUN_STATE;
  private readonly listeners = new Set<() => void>();
  private inflight: Promise<RefreshResult> | null = null;

  constructor(private readonly port: KpbPort) {}

  getState = (): RunState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<RunState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private onProgress = (progress: Progress): void => this.set({ progress });

  dismissNotice(): void {
    this.set({ notice: null });
  }

  notify(notice: Notice | null): void {
    this.set({ notice });
  }

  cancel(): void {
    if (!this.state.busy) return;
    this.port.cancel();
    this.set({ cancelRequested: true });
  }

  /** Kontroll: read and validate without writing. */
  check(): Promise<RefreshResult> {
    return this.exclusive("check", async () => {
      const outcome = await this.port.check({ onProgress: this.onProgress });
      const at = new Date();
      if (outcome.ok) {
        const warnings = outcome.problems.filter((p) => p.severity === "warning").length;
        this.set({
          problems: outcome.problems,
          problemsFrom: "check",
          problemsAt: at,
          validationOpen: outcome.validationOpen ?? this.state.validationOpen,
          result: outcome.result,
          resultAt: at,
          found: outcome.found,
          notice: { intent: "success", key: warnings ? "check.okWithWarnings" : "check.ok", params: { warnings } },
        });
        return "done";
      }
      const errors = outcome.problems.filter((p) => p.severity === "error").length;
      this.set({
        problems: outcome.problems,
        problemsFrom: "check",
        problemsAt: at,
        found: outcome.found,
        notice: { intent: "error", key: "check.blocked", params: { errors } },
      });
      return "blocked";
    });
  }

  /** Kör / Uppdatera: the whole refresh (also what the ribbon button runs). */
  refresh(): Promise<RefreshResult> {
    return this.exclusive("refresh", async () => {
      const outcome = await this.port.refresh({ onProgress: this.onProgress });
      const at = new Date();
      if (outcome.ok) {
        const warnings = outcome.result.problems.filter((p) => p.severity === "warning").length;
        this.set({
          lastRun: { result: outcome.result, previous: outcome.previous, sheets: outcome.sheets, at, ...(outcome.monthly ? { monthly: outcome.monthly } : {}) },
          validationOpen: outcome.validationOpen ?? null,
          result: outcome.result,
          resultAt: at,
          problems: outcome.result.problems,
          problemsFrom: "refresh",
          problemsAt: at,
          found: outcome.found,
          notice: { intent: "success", key: warnings ? "run.doneWithWarnings" : "run.done", params: { warnings } },
        });
        return "done";
      }
      const errors = outcome.problems.filter((p) => p.severity === "error").length;
      this.set({
        problems: outcome.problems,
        problemsFrom: "refresh",
        problemsAt: at,
        found: outcome.found,
        notice: { intent: "error", key: "run.blocked", params: { errors } },
      });
      return "blocked";
    });
  }

  /** Exempeldata: writes the sample municipality into an empty workbook. */
  writeSample(): Promise<RefreshResult> {
    return this.exclusive("sample", async () => {
      const outcome = await this.port.writeSampleData({ onProgress: this.onProgress });
      if (!outcome.ok) {
        this.set({ notice: { intent: "warning", key: "sample.refused", params: { tables: outcome.existing.join(", ") } } });
        return "blocked";
      }
      this.set({
        notice: { intent: "success", key: "sample.written", params: { count: outcome.sheets.length } },
        workbookVersion: this.state.workbookVersion + 1,
        problems: null,
        problemsFrom: null,
        found: null,
      });
      return "done";
    });
  }

  private exclusive(kind: Busy, work: () => Promise<RefreshResult>): Promise<RefreshResult> {
    // The same operation twice (the ribbon while the pane runs) joins the running one.
    if (this.state.busy) return this.state.busy === kind && this.inflight ? this.inflight : Promise.resolve("busy");
    this.set({ busy: kind, progress: null, cancelRequested: false, notice: null });
    const attempt = work().then(
      (r) => r,
      (error: unknown): RefreshResult => {
        if (isCancelled(error)) {
          this.set({ notice: { intent: "info", key: "op.cancelled" } });
          return "cancelled";
        }
        this.set({ notice: { intent: "error", key: kind === "sample" ? "sample.failed" : "op.failed", detail: errorDetail(error) } });
        return "failed";
      },
    );
    this.inflight = attempt.finally(() => {
      this.inflight = null;
      this.set({ busy: null, progress: null, cancelRequested: false });
    });
    return this.inflight;
  }
}

export const RunControllerContext = React.createContext<RunController | null>(null);

export function useRunController(): RunController {
  const controller = React.useContext(RunControllerContext);
  if (!controller) throw new Error("RunController saknas: rendera panelen inuti <RunControllerContext.Provider>.");
  return controller;
}

export function useRunState(): RunState {
  const controller = useRunController();
  return React.useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}
