/**
 * Dev → production URL rewrite for manifest.xml. webpack.config.js runs it on the copied manifest
 * in production builds; test/addin/manifest.test.ts checks it.
 *
 * A production build needs KPB_PROD_URL: without it every manifest URL would point at a host that
 * does not serve the add-in (blank pane, #NAME? for every KPB function), so the build stops. The
 * test build (`npm run build:test`) uses TEST_PROD_URL, a name that can never resolve.
 *
 * The functions metadata URLs get `?v=<Version>`: Excel caches functions.json per URL for up to a
 * day, so a release (a new <Version>) makes Excel fetch the new metadata at once.
 *
 * The manifest uses the dev base URL both with a path ("https://localhost:3000/taskpane.html") and as a
 * bare origin (<AppDomain>https://localhost:3000</AppDomain>). Every occurrence is replaced (global
 * RegExp, not String.replace with a string, which would replace only the first one).
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
/** Origin of the test build: ".invalid" never resolves, so such a manifest cannot be mistaken for a release. */
const TEST_PROD_URL = "https://kpb-test.invalid/";

const MISSING_PROD_URL =
  "KPB_PROD_URL saknas: en produktionsbyggnad behöver adressen där dist/ publiceras, " +
  "t.ex. KPB_PROD_URL=https://kpb.kommun.se/ npm run build. " +
  "(KPB_PROD_URL is not set: a production build needs the https base URL that will serve dist/. " +
  "Use npm run build:dev or npm start for localhost, npm run build:test for tests.)";

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The production base URL (KPB_PROD_URL), required, checked to be https and ending in "/". */
function resolveProdUrl(value) {
  if (value === undefined || value === null || String(value).trim() === "") throw new Error(MISSING_PROD_URL);
  const raw = String(value).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`KPB_PROD_URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`KPB_PROD_URL must use https (Office loads add-ins only over https): "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`KPB_PROD_URL must be a plain base URL without query or fragment: "${raw}"`);
  }
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/**
 * Rewrites every dev URL in `xml` to `prodUrl`. A dev URL with a path keeps its path below the
 * production base; the bare dev origin becomes the production origin. Throws if anything still
 * points at localhost afterwards, so a manifest that would not work in production never ships.
 */
function toProductionManifest(xml, prodUrl) {
  const base = resolveProdUrl(prodUrl);
  const origin = new URL(base).origin;
  const devOrigin = DEV_URL.slice(0, -1);
  const withPath = new RegExp(escapeRegExp(DEV_URL), "g");
  const bareOrigin = new RegExp(escapeRegExp(devOrigin) + "(?![\\w/:.-])", "g");
  const result = versionMetadataUrls(String(xml).replace(withPath, base).replace(bareOrigin, origin));
  const leftover = result.match(/\b(?:https?:\/\/)?(?:localhost|127\.0\.0\.1)(?::\d+)?[^\s"<]*/);
  if (leftover) {
    throw new Error(`manifest still refers to a local URL after the production rewrite: ${leftover[0]}`);
  }
  return result;
}

/** The manifest's <Version> (the release number). */
function manifestVersion(xml) {
  const match = /<Version>\s*([0-9.]+)\s*<\/Version>/.exec(String(xml));
  if (!match) throw new Error("manifest.xml has no <Version>");
  return match[1];
}

/**
 * Adds ?v=<Version> to every functions metadata URL (functions.json, functions.sv.json), default
 * and overrides, so each release has its own metadata URL and Excel's day-long cache cannot serve
 * the previous release's function list.
 */
function versionMetadataUrls(xml) {
  const version = manifestVersion(xml);
  return String(xml).replace(/<bt:Url id="Functions\.Metadata\.Url"[\s\S]*?<\/bt:Url>/, (element) =>
    element.replace(/(functions(?:\.[a-z]{2})?\.json)(?:\?v=[^"]*)?"/g, `$1?v=${version}"`),
  );
}

module.exports = { DEV_URL, TEST_PROD_URL, MISSING_PROD_URL, resolveProdUrl, toProductionManifest, manifestVersion, versionMetadataUrls };
