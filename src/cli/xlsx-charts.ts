import JSZip from "jszip";
import { chartsWithPlaces, chartXml, drawingXml, type SheetLayout } from "../layouts";

/**
 * Puts the layouts' native charts into an .xlsx written by exceljs (which cannot write charts):
 * per sheet with charts one drawing part, one chart part per chart, the relationships from the
 * sheet to the drawing and from the drawing to the charts, the `<drawing>` element in the sheet
 * and the content types. Everything else in the file stays byte for byte as exceljs wrote it.
 */
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Sheet name → its part path ("xl/worksheets/sheet1.xml"), from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id && targets.has(id)) out.set(unescapeXml(name), targets.get(id)!);
  }
  return out;
}

const relsPathOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

export function addRelationship(rels: string | null, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  if (rels === null) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${rel}</Relationships>`;
  return rels.replace("</Relationships>", `${rel}</Relationships>`);
}

/** `<drawing>` goes after the page setup and before legacy drawings, table parts and extensions (CT_Worksheet order). */
function insertDrawing(sheetXml: string, id: string): string {
  const element = `<drawing r:id="${id}"/>`;
  const before = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(sheetXml);
  const at = before ? before.index : sheetXml.lastIndexOf("</worksheet>");
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  return xml;
}

function freeName(zip: JSZip, pattern: (n: number) => string, from = 1): number {
  let n = from;
  while (zip.file(pattern(n))) n++;
  return n;
}

export async function addCharts(xlsx: Uint8Array, layouts: SheetLayout[]): Promise<Uint8Array> {
  if (!layouts.some((l) => l.charts.length)) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let contentTypes = await zip.file("[Content_Types].xml")!.async("string");
  let chartNumber = 1;
  for (const layout of layouts) {
    if (!layout.charts.length) continue;
    const sheetPart = parts.get(layout.name);
    if (!sheetPart) throw new Error(`Bladet ${layout.name} saknas i arbetsboken.`);
    const drawing = freeName(zip, (n) => `xl/drawings/drawing${n}.xml`);
    const drawingPart = `xl/drawings/drawing${drawing}.xml`;
    let drawingRels: string | null = null;
    const anchors = chartsWithPlaces(layout).map(({ spec, place }, i) => {
      chartNumber = freeName(zip, (n) => `xl/charts/chart${n}.xml`, chartNumber);
      const chartPart = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPart, chartXml(layout, spec));
      contentTypes = contentTypes.replace("</Types>", `<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/></Types>`);
      const relationshipId = `rId${i + 1}`;
      drawingRels = addRelationship(drawingRels, relationshipId, REL_CHART, `../charts/chart${chartNumber}.xml`);
      return { place, name: spec.name, relationshipId };
    });
    zip.file(drawingPart, drawingXml(anchors));
    zip.file(relsPathOf(drawingPart), drawingRels!);
    contentTypes = contentTypes.replace("</Types>", `<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/></Types>`);

    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRels = (await zip.file(sheetRelsPath)?.async("string")) ?? null;
    const drawingId = `rIdKpbDrawing${drawing}`;
    zip.file(sheetRelsPath, addRelationship(sheetRels, drawingId, REL_DRAWING, `../drawings/drawing${drawing}.xml`));
    zip.file(sheetPart, insertDrawing(await zip.file(sheetPart)!.async("string"), drawingId));
  }
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
