/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { found, renderPane, stubPort } from "./stub-port";

// jsdom lacks the Encoding API that every browser running the pane has (the decoders need it).
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00a0/g, " ");

/** Windows-1252 bytes of Latin-1 text, as Excel on Swedish Windows saves "CSV". */
const cp1252 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));

function choose(bytes: Uint8Array, name: string) {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  fireEvent.change(screen.getByTestId("import-file-input"), { target: { files: [file] } });
}

describe("Källdata: Importera fil…", () => {
  it("reads a CSV file in the pane, shows the summary first, then writes it and points Ekonomi at the new table", async () => {
    const port = stubPort({
      findTables: jest.fn().mockResolvedValue([found("Ekonomi"), found("Kodning"), found("Pooler"), found("Brukare")]),
      importTable: jest.fn().mockResolvedValue({ sheet: "Ekonomi (fil)", tableName: "Ekonomi_fil", rows: 2, pseudonymised: 0 }),
    });
    renderPane(port, { initialTab: "sources" });
    await screen.findByTestId("import-card");
    choose(cp1252("Rapport över utfall\nAnsvar;Verksamhet;Konto;Belopp;Text\n6110;511;5110;1 234,50;Lön\n6110;511;4010;-34,50;Återbetalning\nSumma;;;1 200,00;\n"), "utfall.csv");
    const summary = await screen.findByTestId("import-summary");
    expect(text(summary)).toContain("utfall.csv → Ekonomi: 2 rader lästa");
    expect(text(summary)).toContain("Teckenkodning: Windows-1252");
    expect(text(summary)).toContain("Summa belopp: 1 200,00 kr");
    expect(text(summary)).toContain("Hoppade över rader ovanför rubrikraden: 1 rad");
    expect(text(summary)).toContain("Hoppade över summeringsrader: 1 rad");
    // Nothing is written before the user says so.
    expect(port.importTable).not.toHaveBeenCalled();

    fireEvent.click(within(summary).getByRole("button", { name: "Skriv till Ekonomi" }));
    await waitFor(() =>
      expect(port.importTable).toHaveBeenCalledWith(
        "Ekonomi",
        [
          ["Ansvar", "Verksamhet", "Konto", "Belopp", "Text"],
          ["6110", "511", "5110", 1234.5, "Lön"],
          ["6110", "511", "4010", -34.5, "Återbetalning"],
        ],
      ),
    );
    await waitFor(() => expect(port.saveMapping).toHaveBeenCalledWith({ Ekonomi: { source: { kind: "table", name: "Ekonomi_fil" } } }));
    expect(await screen.findByText("2 rader skrevs till bladet Ekonomi (fil); Ekonomi läses nu därifrån.")).toBeTruthy();
  });

  it("an SIE file with an unbalanced voucher shows the warning with its line; a file with errors cannot be written", async () => {
    const port = stubPort({ findTables: jest.fn().mockResolvedValue([found("Ekonomi")]) });
    renderPane(port, { initialTab: "sources" });
    await screen.findByTestId("import-card");
    const sie = ['#DIM 1 "Ansvar"', '#DIM 20 "Verksamhet"', '#VER A 1 20240105 ""', "{", '#TRANS 5010 {1 "1" 20 "2"} 10', "#TRANS 1930 {} -9", "}"].join("\n");
    choose(new TextEncoder().encode(sie), "bok.se");
    const summary = await screen.findByTestId("import-summary");
    expect(text(summary)).toContain("rad 3: Verifikationen A 1 balanserar inte");
    expect(within(summary).getByRole("button", { name: "Skriv till Ekonomi" })).toHaveProperty("disabled", false);

    choose(Uint8Array.from([0x41, 0, 0x42]), "trasig.csv");
    await waitFor(() => expect(text(screen.getByTestId("import-summary"))).toContain("binära data"));
    expect(within(screen.getByTestId("import-summary")).getByRole("button", { name: "Skriv till Ekonomi" })).toHaveProperty("disabled", true);
    expect(port.importTable).not.toHaveBeenCalled();
  });

  it("in English the whole summary is English, the lines on how the file was read too", async () => {
    const port = stubPort({ findTables: jest.fn().mockResolvedValue([found("Ekonomi")]) });
    renderPane(port, { initialTab: "sources", language: "en" });
    await screen.findByTestId("import-card");
    choose(cp1252("Rapport över utfall\nAnsvar;Verksamhet;Konto;Belopp;Text\n6110;511;5110;1 234,50;Lön\n6110;511;4010;-34,50;Återbetalning\nSumma;;;1 200,00;\n"), "utfall.csv");
    const summary = text(await screen.findByTestId("import-summary"));
    expect(summary).toContain("Character encoding: Windows-1252");
    expect(summary).toContain("Delimiter: semicolon");
    expect(summary).toContain("Decimal mark: comma");
    expect(summary).not.toMatch(/Teckenkodning|Avgränsare|Decimaltecken|semikolon|komma|rader|Summa belopp|Hoppade/);

    const sie = ['#DIM 1 "Ansvar"', '#DIM 20 "Verksamhet"', '#VER A 1 20240105 ""', "{", '#TRANS 5010 {1 "1" 20 "2"} 10', "#TRANS 1930 {} -10", "}"].join("\n");
    choose(new TextEncoder().encode(sie), "bok.se");
    await waitFor(() => expect(text(screen.getByTestId("import-summary"))).toContain("Source: vouchers (#VER/#TRANS), 2 transactions"));
    const sieSummary = text(screen.getByTestId("import-summary"));
    expect(sieSummary).toContain("Dimensions: Ansvar = 1 (Ansvar), Verksamhet = 20 (Verksamhet), Aktivitet = none");
    expect(sieSummary).toContain("1 row per Ansvar, Verksamhet, Aktivitet, account and month");
    expect(sieSummary).not.toMatch(/Teckenkodning|Dimensioner|Källa|verifikationer|transaktioner|rader|ingen/);
  });

  it("an SIE file's dimensions can be chosen for Ansvar, Verksamhet and Aktivitet; the summary and the rows follow before anything is written", async () => {
    const port = stubPort({
      findTables: jest.fn().mockResolvedValue([found("Ekonomi")]),
      importTable: jest.fn().mockResolvedValue({ sheet: "Ekonomi (fil)", tableName: "Ekonomi_fil", rows: 1, pseudonymised: 0 }),
    });
    renderPane(port, { initialTab: "sources" });
    await screen.findByTestId("import-card");
    const sie = [
      '#DIM 1 "Kostnadsbärare"',
      '#DIM 6 "Avdelning"',
      '#DIM 20 "Verks"',
      '#VER A 1 20240105 ""',
      "{",
      '#TRANS 5010 {1 "K9" 6 "610" 20 "511"} 10',
      "#TRANS 1930 {} -10",
      "}",
    ].join("\n");
    choose(new TextEncoder().encode(sie), "bok.se");
    const dims = await screen.findByTestId("import-sie-dimensions");
    const select = (column: string) => within(dims).getByLabelText(column) as HTMLSelectElement;
    // No name points anywhere: every column starts at "ingen", the file's dimensions are offered by number and name.
    expect(Array.from(select("Ansvar").options).map((o) => o.textContent)).toEqual(["1 (Kostnadsbärare)", "6 (Avdelning)", "20 (Verks)", "ingen"]);
    expect(select("Ansvar").value).toBe("");
    expect(text(screen.getByTestId("import-summary"))).toContain("Dimensioner: Ansvar = ingen, Verksamhet = ingen, Aktivitet = ingen");
    const write = () => within(screen.getByTestId("import-summary")).getByRole("button", { name: "Skriv till Ekonomi" });
    expect(write()).toHaveProperty("disabled", true);

    fireEvent.change(select("Ansvar"), { target: { value: "6" } });
    fireEvent.change(select("Verksamhet"), { target: { value: "20" } });
    await waitFor(() => expect(text(screen.getByTestId("import-summary"))).toContain("Dimensioner: Ansvar = 6 (Avdelning), Verksamhet = 20 (Verks), Aktivitet = ingen"));
    expect(text(screen.getByTestId("import-summary"))).toContain("Används inte i KPB: dimension 1 (Kostnadsbärare)");
    expect(select("Ansvar").value).toBe("6");
    // Ansvar and Verksamhet have a dimension now, so "ingen" is offered for Aktivitet only.
    expect(Array.from(select("Ansvar").options).map((o) => o.value)).toEqual(["1", "6", "20"]);
    expect(Array.from(select("Aktivitet").options).map((o) => o.value)).toEqual(["1", "6", "20", ""]);
    expect(port.importTable).not.toHaveBeenCalled();

    // A dimension feeds one column: giving Verksamhet's dimension to Aktivitet hands Aktivitet's former choice (none) to Verksamhet.
    fireEvent.change(select("Aktivitet"), { target: { value: "20" } });
    await waitFor(() => expect(text(screen.getByTestId("import-summary"))).toContain("Dimensioner: Ansvar = 6 (Avdelning), Verksamhet = ingen, Aktivitet = 20 (Verks)"));
    expect(write()).toHaveProperty("disabled", true);
    fireEvent.change(select("Verksamhet"), { target: { value: "1" } });
    fireEvent.change(select("Aktivitet"), { target: { value: "" } });
    fireEvent.change(select("Verksamhet"), { target: { value: "20" } });
    await waitFor(() => expect(text(screen.getByTestId("import-summary"))).toContain("Dimensioner: Ansvar = 6 (Avdelning), Verksamhet = 20 (Verks), Aktivitet = ingen"));

    fireEvent.click(write());
    await waitFor(() =>
      expect(port.importTable).toHaveBeenCalledWith("Ekonomi", [
        ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text", "År", "Period"],
        ["610", "511", "", "5010", 10, "", 2024, "2024-01"],
      ]),
    );
  });
});
