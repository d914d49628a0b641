/**
 * The layers of the add-in, checked on every import in src/** and bench/**:
 *
 *   src/engine   pure calculation; imports only itself (and decimal.js)
 *   src/layouts  how a result is shown (sheets, charts, JSON); reads the engine through its index
 *   src/excel, src/cli, src/functions, src/taskpane, …  read the engine and the layouts through
 *                their index files only
 *
 * A failure names the file and line of the import that breaks a rule, and the rule.
 * docs/architecture.md describes the layers.
 */
import { builtinModules } from "module";
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");
const ENGINE = path.join(SRC, "engine");
const LAYOUTS = path.join(SRC, "layouts");
const INPUT = path.join(SRC, "input");

/** npm packages the engine may use: exact decimals and nothing else. */
const ENGINE_PACKAGES = new Set(["decimal.js"]);
/** Packages that tie code to Office, the browser, React or the file system. */
const HOST_PACKAGE = /^(react|react-dom|scheduler|@fluentui\/|office-|@microsoft\/office|@types\/office|exceljs|jszip)/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** The project's own folders that the layouts must never reach into: they sit above the layouts. */
const ABOVE_LAYOUTS = ["excel", "cli", "taskpane", "functions", "commands", "shared"].map((d) => path.join(SRC, d));

export interface ImportSite {
  file: string;
  line: number;
  specifier: string;
}

/** Every static import/export-from, dynamic import() and require() of a source text, with its line. */
export function importsOf(file: string, text: string): ImportSite[] {
  const patterns = [
    /^[ \t]*import\s+(?:type\s+)?[\w*{][^;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^[ \t]*import\s*["']([^"']+)["']/gm,
    /^[ \t]*export\s+(?:type\s+)?(?:\*|\{)[^;]*?\bfrom\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const sites: ImportSite[] = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index! + m[0].lastIndexOf(m[1]);
      sites.push({ file, line: text.slice(0, at).split("\n").length, specifier: m[1] });
    }
  }
  return sites.sort((a, b) => a.line - b.line);
}

const inside = (dir: string, target: string) => target === dir || target.startsWith(dir + path.sep);
const isIndex = (dir: string, target: string) => target === dir || target === path.join(dir, "index");
const packageOf = (specifier: string) => (specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]);

/** The broken rules of one import, as sentences; empty when the import is allowed. */
export function brokenRules(site: ImportSite): string[] {
  const from = site.file;
  const relative = site.specifier.startsWith(".");
  const target = relative ? path.resolve(path.dirname(from), site.specifier).replace(/\.(ts|tsx|js)$/, "") : null;
  const broken: string[] = [];
  const hostPackage = !relative && (NODE_BUILTINS.has(site.specifier) || HOST_PACKAGE.test(site.specifier));

  if (target && inside(ENGINE, target) && !inside(ENGINE, from) && !isIndex(ENGINE, target)) {
    broken.push("a deep import into src/engine: import from the engine's index (src/engine) instead");
  }
  if (target && inside(LAYOUTS, target) && !inside(LAYOUTS, from) && !isIndex(LAYOUTS, target)) {
    broken.push("a deep import into src/layouts: import from the layouts' index (src/layouts) instead");
  }
  if (hostPackage && [ENGINE, LAYOUTS, INPUT].some((dir) => inside(dir, from))) {
    broken.push(`"${site.specifier}" ties pure code to Office, the browser, React or the file system`);
  }
  if (inside(ENGINE, from)) {
    if (target && !inside(ENGINE, target)) broken.push("the engine imports something outside src/engine");
    if (!relative && !hostPackage && !ENGINE_PACKAGES.has(packageOf(site.specifier))) broken.push(`the engine imports the package "${site.specifier}"`);
  }
  if (inside(LAYOUTS, from) && target && ABOVE_LAYOUTS.some((dir) => inside(dir, target))) {
    broken.push("the layouts import a layer above them (excel, cli, taskpane, functions, commands, shared)");
  }
  return broken;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

export function violations(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file, readFileSync(file, "utf8")).flatMap((site) =>
      brokenRules(site).map((rule) => `${path.relative(ROOT, site.file)}:${site.line}: import "${site.specifier}": ${rule}`),
    ),
  );
}

describe("the layers import in one direction", () => {
  const files = [...sourceFiles(SRC), ...sourceFiles(path.join(ROOT, "bench"))];

  it("finds the source files and their imports", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => inside(ENGINE, f))).toBe(true);
    expect(files.some((f) => inside(LAYOUTS, f))).toBe(true);
  });

  it("no import in src/** or bench/** breaks a rule", () => {
    expect(violations(files)).toEqual([]);
  });
});

describe("the rules themselves", () => {
  const at = (file: string, specifier: string) => brokenRules({ file: path.join(ROOT, file), line: 1, specifier });

  it("(a) outside the engine, only the engine's index may be imported", () => {
    expect(at("src/excel/refresh.ts", "../engine/run")).toHaveLength(1);
    expect(at("src/taskpane/components/App.tsx", "../../engine/tracing/explain")).toHaveLength(1);
    expect(at("bench/run-bench.ts", "../src/engine/model")).toHaveLength(1);
    expect(at("src/excel/refresh.ts", "../engine")).toEqual([]);
    expect(at("src/excel/refresh.ts", "../engine/index")).toEqual([]);
    expect(at("src/engine/run.ts", "./tracing/explain")).toEqual([]);
  });

  it("(b) the engine, the layouts and the input readers use no Office, DOM, React or file system", () => {
    expect(at("src/engine/run.ts", "fs")).not.toEqual([]);
    expect(at("src/layouts/overview.ts", "react")).not.toEqual([]);
    expect(at("src/input/csv.ts", "path")).not.toEqual([]);
    expect(at("src/input/csv.ts", "csv-parse/sync")).toEqual([]);
    expect(at("src/cli/main.ts", "fs")).toEqual([]);
  });

  it("(c) the engine imports nothing outside itself", () => {
    expect(at("src/engine/benchmark/published.ts", "../../benchmark/published-averages")).not.toEqual([]);
    expect(at("src/engine/run.ts", "../layouts")).not.toEqual([]);
    expect(at("src/engine/privacy.ts", "jszip")).not.toEqual([]);
    expect(at("src/engine/decimal.ts", "decimal.js")).toEqual([]);
  });

  it("(d) the layouts import nothing above them", () => {
    expect(at("src/layouts/result-sheets.ts", "../excel/cell-safety")).not.toEqual([]);
    expect(at("src/layouts/result-sheets.ts", "../cli/summary")).not.toEqual([]);
    expect(at("src/layouts/result-sheets.ts", "../engine/money")).not.toEqual([]);
    expect(at("src/layouts/result-sheets.ts", "./geometry")).toEqual([]);
    expect(at("src/excel/charts.ts", "../layouts/geometry")).not.toEqual([]);
  });

  it("names the line of a multi-line import", () => {
    const sites = importsOf("x.ts", 'const a = 1;\nimport {\n  b,\n} from "../engine/model";\nexport { c } from "./c";\nconst t = "from \\"0-19\\"";\n');
    expect(sites.map((s) => [s.line, s.specifier])).toEqual([
      [4, "../engine/model"],
      [5, "./c"],
    ]);
  });
});
