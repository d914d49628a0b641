import { columnIndex, columnLetters, MAX_COLUMNS, MAX_ROWS, quoteSheetName } from "./a1";
import { ERROR_VALUES } from "./cell-values";

/**
 * Formula tokens, kept with their source text so a formula can be rewritten in place: when a
 * sheet is renamed its references follow, when it is deleted they become `#REF!`, and a formula
 * written to many cells at once has its relative references shifted per cell, as Excel does.
 */

export interface RefPart {
  col?: number;
  row?: number;
  colAbsolute: boolean;
  rowAbsolute: boolean;
}

export interface RefToken {
  type: "ref";
  text: string;
  /** Sheet named by the prefix; undefined: the formula's own sheet; null: a `#REF!` prefix. */
  sheet?: string | null;
  start: RefPart;
  end?: RefPart;
}

/**
 * A structured reference to an Excel table: `Table[Column]`, `Table[[#Headers],[Column]]`,
 * `Table[[A]:[B]]`, `Table[#All]`, `Table[@Column]`, or, inside a table, `[@Column]` / `[Column]`
 * (table null). `spec` is the bracketed part as written.
 */
export interface StructuredToken {
  type: "structured";
  text: string;
  table: string | null;
  spec: string;
}

export type Token =
  | { type: "space"; text: string }
  | StructuredToken
  | { type: "number"; text: string; value: number }
  | { type: "string"; text: string; value: string }
  | { type: "error"; text: string; value: string }
  | RefToken
  | { type: "function"; text: string; name: string }
  | { type: "name"; text: string; name: string }
  | { type: "operator"; text: string }
  | { type: "unknown"; text: string };

const SPACE = /\s+/y;
const STRING = /"(?:[^"]|"")*"/y;
const QUOTED_PREFIX = /'((?:[^']|'')+)'!/y;
const PLAIN_PREFIX = /([\p{L}_][\p{L}\p{N}_.]*)!/uy;
const BROKEN_PREFIX = /#REF!/y;
const CELL_REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![\p{L}\p{N}_(!])/uy;
const COLUMN_REF = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_(!])/uy;
const ROW_REF = /(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\p{L}\p{N}_.])/uy;
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const IDENTIFIER = /[\p{L}_\\][\p{L}\p{N}_.]*/uy;
// A table name (optional) and a bracket with at most one level of nested brackets.
const STRUCTURED = /([\p{L}_\\][\p{L}\p{N}_.]*)?(\[(?:[^[\]]|\[[^[\]]*\])*\])/uy;
const OPERATOR = /<>|<=|>=|[-+*/^&=<>%(),:;]/y;

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function refBody(text: string, pos: number): { length: number; start: RefPart; end?: RefPart } | null {
  let m = matchAt(CELL_REF, text, pos);
  if (m) {
    const start: RefPart = { colAbsolute: !!m[1], col: columnIndex(m[2]), rowAbsolute: !!m[3], row: Number(m[4]) - 1 };
    const end: RefPart | undefined = m[6]
      ? { colAbsolute: !!m[5], col: columnIndex(m[6]), rowAbsolute: !!m[7], row: Number(m[8]) - 1 }
      : undefined;
    if (!partInGrid(start) || (end && !partInGrid(end))) return null;
    return { length: m[0].length, start, end };
  }
  m = matchAt(COLUMN_REF, text, pos);
  if (m) {
    return {
      length: m[0].length,
      start: { colAbsolute: !!m[1], col: columnIndex(m[2]), rowAbsolute: false },
      end: { colAbsolute: !!m[3], col: columnIndex(m[4]), rowAbsolute: false },
    };
  }
  m = matchAt(ROW_REF, text, pos);
  if (m) {
    return {
      length: m[0].length,
      start: { rowAbsolute: !!m[1], row: Number(m[2]) - 1, colAbsolute: false },
      end: { rowAbsolute: !!m[3], row: Number(m[4]) - 1, colAbsolute: false },
    };
  }
  return null;
}

function partInGrid(part: RefPart): boolean {
  return (
    (part.row === undefined || (part.row >= 0 && part.row < MAX_ROWS)) &&
    (part.col === undefined || (part.col >= 0 && part.col < MAX_COLUMNS))
  );
}

function sheetPrefix(text: string, pos: number): { length: number; sheet: string | null } | null {
  let m = matchAt(QUOTED_PREFIX, text, pos);
  if (m) return { length: m[0].length, sheet: m[1].replace(/''/g, "'") };
  m = matchAt(BROKEN_PREFIX, text, pos);
  if (m) return { length: m[0].length, sheet: null };
  m = matchAt(PLAIN_PREFIX, text, pos);
  if (m) return { length: m[0].length, sheet: m[1] };
  return null;
}

/** Tokenizes a formula body (the text after "="). Never throws: unknown text becomes "unknown" tokens. */
export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < body.length) {
    const token = nextToken(body, pos);
    tokens.push(token);
    pos += token.text.length;
  }
  return tokens;
}

function nextToken(text: string, pos: number): Token {
  let m = matchAt(SPACE, text, pos);
  if (m) return { type: "space", text: m[0] };
  m = matchAt(STRING, text, pos);
  if (m) return { type: "string", text: m[0], value: m[0].slice(1, -1).replace(/""/g, '"') };
  const prefix = sheetPrefix(text, pos);
  if (prefix) {
    const body = refBody(text, pos + prefix.length);
    if (body) {
      const full = text.slice(pos, pos + prefix.length + body.length);
      return { type: "ref", text: full, sheet: prefix.sheet, start: body.start, end: body.end };
    }
  }
  const body = refBody(text, pos);
  if (body) return { type: "ref", text: text.slice(pos, pos + body.length), start: body.start, end: body.end };
  for (const error of ERROR_VALUES) {
    if (text.slice(pos, pos + error.length).toUpperCase() === error) {
      return { type: "error", text: text.slice(pos, pos + error.length), value: error };
    }
  }
  m = matchAt(NUMBER, text, pos);
  if (m) return { type: "number", text: m[0], value: Number(m[0]) };
  m = matchAt(STRUCTURED, text, pos);
  if (m) return { type: "structured", text: m[0], table: m[1] ?? null, spec: m[2] };
  m = matchAt(IDENTIFIER, text, pos);
  if (m) {
    const after = text.slice(pos + m[0].length).trimStart();
    return after.startsWith("(")
      ? { type: "function", text: m[0], name: m[0].toUpperCase() }
      : { type: "name", text: m[0], name: m[0] };
  }
  m = matchAt(OPERATOR, text, pos);
  if (m) return { type: "operator", text: m[0] };
  return { type: "unknown", text: text[pos] };
}

function renderPart(part: RefPart): string {
  const col = part.col === undefined ? "" : `${part.colAbsolute ? "$" : ""}${columnLetters(part.col)}`;
  const row = part.row === undefined ? "" : `${part.rowAbsolute ? "$" : ""}${part.row + 1}`;
  return col + row;
}

export function renderRef(token: RefToken): string {
  const prefix = token.sheet === undefined ? "" : token.sheet === null ? "#REF!" : `${quoteSheetName(token.sheet)}!`;
  return prefix + renderPart(token.start) + (token.end ? `:${renderPart(token.end)}` : "");
}

function mapRefs(formula: string, map: (token: RefToken) => string): string {
  if (!formula.startsWith("=")) return formula;
  const tokens = tokenize(formula.slice(1));
  return "=" + tokens.map((t) => (t.type === "ref" ? map(t) : t.text)).join("");
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Rewrites the structured references of a formula (other tokens stay as written). */
export function mapStructured(formula: string, map: (token: StructuredToken) => string): string {
  if (!formula.startsWith("=") || !formula.includes("[")) return formula;
  const tokens = tokenize(formula.slice(1));
  return "=" + tokens.map((t) => (t.type === "structured" ? map(t) : t.text)).join("");
}

/** What a structured reference's brackets select: which rows of the table and which columns. */
export interface StructuredSpec {
  area: "data" | "all" | "headers" | "totals" | "thisRow";
  /** First and last column name, or null for every column. */
  columns: [string, string] | null;
}

const AREAS: Record<string, StructuredSpec["area"]> = {
  "#all": "all",
  "#data": "data",
  "#headers": "headers",
  "#totals": "totals",
  "#this row": "thisRow",
};

/** Parses `[Col]`, `[@Col]`, `[@[Col name]]`, `[[#Headers],[Col]]`, `[[A]:[B]]`, `[#All]`, `[]`; null if malformed. */
export function parseStructuredSpec(spec: string): StructuredSpec | null {
  const inner = spec.slice(1, -1);
  const items: string[] = [];
  if (inner.includes("[")) {
    const parts = inner.match(/\[[^\]]*\](?:\s*:\s*\[[^\]]*\])?|@\[[^\]]*\]|@|,/g) ?? [];
    if (parts.join("").replace(/,/g, "") !== inner.replace(/\s*,\s*/g, "").replace(/\s*:\s*/g, ":")) return null;
    for (const part of parts) if (part !== ",") items.push(part);
  } else if (inner !== "") {
    items.push(inner);
  }
  const result: StructuredSpec = { area: "data", columns: null };
  const unbracket = (text: string) => text.trim().replace(/^\[/, "").replace(/\]$/, "");
  for (const raw of items) {
    let item = raw.trim();
    if (item.startsWith("@")) {
      result.area = "thisRow";
      item = item.slice(1);
      if (item === "") continue;
    }
    const area = AREAS[unbracket(item).toLowerCase()];
    if (area) {
      result.area = area;
      continue;
    }
    const range = item.split(/\]\s*:\s*\[/);
    const first = unbracket(range[0] + (range.length > 1 ? "]" : ""));
    const last = range.length > 1 ? unbracket("[" + range[1]) : first;
    result.columns = [first, last];
  }
  return result;
}

/** References to `oldName` follow the sheet's new name. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return mapRefs(formula, (t) =>
    typeof t.sheet === "string" && sameSheet(t.sheet, oldName) ? renderRef({ ...t, sheet: newName }) : t.text,
  );
}

/** References to a deleted (or never existing) sheet become `#REF!…`, for good. */
export function breakSheetInFormula(formula: string, isGone: (sheetName: string) => boolean): string {
  return mapRefs(formula, (t) => (typeof t.sheet === "string" && isGone(t.sheet) ? renderRef({ ...t, sheet: null }) : t.text));
}

/** Shifts relative references by (rows, cols), as when one formula is written to a whole range. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return mapRefs(formula, (t) => {
    const start = shiftPart(t.start, rows, cols);
    const end = t.end ? shiftPart(t.end, rows, cols) : undefined;
    if (!start || end === null) return "#REF!";
    return renderRef({ ...t, start, end });
  });
}

function shiftPart(part: RefPart, rows: number, cols: number): RefPart | null {
  const shifted: RefPart = { ...part };
  if (part.row !== undefined && !part.rowAbsolute) shifted.row = part.row + rows;
  if (part.col !== undefined && !part.colAbsolute) shifted.col = part.col + cols;
  return partInGrid(shifted) ? shifted : null;
}
