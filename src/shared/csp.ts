/**
 * The task pane's Content-Security-Policy (a <meta http-equiv> in src/taskpane/taskpane.html;
 * test/reliability/csp.test.ts checks that the page carries exactly this string).
 *
 * - Scripts only from the add-in's own origin and Office's script host (office.js and the files
 *   it loads itself). No inline script and no eval: the bundles are built with source maps, not
 *   eval-devtool, and the page has no inline <script>.
 * - Network (fetch/XHR) only to the own origin, to Kolada's API for benchmark values and to
 *   Office's own telemetry endpoints (*.aria.microsoft.com: office.js posts usage data there from
 *   inside the pane; blocking it fills the console with violations and helps nobody). The add-in's
 *   code never sends anything there. 'self' also covers the dev server's websocket on the same origin.
 * - Styles: Fluent UI (Griffel) inserts <style> elements at run time, so style-src alone allows
 *   'unsafe-inline'. Styles cannot run code; scripts stay strict.
 * - No plugins, no <base> elsewhere, no form posts, and images only from the add-in (and data:
 *   URLs, which Fluent uses for small icons).
 * - frame-ancestors cannot be set from a <meta> tag (browsers ignore it there), and Office on the
 *   web must frame the pane, so it is left to the web server's headers.
 */
export const OFFICE_SCRIPT_HOST = "https://appsforoffice.microsoft.com";
export const KOLADA_API_ORIGIN = "https://api.kolada.se";
/** Office's telemetry (office.js itself posts here from the pane). */
export const OFFICE_TELEMETRY = "https://*.aria.microsoft.com";

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_SCRIPT_HOST],
  "style-src": ["'self'", "'unsafe-inline'"],
  "connect-src": ["'self'", KOLADA_API_ORIGIN, OFFICE_TELEMETRY],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

export function contentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

export const TASKPANE_CSP = contentSecurityPolicy();
