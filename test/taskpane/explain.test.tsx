/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { explainPool } from "../../src/engine/tracing/explain";
import { formatMoney } from "../../src/engine/tracing/text";
import { renderPane, sampleResult, stubPort } from "./stub-port";

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00a0/g, " ");

describe("Förklara", () => {
  it("explains the pool on the selected row step by step, with amounts that add up and links to the ledger", async () => {
    const result = sampleResult();
    const port = stubPort({
      check: jest.fn().mockResolvedValue({ ok: true, result, problems: [], found: [] }),
      readActiveCell: jest.fn().mockResolvedValue({ sheet: "KPB Styckkostnader", address: "P3", row: 3, rowKey: "HT_NORR" }),
    });
    renderPane(port, { initialTab: "explain" });
    fireEvent.click(await screen.findByRole("button", { name: "Förklara markerad cell" }));
    const explanation = await screen.findByTestId("explanation");
    // No result in this session yet: the pane calculated one first (read only).
    expect(port.check).toHaveBeenCalledTimes(1);
    expect(port.refresh).not.toHaveBeenCalled();

    const e = explainPool(result, "HT_NORR")!;
    expect(e.ok).toBe(true);
    const all = text(explanation);
    expect(all).toContain("Pool HT_NORR – Hemtjänst, Hemtjänst Norr");
    expect(all).toContain(`Direkt kostnad${formatMoney(e.direct.totalOre, "sv")}`.replace(/\u00a0/g, " "));
    expect(all).toContain(`Total kostnad${formatMoney(e.costOre, "sv")}`.replace(/\u00a0/g, " "));
    expect(all).toContain("Styckkostnad =");
    expect(all).toContain("KPB Styckkostnader!P3");
    const checks = explanation.querySelectorAll('[data-kind="check"]');
    expect(checks.length).toBeGreaterThanOrEqual(3);
    checks.forEach((c) => expect(text(c)).toContain("stämmer"));

    const first = e.direct.categories.flatMap((c) => c.rows)[0];
    fireEvent.click(within(explanation).getAllByRole("button", { name: `Visa ${first.link} i arbetsboken` })[0]);
    await waitFor(() => expect(port.selectCell).toHaveBeenCalledWith("Ekonomi", `A${first.row}`));
  });

  it("uses the latest run's result and explains a key figure on Översikt", async () => {
    const port = stubPort({
      refresh: jest.fn().mockResolvedValue({ ok: true, result: sampleResult(), found: [], sheets: ["KPB Översikt"] }),
      readActiveCell: jest.fn().mockResolvedValue({ sheet: "KPB Översikt", address: "D2", row: 2, rowKey: "hemtjanst_egen_kr_timme" }),
    });
    renderPane(port, { initialTab: "run" });
    fireEvent.click(await screen.findByRole("button", { name: "Kör KPB" }));
    await screen.findByTestId("summary-card");
    fireEvent.click(screen.getByRole("tab", { name: "Förklara" }));
    fireEvent.click(await screen.findByRole("button", { name: "Förklara markerad cell" }));
    const explanation = await screen.findByTestId("explanation");
    expect(text(explanation)).toContain("Nyckeltal hemtjanst_egen_kr_timme – Kostnad per beviljad hemtjänsttimme, egen regi");
    expect(port.check).not.toHaveBeenCalled();
  });

  it("says what to select when the cell is not on a KPB sheet or has no id", async () => {
    const port = stubPort({
      check: jest.fn().mockResolvedValue({ ok: true, result: sampleResult(), problems: [], found: [] }),
      readActiveCell: jest
        .fn()
        .mockResolvedValueOnce({ sheet: "Ekonomi", address: "E5", row: 5, rowKey: "6110" })
        .mockResolvedValueOnce({ sheet: "KPB Brukare", address: "C40", row: 40, rowKey: "finns-inte" }),
    });
    renderPane(port, { initialTab: "explain" });
    fireEvent.click(await screen.findByRole("button", { name: "Förklara markerad cell" }));
    expect(await screen.findByText(/Den markerade cellen \(Ekonomi!E5\) ligger inte på ett KPB-blad/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Förklara markerad cell" }));
    expect(await screen.findByText(/"finns-inte" finns inte i det senaste resultatet/)).toBeTruthy();
  });
});
