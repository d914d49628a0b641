/**
 * Dev → production URL rewrite for manifest.xml. webpack.config.js runs it on the copied manifest
 * in production builds; test/addin/manifest.test.ts checks it.
 *
 * The manifest uses the dev base URL both with a path ("https://localhost:3000/taskpane.html") and as a
 * bare origin (<AppDomain>https://localhost:3000</AppDomain>). Every occurrence is replaced (global
 * RegExp, not String.replace with a string, which would replace only the first one).
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://kpb.example.se/";

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The production base URL: KPB_PROD_URL or the default, checked to be https and ending in "/". */
function resolveProdUrl(value) {
  const raw = value === undefined || value === null || value === "" ? DEFAULT_PROD_URL : String(value);
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
  const result = String(xml).replace(withPath, base).replace(bareOrigin, origin);
  const leftover = result.match(/\b(?:https?:\/\/)?(?:localhost|127\.0\.0\.1)(?::\d+)?[^\s"<]*/);
  if (leftover) {
    throw new Error(`manifest still refers to a local URL after the production rewrite: ${leftover[0]}`);
  }
  return result;
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, resolveProdUrl, toProductionManifest };
