/**
 * Ribbon commands. The manifest's "Uppdatera KPB" button (ExecuteFunction) calls the action id
 * `refreshKpb` (the registered name; its handler here is `refreshFromRibbon`); the FunctionFile is
 * the task pane page, so this module is part of the task pane bundle and shares the refresh
 * registry with the pane.
 */
import { runRefresh } from "../shared/refresh-registry";

export const REFRESH_ACTION_ID = "refreshKpb";

/** The part of `Office.AddinCommands.Event` a command needs. */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** The part of the `Office` namespace the commands use (injectable for tests). */
export interface CommandsHost {
  actions: { associate(actionId: string, actionFunction: (event: CommandEvent) => void): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

function officeHost(): CommandsHost | undefined {
  return typeof Office !== "undefined" ? (Office as unknown as CommandsHost) : undefined;
}

/**
 * "Uppdatera KPB": runs the registered refresh without showing the pane. If nothing has registered
 * a refresh yet, it opens the pane instead so that the click is not silently lost. Always calls
 * `event.completed()`, also when the refresh fails (otherwise Office keeps the button busy).
 */
export async function refreshFromRibbon(event: CommandEvent, host: CommandsHost | undefined = officeHost()): Promise<void> {
  try {
    const outcome = await runRefresh();
    if (outcome.status === "failed") {
      console.error("KPB: uppdateringen misslyckades", outcome.error);
    } else if (outcome.status === "no-handler") {
      await host?.addin?.showAsTaskpane();
    }
  } catch (error) {
    console.error("KPB: kommandot refreshKpb misslyckades", error);
  } finally {
    event.completed();
  }
}

/** Associates every ribbon action id in the manifest with its handler. */
export function registerCommands(host: CommandsHost | undefined = officeHost()): boolean {
  if (!host?.actions) return false;
  host.actions.associate(REFRESH_ACTION_ID, (event) => {
    void refreshFromRibbon(event, host);
  });
  return true;
}

// Register when loaded into an Office page (office.js is loaded before the bundle); importing the
// module elsewhere (tests, tools) registers nothing.
registerCommands();
