/**
 * The task pane's `KpbPort` over the Excel layer (src/excel). Nothing here touches `Excel.*`
 * itself; everything goes through an `ExcelRun` (Excel.run in the add-in, the fake in tests).
 */
import { writeBenchmarkRows } from "../excel/benchmark-table";
import type { CancelToken, ExcelRun } from "../excel/excel-run";
import { officeExcelRun } from "../excel/excel-run";
import { activateSheet, getActiveCell, getSelectedRange, listWorkbookObjects, readSourcePreview } from "../excel/pane-queries";
import { findTables } from "../excel/read-tables";
import { checkKpb, refreshKpb } from "../excel/refresh";
import { missingRequirements, MissingRequirementsError, requirementsMessage, type RequiredSet } from "../excel/requirements";
import { writeSampleData } from "../excel/sample-data";
import { writeImportedTable } from "../excel/import-table";
import { loadState, saveState, selectCell } from "../excel/workbook-settings";
import { exportSecret, importSecret } from "../shared/secret-store";
import type { KpbPort, PaneOverrides } from "./port";

/**
 * A successful refresh also publishes its result to the `KPB.*` worksheet functions' store
 * (src/shared/kpb-store.ts; `refreshKpb` does that itself). When this Excel lacks a required API
 * set, every operation that reads or writes the workbook's tables stops before it starts, with
 * the Swedish message the pane also shows (instead of failing half-way through a refresh).
 */
export function createOfficePort(
  run: ExcelRun = officeExcelRun,
  options: { missing?: () => RequiredSet[] } = {},
): KpbPort {
  let current: CancelToken | null = null;
  const missing = options.missing ?? (() => missingRequirements());
  const requireSupport = (): void => {
    const message = requirementsMessage(missing());
    if (message) throw new MissingRequirementsError(message);
  };
  const begin = (): CancelToken => {
    requireSupport();
    current = { cancelled: false };
    return current;
  };

  return {
    async loadState() {
      const state = await loadState(run);
      return { mapping: state.mapping, overrides: state.overrides as PaneOverrides, lastRun: state.lastRun };
    },
    async saveMapping(mapping) {
      const state = await loadState(run);
      await saveState(run, { ...state, mapping });
    },
    async saveOverrides(overrides) {
      const state = await loadState(run);
      await saveState(run, { ...state, overrides: { ...overrides } });
    },
    findTables: (mapping) => findTables(run, mapping),
    listWorkbookObjects: () => listWorkbookObjects(run),
    getSelection: () => getSelectedRange(run),
    readPreview: (source, maxRows) => readSourcePreview(run, source, maxRows),
    check: async (opts = {}) => checkKpb(run, { onProgress: opts.onProgress, cancel: begin() }),
    refresh: async (opts = {}) => refreshKpb(run, { onProgress: opts.onProgress, cancel: begin() }),
    cancel() {
      if (current) current.cancelled = true;
    },
    selectCell: (sheet, address) => selectCell(run, sheet, address),
    activateSheet: (sheet) => activateSheet(run, sheet),
    readActiveCell: () => getActiveCell(run),
    writeSampleData: async (opts = {}) => writeSampleData(run, { onProgress: opts.onProgress, cancel: begin() }),
    exportSecret: () => exportSecret(),
    importSecret: (text) => importSecret(text),
    async importTable(table, rows, opts = {}) {
      // The secret is saved first, so the pseudonyms written now are the ones later runs give.
      const state = await loadState(run);
      await saveState(run, state);
      return writeImportedTable(run, table, rows, { secret: state.pseudonymSecret, onProgress: opts.onProgress, cancel: begin() });
    },
    async writeBenchmarkRows(rows, options) {
      requireSupport();
      const { mapping } = await loadState(run);
      return writeBenchmarkRows(run, rows, { replaceSource: options.replaceSource, mapping });
    },
  };
}
