import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { writeInputWorkbook } from "../../src/cli/xlsx-output";
import { exempelbyTables } from "../../src/sample/exempelby";
import { twoYears } from "../engine/two-years";

/** `kpb run --period`: the monthly follow-up from the command line (issue 17). */
describe("kpb run --period", () => {
  let dir: string;
  let log: jest.SpyInstance;
  let err: jest.SpyInstance;
  let progress: jest.SpyInstance;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-period-"));
    log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    progress = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(async () => {
    log.mockRestore();
    err.mockRestore();
    progress.mockRestore();
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("runs the twelve months ending at the month, and the JSON and the summary say which", async () => {
    const file = path.join(dir, "tva-ar.xlsx");
    await writeInputWorkbook(file, twoYears((i) => (i % 12) + 1));
    const json = path.join(dir, "r.json");
    const out = path.join(dir, "r.xlsx");
    expect(await main(["run", file, "--period", "2025-06", "--json", json, "--out", out, "--secret-file", path.join(dir, "s")])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const month = wb.getWorksheet("KPB Månad")!;
    expect(month).toBeDefined();
    expect(String(month.getCell("A1").value)).toContain("2024-07 – 2025-06");
    const result = JSON.parse(await fs.readFile(json, "utf8"));
    expect(result.period).toEqual({ from: "2024-07", to: "2025-06" });
    expect(result.year).toBe(2025);
    expect(log.mock.calls.map((c) => String(c[0])).join("\n")).toContain("Exempelby 2024-07 – 2025-06 (rullande tolv månader)");
    expect(await main(["run", file, "--period", "2025-06", "--ytd", "--json", json, "--secret-file", path.join(dir, "s")])).toBe(0);
    expect(JSON.parse(await fs.readFile(json, "utf8")).period).toEqual({ from: "2025-01", to: "2025-06" });
  });

  test("a workbook without Period in Ekonomi is refused for a window, naming the column", async () => {
    const file = path.join(dir, "ett-ar.xlsx");
    await writeInputWorkbook(file, exempelbyTables());
    const problems = path.join(dir, "p.json");
    expect(await main(["run", file, "--period", "2024-06", "--problems", problems, "--secret-file", path.join(dir, "s")])).toBe(1);
    expect(await fs.stat(path.join(dir, "ett-ar-kpb.xlsx")).then(() => true, () => false)).toBe(false);
    const codes = JSON.parse(await fs.readFile(problems, "utf8")).problems.map((p: { code: string; table: string }) => `${p.table}:${p.code}`);
    expect(codes).toContain("Ekonomi:periodColumnMissing");
  });

  test("kpb sample --months 24 writes Period in Ekonomi; other month counts are usage errors", async () => {
    const file = path.join(dir, "s24.xlsx");
    expect(await main(["sample", file, "--months", "24"])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const header = (wb.getWorksheet("Ekonomi")!.getRow(1).values as unknown[]).filter(Boolean);
    expect(header).toContain("Period");
    expect(await main(["sample", path.join(dir, "s18.xlsx"), "--months", "18"])).toBe(2);
  });

  test("a month that is no month, --ytd alone and a --year of another year are usage errors", async () => {
    const file = path.join(dir, "x.xlsx");
    expect(await main(["run", file, "--period", "2025-13"])).toBe(2);
    expect(await main(["run", file, "--ytd"])).toBe(2);
    expect(await main(["run", file, "--year", "2024", "--period", "2025-06"])).toBe(2);
  });
});
