/**
 * Sanity checks of manifest.xml (the real validator needs the internet, see `office-addin-manifest
 * validate`), of the icons it points at, and of the production URL rewrite used by webpack.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifestUrls = require("../../scripts/manifest-urls") as {
  DEV_URL: string;
  TEST_PROD_URL: string;
  resolveProdUrl(value?: string): string;
  toProductionManifest(xml: string, prodUrl?: string): string;
  manifestVersion(xml: string): string;
};

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

// ---------------------------------------------------------------------------------------------
// A tiny XML reader: enough for the manifest (elements, attributes, text; no DTDs or CDATA).

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "", parent: null };
  let current = root;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(xml))) {
    if (match.index !== consumed) throw new Error(`unexpected markup at offset ${consumed}`);
    consumed = token.lastIndex;
    const [whole, closing, opening, attrText, selfClosing, text] = match;
    if (whole.startsWith("<!--") || whole.startsWith("<?")) continue;
    if (text !== undefined) {
      current.text += decodeEntities(text);
    } else if (closing) {
      if (closing !== current.name) throw new Error(`</${closing}> closes <${current.name}>`);
      current = current.parent!;
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      }
      const element: XmlElement = { name: opening, attrs, children: [], text: "", parent: current };
      current.children.push(element);
      if (!selfClosing) current = element;
    }
  }
  if (consumed !== xml.length) throw new Error(`unexpected markup at offset ${consumed}`);
  if (current !== root) throw new Error(`<${current.name}> is not closed`);
  return root;
}

function all(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const child of e.children) {
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(element);
  return found;
}

function one(element: XmlElement, name: string): XmlElement {
  const found = all(element, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

// ---------------------------------------------------------------------------------------------

const doc = parseXml(MANIFEST_XML);
const app = one(doc, "OfficeApp");
const resources = one(app, "Resources");

function resource(kind: "bt:Url" | "bt:Image" | "bt:String", id: string): XmlElement {
  const found = all(resources, kind).filter((e) => e.attrs.id === id);
  if (found.length !== 1) throw new Error(`expected one ${kind} with id "${id}", found ${found.length}`);
  return found[0];
}

function urlOf(resid: string): string {
  return resource("bt:Url", resid).attrs.DefaultValue;
}

/** A string resource: English DefaultValue (DefaultLocale en-US), Swedish from the sv-SE override or the default. */
function stringOf(resid: string): { sv: string; en: string } {
  const element = all(resources, "bt:String").find((e) => e.attrs.id === resid);
  if (!element) throw new Error(`no bt:String "${resid}"`);
  const sv = element.children.find((c) => c.name === "bt:Override" && c.attrs.Locale === "sv-SE");
  return { en: element.attrs.DefaultValue, sv: sv?.attrs.Value ?? element.attrs.DefaultValue };
}

/** Every URL the manifest contains, except XML namespace URIs. */
function manifestUrlValues(root: XmlElement): string[] {
  const urls: string[] = [];
  const walk = (e: XmlElement) => {
    for (const [name, value] of Object.entries(e.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (/^[a-z][\w+.-]*:\/\//i.test(value)) urls.push(value);
    }
    const text = e.text.trim();
    if (/^[a-z][\w+.-]*:\/\//i.test(text)) urls.push(text);
    e.children.forEach(walk);
  };
  walk(root);
  return urls;
}

function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (data.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR chunk first`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function assetPath(url: string): string {
  const prefix = manifestUrls.DEV_URL;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not served by the add-in`);
  return path.join(ROOT, url.slice(prefix.length));
}

describe("manifest.xml", () => {
  it("is an Excel task pane add-in with a fixed id, version and permissions", () => {
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(app, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, "Version").text.trim()).toBe("1.0.0.0");
    expect(child(app, "Permissions").text.trim()).toBe("ReadWriteDocument");
    expect(all(child(app, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(app, "SupportUrl").attrs.DefaultValue).toMatch(/^https:\/\//);
    expect(all(child(app, "AppDomains"), "AppDomain").length).toBeGreaterThan(0);
    const sets = all(child(app, "Requirements"), "Set").map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(sets).toContain("SharedRuntime 1.1");
  });

  it("declares the requirement sets the code uses (ExcelApi 1.9, CustomFunctionsRuntime 1.3, SharedRuntime 1.1)", () => {
    const sets = Object.fromEntries(all(child(app, "Requirements"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(sets).toEqual({ ExcelApi: "1.9", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" });
    // The pane checks the same sets at run time (src/excel/requirements.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { REQUIRED_SETS } = require("../../src/excel/requirements") as { REQUIRED_SETS: { name: string; version: string }[] };
    expect(Object.fromEntries(REQUIRED_SETS.map((s) => [s.name, s.version]))).toEqual(sets);
  });

  it("localises by the rules: English default, one Swedish override per Swedish locale, none for the default locale", () => {
    // Office ignores (or rejects) an Override for the DefaultLocale itself, so Swedish must be the override.
    const defaultLocale = child(app, "DefaultLocale").text.trim();
    expect(defaultLocale).toBe("en-US");
    const overridable = [
      ...["DisplayName", "Description", "SupportUrl"].map((n) => child(app, n)),
      ...all(resources, "bt:String").filter((e) => e.children.length > 0),
      ...all(resources, "bt:Url").filter((e) => e.children.length > 0),
    ];
    expect(overridable.length).toBeGreaterThan(10);
    for (const element of overridable) {
      const locales = element.children.filter((c) => c.name.endsWith("Override")).map((c) => c.attrs.Locale);
      expect(locales).toEqual(["sv-SE", "sv-FI"]);
      expect(locales).not.toContain(defaultLocale);
      const [se, fi] = element.children.map((c) => c.attrs.Value);
      expect(se).toBe(fi);
      expect(se).not.toBe(element.attrs.DefaultValue);
    }
    // Every visible text is translated (the namespace and the group label "KPB" are the same in both).
    const untranslated = all(resources, "bt:String").filter((e) => e.children.length === 0).map((e) => e.attrs.id);
    expect(untranslated.sort()).toEqual(["Functions.Namespace", "KpbGroup.Label"]);
    expect(child(app, "DisplayName").attrs.DefaultValue).toBe("KPB – Cost per client");
    expect(stringOf("KpbOpenButton.Label")).toEqual({ en: "Open KPB", sv: "Öppna KPB" });
  });

  it("points SupportUrl and LearnMoreUrl at the help pages shipped in dist/ (Swedish and English)", () => {
    const support = child(app, "SupportUrl");
    const learnMore = resource("bt:Url", "GetStarted.LearnMoreUrl");
    for (const element of [support, learnMore]) {
      expect(element.attrs.DefaultValue).toBe(`${manifestUrls.DEV_URL}help.en.html`);
      expect(element.children.map((c) => c.attrs.Value)).toEqual([`${manifestUrls.DEV_URL}help.html`, `${manifestUrls.DEV_URL}help.html`]);
    }
    for (const page of ["help.html", "help.en.html"]) expect(fs.existsSync(path.join(ROOT, "src", "help", page))).toBe(true);
  });

  it("ships a Swedish help page and an English one that link to each other and cover what users need", () => {
    const sv = fs.readFileSync(path.join(ROOT, "src", "help", "help.html"), "utf8");
    const en = fs.readFileSync(path.join(ROOT, "src", "help", "help.en.html"), "utf8");
    expect(sv).toContain('<html lang="sv">');
    expect(en).toContain('<html lang="en">');
    expect(sv).toContain('href="help.en.html"');
    expect(en).toContain('href="help.html"');
    for (const heading of ["Arbetsbokens tabeller", "De två knapparna", "Data och integritet", "Kontakt"]) expect(sv).toContain(`<h2>${heading}</h2>`);
    for (const heading of ["The workbook's tables", "The two buttons", "Data and privacy", "Contact"]) expect(en).toContain(`<h2>${heading}</h2>`);
    for (const table of ["Ekonomi", "Kodning", "Pooler", "Nycklar", "Brukare", "Befolkning", "Jämförelse", "Inställningar"]) {
      expect(sv).toContain(`<td>${table}</td>`);
      expect(en).toContain(`<td>${table} (`);
    }
    // Static pages: no scripts at all.
    for (const page of [sv, en]) expect(page).not.toMatch(/<script/i);
  });

  it("declares the custom functions namespace KPB", () => {
    const cf = all(app, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(cf).toBeDefined();
    const namespaceResid = child(cf!, "Namespace").attrs.resid;
    expect(stringOf(namespaceResid).sv).toBe("KPB");
    expect(urlOf(child(child(cf!, "Script"), "SourceLocation").attrs.resid)).toBe(`${manifestUrls.DEV_URL}functions.js`);
    expect(urlOf(child(child(cf!, "Metadata"), "SourceLocation").attrs.resid)).toBe(
      `${manifestUrls.DEV_URL}functions.json`,
    );
  });

  it("uses one resid for the shared runtime, the functions page and the FunctionFile", () => {
    const runtimes = all(app, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
    const resid = runtimes[0].attrs.resid;
    const cf = all(app, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    expect(child(child(cf, "Page"), "SourceLocation").attrs.resid).toBe(resid);
    expect(one(app, "FunctionFile").attrs.resid).toBe(resid);
    expect(urlOf(resid)).toBe(`${manifestUrls.DEV_URL}taskpane.html`);
    expect(child(child(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(urlOf(resid));
  });

  it("puts a KPB group with the two buttons on the Home tab", () => {
    const tab = one(app, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = child(tab, "Group");
    expect(stringOf(child(group, "Label").attrs.resid).sv).toBe("KPB");
    const controls = group.children.filter((c) => c.name === "Control");
    expect(controls).toHaveLength(2);

    const [open, refresh] = controls;
    expect(stringOf(child(open, "Label").attrs.resid)).toEqual({ sv: "Öppna KPB", en: "Open KPB" });
    const openAction = child(open, "Action");
    expect(openAction.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(openAction, "SourceLocation").attrs.resid).toBe(all(app, "Runtime")[0].attrs.resid);

    expect(stringOf(child(refresh, "Label").attrs.resid)).toEqual({ sv: "Uppdatera KPB", en: "Refresh KPB" });
    const refreshAction = child(refresh, "Action");
    expect(refreshAction.attrs["xsi:type"]).toBe("ExecuteFunction");
    expect(child(refreshAction, "FunctionName").text.trim()).toBe("refreshKpb");

    for (const control of controls) {
      const supertip = child(control, "Supertip");
      for (const part of ["Title", "Description"]) {
        const text = stringOf(child(supertip, part).attrs.resid);
        expect(text.sv).toBeTruthy();
        expect(text.en).toBeTruthy();
      }
    }
  });

  it("refers only to resources that exist, and defines each resource once", () => {
    const ids = new Set<string>();
    for (const kind of ["bt:Url", "bt:Image", "bt:String"]) {
      for (const e of all(resources, kind)) {
        expect(ids.has(e.attrs.id)).toBe(false);
        ids.add(e.attrs.id);
        expect(e.attrs.id.length).toBeLessThanOrEqual(32);
      }
    }
    const referenced = new Set<string>();
    const walk = (e: XmlElement) => {
      if (e.attrs.resid) referenced.add(e.attrs.resid);
      e.children.forEach(walk);
    };
    walk(app);
    for (const resid of referenced) expect(ids).toContain(resid);
  });

  it("uses https for every URL", () => {
    const urls = manifestUrlValues(app);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("points at icons in assets/ with the declared pixel sizes", () => {
    const images = all(resources, "bt:Image");
    expect(images.length).toBeGreaterThanOrEqual(3);
    const sizeOfResid = new Map<string, number>();
    for (const image of images) {
      const file = assetPath(image.attrs.DefaultValue);
      expect(fs.existsSync(file)).toBe(true);
      const { width, height } = pngSize(file);
      expect(width).toBe(height);
      sizeOfResid.set(image.attrs.id, width);
    }
    // <Icon><bt:Image size="16" resid="…"/></Icon> in the ribbon
    const uses = all(app, "bt:Image").filter((e) => e.attrs.size);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(sizeOfResid.get(use.attrs.resid)).toBe(Number(use.attrs.size));

    expect(pngSize(assetPath(child(app, "IconUrl").attrs.DefaultValue)).width).toBe(32);
    expect(pngSize(assetPath(child(app, "HighResolutionIconUrl").attrs.DefaultValue)).width).toBe(64);
  });

  it("has all four icon sizes in assets/", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

describe("production manifest URLs", () => {
  const devMatches = (xml: string) => xml.match(/https:\/\/localhost:3000/g)?.length ?? 0;
  const PROD = "https://kpb.example.se/";

  it("replaces every dev URL with the production URL", () => {
    const prod = manifestUrls.toProductionManifest(MANIFEST_XML, PROD);
    expect(devMatches(MANIFEST_XML)).toBeGreaterThan(5);
    expect(prod).not.toMatch(/localhost/);
    const prodApp = one(parseXml(prod), "OfficeApp");
    for (const url of manifestUrlValues(prodApp)) {
      expect(url.startsWith("https://kpb.example.se/") || url === "https://kpb.example.se").toBe(true);
    }
    expect(all(prodApp, "AppDomain").map((e) => e.text.trim())).toEqual(["https://kpb.example.se"]);
    expect(prod.match(/https:\/\/kpb\.example\.se/g)?.length).toBe(devMatches(MANIFEST_XML));
    // Only URLs change (and the metadata URLs carry the release).
    expect(prod.replace(/https:\/\/kpb\.example\.se/g, "X").replace(/\?v=[0-9.]+"/g, '"')).toBe(
      MANIFEST_XML.replace(/https:\/\/localhost:3000/g, "X"),
    );
  });

  it("keeps paths below a production base URL with a path", () => {
    const prod = manifestUrls.toProductionManifest(MANIFEST_XML, "https://addins.example.org/kpb");
    expect(prod).toContain('DefaultValue="https://addins.example.org/kpb/taskpane.html"');
    expect(prod).toContain('DefaultValue="https://addins.example.org/kpb/assets/icon-80.png"');
    expect(prod).toContain("<AppDomain>https://addins.example.org</AppDomain>");
    expect(prod).not.toMatch(/localhost/);
  });

  it("refuses a production build without KPB_PROD_URL, and URLs that Office cannot load", () => {
    for (const missing of [undefined, "", "  "]) {
      expect(() => manifestUrls.resolveProdUrl(missing)).toThrow(/KPB_PROD_URL saknas/);
      expect(() => manifestUrls.toProductionManifest(MANIFEST_XML, missing)).toThrow(/KPB_PROD_URL/);
    }
    expect(() => manifestUrls.toProductionManifest(MANIFEST_XML, "http://kpb.example.se/")).toThrow(/https/);
    expect(() => manifestUrls.toProductionManifest(MANIFEST_XML, "not a url")).toThrow(/valid URL/);
    expect(() => manifestUrls.toProductionManifest(MANIFEST_XML, "https://localhost:8443/")).toThrow(/local URL/);
    expect(manifestUrls.TEST_PROD_URL).toMatch(/^https:\/\/[^/]+\.invalid\/$/);
  });

  it("versions the functions metadata URLs per release (<Version>), default and Swedish override", () => {
    const version = manifestUrls.manifestVersion(MANIFEST_XML);
    const prod = manifestUrls.toProductionManifest(MANIFEST_XML, PROD);
    const metadata = all(one(parseXml(prod), "OfficeApp"), "bt:Url").find((e) => e.attrs.id === "Functions.Metadata.Url")!;
    expect(metadata.attrs.DefaultValue).toBe(`${PROD}functions.json?v=${version}`);
    expect(metadata.children.map((c) => c.attrs.Value)).toEqual([
      `${PROD}functions.sv.json?v=${version}`,
      `${PROD}functions.sv.json?v=${version}`,
    ]);
    // A new release is a new URL, so Excel cannot serve last release's cached function list.
    const next = manifestUrls.toProductionManifest(MANIFEST_XML.replace(/<Version>[^<]+<\/Version>/, "<Version>1.0.1.0</Version>"), PROD);
    expect(next).toContain("functions.json?v=1.0.1.0");
    expect(next).not.toContain(`functions.json?v=${version}"`);
    // Nothing else gets a version (the task pane page must keep its URL: it is the runtime's id).
    expect(prod.match(/\?v=[0-9]/g)).toHaveLength(3);
  });

  it("is what webpack applies to the copied manifest, in production only; a release build needs KPB_PROD_URL", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require("../../webpack.config.js") as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => Promise<{ plugins: object[]; devServer: { server: unknown } }>;
    type CopyPattern = { from: string; to?: string; transform?: (content: Buffer, file: string) => unknown };
    const patternsOf = (config: { plugins: object[] }) =>
      (config.plugins.find((p) => p.constructor.name === "CopyPlugin") as { patterns?: CopyPattern[] } | undefined)?.patterns ?? [];
    const transformOf = (config: { plugins: object[] }) => {
      const transform = patternsOf(config).find((p) => p.from === "manifest.xml")?.transform;
      if (!transform) throw new Error("webpack.config.js copies manifest.xml without a transform");
      return (content: string) => String(transform(Buffer.from(content), "manifest.xml"));
    };

    const saved = process.env.KPB_PROD_URL;
    try {
      delete process.env.KPB_PROD_URL;
      await expect(makeConfig({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: "production" })).rejects.toThrow(/KPB_PROD_URL saknas/);
      process.env.KPB_PROD_URL = "   ";
      await expect(makeConfig({ WEBPACK_BUILD: true }, { mode: "production" })).rejects.toThrow(/KPB_PROD_URL saknas/);

      // The test build (npm run build:test) may use the test origin.
      delete process.env.KPB_PROD_URL;
      const testBuild = await makeConfig({ WEBPACK_BUILD: true, test: true }, { mode: "production" });
      expect(transformOf(testBuild)(MANIFEST_XML)).toBe(manifestUrls.toProductionManifest(MANIFEST_XML, manifestUrls.TEST_PROD_URL));
      // A build does not ask for dev certificates.
      expect(testBuild.devServer.server).toBe("https");

      process.env.KPB_PROD_URL = "https://kommun.example.net/kpb/";
      const custom = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
      // A release build keeps the previous release's bundles (scripts/previous-release.js).
      const clean = (custom as unknown as { output: { clean: { keep?: unknown } } }).output.clean;
      expect(typeof clean.keep).toBe("function");
      expect(transformOf(custom)(MANIFEST_XML)).toContain("https://kommun.example.net/kpb/taskpane.html");
      // The help pages that SupportUrl and LearnMoreUrl point at are shipped.
      expect(patternsOf(custom).filter((p) => /help/.test(p.from)).map((p) => p.to)).toEqual(["help.html", "help.en.html"]);

      // Development builds and the dev server (npm start) keep localhost, with or without the variable.
      delete process.env.KPB_PROD_URL;
      const development = await makeConfig({ WEBPACK_BUILD: true }, { mode: "development" });
      expect(transformOf(development)(MANIFEST_XML)).toBe(MANIFEST_XML);
    } finally {
      if (saved === undefined) delete process.env.KPB_PROD_URL;
      else process.env.KPB_PROD_URL = saved;
    }
  });

  it("package.json: npm test and test:e2e use the test build; npm run build is the release build", () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe("webpack --mode production");
    expect(scripts["build:test"]).toBe("webpack --mode production --env test");
    expect(scripts.test).toMatch(/^npm run build:test && /);
    expect(scripts["test:e2e"]).toMatch(/^npm run build:test && /);
    expect(scripts["dev-server"]).toContain("--mode development");
  });
});

describe("previous release's bundles (scripts/previous-release.js)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const release = require("../../scripts/previous-release") as {
    previousReleaseFiles(dir: string): Set<string>;
    keepPreviousRelease(dir: string): (asset: string) => boolean;
  };

  it("keeps exactly the bundles the replaced taskpane.html loads, so a cached pane still finds its script", () => {
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "kpb-dist-"));
    try {
      expect(release.previousReleaseFiles(dir).size).toBe(0);
      fs.writeFileSync(
        path.join(dir, "taskpane.html"),
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer src="taskpane.0123abcd.js"></script>',
      );
      const keep = release.keepPreviousRelease(dir);
      expect(keep("taskpane.0123abcd.js")).toBe(true);
      expect(keep("taskpane.0123abcd.js.map")).toBe(true);
      expect(keep("taskpane.ffffffff.js")).toBe(false); // older releases go
      expect(keep("taskpane.html")).toBe(false);
      expect(keep("functions.json")).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
