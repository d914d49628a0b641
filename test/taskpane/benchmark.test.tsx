/** @jest-environment jsdom */
/**
 * Jämförelse › Hämta från Kolada, with the port stubbed and Kolada answered from recorded-shape
 * fixtures: a fetch writes the rows and shows what came back per KPI; offline or a bad code shows
 * a message and writes nothing; only KPI ids, municipality codes and years leave the pane.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { FetchLike } from "../../src/benchmark/kolada";
import { App } from "../../src/taskpane/components/App";
import { setLanguage } from "../../src/taskpane/i18n";
import { defaultYears, parsePeers, parseYears } from "../../src/taskpane/kolada-benchmark";
import { KoladaFetchContext } from "../../src/taskpane/kolada-benchmark";
import type { KpbPort, PaneState } from "../../src/taskpane/port";
import { RunController } from "../../src/taskpane/run-controller";
import { offlineKolada, recordedKolada } from "../benchmark/kolada-answers";
import { stubPort, type StubPort } from "./stub-port";

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00a0/g, " ");

const STATE: PaneState = { mapping: {}, overrides: { municipalityCode: "0604", year: 2024 } };

function renderBenchmark(port: StubPort, fetch: FetchLike | null, language: "sv" | "en" = "sv") {
  setLanguage(language);
  const controller = new RunController(port as unknown as KpbPort);
  return render(
    <FluentProvider theme={webLightTheme}>
      <KoladaFetchContext.Provider value={fetch}>
        <App port={port as unknown as KpbPort} controller={controller} initialTab="benchmark" />
      </KoladaFetchContext.Provider>
    </FluentProvider>,
  );
}

const input = (label: RegExp) => screen.getByRole("textbox", { name: label }) as HTMLInputElement;

describe("Jämförelse: Hämta från Kolada", () => {
  it("prefills the municipality code and years from the settings", async () => {
    const port = stubPort({ loadState: jest.fn().mockResolvedValue(STATE) });
    renderBenchmark(port, recordedKolada().fetch);
    await screen.findByRole("heading", { name: "Jämförelse från Kolada" });
    expect(input(/^Kommunkod/).value).toBe("0604");
    expect(input(/^År/).value).toBe("2022, 2023, 2024");
    expect(text(screen.getByTestId("benchmark-privacy"))).toBe(
      "Till Kolada (api.kolada.se) skickas bara nyckeltalens id, kommunkoder och år. Inga uppgifter ur arbetsboken lämnar datorn.",
    );
  });

  it("fetches the KPB KPIs, writes the rows with writeBenchmarkRows and shows what came back", async () => {
    const port = stubPort({
      loadState: jest.fn().mockResolvedValue(STATE),
      writeBenchmarkRows: jest.fn().mockResolvedValue({ ok: true, sheet: "Jämförelse", table: "Jämförelse", created: true, added: 7, replaced: 0 }),
    });
    const kolada = recordedKolada();
    renderBenchmark(port, kolada.fetch);
    await screen.findByRole("heading", { name: "Jämförelse från Kolada" });
    fireEvent.change(input(/^Jämförelsekommuner/), { target: { value: "0680; 0604" } });
    fireEvent.click(screen.getByRole("button", { name: "Hämta från Kolada" }));

    const result = await screen.findByTestId("benchmark-result");
    expect(text(result)).toContain("7 värden från Kolada finns nu i tabellen Jämförelse på bladet Jämförelse (7 nya, 0 ersatta).");
    expect(text(result)).toContain("Kör KPB igen för att se jämförelsen i KPB Översikt.");
    expect(text(result)).toContain("Bladet Jämförelse med tabellen Jämförelse skapades.");

    expect(port.writeBenchmarkRows).toHaveBeenCalledTimes(1);
    const [rows, options] = port.writeBenchmarkRows.mock.calls[0];
    expect(options).toEqual({ replaceSource: "Kolada" });
    // Totals with a value only (the suppressed SÄBO value and the deleted point are not written).
    expect(rows).toEqual([
      ["gruppbostad_egen_kr_dygn", 4211.5, "Kolada U28030", 2023, "0680 Jönköping"],
      ["hemtjanst_egen_kr_timme", 611.2, "Kolada U21003", 2022, "0604 Aneby"],
      ["hemtjanst_egen_kr_timme", 648.9, "Kolada U21003", 2023, "0604 Aneby"],
      ["hemtjanst_egen_kr_timme", 702.4, "Kolada U21003", 2024, "0604 Aneby"],
      ["hemtjanst_egen_kr_timme", 622.5, "Kolada U21003", 2023, "0680 Jönköping"],
      ["hemtjanst_egen_kr_timme", 655.1, "Kolada U21003", 2024, "0680 Jönköping"],
      ["sabo_egen_kr_dygn_inkl_hsl", 2598.3, "Kolada U23004", 2023, "0604 Aneby"],
      ["sabo_egen_kr_dygn_inkl_hsl", 2711, "Kolada U23004", 2024, "0680 Jönköping"],
    ]);

    // Per KPI: values, missing municipality-years, and the KPI Kolada no longer has.
    const summary = screen.getByTestId("benchmark-summary");
    expect(text(within(summary).getByTestId("benchmark-kpi-hemtjanst_egen_kr_timme"))).toBe(
      "Kostnad per beviljad hemtjänsttimme, egen regi (U21003)5 värden · 1 saknas",
    );
    expect(text(within(summary).getByTestId("benchmark-kpi-sabo_egen_kr_dygn_inkl_hsl"))).toContain("2 värden · 4 saknas");
    expect(text(within(summary).getByTestId("benchmark-kpi-korttid_egen_kr_dygn"))).toContain("(U21005)finns inte längre i Kolada");
    expect(text(within(summary).getByTestId("benchmark-kpi-boendestod_kr_timme"))).toContain("inga värden i Kolada");

    // Privacy: every request carries only KPI ids, municipality codes, years (and the word KPB).
    expect(kolada.calls.length).toBeGreaterThanOrEqual(3);
    for (const url of kolada.calls) {
      expect(url).toMatch(
        /^https:\/\/api\.kolada\.se\/v3\/(?:kpi\?title=KPB|data\/kpi\/[A-Z]\d{5}(?:,[A-Z]\d{5})*\/municipality\/\d{4}(?:,\d{4})*\/year\/\d{4}(?:,\d{4})*|municipality\/\d{4}(?:,\d{4})*)$/,
      );
    }
    expect(kolada.calls.some((u) => u.includes("/municipality/0604,0680/year/2022,2023,2024"))).toBe(true);

    fireEvent.click(within(result).getByRole("button", { name: "Visa tabellen" }));
    await waitFor(() => expect(port.activateSheet).toHaveBeenCalledWith("Jämförelse"));
  });

  it("offline: a clear message and nothing written", async () => {
    const port = stubPort({ loadState: jest.fn().mockResolvedValue(STATE) });
    const kolada = offlineKolada();
    renderBenchmark(port, kolada.fetch);
    await screen.findByRole("heading", { name: "Jämförelse från Kolada" });
    fireEvent.click(screen.getByRole("button", { name: "Hämta från Kolada" }));
    const error = await screen.findByTestId("benchmark-error");
    expect(text(error)).toContain("Kolada kunde inte nås. Kontrollera internetanslutningen");
    expect(text(error)).toContain("Inget skrevs i arbetsboken.");
    expect(kolada.calls).toEqual(["https://api.kolada.se/v3/kpi?title=KPB"]);
    expect(port.writeBenchmarkRows).not.toHaveBeenCalled();
  });

  it("an HTTP error from Kolada: a message with the status, nothing written", async () => {
    const port = stubPort({ loadState: jest.fn().mockResolvedValue(STATE) });
    const fetch: FetchLike = async () => ({ ok: false, status: 503, json: async () => ({}) });
    renderBenchmark(port, fetch);
    await screen.findByRole("heading", { name: "Jämförelse från Kolada" });
    fireEvent.click(screen.getByRole("button", { name: "Hämta från Kolada" }));
    expect(text(await screen.findByTestId("benchmark-error"))).toContain("Kolada svarade med ett fel (HTTP 503).");
    expect(port.writeBenchmarkRows).not.toHaveBeenCalled();
  });

  it("an invalid municipality code: a validation message, no request and nothing written", async () => {
    const port = stubPort({ loadState: jest.fn().mockResolvedValue({ mapping: {}, overrides: {} }) });
    const kolada = recordedKolada();
    renderBenchmark(port, kolada.fetch);
    await screen.findByRole("heading", { name: "Jämförelse från Kolada" });
    fireEvent.change(input(/^Kommunkod/), { target: { value: "06O4" } });
    fireEvent.change(input(/^Jämförelsekommuner/), { target: { value: "0680, Aneby" } });
    fireEvent.click(screen.getByRole("button", { name: "Hämta från Kolada" }));
    expect(await screen.findByText("Kommunkoden har fyra siffror, t.ex. 0604.")).toBeTruthy();
    expect(screen.getByText("Ogiltiga koder: Aneby. Skriv kommunkoder med fyra siffror, åtskilda med komma.")).toBeTruthy();
    expect(screen.getByText("Rätta de markerade fälten. Inget hämtades.")).toBeTruthy();
    expect(kolada.calls).toEqual([]);
    expect(port.writeBenchmarkRows).not.toHaveBeenCalled();
  });

  it("no values for the municipality: says so and writes nothing", async () => {
    const port = stubPort({ loadState: jest.fn().mockResolvedValue({ mapping: {}, overrides: { municipalityCode: "9999", year: 2024 } }) });
    renderBenchmark(port, recordedKolada().fetch);
    await screen.findByRole("heading", { name: "Jämförelse från Kolada" });
    fireEvent.click(screen.getByRole("button", { name: "Hämta från Kolada" }));
    const result = await screen.findByTestId("benchmark-result");
    expect(text(result)).toContain("Kolada har inga värden för de valda kommunerna och åren. Inget skrevs i arbetsboken.");
    expect(text(screen.getByTestId("benchmark-summary"))).toContain("Kolada känner inte till kommunkoderna: 9999.");
    expect(port.writeBenchmarkRows).not.toHaveBeenCalled();
  });

  it("a table that cannot take the rows: the reason, in English too", async () => {
    const port = stubPort({
      loadState: jest.fn().mockResolvedValue(STATE),
      writeBenchmarkRows: jest.fn().mockResolvedValue({ ok: false, reason: "missingColumns", sheet: "Jmf", columns: ["Källa"] }),
    });
    renderBenchmark(port, recordedKolada().fetch, "en");
    await screen.findByRole("heading", { name: "Benchmark from Kolada" });
    expect(screen.getByRole("tab", { name: "Benchmark" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Fetch from Kolada" }));
    expect(text(await screen.findByTestId("benchmark-error"))).toContain("The Jämförelse table on sheet Jmf lacks the columns Källa.");
    setLanguage("sv");
  });
});

describe("the form's parsing", () => {
  it("years: list, span, default", () => {
    expect(parseYears("2024, 2022;2023")).toEqual([2022, 2023, 2024]);
    expect(parseYears("2020-2022")).toEqual([2020, 2021, 2022]);
    expect(parseYears("")).toBeNull();
    expect(parseYears("24")).toBeNull();
    expect(parseYears("2000-2020")).toBeNull();
    expect(defaultYears(2024)).toEqual([2022, 2023, 2024]);
  });

  it("peers: codes, a lost leading zero, groups; names are invalid", () => {
    expect(parsePeers("0680, 604 G33 0680")).toEqual({ codes: ["0680", "0604", "G33"], invalid: [] });
    expect(parsePeers("Aneby, 19900101-1234")).toEqual({ codes: [], invalid: ["Aneby", "19900101-1234"] });
  });
});
