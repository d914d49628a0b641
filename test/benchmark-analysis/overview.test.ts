/** KPB Översikt as the committee's page, the print setup of every sheet, and the chart parts of the file. */
import { SaxesParser } from "saxes";
import {
  benchmarkYearText,
  blockPlaces,
  cellWidth,
  chartXml,
  drawingXml,
  MAX_COLUMN_WIDTH,
  overviewSentences,
  resultSheets,
  SENTENCE_RULES,
  type SheetLayout,
  type TopCell,
} from "../../src/layouts";
import type { HistoryRow } from "../../src/engine/benchmark/history";
import { interventionInText } from "../../src/engine/key-figure-names";
import { runSample } from "../sample-run";

const result = runSample();
const RUN = "2025-02-14 09:30";
const overviewOf = (layouts: SheetLayout[]) => layouts.find((l) => l.name === "KPB Översikt")!;
const overview = overviewOf(resultSheets(result, result.benchmark, { history: [], runTime: RUN }));
const top = (o: SheetLayout, row: number, column = 1) => o.topCells!.find((c) => c.row === row && c.column === column)?.value ?? null;
/** The headline rows: label → cells B..H. */
function headline(o: SheetLayout): Map<string, TopCell["value"][]> {
  const rows = new Map<string, TopCell["value"][]>();
  for (let r = 7; top(o, r) !== null && o.topCells!.some((c) => c.row === r && c.style === "label"); r++) {
    rows.set(String(top(o, r)), [2, 3, 4, 5, 6, 7, 8].map((c) => top(o, r, c)));
  }
  return rows;
}
const NBSP = "\u00a0";
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("KPB Översikt, the committee's page", () => {
  it("opens with municipality, year, when and how it was calculated, the data status and the reconciliation", () => {
    expect(top(overview, 1)).toBe("KPB Översikt – Exempelby 2024");
    expect(top(overview, 2)).toBe(`Kostnad per brukare (KPB), helårsutfall 2024. Beräknad ${RUN} med KPB-tillägget, stegvis fördelning av stödpooler.`);
    expect(top(overview, 3)).toBe("Datastatus: 0 fel, 9 varningar (se KPB Avstämning).");
    expect(plain(String(top(overview, 4)))).toBe("Avstämning: Ekonomi 143 814 177,42 kr = pooler 139 443 248,04 + exkluderat 4 370 929,38 + ej kodat 0,00 – går ihop på öret.");
  });

  it("has the published KPB figures with value, benchmark, difference, index and what the benchmark is, inside rows 1–20", () => {
    const rows = headline(overview);
    expect([...rows.keys()]).toEqual([
      "Kostnad per beviljad hemtjänsttimme, egen regi",
      "Kostnad särskilt boende inkl. HSL, egen regi",
      "Kostnad särskilt boende exkl. HSL, egen regi",
      "Kostnad per invånare, ÄO, 80 år och äldre",
      "Kostnad per brukare, ÄO, 80 år och äldre",
      "Andel brukare av invånarna, ÄO, 80 år och äldre",
      "Styckkostnadsindex P, ÄO, 80 år och äldre",
      "Konsumtionsindex Q, ÄO, 80 år och äldre",
      "Potential om styckkostnaderna vore jämförelsens",
    ]);
    expect(7 + rows.size - 1).toBeLessThanOrEqual(20);
    const own = Number(result.keyFigures.find((f) => f.id === "hemtjanst_egen_kr_timme")!.value);
    const [value, unit, bench, diff, index, change, about] = rows.get("Kostnad per beviljad hemtjänsttimme, egen regi")!;
    expect([value, unit, bench, about]).toEqual([own, "kr/timme", 649, "KPB-snitt 2023 (1 år äldre)"]);
    expect(diff).toBeCloseTo(own - 649, 9);
    expect(index).toBeCloseTo(own / 649, 11);
    expect(change).toBeNull(); // no earlier year in KPB Historik
    // Without a benchmark the row still shows the value, and leaves the comparison empty.
    expect(rows.get("Kostnad särskilt boende exkl. HSL, egen regi")!.slice(2, 5)).toEqual([null, null, null]);
    // P × Q is the index of the compared interventions; the benchmark is 1 by definition.
    const p = rows.get("Styckkostnadsindex P, ÄO, 80 år och äldre")!;
    expect(p[2]).toBe(1);
    expect(p[0]).toBe(p[4]);
  });

  it("gives the change since last year from KPB Historik", () => {
    const history: HistoryRow[] = [
      { year: 2023, runTime: "2024-02-01 10:00", id: "hemtjanst_egen_kr_timme", name: "", value: "640", unit: "kr/timme" },
      { year: 2022, runTime: "2023-02-01 10:00", id: "sabo_egen_kr_dygn_inkl_hsl", name: "", value: "2500", unit: "kr/dygn" },
    ];
    const rows = headline(overviewOf(resultSheets(result, result.benchmark, { history, runTime: RUN })));
    const own = Number(result.keyFigures.find((f) => f.id === "hemtjanst_egen_kr_timme")!.value);
    expect(rows.get("Kostnad per beviljad hemtjänsttimme, egen regi")![5]).toBeCloseTo(own / 640 - 1, 12);
    // Two years back is not "last year".
    expect(rows.get("Kostnad särskilt boende inkl. HSL, egen regi")![5]).toBeNull();
  });

  it("colours difference and index by direction, in the headline block and the full table", () => {
    const places = blockPlaces(overview);
    const boxes = overview.colours!.map((c) => [c.box.row, c.box.column, c.threshold]);
    expect(boxes).toEqual([
      [7, 5, 0],
      [7, 6, 1],
      [places[0].headerRow + 1, 5, 0],
      [places[0].headerRow + 1, 6, 1],
    ]);
  });

  it("writes plain Swedish sentences from the figures, one rule each", () => {
    const sentences = overview.topCells!.filter((c) => c.style === "text" && (c.span ?? 1) > 1 && c.row > 15).map((c) => plain(String(c.value)));
    expect(sentences[0]).toBe(
      "Hemtjänsten i egen regi kostade 677,61 kr per beviljad timme 2024, 4 % över KPB-snittet 2023 (649,00 kr). Med snittets kostnad per timme hade hemtjänsten kostat 0,9 mnkr mindre.",
    );
    expect(sentences[1]).toMatch(/^Ett dygn i särskilt boende i egen regi kostade 2 753,46 kr inklusive HSL 2024, 8 % över KPB-snittet 2023 \(2 559,00 kr\)\. Med snittets dygnskostnad hade särskilt boende kostat 4,7 mnkr mindre\.$/);
    expect(sentences[2]).toBe("Äldreomsorgen kostade 123 524,20 kr per invånare 80 år och äldre, 17 % under KPB-snittet 2023 (148 587,00 kr).");
    expect(sentences.at(-1)).toBe("Underlaget har 0 fel och 9 varningar, och ekonomin går ihop på öret (se KPB Avstämning).");
  });

  it("leaves out every sentence whose figures are missing, and never leaves a gap in one", () => {
    const bare = overviewOf(resultSheets(result, [], { published: null, history: [], runTime: RUN }));
    const texts = bare.topCells!.filter((c) => c.style === "text" && (c.span ?? 1) > 1 && c.row > 15).map((c) => String(c.value));
    expect(texts).toEqual(["Underlaget har 0 fel och 9 varningar, och ekonomin går ihop på öret (se KPB Avstämning)."]);
    // Each rule on its own: with no comparisons and no potential, only the status rule speaks.
    const empty = { result, comparisons: [], oldest: null, potential: { interventions: [], pools: [], perInhabitant: [], totals: { interventionsOre: 0, poolsOre: 0, perInhabitantOre: 0 } } };
    expect(SENTENCE_RULES.filter((r) => r.make(empty as never) !== null).map((r) => r.id)).toEqual(["status"]);
    for (const s of overviewSentences(empty as never)) expect(s).not.toMatch(/null|undefined|NaN|\(\s*kr\)/);
  });

  it("shows the benchmark's year plainly when it is older than the run, and never uses a later one", () => {
    expect(benchmarkYearText({ origin: "Publicerat", municipality: "KPB-snitt", year: 2023 }, 2024)).toBe("KPB-snitt 2023 (1 år äldre)");
    expect(benchmarkYearText({ origin: "Jämförelse", municipality: "0604 Aneby", year: 2021 }, 2024)).toBe("Aneby 2021 (3 år äldre)");
    expect(benchmarkYearText({ origin: "Jämförelse", municipality: "KPB-snitt", year: 2024 }, 2024)).toBe("KPB-snitt 2024");
    // A 2023 run has no 2023 korttid average to spare: the bundled 2023 one is used, never a later year.
    const early = overviewOf(resultSheets({ ...result, year: 2022 }, [], { history: [], runTime: RUN }));
    const table = early.blocks[0];
    const about = table.rows.map((r) => r[table.columns.findIndex((c) => c.header === "Jämförelsen avser")]).filter((v) => v !== null);
    for (const a of about) expect(Number(/(\d{4})/.exec(String(a))![1])).toBeLessThanOrEqual(2022);
  });

  it("has the full table below, the human name first and the id last", () => {
    const table = overview.blocks[0];
    expect(table.columns[0].header).toBe("Nyckeltal");
    expect(table.columns.at(-1)!.header).toBe("Id");
    expect(table.rows.map((r) => r.at(-1))).toEqual(result.keyFigures.map((f) => f.id));
    expect(blockPlaces(overview)[0].titleRow).toBeGreaterThan(Math.max(...overview.topCells!.map((c) => c.row)));
  });

  it("puts the two charts beside the headline block: unit cost per intervention and cost per inhabitant per age group", () => {
    expect(overview.charts.map((c) => [c.name, c.block, c.place!.column > 8, c.place!.row < 20])).toEqual([
      ["KPB_Oversikt_diagram", 1, true, true],
      ["KPB_Oversikt_per_invanare_diagram", 2, true, true],
    ]);
    const ages = overview.blocks[2].rows.map((r) => r[0]);
    expect(ages).toContain("ÄO 80 år och äldre");
  });
});

describe("insats names in text", () => {
  it("keep abbreviations and lower only the first letter of an ordinary first word", () => {
    expect(interventionInText("HSL")).toBe("HSL");
    expect(interventionInText("HVB")).toBe("HVB");
    expect(interventionInText("Gruppbostad LSS")).toBe("gruppbostad LSS");
    expect(interventionInText("Särskilt boende")).toBe("särskilt boende");
    expect(interventionInText("Öppenvård")).toBe("öppenvård");
    const names = result.keyFigures.map((f) => f.name);
    expect(names).toContain("Styckkostnad HSL, egen regi");
    expect(names).toContain("Styckkostnad gruppbostad LSS, egen regi");
    expect(names).toContain("Styckkostnad HVB, annan regi");
    expect(names.filter((n) => /\b(hsl|lss|hvb)\b/.test(n))).toEqual([]);
  });
});

describe("every result sheet", () => {
  const layouts = resultSheets(result, result.benchmark, { history: [], runTime: RUN });

  it("prints landscape, one page wide, with heading rows repeated, header and footer, and frozen headings", () => {
    for (const l of layouts) {
      const page = l.page!;
      expect(page).toMatchObject({ landscape: true, fitToPagesWide: 1 });
      expect(page.header.left).toBe("Exempelby – KPB 2024");
      expect(page.header.center).toBe("&A");
      expect(page.footer.right).toBe("Sida &P av &N");
      const first = blockPlaces(l)[0];
      expect(page.titleRows!.to).toBe(first.headerRow);
      expect(page.freezeRows).toBe(l.topRows ? 1 : first.headerRow);
    }
  });

  it("escapes & in header text, which Excel reads as a code", () => {
    const odd = resultSheets({ ...result, municipality: "Ort & Ort" }, result.benchmark)[0];
    expect(odd.page!.header.left).toBe("Ort && Ort – KPB 2024");
  });

  it("has column widths that fit the content: at least the widest cell up to the cap, text past it wraps", () => {
    for (const l of layouts) {
      for (const b of l.blocks) {
        b.columns.forEach((c, i) => {
          const formats = b.rowFormats?.find((f) => f.column === i)?.formats;
          const widest = Math.max(0, ...b.rows.map((r, k) => cellWidth(r[i] ?? null, formats?.[k] ?? c.format)));
          expect(l.columnWidths![i]).toBeGreaterThanOrEqual(Math.min(c.width, MAX_COLUMN_WIDTH));
          if (widest + 2 > c.width) expect([l.name, c.header, c.wrap]).toEqual([l.name, c.header, true]);
          expect(l.columnWidths![i]).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
        });
      }
    }
  });
});

describe("chart parts", () => {
  const layouts = resultSheets(result, result.benchmark, { history: [], runTime: RUN });
  const wellFormed = (xml: string) => {
    const parser = new SaxesParser({ xmlns: true });
    let error: Error | null = null;
    parser.on("error", (e) => (error = e));
    parser.write(xml).close();
    return error;
  };

  it("are well-formed DrawingML pointing at the layout's cells, with the series names and a value cache", () => {
    for (const l of layouts) {
      for (const spec of l.charts) {
        const xml = chartXml(l, spec);
        expect(wellFormed(xml)).toBeNull();
        const place = blockPlaces(l)[spec.block];
        const sheet = `'${l.name}'`;
        expect(xml.split("<c:ser>").length - 1).toBe(spec.valueColumns.length);
        expect(xml).toContain(`<c:f>${sheet}!$A$${place.headerRow + 1}`.replace("$A$", `$${String.fromCharCode(65 + spec.categoryColumn)}$`));
        expect(xml).toContain(`<a:t>${spec.title}</a:t>`);
      }
    }
    const o = overviewOf(layouts);
    const xml = chartXml(o, o.charts[0]);
    expect(xml).toContain(`<c:v>649</c:v>`);
    expect(xml).toContain('<c:barDir val="col"/>');
    expect(chartXml(o, o.charts[1])).toContain('<c:barDir val="bar"/>');
  });

  it("draw a line for the benchmark columns over the columns (Styckkostnader)", () => {
    const s = layouts.find((l) => l.name === "KPB Styckkostnader")!;
    const xml = chartXml(s, s.charts[0]);
    expect(xml).toContain("<c:barChart>");
    expect(xml).toContain("<c:lineChart>");
  });

  it("anchor each chart in its cells with its stable name", () => {
    const xml = drawingXml([{ place: { row: 1, column: 9, rows: 12, columns: 3 }, name: "A & B", relationshipId: "rId1" }]);
    expect(wellFormed(xml)).toBeNull();
    expect(xml).toContain("<xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>");
    expect(xml).toContain("<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row>");
    expect(xml).toContain('name="A &amp; B"');
  });
});

void NBSP;
