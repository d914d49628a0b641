/**
 * Jämförelse › Hämta från Kolada in headless Chromium against the BUILT add-in (dist/) and the fake
 * Office host. https://api.kolada.se/** is answered from the recorded-shape v3 fixtures
 * (test/benchmark/kolada-answers.ts); every other outside request stays blocked. Exempeldata → Kör
 * KPB → Hämta från Kolada → the Jämförelse table in the fake workbook holds the fetched rows beside
 * the user's own → a second fetch changes nothing → Uppdatera KPB → KPB Översikt uses the fetched
 * benchmark. Offline (Kolada unreachable) shows a message and writes nothing.
 *
 * Needs `npm run build` first (`npm run test:e2e` does both) and Chromium.
 */
import type { Page } from "playwright-core";
import { answerKolada } from "../benchmark/kolada-answers";
import { assertDistBuilt, TaskpaneHarness } from "./harness";

jest.setTimeout(300000);

const HT = "hemtjanst_egen_kr_timme";
const SABO = "sabo_egen_kr_dygn_inkl_hsl";
const CORS = { "access-control-allow-origin": "*" };

/** Answers Kolada from the fixtures and records the URLs (the harness blocks everything else). */
async function routeKolada(page: Page, calls: string[]): Promise<void> {
  await page.route("https://api.kolada.se/**", async (route) => {
    const url = route.request().url();
    calls.push(url);
    const answer = answerKolada(url);
    await route.fulfill({ status: answer.status, contentType: "application/json", headers: CORS, body: JSON.stringify(answer.body) });
  });
}

type Row = (string | number | boolean)[];

describe("Jämförelse: Hämta från Kolada in the task pane", () => {
  let harness: TaskpaneHarness;
  const calls: string[] = [];

  beforeAll(async () => {
    assertDistBuilt();
    harness = await TaskpaneHarness.launch({ viewport: { width: 380, height: 1000 } });
    await harness.openTaskpane({ setupPage: (page) => routeKolada(page, calls) });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const benchmarkTable = (): Promise<{ values: Row[]; table: { address: string; dataRowCount: number } | undefined }> =>
    harness.fakeWorkbook((fake) => ({
      values: fake.workbook.getValues("Jämförelse") as Row[],
      table: fake.workbook.tables().find((t: { name: string }) => t.name === "Jämförelse"),
    }));

  const overviewRow = (id: string): Promise<{ header: Row; row: Row | undefined }> =>
    harness.fakeWorkbook(
      (fake, key) => {
        const values = fake.workbook.getValues("KPB Översikt") as Row[];
        // The table of every key figure sits below the title block, its id in the last column.
        const header = values.find((r) => r[0] === "Nyckeltal" && r.includes("Id"))!;
        return { header, row: values.find((r) => r[header.indexOf("Id")] === key) };
      },
      id,
    );

  let sampleRows: Row[];

  it("writes the sample and runs KPB once (benchmark from the sample's own Jämförelse rows)", async () => {
    const page = harness.page;
    await page.getByRole("button", { name: "Skriv exempeldata" }).click();
    await page.getByText("Exempelby är inskriven på 9 blad", { exact: false }).waitFor({ timeout: 120000 });
    sampleRows = (await benchmarkTable()).values;
    await page.getByRole("button", { name: "Kör KPB" }).click();
    await page.getByTestId("summary-card").waitFor({ timeout: 180000 });
    const { header, row } = await overviewRow(HT);
    expect(row![header.indexOf("Jämförelse")]).toBe(649);
    expect(calls).toEqual([]);
  });

  it("fetches from Kolada and writes the Jämförelse table, keeping the sample's own rows", async () => {
    const page = harness.page;
    await harness.selectTab("Jämförelse");
    await page.getByRole("heading", { name: "Jämförelse från Kolada" }).waitFor();
    // Prefilled from the run: Kommunkod 9999 (Exempelby) and the run year 2024 with the two before.
    await expect(page.getByRole("textbox", { name: /^Kommunkod/ }).inputValue()).resolves.toBe("9999");
    await expect(page.getByRole("textbox", { name: /^År/ }).inputValue()).resolves.toBe("2022, 2023, 2024");
    await page.getByRole("textbox", { name: /^Kommunkod/ }).fill("0604");
    await page.getByRole("textbox", { name: /^Jämförelsekommuner/ }).fill("0680");
    await page.getByRole("button", { name: "Hämta från Kolada" }).click();
    const result = page.getByTestId("benchmark-result");
    await result.waitFor({ timeout: 60000 });
    await expect(result.textContent()).resolves.toContain("8 värden från Kolada finns nu i tabellen Jämförelse på bladet Jämförelse (8 nya, 0 ersatta).");
    await expect(page.getByTestId(`benchmark-kpi-korttid_egen_kr_dygn`).textContent()).resolves.toContain("finns inte längre i Kolada");
    await harness.screenshot("taskpane-kolada");

    const { values, table } = await benchmarkTable();
    expect(values.slice(0, sampleRows.length)).toEqual(sampleRows);
    expect(values.slice(sampleRows.length)).toEqual([
      ["gruppbostad_egen_kr_dygn", 4211.5, "Kolada U28030", 2023, "0680 Jönköping"],
      [HT, 611.2, "Kolada U21003", 2022, "0604 Aneby"],
      [HT, 648.9, "Kolada U21003", 2023, "0604 Aneby"],
      [HT, 702.4, "Kolada U21003", 2024, "0604 Aneby"],
      [HT, 622.5, "Kolada U21003", 2023, "0680 Jönköping"],
      [HT, 655.1, "Kolada U21003", 2024, "0680 Jönköping"],
      [SABO, 2598.3, "Kolada U23004", 2023, "0604 Aneby"],
      [SABO, 2711, "Kolada U23004", 2024, "0680 Jönköping"],
    ]);
    expect(table!.dataRowCount).toBe(sampleRows.length - 1 + 8);

    // Only KPI ids, municipality codes, years and the search word went out.
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const url of calls) {
      expect(url).toMatch(/^https:\/\/api\.kolada\.se\/v3\/(?:kpi\?title=KPB|data\/kpi\/[A-Z0-9,]+\/municipality\/[0-9,]+\/year\/[0-9,]+|municipality\/[0-9,]+)$/);
    }
    expect(harness.errors()).toEqual([]);
  });

  it("fetching again gives the same table", async () => {
    const page = harness.page;
    const before = await benchmarkTable();
    await page.getByRole("button", { name: "Hämta från Kolada" }).click();
    await page.getByText("(0 nya, 8 ersatta)", { exact: false }).waitFor({ timeout: 60000 });
    expect(await benchmarkTable()).toEqual(before);
  });

  it("the next run's KPB Översikt uses the fetched benchmark", async () => {
    const page = harness.page;
    await harness.selectTab("Kör");
    await page.getByRole("button", { name: "Uppdatera KPB" }).click();
    await page.waitForFunction(
      (key) => {
        const values = window.__fakeExcel.workbook.getValues("KPB Översikt") as unknown[][];
        const header = values.find((r) => r[0] === "Nyckeltal" && r.includes("Id"));
        if (!header) return false;
        const col = header.indexOf("Jämförelse");
        const row = values.find((r) => r[header.indexOf("Id")] === key);
        return row !== undefined && row[col] === 678.75;
      },
      HT,
      { timeout: 180000 },
    );
    // The run is over when the button is enabled again.
    await page.getByRole("button", { name: "Uppdatera KPB", disabled: false }).waitFor({ timeout: 180000 });
    const ht = await overviewRow(HT);
    // The run's municipality is Exempelby (9999), so Aneby and Jönköping are both peers and the
    // benchmark is their unweighted mean for 2024: (702.4 + 655.1) / 2 = 678.75.
    expect(ht.row![ht.header.indexOf("Jämförelse")]).toBe(678.75);
    expect(String(ht.row![ht.header.indexOf("Källa")])).toContain("Medel av 2 kommuner (Kolada U21003)");
    // Kolada's SÄBO value for 0604 2024 is suppressed, so the run year's value is the peer's.
    const sabo = await overviewRow(SABO);
    expect(sabo.row![sabo.header.indexOf("Jämförelse")]).toBe(2711);
    expect(harness.errors()).toEqual([]);
  });

  it("offline: a message and nothing written", async () => {
    const page = await harness.openTaskpane(); // no Kolada route: the harness blocks api.kolada.se
    await harness.selectTab("Jämförelse");
    await page.getByRole("textbox", { name: /^Kommunkod/ }).fill("0604");
    const before = await harness.fakeWorkbook((fake) => JSON.stringify(fake.workbook.snapshot()));
    await page.getByRole("button", { name: "Hämta från Kolada" }).click();
    const error = page.getByTestId("benchmark-error");
    await error.waitFor({ timeout: 60000 });
    await expect(error.textContent()).resolves.toContain("Kolada kunde inte nås.");
    expect(await harness.fakeWorkbook((fake) => JSON.stringify(fake.workbook.snapshot()))).toBe(before);
    expect(harness.blockedRequests).toEqual(["https://api.kolada.se/v3/kpi?title=KPB"]);
  });
});
