/**
 * `kpb kolada` fills `Jämförelse` from Kolada like the pane's button, answered from the recorded
 * Kolada fixtures (test/benchmark/fixtures/pane): the fetched rows replace earlier Kolada rows with
 * the same key, the user's own rows stay, the original workbook is never written, and the next
 * `kpb run` on the copy compares with the fetched value.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { cliFetch, main } from "../../src/cli/main";
import { koladaCommand, mergeBenchmarkRows } from "../../src/cli/kolada";
import { writeInputWorkbook } from "../../src/cli/xlsx-output";
import { exempelbyTables } from "../../src/sample/exempelby";
import { offlineKolada, recordedKolada } from "../benchmark/kolada-answers";

const HT = "hemtjanst_egen_kr_timme";

async function tableRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("kpb kolada", () => {
  let dir: string;
  let input: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-kolada-"));
    input = path.join(dir, "exempelby.xlsx");
    await writeInputWorkbook(input, exempelbyTables());
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it("writes a copy whose Jämförelse holds the fetched rows beside the user's own, and leaves the original as it was", async () => {
    const before = await fs.readFile(input);
    const { fetch, calls } = recordedKolada();
    const out = path.join(dir, "med-kolada.xlsx");
    const lines: string[] = [];
    const exit = await koladaCommand(input, { municipality: "0604", peers: "0680", years: "2023-2024", out }, fetch, (l) => lines.push(l));
    expect(exit).toBe(0);
    expect(await fs.readFile(input)).toEqual(before);
    // Only KPI ids, municipality codes and years went to Kolada.
    for (const url of calls) expect(url.startsWith("https://api.kolada.se/v3/")).toBe(true);
    const rows = await tableRows(out, "Jämförelse");
    expect(rows[0]).toEqual(["Nyckeltal", "Värde", "Källa", "År", "Kommun"]);
    const kolada = rows.filter((r) => String(r[2]).startsWith("Kolada"));
    expect(kolada).toContainEqual([HT, 702.4, "Kolada U21003", 2024, "0604 Aneby"]);
    expect(kolada.every((r) => r[3] === 2023 || r[3] === 2024)).toBe(true);
    const own = (await tableRows(input, "Jämförelse")).slice(1);
    for (const r of own) expect(rows).toContainEqual(r);
    expect(lines.join("\n")).toContain("U21003");
  });

  it("the next run on the copy compares hemtjänst with the fetched value for the run's year", async () => {
    const { fetch } = recordedKolada();
    const out = path.join(dir, "med-kolada.xlsx");
    expect(await koladaCommand(input, { municipality: "0604", peers: undefined, years: "2024", out }, fetch, () => undefined)).toBe(0);
    const spies = [jest.spyOn(console, "log").mockImplementation(() => undefined), jest.spyOn(process.stderr, "write").mockImplementation(() => true)];
    try {
      expect(await main(["run", out])).toBe(0);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.replace(/\.xlsx$/, "-kpb.xlsx"));
    const ws = wb.getWorksheet("KPB Översikt")!;
    let found: unknown[] | undefined;
    ws.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v.at(-1) === HT) found = v;
    });
    expect(found![3]).toBe(702.4);
  });

  it("replaces earlier Kolada rows with the same key and keeps everything else", () => {
    const existing = [
      ["Nyckeltal", "Värde", "Källa", "År", "Kommun"],
      [HT, 690, "Kolada U21003", 2024, "0604 Aneby"],
      [HT, 649, "KPB-snitt", 2023, "KPB-snitt"],
      [HT, 600, "Kolada U21003", 2022, "0604"],
    ];
    const merged = mergeBenchmarkRows(existing, [[HT, 702.4, "Kolada U21003", 2024, "0604"]]);
    expect(merged).toEqual([existing[0], existing[2], existing[3], [HT, 702.4, "Kolada U21003", 2024, "0604"]]);
  });

  it("writes nothing when Kolada cannot be reached, and says so", async () => {
    const out = path.join(dir, "med-kolada.xlsx");
    const lines: string[] = [];
    expect(await koladaCommand(input, { municipality: "0604", peers: undefined, years: "2024", out }, offlineKolada().fetch, (l) => lines.push(l))).toBe(2);
    await expect(fs.stat(out)).rejects.toThrow();
    expect(lines.join(" ")).toMatch(/Kolada svarade inte/);
  });

  it("refuses a bad municipality code or writing over the original", async () => {
    const saved = cliFetch.fetch;
    cliFetch.fetch = recordedKolada().fetch;
    const spies = [jest.spyOn(console, "error").mockImplementation(() => undefined), jest.spyOn(console, "log").mockImplementation(() => undefined)];
    try {
      expect(await main(["kolada", input, "--kommun", "60x"])).toBe(2);
      expect(await main(["kolada", input, "--kommun", "0604", "--out", input])).toBe(2);
    } finally {
      spies.forEach((s) => s.mockRestore());
      cliFetch.fetch = saved;
    }
  });
});
