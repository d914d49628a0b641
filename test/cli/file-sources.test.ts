/**
 * `kpb run --ekonomi FIL --brukare FIL`: the same municipality read from the workbook and from
 * export files gives the same JSON; each file's summary is printed; bad files stop the run with
 * problems (exit 1), wrong kinds of file are usage errors (exit 2).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { writeInputWorkbook } from "../../src/cli/xlsx-output";
import type { CellValue } from "../../src/engine/model";
import { exempelbyTables } from "../../src/sample/exempelby";

let dir: string;
let logged: string[];
let spies: jest.SpyInstance[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-files-"));
  await writeInputWorkbook(path.join(dir, "exempelby.xlsx"), exempelbyTables());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  logged = [];
  spies = [
    jest.spyOn(console, "log").mockImplementation((...a) => void logged.push(a.join(" "))),
    jest.spyOn(console, "error").mockImplementation((...a) => void logged.push(a.join(" "))),
    jest.spyOn(process.stderr, "write").mockImplementation(() => true),
  ];
});
afterEach(() => spies.forEach((s) => s.mockRestore()));

/** A number the way a Swedish export writes it: no-break-space thousands, decimal comma. */
const swedish = (n: number) => {
  const [int, frac] = Math.abs(n).toFixed(2).split(".");
  const text = `${int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")},${frac}`.replace(/,00$/, "");
  return n < 0 ? `-${text}` : text;
};
const field = (cell: CellValue, delimiter: string) => {
  const text = typeof cell === "number" ? swedish(cell) : String(cell ?? "");
  return text.includes(delimiter) || text.includes('"') || text.includes("\n") ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvText = (rows: CellValue[][], delimiter: string) => rows.map((r) => r.map((c) => field(c, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
const windows1252 = (text: string) => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));

async function runJson(args: string[], name: string): Promise<{ exit: number; json: any }> {
  const json = path.join(dir, `${name}.json`);
  const exit = await main(["run", path.join(dir, "exempelby.xlsx"), "--out", path.join(dir, `${name}.xlsx`), "--json", json, ...args]);
  return { exit, json: JSON.parse(await fs.readFile(json, "utf8")) };
}

/** Problems name where they are: the sheet for workbook tables, the file for file tables. */
const withoutPlaces = (json: any) => ({ ...json, problems: json.problems.map(({ sheet: _sheet, ...p }: any) => p) });

test("the same municipality from the workbook and from CSV files gives identical JSON", async () => {
  const tables = exempelbyTables();
  const ekonomi = path.join(dir, "Ekonomi.csv");
  const brukare = path.join(dir, "Brukare.txt");
  await fs.writeFile(ekonomi, windows1252(csvText(tables.Ekonomi, ";")));
  await fs.writeFile(brukare, `\ufeff${csvText(tables.Brukare, "\t")}`, "utf8");

  const fromWorkbook = await runJson([], "wb");
  const fromFiles = await runJson(["--ekonomi", ekonomi, "--brukare", brukare], "files");
  expect(fromWorkbook.exit).toBe(0);
  expect(fromFiles.exit).toBe(0);
  expect(withoutPlaces(fromFiles.json)).toEqual(withoutPlaces(fromWorkbook.json));
  expect(fromFiles.json.problems.find((p: any) => p.table === "Ekonomi").sheet).toBe("Ekonomi.csv");

  const out = logged.join("\n");
  expect(out.replace(/\u00a0/g, " ")).toContain(`Ekonomi.csv → Ekonomi: ${(tables.Ekonomi.length - 1).toLocaleString("sv-SE").replace(/\u00a0/g, " ")} rader lästa`);
  expect(out.replace(/\u00a0/g, " ")).toContain("Teckenkodning: Windows-1252");
  expect(out.replace(/\u00a0/g, " ")).toContain(`Summa belopp: ${fromWorkbook.json.reconciliation.ledgerTotal.replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))(?=.*,)/g, " ")} kr`);
  expect(out.replace(/\u00a0/g, " ")).toContain("Brukare.txt → Brukare");
  expect(out.replace(/\u00a0/g, " ")).toContain("Avgränsare: tabb");
});

test("a table from another workbook (.xlsx) replaces the workbook's and gives the same result", async () => {
  const tables = exempelbyTables();
  const other = path.join(dir, "huvudbok.xlsx");
  await writeInputWorkbook(other, { Ekonomi: tables.Ekonomi });
  const fromWorkbook = await runJson([], "wb2");
  const fromOther = await runJson(["--ekonomi", other], "other");
  expect(fromOther.exit).toBe(0);
  expect(withoutPlaces(fromOther.json)).toEqual(withoutPlaces(fromWorkbook.json));
  expect(fromOther.json.problems.find((p: any) => p.table === "Ekonomi").sheet).toBe("huvudbok.xlsx: Ekonomi");
  expect(logged.join("\n").replace(/\u00a0/g, " ")).toContain(`huvudbok.xlsx → Ekonomi: ${(tables.Ekonomi.length - 1).toLocaleString("sv-SE").replace(/\u00a0/g, " ")} rader lästa`);
});

test("an SIE file as Ekonomi: bank rows skipped and counted, result accounts enter the ledger", async () => {
  const sie = path.join(dir, "bok.se");
  const lines = [
    "#FLAGGA 0",
    "#FORMAT PC8",
    "#RAR 0 20240101 20241231",
    '#DIM 1 "Ansvar"',
    '#DIM 20 "Verksamhet"',
    '#VER A 1 20240131 "Lön"',
    "{",
    '#TRANS 5110 {1 "6110" 20 "511"} 1000000.00',
    "#TRANS 1930 {} -1000000.00",
    "}",
  ];
  await fs.writeFile(sie, lines.join("\r\n"), "latin1");
  const { exit, json } = await runJson(["--ekonomi", sie], "sie");
  expect(exit).toBe(0);
  expect(json.reconciliation.ledgerTotal).toBe("1000000.00");
  const out = logged.join("\n");
  expect(out.replace(/\u00a0/g, " ")).toContain("bok.se → Ekonomi: 1 rad läst");
  expect(out.replace(/\u00a0/g, " ")).toMatch(/Hoppade över rader på balanskonton.*: 1 rad \(-1 000 000,00 kr\)/);

  expect(out).toContain("Dimensioner: Ansvar = 1 (Ansvar), Verksamhet = 20 (Verksamhet), Aktivitet = ingen");

  // --lang en: the whole summary, its detail lines too, is English.
  logged = [];
  expect((await runJson(["--ekonomi", sie, "--lang", "en"], "sie-en")).exit).toBe(0);
  const summary = logged.join("\n").replace(/\u00a0/g, " ");
  expect(summary).toContain("bok.se → Ekonomi: 1 row read");
  expect(summary).toContain("Character encoding: ");
  expect(summary).toContain("Financial year: 2024-01-01 – 2024-12-31");
  expect(summary).toContain("Dimensions: Ansvar = 1 (Ansvar), Verksamhet = 20 (Verksamhet), Aktivitet = none");
  expect(summary).toContain("Source: vouchers (#VER/#TRANS), 2 transactions");
  expect(summary).toContain("1 row per Ansvar, Verksamhet, Aktivitet, account and month");
  expect(summary).not.toMatch(/Teckenkodning|Räkenskapsår|Dimensioner|Källa|verifikationer|transaktioner|rader per|Hoppade|ingen/);
});

test("a file that cannot be read stops the run with its problem (exit 1); wrong kinds of file are usage errors (exit 2)", async () => {
  const broken = path.join(dir, "trasig.csv");
  await fs.writeFile(broken, Uint8Array.from([0x41, 0, 0x42]));
  const { exit, json } = await runJson(["--ekonomi", broken], "broken");
  expect(exit).toBe(1);
  expect(json.problems).toEqual([expect.objectContaining({ code: "fileUnreadable", table: "Ekonomi", sheet: "trasig.csv" })]);

  const sie = path.join(dir, "bok.se");
  expect(await main(["run", path.join(dir, "exempelby.xlsx"), "--brukare", sie])).toBe(2);
  expect(await main(["run", path.join(dir, "exempelby.xlsx"), "--ekonomi", path.join(dir, "x.pdf")])).toBe(2);
  expect(await main(["run", path.join(dir, "exempelby.xlsx"), "--ekonomi", path.join(dir, "saknas.csv")])).toBe(2);
  expect(await main(["run", path.join(dir, "exempelby.xlsx"), "--sie-dim", "Konto=1"])).toBe(2);
});
