/**
 * Headless browser test of the KPB.* worksheet functions in the built add-in (dist/ in Chromium with
 * the fake Office host): with the sample in the fake workbook, the ribbon's "Uppdatera KPB" (the
 * registered refresh) writes the `KPB …` sheets and the functions return the same figures as the
 * sheet cells; after an input cell changes and KPB is refreshed, an open cell shows the new figure.
 *
 * Needs `npm run build` first (`npm run test:e2e` does both) and Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium). KPB_DIST_DIR serves another build directory instead of dist/.
 */
import { exempelbyTables } from "../../src/sample/exempelby";
import { TaskpaneHarness } from "./harness";

jest.setTimeout(180000);

const tables = exempelbyTables();
const ledger = tables.Ekonomi;
const ANSVAR = ledger[0].indexOf("Ansvar");
const BELOPP = ledger[0].indexOf("Belopp");
/** A ledger row of Hemtjänst Norr (Ansvar 6110): its Belopp cell on the Ekonomi sheet. */
const norrRow = ledger.findIndex((row, i) => i > 0 && row[ANSVAR] === "6110");
const norrCell = `${String.fromCharCode(65 + BELOPP)}${norrRow + 1}`;

type Cell = unknown;

describe("KPB worksheet functions in headless Chromium", () => {
  let harness: TaskpaneHarness;

  beforeAll(async () => {
    harness = await TaskpaneHarness.launch(process.env.KPB_DIST_DIR ? { distDir: process.env.KPB_DIST_DIR } : {});
    await harness.openTaskpane({
      // The sample as one sheet and Excel table per contract table, before the add-in starts.
      beforeReady: async (h) => {
        await h.fakeWorkbook((fake, t) => {
          for (const [name, rows] of Object.entries(t)) {
            fake.workbook.addTable(name, name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), rows as unknown[][]);
          }
        }, tables as Record<string, unknown[][]>);
      },
    });
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** The row of a `KPB …` sheet whose first cell is `id`, and the column of `header`. */
  async function sheetCell(sheet: string, id: string, header: string): Promise<Cell> {
    const values = await harness.fakeWorkbook((fake, name) => fake.workbook.getValues(name) as unknown[][], sheet);
    const headerRow = values.find((r) => r.includes(header));
    // The id is in column A, or (KPB Översikt, the name first) the table's last column.
    const row = values.find((r) => r[0] === id || r.includes(id));
    if (!headerRow || !row) throw new Error(`${sheet}: no ${header} column or no row ${id}`);
    return row[headerRow.indexOf(header)];
  }

  async function refresh(): Promise<void> {
    const before = await harness.page.evaluate(() => (window as unknown as { __kpbCellValues?: unknown[] }).__kpbCellValues?.length ?? 0);
    await expect(harness.invokeAction("refreshKpb", 120000)).resolves.toEqual({ completed: true });
    // The refresh publishes after writing: the open cell has received a value beyond `before`.
    await harness.page.waitForFunction(
      (n) => ((window as unknown as { __kpbCellValues?: unknown[] }).__kpbCellValues?.length ?? 0) > n,
      before,
      { timeout: 20000 },
    );
  }

  it("an open KPB.COSTPERHOUR cell starts before any run and computes from the workbook", async () => {
    // Excel keeps a streaming cell's invocation; record every value it is given.
    await harness.page.evaluate(() => {
      const w = window as unknown as {
        __kpbCellValues: unknown[];
        __customFunctions: Record<string, (...a: unknown[]) => unknown>;
        CustomFunctions: { Error: new (...a: unknown[]) => Error };
      };
      w.__kpbCellValues = [];
      const invocation = {
        address: "Blad1!A1",
        setResult: (v: unknown) =>
          w.__kpbCellValues.push(v instanceof w.CustomFunctions.Error ? { error: (v as unknown as { code: string }).code, message: v.message } : v),
        onCanceled: undefined as undefined | (() => void),
      };
      w.__customFunctions.COSTPERHOUR(null, null, null, invocation);
    });
    await harness.page.waitForFunction(
      () => (window as unknown as { __kpbCellValues: unknown[] }).__kpbCellValues.some((v) => typeof v === "number"),
      undefined,
      { timeout: 60000 },
    );
    const values = await harness.page.evaluate(() => (window as unknown as { __kpbCellValues: unknown[] }).__kpbCellValues);
    expect(values[0]).toEqual({ error: "#N/A", message: "Kör KPB först" });
    expect(typeof values[values.length - 1]).toBe("number");
    // Computing for the functions writes nothing.
    const sheets = await harness.fakeWorkbook((fake) => fake.workbook.sheetNames());
    expect(sheets.filter((s) => s.startsWith("KPB"))).toEqual([]);
  });

  it("after the ribbon refresh, the functions return the figures on the KPB sheets", async () => {
    await refresh();
    const perHour = await sheetCell("KPB Översikt", "hemtjanst_egen_kr_timme", "Värde");
    const perDay = await sheetCell("KPB Översikt", "sabo_egen_kr_dygn_inkl_hsl", "Värde");
    const norr = await sheetCell("KPB Styckkostnader", "HT_NORR", "Styckkostnad");
    const client = await sheetCell("KPB Brukare", "EB00001", "Total kostnad");
    expect(typeof perHour).toBe("number");
    await expect(harness.callFunction("COSTPERHOUR", null, null)).resolves.toBe(perHour);
    await expect(harness.callFunction("COSTPERDAY", null, null)).resolves.toBe(perDay);
    await expect(harness.callFunction("UNITCOST", "HT_NORR")).resolves.toBe(norr);
    await expect(harness.callFunction("CLIENTCOST", "EB00001")).resolves.toBe(client);
    const table = (await harness.callFunction("KEYFIGURES")) as unknown[][];
    expect(table.find((r) => r[0] === "hemtjanst_egen_kr_timme")?.[3]).toBe(perHour);
    const last = await harness.page.evaluate(() => (window as unknown as { __kpbCellValues: unknown[] }).__kpbCellValues.at(-1));
    expect(last).toBe(perHour);
  });

  it("after an input cell changes and KPB is refreshed, the open cell and new calls show the new figure", async () => {
    const before = await sheetCell("KPB Översikt", "hemtjanst_egen_kr_timme", "Värde");
    await harness.fakeWorkbook(
      (fake, { cell, value }) => fake.workbook.setCell("Ekonomi", cell, value),
      { cell: norrCell, value: Number(ledger[norrRow][BELOPP]) + 250_000 },
    );
    await refresh();
    const after = await sheetCell("KPB Översikt", "hemtjanst_egen_kr_timme", "Värde");
    expect(after).not.toBe(before);
    const last = await harness.page.evaluate(() => (window as unknown as { __kpbCellValues: unknown[] }).__kpbCellValues.at(-1));
    expect(last).toBe(after);
    await expect(harness.callFunction("COSTPERHOUR", "Hemtjänst", null)).resolves.toBe(after);
    await expect(harness.callFunction("UNITCOST", "HT_NORR")).resolves.toBe(await sheetCell("KPB Styckkostnader", "HT_NORR", "Styckkostnad"));
  });

  it("the range functions work in the page: KPB.ALLOCATE to the öre, KPB.UNITCOSTS with #DIV/0! inside", async () => {
    const parts = (await harness.callFunction("ALLOCATE", 100, [[1], [1], [1]])) as number[][];
    expect(parts.flat().reduce((s, v) => s + Math.round(v * 100), 0)).toBe(10000);
    const unit = (await harness.callFunction("UNITCOSTS", [[100, 50]], [[4, 0]])) as unknown[][];
    expect(unit[0][0]).toBe(25);
    expect(unit[0][1]).toMatchObject({ error: "#DIV/0!" });
  });

  it("serves the Swedish function names for Swedish Excel", async () => {
    const swedish = await harness.page.evaluate(async () => {
      const response = await fetch("https://localhost:3000/functions.sv.json");
      return (await response.json()) as { functions: { id: string; name: string }[] };
    });
    const names = Object.fromEntries(swedish.functions.map((f) => [f.id, f.name]));
    expect(names).toMatchObject({ COSTPERHOUR: "KOSTNADPERTIMME", COSTPERINHABITANT: "KOSTNADPERINVANARE", ALLOCATE: "FORDELA" });
    expect(Object.keys(names).sort()).toEqual((await harness.functionIds()).sort());
  });

  it("raised no page errors", () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
