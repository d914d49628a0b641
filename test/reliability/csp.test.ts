import * as fs from "fs";
import * as path from "path";
import { KOLADA_BASE_URL } from "../../src/benchmark/kolada/client";
import { contentSecurityPolicy, CSP_DIRECTIVES, TASKPANE_CSP } from "../../src/shared/csp";

const TASKPANE_HTML = path.resolve(__dirname, "..", "..", "src", "taskpane", "taskpane.html");

function parse(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";").map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(out.has(name)).toBe(false);
    out.set(name, sources);
  }
  return out;
}

describe("the task pane's Content-Security-Policy", () => {
  const policy = parse(TASKPANE_CSP);

  test("scripts only from the add-in and Office's script host: no inline script, no eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      if (name !== "style-src") {
        const loose = sources.filter((s) => /unsafe|\*|^https?:$|^data:$/.test(s) && !(name === "img-src" && s === "data:"));
        // The one wildcard: Office's telemetry subdomains, https only, for network calls only.
        expect(loose).toEqual(name === "connect-src" ? ["https://*.aria.microsoft.com"] : []);
      }
    }
  });

  test("network only to the add-in, Kolada's API (the origin the Kolada client calls) and Office's telemetry", () => {
    expect(policy.get("connect-src")).toEqual(["'self'", new URL(KOLADA_BASE_URL).origin, "https://*.aria.microsoft.com"]);
  });

  test("admits Office's telemetry posts (*.aria.microsoft.com) and nothing else of Microsoft's for network calls", () => {
    const admits = (url: string) =>
      policy.get("connect-src")!.some((source) => {
        if (source === "'self'") return false;
        const host = new URL(url).host;
        const pattern = new URL(source.replace("*.", "wildcard.")).host.replace(/^wildcard\./, "");
        return url.startsWith("https:") && (source.includes("*.") ? host.endsWith(`.${pattern}`) : host === pattern);
      });
    expect(admits("https://browser.pipe.aria.microsoft.com/Collector/3.0/")).toBe(true);
    expect(admits("https://mobile.events.data.microsoft.com/")).toBe(false);
    expect(admits("http://x.aria.microsoft.com/")).toBe(false);
    expect(admits("https://aria.microsoft.com.evil.example/")).toBe(false);
  });

  test("inline styles only, for Fluent UI", () => {
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("no plugins, no foreign <base>, no form posts", () => {
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    // frame-ancestors is ignored in a <meta> policy, so it must not pretend to be set here.
    expect(policy.has("frame-ancestors")).toBe(false);
  });

  test("the string is built from the directives, one each", () => {
    expect(TASKPANE_CSP).toBe(contentSecurityPolicy(CSP_DIRECTIVES));
    expect(TASKPANE_CSP).not.toMatch(/[\r\n"<>]/);
  });

  const html = fs.existsSync(TASKPANE_HTML) ? fs.readFileSync(TASKPANE_HTML, "utf8") : null;
  (html === null ? test.skip : test)("taskpane.html carries exactly this policy, before any script, and its scripts obey it", () => {
    const page = html!;
    const metas = [...page.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
    expect(metas).toHaveLength(1);
    expect(metas[0][1]).toBe(TASKPANE_CSP);
    const firstScript = page.search(/<script\b/i);
    expect(firstScript < 0 || metas[0].index! < firstScript).toBe(true);
    for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const src = /\bsrc="([^"]+)"/.exec(m[1])?.[1];
      expect(src).toBeDefined(); // no inline script
      expect(m[2].trim()).toBe("");
      if (/^https?:/.test(src!)) expect(policy.get("script-src")).toContain(new URL(src!).origin);
    }
    expect(page).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
  });
});
