/**
 * The add-in writes KPB Översikt like the command line's file: the title block above the tables,
 * merged sentence rows, colours by direction as conditional formats, the print setup (landscape,
 * one page wide, repeated heading rows, header/footer, page break after the title block), frozen
 * headings and the two charts beside the headline block. A refresh does not pile them up.
 */
import { refreshKpb } from "../../src/excel/refresh";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

describe("KPB Översikt in Excel", () => {
  it("has the title block, colours, print setup, frozen title row and charts beside the headline block", async () => {
    const fake = sampleWorkbook();
    const run = runOf(fake);
    expect((await refreshKpb(run)).ok).toBe(true);
    const values = fake.workbook.getValues("KPB Översikt");
    expect(values[0][0]).toBe("KPB Översikt – Exempelby 2024");
    expect(values[2][0]).toBe("Datastatus: 0 fel, 9 varningar (se KPB Avstämning).");
    expect(values[5].slice(0, 3)).toEqual(["Nyckeltal", "Värde", "Enhet"]);
    expect(values[6][0]).toBe("Kostnad per beviljad hemtjänsttimme, egen regi");

    const d = fake.workbook.dressing("KPB Översikt");
    expect(d.print.orientation).toBe("Landscape");
    expect(d.print.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(d.print.headers).toMatchObject({ leftHeader: "Exempelby – KPB 2024", centerHeader: "&A", rightFooter: "Sida &P av &N" });
    expect(fake.workbook.sheetInfo("KPB Översikt").frozenRows).toBe(1);
    expect(d.merges).toContain("'KPB Översikt'!A1:H1");
    expect(d.conditionalFormats.map((c) => [c.address, c.formula, c.fill])).toContainEqual(["'KPB Översikt'!F7:F15", "=AND(ISNUMBER(F7),F7>1)", "#FFC7CE"]);
    // The page breaks after the title block, and the table's header repeats on the pages after it.
    const header = values.findIndex((r) => r[0] === "Nyckeltal" && r.includes("Id")) + 1;
    expect(d.print.printTitleRows).toBe(`$${header}:$${header}`);
    expect(d.print.pageBreaks).toEqual([`A${header - 1}`]);
    const charts = fake.workbook.charts("KPB Översikt");
    expect(charts.map((c) => c.name)).toEqual(["KPB_Oversikt_diagram", "KPB_Oversikt_per_invanare_diagram"]);
    expect(charts.every((c) => c.position.startCell?.startsWith("I"))).toBe(true);

    // Every result sheet gets the print setup; the plain ones freeze and repeat their table header.
    const mix = fake.workbook.dressing("KPB Brukarmix");
    expect(mix.print.orientation).toBe("Landscape");
    expect(mix.print.printTitleRows).toBe("$1:$1");
    expect(fake.workbook.sheetInfo("KPB Brukarmix").frozenRows).toBe(1);
  });

  it("does not pile up colours, merges or page breaks on a refresh", async () => {
    const fake = sampleWorkbook();
    const run = runOf(fake);
    expect((await refreshKpb(run)).ok).toBe(true);
    const first = fake.workbook.dressing("KPB Översikt");
    const counts = [first.conditionalFormats.length, first.merges.length, first.print.pageBreaks.length];
    expect((await refreshKpb(run)).ok).toBe(true);
    const second = fake.workbook.dressing("KPB Översikt");
    expect([second.conditionalFormats.length, second.merges.length, second.print.pageBreaks.length]).toEqual(counts);
    expect(counts[2]).toBe(1);
  });
});
