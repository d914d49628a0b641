/**
 * Add-in bundle. One entry (src/taskpane/index.tsx) that imports the functions and the ribbon
 * commands, so that everything in the shared runtime uses one instance of every module.
 *
 *   npm run build         production build into dist/ (manifest URLs rewritten to KPB_PROD_URL,
 *                         which is required: without it the build stops)
 *   npm run build:test    production build for the tests (manifest URLs on a test origin)
 *   npm run build:dev     development build (manifest keeps the dev URLs)
 *   npm run dev-server    https://localhost:3000 with the Office dev certificates
 *
 * Certificates are only requested when serving; a build never touches them.
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const fs = require("fs");
const { manifestVersion, resolveProdUrl, toProductionManifest, TEST_PROD_URL } = require("./scripts/manifest-urls");
const { keepPreviousRelease } = require("./scripts/previous-release");
const { SwedishFunctionsMetadataPlugin } = require("./scripts/functions-sv-plugin");

const DIST = path.resolve(__dirname, "dist");
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const FUNCTIONS_SCRIPT = "functions.js";

/**
 * The manifest's custom-functions <Script> element is required, but in a shared runtime Excel runs
 * the functions from the <Page> (taskpane.html), which already contains them. functions.js is
 * therefore a stub: loading it in addition must not register a second copy of the functions.
 */
class FunctionsScriptStubPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsScriptStubPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsScriptStubPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.emitAsset(
            FUNCTIONS_SCRIPT,
            new webpack.sources.RawSource(
              "/* KPB: the worksheet functions are registered by taskpane.html (shared runtime). */\n",
            ),
            { minimized: true },
          );
        },
      );
    });
  }
}

async function devServerHttpsOptions() {
  // Required lazily: only `webpack serve` needs (and may create/install) the dev certificates.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  // Checked before anything is built, so a release without its URL stops with a clear message.
  const prodUrl = dev ? null : resolveProdUrl(env.test ? TEST_PROD_URL : process.env.KPB_PROD_URL);
  const release = manifestVersion(fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8"));

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: DIST,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // The previous release's bundles stay (scripts/previous-release.js); everything else goes.
      clean: dev ? true : { keep: keepPreviousRelease(DIST) },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
      // Fluent UI's context selector (TabList, Table, …) imports its peer `scheduler`, which npm
      // installed only under react-dom: resolve it from there.
      alias: {
        scheduler: path.dirname(
          require.resolve("scheduler/package.json", { paths: [path.dirname(require.resolve("react-dom/package.json"))] }),
        ),
        // csv-parse's Node build uses the global Buffer; its browser build carries its own.
        "csv-parse/sync$": "csv-parse/browser/esm/sync",
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.webpack.json"),
              onlyCompileBundledFiles: true,
            },
          },
        },
      ],
    },
    plugins: [
      // The release (manifest <Version>): the pane asks Excel to reload the functions metadata once per release.
      new webpack.DefinePlugin({ __KPB_RELEASE__: JSON.stringify(release) }),
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      // functions.sv.json: Swedish function names (src/functions/localized-names.ts), see manifest.xml.
      new SwedishFunctionsMetadataPlugin({ input: "functions.json", output: "functions.sv.json" }),
      new FunctionsScriptStubPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Help pages (SupportUrl and GetStarted.LearnMoreUrl): Swedish, English.
          { from: "src/help/help.html", to: "help.html" },
          { from: "src/help/help.en.html", to: "help.en.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : toProductionManifest(content.toString(), prodUrl);
            },
          },
        ],
      }),
    ],
    performance: {
      maxAssetSize: 1536 * 1024,
      maxEntrypointSize: 1536 * 1024,
    },
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devServerHttpsOptions() } : "https",
      static: false,
    },
  };
};
