/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderMessage } from "../../src/engine/messages";
import type { Problem } from "../../src/engine/model";
import { getLanguage, initLanguage, setLanguage } from "../../src/taskpane/i18n";
import { renderPane, sampleResult, stubPort } from "./stub-port";

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00a0/g, " ");

afterEach(() => setLanguage("sv"));

describe("language", () => {
  it("defaults from Office's display language", () => {
    expect(initLanguage("en-GB")).toBe("en");
    expect(initLanguage("sv-SE")).toBe("sv");
    expect(initLanguage("fi-FI")).toBe("sv");
  });

  it("switches the whole pane to English, saves the choice, and renders engine messages in English", async () => {
    const problem: Problem = {
      table: "Ekonomi",
      row: 17,
      column: "Belopp",
      severity: "error",
      code: "notANumber",
      params: { expected: "ett belopp", value: "abc" },
      message: renderMessage("notANumber", { expected: "ett belopp", value: "abc" }, "sv"),
      sheet: "Ekonomi",
      cell: "E17",
    };
    const port = stubPort({ check: jest.fn().mockResolvedValue({ ok: false, problems: [problem], found: [] }) });
    renderPane(port, { initialTab: "settings" });
    expect(await screen.findByRole("tab", { name: "Inställningar" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Språk"), { target: { value: "en" } });

    expect(await screen.findByRole("tab", { name: "Settings" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("KPB – Cost per client");
    expect(screen.getByRole("tab", { name: "Source data" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(getLanguage()).toBe("en");
    await waitFor(() => expect(port.saveOverrides).toHaveBeenCalledWith({ language: "en" }));

    fireEvent.click(screen.getByRole("tab", { name: "Checks" }));
    fireEvent.click(await screen.findByRole("button", { name: "Check the data" }));
    const group = await screen.findByTestId("problem-group-Ekonomi");
    expect(text(group)).toContain('"abc" is not an amount in kronor. Write a number');
    expect(text(group)).toContain("Ekonomi (Ledger)");
    expect(within(group).getByRole("button", { name: "Show Ekonomi!E17 in the workbook" })).toBeTruthy();
  });

  it("opens in the language saved in the workbook", async () => {
    const port = stubPort({ loadState: jest.fn().mockResolvedValue({ mapping: {}, overrides: { language: "en" } }) });
    renderPane(port);
    expect(await screen.findByRole("tab", { name: "Run" })).toBeTruthy();
  });
});

describe("Inställningar", () => {
  it("saves year, municipality, outlier limits, hour bands, method and home-care hours as overrides in the workbook", async () => {
    const port = stubPort();
    renderPane(port, { initialTab: "settings" });
    fireEvent.change(await screen.findByLabelText("År"), { target: { value: "2025" } });
    fireEvent.change(screen.getByLabelText("Kommun"), { target: { value: "Aneby" } });
    fireEvent.change(screen.getByLabelText("Kommunkod"), { target: { value: "604" } });
    fireEvent.change(screen.getByLabelText("LSS"), { target: { value: "1 200 000" } });
    fireEvent.change(screen.getByLabelText(/Timintervall/), { target: { value: "0;10;20;40" } });
    fireEvent.click(screen.getByLabelText(/^Reciprok/));
    fireEvent.click(screen.getByLabelText(/^Utförd tid/));
    fireEvent.click(screen.getByRole("button", { name: "Spara inställningar" }));
    await waitFor(() =>
      expect(port.saveOverrides).toHaveBeenCalledWith({
        year: 2025,
        municipality: "Aneby",
        municipalityCode: "0604",
        outlierLimitsKr: { LSS: 1200000 },
        hourBands: [0, 10, 20, 40],
        allocationMethod: "reciprok",
        homeCareHours: "utförd",
      }),
    );
    expect(await screen.findByText(/Inställningarna är sparade i arbetsboken/)).toBeTruthy();
  });

  it("marks bad values and saves nothing", async () => {
    const port = stubPort();
    renderPane(port, { initialTab: "settings" });
    fireEvent.change(await screen.findByLabelText("År"), { target: { value: "24" } });
    fireEvent.change(screen.getByLabelText(/Timintervall/), { target: { value: "0;24;12" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara inställningar" }));
    expect(await screen.findByText("Skriv ett år mellan 1990 och 2200.")).toBeTruthy();
    expect(screen.getByText("Skriv stigande gränser med semikolon, t.ex. 0;12;24;48.")).toBeTruthy();
    expect(screen.getAllByRole("alert").map((a) => a.textContent)).toContain("Rätta de markerade fälten innan du sparar.");
    expect(port.saveOverrides).not.toHaveBeenCalled();
  });

  it("shows the saved overrides, and the last run's values as placeholders", async () => {
    const port = stubPort({
      loadState: jest.fn().mockResolvedValue({ mapping: {}, overrides: { year: 2023, allocationMethod: "stegvis" } }),
      check: jest.fn().mockResolvedValue({ ok: true, result: sampleResult(), problems: [], found: [] }),
    });
    renderPane(port, { initialTab: "checks" });
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera data" }));
    await screen.findByText(/Kontrollen är klar/);
    fireEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
    expect((await screen.findByLabelText<HTMLInputElement>("År")).value).toBe("2023");
    expect(screen.getByLabelText<HTMLInputElement>("Kommun").placeholder).toBe("Exempelby");
    expect(screen.getByLabelText<HTMLInputElement>("ÄO ordinärt boende").placeholder.replace(/\u00a0/g, " ")).toBe("600 000");
    expect(screen.getByLabelText<HTMLInputElement>(/^Stegvis/).checked).toBe(true);
  });
});
