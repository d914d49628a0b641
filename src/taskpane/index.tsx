/**
 * Task pane entry and the only webpack entry of the add-in. It also imports the worksheet functions
 * and the ribbon commands, so the pane, the commands and `KPB.*` share one module instance of
 * everything (shared runtime: the manifest points the functions page and the FunctionFile at
 * taskpane.html). Modules that add functions or commands must be reachable from here.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import "../functions/functions";
import "../commands/commands";
import { missingRequirements, requirementsMessage } from "../excel/requirements";
import { officeDocumentSettings, refreshFunctionsCacheOnNewRelease } from "../shared/functions-cache";
import { setRefreshHandler } from "../shared/refresh-registry";
import { App } from "./components/App";
import { initLanguage } from "./i18n";
import { createOfficePort } from "./office-port";
import { RunController } from "./run-controller";

/** Shows the pane (when Office can), so a ribbon refresh that needs the user's attention is not silent. */
async function showPane(): Promise<void> {
  try {
    await Office.addin?.showAsTaskpane?.();
  } catch {
    // Not available (older hosts): the outcome waits in the pane until the user opens it.
  }
}

Office.onReady(() => {
  const language = initLanguage();
  document.documentElement.lang = language === "en" ? "en" : "sv";

  // What this Excel lacks (manifest <Requirements>): said in the pane, and no operation starts.
  const lacking = requirementsMessage(missingRequirements());
  // A new release: have Excel reload the functions metadata (see src/shared/functions-cache.ts).
  const settings = officeDocumentSettings();
  if (settings) {
    try {
      refreshFunctionsCacheOnNewRelease(settings);
    } catch (error) {
      console.warn("KPB: kunde inte begära ny inläsning av funktionslistan", error);
    }
  }

  // One port and one controller for the pane and the ribbon's "Uppdatera KPB": a refresh from the
  // ribbon shows its progress and outcome in the pane, and a blocked or failed one opens the pane.
  const port = createOfficePort();
  const controller = new RunController(port);
  setRefreshHandler(async () => {
    const outcome = await controller.refresh();
    if (outcome === "blocked" || outcome === "failed") await showPane();
  });

  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} controller={controller} requirementsMessage={lacking} />
    </FluentProvider>,
  );
});
