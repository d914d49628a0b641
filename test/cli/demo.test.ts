/**
 * The command line end to end: `kpb demo` writes the sample's input, result workbook and JSON;
 * the workbook reopens with exceljs and carries the engine's figures; `run` exits 1 on data
 * errors (problems in the JSON) and 2 on usage or file errors.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { writeInputWorkbook } from "../../src/cli/xlsx-output";
import { Dec } from "../../src/engine/decimal";

const MONEY = /^-?\d+\.\d{2}$/;
const UNIT_COST = /^-?\d+\.\d{6,}$/;

const SHEETS = ["KPB Översikt", "KPB Styckkostnader", "KPB Brukare", "KPB Ytterfall", "KPB Brukarmix", "KPB Konsumtion", "KPB Avstämning"];

let dir: string;
let quiet: jest.SpyInstance[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-cli-"));
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

/** A sheet's table as header → column number, and its data rows as arrays of cell values. */
function readTable(ws: ExcelJS.Worksheet, headerRow = 1): { col: Map<string, number>; rows: ExcelJS.CellValue[][] } {
  const col = new Map<string, number>();
  ws.getRow(headerRow).eachCell((cell, c) => col.set(String(cell.value), c));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const first = row.getCell(1).value;
    if (first === null || first === undefined || first === "") break;
    rows.push(Array.from({ length: col.size }, (_, i) => row.getCell(i + 1).value));
  }
  return { col, rows };
}

describe("kpb demo", () => {
  let json: any;
  let wb: ExcelJS.Workbook;
  let exit: number;

  beforeAll(async () => {
    const spies = [
      jest.spyOn(console, "log").mockImplementation(() => undefined),
      jest.spyOn(console, "error").mockImplementation(() => undefined),
      jest.spyOn(process.stderr, "write").mockImplementation(() => true),
    ];
    try {
      exit = await main(["demo", "--dir", dir]);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    json = JSON.parse(await fs.readFile(path.join(dir, "exempelby-kpb.json"), "utf8"));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "exempelby-kpb.xlsx"));
  });

  it("exits 0 and writes input, result workbook and JSON", async () => {
    expect(exit).toBe(0);
    for (const f of ["exempelby.xlsx", "exempelby-kpb.xlsx", "exempelby-kpb.json"]) {
      expect((await fs.stat(path.join(dir, f))).size).toBeGreaterThan(0);
    }
  });

  it("the result workbook holds every KPB sheet", () => {
    const names = wb.worksheets.map((w) => w.name);
    for (const s of SHEETS) expect(names).toContain(s);
  });

  it("the JSON has the documented shape", () => {
    expect(json.year).toBe(2024);
    expect(json.municipality).toBe("Exempelby");
    const r = json.reconciliation;
    for (const k of ["ledgerTotal", "pooled", "excluded", "uncoded", "toClients", "withoutVolume"]) expect(r[k]).toMatch(MONEY);
    for (const v of Object.values(r.excludedByReason)) expect(v).toMatch(MONEY);
    expect(r.balanced).toBe(true);
    expect(json.pools.length).toBeGreaterThan(10);
    for (const p of json.pools) {
      for (const k of ["directCost", "allocatedCost", "cost"]) expect(p[k]).toMatch(MONEY);
      expect(["insats", "stöd"]).toContain(p.typ);
      if (p.unitCost !== null) expect(p.unitCost).toMatch(UNIT_COST);
    }
    expect(json.clients.length).toBeGreaterThan(100);
    for (const c of json.clients.slice(0, 50)) {
      expect(c.total).toMatch(MONEY);
      for (const v of Object.values(c.pools)) expect(v).toMatch(MONEY);
    }
    for (const f of json.keyFigures) {
      expect(typeof f.id).toBe("string");
      expect(f.value).toMatch(/^-?\d+\.\d{6,}$/);
    }
    for (const p of json.problems) expect(p.severity).toBe("warning");
  });

  it("the JSON reconciles: ledgerTotal = pooled + excluded + uncoded, and pools and clients add up", () => {
    const r = json.reconciliation;
    expect(new Dec(r.ledgerTotal).equals(new Dec(r.pooled).plus(r.excluded).plus(r.uncoded))).toBe(true);
    const intervention = json.pools.filter((p: any) => p.typ === "insats");
    const poolSum = intervention.reduce((a: Dec, p: any) => a.plus(p.cost), new Dec(0));
    expect(poolSum.equals(r.pooled)).toBe(true);
    for (const p of json.pools.filter((x: any) => x.typ === "stöd")) expect(p.cost).toBe("0.00");
    const clientSum = json.clients.reduce((a: Dec, c: any) => a.plus(c.total), new Dec(0));
    expect(clientSum.equals(r.toClients)).toBe(true);
    expect(new Dec(r.toClients).plus(r.withoutVolume).equals(r.pooled)).toBe(true);
    // Per pool: Σ clients = pool cost for every pool with volume; unit cost = cost ÷ volume.
    for (const p of intervention) {
      if (p.unitCost === null) continue;
      const sum = json.clients.reduce((a: Dec, c: any) => (c.pools[p.pool] ? a.plus(c.pools[p.pool]) : a), new Dec(0));
      expect(sum.equals(p.cost)).toBe(true);
      expect(new Dec(p.cost).div(p.volume).minus(p.unitCost).abs().lessThan("1e-12")).toBe(true);
    }
  });

  it("the unit-cost sheet carries the JSON's unit costs and pool costs", () => {
    const { col, rows } = readTable(wb.getWorksheet("KPB Styckkostnader")!);
    const byPool = new Map(rows.map((r) => [String(r[col.get("Pool")! - 1]), r]));
    const intervention = json.pools.filter((p: any) => p.typ === "insats");
    expect(byPool.size).toBe(intervention.length);
    let compared = 0;
    for (const p of intervention) {
      const row = byPool.get(p.pool)!;
      expect(row[col.get("Total kostnad")! - 1]).toBe(Number(p.cost));
      const cell = row[col.get("Styckkostnad")! - 1];
      if (p.unitCost === null) {
        expect(cell ?? null).toBeNull();
        continue;
      }
      expect(typeof cell).toBe("number");
      expect(new Dec(cell as number).toDecimalPlaces(2).equals(new Dec(p.unitCost).toDecimalPlaces(2))).toBe(true);
      expect(Math.abs((cell as number) - Number(p.unitCost))).toBeLessThan(1e-6);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("the overview, client and reconciliation sheets carry the engine's figures", () => {
    // Översikt: the title block first, then the table of every key figure (name first, id last).
    const ows = wb.getWorksheet("KPB Översikt")!;
    let header = 1;
    while (header < ows.rowCount && !(ows.getRow(header).getCell(1).value === "Nyckeltal" && (ows.getRow(header).values as ExcelJS.CellValue[]).includes("Id"))) header++;
    const overview = readTable(ows, header);
    expect(overview.col.get("Nyckeltal")).toBe(1);
    expect(overview.col.get("Id")).toBe(overview.col.size);
    const figure = json.keyFigures.find((f: any) => f.id === "hemtjanst_egen_kr_timme");
    const row = overview.rows.find((r) => r[overview.col.get("Id")! - 1] === "hemtjanst_egen_kr_timme")!;
    expect(row[overview.col.get("Värde")! - 1]).toBeCloseTo(Number(figure.value), 6);

    const clients = readTable(wb.getWorksheet("KPB Brukare")!);
    expect(clients.rows.length).toBe(json.clients.length);
    const totalCol = clients.col.get("Total kostnad")! - 1;
    const sheetSum = clients.rows.reduce((a, r) => a.plus(new Dec(r[totalCol] as number)), new Dec(0));
    expect(sheetSum.toDecimalPlaces(2).equals(json.reconciliation.toClients)).toBe(true);

    const recon = readTable(wb.getWorksheet("KPB Avstämning")!, 2); // title line above the table
    const line = (label: string) => recon.rows.find((r) => r[0] === label)?.[1];
    expect(line("Ekonomi totalt")).toBe(Number(json.reconciliation.ledgerTotal));
    expect(line("Kodat till pooler")).toBe(Number(json.reconciliation.pooled));
    expect(line("Differens (ska vara 0)")).toBe(0);
  });

  it("the outlier sheet carries the shares of the key figures and lists clients over the limit", () => {
    const ws = wb.getWorksheet("KPB Ytterfall")!;
    // Block 1: title on row 1, header on row 2 (Avgränsning, Andel, Gräns).
    const shares = readTable(ws, 2);
    const ids: Record<string, string> = {
      "ÄO ordinärt boende": "ytterfall_ordinart_andel",
      "ÄO särskilt boende": "ytterfall_sabo_andel",
      LSS: "ytterfall_lss_andel",
      IFO: "ytterfall_ifo_andel",
    };
    expect(shares.rows.length).toBeGreaterThan(0);
    for (const [scope, share] of shares.rows) {
      const f = json.keyFigures.find((k: any) => k.id === ids[String(scope)]);
      expect(share).toBeCloseTo(Number(f.value) / 100, 12);
    }
    // Block 2: two rows below block 1, a title, then its header (BrukarID … Total kostnad, Gräns).
    const listed = readTable(ws, 2 + shares.rows.length + 3);
    expect([...listed.col.keys()]).toEqual(["BrukarID", "Åldersgrupp", "Avgränsning", "Total kostnad", "Gräns"]);
    const totals = new Map(json.clients.map((c: any) => [c.id, Number(c.total)]));
    for (const [id, , , total, limit] of listed.rows) {
      expect(totals.get(String(id))).toBe(total);
      expect(total as number).toBeGreaterThan(limit as number);
    }
    const ordinary = json.keyFigures.find((k: any) => k.id === "ytterfall_ordinart_andel");
    if (Number(ordinary.value) > 0) expect(listed.rows.some((r) => r[2] === "ÄO ordinärt boende")).toBe(true);
  });
});

describe("kpb run", () => {
  it("exits 2 on a missing file", async () => {
    expect(await main(["run", path.join(dir, "finns-inte.xlsx")])).toBe(2);
  });

  it("exits 2 on bad flags and bad commands", async () => {
    const file = path.join(dir, "any.xlsx");
    expect(await main(["run", file, "--bogus", "1"])).toBe(2);
    expect(await main(["run", file, "--method", "slumpvis"])).toBe(2);
    expect(await main(["run", file, "--year", "tjugo"])).toBe(2);
    expect(await main(["run", file, "--out"])).toBe(2);
    expect(await main(["run"])).toBe(2);
    expect(await main(["frobnicate"])).toBe(2);
    expect(await main([])).toBe(2);
    expect(await main(["--help"])).toBe(0);
  });

  it("exits 1 on a workbook with a blocking error and writes the problems beside the JSON", async () => {
    const file = path.join(dir, "trasig.xlsx");
    await writeInputWorkbook(file, {
      Inställningar: [["Inställning", "Värde"], ["År", 2024]],
      Ekonomi: [["Ansvar", "Verksamhet", "Konto", "Belopp"], ["6110", "511", "5110", 1000]],
      Kodning: [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"], ["6110", "", "", "", "HT_FINNS_INTE", ""]],
      Pooler: [["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"], ["HT", "Hemtjänst", "", "egen", "insats", "", "", ""]],
      Brukare: [["BrukarID", "Födelseår", "Pool", "Volym", "Period"], ["A", 1940, "HT", 10, "2024-01"]],
    });
    const jsonFile = path.join(dir, "trasig.json");
    const out = path.join(dir, "trasig-resultat.xlsx");
    expect(await main(["run", file, "--json", jsonFile, "--out", out])).toBe(1);
    const written = JSON.parse(await fs.readFile(path.join(dir, "trasig.problems.json"), "utf8"));
    expect(written.ok).toBe(false);
    // A refused run writes no result JSON either.
    await expect(fs.stat(jsonFile)).rejects.toThrow();
    const problem = written.problems.find((p: any) => p.code === "unknownTarget");
    expect(problem).toMatchObject({ table: "Kodning", row: 2, column: "Till", severity: "error" });
    // A failed run writes no result workbook.
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("runs a workbook written by `sample` with the reciprocal method", async () => {
    const file = path.join(dir, "sample.xlsx");
    expect(await main(["sample", file])).toBe(0);
    const jsonFile = path.join(dir, "sample-reciprok.json");
    expect(await main(["run", file, "--method", "reciprok", "--json", jsonFile, "--out", path.join(dir, "sample-reciprok.xlsx")])).toBe(0);
    const written = JSON.parse(await fs.readFile(jsonFile, "utf8"));
    const r = written.reconciliation;
    expect(r.balanced).toBe(true);
    expect(new Dec(r.ledgerTotal).equals(new Dec(r.pooled).plus(r.excluded).plus(r.uncoded))).toBe(true);
  });
});
