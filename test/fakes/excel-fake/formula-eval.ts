import { MAX_COLUMNS, MAX_ROWS, type Rect } from "./a1";
import { displayText, isErrorValue, type CellValue } from "./cell-values";
import type { SheetCells } from "./sheet-cells";
import { parseStructuredSpec, tokenize, type RefToken, type StructuredToken, type Token } from "./formula-tokens";

/**
 * A small formula evaluator: enough Excel to check that formulas a user wrote keep working when
 * the add-in rewrites sheets. Supports references (same sheet, other sheets, ranges, names),
 * structured references to tables (`Table[Column]`, `[@Column]` …; formula-tokens.ts),
 * arithmetic, comparison, "&", and SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, IF, IFERROR, ROUND,
 * ABS. Anything else evaluates to #NAME?. No spilling: a multi-cell result shows its first cell.
 */

export interface EvalSheet {
  readonly name: string;
  readonly cells: SheetCells;
}

/** A table as the evaluator sees it: where it is, whether it shows a total row, its headers. */
export interface EvalTable {
  readonly sheet: EvalSheet;
  readonly rect: Rect;
  readonly showTotals?: boolean;
  columnNames(): string[];
}

export interface EvalWorkbook {
  sheetByName(name: string): EvalSheet | undefined;
  /** The formula ("=…") of a workbook-scoped name, if defined. */
  nameFormula(name: string): string | undefined;
  /** A table by name (case-insensitive). */
  tableByName?(name: string): EvalTable | undefined;
  /** The table a cell lies in, for table-less references such as `[@Värde]`. */
  tableAt?(sheet: EvalSheet, row: number, col: number): EvalTable | undefined;
}

/** The cells a structured reference selects, given the cell its formula is in; an error code otherwise. */
export function structuredRect(
  table: EvalTable,
  token: Pick<StructuredToken, "spec">,
  host: { row: number } | undefined,
): Rect | string {
  const spec = parseStructuredSpec(token.spec);
  if (!spec) return "#REF!";
  const { rect } = table;
  let col = rect.col;
  let cols = rect.cols;
  if (spec.columns) {
    const names = table.columnNames().map((n) => n.toLowerCase());
    const first = names.indexOf(spec.columns[0].toLowerCase());
    const last = names.indexOf(spec.columns[1].toLowerCase());
    if (first < 0 || last < 0) return "#REF!";
    col = rect.col + Math.min(first, last);
    cols = Math.abs(last - first) + 1;
  }
  const dataRows = rect.rows - 1 - (table.showTotals ? 1 : 0);
  switch (spec.area) {
    case "all":
      return { row: rect.row, col, rows: rect.rows, cols };
    case "headers":
      return { row: rect.row, col, rows: 1, cols };
    case "totals":
      return table.showTotals ? { row: rect.row + rect.rows - 1, col, rows: 1, cols } : "#REF!";
    case "thisRow":
      if (!host || host.row <= rect.row || host.row > rect.row + dataRows) return "#VALUE!";
      return { row: host.row, col, rows: 1, cols };
    default:
      return { row: rect.row + 1, col, rows: dataRows, cols };
  }
}

class FormulaError {
  constructor(readonly code: string) {}
}

type Scalar = number | string | boolean | FormulaError | null;
interface RangeOperand {
  kind: "range";
  sheet: EvalSheet;
  rect: Rect;
}
type Operand = Scalar | RangeOperand;

type Node =
  | { kind: "literal"; value: Scalar }
  | { kind: "ref"; token: RefToken }
  | { kind: "structured"; token: StructuredToken }
  | { kind: "name"; name: string }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; op: string; arg: Node }
  | { kind: "percent"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "invalid" };

const NAME_ERROR = new FormulaError("#NAME?");
const VALUE_ERROR = new FormulaError("#VALUE!");
const REF_ERROR = new FormulaError("#REF!");
const DIV_ERROR = new FormulaError("#DIV/0!");

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Node {
    const node = this.comparison();
    return this.pos === this.tokens.length ? node : { kind: "invalid" };
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.pos];
    return t && t.type === "operator" && ops.includes(t.text) ? t.text : undefined;
  }

  private binaryLevel(ops: string[], next: () => Node): Node {
    let left = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.pos++;
      left = { kind: "binary", op, left, right: next() };
    }
    return left;
  }

  private comparison = (): Node => this.binaryLevel(["=", "<>", "<", ">", "<=", ">="], this.concat);
  private concat = (): Node => this.binaryLevel(["&"], this.additive);
  private additive = (): Node => this.binaryLevel(["+", "-"], this.multiplicative);
  private multiplicative = (): Node => this.binaryLevel(["*", "/"], this.power);
  private power = (): Node => this.binaryLevel(["^"], this.unary);

  private unary = (): Node => {
    const op = this.peekOp("-", "+");
    if (op) {
      this.pos++;
      return { kind: "unary", op, arg: this.unary() };
    }
    let node = this.primary();
    while (this.peekOp("%")) {
      this.pos++;
      node = { kind: "percent", arg: node };
    }
    return node;
  };

  private primary(): Node {
    const t = this.tokens[this.pos++];
    if (!t) return { kind: "invalid" };
    switch (t.type) {
      case "number":
        return { kind: "literal", value: t.value };
      case "string":
        return { kind: "literal", value: t.value };
      case "error":
        return { kind: "literal", value: new FormulaError(t.value) };
      case "ref":
        return { kind: "ref", token: t };
      case "structured":
        return { kind: "structured", token: t };
      case "name": {
        const upper = t.name.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { kind: "literal", value: upper === "TRUE" };
        return { kind: "name", name: t.name };
      }
      case "function":
        return this.call(t.name);
      case "operator":
        if (t.text === "(") {
          const inner = this.comparison();
          return this.peekOp(")") ? (this.pos++, inner) : { kind: "invalid" };
        }
        return { kind: "invalid" };
      default:
        return { kind: "invalid" };
    }
  }

  private call(name: string): Node {
    if (!this.peekOp("(")) return { kind: "invalid" };
    this.pos++;
    const args: Node[] = [];
    if (this.peekOp(")")) {
      this.pos++;
      return { kind: "call", name, args };
    }
    for (;;) {
      args.push(this.peekOp(",", ";", ")") ? { kind: "literal", value: null } : this.comparison());
      if (this.peekOp(",", ";")) {
        this.pos++;
        continue;
      }
      if (this.peekOp(")")) {
        this.pos++;
        return { kind: "call", name, args };
      }
      return { kind: "invalid" };
    }
  }
}

const parseCache = new Map<string, Node>();

function parseFormula(formula: string): Node {
  let node = parseCache.get(formula);
  if (!node) {
    const tokens = tokenize(formula.slice(1)).filter((t) => t.type !== "space");
    node = tokens.some((t) => t.type === "unknown") ? { kind: "invalid" } : new Parser(tokens).parseAll();
    // Bounded: big sheets write many distinct relative formulas.
    if (parseCache.size > 20000) parseCache.clear();
    parseCache.set(formula, node);
  }
  return node;
}

/** Evaluates formulas for one read; memoizes cells so chains of references stay linear. */
export class FormulaEvaluator {
  private memo = new Map<EvalSheet, Map<number, CellValue>>();
  private inProgress = new Set<string>();
  /** The cell whose formula is being evaluated (for `[@Column]`). */
  private host: { sheet: EvalSheet; row: number; col: number } | undefined;

  constructor(private readonly workbook: EvalWorkbook) {}

  /** The value a cell shows: its constant, or its formula's result ("" for an empty cell). */
  cellValue(sheet: EvalSheet, row: number, col: number): CellValue {
    const formula = sheet.cells.formula(row, col);
    if (formula === undefined) return sheet.cells.value(row, col) ?? "";
    const key = row * MAX_COLUMNS + col;
    let sheetMemo = this.memo.get(sheet);
    const cached = sheetMemo?.get(key);
    if (cached !== undefined) return cached;
    const cycleKey = `${sheet.name}\u0000${key}`;
    // A circular reference shows 0, as Excel does after its warning.
    if (this.inProgress.has(cycleKey)) return 0;
    this.inProgress.add(cycleKey);
    let result: CellValue;
    const outer = this.host;
    this.host = { sheet, row, col };
    try {
      result = toCellValue(this.evaluateFormula(formula, sheet));
    } finally {
      this.inProgress.delete(cycleKey);
      this.host = outer;
    }
    if (!sheetMemo) this.memo.set(sheet, (sheetMemo = new Map()));
    sheetMemo.set(key, result);
    return result;
  }

  /** Evaluates "=…" in the context of `sheet` to a single value. */
  evaluateFormula(formula: string, sheet: EvalSheet | undefined): Scalar {
    return this.toScalar(this.evaluate(parseFormula(formula), sheet));
  }

  /** The value of a formula that belongs to no sheet (a defined name's). */
  valueOf(formula: string): CellValue {
    return toCellValue(this.evaluateFormula(formula, undefined));
  }

  /**
   * If the formula is exactly one reference (a named range): the range, or the error it gives
   * (#REF! once its sheet is gone). Null for any other formula.
   */
  resolveReference(formula: string): { sheet: EvalSheet; rect: Rect } | { error: string } | null {
    const node = parseFormula(formula);
    if (node.kind !== "ref" && node.kind !== "name") return null;
    const operand = this.evaluate(node, undefined);
    if (operand instanceof FormulaError) return { error: operand.code };
    return isRange(operand) ? { sheet: operand.sheet, rect: operand.rect } : null;
  }

  private evaluate(node: Node, sheet: EvalSheet | undefined): Operand {
    switch (node.kind) {
      case "literal":
        return node.value;
      case "ref":
        return this.reference(node.token, sheet);
      case "structured":
        return this.structured(node.token);
      case "name": {
        const formula = this.workbook.nameFormula(node.name);
        if (formula === undefined) {
          // A table's name alone is its data body (=SUM(KPB_Brukare)).
          const table = this.workbook.tableByName?.(node.name);
          return table ? this.structured({ type: "structured", text: node.name, table: node.name, spec: "[]" }) : NAME_ERROR;
        }
        const cycleKey = `name\u0000${node.name.toLowerCase()}`;
        if (this.inProgress.has(cycleKey)) return 0;
        this.inProgress.add(cycleKey);
        try {
          return this.evaluate(parseFormula(formula), undefined);
        } finally {
          this.inProgress.delete(cycleKey);
        }
      }
      case "call":
        return this.call(node.name, node.args, sheet);
      case "unary": {
        const v = toNumber(this.toScalar(this.evaluate(node.arg, sheet)));
        return v instanceof FormulaError ? v : node.op === "-" ? -v : v;
      }
      case "percent": {
        const v = toNumber(this.toScalar(this.evaluate(node.arg, sheet)));
        return v instanceof FormulaError ? v : v / 100;
      }
      case "binary":
        return this.binary(node.op, this.toScalar(this.evaluate(node.left, sheet)), this.toScalar(this.evaluate(node.right, sheet)));
      case "invalid":
        return NAME_ERROR;
    }
  }

  private reference(token: RefToken, host: EvalSheet | undefined): Operand {
    if (token.sheet === null) return REF_ERROR;
    const sheet = token.sheet === undefined ? host : this.workbook.sheetByName(token.sheet);
    if (!sheet) return REF_ERROR;
    const { start, end = start } = token;
    const row = Math.min(start.row ?? 0, end.row ?? 0);
    const col = Math.min(start.col ?? 0, end.col ?? 0);
    const rows = start.row === undefined ? MAX_ROWS : Math.abs((end.row ?? 0) - (start.row ?? 0)) + 1;
    const cols = start.col === undefined ? MAX_COLUMNS : Math.abs((end.col ?? 0) - (start.col ?? 0)) + 1;
    return { kind: "range", sheet, rect: { row, col, rows, cols } };
  }

  private structured(token: StructuredToken): Operand {
    const host = this.host;
    const table =
      token.table === null
        ? host && this.workbook.tableAt?.(host.sheet, host.row, host.col)
        : this.workbook.tableByName?.(token.table);
    if (!table) return REF_ERROR;
    const rect = structuredRect(table, token, host && host.sheet === table.sheet ? host : undefined);
    if (typeof rect === "string") return new FormulaError(rect);
    return { kind: "range", sheet: table.sheet, rect };
  }

  private toScalar(operand: Operand): Scalar {
    if (!isRange(operand)) return operand;
    const value = this.cellValue(operand.sheet, operand.rect.row, operand.rect.col);
    return fromCellValue(value);
  }

  /** Every value of the arguments, ranges expanded (empty cells skipped), for aggregate functions. */
  private *flatten(args: Node[], sheet: EvalSheet | undefined): Generator<{ value: Scalar; fromRange: boolean }> {
    for (const arg of args) {
      const operand = this.evaluate(arg, sheet);
      if (!isRange(operand)) {
        yield { value: operand, fromRange: false };
        continue;
      }
      const { rect } = operand;
      const cells = operand.sheet.cells;
      const rowEnd = Math.min(rect.row + rect.rows, cells.rowCount);
      for (let r = rect.row; r < rowEnd; r++) {
        // Whole-column ranges stop where each row's cells stop.
        const colEnd = Math.min(rect.col + rect.cols, cells.rowWidth(r));
        for (let c = rect.col; c < colEnd; c++) {
          if (cells.formula(r, c) === undefined && cells.value(r, c) === undefined) continue;
          yield { value: fromCellValue(this.cellValue(operand.sheet, r, c)), fromRange: true };
        }
      }
    }
  }

  private numbers(args: Node[], sheet: EvalSheet | undefined): number[] | FormulaError {
    const out: number[] = [];
    for (const { value, fromRange } of this.flatten(args, sheet)) {
      if (value instanceof FormulaError) return value;
      if (typeof value === "number") out.push(value);
      else if (!fromRange) {
        const n = toNumber(value);
        if (n instanceof FormulaError) return n;
        out.push(n);
      }
    }
    return out;
  }

  private call(name: string, args: Node[], sheet: EvalSheet | undefined): Operand {
    const scalar = (i: number): Scalar => (args[i] ? this.toScalar(this.evaluate(args[i], sheet)) : null);
    switch (name) {
      case "SUM":
      case "AVERAGE":
      case "MIN":
      case "MAX": {
        const nums = this.numbers(args, sheet);
        if (nums instanceof FormulaError) return nums;
        if (name === "SUM") return nums.reduce((a, b) => a + b, 0);
        if (nums.length === 0) return name === "AVERAGE" ? DIV_ERROR : 0;
        if (name === "AVERAGE") return nums.reduce((a, b) => a + b, 0) / nums.length;
        return name === "MIN" ? Math.min(...nums) : Math.max(...nums);
      }
      case "COUNT": {
        let n = 0;
        for (const { value } of this.flatten(args, sheet)) if (typeof value === "number") n++;
        return n;
      }
      case "COUNTA": {
        let n = 0;
        for (const { value } of this.flatten(args, sheet)) if (value !== null) n++;
        return n;
      }
      case "IF": {
        const condition = scalar(0);
        if (condition instanceof FormulaError) return condition;
        const truthy = typeof condition === "string" ? toNumber(condition) : condition;
        if (truthy instanceof FormulaError) return VALUE_ERROR;
        if (truthy) return args.length > 1 ? scalar(1) ?? 0 : true;
        return args.length > 2 ? scalar(2) ?? 0 : false;
      }
      case "IFERROR": {
        const value = scalar(0);
        return value instanceof FormulaError ? scalar(1) ?? 0 : value;
      }
      case "ROUND": {
        const x = toNumber(scalar(0));
        const digits = toNumber(scalar(1));
        if (x instanceof FormulaError) return x;
        if (digits instanceof FormulaError) return digits;
        const f = Math.pow(10, Math.trunc(digits));
        return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
      }
      case "ABS": {
        const x = toNumber(scalar(0));
        return x instanceof FormulaError ? x : Math.abs(x);
      }
      default:
        return NAME_ERROR;
    }
  }

  private binary(op: string, left: Scalar, right: Scalar): Scalar {
    if (left instanceof FormulaError) return left;
    if (right instanceof FormulaError) return right;
    if (op === "&") return toText(left) + toText(right);
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) return compare(op, left, right);
    const a = toNumber(left);
    const b = toNumber(right);
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return b === 0 ? DIV_ERROR : a / b;
      case "^":
        return Math.pow(a, b);
      default:
        return VALUE_ERROR;
    }
  }
}

function isRange(operand: Operand): operand is RangeOperand {
  return typeof operand === "object" && operand !== null && !(operand instanceof FormulaError);
}

function fromCellValue(value: CellValue): Scalar {
  if (value === "") return null;
  return isErrorValue(value) ? new FormulaError(value.toUpperCase()) : value;
}

function toCellValue(value: Scalar): CellValue {
  if (value === null) return 0;
  if (value instanceof FormulaError) return value.code;
  if (typeof value === "number" && !Number.isFinite(value)) return "#NUM!";
  return value;
}

function toNumber(value: Scalar): number | FormulaError {
  if (value === null) return 0;
  if (value instanceof FormulaError) return value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const trimmed = value.trim();
  const n = trimmed === "" ? NaN : Number(trimmed);
  return Number.isFinite(n) ? n : VALUE_ERROR;
}

function toText(value: Scalar): string {
  if (value === null) return "";
  return displayText(value as CellValue);
}

/** Excel orders numbers < text < booleans; text compares case-insensitively. */
function compare(op: string, left: Scalar, right: Scalar): boolean {
  const rank = (v: Scalar) => (typeof v === "number" || v === null ? 0 : typeof v === "string" ? 1 : 2);
  const norm = (v: Scalar, other: Scalar) => (v === null ? (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0) : v);
  const a = norm(left, right);
  const b = norm(right, left);
  let d: number;
  if (rank(a) !== rank(b)) d = rank(a) - rank(b);
  else if (typeof a === "string" && typeof b === "string") d = a.toLowerCase().localeCompare(b.toLowerCase());
  else d = Number(a) - Number(b);
  switch (op) {
    case "=":
      return d === 0;
    case "<>":
      return d !== 0;
    case "<":
      return d < 0;
    case ">":
      return d > 0;
    case "<=":
      return d <= 0;
    default:
      return d >= 0;
  }
}
