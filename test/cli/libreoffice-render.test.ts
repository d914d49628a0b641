/**
 * The command line's result workbook opened by a real spreadsheet program: LibreOffice converts it
 * to PDF without error, page 1 is the committee page of KPB Översikt (title block, headline
 * figures, sentences; the table starts on page 2), the native charts are in the file, and page 1
 * is rendered to test-output/kpb-oversikt-sida-1.png for a person to look at.
 *
 * Needs `soffice` (Debian libreoffice-calc-nogui) and poppler-utils; .ci/run installs them. In CI
 * (CI=true) a missing program fails the test; elsewhere the test says why it did not run.
 */
import { execFileSync, spawnSync } from "child_process";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { resultSheets } from "../../src/layouts";
import { resultWorkbookBytes } from "../../src/cli/xlsx-output";
import { runSample } from "../sample-run";

const has = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;
const programs = ["soffice", "pdftoppm", "pdftotext", "pdfinfo"];
const missing = programs.filter((p) => !has(p));
const inCi = process.env.CI === "true";

const OUTPUT = path.join(__dirname, "..", "..", "test-output");

describe("the result workbook in LibreOffice", () => {
  if (missing.length && !inCi) {
    it.skip(`needs ${missing.join(", ")} (apt-get install libreoffice-calc-nogui poppler-utils)`, () => undefined);
    return;
  }

  let dir: string;
  let pdf: string;
  let layouts: ReturnType<typeof resultSheets>;
  let xlsx: Uint8Array;

  beforeAll(async () => {
    expect(missing).toEqual([]); // in CI the programs must be there
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-lo-"));
    const result = runSample();
    layouts = resultSheets(result, result.benchmark, { history: [], runTime: "2025-02-14 09:30" });
    xlsx = await resultWorkbookBytes(layouts);
    const file = path.join(dir, "exempelby-kpb.xlsx");
    await fs.writeFile(file, xlsx);
    // A profile of its own, so a LibreOffice the user has open does not take the conversion; with
    // a Swedish locale, so the page shows numbers as Excel shows them to a Swedish user (1 234,56).
    await fs.mkdir(path.join(dir, "profile", "user"), { recursive: true });
    await fs.writeFile(
      path.join(dir, "profile", "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item></oor:items>\n',
    );
    const profile = `file://${path.join(dir, "profile")}`;
    const run = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], {
      encoding: "utf8",
      timeout: 150_000,
    });
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
    pdf = path.join(dir, "exempelby-kpb.pdf");
  }, 180_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("converts to PDF without error", async () => {
    expect((await fs.stat(pdf)).size).toBeGreaterThan(10_000);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThan(layouts.length);
  });

  it("has the committee page of KPB Översikt as page 1, with the table from page 2", () => {
    const page = (n: number) => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], { encoding: "utf8" });
    const first = page(1).replace(/\s+/g, " ");
    expect(first).toContain("KPB Översikt – Exempelby 2024");
    expect(first).toContain("Datastatus: 0 fel, 9 varningar");
    expect(first).toContain("går ihop på öret");
    expect(first).toContain("Kostnad per beviljad hemtjänsttimme, egen regi");
    expect(first).toContain("Hemtjänsten i egen regi kostade 677,61 kr per beviljad timme 2024");
    expect(first).toMatch(/677,61\s+kr\/timme\s+649,00/); // the cells in Swedish number format
    // Header and footer: municipality, year, sheet name, page N of M.
    expect(first).toContain("Exempelby – KPB 2024");
    expect(first).toMatch(/Sida 1 av \d+/);
    expect(first).not.toContain("Alla nyckeltal mot jämförelse");
    expect(page(2).replace(/\s+/g, " ")).toContain("Alla nyckeltal mot jämförelse");
  });

  it("carries every chart of the layouts as a native chart part", async () => {
    const zip = await JSZip.loadAsync(xlsx);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(layouts.reduce((n, l) => n + l.charts.length, 0));
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing).toContain('name="KPB_Oversikt_diagram"');
  });

  it("renders page 1 to test-output/kpb-oversikt-sida-1.png", async () => {
    await fs.mkdir(OUTPUT, { recursive: true });
    const base = path.join(OUTPUT, "kpb-oversikt-sida-1");
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-singlefile", "-png", "-r", "110", pdf, base]);
    expect((await fs.stat(`${base}.png`)).size).toBeGreaterThan(20_000);
  });
});
