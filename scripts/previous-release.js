/**
 * Keeps the previous release's bundles loadable. Excel (and the browser in Excel on the web) may
 * still hold the previous taskpane.html for a while after a release; with content-hashed bundles
 * and a cleaned dist/ its <script> would point at a file that no longer exists and the pane (and
 * every KPB function, which runs in the same page) would fail to load. So a production build keeps
 * the bundles that the taskpane.html it replaces refers to, and nothing older.
 */
"use strict";

const fs = require("fs");
const path = require("path");

/** Files (relative to dist/) that dist/taskpane.html of the previous build loads: its bundles and their source maps. */
function previousReleaseFiles(distDir) {
  const page = path.join(distDir, "taskpane.html");
  if (!fs.existsSync(page)) return new Set();
  const html = fs.readFileSync(page, "utf8");
  const files = new Set();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
    const src = match[1];
    // Only the add-in's own hashed bundles (office.js comes from Microsoft's CDN).
    if (/^[a-z][\w+.-]*:/i.test(src) || src.startsWith("//")) continue;
    const file = src.replace(/^\.?\//, "").split(/[?#]/)[0];
    if (!/\.[0-9a-f]{8}\.js$/.test(file)) continue;
    files.add(file);
    files.add(`${file}.map`);
  }
  return files;
}

/** webpack's output.clean.keep: true for the previous release's files that still exist. */
function keepPreviousRelease(distDir) {
  const keep = previousReleaseFiles(distDir);
  return (asset) => keep.has(String(asset).replace(/\\/g, "/"));
}

module.exports = { previousReleaseFiles, keepPreviousRelease };
