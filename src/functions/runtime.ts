/**
 * Wiring of the worksheet functions into the add-in's shared runtime: the store's loader, which
 * computes from the workbook without writing when a function needs a result before anyone has run
 * KPB. Called once from functions.ts; touches Excel only when the loader runs, never at import time.
 * (The refresh itself is the pane's and the ribbon's: src/excel/refresh.ts publishes its result.)
 */
import { officeExcelRun, type ExcelRun } from "../excel/excel-run";
import { computeFromWorkbook } from "../excel/refresh";
import { functionMessage } from "./messages";
import { setResultLoader, type KpbLoadOutcome } from "../shared/kpb-store";

/** Lets `ensureResult()` compute from the workbook's input tables (reads only). */
export function installWorkbookLoader(run: ExcelRun = officeExcelRun): void {
  setResultLoader(async (): Promise<KpbLoadOutcome> => {
    if (run === officeExcelRun && typeof Excel === "undefined") {
      return { ok: false, message: functionMessage("excelUnavailable") };
    }
    return computeFromWorkbook(run);
  });
}
