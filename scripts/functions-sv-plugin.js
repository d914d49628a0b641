/**
 * Webpack plugin: emits functions.sv.json (Swedish names of the KPB worksheet functions) next to the
 * functions.json that custom-functions-metadata-plugin generates. The translations and the
 * conversion live in src/functions/localized-names.ts (no imports), loaded here with a plain
 * TypeScript transpile. A missing translation is a build error. manifest.xml points Swedish Excel
 * at the file with a <bt:Override Locale="sv-SE"> of Functions.Metadata.Url.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const Module = require("module");

const LOCALIZED_NAMES = path.resolve(__dirname, "..", "src", "functions", "localized-names.ts");

/** Loads localized-names.ts (TypeScript, no imports) as a CommonJS module. */
function loadLocalizedNames(file = LOCALIZED_NAMES) {
  const ts = require("typescript");
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod._compile(outputText, file);
  return mod.exports;
}

/** functions.sv.json text from functions.json text (throws on a missing translation). */
function buildSwedishMetadata(englishJson, file = LOCALIZED_NAMES) {
  const { localizeFunctionsMetadata } = loadLocalizedNames(file);
  return JSON.stringify(localizeFunctionsMetadata(JSON.parse(englishJson)), null, 4);
}

class SwedishFunctionsMetadataPlugin {
  constructor(options = {}) {
    this.input = options.input || "functions.json";
    this.output = options.output || "functions.sv.json";
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SwedishFunctionsMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(LOCALIZED_NAMES);
      compilation.hooks.processAssets.tap(
        { name: "SwedishFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const english = compilation.getAsset(this.input);
          // Without functions.json the metadata plugin has already reported why.
          if (!english) return;
          try {
            const json = buildSwedishMetadata(english.source.source().toString());
            compilation.emitAsset(this.output, new sources.RawSource(json));
          } catch (error) {
            compilation.errors.push(new WebpackError(`SwedishFunctionsMetadataPlugin: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { SwedishFunctionsMetadataPlugin, buildSwedishMetadata, loadLocalizedNames, LOCALIZED_NAMES };
