/**
 * The whole task pane flow in headless Chromium against the BUILT add-in (dist/) and the fake
 * Office host: an empty workbook → Exempeldata → Kör KPB → the result sheets and charts in the fake
 * workbook → a changed ledger amount → Uppdatera (pane) and Uppdatera KPB (ribbon) → the figure
 * changed and nothing was duplicated; the KPB.* functions are registered and show the new run.
 *
 * Needs `npm run build` first (`npm run test:e2e` does both) and Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium). Saves test-output/e2e/taskpane-after-run.png.
 */
import * as fs from "fs";
import { assertDistBuilt, TaskpaneHarness } from "./harness";

jest.setTimeout(300000);

const HEMTJANST = "hemtjanst_egen_kr_timme";
const CHARTED_SHEETS = ["KPB Styckkostnader", "KPB Brukarmix", "KPB Konsumtion"];

interface ResultState {
  sheets: string[];
  charts: Record<string, string[]>;
  tables: string[];
  /** KPB Översikt's value for the home-care hour (column B of its row; the id is in its last column). */
  hemtjanst: number | null;
  /** KPB Styckkostnader's unit cost of HT_NORR. */
  htNorr: number | null;
}

describe("task pane flow: from an empty workbook to refreshed results", () => {
  let harness: TaskpaneHarness;

  beforeAll(async () => {
    assertDistBuilt();
    harness = await TaskpaneHarness.launch({ viewport: { width: 380, height: 900 } });
    await harness.openTaskpane();
  });

  afterAll(async () => {
    await harness?.close();
  });

  const resultState = (): Promise<ResultState> =>
    harness.fakeWorkbook((fake) => {
      const wb = fake.workbook;
      const sheets = wb.sheetNames();
      const kpb = sheets.filter((s: string) => s.startsWith("KPB"));
      const charts: Record<string, string[]> = {};
      for (const s of kpb) charts[s] = wb.charts(s).map((c: { name: string }) => c.name);
      const find = (sheet: string, id: string, column: number): number | null => {
        if (!sheets.includes(sheet)) return null;
        const row = wb.getValues(sheet).find((r: unknown[]) => r[0] === id || (sheet === "KPB Översikt" && r.includes(id)));
        return row ? (row[column] as number) : null;
      };
      return {
        sheets,
        charts,
        tables: wb.tables().map((t: { name: string }) => t.name),
        hemtjanst: find("KPB Översikt", "hemtjanst_egen_kr_timme", 1),
        htNorr: find(
          "KPB Styckkostnader",
          "HT_NORR",
          (wb.getValues("KPB Styckkostnader")[0] as unknown[]).indexOf("Styckkostnad"),
        ),
      };
    });

  /** Adds `kr` to the first HT_NORR staff-cost row of the ledger (Ansvar 6110, account 5110). */
  const raiseLedger = (kr: number): Promise<{ address: string; before: number; after: number }> =>
    harness.fakeWorkbook(
      (fake, amount) => {
        const rows = fake.workbook.getValues("Ekonomi");
        const i = rows.findIndex((r: unknown[]) => String(r[0]) === "6110" && String(r[3]) === "5110");
        const address = `E${i + 1}`;
        const before = rows[i][4] as number;
        fake.workbook.setCell("Ekonomi", address, before + amount);
        return { address, before, after: fake.workbook.getCell("Ekonomi", address) as number };
      },
      kr,
    );

  let afterFirstRun: ResultState;

  it("offers the sample data in an empty workbook and writes it", async () => {
    const page = harness.page;
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("KPB – Kostnad per brukare");
    await page.getByText("Arbetsboken har inga KPB-tabeller ännu", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Skriv exempeldata" }).click();
    await page.getByText("Exempelby är inskriven på 9 blad", { exact: false }).waitFor({ timeout: 120000 });
    const sheets = await harness.fakeWorkbook((fake) => fake.workbook.sheetNames());
    expect(sheets).toEqual(["Sheet1", "Ekonomi", "Kodning", "Pooler", "Nycklar", "Insatskatalog", "Brukare", "Befolkning", "Jämförelse", "Inställningar"]);
    const tables = await harness.fakeWorkbook((fake) => fake.workbook.tables().map((t: { name: string }) => t.name));
    expect(tables).toEqual(sheets.slice(1));
    // The pane moved on to Kör.
    await expect(page.getByRole("tab", { name: "Kör" }).getAttribute("aria-selected")).resolves.toBe("true");
    expect(harness.errors()).toEqual([]);
  });

  it("runs KPB: result sheets and charts in the workbook, the summary card in the pane", async () => {
    const page = harness.page;
    await page.getByRole("button", { name: "Kör KPB" }).click();
    const card = page.getByTestId("summary-card");
    await card.waitFor({ timeout: 180000 });
    afterFirstRun = await resultState();
    for (const sheet of ["KPB Översikt", "KPB Styckkostnader", "KPB Brukare", "KPB Ytterfall", "KPB Brukarmix", "KPB Konsumtion", "KPB Avstämning", "KPB Spårning"]) {
      expect(afterFirstRun.sheets).toContain(sheet);
    }
    for (const sheet of CHARTED_SHEETS) expect(afterFirstRun.charts[sheet].length).toBeGreaterThan(0);
    expect(afterFirstRun.charts["KPB Styckkostnader"]).toContain("KPB_Styckkostnad_diagram");
    expect(afterFirstRun.sheets.filter((s) => s.startsWith("KPB~"))).toEqual([]);
    expect(afterFirstRun.hemtjanst).toBeGreaterThan(300);

    // The card shows the same figure as the sheet, in Swedish format, against the benchmark.
    const ht = card.getByTestId(`figure-${HEMTJANST}`);
    const shown = (await ht.getByTestId("figure-value").textContent())!.replace(/\u00a0/g, " ");
    expect(shown).toBe(`${afterFirstRun.hemtjanst!.toFixed(2).replace(".", ",")} kr/timme`);
    await expect(ht.getByTestId("figure-index").textContent()).resolves.toMatch(/Index \d,\d\d/);
    await expect(card.getByTestId("summary-changes").textContent()).resolves.toContain("Första körningen i den här arbetsboken.");

    const file = await harness.screenshot("taskpane-after-run");
    expect(fs.statSync(file).size).toBeGreaterThan(10000);
    expect(harness.errors()).toEqual([]);
  });

  it("a result-sheet link activates the sheet", async () => {
    await harness.page.getByRole("button", { name: "Öppna bladet KPB Styckkostnader" }).click();
    await harness.page.waitForFunction(() => window.__fakeExcel.workbook.activeSheet === "KPB Styckkostnader");
    await expect(harness.fakeWorkbook((fake) => fake.workbook.activeSheet)).resolves.toBe("KPB Styckkostnader");
  });

  it("Kontroll lists the run's warnings with Visa, and Källdata the tables found", async () => {
    const page = harness.page;
    await harness.selectTab("Kontroll");
    await expect(page.getByTestId("checks-summary").textContent()).resolves.toMatch(/Körning \d\d:\d\d: 0 fel, \d+ varningar\./);
    await harness.screenshot("taskpane-checks");
    await harness.selectTab("Källdata");
    await page.getByText("Alla tabeller som krävs finns.").waitFor();
    await expect(page.getByTestId("source-Ekonomi").textContent()).resolves.toContain("Excel-tabellen Ekonomi");
    await harness.screenshot("taskpane-sources");
  });

  it("Förklara explains the pool on the selected row of KPB Styckkostnader", async () => {
    const page = harness.page;
    await page.evaluate(async () => {
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("KPB Styckkostnader");
        const ids = sheet.getRange("A1:A40").load("values");
        await context.sync();
        const row = ids.values.findIndex((r) => r[0] === "HT_NORR") + 1;
        sheet.activate();
        sheet.getRange(`D${row}`).select();
        await context.sync();
      });
    });
    await harness.selectTab("Förklara");
    await page.getByRole("button", { name: "Förklara markerad cell" }).click();
    const explanation = page.getByTestId("explanation");
    await explanation.waitFor();
    await expect(explanation.textContent()).resolves.toContain("Pool HT_NORR – Hemtjänst, Hemtjänst Norr");
    await expect(explanation.locator('[data-kind="check"]').first().textContent()).resolves.toContain("stämmer");
    await harness.screenshot("taskpane-explain");
    // "Visa" on a ledger row selects it in Ekonomi.
    await explanation.getByRole("button", { name: /^Visa 'Ekonomi'!A\d+ i arbetsboken$/ }).first().click();
    await page.waitForFunction(() => window.__fakeExcel.workbook.activeSheet === "Ekonomi");
    expect(harness.errors()).toEqual([]);
  });

  it("registers the worksheet functions under KPB, and they show the run", async () => {
    const ids = await harness.functionIds();
    expect(ids).toEqual(expect.arrayContaining(["VERSION", "UNITCOST", "COSTPERHOUR", "KEYFIGURES", "BENCHMARK", "INDEX"]));
    const manifest = fs.readFileSync(require("path").join(__dirname, "..", "..", "dist", "manifest.xml"), "utf8");
    expect(manifest).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="KPB"/);
    await expect(harness.callFunction("UNITCOST", "HT_NORR")).resolves.toBeCloseTo(afterFirstRun.htNorr!, 6);
  });

  it("after a ledger change, Uppdatera changes the figure without duplicating any sheet or chart", async () => {
    const page = harness.page;
    const edit = await raiseLedger(250000);
    expect(edit.after).toBe(edit.before + 250000);
    await harness.selectTab("Kör");
    await page.getByRole("button", { name: "Uppdatera KPB" }).click();
    const changes = page.getByTestId("summary-changes");
    await changes.getByText("Kostnad per beviljad hemtjänsttimme, egen regi").waitFor({ timeout: 180000 });

    const after = await resultState();
    expect(after.hemtjanst).not.toBeCloseTo(afterFirstRun.hemtjanst!, 6);
    expect(after.hemtjanst!).toBeGreaterThan(afterFirstRun.hemtjanst!);
    expect(after.htNorr!).toBeGreaterThan(afterFirstRun.htNorr!);
    expect(after.sheets).toEqual(afterFirstRun.sheets);
    expect(new Set(after.sheets).size).toBe(after.sheets.length);
    expect(after.charts).toEqual(afterFirstRun.charts);
    // Same tables, none duplicated (a recreated table comes last in the collection, so order differs).
    expect([...after.tables].sort()).toEqual([...afterFirstRun.tables].sort());
    await expect(harness.callFunction("UNITCOST", "HT_NORR")).resolves.toBeCloseTo(after.htNorr!, 6);
    expect(harness.errors()).toEqual([]);
  });

  it("the ribbon's Uppdatera KPB runs the same refresh", async () => {
    const before = await resultState();
    await raiseLedger(-100000);
    await expect(harness.invokeAction("refreshKpb", 180000)).resolves.toEqual({ completed: true });
    const after = await resultState();
    expect(after.hemtjanst!).toBeLessThan(before.hemtjanst!);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.charts).toEqual(before.charts);
    expect(harness.errors()).toEqual([]);
  });
});
