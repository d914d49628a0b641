import { ensureSecret, secretStore, type SecretStore } from "../shared/secret-store";
import type { ExcelRun } from "./excel-run";
import type { WorkbookMapping } from "./table-sources";

/**
 * What the add-in remembers inside the workbook (so the next refresh needs no questions and
 * travels with the file): the table mapping, the settings the user chose in the pane and a summary
 * of the last run. The secret behind client pseudonyms is NOT in the workbook: it comes from the
 * add-in's storage on this computer (src/shared/secret-store.ts) and is never written to the file.
 */
export interface StoredState {
  mapping: WorkbookMapping;
  overrides: Record<string, unknown>;
  /** From the add-in's storage, not from the workbook; saveState never writes it. */
  pseudonymSecret: string;
  lastRun?: { at: string; keyFigures: Record<string, string> };
}

const KEY = "KPB.state";

/**
 * The workbook's state and this computer's pseudonym secret. A workbook saved by an earlier version
 * may still hold a secret: when this computer has none yet, it is adopted (so the workbook's
 * pseudonyms stay the same); either way the next saveState removes it from the file.
 */
export async function loadState(run: ExcelRun, secrets: SecretStore = secretStore()): Promise<StoredState> {
  const stored = await run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(KEY);
    item.load("value");
    await context.sync();
    return item.isNullObject ? {} : (typeof item.value === "string" ? JSON.parse(item.value) : item.value) ?? {};
  });
  const legacy = typeof stored.pseudonymSecret === "string" && stored.pseudonymSecret ? (stored.pseudonymSecret as string) : null;
  if (legacy && !(await secrets.get())) await secrets.set(legacy);
  return {
    mapping: stored.mapping ?? {},
    overrides: stored.overrides ?? {},
    pseudonymSecret: await ensureSecret(secrets),
    lastRun: stored.lastRun,
  };
}

/** Saves the state in the workbook, without the pseudonym secret (an old copy of it is dropped). */
export async function saveState(run: ExcelRun, state: StoredState): Promise<void> {
  const { pseudonymSecret, ...inFile } = state;
  void pseudonymSecret;
  await run(async (context) => {
    context.workbook.settings.add(KEY, JSON.stringify(inFile));
    await context.sync();
  });
}

/** "Visa": select the cell a problem or an explanation points at. */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
