import type { Problem, KpbResult } from "../engine/model";
import { excelMessage } from "./messages";
import { renderMessage } from "../engine/messages";
import { uiLanguage } from "../shared/ui-language";
import { resultSheets, validationPackOf } from "../engine/result-sheets";
import { parseValidationSheet, VALIDATION_SHEET, type ValidationNote } from "../engine/analyses/validation-pack";
import { parseHistoryRows, type HistoryRow } from "../engine/benchmark/history";
import { runKpb } from "../engine/run";
import type { SettingsOverrides } from "../engine/settings";
import { publish, type KpbLoadOutcome } from "../shared/kpb-store";
import type { CancelToken, ExcelRun, ProgressListener } from "./excel-run";
import { findTables, readTables, type FoundTable } from "./read-tables";
import { loadState, saveState } from "./workbook-settings";
import { writeResultSheets } from "./write-results";

export type RefreshOutcome =
  | { ok: true; result: KpbResult; found: FoundTable[]; syncs: number; previous?: Record<string, string>; validationOpen: number }
  | { ok: false; problems: Problem[]; found: FoundTable[] };

/**
 * The before-meeting button: find and read the inputs, run the engine, write the `KPB …`
 * sheets. Blocking data problems stop it before anything is written; a failed write leaves the
 * previous results in place.
 */
export async function refreshKpb(
  run: ExcelRun,
  options: { overrides?: SettingsOverrides; onProgress?: ProgressListener; cancel?: CancelToken } = {},
): Promise<RefreshOutcome> {
  const { state, found, overrides, outcome } = await readAndRun(run, options);
  if (!outcome.ok) return { ok: false, problems: outcome.problems, found };
  const history = await readHistory(run);
  // The users' notes on KPB Validering are read before anything is written, so they survive.
  const validation = await readValidationNotes(run);
  const sheetOptions = { history, validation, runTime: new Date() };
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
  publish(outcome.result, { pseudonymSecret: state.pseudonymSecret });
  return { ok: true, result: outcome.result, found, syncs: report.syncs, previous, validationOpen };
}

/** Find, read and run: the part of a refresh that only reads the workbook. */
async function readAndRun(
  run: ExcelRun,
  options: { overrides?: SettingsOverrides; onProgress?: ProgressListener; cancel?: CancelToken },
) {
  const state = await loadState(run);
  options.onProgress?.({ phase: "söker", done: 0, total: 1, detail: excelMessage("findingTables") });
  const found = await findTables(run, state.mapping);
  const input = await readTables(run, found, { mapping: state.mapping, onProgress: options.onProgress, cancel: options.cancel });
  const overrides = { ...(state.overrides as SettingsOverrides), ...options.overrides };
  const outcome = runKpb(input, { overrides, pseudonymSecret: state.pseudonymSecret });
  return { state, found, overrides, outcome };
}

/**
 * The KPB result of the workbook's current inputs without writing anything (no result sheets, no
 * settings): what the worksheet functions use when they are calculated before anyone has run KPB.
 * The pseudonym secret is this computer's (src/shared/secret-store.ts), the same a refresh uses.
 */
export async function computeFromWorkbook(run: ExcelRun): Promise<KpbLoadOutcome> {
  const { state, outcome } = await readAndRun(run, {});
  if (outcome.ok) return { ok: true, result: outcome.result, pseudonymSecret: state.pseudonymSecret };
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
