/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderMessage } from "../../src/engine/messages";
import type { Problem } from "../../src/engine/model";
import { found, renderPane, sampleResult, stubPort } from "./stub-port";

function problem(p: Omit<Problem, "message">): Problem {
  return { ...p, message: renderMessage(p.code, p.params, "sv") };
}

const PROBLEMS: Problem[] = [
  problem({ table: "Kodning", row: 14, column: null, severity: "warning", code: "unusedRule", params: { target: "HT_CENTRUM" }, sheet: "Kodning" }),
  problem({ table: "Ekonomi", row: 17, column: "Belopp", severity: "error", code: "notANumber", params: { expected: "ett belopp", value: "12 3x4" }, sheet: "Ekonomi", cell: "E17" }),
  problem({ table: "Ekonomi", row: 18, column: "Belopp", severity: "error", code: "notANumber", params: { expected: "ett belopp", value: "abc" }, sheet: "Ekonomi", cell: "E18" }),
  problem({ table: "Pooler", row: null, column: "Pool", severity: "warning", code: "poolWithoutVolume", params: { pool: "DAGV", amount: "678 315,70" } }),
];

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00a0/g, " ");

describe("Kontroll", () => {
  it("groups every problem by table and severity, errors first", async () => {
    const port = stubPort({
      findTables: jest.fn().mockResolvedValue([found("Ekonomi")]),
      check: jest.fn().mockResolvedValue({ ok: false, problems: PROBLEMS, found: [found("Ekonomi")] }),
    });
    renderPane(port, { initialTab: "checks" });
    expect(await screen.findByText("Ingen kontroll ännu.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Kontrollera data" }));
    await screen.findByTestId("checks-summary");
    expect(port.check).toHaveBeenCalledTimes(1);
    expect(text(screen.getByTestId("checks-summary"))).toMatch(/Kontroll \d\d:\d\d: 2 fel, 2 varningar\./);

    const groups = screen.getAllByTestId(/^problem-group-/).map((g) => g.getAttribute("data-testid"));
    expect(groups).toEqual(["problem-group-Ekonomi", "problem-group-Kodning", "problem-group-Pooler"]);
    const ekonomi = screen.getByTestId("problem-group-Ekonomi");
    expect(text(ekonomi)).toContain("2 fel, 0 varningar");
    const items = within(ekonomi).getAllByTestId("problem");
    expect(items).toHaveLength(2);
    expect(text(items[0])).toContain('"12 3x4" är inte ett belopp i kronor. Skriv ett tal');
    expect(text(items[0])).toContain("Ekonomi!E17");
    expect(within(items[0]).getByText("Fel")).toBeTruthy();
    expect(within(screen.getByTestId("problem-group-Kodning")).getByText("Varning")).toBeTruthy();
  });

  it("Visa selects the problem's cell, or its row when only the row is known", async () => {
    const port = stubPort({ check: jest.fn().mockResolvedValue({ ok: false, problems: PROBLEMS, found: [] }) });
    renderPane(port, { initialTab: "checks" });
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera data" }));
    fireEvent.click(await screen.findByRole("button", { name: "Visa Ekonomi!E17 i arbetsboken" }));
    await waitFor(() => expect(port.selectCell).toHaveBeenCalledWith("Ekonomi", "E17"));
    fireEvent.click(screen.getByRole("button", { name: "Visa Kodning rad 14 i arbetsboken" }));
    await waitFor(() => expect(port.selectCell).toHaveBeenCalledWith("Kodning", "14:14"));
    // A problem without a sheet or row has nothing to show.
    expect(within(screen.getByTestId("problem-group-Pooler")).queryByRole("button", { name: /^Visa/ })).toBeNull();
  });

  it("blocking errors say what to fix and disable the run", async () => {
    const port = stubPort({ check: jest.fn().mockResolvedValue({ ok: false, problems: PROBLEMS, found: [] }) });
    renderPane(port, { initialTab: "checks" });
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera data" }));
    const blocked = await screen.findByTestId("blocked");
    expect(text(blocked)).toContain("Körningen är spärrad");
    expect(text(blocked)).toContain('Rätta 2 fel och kontrollera igen. Börja med: "12 3x4" är inte ett belopp i kronor.');

    fireEvent.click(screen.getByRole("tab", { name: "Kör" }));
    const run = await screen.findByRole("button", { name: "Kör KPB" });
    expect(run.hasAttribute("disabled") || run.getAttribute("aria-disabled") === "true").toBe(true);
    expect(text(screen.getByTestId("run-blocked"))).toContain("Körningen är spärrad av fel i data.");
    fireEvent.click(run);
    expect(port.refresh).not.toHaveBeenCalled();
  });

  it("a check without errors enables the run and reports the warnings", async () => {
    const warnings = PROBLEMS.filter((p) => p.severity === "warning");
    const port = stubPort({ check: jest.fn().mockResolvedValue({ ok: true, problems: warnings, found: [], result: {} }) });
    renderPane(port, { initialTab: "checks" });
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera data" }));
    expect(await screen.findByText("Kontrollen är klar: 2 varningar och inga fel. Du kan köra KPB.")).toBeTruthy();
    expect(screen.queryByTestId("blocked")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Kör" }));
    const run = await screen.findByRole("button", { name: "Kör KPB" });
    expect(run.hasAttribute("disabled")).toBe(false);
  });

  it("a refresh stopped by errors moves to Kontroll and keeps the problems", async () => {
    const port = stubPort({ refresh: jest.fn().mockResolvedValue({ ok: false, problems: PROBLEMS, found: [] }) });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    expect(await screen.findByText(/Körningen stoppades av 2 fel i data\. Inget skrevs/)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("tab", { name: "Kontroll" }).getAttribute("aria-selected")).toBe("true"));
    expect(text(screen.getByTestId("checks-summary"))).toMatch(/Körning \d\d:\d\d: 2 fel, 2 varningar\./);
  });
  it("lists which catalogue entry each intervention pool's Insats was matched to, or none", async () => {
    const pools = [
      { pool: "HT", insats: "Hemtjänst i ordinärt boende", kind: "insats", catalogueInsats: "Hemtjänst", catalogueMatch: "synonym" },
      { pool: "VOB", insats: "Särskilt boende", kind: "insats", catalogueInsats: "Särskilt boende", catalogueMatch: "namn" },
      { pool: "FOT", insats: "Fotvård", kind: "insats", catalogueInsats: null, catalogueMatch: null },
      { pool: "HSL", insats: "Hälso- och sjukvård", kind: "stöd", catalogueInsats: "HSL", catalogueMatch: "synonym" },
    ];
    const port = stubPort({ check: jest.fn().mockResolvedValue({ ok: true, problems: [], found: [], result: { pools } }) });
    renderPane(port, { initialTab: "checks" });
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera data" }));
    const list = await screen.findByTestId("catalogue-matches");
    expect(within(list).getAllByTestId("catalogue-match").map((li) => text(li))).toEqual([
      "HT: Hemtjänst i ordinärt boende → katalogens Hemtjänst (känt namn för insatsen)",
      "VOB: Särskilt boende = katalogens Särskilt boende",
      "FOT: Fotvård finns inte i katalogen (område och nyckeltal okända)",
    ]);
  });

  it("after a refresh shows the open rows of KPB Validering, with a way to the sheet", async () => {
    const port = stubPort({
      refresh: jest.fn().mockResolvedValue({ ok: true, result: sampleResult(), found: [], sheets: ["KPB Validering"], validationOpen: 3 }),
    });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    await waitFor(() => expect(port.refresh).toHaveBeenCalled());
    fireEvent.click(screen.getByRole("tab", { name: "Kontroll" }));
    const status = await screen.findByTestId("validation-open");
    expect(text(status)).toContain("Validering: 3 öppna rader på bladet KPB Validering");
    fireEvent.click(within(status).getByRole("button", { name: "Visa KPB Validering" }));
    await waitFor(() => expect(port.activateSheet).toHaveBeenCalledWith("KPB Validering"));
  });

  it("a check updates the open rows from what users have approved since", async () => {
    const port = stubPort({
      refresh: jest.fn().mockResolvedValue({ ok: true, result: sampleResult(), found: [], sheets: [], validationOpen: 3 }),
      check: jest.fn().mockResolvedValue({ ok: true, result: sampleResult(), problems: [], found: [], validationOpen: 0 }),
    });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    await waitFor(() => expect(port.refresh).toHaveBeenCalled());
    fireEvent.click(screen.getByRole("tab", { name: "Kontroll" }));
    expect(text(await screen.findByTestId("validation-open"))).toContain("3 öppna rader");
    fireEvent.click(screen.getByRole("button", { name: "Kontrollera data" }));
    await waitFor(() => expect(text(screen.getByTestId("validation-open"))).toContain("inga öppna rader"));
  });
});
