#!/usr/bin/env node
// Entry point for `npx kpb`: the compiled command line lives in dist-cli (built by `npm run build:cli`).
require("../dist-cli/src/cli/main.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
