/**
 * Bundles the fake office.js host (fake-office-host.ts plus the in-memory Excel fake) into
 * test-output/e2e/fake-office.js as one classic script. The e2e harness runs this config itself;
 * to build by hand: `npx webpack --config test/e2e/webpack.fake-host.config.js`.
 */
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");

module.exports = {
  mode: "development",
  devtool: false,
  target: ["web", "es2020"],
  entry: path.resolve(__dirname, "fake-office-host.ts"),
  output: {
    path: path.resolve(ROOT, "test-output", "e2e"),
    filename: "fake-office.js",
    iife: true,
    clean: false,
  },
  resolve: {
    extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            configFile: path.resolve(ROOT, "tsconfig.json"),
            transpileOnly: true,
            onlyCompileBundledFiles: true,
            compilerOptions: { module: "ES2020", noEmit: false, sourceMap: false },
          },
        },
      },
    ],
  },
  performance: { hints: false },
  infrastructureLogging: { level: "warn" },
  stats: "errors-warnings",
};
