import type { ExcelRun } from "./excel-run";
import type { WorkbookMapping } from "./table-sources";

/**
 * What the add-in remembers inside the workbook (so the next refresh needs no questions and
 * travels with the file): the table mapping, the settings the user chose in the pane, the secret
 * behind client pseudonyms, and a summary of the last run.
 */
export interface StoredState {
  mapping: WorkbookMapping;
  overrides: Record<string, unknown>;
  pseudonymSecret: string;
  lastRun?: { at: string; keyFigures: Record<string, string> };
}

const KEY = "KPB.state";

function newSecret(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function loadState(run: ExcelRun): Promise<StoredState> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(KEY);
    item.load("value");
    await context.sync();
    const stored = item.isNullObject ? {} : (typeof item.value === "string" ? JSON.parse(item.value) : item.value) ?? {};
    return {
      mapping: stored.mapping ?? {},
      overrides: stored.overrides ?? {},
      pseudonymSecret: stored.pseudonymSecret ?? newSecret(),
      lastRun: stored.lastRun,
    };
  });
}

export async function saveState(run: ExcelRun, state: StoredState): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(KEY, JSON.stringify(state));
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
