/**
 * Contracts of the worksheet functions with Excel:
 * - functions.json as generated from the JSDoc of src/functions/functions.ts equals the committed
 *   snapshot (Excel caches the metadata for up to 24 hours, so a signature change must be
 *   deliberate: regenerate with `UPDATE_FUNCTIONS_SNAPSHOT=1 npx jest test/functions/metadata`);
 * - functions.sv.json gives every function a Swedish ASCII name and every parameter Swedish help;
 * - the manifest sends Swedish Excel to functions.sv.json, and webpack emits it.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  localizeFunctionsMetadata,
  SWEDISH_FUNCTIONS,
  type FunctionsMetadata,
} from "../../src/functions/localized-names";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const SNAPSHOT = path.join(__dirname, "functions.json.snapshot");

interface Parameter {
  name: string;
  description?: string;
  type: string;
  optional?: boolean;
  dimensionality?: string;
}

interface Metadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    options?: Record<string, boolean>;
    result: { type?: string; dimensionality?: string };
    parameters: Parameter[];
  }[];
  [key: string]: unknown;
}

let generated: Metadata;

beforeAll(async () => {
  const outcome = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(outcome.errors).toEqual([]);
  generated = JSON.parse(outcome.metadataJson) as Metadata;
});

describe("functions.json", () => {
  it("matches the committed snapshot (a signature change is deliberate)", () => {
    if (process.env.UPDATE_FUNCTIONS_SNAPSHOT) fs.writeFileSync(SNAPSHOT, `${JSON.stringify(generated, null, 4)}\n`);
    const committed = JSON.parse(fs.readFileSync(SNAPSHOT, "utf8")) as Metadata;
    expect(generated).toEqual(committed);
  });

  it("declares every KPB function, model-backed ones streaming, range ones as matrices", () => {
    const byId = new Map(generated.functions.map((f) => [f.id, f]));
    const streaming = [
      "COSTPERHOUR",
      "COSTPERDAY",
      "UNITCOST",
      "CLIENTCOST",
      "COSTPERCLIENT",
      "COSTPERINHABITANT",
      "CLIENTSHARE",
      "OUTLIERSHARE",
      "BREAKEVEN",
      "BENCHMARK",
      "INDEX",
      "POTENTIAL",
      "KEYFIGURES",
    ];
    for (const id of streaming) expect(byId.get(id)?.options?.stream).toBe(true);
    for (const id of ["ALLOCATE", "UNITCOSTS", "VERSION"]) expect(byId.get(id)?.options?.stream).toBeUndefined();
    expect(byId.get("KEYFIGURES")?.result.dimensionality).toBe("matrix");
    for (const id of ["ALLOCATE", "UNITCOSTS"]) {
      expect(byId.get(id)?.result.dimensionality).toBe("matrix");
      expect(byId.get(id)?.parameters.at(-1)?.dimensionality).toBe("matrix");
    }
    // Optional arguments are the trailing ones and are marked optional (Excel then passes null).
    expect(byId.get("COSTPERHOUR")?.parameters.map((p) => p.optional)).toEqual([true, true, true]);
    expect(byId.get("COSTPERCLIENT")?.parameters.map((p) => p.optional ?? false)).toEqual([false, true, true]);
    expect(byId.get("POTENTIAL")?.parameters.map((p) => p.optional ?? false)).toEqual([false, true, true]);
    // Every model-backed function ends in the optional period (rolling twelve months ending that month).
    for (const id of streaming) expect(byId.get(id)?.parameters.at(-1)).toMatchObject({ name: "period", optional: true, type: "any" });
  });

  it("has an English description for every function and parameter, short enough for Excel's dialog", () => {
    for (const f of generated.functions) {
      expect(f.description).toBeTruthy();
      expect(f.description!.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) {
        expect(p.description).toBeTruthy();
        expect(p.description!.length).toBeLessThanOrEqual(255);
      }
    }
  });
});

describe("functions.sv.json", () => {
  let swedish: Metadata;
  beforeAll(() => {
    swedish = localizeFunctionsMetadata(generated) as unknown as Metadata;
  });

  it("covers every function id, with the same ids, options, types and parameter order", () => {
    expect(swedish.functions.map((f) => f.id)).toEqual(generated.functions.map((f) => f.id));
    expect(Object.keys(SWEDISH_FUNCTIONS).sort()).toEqual(generated.functions.map((f) => f.id).sort());
    swedish.functions.forEach((f, i) => {
      const en = generated.functions[i];
      expect(f.options).toEqual(en.options);
      expect(f.result).toEqual(en.result);
      expect(f.parameters.map((p) => [p.type, p.optional, p.dimensionality])).toEqual(
        en.parameters.map((p) => [p.type, p.optional, p.dimensionality]),
      );
    });
  });

  it("gives Swedish ASCII names, unique, as agreed", () => {
    const names = swedish.functions.map((f) => f.name);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(new Set(names).size).toBe(names.length);
    const agreed: Record<string, string> = {
      COSTPERHOUR: "KOSTNADPERTIMME",
      COSTPERDAY: "KOSTNADPERDYGN",
      UNITCOST: "STYCKKOSTNAD",
      CLIENTCOST: "BRUKARKOSTNAD",
      COSTPERCLIENT: "KOSTNADPERBRUKARE",
      COSTPERINHABITANT: "KOSTNADPERINVANARE",
      CLIENTSHARE: "ANDELBRUKARE",
      OUTLIERSHARE: "ANDELYTTERFALL",
      BREAKEVEN: "BRYTPUNKT",
      BENCHMARK: "JAMFORELSE",
      INDEX: "INDEXTAL",
      POTENTIAL: "POTENTIAL",
      KEYFIGURES: "NYCKELTAL",
      ALLOCATE: "FORDELA",
      UNITCOSTS: "STYCKKOSTNADER",
    };
    for (const [id, name] of Object.entries(agreed)) expect(swedish.functions.find((f) => f.id === id)?.name).toBe(name);
  });

  it("translates every description and parameter", () => {
    swedish.functions.forEach((f, i) => {
      const en = generated.functions[i];
      expect(f.description).toBeTruthy();
      if (en.parameters.length > 0) expect(f.description).not.toBe(en.description);
      f.parameters.forEach((p, j) => {
        expect(p.description).toBeTruthy();
        expect(p.description).not.toBe(en.parameters[j].description);
        expect(p.description!.length).toBeLessThanOrEqual(255);
      });
      expect(f.description!.length).toBeLessThanOrEqual(255);
    });
  });

  it("refuses to build when a function or parameter has no translation", () => {
    const extra: FunctionsMetadata = {
      ...generated,
      functions: [...generated.functions, { id: "NEWFUNCTION", name: "NEWFUNCTION", parameters: [] }],
    };
    expect(() => localizeFunctionsMetadata(extra)).toThrow(/NEWFUNCTION/);
    const renamed = JSON.parse(JSON.stringify(generated)) as Metadata;
    renamed.functions.find((f) => f.id === "ALLOCATE")!.parameters[0].name = "total";
    expect(() => localizeFunctionsMetadata(renamed)).toThrow(/ALLOCATE.*total/);
    const nonAscii = { ...SWEDISH_FUNCTIONS, INDEX: { ...SWEDISH_FUNCTIONS.INDEX, name: "JÄMFÖRELSEINDEX" } };
    expect(() => localizeFunctionsMetadata(generated, nonAscii)).toThrow(/ASCII/);
  });

  it("is what the webpack plugin builds (it loads localized-names.ts itself)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugin = require("../../scripts/functions-sv-plugin.js") as { buildSwedishMetadata(json: string): string };
    expect(JSON.parse(plugin.buildSwedishMetadata(JSON.stringify(generated)))).toEqual(swedish);
  });
});

describe("manifest and build", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it("overrides the functions metadata URL for Swedish Excel", () => {
    const url = manifest.match(/<bt:Url id="Functions\.Metadata\.Url"[^>]*>([\s\S]*?)<\/bt:Url>/);
    expect(url).not.toBeNull();
    expect(url![1]).toMatch(/<bt:Override Locale="sv-SE" Value="https:\/\/localhost:3000\/functions\.sv\.json"\/>/);
  });

  it("webpack emits functions.sv.json beside functions.json", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require("../../webpack.config.js") as (env: object, argv: object) => Promise<{ plugins: object[] }>;
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "development" });
    const plugin = config.plugins.find((p) => p.constructor.name === "SwedishFunctionsMetadataPlugin") as
      | { input: string; output: string }
      | undefined;
    expect(plugin).toMatchObject({ input: "functions.json", output: "functions.sv.json" });
  });
});
