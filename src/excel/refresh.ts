import type { Problem, KpbResult } from "../engine/model";
import { resultSheets } from "../engine/result-sheets";
import { runKpb } from "../engine/run";
import type { SettingsOverrides } from "../engine/settings";
import type { CancelToken, ExcelRun, ProgressListener } from "./excel-run";
import { findTables, readTables, type FoundTable } from "./read-tables";
import { loadState, saveState } from "./workbook-settings";
import { writeResultSheets } from "./write-results";

export type RefreshOutcome =
  | { ok: true; result: KpbResult; found: FoundTable[]; syncs: number; previous?: Record<string, string> }
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
  const state = await loadState(run);
  options.onProgress?.({ phase: "söker", done: 0, total: 1, detail: "letar efter tabellerna" });
  const found = await findTables(run, state.mapping);
  const input = await readTables(run, found, { mapping: state.mapping, onProgress: options.onProgress, cancel: options.cancel });
  const overrides = { ...(state.overrides as SettingsOverrides), ...options.overrides };
  const outcome = runKpb(input, { overrides, pseudonymSecret: state.pseudonymSecret });
  if (!outcome.ok) return { ok: false, problems: outcome.problems, found };
  const report = await writeResultSheets(run, resultSheets(outcome.result, outcome.result.benchmark), {
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
  return { ok: true, result: outcome.result, found, syncs: report.syncs, previous };
}
