/**
 * `kpb run --out` on the previous result workbook keeps what users wrote on KPB Validering:
 * notes on rows still flagged stay on them, notes on rows no longer flagged move to the block
 * below, run after run.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { writeInputWorkbook } from "../../src/cli/xlsx-output";
import { VALIDATION_SHEET } from "../../src/engine/analyses/validation-pack";
import { exempelbyTables } from "../../src/sample/exempelby";

let dir: string;
let quiet: jest.SpyInstance[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-validering-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  quiet = [
    jest.spyOn(console, "log").mockImplementation(() => undefined),
    jest.spyOn(console, "error").mockImplementation(() => undefined),
    jest.spyOn(process.stderr, "write").mockImplementation(() => true),
  ];
});
afterEach(() => quiet.forEach((s) => s.mockRestore()));

interface Block {
  header: string[];
  rows: { row: number; cells: unknown[] }[];
}

/** The blocks of KPB Validering: a header row with "Nyckel", then rows until a blank one. */
async function blocks(file: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; blocks: Block[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(VALIDATION_SHEET)!;
  const out: Block[] = [];
  let current: Block | null = null;
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells = Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(r).getCell(i + 1).value);
    if (cells.every((c) => c === null || c === undefined || c === "")) {
      current = null;
      continue;
    }
    if (cells[0] === "Nyckel") {
      current = { header: cells.map(String), rows: [] };
      out.push(current);
      continue;
    }
    current?.rows.push({ row: r, cells });
  }
  return { wb, ws, blocks: out };
}

const note = (b: Block, key: string) => {
  const r = b.rows.find((x) => x.cells[0] === key);
  return r ? ["Kommentar", "Ansvarig", "Godkänd"].map((h) => r.cells[b.header.indexOf(h)] ?? null) : undefined;
};

const NORR = "2024:enhet:HT_NORR";
const DAGV = "2024:pool:DAGV";

async function run(input: string, out: string): Promise<void> {
  const exit = await main(["run", input, "--out", out, "--json", path.join(dir, "r.json"), "--secret-file", path.join(dir, "secret")]);
  expect(exit).toBe(0);
}

test("notes on the previous --out workbook survive two runs and move below when the row is no longer flagged", async () => {
  const input = path.join(dir, "indata.xlsx");
  const out = path.join(dir, "resultat.xlsx");
  await writeInputWorkbook(input, exempelbyTables());
  await run(input, out);

  // A unit manager fills in the sheet in the result file and saves it.
  const first = await blocks(out);
  const [main0] = first.blocks;
  expect(main0.rows.map((r) => r.cells[0])).toEqual([NORR, "2024:enhet:HT_SODER", DAGV]);
  for (const [key, values] of [
    [NORR, ["Nattbemanningen flyttades hit i mars", "Enhetschef Norr", null]],
    [DAGV, ["Startade i december", "Kerstin", "ja"]],
  ] as const) {
    const r = main0.rows.find((x) => x.cells[0] === key)!;
    ["Kommentar", "Ansvarig", "Godkänd"].forEach((h, i) => (first.ws.getRow(r.row).getCell(main0.header.indexOf(h) + 1).value = values[i]));
  }
  await first.wb.xlsx.writeFile(out);

  for (let i = 0; i < 2; i++) {
    await run(input, out);
    const [m] = (await blocks(out)).blocks;
    expect(note(m, NORR)).toEqual(["Nattbemanningen flyttades hit i mars", "Enhetschef Norr", null]);
    expect(note(m, DAGV)).toEqual(["Startade i december", "Kerstin", "ja"]);
  }
  // DAGV is approved: two rows remain open, and the run says so.
  expect(quiet[0].mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/Validering: 2 öppna rader på bladet KPB Validering/);

  // A wider limit in Inställningar: HT_NORR is no longer flagged, its note is kept below.
  const tables = exempelbyTables();
  tables.Inställningar.push(["Validering avvikelse enhet", "30 %"]);
  await writeInputWorkbook(input, tables);
  await run(input, out);
  const [m, gone] = (await blocks(out)).blocks;
  expect(note(m, NORR)).toBeUndefined();
  expect(note(gone, NORR)).toEqual(["Nattbemanningen flyttades hit i mars", "Enhetschef Norr", null]);
  expect(note(m, DAGV)).toEqual(["Startade i december", "Kerstin", "ja"]);
});
