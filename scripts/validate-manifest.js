#!/usr/bin/env node
/**
 * `npm run validate [-- dist/manifest.xml]`: Microsoft's official manifest validation
 * (office-addin-manifest validate), which sends the manifest to Microsoft's validation service.
 * Without a connection to that service it says so plainly and exits with code 2, instead of
 * failing with a network stack trace. Default file: manifest.xml (the development manifest); pass
 * dist/manifest.xml to check a production build (then also with --production: no localhost).
 */
"use strict";

const dns = require("dns");
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const VALIDATION_HOST = "validationgateway.omex.office.net";
const OFFLINE_EXIT = 2;

/** true when the validation service's name resolves within `timeoutMs` (no request is sent). */
function isOnline(host = VALIDATION_HOST, timeoutMs = 5000, lookup = dns.promises.lookup) {
  return Promise.race([
    lookup(host).then(
      () => true,
      () => false,
    ),
    new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
  ]);
}

const OFFLINE_MESSAGE =
  `Manifestet kan inte valideras: ingen förbindelse med Microsofts valideringstjänst (${VALIDATION_HOST}).\n` +
  "Valideringen görs bara hos Microsoft; kör npm run validate igen på en dator med internet.\n" +
  "(Offline: Microsoft's manifest validation runs only on its service. Run npm run validate again when online.)";

async function main(argv = process.argv.slice(2), online = isOnline) {
  const production = argv.includes("--production");
  const file = path.resolve(argv.find((a) => !a.startsWith("--")) ?? "manifest.xml");
  if (!fs.existsSync(file)) {
    console.error(`Hittar inte ${file}.`);
    return 1;
  }
  if (!(await online())) {
    console.log(OFFLINE_MESSAGE);
    return OFFLINE_EXIT;
  }
  const cli = require.resolve("office-addin-manifest/cli.js");
  const args = [cli, "validate", file, ...(production ? ["--production"] : [])];
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  return result.status ?? 1;
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}

module.exports = { main, isOnline, OFFLINE_MESSAGE, OFFLINE_EXIT, VALIDATION_HOST };
