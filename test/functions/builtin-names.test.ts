/**
 * Custom function names must not shadow Excel's built-in functions in any language (Microsoft's
 * naming guidance): `=KPB.INDEX(…)` next to the built-in `=INDEX(…)` confuses users and Excel's
 * formula autocomplete. Checked for the English names (functions.json, generated from the JSDoc)
 * and the Swedish ones (functions.sv.json) against both languages' built-in names.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import { localizeFunctionsMetadata, type FunctionsMetadata } from "../../src/functions/localized-names";
import { EXCEL_BUILTINS_EN, EXCEL_BUILTINS_SV } from "./excel-builtin-names";

const SOURCE = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");
const BUILTINS = new Set([...EXCEL_BUILTINS_EN, ...EXCEL_BUILTINS_SV].map((n) => n.toUpperCase()));

let english: FunctionsMetadata;
let swedish: FunctionsMetadata;

beforeAll(async () => {
  const outcome = await generateCustomFunctionsMetadata(SOURCE, false);
  english = JSON.parse(outcome.metadataJson) as FunctionsMetadata;
  swedish = localizeFunctionsMetadata(english);
});

describe("KPB function names against Excel's built-in functions", () => {
  it("the list is a real list of both languages' built-ins", () => {
    expect(EXCEL_BUILTINS_EN.length).toBeGreaterThan(450);
    expect(EXCEL_BUILTINS_SV.length).toBeGreaterThan(450);
    for (const name of ["INDEX", "SUM", "VLOOKUP", "XLOOKUP", "IF", "COUNTIFS"]) expect(EXCEL_BUILTINS_EN).toContain(name);
    for (const name of ["INDEX", "SUMMA", "LETARAD", "XLETAUPP", "OM", "ANTAL.OMF"]) expect(EXCEL_BUILTINS_SV).toContain(name);
    expect(new Set(EXCEL_BUILTINS_EN).size).toBe(EXCEL_BUILTINS_EN.length);
    expect(new Set(EXCEL_BUILTINS_SV).size).toBe(EXCEL_BUILTINS_SV.length);
  });

  it("no English or Swedish KPB function name is a built-in name in English or Swedish", () => {
    const clashes = [...english.functions, ...swedish.functions].map((f) => f.name.toUpperCase()).filter((n) => BUILTINS.has(n));
    expect(clashes).toEqual([]);
  });

  it("the benchmark index is BENCHMARKINDEX in English and INDEXTAL in Swedish, with its id kept", () => {
    expect(english.functions.find((f) => f.id === "INDEX")?.name).toBe("BENCHMARKINDEX");
    expect(swedish.functions.find((f) => f.id === "INDEX")?.name).toBe("INDEXTAL");
  });
});
