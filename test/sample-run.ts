/**
 * The Exempelby sample run as most tests need it: the sample's tables as the engine's input, and
 * the engine's result (a blocked run is a test failure that says why).
 */
import type { KpbResult, RunOptions, SettingsOverrides, TableName, WorkbookInput } from "../src/engine";
import { runKpb } from "../src/engine";
import { exempelbyTables, type SampleTables } from "../src/sample/exempelby";

export function sampleInput(tables: SampleTables = exempelbyTables()): WorkbookInput {
  const input: WorkbookInput = {};
  for (const [name, rows] of Object.entries(tables)) input[name as TableName] = { rows, sheet: name };
  return input;
}

export function runSample(options: { tables?: SampleTables; secret?: string; overrides?: SettingsOverrides } = {}): KpbResult {
  const run: RunOptions = { pseudonymSecret: options.secret ?? "sample-secret", ...(options.overrides ? { overrides: options.overrides } : {}) };
  const outcome = runKpb(sampleInput(options.tables), run);
  if (!outcome.ok) throw new Error(`sample run blocked: ${outcome.problems.map((p) => p.message).join("; ")}`);
  return outcome.result;
}
