/**
 * Headless smoke test of the built add-in: dist/ in Chromium with the fake Office host.
 * Needs `npm run build` first (`npm run test:e2e` does both) and Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium).
 */
import * as fs from "fs";
import * as path from "path";
import { assertDistBuilt, ROOT_DIR, TaskpaneHarness } from "./harness";

const packageVersion = (JSON.parse(fs.readFileSync(path.join(ROOT_DIR, "package.json"), "utf8")) as { version: string })
  .version;

jest.setTimeout(120000);

describe("task pane in headless Chromium", () => {
  let harness: TaskpaneHarness;

  beforeAll(async () => {
    assertDistBuilt();
    harness = await TaskpaneHarness.launch();
  });

  afterAll(async () => {
    await harness?.close();
  });

  describe("Swedish Excel (default)", () => {
    beforeAll(async () => {
      await harness.openTaskpane();
    });

    it("renders the title without errors", async () => {
      await expect(harness.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "KPB – Kostnad per brukare",
      );
      // The pane has loaded the workbook state and shows its sections.
      await harness.page.getByRole("tab", { name: "Källdata" }).waitFor();
      expect(harness.errors()).toEqual([]);
    });

    it("registers KPB.VERSION, which returns the package version", async () => {
      expect(await harness.functionIds()).toContain("VERSION");
      await expect(harness.callFunction("VERSION")).resolves.toBe(packageVersion);
    });

    it("associates the ribbon action refreshKpb, which completes its event", async () => {
      expect(await harness.actionIds()).toContain("refreshKpb");
      // The pane registered its refresh; in this empty workbook it is blocked (no tables), so the
      // command shows the pane, where the problems are.
      await expect(harness.invokeAction("refreshKpb")).resolves.toEqual({ completed: true });
      expect((await harness.taskpaneState()).calls).toContain("showAsTaskpane");
      expect(harness.errors()).toEqual([]);
    });

    it("runs Excel.run in the page against the fake workbook", async () => {
      await harness.page.evaluate(async () => {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["Kostnad", 1234.5]];
          await context.sync();
        });
      });
      await expect(harness.fakeWorkbook((fake) => fake.workbook.getValues("Sheet1", "A1:B1"))).resolves.toEqual([
        ["Kostnad", 1234.5],
      ]);
      await expect(harness.fakeWorkbook((fake) => fake.stats.syncCount)).resolves.toBeGreaterThanOrEqual(1);
      const snapshot = (await harness.fakeWorkbook()) as { sheets: { name: string }[] };
      expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
    });

    it("imports a Windows-1252 CSV file on Källdata: summary first, then a new sheet with the rows", async () => {
      await harness.page.getByRole("tab", { name: "Källdata" }).click();
      const csv = "Ansvar;Verksamhet;Konto;Belopp;Text\r\n6110;511;5110;1 234,50;Lön\r\n6110;511;4010;\"-34,50\";Återbetalning\r\n";
      const buffer = Buffer.from([...csv].map((ch) => ch.charCodeAt(0)));
      await harness.page.getByTestId("import-file-input").setInputFiles({ name: "utfall.csv", mimeType: "text/csv", buffer });
      const summary = harness.page.getByTestId("import-summary");
      await summary.getByText("Summa belopp: 1 200,00 kr").waitFor();
      await summary.getByText("Teckenkodning: Windows-1252").waitFor();
      await summary.getByRole("button", { name: "Skriv till Ekonomi" }).click();
      await harness.page.getByText("2 rader skrevs till bladet Ekonomi (fil); Ekonomi läses nu därifrån.").waitFor();
      await expect(harness.fakeWorkbook((fake) => fake.workbook.getValues("Ekonomi (fil)", "A1:E3"))).resolves.toEqual([
        ["Ansvar", "Verksamhet", "Konto", "Belopp", "Text"],
        ["6110", "511", "5110", 1234.5, "Lön"],
        ["6110", "511", "4010", -34.5, "Återbetalning"],
      ]);
      expect(harness.errors()).toEqual([]);
    });

    it("saves a screenshot", async () => {
      const file = await harness.screenshot("taskpane");
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
    });
  });

  describe("English Excel, workbook seeded before Office.onReady", () => {
    it("shows the English strings and sees the seeded sheet", async () => {
      await harness.openTaskpane({
        office: { displayLanguage: "en-US", excel: { sheets: ["Indata"] } },
        beforeReady: async (h) => {
          await h.fakeWorkbook((fake) => fake.workbook.addSheet("Ekonomi", [["Konto", "Belopp"], ["4010", 100]]));
        },
      });
      await expect(harness.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "KPB – Cost per client",
      );
      await expect(harness.fakeWorkbook((fake) => fake.workbook.sheetNames())).resolves.toEqual(["Indata", "Ekonomi"]);
      await harness.screenshot("taskpane-en");
      expect(harness.errors()).toEqual([]);
    });
  });
});
