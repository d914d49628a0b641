import { parse } from "csv-parse/sync";
import { cellAt, CellTableBuilder, fold, locateTable, ProblemLog, TABLE_SCHEMAS, type CellTable, type CellValue, type TableInput, type TableName } from "../engine";
import { countRows, type FileTable, type SkippedRows } from "./file-table";
import { numberFromText, sniffDecimalMarkOfCounts, type DecimalMark } from "./number-text";
import type { SummaryDetail } from "./messages";
import { decodeText } from "./text-decoding";

/**
 * A CSV/text export as a contract table. The delimiter (semicolon, tab or comma) is the one under
 * which a header row names the most contract columns (the same header matching as workbook
 * tables), quoted fields may hold delimiters, line breaks and doubled quotes (csv-parse), and the
 * number columns are read with the decimal mark the file itself uses. Row numbers are the file's
 * line numbers, so every problem points at a line an economist can open. Pure: bytes in, table out.
 */

const DELIMITERS = [";", "\t", ","] as const;
/** How many leading records the delimiter and header search look at (title lines come first). */
const HEADER_PROBE_RECORDS = 21;
const PROBE_CHARS = 256 * 1024;

/** Columns that hold numbers, per table: only these are converted, so codes like 0100 stay text. */
export const NUMBER_COLUMNS: Record<TableName, string[]> = {
  Ekonomi: ["Belopp", "År"],
  Kodning: [],
  Pooler: ["Platser"],
  Nycklar: ["Andel"],
  Insatskatalog: [],
  Brukare: ["Volym", "Födelseår", "Ålder", "År"],
  Befolkning: ["Antal", "År"],
  Jämförelse: ["Värde", "År"],
  Inställningar: [],
};

/** Receives each record that is not a blank line, with the line it starts on (1-based). */
type RecordSink = (line: number, record: string[]) => void;

interface Parsed {
  bad: { line: number; detail: string }[];
  blankLines: number;
  records: number;
}

const BAD_RECORD_DETAIL: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "ett citattecken stängs aldrig",
  CSV_INVALID_CLOSING_QUOTE: "tecken direkt efter ett avslutande citattecken",
};

/**
 * Hands each record of a text to `sink` at the line it starts on; nothing keeps the whole file's
 * records. The common file (no quotation mark, one kind of line break) is split by lines and
 * delimiter here, several times faster than csv-parse; anything else is read by csv-parse.
 */
function parseRecords(text: string, delimiter: string, sink: RecordSink, maxRecords?: number): Parsed {
  const lineBreak = plainLineBreak(text);
  if (lineBreak === null) return parseQuotedRecords(text, delimiter, sink, maxRecords);
  let blankLines = 0;
  let records = 0;
  eachPlainRecord(text, lineBreak, delimiter, maxRecords, (line, record) => {
    if (isBlankRecord(record)) blankLines++;
    else {
      sink(line, record);
      records++;
    }
  });
  return { bad: [], blankLines, records };
}

/** Each line of a plain text (see plainLineBreak) split by the delimiter, blank lines included. */
function eachPlainRecord(text: string, lineBreak: string, delimiter: string, maxRecords: number | undefined, fn: RecordSink): void {
  // A line break at the end closes the last record; it does not start an empty one.
  for (let start = 0, line = 1; start < text.length && (maxRecords === undefined || line <= maxRecords); line++) {
    let end = text.indexOf(lineBreak, start);
    if (end < 0) end = text.length;
    fn(line, text.slice(start, end).split(delimiter));
    start = end + lineBreak.length;
  }
}

/** The records of a plain text as csv-parse would give them (blank lines as one empty field); null for any other text. */
export function plainRecords(text: string, delimiter: string, maxRecords?: number): string[][] | null {
  const lineBreak = plainLineBreak(text);
  if (lineBreak === null) return null;
  const records: string[][] = [];
  eachPlainRecord(text, lineBreak, delimiter, maxRecords, (_, record) => records.push(record));
  return records;
}

const isBlankRecord = (record: string[]) => record.length === 1 && record[0].trim() === "";

/**
 * The line break of a text without a single quotation mark and with one kind of line break (the
 * common system export), whose records are its lines split by the delimiter, as csv-parse would
 * split them. Anything else (quotes, mixed line breaks): null, and csv-parse reads it.
 */
export function plainLineBreak(text: string): string | null {
  if (text === "" || text.includes('"')) return null;
  const lf = countOf(text, "\n");
  const cr = countOf(text, "\r");
  if (cr === 0) return "\n";
  if (lf === 0) return "\r";
  if (cr === lf && countOf(text, "\r\n") === lf) return "\r\n";
  return null;
}

function countOf(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

function parseOptions(delimiter: string, maxRecords?: number) {
  return { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, skip_records_with_error: true, to: maxRecords };
}

/**
 * A text with quoted fields, read by csv-parse: each record goes to `sink` as csv-parse reads it
 * (with the line it ends on, less the line breaks inside its fields), and a record csv-parse
 * cannot split is reported at the line it starts on.
 */
function parseQuotedRecords(text: string, delimiter: string, sink: RecordSink, maxRecords?: number): Parsed {
  const bad: { endLine: number; code: string }[] = [];
  const ends: number[] = [];
  let blankLines = 0;
  let records = 0;
  try {
    parse(text, {
      ...parseOptions(delimiter, maxRecords),
      on_skip: (err) => {
        if (err) bad.push({ endLine: (err as { lines?: number }).lines ?? 0, code: (err as { code?: string }).code ?? "" });
      },
      // Records go to the sink here instead of into csv-parse's own result list.
      on_record: (record: string[], context) => {
        const endLine = context.lines;
        let breaks = 0;
        for (const field of record) for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) breaks++;
        ends.push(endLine);
        if (isBlankRecord(record)) blankLines++;
        else {
          sink(endLine - breaks, record);
          records++;
        }
        return undefined;
      },
    });
  } catch (e) {
    // csv-parse stops on what it cannot skip: the rest of the file is one bad record.
    bad.push({ endLine: (e as { lines?: number }).lines ?? (ends.at(-1) ?? 0) + 1, code: (e as { code?: string }).code ?? String(e) });
  }
  // A bad record starts on the line after the last good record that ended before it.
  const badLines = bad.map((b) => {
    let start = 1;
    for (const end of ends) if (end < b.endLine && end + 1 > start) start = end + 1;
    return { line: start, detail: BAD_RECORD_DETAIL[b.code] ?? b.code };
  });
  return { bad: badLines, blankLines, records };
}

/** How many contract columns the best of the first records names (the header matching). */
function headerScore(table: TableName, rows: CellValue[][]): number {
  const schema = TABLE_SCHEMAS[table];
  let best = 0;
  let seen = 0;
  for (const row of rows) {
    if (!row) continue;
    if (++seen > HEADER_PROBE_RECORDS) break;
    const cells = new Set(row.filter((c): c is string => typeof c === "string").map(fold));
    const score = schema.filter((def) => [def.name, ...def.aliases].some((n) => cells.has(fold(n)))).length;
    if (score > best) best = score;
  }
  return best;
}

/** The delimiter under which the header names the most contract columns; ties go to the most even field counts. */
function sniffDelimiter(table: TableName, text: string): { delimiter: string; score: number } {
  const cut = text.length > PROBE_CHARS ? text.slice(0, text.lastIndexOf("\n", PROBE_CHARS) + 1 || PROBE_CHARS) : text;
  let best = { delimiter: DELIMITERS[0] as string, score: -1, even: -1 };
  for (const delimiter of DELIMITERS) {
    const rows: CellValue[][] = [];
    parseRecords(cut, delimiter, (line, record) => (rows[line - 1] = record), 200);
    const score = headerScore(table, rows);
    const widths = rows.filter(Boolean).map((r) => r.length);
    const common = widths.length ? Math.max(...widths.map((w) => widths.filter((x) => x === w).length)) : 0;
    const even = common / Math.max(1, widths.length) + (widths[0] > 1 ? 1 : 0);
    if (score > best.score || (score === best.score && even > best.even)) best = { delimiter, score, even };
  }
  return best;
}

/** Reads a CSV/text export of one contract table. Never throws: what cannot be read becomes problems. */
export function readCsvTable(bytes: Uint8Array, table: TableName, file: string): FileTable {
  const log = new ProblemLog();
  const skipped: SkippedRows[] = [];
  const summary = { file, table, format: "csv" as const, details: [] as SummaryDetail[], rowsRead: 0, skipped, amountOre: null as number | null, volume: null as string | null, unreadableNumbers: 0 };
  const place = (row?: number) => ({ table, sheet: file, row: row ?? null });
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    log.error("fileUnreadable", place(), { file, detail: decoded.reason });
    return { table, input: null, problems: log.items, summary };
  }
  const text = decoded.text.replace(/\r\n?/g, "\n");
  summary.details.push({ key: "encoding", params: { encoding: decoded.encoding } });
  const { delimiter, score } = sniffDelimiter(table, text);
  const schema = TABLE_SCHEMAS[table];
  if (score <= 0) {
    log.error("csvNoHeader", place(1), { table, file, expected: schema.filter((d) => d.required).map((d) => d.name).join(", ") });
    return { table, input: null, problems: log.items, summary };
  }
  summary.details.push({ key: "delimiter", params: { delimiter } });
  // Records go straight into the table by column (row = line - 1); the first ones are kept
  // aside as rows too, for the header search.
  const builder = new CellTableBuilder(countOf(text, "\n") + 1);
  const head: CellValue[][] = [];
  const headLines: number[] = [];
  const parsed = parseRecords(text, delimiter, (line, record) => {
    if (head.length < HEADER_PROBE_RECORDS) {
      head.push(record);
      headLines.push(line);
    }
    for (let c = 0; c < record.length; c++) builder.set(line - 1, c, record[c]);
  });
  for (const b of parsed.bad) log.error("csvBadRecord", place(b.line), { detail: b.detail });
  if (parsed.bad.length) skipped.push({ code: "badRecord", reason: "rader som inte går att dela upp i fält (se problemlistan)", count: parsed.bad.length });
  if (parsed.blankLines) skipped.push({ code: "blank", reason: "tomma rader", count: parsed.blankLines });

  // The header as the engine will find it: the same locator, on the first records only.
  const headLocated = locateTable(table, { rows: head, sheet: file }, new ProblemLog());
  let cells = builder.build();
  if (headLocated) {
    const headerLine = headLines[headLocated.headerRow - 1];
    const above = headLines.filter((l) => l < headerLine).length;
    if (above) skipped.push({ code: "aboveHeader", reason: "rader ovanför rubrikraden", count: above });
    const converted = convertNumbers(cells, headerLine, headLocated.columns, table);
    cells = converted.cells;
    const mark = converted.marks.get(headLocated.columns.get(table === "Brukare" ? "Volym" : "Belopp") ?? -1);
    if (converted.marks.size) summary.details.push({ key: "decimalMark", params: { mark: mark === "," || mark === "." ? mark : null } });
  }
  const input: TableInput = { cells, sheet: file, firstRow: 1, firstColumn: 1 };
  if (headLocated) countRows(table, input, summary);
  return { table, input, problems: log.items, summary };
}

/**
 * Number columns become numbers under the file's own decimal mark; cells that are no numbers stay
 * text, so the run reports them where they are. Rows from `headerLine` on (the rows below the
 * header) are converted; each distinct text is read once. A converted column is a new column,
 * the others are the table's own.
 */
function convertNumbers(
  table: CellTable,
  headerLine: number,
  columns: Map<string, number>,
  name: TableName,
): { cells: CellTable; marks: Map<number, DecimalMark | null> } {
  const indexes = NUMBER_COLUMNS[name].map((c) => columns.get(c)).filter((i): i is number => i !== undefined);
  const marks = new Map<number, DecimalMark | null>();
  const converted = [...table.columns];
  for (const index of indexes) {
    const column = table.columns[index];
    if (!column) {
      marks.set(index, null);
      continue;
    }
    // How many cells below the header hold each distinct value (a cell's code is its value's index).
    const counts = new Int32Array(column.values.length);
    for (let r = headerLine; r < table.rowCount; r++) counts[column.codes[r]]++;
    const mark = sniffDecimalMarkOfCounts(column.values.flatMap((v, code) => (counts[code] > 0 ? [[v, counts[code]] as const] : [])));
    marks.set(index, mark);
    const numberOf = column.values.map((v, code) => (counts[code] > 0 && typeof v === "string" && v.trim() !== "" ? numberFromText(v, mark) : null));
    const out = new CellTableBuilder(table.rowCount);
    for (let r = 0; r < table.rowCount; r++) {
      const cell = (r >= headerLine ? numberOf[column.codes[r]] : null) ?? cellAt(table, r, index);
      if (cell !== null) out.set(r, 0, cell);
    }
    if (out.rowCount < table.rowCount) out.set(table.rowCount - 1, 0, null);
    converted[index] = out.build().columns[0];
  }
  return { cells: { rowCount: table.rowCount, columns: converted }, marks };
}
