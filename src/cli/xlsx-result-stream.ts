import ExcelJS from "exceljs";
import { PassThrough } from "stream";
import { NUMBER_FORMATS, type SheetLayout } from "../layouts";
import { blockPlaces, sheetColumnWidths } from "../layouts";
import { wrappedLines } from "../layouts";
import { chartsWithPlaces, chartXml, drawingXml } from "../layouts";
import { addRelationship, CT_CHART, CT_DRAWING, REL_CHART, REL_DRAWING } from "./xlsx-charts";
import { FONT, pageOptions, styleTopCell, writeColours } from "./xlsx-result-style";

/**
 * Writes the result sheets row by row with exceljs' streaming writer, so memory and time follow
 * the rows written rather than a whole in-memory workbook (the large municipality's client and
 * tracing sheets hold tens of thousands of rows). The content is the same as the in-memory
 * writer's (src/cli/reference/result-workbook.ts; a test compares the two): values, number
 * formats, fonts, alignment, merged title cells, row heights, column widths, colours by
 * direction, print setup and one Excel table per block. The streaming writer cannot write
 * tables or charts, so their parts are added here: tables as exceljs renders them for the
 * in-memory writer, charts as xlsx-charts.ts adds them to that writer's file.
 */

/* exceljs internals used for the table parts (the same code its in-memory writer runs). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelTable = require("exceljs/lib/doc/table") as new () => { table: TableModel; validate(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform") as new () => { prepare(m: TableModel, o: object): void; toXml(m: TableModel): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ContentTypesXform = require("exceljs/lib/xlsx/xform/core/content-types-xform") as new () => { toXml(m: object): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RelType = require("exceljs/lib/xlsx/rel-type") as { Table: string };

interface TableModel {
  name: string;
  ref: string;
  headerRow: boolean;
  style: object;
  columns: { name: string; filterButton: boolean }[];
  rows: unknown[];
  id?: number;
  target?: string;
  rId?: string;
}

/** exceljs' streaming worksheet, with the parts of it this writer reaches into. */
type StreamSheet = ExcelJS.Worksheet & {
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeLegacyData(): void;
  _write(text: string): void;
  commit(): void;
};

type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter & {
  zip: { append(data: string, options: { name: string }): void };
  addContentTypes(): Promise<void>;
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  media: unknown;
};

/**
 * One style object per distinct style, so exceljs registers each once (it remembers style
 * objects). Alignments are the few constants below, so they are told apart by identity.
 */
class SharedStyles {
  private readonly byAlignment = new Map<Partial<ExcelJS.Alignment> | undefined, Map<string | undefined, Partial<ExcelJS.Style>>>();
  get(numFmt: string | undefined, alignment: Partial<ExcelJS.Alignment> | undefined): Partial<ExcelJS.Style> {
    let byFormat = this.byAlignment.get(alignment);
    if (!byFormat) this.byAlignment.set(alignment, (byFormat = new Map()));
    let style = byFormat.get(numFmt);
    if (!style) {
      style = {};
      if (numFmt !== undefined) style.numFmt = numFmt;
      if (alignment) style.alignment = alignment;
      byFormat.set(numFmt, style);
    }
    return style;
  }
}

const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "bottom" };
const WRAP_ALIGNMENT: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

/** The result workbook as the bytes of an .xlsx file, charts included. */
export async function streamResultWorkbook(layouts: SheetLayout[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true }) as StreamWorkbook;
  wb.creator = "KPB";
  const parts: WrittenParts = { tables: [], drawings: 0, charts: 0, contentTypes: [] };
  const styles = new SharedStyles();
  for (const layout of layouts) writeSheet(wb, layout, parts, styles);
  // The content types name the table, drawing and chart parts too (the streaming writer leaves them out).
  wb.addContentTypes = () => {
    const model = { worksheets: wb._worksheets.filter(Boolean), sharedStrings: wb.sharedStrings, commentRefs: wb.commentRefs, media: wb.media, tables: parts.tables };
    const xml = new ContentTypesXform().toXml(model).replace("</Types>", `${parts.contentTypes.join("")}</Types>`);
    wb.zip.append(xml, { name: "[Content_Types].xml" });
    return Promise.resolve();
  };
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** Parts written so far, numbered across the workbook. */
interface WrittenParts {
  tables: TableModel[];
  drawings: number;
  charts: number;
  /** `<Override>` elements for the drawing and chart parts. */
  contentTypes: string[];
}

function writeSheet(wb: StreamWorkbook, layout: SheetLayout, parts: WrittenParts, styles: SharedStyles): void {
  const { tables } = parts;
  const page = pageOptions(layout);
  const ws = wb.addWorksheet(layout.name, {
    ...(page.views ? { views: page.views } : {}),
    ...(page.pageSetup ? { pageSetup: page.pageSetup } : {}),
    ...(page.headerFooter ? { headerFooter: page.headerFooter } : {}),
  }) as unknown as StreamSheet;
  sheetColumnWidths(layout).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const places = blockPlaces(layout);

  // Small things by row (title block, block titles and headers); data rows are written from the blocks.
  const small = new Map<number, ((row: ExcelJS.Row) => void)[]>();
  const at = (row: number, op: (row: ExcelJS.Row) => void) => {
    const ops = small.get(row);
    if (ops) ops.push(op);
    else small.set(row, [op]);
  };
  const merges: [number, number, number, number][] = [];
  for (const t of layout.topCells ?? []) {
    at(t.row, (row) => {
      styleTopCell(row.getCell(t.column), t);
      if ((t.lines ?? 1) > 1) row.height = 15 * t.lines!;
      if (t.style === "title") row.height = 26;
    });
    if ((t.span ?? 1) > 1) merges.push([t.row, t.column, t.row, t.column + t.span! - 1]);
  }
  layout.blocks.forEach((block, b) => {
    const { titleRow, headerRow } = places[b];
    if (titleRow !== null) {
      at(titleRow, (row) => {
        const cell = row.getCell(1);
        cell.value = block.title!;
        cell.font = { name: FONT, bold: true, size: 12 };
      });
    }
    at(headerRow, (row) => {
      block.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.value = c.header;
        cell.style = styles.get(undefined, HEADER_ALIGNMENT);
      });
    });
  });
  // Merged title cells are declared before their rows are written (the streaming writer needs that).
  for (const [top, left, bottom, right] of merges) ws.mergeCells(top, left, bottom, right);

  const smallRows = [...small.keys()].sort((a, b) => a - b);
  let next = 0;
  const writeSmallUpTo = (limit: number) => {
    while (next < smallRows.length && smallRows[next] < limit) {
      const r = smallRows[next++];
      const row = ws.getRow(r);
      for (const op of small.get(r)!) op(row);
      row.commit();
    }
  };

  layout.blocks.forEach((block, b) => {
    const { headerRow } = places[b];
    const firstData = headerRow + 1;
    const rowFormats = new Map((block.rowFormats ?? []).map((f) => [f.column, f.formats] as const));
    const columnStyles = block.columns.map((c) => styles.get(NUMBER_FORMATS[c.format], c.wrap ? WRAP_ALIGNMENT : undefined));
    for (let r = 0; r < block.rows.length; r++) {
      const n = firstData + r;
      writeSmallUpTo(n);
      const row = ws.getRow(n);
      if (next < smallRows.length && smallRows[next] === n) for (const op of small.get(smallRows[next++])!) op(row);
      const values = block.rows[r];
      const lines = wrappedLines(values, block.columns);
      if (lines > 1) row.height = 15 * lines;
      block.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        const v = values[i];
        cell.value = v === null || v === undefined ? null : v;
        const own = rowFormats.get(i);
        const numFmt = own ? NUMBER_FORMATS[own[r]] : NUMBER_FORMATS[c.format];
        // A row with wrapped long text: every cell aligned to the top.
        const alignment = lines > 1 ? (c.wrap ? WRAP_ALIGNMENT : TOP_ALIGNMENT) : c.wrap ? WRAP_ALIGNMENT : undefined;
        cell.style = numFmt === NUMBER_FORMATS[c.format] && lines === 1 ? columnStyles[i] : styles.get(numFmt, alignment);
      });
      row.commit();
    }
    tables.push(tableOf(block.tableName, headerRow, block.columns.map((c) => c.header), Math.max(1, block.rows.length)));
  });
  writeSmallUpTo(Number.POSITIVE_INFINITY);

  writeColours(ws, layout);
  // As Row.addPageBreak() records it (the row itself is already written).
  if (layout.page && layout.pageBreakAfter) (ws as unknown as { rowBreaks: object[] }).rowBreaks.push({ id: layout.pageBreakAfter, max: 16838, man: 1 });

  // The sheet's tables: parts, relationships and <tableParts>, as the in-memory writer makes them.
  const own = tables.slice(tables.length - layout.blocks.length);
  for (const table of own) {
    table.id = tables.indexOf(table) + 1;
    table.target = `table${table.id}.xml`;
    table.rId = ws._sheetRelsWriter.addRelationship({ Target: `../tables/${table.target}`, Type: RelType.Table });
    const xform = new TableXform();
    xform.prepare(table, {});
    wb.zip.append(xform.toXml(table), { name: `xl/tables/${table.target}` });
  }
  const drawingId = writeCharts(wb, ws, layout, parts);
  const writeLegacyData = ws._writeLegacyData.bind(ws);
  ws._writeLegacyData = () => {
    // <drawing> before <tableParts>, as the worksheet schema orders them.
    if (drawingId) ws._write(`<drawing r:id="${drawingId}"/>`);
    writeLegacyData();
    if (own.length) ws._write(`<tableParts count="${own.length}">${own.map((t) => `<tablePart r:id="${t.rId}"/>`).join("")}</tableParts>`);
  };
  ws.commit();
}

const TOP_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: "top" };

/** The sheet's charts: one drawing part, a chart part per chart, their relationships; the drawing's relationship id. */
function writeCharts(wb: StreamWorkbook, ws: StreamSheet, layout: SheetLayout, parts: WrittenParts): string | null {
  if (!layout.charts.length) return null;
  const drawing = ++parts.drawings;
  const drawingPart = `xl/drawings/drawing${drawing}.xml`;
  let drawingRels: string | null = null;
  const anchors = chartsWithPlaces(layout).map(({ spec, place }, i) => {
    const chartPart = `xl/charts/chart${++parts.charts}.xml`;
    wb.zip.append(chartXml(layout, spec), { name: chartPart });
    parts.contentTypes.push(`<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/>`);
    const relationshipId = `rId${i + 1}`;
    drawingRels = addRelationship(drawingRels, relationshipId, REL_CHART, `../charts/chart${parts.charts}.xml`);
    return { place, name: spec.name, relationshipId };
  });
  wb.zip.append(drawingXml(anchors), { name: drawingPart });
  wb.zip.append(drawingRels!, { name: `xl/drawings/_rels/drawing${drawing}.xml.rels` });
  parts.contentTypes.push(`<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/>`);
  return ws._sheetRelsWriter.addRelationship({ Target: `../drawings/drawing${drawing}.xml`, Type: REL_DRAWING });
}

/** A table model completed by exceljs' own rules (style defaults, references), as addTable does. */
function tableOf(name: string, headerRow: number, headers: string[], bodyRows: number): TableModel {
  const table = Object.create(ExcelTable.prototype) as { table: TableModel; validate(): void };
  table.table = {
    name,
    ref: `A${headerRow}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: new Array(bodyRows),
  };
  table.validate();
  return table.table;
}
