/**
 * A workbook named the municipality's way: interventions and housing by their common Swedish
 * names, conflicting client facts, and benchmark rows named loosely.
 */
import fc from "fast-check";
import { benchmarkOfFigure } from "../../src/engine/benchmark/lookup";
import { MESSAGES, renderMessage } from "../../src/engine/messages";
import { oreToSwedish } from "../../src/engine/money";
import { formatDecimal, formatMoney } from "../../src/engine/tracing/text";
import { matchCatalogue, mergeCatalogue } from "../../src/engine/catalogue";
import { readHousing } from "../../src/engine/client-facts";
import { figureWords } from "../../src/engine/benchmark-names";
import { figureNameIn } from "../../src/engine/key-figure-names";
import type { Row, Tables } from "./helpers";
import { byAnsvar, client, figure, intervention, pool, runOk, support, workbook, YEAR } from "./helpers";
import type { KpbResult, WorkbookInput } from "../../src/engine/model";

function tables(): Tables {
  return {
    ledger: [
      ["1100", "100", "5110", 350_000],
      ["6110", "511", "5110", 100_000],
      ["6210", "512", "5110", 1_000_000],
    ],
    rules: [byAnsvar("1100", "HSL"), byAnsvar("6110", "HT"), byAnsvar("6210", "VOB")],
    pools: [support("HSL", "kostnad", "VOB", "Hälso- och sjukvård"), intervention("HT", "Hemtjänst i ordinärt boende"), intervention("VOB", "Vård- och omsorgsboende")],
    clients: [
      ["A", 1940, "HT", 100, "2024-01"],
      ["B", 1935, "VOB", 300, "2024-01"],
    ],
  };
}

/** The tables with Kön and Boendeform columns in Brukare: rows [id, born, pool, volume, period, kön, boendeform]. */
function withFacts(t: Tables, rows: Row[]): WorkbookInput {
  const input = workbook(t);
  input.Brukare = { rows: [["BrukarID", "Födelseår", "Pool", "Volym", "Period", "Kön", "Boendeform"], ...rows], sheet: "Brukare" };
  return input;
}

const problems = (r: KpbResult, code: string) => r.problems.filter((p) => p.code === code);

describe("interventions named the municipality's way", () => {
  test("Hälso- och sjukvård is HSL, Vård- och omsorgsboende särskilt boende: HSL in SÄBO is 350 000 kr over 300 days", () => {
    const r = runOk(workbook(tables()));
    expect(Number(figure(r, "hsl_sabo_kr_dygn"))).toBeCloseTo(350_000 / 300, 6);
    expect(Number(figure(r, "sabo_egen_kr_dygn_inkl_hsl"))).toBeCloseTo(1_350_000 / 300, 6);
    expect(Number(figure(r, "hemtjanst_egen_kr_timme"))).toBe(1000);
    expect(pool(r, "VOB")).toMatchObject({ catalogueInsats: "Särskilt boende", catalogueMatch: "synonym", area: "ÄO", volumeUnit: "dygn" });
    expect(pool(r, "HSL")).toMatchObject({ catalogueInsats: "HSL", catalogueMatch: "synonym" });
    expect(problems(r, "insatsNotInCatalogue")).toEqual([]);
  });

  test("the workbook's own catalogue without Nyckeltal, named the same way, still gives the published figures", () => {
    const t = tables();
    t.catalogue = [
      ["Hemtjänst i ordinärt boende", "ÄO", "timmar", null],
      ["Vård- och omsorgsboende", "ÄO", "dygn", null],
      ["Hälso- och sjukvård", "ÄO", "timmar", null],
    ];
    const r = runOk(workbook(t));
    expect(pool(r, "VOB")).toMatchObject({ catalogueInsats: "Vård- och omsorgsboende", catalogueMatch: "namn" });
    expect(Number(figure(r, "hsl_sabo_kr_dygn"))).toBeCloseTo(350_000 / 300, 6);
    expect(Number(figure(r, "hemtjanst_egen_kr_timme"))).toBe(1000);
  });

  test.each([
    ["Hemsjukvård", "HSL"],
    ["VoB", "Särskilt boende"],
    ["Äldreboende", "Särskilt boende"],
    ["SÄBO demens", "Särskilt boende"],
    ["Korttidsboende", "Korttidsvård"],
    ["Daglig verksamhet LSS", "Daglig verksamhet"],
    ["Bostad med särskild service", "Gruppbostad LSS"],
    ["hemtjänst  i ordinärt boende", "Hemtjänst"],
    ["Korttidsvistelse LSS", "Korttidsvistelse LSS"],
    ["Korttid LSS", "Korttidsvistelse LSS"],
    ["Korttid", "Korttidsvård"],
  ])("%s is matched to %s", (name, entry) => {
    expect(matchCatalogue(name, mergeCatalogue([]))?.entry.insats).toBe(entry);
  });

  test("a pool whose Insats matches no entry and no synonym is a warning", () => {
    const t = tables();
    t.pools[1] = intervention("HT", "Fotvård");
    const r = runOk(workbook(t));
    expect(problems(r, "insatsNotInCatalogue").map((p) => [p.table, p.row, p.column])).toEqual([["Pooler", 3, "Insats"]]);
    expect(pool(r, "HT").catalogueInsats).toBeNull();
  });
});

describe("housing forms", () => {
  test.each([
    ["Vård- och omsorgsboende", "särskilt"],
    ["Äldreboende", "särskilt"],
    ["SÄBO demens", "särskilt"],
    ["Särskilt boende", "särskilt"],
    ["Ordinärt boende", "ordinärt"],
    ["eget boende", "ordinärt"],
    ["Gruppbostad", "pool"],
    ["", "pool"],
    ["Villa", "okänd"],
  ])("Boendeform %s reads as %s", (text, reading) => {
    expect(readHousing(text, mergeCatalogue([]))).toBe(reading);
  });

  test("without Boendeform a client with only SÄBO days is in särskilt boende, from the interventions; the SÄBO outlier share exists", () => {
    const r = runOk(workbook(tables()));
    expect(client(r, "B")).toMatchObject({ housing: "särskilt", housingSource: "insatser" });
    expect(client(r, "A")).toMatchObject({ housing: "ordinärt", housingSource: "insatser" });
    expect(Number(figure(r, "ytterfall_sabo_andel"))).toBe(100);
    expect(Number(figure(r, "ytterfall_ordinart_andel"))).toBe(0);
  });

  test("SÄBO names in Boendeform count as särskilt; an unknown value is warned and its pool decides", () => {
    const r = runOk(
      withFacts(tables(), [
        ["A", 1940, "HT", 100, "2024-01", "K", "Villa"],
        ["B", 1935, "VOB", 300, "2024-01", "M", "Vård- och omsorgsboende"],
      ]),
    );
    expect(client(r, "B")).toMatchObject({ housing: "särskilt", housingSource: "Boendeform" });
    expect(client(r, "A")).toMatchObject({ housing: "ordinärt", housingSource: "insatser" });
    expect(problems(r, "unknownHousing").map((p) => [p.row, p.column, p.params.value])).toEqual([[2, "Boendeform", "Villa"]]);
  });

  test("two stated housings: the one with the largest cost counts, and the conflict is reported with the amounts", () => {
    // A: 100 of 101 hemtjänst hours (99 009,90 kr, ordinärt) and 30 of 331 SÄBO days (122 356,50 kr, särskilt).
    // C says "Säbo" on an hour (990 kr) and "Ordinärt" on a SÄBO day (4 078 kr): the day's statement counts.
    const r = runOk(
      withFacts(tables(), [
        ["A", 1940, "HT", 100, "2024-01", "K", "Ordinärt"],
        ["A", 1940, "VOB", 30, "2024-12", "K", "Särskilt boende"],
        ["B", 1935, "VOB", 300, "2024-01", "M", "Säbo"],
        ["C", 1930, "HT", 1, "2024-01", "M", "Säbo"],
        ["C", 1930, "VOB", 1, "2024-01", "M", "Ordinärt"],
      ]),
    );
    expect(client(r, "A")).toMatchObject({ housing: "särskilt", housingSource: "störst kostnad" });
    const conflicts = problems(r, "conflictingHousing");
    expect(conflicts.map((p) => [p.row, p.params.client, p.params.chosen])).toEqual([
      [3, "A", "särskilt boende"],
      [6, "C", "ordinärt boende"],
    ]);
    expect(conflicts[0].params.chosenAmount).toBe("122\u00a0356,50");
    expect(conflicts[0].params.otherAmount).toBe("99\u00a0009,90");
  });

  test("the larger cost wins also when it is ordinary housing", () => {
    const r = runOk(
      withFacts(tables(), [
        ["A", 1940, "HT", 100, "2024-01", "K", "Ordinärt"],
        ["A", 1940, "VOB", 10, "2024-12", "K", "VoB"],
        ["B", 1935, "VOB", 300, "2024-01", "M", "Säbo"],
      ]),
    );
    expect(client(r, "A").housing).toBe("ordinärt");
  });

  test("two values for Kön are reported once per client; K and Kvinna are the same", () => {
    const r = runOk(
      withFacts(tables(), [
        ["A", 1940, "HT", 50, "2024-01", "K", ""],
        ["A", 1940, "HT", 50, "2024-02", "Kvinna", ""],
        ["B", 1935, "VOB", 100, "2024-01", "M", ""],
        ["B", 1935, "VOB", 100, "2024-02", "K", ""],
        ["B", 1935, "VOB", 100, "2024-03", "Kvinna", ""],
      ]),
    );
    expect(problems(r, "conflictingSex").map((p) => [p.row, p.params.client, p.params.first, p.params.second])).toEqual([[5, "B", "M", "K"]]);
    expect(client(r, "B").sex).toBe("M");
  });
});

describe("benchmark rows named loosely", () => {
  function withBenchmark(rows: Row[]): KpbResult {
    const input = workbook(tables());
    input.Jämförelse = { rows: [["Nyckeltal", "Värde", "Källa", "År", "Kommun"], ...rows], sheet: "Jämförelse" };
    return runOk(input);
  }
  const ctx = (r: KpbResult) => ({ rows: r.benchmark, year: YEAR });

  test.each([
    ["Hemtjänst kr/beviljad timme"],
    ["KPB - Kostnad hemtjänst, egen regi, kr/beviljad timme"],
    ["kostnad per beviljad hemtjänsttimme"],
    ["HEMTJÄNST, KR/TIMME"],
  ])('"%s" is the benchmark of hemtjanst_egen_kr_timme', (name) => {
    const r = withBenchmark([[name, 649, "KPB", YEAR, "KPB-snitt"]]);
    const f = r.keyFigures.find((x) => x.id === "hemtjanst_egen_kr_timme")!;
    expect(benchmarkOfFigure(f, ctx(r))?.value).toBe("649");
    expect(problems(r, "benchmarkRowUnmatched")).toEqual([]);
  });

  test("SÄBO with and without HSL are told apart by their words", () => {
    expect(figureWords("Särskilt boende inkl. HSL, kr/dygn")).not.toEqual(figureWords("Särskilt boende exkl. HSL, kr/dygn"));
    const r = withBenchmark([["Kostnad per dygn i särskilt boende exklusive HSL", 2400, "KPB", YEAR, "KPB-snitt"]]);
    const exkl = r.keyFigures.find((x) => x.id === "sabo_egen_kr_dygn_exkl_hsl")!;
    const inkl = r.keyFigures.find((x) => x.id === "sabo_egen_kr_dygn_inkl_hsl")!;
    expect(benchmarkOfFigure(exkl, ctx(r))?.value).toBe("2400");
    expect(benchmarkOfFigure(inkl, ctx(r))?.origin ?? null).not.toBe("Jämförelse");
  });

  test("a row that matches nothing is a warning naming the closest figures", () => {
    const r = withBenchmark([["Hemtjänst kr/besök", 300, "Egen", YEAR, "Grannby"]]);
    const [p] = problems(r, "benchmarkRowUnmatched");
    expect([p.table, p.row, p.column, p.severity]).toEqual(["Jämförelse", 2, "Nyckeltal", "warning"]);
    expect(String(p.params.closest)).toContain("hemtjanst_egen_kr_timme");
  });

  test("a row only for a year after the run year is never used, and says so", () => {
    const r = withBenchmark([["hemtjanst_egen_kr_timme", 700, "KPB", YEAR + 1, "KPB-snitt"]]);
    const f = r.keyFigures.find((x) => x.id === "hemtjanst_egen_kr_timme")!;
    expect(benchmarkOfFigure(f, ctx(r))?.origin ?? null).not.toBe("Jämförelse");
    expect(problems(r, "benchmarkLaterYear").map((p) => p.params.years)).toEqual([String(YEAR + 1)]);
  });
});

describe("figure names in both languages", () => {
  test("every figure of a run has an English name without Swedish words, and its Swedish name is the one written", () => {
    const t = tables();
    t.population = [
      ["0-19", 2000],
      ["20-64", 5000],
      ["65-79", 1000],
      ["80-w", 500],
    ];
    const r = runOk(workbook(t));
    for (const f of r.keyFigures) {
      expect(figureNameIn(f, "sv")).toBe(f.name);
      expect({ id: f.id, en: figureNameIn(f, "en") }).toEqual({ id: f.id, en: expect.not.stringMatching(/Kostnad|kostnad|brukare|invånare|Andel|Ytterfall|åldrar| år\b|regi\b/) });
    }
    const perClient = r.keyFigures.find((f) => f.id === "kostnad_per_brukare:ÄO:alla")!;
    expect(figureNameIn(perClient, "en")).toBe("Cost per client, ÄO, all ages");
    expect(figureNameIn(r.keyFigures.find((f) => f.id === "kostnad_per_invanare:ÄO:80-w")!, "en")).toBe("Cost per inhabitant, ÄO, aged 80 and over");
  });
});

describe("ids by family in Jämförelse", () => {
  test("are taken as written, with no warning", () => {
    const input = workbook(tables());
    input.Jämförelse = {
      rows: [["Nyckeltal", "Värde", "År"], ["kostnad_per_brukare:ÄO:alla", 200000, YEAR], ["volym_per_invanare:Hemtjänst:80-w", 20, YEAR], ["styckkostnad:Hemtjänst i ordinärt boende:egen", 650, YEAR]],
      sheet: "Jämförelse",
    };
    const r = runOk(input);
    expect(problems(r, "benchmarkRowUnmatched")).toEqual([]);
  });
});

describe("amounts never break inside the number", () => {
  test("money is grouped with no-break spaces and joined to kr with one, in every message", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        for (const text of [oreToSwedish(ore), formatMoney(ore, "sv"), formatMoney(ore, "en"), formatDecimal(ore / 100, "sv")]) {
          expect(text).not.toMatch(/ /);
        }
      }),
    );
    const amount = oreToSwedish(-9_000_000);
    for (const code of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      const params = new Proxy({}, { get: () => amount }) as Record<string, string>;
      for (const language of ["sv", "en"] as const) {
        expect({ code, text: renderMessage(code, params, language) }).toEqual({ code, text: expect.not.stringMatching(/\d (\d|kr\b)/) });
      }
    }
  });
});
