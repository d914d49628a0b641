/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { missingRequirements, requirementsMessage } from "../../src/excel/requirements";
import { App } from "../../src/taskpane/components/App";
import { setLanguage } from "../../src/taskpane/i18n";
import type { KpbPort } from "../../src/taskpane/port";
import { stubPort } from "./stub-port";

describe("the pane on an Excel that lacks a required API set", () => {
  function renderWith(message: string | null) {
    setLanguage("sv");
    const port = stubPort();
    render(
      <FluentProvider theme={webLightTheme}>
        <App port={port as unknown as KpbPort} requirementsMessage={message} />
      </FluentProvider>,
    );
    return port;
  }

  it("says in Swedish what is missing, above the tabs", async () => {
    const message = requirementsMessage(missingRequirements((name) => name !== "ExcelApi"));
    renderWith(message);
    const alert = await screen.findByTestId("kpb-requirements");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toContain("Den här Excel-versionen saknar stöd som KPB behöver: ExcelApi 1.9");
  });

  it("shows nothing when every set is there", async () => {
    renderWith(null);
    await screen.findByRole("tablist");
    expect(screen.queryByTestId("kpb-requirements")).toBeNull();
  });
});
