/**
 * The command line against bad files and failing disks: a clear Swedish message, exit code 2
 * (1 when the workbook opens but its data stop the run), and nothing lost: the input and any
 * earlier result files stay byte-identical, and no temporary file is left behind.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { SECRET_FILE_NAME } from "../../src/cli/secret";
import { outputFs, writeInputWorkbook } from "../../src/cli/xlsx-output";
import { baseTables, type Tables } from "./corpus/base";
import { findPersonalIdentityNumbers, findPersonalIdentityNumbersInJson } from "./pnr-scan";

let dir: string;
let stderr: string;
let stdout: string;
let spies: jest.SpyInstance[] = [];
const realFs = { ...outputFs };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-faults-"));
  stderr = "";
  stdout = "";
  spies = [
    jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void (stdout += `${a.join(" ")}\n`)),
    jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void (stderr += `${a.join(" ")}\n`)),
    jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)),
  ];
});
afterEach(async () => {
  spies.forEach((s) => s.mockRestore());
  Object.assign(outputFs, realFs);
  await fs.rm(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);

async function inputWorkbook(name = "indata.xlsx", change?: (t: Tables) => void): Promise<string> {
  const t = baseTables();
  change?.(t);
  await writeInputWorkbook(at(name), t);
  return at(name);
}

/** Every file in the folder with its bytes (to prove that nothing changed). */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await fs.readdir(dir)) {
    const stat = await fs.stat(at(name));
    out.set(name, stat.isDirectory() ? "<dir>" : (await fs.readFile(at(name))).toString("base64"));
  }
  return out;
}

const noTempFiles = async () => expect((await fs.readdir(dir)).filter((n) => n.endsWith(".tmp") || n.endsWith(".bak"))).toEqual([]);

const fault = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe("unreadable workbooks: exit 2 with the reason, nothing written", () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["random bytes", async () => (await fs.writeFile(at("slump.xlsx"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), at("slump.xlsx")), /slump\.xlsx är ingen \.xlsx-arbetsbok/],
    [
      "a password-protected (encrypted) workbook: an OLE compound file",
      async () => (await fs.writeFile(at("skyddad.xlsx"), Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(4088)])), at("skyddad.xlsx")),
      /skyddad\.xlsx är lösenordsskyddad \(krypterad\) eller en \.xls i det gamla formatet/,
    ],
    ["a folder", async () => (await fs.mkdir(at("mapp.xlsx")), at("mapp.xlsx")), /mapp\.xlsx är en mapp, inte en arbetsbok/],
    ["a missing file", async () => at("finns-inte.xlsx"), /Filen .*finns-inte\.xlsx finns inte\./],
    ["an empty file", async () => (await fs.writeFile(at("tom.xlsx"), ""), at("tom.xlsx")), /tom\.xlsx är tom \(0 byte\)/],
    [
      "a truncated .xlsx (a zip cut in half)",
      async () => {
        const whole = await fs.readFile(await inputWorkbook("hel.xlsx"));
        await fs.writeFile(at("halv.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
        await fs.rm(at("hel.xlsx"));
        return at("halv.xlsx");
      },
      /halv\.xlsx går inte att öppna som \.xlsx-arbetsbok: filen är skadad/,
    ],
  ];
  test.each(cases)("%s", async (_name, make, message) => {
    const file = await make();
    const before = await snapshot();
    expect(await main(["run", file])).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/Oväntat fel|at .*\.ts:\d+/);
    expect(await snapshot()).toEqual(before);
  });

  test("a zip that is no workbook opens, and the run stops on the missing tables (exit 1, problems beside the JSON)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Anteckningar").getCell("A1").value = "Inget här";
    await wb.xlsx.writeFile(at("annat.xlsx"));
    expect(await main(["run", at("annat.xlsx")])).toBe(1);
    expect(stderr).toContain("Tabellen Ekonomi saknas,");
    const json = JSON.parse(await fs.readFile(at("annat-kpb.problems.json"), "utf8"));
    expect(json.ok).toBe(false);
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual(["tableMissing", "tableMissing", "tableMissing", "tableMissing"]);
  });
});

describe("a refused run replaces nothing", () => {
  test("earlier result files stay byte-identical; the problems go to <json name>.problems.json and the screen; exit 1", async () => {
    const good = await inputWorkbook("indata.xlsx");
    expect(await main(["run", good, "--json", at("r.json"), "--out", at("r.xlsx")])).toBe(0);
    const bad = await inputWorkbook("trasig.xlsx", (t) => (t.Ekonomi[2][4] = "tusen"));
    const before = await snapshot();
    stderr = "";
    expect(await main(["run", bad, "--json", at("r.json"), "--out", at("r.xlsx")])).toBe(1);
    const after = await snapshot();
    expect(after.get("r.json")).toBe(before.get("r.json"));
    expect(after.get("r.xlsx")).toBe(before.get("r.xlsx"));
    expect(stderr).toContain('"tusen" är inte ett belopp i kronor');
    const problems = JSON.parse(await fs.readFile(at("r.problems.json"), "utf8"));
    expect(problems.ok).toBe(false);
    expect(problems.problems.find((p: { code: string }) => p.code === "notANumber")).toMatchObject({ table: "Ekonomi", row: 3, column: "Belopp" });
    await noTempFiles();
    // The next good run removes the stale problems file and replaces the results.
    expect(await main(["run", good, "--json", at("r.json"), "--out", at("r.xlsx")])).toBe(0);
    await expect(fs.stat(at("r.problems.json"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  test("--problems FILE names where the problems go", async () => {
    const bad = await inputWorkbook("trasig.xlsx", (t) => (t.Ekonomi[2][4] = "tusen"));
    expect(await main(["run", bad, "--problems", at("fel.json")])).toBe(1);
    expect(JSON.parse(await fs.readFile(at("fel.json"), "utf8")).ok).toBe(false);
    await expect(fs.stat(at("trasig-kpb.json"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await main(["run", bad, "--problems", bad])).toBe(2);
  });

  test("an År setting that no row has (all data 2025, År 2024) stops with the years found and keeps earlier results", async () => {
    const good = await inputWorkbook("indata.xlsx");
    expect(await main(["run", good])).toBe(0);
    const before = await snapshot();
    stderr = "";
    expect(await main(["run", good, "--year", "2023"])).toBe(1);
    expect(stderr).toMatch(/Ingen rad i (Ekonomi|Brukare) gäller körningsåret 2023; raderna gäller 2024/);
    const after = await snapshot();
    for (const name of ["indata-kpb.json", "indata-kpb.xlsx"]) expect(after.get(name)).toBe(before.get(name));
  });
});

describe("output paths: the input is never overwritten", () => {
  test.each([
    ["--out is the input", ["--out", "indata.xlsx"], /--out får inte vara samma fil som indata/],
    ["--json is the input", ["--json", "indata.xlsx"], /--json får inte vara samma fil som indata/],
    ["--out and --json are one file", ["--out", "r.xlsx", "--json", "r.xlsx"], /--out och --json får inte vara samma fil/],
  ])("%s: refused with exit 2", async (_name, flags, message) => {
    const file = await inputWorkbook();
    const before = await snapshot();
    const args = flags.map((f) => (f.startsWith("--") ? f : at(f)));
    expect(await main(["run", file, ...args])).toBe(2);
    expect(stderr).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  test("--out is the input under another name (a symbolic link): refused", async () => {
    const file = await inputWorkbook();
    await fs.symlink(file, at("länk.xlsx"));
    const before = await snapshot();
    expect(await main(["run", file, "--out", at("länk.xlsx")])).toBe(2);
    expect(stderr).toMatch(/--out får inte vara samma fil som indata/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("failing writes leave earlier results byte-identical", () => {
  /** A finished run, so that there are results to protect. */
  async function earlierRun(): Promise<{ file: string; before: Map<string, string> }> {
    const file = await inputWorkbook();
    expect(await main(["run", file])).toBe(0);
    // A changed workbook: the next run would write different results.
    await inputWorkbook("indata.xlsx", (t) => t.Ekonomi.push(["200", "1", "", "5110", 1234, "Ny rad"]));
    return { file, before: await snapshot() };
  }

  test("disk full while the workbook is written (ENOSPC after part of the file)", async () => {
    const { file, before } = await earlierRun();
    outputFs.writeFile = async (f, data) => {
      await realFs.writeFile(f, data.slice(0, 100));
      throw fault("ENOSPC");
    };
    expect(await main(["run", file])).toBe(2);
    expect(stderr).toMatch(/Disken är full: .*indata-kpb\.xlsx kunde inte skrivas\. Frigör utrymme och kör igen\. Inget skrevs över: tidigare resultat och indata är orörda\./);
    expect(await snapshot()).toEqual(before);
    await noTempFiles();
  });

  test("disk full on the JSON, after the workbook was written: neither result is replaced", async () => {
    const { file, before } = await earlierRun();
    outputFs.writeFile = async (f, data) => {
      if (f.endsWith(".json.tmp") || f.includes(".json.")) throw fault("ENOSPC");
      return realFs.writeFile(f, data);
    };
    expect(await main(["run", file])).toBe(2);
    expect(stderr).toMatch(/Disken är full: .*indata-kpb\.json/);
    expect(await snapshot()).toEqual(before);
    await noTempFiles();
  });

  test("no permission to write (EACCES; root ignores file modes, so it is injected)", async () => {
    const { file, before } = await earlierRun();
    outputFs.writeFile = async () => {
      throw fault("EACCES");
    };
    expect(await main(["run", file])).toBe(2);
    expect(stderr).toMatch(/Behörighet saknas att skriva .*indata-kpb\.xlsx/);
    expect(await snapshot()).toEqual(before);
  });

  test("the result file is locked (open in Excel): the rename fails, nothing is replaced", async () => {
    const { file, before } = await earlierRun();
    outputFs.rename = async () => {
      throw fault("EBUSY");
    };
    expect(await main(["run", file])).toBe(2);
    expect(stderr).toMatch(/indata-kpb\.xlsx är låst, troligen öppen i Excel/);
    expect(await snapshot()).toEqual(before);
    await noTempFiles();
  });

  test("the JSON cannot be moved into place after the workbook was: the workbook is put back", async () => {
    const { file, before } = await earlierRun();
    outputFs.rename = async (from, to) => {
      if (from.endsWith(".json.tmp") || to.endsWith(".json")) throw fault("EPERM");
      return realFs.rename(from, to);
    };
    expect(await main(["run", file])).toBe(2);
    expect(stderr).toMatch(/Behörighet saknas att skriva .*indata-kpb\.json/);
    expect(await snapshot()).toEqual(before);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith(".tmp") || n.endsWith(".bak"))).toEqual([]);
  });

  test("the output folder does not exist", async () => {
    const file = await inputWorkbook();
    const before = await snapshot();
    expect(await main(["run", file, "--out", at("saknas/ut.xlsx")])).toBe(2);
    expect(stderr).toMatch(/Mappen för .*saknas\/ut\.xlsx finns inte\./);
    expect(await snapshot()).toEqual(before);
    await noTempFiles();
  });

  test("the output path is a folder", async () => {
    const file = await inputWorkbook();
    await fs.mkdir(at("ut.xlsx"));
    const before = await snapshot();
    expect(await main(["run", file, "--out", at("ut.xlsx")])).toBe(2);
    expect(stderr).toMatch(/ut\.xlsx är en mapp, inte en fil\./);
    expect(await snapshot()).toEqual(before);
    await noTempFiles();
  });

  test("the output path runs through a file (ENOTDIR)", async () => {
    const file = await inputWorkbook();
    await fs.writeFile(at("fil"), "x");
    const before = await snapshot();
    expect(await main(["run", file, "--json", at("fil/ut.json")])).toBe(2);
    expect(stderr).toMatch(/Mappen för .*fil\/ut\.json finns inte\./);
    expect(await snapshot()).toEqual(before);
  });
});

describe("cell safety in the result workbook", () => {
  test("client ids that look like formulas or DDE commands stay text when the result is reopened", async () => {
    const evil = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"];
    const file = await inputWorkbook("indata.xlsx", (t) => {
      t.Brukare[1][0] = evil[0];
      t.Brukare[2][0] = evil[0];
      t.Brukare[3][0] = evil[1];
      t.Brukare[4][0] = evil[2];
      t.Brukare[5][0] = evil[3];
    });
    expect(await main(["run", file])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at("indata-kpb.xlsx"));
    const ws = wb.getWorksheet("KPB Brukare")!;
    const ids: unknown[] = [];
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas++;
        if (Number(cell.col) === 1) ids.push(cell.value);
      }),
    );
    expect(formulas).toBe(0);
    for (const id of evil) expect(ids).toContain(id);
    // No formula anywhere in the result workbook, on any sheet.
    let anywhere = 0;
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && anywhere++))));
    expect(anywhere).toBe(0);
  });
});

describe("personnummer and the pseudonym secret", () => {
  const PNR = ["19400312-1235", "195001014322", "350371-2220"];
  const withPnr = (t: Tables) => {
    t.Brukare[1][0] = PNR[0];
    t.Brukare[2][0] = PNR[0];
    t.Brukare[3][0] = PNR[1];
    t.Brukare[4][0] = PNR[2];
    t.Brukare[5][0] = PNR[2];
    t.Ekonomi[2][5] = `Ersättning ${PNR[1]}`;
  };

  async function resultIds(json: string): Promise<string[]> {
    return JSON.parse(await fs.readFile(json, "utf8")).clients.map((c: { id: string }) => c.id);
  }

  async function everyCellText(xlsx: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text ?? cell.value)))));
    return texts.join("\n");
  }

  test("the secret is created beside the workbook (owner-only), kept, and gives the same pseudonyms on the next run", async () => {
    const file = await inputWorkbook("indata.xlsx", withPnr);
    expect(await main(["run", file])).toBe(0);
    const secretFile = at(SECRET_FILE_NAME);
    const secret = await fs.readFile(secretFile, "utf8");
    expect(secret.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect((await fs.stat(secretFile)).mode & 0o077).toBe(0);
    expect(stderr).toContain(`Pseudonymiseringsnyckeln sparades i ${secretFile}`);
    const first = await resultIds(at("indata-kpb.json"));
    expect(first.filter((id) => id.startsWith("B-"))).toHaveLength(3);

    expect(await main(["run", file])).toBe(0);
    expect(await fs.readFile(secretFile, "utf8")).toBe(secret);
    expect(await resultIds(at("indata-kpb.json"))).toEqual(first);

    // Nothing personnummer-like in the JSON, the workbook or what was printed.
    expect(findPersonalIdentityNumbersInJson(JSON.parse(await fs.readFile(at("indata-kpb.json"), "utf8")))).toEqual([]);
    expect(findPersonalIdentityNumbers(await everyCellText(at("indata-kpb.xlsx")))).toEqual([]);
    expect(findPersonalIdentityNumbers(stdout + stderr)).toEqual([]);

    // Another secret, other pseudonyms.
    await fs.writeFile(at("annan-hemlighet"), "0123456789abcdef0123456789abcdef");
    expect(await main(["run", file, "--secret-file", at("annan-hemlighet"), "--json", at("b.json"), "--out", at("b.xlsx")])).toBe(0);
    const other = await resultIds(at("b.json"));
    expect(other.filter((id) => id.startsWith("B-"))).toHaveLength(3);
    for (const id of other.filter((x) => x.startsWith("B-"))) expect(first).not.toContain(id);
  });

  test("a workbook without personnummer leaves no secret file behind", async () => {
    const file = await inputWorkbook();
    expect(await main(["run", file])).toBe(0);
    await expect(fs.stat(at(SECRET_FILE_NAME))).rejects.toMatchObject({ code: "ENOENT" });
  });

  test("a secret file that is unusable stops the run with exit 2 before anything is written", async () => {
    const file = await inputWorkbook("indata.xlsx", withPnr);
    await fs.writeFile(at(SECRET_FILE_NAME), "kort\n");
    const before = await snapshot();
    expect(await main(["run", file])).toBe(2);
    expect(stderr).toMatch(/innehåller ingen giltig pseudonymiseringsnyckel/);
    expect(await snapshot()).toEqual(before);
  });

  test("a refused run's problems (JSON and screen) never quote a personnummer", async () => {
    const file = await inputWorkbook("indata.xlsx", (t) => {
      withPnr(t);
      t.Brukare[2][4] = PNR[0]; // a personnummer in Volym
    });
    expect(await main(["run", file])).toBe(1);
    const json = await fs.readFile(at("indata-kpb.problems.json"), "utf8");
    expect(JSON.parse(json).problems.map((p: { code: string }) => p.code)).toContain("notANumber");
    expect(findPersonalIdentityNumbersInJson(JSON.parse(json))).toEqual([]);
    expect(findPersonalIdentityNumbers(stdout + stderr)).toEqual([]);
  });
});
