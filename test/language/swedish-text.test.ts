/**
 * Every message of every catalogue (engine problems, worksheet functions, Excel layer, command line,
 * import summaries), in Swedish and English, with counts 1 and 2, keeps the text rules: a count
 * takes its noun in the right number, abbreviations in capitals, thousands grouped with a no-break
 * space. So does what the command line prints for the sample municipality, and its problem list.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { CLI_MESSAGES, setCliLanguage } from "../../src/cli/messages";
import { EXCEL_MESSAGES } from "../../src/excel/messages";
import { MESSAGES, renderMessage } from "../../src/engine/messages";
import type { WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { FUNCTION_MESSAGES, functionMessage } from "../../src/functions/messages";
import { DETAIL_MESSAGES, INPUT_MESSAGES } from "../../src/input/messages";
import { exempelbyTables } from "../../src/sample/exempelby";
import { chooseUiLanguage } from "../../src/shared/ui-language";
import { checkSwedishText } from "./text-rules";

type Language = "sv" | "en";
type Catalogue = Record<string, { sv: (p: never) => string; en: (p: never) => string }>;

/** Parameters that are counts: rendered with 1 and with 2. */
const COUNTS = new Set([
  "count", "rows", "errors", "warnings", "open", "pools", "clients", "moreErrors", "places", "days", "daysInYear", "capacity",
  "min", "values", "missing", "kept", "costRows", "costCols", "volumeRows", "volumeCols", "seconds",
  "transactions",
]);

/** Plausible values for every other parameter, by name. */
const VALUES: Record<string, unknown> = {
  table: "Brukare", column: "Volym", row: 12, letters: "E, G", expected: "ett belopp i kronor", value: "abc", decimal: "1,234",
  thousands: "1\u00a0234", chosen: "1\u00a0234", rounded: "1234,57", quantity: "1\u00a0234,50\u00a0kr", why: "noCodes", columns: "Ansvar, Konto",
  otherYear: 2023, year: 2024, window: "2024-07 – 2025-06", years: "2023 och 2024", file: "huvudbok.csv", detail: "oväntat tecken",
  label: "#TRANS", voucher: "A 12", difference: "10,00", dimension: 7, target: "HT_NORR", dimensions: "1 (Ansvar), 6 (Projekt)", declared: "PC8",
  used: "UTF-8", account: 5410, read: "1\u00a0200,00", range: "5000-5999", digits: 4, inside: "5410", outside: "54100", pattern: "54*",
  byRow: 4, byTarget: "HT_SODER", byRows: "4, 6", amount: "1\u00a0234,50", winnerRow: 2, winnerTarget: "EXKL",
  others: "9 (HT_NORR, 4), 10 (HT_SODER, 1)", key: "Ansvar 777, Konto 4000", pool: "HT_NORR", first: "1940", second: "1941",
  receiver: "HT_SODER", basis: "volym", receivers: "HT (timmar), SABO (dygn)", sum: "0,9", insats: "Hemtjänst", from: "minuter",
  to: "timmar", how: "÷ 60", unit: "timmar", keyFigure: "hemtjanst_egen_kr_timme", figureUnit: "dygn", time: "08:30", hours: 8.5,
  client: "EB00454", period: "2024-03", calendar: 1, chosenAmount: "1\u00a0750\u00a0142,28", otherAmount: "193\u00a0207,95",
  name: "Hemtjänst kr/tim", closest: "hemtjanst_egen_kr_timme", percent: "25", group: "80-w", parts: "80-84, 85-w", partsSum: 1200,
  groups: ["0-19", "20-64", "65-79", "80-w"], other: "COSTPERDAY", otherRow: 14, setting: "År", setting_: "", first_: "",
  why_: "", amount_: "", known: ["Hemtjänst", "Särskilt boende"], area: "ÄO", age: 85, scope: "ÄO ordinärt boende",
  scopes: ["ÄO ordinärt boende", "ÄO särskilt boende", "LSS"], measure: "hour", what: "cost", figure: "hemtjanst_egen_kr_timme",
  argument: "Insats", volumeUnit: "dygn", regi: "egen", cell: "B3", text: "tio", logical: false, where: "ÄO, 80-w",
  sets: [{ name: "ExcelApi", version: "1.9", usedFor: { sv: "resultatbladen", en: "the result sheets" } }], municipality: "Exempelby",
  when: "2024", reason: "tomma rader", code: "blank", volume: "12,5", flag: "year", command: "run", a: "--out", b: "--json",
  near: "HT_NORR, HT_SODER", out: "resultat.xlsx", json: "resultat.json", problems: "resultat.problems.json", path: "/tmp/x",
  ref: "ZZ", ext: ".doc", sheet: "Blad1", codes: "0680, G33", noData: false, retired: false, pools_: [], id: "HT",
  moreErrors_: 0,
};

/** Where a catalogue uses a name differently (a list of pools in the functions, a count elsewhere). */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  functions: { pools: ["HT_NORR", "HT_SODER"], value: -2 },
  "input details": {
    encoding: "windows-1252", delimiter: ";", mark: ",", start: "2024-01-01", end: "2024-12-31",
    chosen: [{ target: "Ansvar", dimension: { dim: 1 } }, { target: "Verksamhet", dimension: { dim: 20, name: "Verksamhet" } }, { target: "Aktivitet", dimension: null }],
    dimensions: [{ dim: 7 }, { dim: 21, name: "Aktivitet" }],
  },
};

function paramsFor(count: number, catalogueName: string): Record<string, unknown> {
  const own = OVERRIDES[catalogueName] ?? {};
  return new Proxy({} as Record<string, unknown>, {
    get: (_target, name) =>
      typeof name !== "string" ? undefined : name in own ? own[name] : COUNTS.has(name) ? count : name in VALUES ? VALUES[name] : `x-${name}`,
    has: () => true,
  });
}

/** Every entry of a catalogue in both languages with counts 1 and 2, as [where, text]. */
function rendered(catalogueName: string, catalogue: Catalogue): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, entry] of Object.entries(catalogue)) {
    for (const language of ["sv", "en"] as Language[]) {
      for (const count of [1, 2]) {
        out.push([`${catalogueName}.${key} (${language}, ${count})`, entry[language](paramsFor(count, catalogueName) as never)]);
      }
    }
  }
  return out;
}

const CATALOGUES: [string, Catalogue][] = [
  ["engine", MESSAGES as unknown as Catalogue],
  ["functions", FUNCTION_MESSAGES as unknown as Catalogue],
  ["excel", EXCEL_MESSAGES as unknown as Catalogue],
  ["cli", CLI_MESSAGES as unknown as Catalogue],
  ["input", INPUT_MESSAGES as unknown as Catalogue],
  ["input details", DETAIL_MESSAGES as unknown as Catalogue],
];

describe("the text rules catch what they are for", () => {
  it.each([
    ["1 rader", 1],
    ["2 varning", 1],
    ["1 tabeller som krävs saknas", 1],
    ["2 rows", 0],
    ["1 warnings", 1],
    ["Avgift enligt hsl", 1],
    ["Poolen säbo", 1],
    ["Summa 1 234,50 kr", 1],
    ["Summa 1\u00a0234,50\u00a0kr, 1 rad och 2 rader", 0],
    ["kpb run exempelby-kpb.xlsx", 0],
    ["1,5 timmar och 0,5 dag", 0],
  ])("%s → %d findings", (text, findings) => {
    expect(checkSwedishText(text)).toHaveLength(findings);
  });
});

describe.each(CATALOGUES)("every %s message keeps the text rules", (name, catalogue) => {
  const texts = rendered(name, catalogue);
  it("renders every entry in both languages", () => {
    expect(texts.length).toBe(Object.keys(catalogue).length * 4);
    for (const [where, text] of texts) expect([where, text.length > 0, text.includes("undefined")]).toEqual([where, true, false]);
  });
  it("has no count with the wrong noun form, no lower-case abbreviation and no plain-space thousands", () => {
    const broken = texts.flatMap(([where, text]) => checkSwedishText(text).map((f) => `${where}: ${f}\n    ${text}`));
    expect(broken).toEqual([]);
  });
});

describe("counts in the messages take the right form", () => {
  it("Swedish and English, singular and plural", () => {
    expect(renderMessage("otherYearRows", { count: 1, year: 2024, otherYear: 2023, row: 6, quantity: "1\u00a0kr" })).toMatch(/^1 rad gäller år 2023.*\(på rad 6;.*Den redovisas/);
    expect(renderMessage("otherYearRows", { count: 2, year: 2024, otherYear: 2023, row: 6, quantity: "1\u00a0kr" })).toMatch(/^2 rader gäller år 2023.*\(den första på rad 6;.*De redovisas/);
    expect(renderMessage("otherYearRows", { count: 1, year: 2024, otherYear: 2023, row: 6, quantity: "1\u00a0kr" }, "en")).toMatch(/^1 row belongs to 2023/);
    expect(renderMessage("capacityExceeded", { pool: "SABO", days: "5640", places: 1, daysInYear: 366, capacity: 366 })).toBe(
      "Poolen SABO har 5\u00a0640 dygn men bara 1 plats × 366 dagar = 366 dygn. Kontrollera Volym i Brukare eller Platser i Pooler.",
    );
  });

  it("a list of other rules reads aloud: rad 9 (till HT_NORR, 4 rader)", () => {
    const text = renderMessage("ambiguousCoding", { count: 1, rows: "12", amount: "10,00", winnerRow: 2, winnerTarget: "EXKL", others: "9 (HT_NORR, 4), 10 (HT_SODER, 1)" });
    expect(text).toContain("1 rad i Ekonomi (rad 12;");
    expect(text).toContain("rad 9 (till HT_NORR, 4 rader) och rad 10 (till HT_SODER, 1 rad)");
  });
});

describe("the worksheet functions speak the user's Excel language", () => {
  afterEach(() => chooseUiLanguage(null));
  it("Swedish names the Swedish functions, English the English ones", () => {
    chooseUiLanguage("sv");
    expect(functionMessage("unknownKeyFigure", { figure: "x" })).toBe('Okänt nyckeltal "x". Se KPB.NYCKELTAL() för id:n.');
    chooseUiLanguage("en");
    expect(functionMessage("unknownKeyFigure", { figure: "x" })).toBe('Unknown key figure "x". See KPB.KEYFIGURES() for the ids.');
    expect(functionMessage("noResult")).toBe("Run KPB first");
  });
});

describe("the command line for the sample municipality", () => {
  let dir: string;
  let printed: string[];
  let spies: jest.SpyInstance[];
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-language-"));
  });
  afterAll(async () => {
    setCliLanguage("sv");
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    printed = [];
    const keep = (...args: unknown[]) => void printed.push(args.map(String).join(" "));
    spies = [
      jest.spyOn(console, "log").mockImplementation(keep),
      jest.spyOn(console, "error").mockImplementation(keep),
      jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)),
    ];
  });
  afterEach(() => spies.forEach((s) => s.mockRestore()));

  it.each(["sv", "en"] as Language[])("keeps the text rules in %s (demo run and help)", async (language) => {
    expect(await main(["demo", "--dir", path.join(dir, language), "--lang", language])).toBe(0);
    expect(await main(["--help", "--lang", language])).toBe(0);
    const output = printed.join("\n");
    expect(output).toContain(language === "sv" ? "9 varningar:" : "9 warnings:");
    expect(output).toContain(language === "sv" ? "Validering: 3 öppna rader" : "Validation: 3 open rows");
    expect(checkSwedishText(output)).toEqual([]);
  }, 120_000);

  it("the sample's problem list keeps the rules in both languages", () => {
    const input: WorkbookInput = {};
    for (const [name, rows] of Object.entries(exempelbyTables())) input[name as keyof WorkbookInput] = { rows, sheet: name };
    const outcome = runKpb(input, { pseudonymSecret: "sprak" });
    if (!outcome.ok) throw new Error("the sample must run");
    const problems = outcome.result.problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const language of ["sv", "en"] as Language[]) {
      const texts = problems.map((p) => renderMessage(p.code, p.params, language));
      expect(texts.flatMap((t) => checkSwedishText(t).map((f) => `${f}: ${t}`))).toEqual([]);
    }
  });
});
