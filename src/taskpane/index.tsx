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
import { App } from "./components/App";
import { initLanguage } from "./i18n";

Office.onReady(() => {
  const language = initLanguage();
  document.documentElement.lang = language === "en" ? "en" : "sv";
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
