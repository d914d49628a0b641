/**
 * A workbook made by hand, unlike the sample, in the pane at Excel's default width (320 px):
 * interventions named the municipality's way ("Hälso- och sjukvård", "Hemtjänst i ordinärt
 * boende", "Vård- och omsorgsboende"), its own Insatskatalog without Nyckeltal, no Boendeform, and
 * a Jämförelse row named "Hemtjänst kr/beviljad timme". The figures are worked out by hand below.
 *
 * Needs `npm run build` first and Chromium (CHROMIUM_PATH or /usr/bin/chromium). Saves
 * test-output/e2e/foreign-320-*.png.
 */
import * as fs from "fs";
import { assertDistBuilt, TaskpaneHarness } from "./harness";

jest.setTimeout(300000);

/*
 * Småby 2024, by hand:
 * - HSL ("Hälso- och sjukvård", support pool, by cost to VOB): 350 000 kr, all to VOB.
 * - HT ("Hemtjänst i ordinärt boende"): 1 000 000 kr over A 200 h + B 700 h + D 100 h = 1 000 h → 1 000 kr/h.
 * - VOB ("Vård- och omsorgsboende"): 3 000 000 + 350 000 kr over C 365 + D 100 + E 35 = 500 dygn
 *   → 6 700 kr/dygn incl. HSL, 6 000 excl., HSL in SÄBO 700 kr/dygn.
 * - Clients: A 200 000, B 700 000 (ordinary, over 600 000), C 2 445 500 (SÄBO, over), D 100 000 HT +
 *   670 000 VOB = 770 000 (SÄBO by the larger cost, over), E 234 500 (SÄBO).
 *   Ytterfall ordinärt boende 1 of 2 = 50 %; särskilt boende 2 of 3 = 66,67 %.
 * - Jämförelse "Hemtjänst kr/beviljad timme" 649 (2024) → index 1 000 / 649 = 1,54; the 2025 row is never used.
 */
const SHEETS: [string, unknown[][]][] = [
  [
    "Ekonomi",
    [
      ["Ansvar", "Verksamhet", "Konto", "Belopp", "Text"],
      [6100, 510, 5110, 350000, "Sjuksköterskor"],
      [6200, 520, 5110, 1000000, "Hemtjänst personal"],
      [6300, 530, 5110, 2000000, "Boendet personal"],
      [6300, 530, 5610, 1000000, "Hyra boendet"],
    ],
  ],
  [
    "Kodning",
    [
      ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"],
      [6100, null, null, null, "HSL", null],
      [6200, null, null, null, "HT", null],
      [6300, null, null, null, "VOB", null],
    ],
  ],
  [
    "Pooler",
    [
      ["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"],
      ["HSL", "Hälso- och sjukvård", "Sjuksköterskor", "egen", "stöd", "kostnad", "VOB", null],
      ["HT", "Hemtjänst i ordinärt boende", "Hemtjänstgruppen", "egen", "insats", null, null, null],
      ["VOB", "Vård- och omsorgsboende", "Björkgården", "egen", "insats", null, null, 2],
    ],
  ],
  [
    "Insatskatalog",
    [
      ["Insats", "Område", "Volymenhet"],
      ["Hemtjänst i ordinärt boende", "ÄO", "timmar"],
      ["Vård- och omsorgsboende", "ÄO", "dygn"],
      ["Hälso- och sjukvård", "ÄO", "timmar"],
    ],
  ],
  [
    "Brukare",
    [
      ["BrukarID", "Födelseår", "Kön", "Pool", "Volym"],
      ["A", 1940, "K", "HT", 200],
      ["B", 1935, "M", "HT", 700],
      ["C", 1930, "K", "VOB", 365],
      ["D", 1938, "K", "HT", 100],
      ["D", 1938, "K", "VOB", 100],
      ["E", 1945, "M", "VOB", 35],
    ],
  ],
  [
    "Befolkning",
    [
      ["Åldersgrupp", "Antal"],
      ["0-19", 300],
      ["20-64", 1000],
      ["65-79", 300],
      ["80-w", 100],
    ],
  ],
  [
    "Jämförelse",
    [
      ["Nyckeltal", "Värde", "Källa", "År", "Kommun"],
      ["Hemtjänst kr/beviljad timme", 649, "KPB-rapport", 2024, "KPB-snitt"],
      ["Hemtjänst kr/beviljad timme", 700, "KPB-rapport", 2025, "KPB-snitt"],
      ["Fotvård kr/besök", 300, "Grannby", 2024, "Grannby"],
    ],
  ],
  [
    "Inställningar",
    [
      ["Inställning", "Värde"],
      ["År", 2024],
      ["Kommun", "Småby"],
    ],
  ],
];

interface Layout {
  /** Top offsets of the visible tabs, and the tab list's height against one tab's. */
  tabTops: number[];
  tabListHeight: number;
  tabHeight: number;
  /** Numbers grouped in thousands whose text runs over more than one line box. */
  brokenNumbers: string[];
  /** Numbers grouped with a breakable ASCII space. */
  breakableNumbers: string[];
}

describe("a hand-made workbook in the pane at 320 px", () => {
  let harness: TaskpaneHarness;

  beforeAll(async () => {
    assertDistBuilt();
    harness = await TaskpaneHarness.launch({ viewport: { width: 320, height: 1400 } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const open = (displayLanguage: string) =>
    harness.openTaskpane({
      office: { displayLanguage },
      beforeReady: async (h) => {
        await h.fakeWorkbook((fake, sheets) => {
          for (const [name, values] of sheets) fake.workbook.addSheet(name, values);
        }, SHEETS);
      },
    });

  /** Measures the pane in the page: the tab line, and every grouped number's line boxes. */
  const layout = (): Promise<Layout> =>
    harness.page.evaluate(() => {
      const tabs = Array.from(document.querySelectorAll('[role="tab"]')).filter((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement[];
      const list = document.querySelector('[role="tablist"]') as HTMLElement;
      const brokenNumbers: string[] = [];
      const breakableNumbers: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const m of text.matchAll(/−?-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?:[ \u00a0\u202f]kr)?/g)) {
          if (/\d \d{3}/.test(m[0])) breakableNumbers.push(m[0]);
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) brokenNumbers.push(m[0]);
        }
      }
      return {
        tabTops: tabs.map((t) => Math.round(t.getBoundingClientRect().top)),
        tabListHeight: list.getBoundingClientRect().height,
        tabHeight: Math.max(...tabs.map((t) => t.getBoundingClientRect().height)),
        brokenNumbers,
        breakableNumbers,
      };
    });

  const expectOneTabLineAndWholeNumbers = async () => {
    const l = await layout();
    expect(new Set(l.tabTops).size).toBe(1);
    expect(l.tabListHeight).toBeLessThan(l.tabHeight * 1.5);
    expect(l.breakableNumbers).toEqual([]);
    expect(l.brokenNumbers).toEqual([]);
  };

  const overview = (id: string): Promise<{ value: number; benchmark: number | null; year: string | null } | null> =>
    harness.fakeWorkbook(
      (fake, figureId) => {
        // The full table of KPB Översikt: name first, id last; the benchmark's year stands in "Jämförelsen avser".
        const values: unknown[][] = fake.workbook.getValues("KPB Översikt");
        const header = values.find((r) => r[0] === "Nyckeltal" && r.includes("Id"))!;
        const col = (name: string) => header.indexOf(name);
        const row = values.find((r) => r[col("Id")] === figureId);
        if (!row) return null;
        const year = /\d{4}/.exec(String(row[col("Jämförelsen avser")] ?? ""));
        return { value: row[col("Värde")] as number, benchmark: (row[col("Jämförelse")] as number | null) ?? null, year: year ? year[0] : null };
      },
      id,
    );

  it("shows Småby 2024 on first load, with the tabs on one line", async () => {
    await open("sv-SE");
    const page = harness.page;
    await expect(page.getByTestId("pane-subtitle").textContent()).resolves.toBe("Småby 2024");
    await expectOneTabLineAndWholeNumbers();
    await page.getByTestId("tabs-more").waitFor();
    await harness.screenshot("foreign-320-first-load");
    expect(harness.errors()).toEqual([]);
  });

  it("runs KPB with the municipality's names and gets the figures worked out by hand", async () => {
    const page = harness.page;
    await harness.selectTab("Kör");
    await page.getByRole("button", { name: "Kör KPB" }).click();
    const card = page.getByTestId("summary-card");
    await card.waitFor({ timeout: 180000 });

    const near = (actual: number | undefined | null, expected: number) => expect(actual).toBeCloseTo(expected, 6);
    near((await overview("hemtjanst_egen_kr_timme"))?.value, 1000);
    near((await overview("sabo_egen_kr_dygn_inkl_hsl"))?.value, 6700);
    near((await overview("sabo_egen_kr_dygn_exkl_hsl"))?.value, 6000);
    near((await overview("hsl_sabo_kr_dygn"))?.value, 700);
    // Shares are written as fractions in percent-formatted cells.
    near((await overview("ytterfall_ordinart_andel"))?.value, 0.5);
    near((await overview("ytterfall_sabo_andel"))?.value, 2 / 3);
    near((await overview("kostnad_per_brukare:ÄO:alla"))?.value, 870000);
    // The named Jämförelse row of the run year is the benchmark; the 2025 row is never used.
    const ht = await overview("hemtjanst_egen_kr_timme");
    expect(ht?.benchmark).toBe(649);
    expect(ht?.year).toBe("2024");

    // KPB Brukare: housing from the interventions, D by the larger cost.
    const housing = await harness.fakeWorkbook((fake) => {
      const rows = fake.workbook.getValues("KPB Brukare") as unknown[][];
      const header = rows[0];
      const at = (name: string) => header.indexOf(name);
      return Object.fromEntries(rows.slice(1).filter((r) => r[0]).map((r) => [r[0], `${r[at("Boendeform")]} / ${r[at("Boende enligt")]}`]));
    });
    expect(housing).toEqual({
      A: "ordinärt / insatser",
      B: "ordinärt / insatser",
      C: "särskilt / insatser",
      D: "särskilt / störst kostnad",
      E: "särskilt / insatser",
    });

    // The card compares hemtjänst with 649 kr: index 1 000 / 649 = 1,54.
    const figure = card.getByTestId("figure-hemtjanst_egen_kr_timme");
    await expect(figure.getByTestId("figure-value").textContent()).resolves.toBe("1\u00a0000,00\u00a0kr/timme");
    await expect(figure.getByTestId("figure-index").textContent()).resolves.toMatch(/Index 1,54/);
    await expectOneTabLineAndWholeNumbers();
    await harness.screenshot("foreign-320-after-run");
    expect(harness.errors()).toEqual([]);
  });

  it("Kontroll shows each pool's catalogue entry and the Jämförelse rows that were not used", async () => {
    const page = harness.page;
    await harness.selectTab("Kontroll");
    const matches = page.getByTestId("catalogue-matches");
    await matches.waitFor();
    const text = (await matches.textContent()) ?? "";
    expect(text).toContain("HT: Hemtjänst i ordinärt boende = katalogens Hemtjänst i ordinärt boende");
    expect(text).toContain("VOB: Vård- och omsorgsboende = katalogens Vård- och omsorgsboende");
    const benchmarkGroup = page.getByTestId("problem-group-Jämförelse");
    const problems = (await benchmarkGroup.textContent()) ?? "";
    expect(problems).toContain('Jämförelseraden "Fotvård kr/besök" motsvarar inget nyckeltal');
    expect(problems).toContain("gäller år efter körningsåret 2024 (2025)");
    await expectOneTabLineAndWholeNumbers();
    await harness.screenshot("foreign-320-checks");
    expect(harness.errors()).toEqual([]);
  });

  it("in English the card names the figures in English", async () => {
    await open("en-US");
    const page = harness.page;
    await harness.selectTab("Run");
    await page.getByRole("button", { name: "Run KPB" }).click();
    const card = page.getByTestId("summary-card");
    await card.waitFor({ timeout: 180000 });
    const names = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="summary-card"] li[data-testid^="figure-"]')).map((li) => li.firstElementChild?.textContent ?? ""),
    );
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(name).not.toMatch(/Kostnad|kostnad|brukare|invånare|Ytterfall|åldrar|regi\b/);
    await expect(card.getByTestId("figure-hemtjanst_egen_kr_timme").textContent()).resolves.toContain("Cost per granted home-care hour, in-house");
    await expectOneTabLineAndWholeNumbers();
    const file = await harness.screenshot("foreign-320-english");
    expect(fs.statSync(file).size).toBeGreaterThan(10000);
    expect(harness.errors()).toEqual([]);
  });
});
