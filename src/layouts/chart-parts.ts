import { columnLetter } from "../engine";
import { PALETTE, type CellBox, type ChartSpec, type SheetCell, type SheetLayout } from "./sheet-layout";
import { blockPlaces, chartPlace } from "./geometry";

/**
 * Native Excel charts as DrawingML parts (ECMA-376 part 1, §21.2 charts and §20.5 spreadsheet
 * drawing), made from the same ChartSpec the add-in hands to Excel (src/excel/charts.ts): a
 * clustered column or bar chart, or a line chart, with one series per value column, the category
 * column as labels, "line" columns drawn as a line over the columns, the value-axis title, and
 * the chart's name. The series point at the sheet's cells and carry a cache of their values, so
 * any reader shows the chart before it recalculates. Pure text: the command line puts the parts
 * into the file (src/cli/xlsx-charts.ts).
 */

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Series colours after the first two (own and benchmark). */
const MORE_COLOURS = ["ED7D31", "70AD47", "FFC000", "5B9BD5", "9E480E", "264478"];

export const xmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");

/** `'KPB Översikt'!$C$40:$C$45` */
function ref(sheet: string, column: number, firstRow: number, rows = 1): string {
  const col = `$${columnLetter(column)}$`;
  const range = rows === 1 ? `${col}${firstRow}` : `${col}${firstRow}:${col}${firstRow + rows - 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

function strCache(values: SheetCell[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v === null ? "" : String(v))}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: SheetCell[]): string {
  const pts = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function rich(text: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="sv-SE" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const title = (text: string, size: number) => `<c:title>${rich(text, size, true)}<c:overlay val="0"/></c:title>`;

const colourOf = (k: number) => (k === 0 ? PALETTE.own.slice(1) : k === 1 ? PALETTE.benchmark.slice(1) : MORE_COLOURS[(k - 2) % MORE_COLOURS.length]);

/** The chart part (xl/charts/chartN.xml) for one spec of a layout. */
export function chartXml(layout: SheetLayout, spec: ChartSpec): string {
  const places = blockPlaces(layout);
  const block = layout.blocks[spec.block];
  const place = places[spec.block];
  const firstRow = place.headerRow + 1;
  const rows = place.bodyRows;
  const body = (column: number) => Array.from({ length: rows }, (_, r) => block.rows[r]?.[column] ?? null);
  const series = (column: number, k: number, asLine: boolean) => {
    const colour = colourOf(k);
    const head = `<c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:strRef><c:f>${xmlText(ref(layout.name, column + 1, place.headerRow))}</c:f>${strCache([block.columns[column].header])}</c:strRef></c:tx>`;
    const look = asLine
      ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
    const cat = `<c:cat><c:strRef><c:f>${xmlText(ref(layout.name, spec.categoryColumn + 1, firstRow, rows))}</c:f>${strCache(body(spec.categoryColumn))}</c:strRef></c:cat>`;
    const val = `<c:val><c:numRef><c:f>${xmlText(ref(layout.name, column + 1, firstRow, rows))}</c:f>${numCache(body(column))}</c:numRef></c:val>`;
    return `<c:ser>${head}${look}${cat}${val}${asLine ? '<c:smooth val="0"/>' : ""}</c:ser>`;
  };
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const isLine = spec.kind === "line";
  const barColumns = isLine ? [] : spec.valueColumns.filter((c) => !spec.lineColumns.includes(c));
  const lineColumns = isLine ? spec.valueColumns : spec.valueColumns.filter((c) => spec.lineColumns.includes(c));
  const k = (column: number) => spec.valueColumns.indexOf(column);
  let plot = "";
  if (spec.kind === "pie") {
    plot = `<c:pieChart><c:varyColors val="1"/>${spec.valueColumns.map((c) => series(c, k(c), false).replace('<c:invertIfNegative val="0"/>', "")).join("")}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    if (barColumns.length) {
      const dir = spec.kind === "barClustered" ? "bar" : "col";
      // Stacked columns (cost breakdown, insatsmix) need grouping "stacked" and full overlap.
      const stacked = spec.kind === "columnStacked";
      const grouping = stacked ? "stacked" : "clustered";
      const overlap = stacked ? '<c:overlap val="100"/>' : "";
      plot += `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${barColumns.map((c) => series(c, k(c), false)).join("")}<c:gapWidth val="80"/>${overlap}${axes}</c:barChart>`;
    }
    if (lineColumns.length) {
      plot += `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lineColumns.map((c) => series(c, k(c), true)).join("")}<c:marker val="1"/>${axes}</c:lineChart>`;
    }
    const horizontal = spec.kind === "barClustered";
    const catPos = horizontal ? "l" : "b";
    const valPos = horizontal ? "b" : "l";
    const font = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>';
    plot +=
      `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
      `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${font}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
      `${title(spec.valueAxisTitle, 900)}<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${font}<c:crossAx val="500000001"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title, 1200)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** One chart's frame in a drawing: its cells (0-based in the XML) and the relationship to its part. */
export interface ChartAnchor {
  place: CellBox;
  name: string;
  relationshipId: string;
}

/** The drawing part (xl/drawings/drawingN.xml) holding a sheet's charts. */
export function drawingXml(anchors: ChartAnchor[]): string {
  const frames = anchors
    .map((a, i) => {
      const from = `<xdr:from><xdr:col>${a.place.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.place.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
      const to = `<xdr:to><xdr:col>${a.place.column - 1 + a.place.columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.place.row - 1 + a.place.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
      const frame =
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${a.relationshipId}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
      return `<xdr:twoCellAnchor editAs="oneCell">${from}${to}${frame}<xdr:clientData/></xdr:twoCellAnchor>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${frames}</xdr:wsDr>`;
}

/** Every chart of a layout with the cells it sits in. */
export function chartsWithPlaces(layout: SheetLayout): { spec: ChartSpec; place: CellBox }[] {
  const places = blockPlaces(layout);
  return layout.charts.map((spec) => ({ spec, place: chartPlace(layout, spec, places) }));
}
