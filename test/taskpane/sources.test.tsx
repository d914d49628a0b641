/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { deferred, found, renderPane, stubPort } from "./stub-port";

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00a0/g, " ");

describe("Källdata", () => {
  it("lists the tables found, how, and which missing ones are required", async () => {
    const port = stubPort({
      findTables: jest.fn().mockResolvedValue([found("Ekonomi", "table", 1049), found("Kodning", "sheet"), found("Pooler", "header")]),
    });
    renderPane(port);
    const ekonomi = await screen.findByTestId("source-Ekonomi");
    expect(within(ekonomi).getByText("Hittad")).toBeTruthy();
    expect(text(ekonomi)).toContain("Excel-tabellen Ekonomi · 1 048 rader");
    expect(text(screen.getByTestId("source-Kodning"))).toContain("bladet Kodning");
    expect(text(screen.getByTestId("source-Pooler"))).toContain("rubrikerna på bladet Pooler");
    expect(within(screen.getByTestId("source-Brukare")).getByText("Saknas – krävs")).toBeTruthy();
    expect(within(screen.getByTestId("source-Befolkning")).getByText("Saknas – valfri")).toBeTruthy();
    expect(screen.getByText("1 tabell som krävs saknas: Brukare.")).toBeTruthy();
    // Tables exist: the sample card is offered at the bottom, not as the first thing.
    expect(screen.getByTestId("sample-card")).toBeTruthy();
    expect(port.findTables).toHaveBeenCalledWith({});
  });

  it("points a table at a sheet, maps a differing column, previews it and saves the mapping in the workbook", async () => {
    const port = stubPort({
      findTables: jest.fn().mockResolvedValue([found("Ekonomi"), found("Kodning"), found("Pooler")]),
      listWorkbookObjects: jest.fn().mockResolvedValue({ tables: [{ name: "Tabell1", sheet: "Export" }], sheets: ["Export", "Volymer"] }),
      readPreview: jest.fn().mockResolvedValue([
        ["Klient", "Födelseår", "Pool", "Timmar"],
        ["K001", 1931, "HT_NORR", 12.5],
        ["K002", 1944, "SABO_ROSEN", 31],
      ]),
    });
    renderPane(port);
    const brukare = await screen.findByTestId("source-Brukare");
    fireEvent.click(within(brukare).getByRole("button", { name: "Ändra källa för Brukare" }));
    const source = within(brukare).getByLabelText("Källa");
    fireEvent.change(source, { target: { value: JSON.stringify({ kind: "sheet", sheet: "Volymer" }) } });

    await waitFor(() => expect(port.readPreview).toHaveBeenCalledWith({ kind: "sheet", sheet: "Volymer" }, 6));
    const preview = await within(brukare).findByTestId("preview-table");
    expect(within(preview).getByText("K001")).toBeTruthy();
    expect(within(preview).getByText("SABO_ROSEN")).toBeTruthy();

    // Timmar is a known alias of Volym; Klient is not a known name for BrukarID.
    const volym = within(brukare).getByLabelText("Volym (krävs)");
    expect(text(volym.closest("div")!.parentElement)).toContain('hittas som "Timmar"');
    const id = within(brukare).getByLabelText("BrukarID (krävs)");
    expect(text(id.closest("div")!.parentElement)).toContain("hittas inte – välj en kolumn");
    fireEvent.change(id, { target: { value: "Klient" } });

    fireEvent.click(within(brukare).getByRole("button", { name: "Spara" }));
    await waitFor(() =>
      expect(port.saveMapping).toHaveBeenCalledWith({
        Brukare: { source: { kind: "sheet", sheet: "Volymer" }, columns: { BrukarID: "Klient" } },
      }),
    );
    expect(await screen.findByText("Valet för Brukare är sparat i arbetsboken.")).toBeTruthy();
    // The tables are found again with the saved mapping.
    await waitFor(() =>
      expect(port.findTables).toHaveBeenLastCalledWith({
        Brukare: { source: { kind: "sheet", sheet: "Volymer" }, columns: { BrukarID: "Klient" } },
      }),
    );
  });

  it("uses the current selection as the source", async () => {
    const port = stubPort({
      getSelection: jest.fn().mockResolvedValue({ sheet: "Export", address: "B2:F40" }),
      readPreview: jest.fn().mockResolvedValue([["Från", "Till", "Andel"], ["MYND", "HT", 0.5]]),
    });
    renderPane(port);
    const nycklar = await screen.findByTestId("source-Nycklar");
    fireEvent.click(within(nycklar).getByRole("button", { name: "Ändra källa för Nycklar" }));
    fireEvent.click(within(nycklar).getByRole("button", { name: "Använd markeringen" }));
    await waitFor(() => expect(port.readPreview).toHaveBeenCalledWith({ kind: "range", sheet: "Export", address: "B2:F40" }, 6));
    expect((within(nycklar).getByLabelText("Källa") as HTMLSelectElement).selectedOptions[0].textContent).toBe("Området Export!B2:F40");
    fireEvent.click(within(nycklar).getByRole("button", { name: "Spara" }));
    await waitFor(() =>
      expect(port.saveMapping).toHaveBeenCalledWith({ Nycklar: { source: { kind: "range", sheet: "Export", address: "B2:F40" } } }),
    );
  });

  it("shows the locator's choice and why, other sources that also fit, and a saved choice that is gone", async () => {
    const port = stubPort({
      findTables: jest.fn().mockResolvedValue([
        { ...found("Ekonomi"), alsoMatched: ["Huvudbok"] },
        { ...found("Kodning", "sheet"), savedMissing: { kind: "table", name: "Regler2023" } },
      ]),
    });
    renderPane(port);
    const ekonomi = await screen.findByTestId("source-Ekonomi");
    expect(text(within(ekonomi).getByTestId("source-Ekonomi-ambiguous"))).toBe("Passar också: Huvudbok. Välj källa med Ändra om det är fel tabell.");
    expect(text(screen.getByTestId("source-Kodning-saved-missing"))).toContain("Ditt sparade val Regler2023 finns inte längre");
    fireEvent.click(within(ekonomi).getByRole("button", { name: "Ändra källa för Ekonomi" }));
    expect(within(ekonomi).getByRole("option", { name: "Hitta automatiskt (nu Excel-tabellen Ekonomi)" })).toBeTruthy();
  });

  it("forgets a saved choice with 'Hitta automatiskt igen'", async () => {
    const saved = { Ekonomi: { source: { kind: "table" as const, name: "Huvudbok2024" } } };
    const port = stubPort({
      loadState: jest.fn().mockResolvedValue({ mapping: saved, overrides: {} }),
      findTables: jest.fn().mockResolvedValue([{ ...found("Ekonomi"), source: saved.Ekonomi.source, foundBy: "mapping" }]),
    });
    renderPane(port);
    const ekonomi = await screen.findByTestId("source-Ekonomi");
    expect(text(ekonomi)).toContain("ditt val: Huvudbok2024");
    fireEvent.click(within(ekonomi).getByRole("button", { name: "Ändra källa för Ekonomi" }));
    fireEvent.click(within(ekonomi).getByRole("button", { name: "Hitta automatiskt igen" }));
    await waitFor(() => expect(port.saveMapping).toHaveBeenCalledWith({}));
  });
});

describe("Exempeldata", () => {
  it("offers the sample first in an empty workbook and writes it with progress", async () => {
    const write = deferred<{ ok: true; sheets: string[] }>();
    const port = stubPort({ writeSampleData: jest.fn(() => write.promise) });
    renderPane(port);
    expect(await screen.findByText(/Arbetsboken har inga KPB-tabeller ännu/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Skriv exempeldata" }));
    expect(port.writeSampleData).toHaveBeenCalledTimes(1);
    const onProgress = port.writeSampleData.mock.calls[0][0].onProgress as (p: unknown) => void;
    act(() => onProgress({ phase: "skriver", done: 1049, total: 9436, detail: "Ekonomi" }));
    expect(text(await screen.findByTestId("progress"))).toContain("Skriver Ekonomi: 1 049 av 9 436 rader");
    await act(async () =>
      write.resolve({ ok: true, sheets: ["Ekonomi", "Kodning", "Pooler", "Nycklar", "Insatskatalog", "Brukare", "Befolkning", "Jämförelse", "Inställningar"] }),
    );
    expect(await screen.findByText("Exempelby är inskriven på 9 blad. Gå till Kör och klicka Kör KPB.")).toBeTruthy();
    // The pane moves on to Kör.
    expect(screen.getByRole("tab", { name: "Kör" }).getAttribute("aria-selected")).toBe("true");
  });

  it("refuses with a message when the workbook already has contract tables", async () => {
    const port = stubPort({
      findTables: jest.fn().mockResolvedValue([found("Ekonomi")]),
      writeSampleData: jest.fn().mockResolvedValue({ ok: false, existing: ["Ekonomi"] }),
    });
    renderPane(port);
    fireEvent.click(await screen.findByRole("button", { name: "Skriv exempeldata" }));
    expect(
      await screen.findByText(
        "Arbetsboken har redan KPB-tabeller (Ekonomi). Exempeldata skrivs bara i en tom arbetsbok, så inget ändrades.",
      ),
    ).toBeTruthy();
  });
});
