/**
 * Wiring of the worksheet functions into the add-in's shared runtime: the store's loader (compute
 * from the workbook without writing when a function needs a result before anyone has run KPB) and
 * a small diagnostics handle. Called once from functions.ts; touches Excel only when the loader or
 * the handle is used, never at import time.
 */
import { officeExcelRun, type ExcelRun } from "../excel/excel-run";
import { computeFromWorkbook, refreshKpb } from "../excel/refresh";
import { latestSnapshot, publishedVersion, setResultLoader, type KpbLoadOutcome } from "../shared/kpb-store";

/** Lets `ensureResult()` compute from the workbook's input tables (reads only). */
export function installWorkbookLoader(run: ExcelRun = officeExcelRun): void {
  setResultLoader(async (): Promise<KpbLoadOutcome> => {
    if (run === officeExcelRun && typeof Excel === "undefined") {
      return { ok: false, message: "Excel är inte tillgängligt." };
    }
    return computeFromWorkbook(run);
  });
}

/**
 * `window.__kpbDebug` in the add-in page: for support (the browser console) and the headless
 * browser tests. `refresh()` is the same refresh as the pane's button (it writes the `KPB …`
 * sheets and publishes the result to the worksheet functions).
 */
export interface KpbDebugHandle {
  refresh(): Promise<{ ok: boolean; version: number; problems?: string[] }>;
  version(): number;
  keyFigure(id: string): string | null;
}

export function installDebugHandle(run: ExcelRun = officeExcelRun): void {
  const handle: KpbDebugHandle = {
    async refresh() {
      const outcome = await refreshKpb(run);
      return outcome.ok
        ? { ok: true, version: publishedVersion() }
        : { ok: false, version: publishedVersion(), problems: outcome.problems.map((p) => p.message) };
    },
    version: () => publishedVersion(),
    keyFigure: (id) => latestSnapshot()?.result.keyFigures.find((f) => f.id === id)?.value ?? null,
  };
  (globalThis as { __kpbDebug?: KpbDebugHandle }).__kpbDebug = handle;
}
