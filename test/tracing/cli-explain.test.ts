/**
 * `kpb explain` on the sample written as a workbook: prints SABO_ROSEN's explanation (rows that
 * really are rows of the file's Ekonomi sheet), a client and a key figure; exit 2 with close pool
 * ids for an unknown pool.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/cli/xlsx-input";
import { writeInputWorkbook } from "../../src/cli/xlsx-output";
import { runKpb } from "../../src/engine/run";
import { oreToSwedish } from "../../src/engine/money";
import { exempelbyTables } from "../../src/sample/exempelby";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-explain-"));
  file = path.join(dir, "exempelby.xlsx");
  await writeInputWorkbook(file, exempelbyTables());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs main and captures what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" "))),
    jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" "))),
    jest.spyOn(process.stderr, "write").mockImplementation(() => true),
  ];
  try {
    const code = await main(args);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

describe("kpb explain", () => {
  it("prints the explanation of the SÄBO pool SABO_ROSEN, down to the rows of the file", async () => {
    const { code, out } = await cli(["explain", file, "--pool", "SABO_ROSEN"]);
    expect(code).toBe(0);
    const outcome = runKpb(await readWorkbookFile(file));
    if (!outcome.ok) throw new Error("sample run failed");
    const pool = outcome.result.pools.find((p) => p.pool === "SABO_ROSEN")!;
    expect(out).toContain("Pool SABO_ROSEN – Särskilt boende, Rosenborg (egen regi, ÄO)");
    expect(out).toMatch(new RegExp(`Direkt kostnad +${oreToSwedish(pool.directOre)}\\u00a0kr`));
    expect(out).toMatch(new RegExp(`Total kostnad +${oreToSwedish(pool.costOre)}\\u00a0kr`));
    expect(out).toContain("Fördelad kostnad från stödpooler");
    expect(out).toContain("kedja: KOMMUN_OH → FORV_OH → SABO_ROSEN");
    expect(out).toContain("Styckkostnad = ");
    expect(out).not.toContain("STÄMMER INTE");
    // Every printed ledger row is that row of the file's Ekonomi sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Ekonomi")!;
    const printed = [...out.matchAll(/Ekonomi rad (\d+): Ansvar (\S+), Verksamhet (\S+), Konto (\S+) \(regel rad \d+\) +(−?[\d\u00a0]+,\d\d)\u00a0kr/g)];
    expect(printed.length).toBe(outcome.result.coding.targetOfRow.filter((t) => t === "SABO_ROSEN").length);
    for (const [, row, ansvar, , konto, amount] of printed) {
      const cells = ws.getRow(Number(row));
      expect(String(cells.getCell(1).value)).toBe(ansvar);
      expect(String(cells.getCell(4).value)).toBe(konto);
      expect(`${oreToSwedish(Math.round(Number(cells.getCell(5).value) * 100))}`).toBe(amount);
    }
  });

  it("explains a client and a key figure, in English on request", async () => {
    const client = await cli(["explain", file, "--client", "EB00001", "--lang", "en"]);
    expect(client.code).toBe(0);
    expect(client.out).toContain("Client EB00001");
    expect(client.out).toContain("adds up");
    const figure = await cli(["explain", file, "--figure", "hemtjanst_egen_kr_timme"]);
    expect(figure.code).toBe(0);
    expect(figure.out).toContain("HT_NORR");
    expect(figure.out).not.toContain("HT_OMSORGAB"); // annan regi is outside the published figure
  });

  it("exits 2 on an unknown pool and names the close pool ids", async () => {
    const { code, err, out } = await cli(["explain", file, "--pool", "SABO_ROS"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/Poolen "SABO_ROS" finns inte i Pooler\. Närmaste pool-id: SABO_ROSEN/);
  });

  it("exits 2 without exactly one of --pool, --client, --figure", async () => {
    const { code, err } = await cli(["explain", file]);
    expect(code).toBe(2);
    expect(err).toContain("kpb explain <arbetsbok.xlsx> --pool ID");
  });
});
