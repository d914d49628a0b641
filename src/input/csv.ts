import { parse } from "csv-parse/sync";
import { fold, locateTable, ProblemLog, TABLE_SCHEMAS, type CellValue, type TableName } from "../engine";
import { countRows, type FileTable, type SkippedRows } from "./file-table";
import { numberFromText, sniffDecimalMark, type DecimalMark } from "./number-text";
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

interface Parsed {
  /** rows[line - 1] = the record that starts on that line; other lines are holes. */
  rows: CellValue[][];
  bad: { line: number; detail: string }[];
  blankLines: number;
  records: number;
}

const BAD_RECORD_DETAIL: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "ett citattecken stängs aldrig",
  CSV_INVALID_CLOSING_QUOTE: "tecken direkt efter ett avslutande citattecken",
};

/**
 * The records of a text, each at the line it starts on. The common file has no broken record:
 * csv-parse's plain list is taken and the lines counted here (a record takes one line plus the line
 * breaks inside its quoted fields). Only a file with broken records is parsed again with
 * csv-parse's per-record line information, which costs an object per record.
 */
function parseRecords(text: string, delimiter: string, maxRecords?: number): Parsed {
  let broken = false;
  let records: string[][];
  const plain = plainRecords(text, delimiter, maxRecords);
  if (plain) records = plain;
  else {
    try {
      records = parse(text, { ...parseOptions(delimiter, maxRecords), on_skip: () => void (broken = true) }) as string[][];
    } catch {
      broken = true;
      records = [];
    }
  }
  if (broken) return parseRecordsLineByLine(text, delimiter, maxRecords);
  const rows: CellValue[][] = [];
  let blankLines = 0;
  let kept = 0;
  let line = 1;
  for (const record of records) {
    if (record.length === 1 && record[0].trim() === "") blankLines++;
    else {
      rows[line - 1] = record;
      kept++;
    }
    line++;
    for (const field of record) for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) line++;
  }
  return { rows, bad: [], blankLines, records: kept };
}

/**
 * The records of a text without a single quotation mark and with one kind of line break (the
 * common system export): split by lines and delimiter, as csv-parse would split them but several
 * times faster. Anything else (quotes, mixed line breaks): null, and csv-parse reads it.
 */
export function plainRecords(text: string, delimiter: string, maxRecords?: number): string[][] | null {
  if (text === "" || text.includes('"')) return null;
  const lf = countOf(text, "\n");
  const cr = countOf(text, "\r");
  let lineBreak: string;
  if (cr === 0) lineBreak = "\n";
  else if (lf === 0) lineBreak = "\r";
  else if (cr === lf && countOf(text, "\r\n") === lf) lineBreak = "\r\n";
  else return null;
  const lines = text.split(lineBreak);
  // A line break at the end closes the last record; it does not start an empty one.
  if (lines[lines.length - 1] === "") lines.pop();
  const count = maxRecords === undefined ? lines.length : Math.min(maxRecords, lines.length);
  const records: string[][] = new Array(count);
  for (let i = 0; i < count; i++) records[i] = lines[i].split(delimiter);
  return records;
}

function countOf(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

function parseOptions(delimiter: string, maxRecords?: number) {
  return { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, skip_records_with_error: true, to: maxRecords };
}

function parseRecordsLineByLine(text: string, delimiter: string, maxRecords?: number): Parsed {
  const rows: CellValue[][] = [];
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
      // Records are kept here, with their line, instead of in csv-parse's own result list.
      on_record: (record: string[], context) => {
        const endLine = context.lines;
        let breaks = 0;
        for (const field of record) for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) breaks++;
        const line = endLine - breaks;
        ends.push(endLine);
        if (record.length === 1 && record[0].trim() === "") blankLines++;
        else {
          rows[line - 1] = record;
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
  return { rows, bad: badLines, blankLines, records };
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
    const { rows } = parseRecords(cut, delimiter, 200);
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
  const parsed = parseRecords(text, delimiter);
  for (const b of parsed.bad) log.error("csvBadRecord", place(b.line), { detail: b.detail });
  if (parsed.bad.length) skipped.push({ code: "badRecord", reason: "rader som inte går att dela upp i fält (se problemlistan)", count: parsed.bad.length });
  if (parsed.blankLines) skipped.push({ code: "blank", reason: "tomma rader", count: parsed.blankLines });

  // The header as the engine will find it: the same locator, on the first records only.
  const head: CellValue[][] = [];
  const headLines: number[] = [];
  for (let i = 0; i < parsed.rows.length && head.length < HEADER_PROBE_RECORDS; i++) {
    if (parsed.rows[i]) {
      head.push(parsed.rows[i]);
      headLines.push(i + 1);
    }
  }
  const headLocated = locateTable(table, { rows: head, sheet: file }, new ProblemLog());
  const input = { rows: parsed.rows, sheet: file, firstRow: 1, firstColumn: 1 };
  if (headLocated) {
    const headerLine = headLines[headLocated.headerRow - 1];
    const above = headLines.filter((l) => l < headerLine).length;
    if (above) skipped.push({ code: "aboveHeader", reason: "rader ovanför rubrikraden", count: above });
    const marks = convertNumbers(parsed.rows, headerLine, headLocated.columns, table);
    const mark = marks.get(headLocated.columns.get(table === "Brukare" ? "Volym" : "Belopp") ?? -1);
    if (marks.size) summary.details.push({ key: "decimalMark", params: { mark: mark === "," || mark === "." ? mark : null } });
    countRows(table, input, summary);
  }
  return { table, input, problems: log.items, summary };
}

/** Number columns become numbers under the file's own decimal mark; cells that are no numbers stay text, so the run reports them where they are. */
function convertNumbers(
  rows: CellValue[][],
  headerLine: number,
  columns: Map<string, number>,
  table: TableName,
): Map<number, DecimalMark | null> {
  const indexes = NUMBER_COLUMNS[table].map((c) => columns.get(c)).filter((i): i is number => i !== undefined);
  const marks = new Map<number, DecimalMark | null>();
  for (const index of indexes) {
    const column = function* () {
      for (let i = headerLine; i < rows.length; i++) if (rows[i]) yield rows[i][index];
    };
    marks.set(index, sniffDecimalMark(column()));
  }
  for (let i = headerLine; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    for (const index of indexes) {
      const cell = row[index];
      if (typeof cell !== "string" || cell.trim() === "") continue;
      const value = numberFromText(cell, marks.get(index) ?? null);
      if (value !== null) row[index] = value;
    }
  }
  return marks;
}
