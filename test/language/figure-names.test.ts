/**
 * Key-figure names and sheet headings read as a municipal economist writes them (docs/ordlista.md):
 * one naming pattern, abbreviations in capitals, the unit in the Enhet column and never in the
 * name, age groups written out, and none of the retired words in the headings.
 *
 * "per invånare" and "per brukare" may stand in a name: they say what is measured (cost per
 * inhabitant is another figure than cost per client), not the unit it is counted in. The same goes
 * for "per beviljad hemtjänsttimme": the kind of hour is the measure, the unit column says kr/timme.
 * What may not stand in a name is a unit as the Enhet column writes it (kr/timme, kr/dygn, …).
 */
import { PUBLISHED_FIGURES } from "../../src/engine/benchmark/published-averages";
import {
  FIGURE_NAMES,
  figureNameIn,
  fixedFigureName,
  KEY_FIGURE_NAMES,
  type FigureNameKey,
} from "../../src/engine/key-figure-names";
import { resultSheets, type SheetLayout } from "../../src/layouts";
import { runSample } from "../sample-run";
import { sv } from "../../src/taskpane/i18n/sv";

const result = runSample();

/** What a name must not hold; each entry says why, for the failure message. */
function nameFaults(name: string): string[] {
  const faults: string[] = [];
  // Abbreviations in lower case, as whole words (case-sensitive: "HSL-insatser" and "KPB-snitt" are fine).
  const lower = name.match(/(?<![\p{L}\p{N}])(hsl|lss|hvb|säbo|sabo|kpb|sfb|ifo|äo)(?![\p{L}\p{N}])/gu);
  if (lower) faults.push(`lower-cased abbreviation ${lower.join(", ")}`);
  // A unit as the Enhet column writes it: kr/timme, kr/dygn, kr/år, kr/brukare, kr/vårddygn, timmar/inv …
  const unit = name.match(/\b(kr|timmar|dygn)\s*\/\s*[\p{L}]+/giu);
  if (unit) faults.push(`unit in the name ${unit.join(", ")}`);
  if (/vårddygn/i.test(name)) faults.push("vårddygn (the unit is dygn, in the Enhet column)");
  if (/\d+-w\b/.test(name)) faults.push("an open age group or band written as -w");
  if (/\d\+/.test(name)) faults.push("80+ instead of 80 år och äldre");
  if (/\(\s*(egen|annan)/.test(name)) faults.push("regi in brackets (it follows a comma)");
  if (/\s{2,}|^\s|\s$/.test(name)) faults.push("stray spaces");
  return faults;
}

function expectClean(names: string[]): void {
  const bad = names.map((n) => ({ name: n, faults: nameFaults(n) })).filter((x) => x.faults.length > 0);
  expect(bad).toEqual([]);
}

describe("key-figure names", () => {
  it("the sample run's names, in Swedish and English, follow the pattern", () => {
    expect(result.keyFigures.length).toBeGreaterThan(50);
    expectClean(result.keyFigures.map((f) => f.name));
    expectClean(result.keyFigures.map((f) => figureNameIn(f, "en")));
    // The Swedish name in the run is the one figureNameIn gives.
    for (const f of result.keyFigures) expect(figureNameIn(f, "sv")).toBe(f.name);
  });

  it("the fixed figures, the former hemtjänst variants and the bundled published figures follow it", () => {
    const fixed = Object.keys(KEY_FIGURE_NAMES).flatMap((id) =>
      (["sv", "en"] as const).flatMap((lang) => [fixedFigureName(id, lang)!, fixedFigureName(id, lang, "utförd")!]),
    );
    expectClean(fixed);
    expectClean(PUBLISHED_FIGURES.map((p) => p.name));
    // The bundled figures carry the run's names.
    for (const p of PUBLISHED_FIGURES) if (KEY_FIGURE_NAMES[p.keyFigure]) expect(p.name).toBe(KEY_FIGURE_NAMES[p.keyFigure].name);
  });

  it("every family of FIGURE_NAMES follows it, for the sample's interventions, regi, age groups and bands", () => {
    const interventions = ["Hemtjänst", "Särskilt boende", "HSL", "Gruppbostad LSS", "HVB", "Personlig assistans", "Korttidsvistelse LSS", "Öppenvård"];
    const params: Record<FigureNameKey, Record<string, string>[]> = {
      poolUnitCost: interventions.flatMap((intervention) => ["egen", "annan"].map((regi) => ({ insats: intervention, enhet: "Enhet Norr", regi, pool: "P1" }))),
      interventionUnitCost: interventions.flatMap((intervention) => ["egen", "annan", "alla"].map((regi) => ({ insats: intervention, regi }))),
      catalogueFigure: interventions.map((intervention) => ({ insats: intervention })),
      costPerClient: ["0-19", "20-64", "80-w", "85-w", "alla"].map((ageGroup) => ({ area: "LSS", ageGroup })),
      costPerInhabitant: ["0-19", "80-w", "alla"].map((ageGroup) => ({ area: "ÄO", ageGroup })),
      clientShare: ["0-19", "80-w", "alla"].map((ageGroup) => ({ area: "IFO", ageGroup })),
      outlier: ["ÄO ordinärt boende", "LSS", "IFO"].map((scope) => ({ scope })),
      hourBand: ["0-12", "1152-w"].flatMap((band) => ["beviljad", "utförd"].map((hours) => ({ band, hours }))),
      areaTotal: ["ÄO", "LSS", "IFO"].map((area) => ({ area })),
      homeCareHour: ["hemtjanst_egen_kr_timme", "hemtjanst_egen_kr_timme_inkl_hsl"].flatMap((id) => ["beviljad", "utförd"].map((hours) => ({ id, hours }))),
    };
    for (const [key, list] of Object.entries(params) as [FigureNameKey, Record<string, string>[]][]) {
      expectClean(list.flatMap((p) => [FIGURE_NAMES[key].sv(p), FIGURE_NAMES[key].en(p)]));
    }
    // Derived rows say Styckkostnad; abbreviations keep their capitals inside the name.
    expect(FIGURE_NAMES.interventionUnitCost.sv({ insats: "Gruppbostad LSS", regi: "egen" })).toBe("Styckkostnad gruppbostad LSS, egen regi");
    expect(FIGURE_NAMES.poolUnitCost.sv({ insats: "HVB", enhet: "Köpta platser", regi: "annan", pool: "HVB_KOP" })).toBe("Styckkostnad HVB, Köpta platser, annan regi");
    expect(FIGURE_NAMES.costPerClient.sv({ area: "ÄO", ageGroup: "80-w" })).toBe("Kostnad per brukare, ÄO, 80 år och äldre");
  });

  it("two different figures of one run never share a name", () => {
    const byName = new Map<string, { id: string; value: string; unit: string }[]>();
    for (const f of result.keyFigures) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
    for (const lang of ["en"] as const) {
      const en = new Map<string, string[]>();
      for (const f of result.keyFigures) en.set(figureNameIn(f, lang), [...(en.get(figureNameIn(f, lang)) ?? []), f.id]);
      expect([...en.values()].filter((ids) => ids.length > 1)).toEqual([]);
    }
    // Only the same figure (same value in the same unit) may appear under one name twice.
    const shared = [...byName.entries()].filter(([, fs]) => fs.length > 1 && fs.some((f) => f.value !== fs[0].value || f.unit !== fs[0].unit));
    expect(shared).toEqual([]);
    // The published hemtjänst figure and the intervention's unit cost have different names.
    const names = new Map(result.keyFigures.map((f) => [f.id, f.name]));
    expect(names.get("hemtjanst_egen_kr_timme")).toBe("Kostnad per beviljad hemtjänsttimme, egen regi");
    expect(names.get("styckkostnad:Hemtjänst:egen")).toBe("Styckkostnad hemtjänst, egen regi");
  });

  it("ids stay as they were: worksheet functions and saved workbooks use them", () => {
    const ids = result.keyFigures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["hemtjanst_egen_kr_timme", "kostnad_per_brukare:ÄO:80-w", "brukarmix:1152-w", "styckkostnad:HT_NORR", "styckkostnad:Hemtjänst:egen"]));
  });
});

// ---------------------------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------------------------

const RETIRED: [RegExp, string][] = [
  [/omfattning/i, "Omfattning (means granted time in hemtjänst): Avgränsning"],
  [/kontoklass/i, "kontoklass for Personal/Lokaler/Övrigt/Intäkter: kostnadsslag"],
  [/bråk/i, "bråk: decimaltal"],
  [/körtid/i, "Körtid: Beräknad"],
  [/^allvar$/i, "Allvar: Allvarlighetsgrad"],
  [/besparingspotential/i, "besparingspotential: potential"],
  [/panelen/i, "panelen: aktivitetsfönstret"],
];

/** Every heading of a layout: titles, column headers and the labelled cells on top. */
function headings(layout: SheetLayout): string[] {
  const out: string[] = [layout.name];
  for (const b of layout.blocks) {
    if (b.title) out.push(b.title);
    out.push(...b.columns.map((c) => c.header));
  }
  for (const c of layout.topCells ?? []) if (typeof c.value === "string" && c.style !== "value" && c.style !== "text") out.push(c.value);
  return out;
}

describe("headings", () => {
  const layouts = resultSheets(result, result.benchmark, { history: [], validation: [], runTime: "2025-02-14 09:30" });

  it("no heading of the sample's result sheets uses a retired word", () => {
    const all = layouts.flatMap((l) => headings(l).map((h) => ({ sheet: l.name, h })));
    expect(all.length).toBeGreaterThan(100);
    const found = all.flatMap(({ sheet, h }) => RETIRED.filter(([re]) => re.test(h)).map(([, why]) => `${sheet}: "${h}" (${why})`));
    expect(found).toEqual([]);
  });

  it("the new words are where the old ones were", () => {
    const all = layouts.flatMap(headings);
    expect(all).toContain("Avgränsning");
    expect(all).toContain("Allvarlighetsgrad");
  });

  it("the Swedish task pane uses none of the retired words", () => {
    const found = Object.entries(sv).flatMap(([key, text]) => RETIRED.filter(([re]) => re.test(text)).map(([, why]) => `${key}: ${why}`));
    expect(found).toEqual([]);
  });
});
