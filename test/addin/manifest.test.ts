/**
 * Sanity checks of manifest.xml (the real validator needs the internet, see `office-addin-manifest
 * validate`), of the icons it points at, and of the production URL rewrite used by webpack.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifestUrls = require("../../scripts/manifest-urls") as {
  DEV_URL: string;
  DEFAULT_PROD_URL: string;
  resolveProdUrl(value?: string): string;
  toProductionManifest(xml: string, prodUrl?: string): string;
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

function stringOf(resid: string): { sv: string; en: string | undefined } {
  const element = all(resources, "bt:String").find((e) => e.attrs.id === resid);
  if (!element) throw new Error(`no bt:String "${resid}"`);
  const en = element.children.find((c) => c.name === "bt:Override" && c.attrs.Locale === "en-US");
  return { sv: element.attrs.DefaultValue, en: en?.attrs.Value };
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

  it("has Swedish display strings with English overrides", () => {
    expect(child(app, "DefaultLocale").text.trim()).toBe("sv-SE");
    for (const name of ["DisplayName", "Description"]) {
      const element = child(app, name);
      expect(element.attrs.DefaultValue).toBeTruthy();
      const override = element.children.find((c) => c.name === "Override" && c.attrs.Locale === "en-US");
      expect(override?.attrs.Value).toBeTruthy();
    }
    expect(child(app, "DisplayName").attrs.DefaultValue).toBe("KPB – Kostnad per brukare");
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

  it("replaces every dev URL with the default production URL", () => {
    const prod = manifestUrls.toProductionManifest(MANIFEST_XML);
    expect(devMatches(MANIFEST_XML)).toBeGreaterThan(5);
    expect(prod).not.toMatch(/localhost/);
    const prodApp = one(parseXml(prod), "OfficeApp");
    for (const url of manifestUrlValues(prodApp)) {
      expect(url.startsWith("https://kpb.example.se/") || url === "https://kpb.example.se").toBe(true);
    }
    expect(all(prodApp, "AppDomain").map((e) => e.text.trim())).toEqual(["https://kpb.example.se"]);
    expect(prod.match(/https:\/\/kpb\.example\.se/g)?.length).toBe(devMatches(MANIFEST_XML));
    // Only URLs change.
    expect(prod.replace(/https:\/\/kpb\.example\.se/g, "X")).toBe(MANIFEST_XML.replace(/https:\/\/localhost:3000/g, "X"));
  });

  it("keeps paths below a production base URL with a path", () => {
    const prod = manifestUrls.toProductionManifest(MANIFEST_XML, "https://addins.example.org/kpb");
    expect(prod).toContain('DefaultValue="https://addins.example.org/kpb/taskpane.html"');
    expect(prod).toContain('DefaultValue="https://addins.example.org/kpb/assets/icon-80.png"');
    expect(prod).toContain("<AppDomain>https://addins.example.org</AppDomain>");
    expect(prod).not.toMatch(/localhost/);
  });

  it("rejects production URLs that Office cannot load", () => {
    expect(() => manifestUrls.toProductionManifest(MANIFEST_XML, "http://kpb.example.se/")).toThrow(/https/);
    expect(() => manifestUrls.toProductionManifest(MANIFEST_XML, "not a url")).toThrow(/valid URL/);
    expect(() => manifestUrls.toProductionManifest(MANIFEST_XML, "https://localhost:8443/")).toThrow(/local URL/);
    expect(manifestUrls.resolveProdUrl(undefined)).toBe(manifestUrls.DEFAULT_PROD_URL);
    expect(manifestUrls.resolveProdUrl("")).toBe(manifestUrls.DEFAULT_PROD_URL);
  });

  it("is what webpack applies to the copied manifest, in production only", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require("../../webpack.config.js") as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => Promise<{ plugins: object[]; devServer: { server: unknown } }>;
    type CopyPattern = { from: string; transform?: (content: Buffer, file: string) => unknown };
    const transformOf = (config: { plugins: object[] }) => {
      const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin") as
        | { patterns?: CopyPattern[] }
        | undefined;
      const pattern = copy?.patterns?.find((p) => p.from === "manifest.xml");
      const transform = pattern?.transform;
      if (!transform) throw new Error("webpack.config.js copies manifest.xml without a transform");
      return (content: string) => String(transform(Buffer.from(content), "manifest.xml"));
    };

    const saved = process.env.KPB_PROD_URL;
    try {
      delete process.env.KPB_PROD_URL;
      const production = await makeConfig({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: "production" });
      expect(transformOf(production)(MANIFEST_XML)).toBe(manifestUrls.toProductionManifest(MANIFEST_XML));
      // A build does not ask for dev certificates.
      expect(production.devServer.server).toBe("https");

      process.env.KPB_PROD_URL = "https://kommun.example.net/kpb/";
      const custom = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
      expect(transformOf(custom)(MANIFEST_XML)).toContain("https://kommun.example.net/kpb/taskpane.html");

      const development = await makeConfig({ WEBPACK_BUILD: true }, { mode: "development" });
      expect(transformOf(development)(MANIFEST_XML)).toBe(MANIFEST_XML);
    } finally {
      if (saved === undefined) delete process.env.KPB_PROD_URL;
      else process.env.KPB_PROD_URL = saved;
    }
  });
});
