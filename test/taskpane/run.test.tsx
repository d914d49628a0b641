/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { KpbResult, WorkbookInput } from "../../src/engine/model";
import type { MonthlySeries } from "../../src/engine/monthly-series";
import { runKpb } from "../../src/engine/run";
import { exempelbyTwoYears } from "../../src/sample/exempelby-months";
import { followUpFigure } from "../../src/taskpane/follow-up";
import { setLanguage } from "../../src/taskpane/i18n";
import { runRefresh, setRefreshHandler } from "../../src/shared/refresh-registry";
import { RunController } from "../../src/taskpane/run-controller";
import type { KpbPort } from "../../src/taskpane/port";
import { deferred, renderPane, sampleResult, stubPort } from "./stub-port";

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00a0/g, " ").replace(/\u2212/g, "-");

class CancelledError extends Error {
  constructor() {
    super("Avbrutet av användaren; inget ändrades.");
    this.name = "CancelledError";
  }
}

const SHEETS = ["KPB Översikt", "KPB Styckkostnader", "KPB Brukare", "KPB Avstämning"];

function okRefresh(result: KpbResult, previous?: Record<string, string>) {
  return { ok: true as const, result, found: [], previous, sheets: SHEETS };
}

describe("Kör / Uppdatera", () => {
  it("shows progress while running and cancels", async () => {
    const refresh = deferred<never>();
    const port = stubPort({ refresh: jest.fn(() => refresh.promise) });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    const onProgress = port.refresh.mock.calls[0][0].onProgress as (p: unknown) => void;
    act(() => onProgress({ phase: "läser", done: 2500, total: 9436, detail: "Brukare" }));

    const progress = await screen.findByTestId("progress");
    expect(text(progress)).toContain("Kör KPB");
    expect(text(progress)).toContain("Läser Brukare: 2 500 av 9 436 rader");
    const bar = within(progress).getByRole("progressbar");
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(2500 / 9436, 5);
    // Screen readers hear the phase through a polite live region.
    expect(screen.getByTestId("progress-live").getAttribute("aria-live")).toBe("polite");
    expect(text(screen.getByTestId("progress-live"))).toContain("Läser Brukare: 2 500 av 9 436 rader");
    // The run button is disabled while it runs.
    expect(screen.getByRole("button", { name: "Kör KPB" }).hasAttribute("disabled")).toBe(true);

    fireEvent.click(within(progress).getByRole("button", { name: "Avbryt" }));
    expect(port.cancel).toHaveBeenCalledTimes(1);
    expect(text(progress)).toContain("Avbryter …");
    await act(async () => refresh.reject(new CancelledError()));
    expect(await screen.findByText("Avbrutet. Inget ändrades i arbetsboken.")).toBeTruthy();
    expect(screen.queryByTestId("progress")).toBeNull();
  });

  it("an unexpected failure is a human message with the detail, never a stack trace", async () => {
    const error = new Error("The request payload size has exceeded the limit.");
    error.stack = "Error: boom\n    at secret (file.js:1:1)";
    const port = stubPort({ refresh: jest.fn().mockRejectedValue(error) });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    const notice = await screen.findByTestId("notice");
    expect(text(notice)).toContain("Något gick fel i kontakten med Excel. Inget ändrades i resultatbladen.");
    expect(text(notice)).toContain("Teknisk information: The request payload size has exceeded the limit.");
    expect(text(notice)).not.toContain("at secret");
  });

  it("shows the summary card: key figures against the benchmark, sheet links and the changes since the last run", async () => {
    const result = sampleResult();
    const hemtjanst = result.keyFigures.find((f) => f.id === "hemtjanst_egen_kr_timme")!;
    const previous = { hemtjanst_egen_kr_timme: "650.25", sabo_egen_kr_dygn_inkl_hsl: result.keyFigures.find((f) => f.id === "sabo_egen_kr_dygn_inkl_hsl")!.value };
    const port = stubPort({
      loadState: jest.fn().mockResolvedValue({ mapping: {}, overrides: {}, lastRun: { at: "2026-01-01T10:00:00Z", keyFigures: previous } }),
      refresh: jest.fn().mockResolvedValue(okRefresh(result, previous)),
    });
    renderPane(port, { initialTab: "run" });
    // The workbook has run before: the button says Uppdatera.
    fireEvent.click(await screen.findByRole("button", { name: "Uppdatera KPB" }));
    const card = await screen.findByTestId("summary-card");
    expect(text(card)).toContain("Exempelby 2024");

    const ht = within(card).getByTestId("figure-hemtjanst_egen_kr_timme");
    expect(text(ht)).toContain("Kostnad per beviljad hemtjänsttimme, egen regi");
    const own = Number(hemtjanst.value);
    expect(text(within(ht).getByTestId("figure-value"))).toBe(`${own.toFixed(2).replace(".", ",")} kr/timme`);
    expect(text(within(ht).getByTestId("figure-index"))).toContain(`Index ${(own / 649).toFixed(2).replace(".", ",")}`);
    expect(text(within(ht).getByTestId("figure-index"))).toContain("Över jämförelsen");
    expect(text(within(ht).getByTestId("figure-against"))).toContain(`+${(own - 649).toFixed(2).replace(".", ",")} kr/timme mot 649,00 kr/timme`);
    expect(text(within(ht).getByTestId("figure-against"))).toContain("KPB-snitt 2023");

    expect(text(within(card).getByTestId("summary-ledger"))).toContain("Avstämningen går ihop på öret.");

    fireEvent.click(within(card).getByRole("button", { name: "Öppna bladet KPB Styckkostnader" }));
    await waitFor(() => expect(port.activateSheet).toHaveBeenCalledWith("KPB Styckkostnader"));

    const changes = within(card).getByTestId("summary-changes");
    expect(text(changes)).toContain("Kostnad per beviljad hemtjänsttimme, egen regi");
    expect(text(changes)).toContain(`650,25 kr/timme → ${own.toFixed(2).replace(".", ",")} kr/timme`);
    // Unchanged figures are not listed.
    expect(text(changes)).not.toContain("särskilt boende");
  });

  it("the first run says so instead of listing changes", async () => {
    const port = stubPort({ refresh: jest.fn().mockResolvedValue(okRefresh(sampleResult())) });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    expect(text(await screen.findByTestId("summary-changes"))).toContain("Första körningen i den här arbetsboken.");
    const warnings = sampleResult().problems.filter((p) => p.severity === "warning").length;
    expect(text(await screen.findByTestId("notice"))).toContain(
      `Klart! Resultatbladen är uppdaterade. ${warnings} varningar finns under Kontroll.`,
    );
  });

  it("the ribbon's refresh runs through the same controller and the open pane shows it", async () => {
    const port = stubPort({ refresh: jest.fn().mockResolvedValue(okRefresh(sampleResult())) });
    const controller = new RunController(port as unknown as KpbPort);
    setRefreshHandler(async () => {
      await controller.refresh();
    });
    renderPane(port, { initialTab: "run", controller });
    await screen.findByRole("button", { name: "Kör KPB" });
    let outcome: unknown;
    await act(async () => {
      outcome = await runRefresh();
    });
    expect(outcome).toEqual({ status: "done" });
    expect(port.refresh).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId("summary-card")).toBeTruthy();
    setRefreshHandler(null);
  });
});

describe("a monthly follow-up on the Kör card", () => {
  const input = Object.fromEntries(Object.entries(exempelbyTwoYears()).map(([name, rows]) => [name, { rows, sheet: name }])) as WorkbookInput;
  const follow = (followUpTo: string, followUpKind: "rolling" | "ytd" = "rolling"): KpbResult => {
    const outcome = runKpb(input, { overrides: { followUpTo, followUpKind }, pseudonymSecret: "test-secret" });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
    return outcome.result;
  };
  const values = (r: KpbResult) => Object.fromEntries(r.keyFigures.map((f) => [f.id, f.value]));
  const june = follow("2025-06");
  /** What the refresh's month series holds for May: the key figures of the run ending there. */
  const series = { window: june.settings.period!, keyFigures: { rolling: { "2025-05": values(follow("2025-05")) }, ytd: {} } } as unknown as MonthlySeries;

  it("shows the window, the rolling-twelve figure and its change since the month before, in Swedish", async () => {
    const port = stubPort({ refresh: jest.fn().mockResolvedValue({ ...okRefresh(june), monthly: series }) });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    const card = await screen.findByTestId("summary-card");
    expect(text(card)).toContain("Exempelby 2024-07 – 2025-06");
    const block = within(card).getByTestId("summary-follow-up");
    expect(text(block)).toContain("Rullande tolv månader 2024-07 – 2025-06");
    expect(text(block)).toContain("Kostnad per beviljad hemtjänsttimme, egen regi");
    expect(text(within(block).getByTestId("follow-up-value"))).toBe("657,67 kr/timme");
    expect(text(within(block).getByTestId("follow-up-change"))).toBe("Upp, +2,73 kr/timme (+0,4 %) sedan förra månaden");
    expect(text(within(block).getByTestId("follow-up-previous"))).toBe("Förra månaden, 2024-06 – 2025-05: 654,95 kr/timme");
  });

  it("the figure and its change come from the run and the month series, in English too", () => {
    setLanguage("en");
    try {
      const f = followUpFigure(june, series, "en")!;
      expect(f).toMatchObject({ kind: "rolling", window: { from: "2024-07", to: "2025-06" }, id: "hemtjanst_egen_kr_timme", name: "Cost per granted home-care hour, in-house" });
      expect(f.value).toBe(values(june).hemtjanst_egen_kr_timme);
      expect(f.previous).toMatchObject({ window: { from: "2024-06", to: "2025-05" }, value: values(follow("2025-05")).hemtjanst_egen_kr_timme, direction: "up" });
      expect(Number(f.previous!.percent)).toBeCloseTo((Number(f.previous!.difference) / Number(f.previous!.value)) * 100, 10);
    } finally {
      setLanguage("sv");
    }
  });

  it("no follow-up block for an annual run; year to date in January has no month before", async () => {
    expect(followUpFigure(sampleResult(), undefined, "sv")).toBeNull();
    const january = followUpFigure(follow("2025-01", "ytd"), undefined, "sv")!;
    expect(january).toMatchObject({ kind: "ytd", window: { from: "2025-01", to: "2025-01" }, previous: null });
    const port = stubPort({ refresh: jest.fn().mockResolvedValue(okRefresh(follow("2025-01", "ytd"))) });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    const block = await screen.findByTestId("summary-follow-up");
    expect(text(block)).toContain("Hittills i år 2025-01 – 2025-01");
    expect(text(within(block).getByTestId("follow-up-previous"))).toBe("Ingen siffra för månaden före att jämföra med.");
  });
});
