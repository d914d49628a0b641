import {
  parseHistoryRows,
  parseValidationSheet,
  renderMessage,
  monthlySeries,
  runKpb,
  withProblemsFirst,
  VALIDATION_SHEET,
  type HistoryRow,
  type KpbResult,
  type MonthlySeries,
  type Problem,
  type SettingsOverrides,
  type ValidationNote,
} from "../engine";
import { resultSheets, validationPackOf } from "../layouts";
import { excelMessage } from "./messages";
import { uiLanguage } from "../shared/ui-language";
import { publish, type KpbLoadOutcome } from "../shared/kpb-store";
import type { CancelToken, ExcelRun, ProgressListener } from "./excel-run";
import { listResultSheets } from "./pane-queries";
import { locateWorkbookTables, readTables, type FoundTable } from "./read-tables";
import { loadState, saveState } from "./workbook-settings";
import { writeResultSheets } from "./write-results";

/** Problems that blocked the engine: nothing was written, and the tables that were found. */
export interface BlockedRun {
  ok: false;
  problems: readonly Problem[];
  found: FoundTable[];
}

/** A validation (read + engine, nothing written). */
export type CheckOutcome =
  | { ok: true; result: KpbResult; problems: readonly Problem[]; found: FoundTable[]; validationOpen?: number }
  | BlockedRun;

/** A refresh (read + engine + write the `KPB …` sheets). */
export type RefreshOutcome =
  | {
      ok: true;
      result: KpbResult;
      found: FoundTable[];
      /** The key figures of the run before, by id (the pane shows what changed since). */
      previous?: Record<string, string>;
      /** The `KPB …` sheets in the workbook after the write, in tab order. */
      sheets: string[];
      /** Write requests sent to Excel. */
      syncs: number;
      validationOpen: number;
      /** The monthly follow-up's series when the run is a window (`Uppföljning till`). */
      monthly?: MonthlySeries;
    }
  | BlockedRun;

/** How a check or refresh runs: the settings changed for this run, progress, and a way to cancel. */
export interface ReadAndRunOptions {
  overrides?: SettingsOverrides;
  onProgress?: ProgressListener;
  cancel?: CancelToken;
}

/**
 * The before-meeting button: find and read the inputs, run the engine, write the `KPB …`
 * sheets. Blocking data problems stop it before anything is written; a failed write leaves the
 * previous results in place.
 */
export async function refreshKpb(run: ExcelRun, options: ReadAndRunOptions = {}): Promise<RefreshOutcome> {
  const { state, found, overrides, outcome, input, runOptions } = await readAndRun(run, options);
  if (!outcome.ok) return { ok: false, problems: outcome.problems, found };
  const history = await readHistory(run);
  // The users' notes on KPB Validering are read before anything is written, so they survive.
  const validation = await readValidationNotes(run);
  // A follow-up (Uppföljning till) gets KPB Månad, as on the command line: the same calculation
  // per month and per rolling twelve months ending at each month of the window.
  const period = outcome.result.settings.period;
  const monthly = period ? monthlySeries(input, period, runOptions) : undefined;
  const sheetOptions = { history, validation, runTime: new Date(), ...(monthly ? { monthly } : {}) };
  const layouts = resultSheets(outcome.result, outcome.result.benchmark, sheetOptions);
  const validationOpen = validationPackOf(outcome.result, outcome.result.benchmark, sheetOptions).open;
  const report = await writeResultSheets(run, layouts, {
    onProgress: options.onProgress,
    cancel: options.cancel,
  });
  const previous = state.lastRun?.keyFigures;
  await saveState(run, {
    ...state,
    overrides,
    lastRun: {
      at: new Date().toISOString(),
      keyFigures: Object.fromEntries(outcome.result.keyFigures.map((f) => [f.id, f.value])),
    },
  });
  // The KPB.* worksheet functions show this run from now on (and update in place).
  // With the inputs, so that a function's period argument can run another window of them.
  publish(outcome.result, { pseudonymSecret: state.pseudonymSecret, source: { input, options: runOptions } });
  // Listing the sheets is only for the pane's summary: a failed read must not fail a written refresh.
  const sheets = await listResultSheets(run).catch(() => [] as string[]);
  return { ok: true, result: outcome.result, found, previous, sheets, syncs: report.syncs, validationOpen, ...(monthly ? { monthly } : {}) };
}

/**
 * Kontroll: find and read the inputs with the saved mapping and run the engine, without writing
 * anything. The same inputs and settings as a refresh, so the problems are the ones a refresh would meet.
 */
export async function checkKpb(run: ExcelRun, options: ReadAndRunOptions = {}): Promise<CheckOutcome> {
  const { found, outcome } = await readAndRun(run, options);
  if (!outcome.ok) return { ok: false, problems: outcome.problems, found };
  // The notes users have written since the last refresh count: approved rows are no longer open.
  const validationOpen = await openValidationRows(run, outcome.result);
  return { ok: true, result: outcome.result, problems: outcome.result.problems, found, ...(validationOpen === null ? {} : { validationOpen }) };
}

/** Find, read and run: the part of a refresh, a check and the worksheet functions that only reads the workbook. */
async function readAndRun(run: ExcelRun, options: ReadAndRunOptions) {
  const state = await loadState(run);
  options.onProgress?.({ phase: "söker", done: 0, total: 1, detail: excelMessage("findingTables") });
  const located = await locateWorkbookTables(run, state.mapping);
  const found = located.found;
  const input = await readTables(run, found, { mapping: state.mapping, onProgress: options.onProgress, cancel: options.cancel });
  const overrides = { ...(state.overrides as SettingsOverrides), ...options.overrides };
  const runOptions = { overrides, pseudonymSecret: state.pseudonymSecret };
  // How the tables were found (an ambiguous or vanished source) belongs to the run's problems; a
  // missing table the engine reports itself.
  const outcome = withProblemsFirst(runKpb(input, runOptions), located.problems.filter((p) => p.code !== "tableMissing"));
  return { state, found, overrides, outcome, input, runOptions };
}

/**
 * The KPB result of the workbook's current inputs without writing anything (no result sheets, no
 * settings): what the worksheet functions use when they are calculated before anyone has run KPB.
 * The pseudonym secret is this computer's (src/shared/secret-store.ts), the same a refresh uses.
 */
export async function computeFromWorkbook(run: ExcelRun): Promise<KpbLoadOutcome> {
  const { state, outcome, input, runOptions } = await readAndRun(run, {});
  if (outcome.ok) return { ok: true, result: outcome.result, pseudonymSecret: state.pseudonymSecret, source: { input, options: runOptions } };
  const errors = outcome.problems.filter((p) => p.severity === "error");
  const first = errors[0] ?? outcome.problems[0];
  if (!first) return { ok: false, message: excelMessage("runFailedWithoutProblem") };
  // The problem in the language the user reads Excel in, as the pane shows it.
  const text = renderMessage(first.code, first.params, uiLanguage());
  return { ok: false, message: excelMessage("runFailed", { first: text, moreErrors: Math.max(0, errors.length - 1) }) };
}

/** The rows already in `KPB Historik`, so a refresh adds this year's figures and keeps the others. */
export async function readHistory(run: ExcelRun): Promise<HistoryRow[]> {
  return run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject("KPB_Historik");
    await context.sync();
    if (table.isNullObject) return [];
    const range = table.getRange().load("values");
    await context.sync();
    return parseHistoryRows(range.values);
  });
}

/** What users wrote on `KPB Validering` (both blocks), so a refresh keeps it. */
export async function readValidationNotes(run: ExcelRun): Promise<ValidationNote[]> {
  return (await readValidationSheet(run)) ?? [];
}

/** The notes on `KPB Validering`, or null when the workbook has no such sheet yet. */
export async function readValidationSheet(run: ExcelRun): Promise<ValidationNote[] | null> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(VALIDATION_SHEET);
    await context.sync();
    if (sheet.isNullObject) return null;
    const used = sheet.getUsedRangeOrNullObject(true).load("values");
    await context.sync();
    return used.isNullObject ? [] : parseValidationSheet(used.values);
  });
}

/**
 * The open rows KPB Validering would have after a refresh now: this run's flags against the notes
 * already on the sheet. Null when there is no sheet yet (nothing to count against).
 */
export async function openValidationRows(run: ExcelRun, result: KpbResult): Promise<number | null> {
  const notes = await readValidationSheet(run);
  if (notes === null) return null;
  return validationPackOf(result, result.benchmark, { history: await readHistory(run), validation: notes }).open;
}
