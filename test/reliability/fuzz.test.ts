import { rowsOfInput } from "../../src/engine";
/**
 * Fuzzing the cell readers and the whole engine with fast-check: arbitrary cells (text, number-like
 * text, NaN, ±Infinity, -0, huge numbers, booleans, valid and invalid Dates, error values,
 * personnummer, formulas, null) in arbitrary table shapes, and random damage to valid workbooks
 * (the corpus's base and Exempelby). runKpb must never throw nor hit an internal error; whenever it
 * gives a result, the ledger reconciles to the öre, every pool's cost reaches its clients exactly,
 * every result cell is plain, and no personnummer appears in the results or the JSON.
 *
 * Runs are deterministic in CI (seed 20240101); FUZZ_SEED=<n> or FUZZ_SEED=random and
 * FUZZ_SCALE=<factor> explore further, e.g. `FUZZ_SEED=random FUZZ_SCALE=10 npx jest test/reliability/fuzz`.
 */
import fc from "fast-check";
import { excelErrorValue, isBlank, readCode, readDecimal, readInteger, readPeriod } from "../../src/engine/cells";
import { resultJson, resultSheets } from "../../src/layouts";
import { TABLE_NAMES, type CellValue, type KpbResult, type Problem, type TableName, type WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { TABLE_SCHEMAS } from "../../src/engine/table-schema";
import { exempelbyTables } from "../../src/sample/exempelby";
import { baseTables, toInput, type Tables } from "./corpus/base";
import { rowInvariantFailures } from "./row-invariant";
import { findPersonalIdentityNumbers, findPersonalIdentityNumbersInJson, findPersonalIdentityNumbersInLayouts, luhnCheckDigit } from "./pnr-scan";

const seedText = process.env.FUZZ_SEED;
const SEED = seedText === "random" ? Date.now() % 2 ** 31 : Number(seedText ?? 20240101);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const params = (numRuns: number) => ({ numRuns: runs(numRuns), seed: SEED, endOnFailure: true });

/** How many inputs each property tried, for the report at the end. */
const tried: Record<string, { runs: number; ok: number; refused: number }> = {};
afterAll(() => {
  const lines = Object.entries(tried).map(([name, t]) => `  ${name}: ${t.runs} runs (${t.ok} results, ${t.refused} refusals)`);
  const total = Object.values(tried).reduce((s, t) => s + t.runs, 0);
  console.log(`Fuzz (seed ${SEED}): ${total} runs\n${lines.join("\n")}`);
});
const count = (name: string, ok: boolean | null) => {
  const t = (tried[name] ??= { runs: 0, ok: 0, refused: 0 });
  t.runs++;
  if (ok === true) t.ok++;
  if (ok === false) t.refused++;
};

// ---------------------------------------------------------------------------------------------
// Cells

const pnrArb = fc
  .tuple(fc.constantFrom("19", "20", ""), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean(), fc.constantFrom("-", "+", ""), fc.integer({ min: 0, max: 9999 }))
  .map(([c, y, m, d, samordning, sep, n]) => {
    const p2 = (x: number) => String(x).padStart(2, "0");
    const nine = `${p2(y)}${p2(m)}${p2(samordning ? d + 60 : d)}${String(n).padStart(4, "0").slice(0, 3)}`;
    return `${c}${nine.slice(0, 6)}${sep}${nine.slice(6)}${luhnCheckDigit(nine)}`;
  });

const numberTextArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(" ", "\u00a0", ".", ",", "", "\u202f"), fc.constantFrom(",", ".", ""), fc.boolean())
  .map(([int, frac, group, decimal, negative]) => {
    const grouped = int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return `${negative ? "-" : ""}${grouped}${decimal ? `${decimal}${frac}` : ""}`;
  });

const specialNumberArb = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e15, 9e11, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 0.1 + 0.2, 45306, 202401);

const wordArb = fc.constantFrom(
  "#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "Summa", "Totalt:", "EXKL", "exkl", "*", "51*", "5000-5999", "5*1", "stöd", "insats", "egen", "annan",
  "kostnad", "volym", "andel", "Insats:Hemtjänst", "Område:ÄO", "2024-01", "2023-12", "202413", "HT", "SABO", "OH", "A1", "Hemtjänst", "Särskilt boende",
  "=1+1", '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "50 %", "(1 234,50)", "−12,5 kr", "1,234", "1.234", "80-w", "65-79", "0-19", "ÄO", "LSS",
);

const dateArb = fc.oneof(fc.date({ noInvalidDate: true }), fc.constant(new Date(Number.NaN)));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, undefined, "", "   ", "\u00a0") },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 3, arbitrary: numberTextArb },
  { weight: 3, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 2, arbitrary: specialNumberArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: dateArb },
  { weight: 4, arbitrary: wordArb },
  { weight: 2, arbitrary: pnrArb },
);

describe("cell readers", () => {
  test("never throw, whatever the cell", () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        count("cell readers", null);
        readDecimal(cell);
        readInteger(cell);
        readPeriod(cell);
        readCode(cell);
        excelErrorValue(cell);
        isBlank(cell);
      }),
      params(20_000),
    );
  });

  test("Swedish, dot-thousands and English amounts with two decimals read back exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.constantFrom("sv", "sv-nbsp", "sv-dot", "en", "plain"), (ore, style) => {
        count("number formats", null);
        const negative = ore < 0n;
        const abs = negative ? -ore : ore;
        const int = (abs / 100n).toString();
        const frac = (abs % 100n).toString().padStart(2, "0");
        const group = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const text = {
          sv: `${group(" ")},${frac}`,
          "sv-nbsp": `${group("\u00a0")},${frac}`,
          "sv-dot": `${group(".")},${frac}`,
          en: `${group(",")}.${frac}`,
          plain: `${int}.${frac}`,
        }[style]!;
        const read = readDecimal(negative ? `-${text}` : text);
        expect(read.ok).toBe(true);
        if (read.ok) {
          expect(read.value.times(100).toFixed()).toBe(ore.toString() === "-0" ? "0" : ore.toString());
          expect(read.note).toBeUndefined();
        }
      }),
      params(5_000),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The engine

function checkProblems(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.code).not.toBe("internalError");
    expect([...TABLE_NAMES, "Körning"]).toContain(p.table);
    if (p.row !== null) expect(Number.isInteger(p.row) && p.row >= 1).toBe(true);
    expect(p.message.length).toBeGreaterThan(5);
    expect(p.message).not.toMatch(/undefined|\[object/);
  }
  expect(findPersonalIdentityNumbers(JSON.stringify(problems))).toEqual([]);
}

function checkResult(r: KpbResult, inputPnrs: Set<string>, input?: WorkbookInput): void {
  const rec = r.reconciliation;
  // Every input row is counted or set aside with a problem naming it, and the sums agree.
  if (input) expect(rowInvariantFailures(input, r)).toEqual([]);
  expect(rec.balanced).toBe(true);
  expect(rec.ledgerTotalOre).toBe(rec.pooledOre + rec.excludedOre + rec.uncodedOre);
  for (const v of [rec.ledgerTotalOre, rec.pooledOre, rec.excludedOre, rec.uncodedOre, rec.toClientsOre]) expect(Number.isSafeInteger(v)).toBe(true);
  const intervention = r.pools.filter((p) => p.kind === "insats");
  expect(intervention.reduce((s, p) => s + p.costOre, 0)).toBe(rec.pooledOre);
  const toClients = new Map<string, number>();
  const badClients: string[] = [];
  for (const c of r.clients) {
    let total = 0;
    for (const [pool, ore] of Object.entries(c.poolsOre)) {
      toClients.set(pool, (toClients.get(pool) ?? 0) + ore);
      total += ore;
    }
    if (total !== c.totalOre) badClients.push(c.id);
  }
  expect(badClients).toEqual([]);
  for (const p of intervention) if (p.volumeMicro > 0) expect([p.pool, toClients.get(p.pool) ?? 0]).toEqual([p.pool, p.costOre]);
  const sheets = resultSheets(r, r.benchmark);
  const badCells: string[] = [];
  for (const layout of sheets) {
    for (const block of layout.blocks) {
      for (const [i, row] of block.rows.entries()) {
        if (row.length > block.columns.length) badCells.push(`${block.tableName} row ${i}: ${row.length} cells`);
        for (const cell of row) {
          if (!(cell === null || typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell)))) badCells.push(`${block.tableName} row ${i}: ${String(cell)}`);
        }
      }
    }
  }
  expect(badCells).toEqual([]);
  expect(leaked(findPersonalIdentityNumbersInJson(resultJson(r)), inputPnrs)).toEqual([]);
  expect(leaked(findPersonalIdentityNumbersInLayouts(sheets), inputPnrs)).toEqual([]);
}

/**
 * The personnummer an input holds as text (in its text and code columns): the ones that must not
 * come out. A number in a numeric column (Belopp 4509202505) is read as a number and may well
 * come out as one; that is not a leak.
 */
const NUMERIC_HEADERS = new Set(
  (["Belopp", "År", "Platser", "Andel", "Födelseår", "Ålder", "Volym", "Period", "Antal"] as const).flatMap((name) =>
    TABLE_NAMES.flatMap((t) => TABLE_SCHEMAS[t].filter((c) => c.name === name).flatMap((c) => [c.name, ...c.aliases])).map((h) => h.toLowerCase()),
  ),
);
function textPersonalNumbers(input: WorkbookInput): Set<string> {
  const out = new Set<string>();
  for (const [name, table] of Object.entries(input) as [TableName, WorkbookInput[TableName]][]) {
    if (!table) continue;
    const headers = (rowsOfInput(table).find((r) => r.some((c) => typeof c === "string" && c.trim() !== "")) ?? []).map((h) => (typeof h === "string" ? h.trim().toLowerCase() : ""));
    for (const row of rowsOfInput(table)) {
      row.forEach((cell, i) => {
        if (NUMERIC_HEADERS.has(headers[i]) || (name === "Jämförelse" && ["värde", "value"].includes(headers[i]))) return;
        for (const p of findPersonalIdentityNumbers(readCode(cell))) out.add(p.replace(/\D/g, "").slice(-10));
      });
    }
  }
  return out;
}
const leaked = (found: string[], input: Set<string>) => found.filter((p) => input.has(p.replace(/\D/g, "").slice(-10)));

/** Runs the engine on an input; checks whatever came out. */
function runAndCheck(name: string, input: WorkbookInput): void {
  let outcome: ReturnType<typeof runKpb> | undefined;
  expect(() => (outcome = runKpb(input, { pseudonymSecret: "fuzz" }))).not.toThrow();
  count(name, outcome!.ok);
  if (outcome!.ok) {
    checkProblems(outcome!.result.problems);
    expect(outcome!.result.problems.filter((p) => p.severity === "error")).toEqual([]);
    checkResult(outcome!.result, textPersonalNumbers(input), input);
  } else {
    checkProblems(outcome!.problems);
    expect(outcome!.problems.some((p) => p.severity === "error")).toBe(true);
  }
}

const headerArb = (table: TableName) => {
  const names = TABLE_SCHEMAS[table].flatMap((c) => [c.name, ...c.aliases.slice(0, 2), c.name.toUpperCase()]);
  return fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: cellArb }), { minLength: 0, maxLength: 10 });
};

const tableArb = (table: TableName) =>
  fc.record(
    {
      header: headerArb(table),
      above: fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 2 }),
      rows: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 8 }),
      firstRow: fc.integer({ min: 1, max: 30 }),
      firstColumn: fc.integer({ min: 1, max: 30 }),
    },
    { requiredKeys: ["header", "rows"] },
  );

const arbitraryWorkbookArb = fc
  .record(Object.fromEntries(TABLE_NAMES.map((t) => [t, tableArb(t)])) as Record<TableName, ReturnType<typeof tableArb>>, { requiredKeys: [] })
  .map((tables) => {
    const input: WorkbookInput = {};
    for (const [name, t] of Object.entries(tables) as [TableName, { header: CellValue[]; above?: CellValue[][]; rows: CellValue[][]; firstRow?: number; firstColumn?: number }][]) {
      input[name] = { rows: [...(t.above ?? []), t.header, ...t.rows], sheet: name, firstRow: t.firstRow, firstColumn: t.firstColumn };
    }
    return input;
  });

/** One way to damage a workbook. */
type Mutation =
  | { kind: "cell"; table: TableName; row: number; column: number; value: CellValue }
  | { kind: "deleteRow" | "duplicateRow" | "blankRow"; table: TableName; row: number }
  | { kind: "swapRows"; table: TableName; row: number; other: number }
  | { kind: "dropColumn" | "upperHeader"; table: TableName; column: number }
  | { kind: "dropTable"; table: TableName };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("cell" as const), table: fc.constantFrom(...TABLE_NAMES), row: fc.nat(), column: fc.nat(), value: cellArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("deleteRow" as const, "duplicateRow" as const, "blankRow" as const), table: fc.constantFrom(...TABLE_NAMES), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swapRows" as const), table: fc.constantFrom(...TABLE_NAMES), row: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("dropColumn" as const, "upperHeader" as const), table: fc.constantFrom(...TABLE_NAMES), column: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropTable" as const), table: fc.constantFrom<TableName>("Nycklar", "Insatskatalog", "Befolkning", "Jämförelse", "Inställningar", "Brukare") }) },
);

/** Applies mutations to a copy; data-row cells are hit more often than headers (row 0). */
function mutate(tables: Tables, mutations: Mutation[]): WorkbookInput {
  const t: Partial<Tables> = Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, rows.map((r) => [...r])]));
  for (const m of mutations) {
    const rows = t[m.table];
    if (!rows || rows.length === 0) continue;
    const pick = (n: number, dataOnly = true) => (dataOnly && rows.length > 1 ? 1 + (n % (rows.length - 1)) : n % rows.length);
    switch (m.kind) {
      case "cell": {
        const r = pick(m.row, m.row % 17 !== 0);
        const row = rows[r];
        row[m.column % Math.max(1, row.length + 1)] = m.value;
        break;
      }
      case "deleteRow":
        rows.splice(pick(m.row), 1);
        break;
      case "duplicateRow": {
        const r = pick(m.row);
        rows.splice(r, 0, [...rows[r]]);
        break;
      }
      case "blankRow":
        rows.splice(pick(m.row), 0, rows[0].map(() => null));
        break;
      case "swapRows": {
        const a = pick(m.row);
        const b = pick(m.other);
        [rows[a], rows[b]] = [rows[b], rows[a]];
        break;
      }
      case "dropColumn": {
        const c = m.column % Math.max(1, rows[0].length);
        for (const row of rows) row.splice(c, 1);
        break;
      }
      case "upperHeader":
        rows[0] = rows[0].map((h, i) => (i === m.column % Math.max(1, rows[0].length) && typeof h === "string" ? h.toUpperCase() : h));
        break;
      case "dropTable":
        delete t[m.table];
        break;
    }
  }
  return toInput(t);
}

/** Exempelby, a sixth of its clients and ledger rows (every pool still present): fast enough to fuzz. */
function smallExempelby(): Tables {
  const t = exempelbyTables();
  const keepEvery = <T>(rows: T[], n: number) => [rows[0], ...rows.slice(1).filter((_, i) => i % n === 0)];
  return { ...t, Brukare: keepEvery(t.Brukare, 6), Ekonomi: keepEvery(t.Ekonomi, 2) };
}

describe("runKpb", () => {
  test("arbitrary tables of arbitrary cells: never throws, every problem well-formed", () => {
    fc.assert(
      fc.property(arbitraryWorkbookArb, (input) => runAndCheck("arbitrary tables", input)),
      params(300),
    );
  });

  test("the corpus's base workbook with random damage: results reconcile whenever there are results", () => {
    const base = baseTables();
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (mutations) => runAndCheck("damaged base", mutate(base, mutations))),
      params(1_200),
    );
  });

  test("Exempelby with random damage", () => {
    const sample = smallExempelby();
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => runAndCheck("damaged Exempelby", mutate(sample, mutations))),
      params(50),
    );
  });

  test("the whole Exempelby with a few damaged cells", () => {
    const sample = exempelbyTables();
    const cellOnly = fc.record({ kind: fc.constant("cell" as const), table: fc.constantFrom<TableName>("Ekonomi", "Brukare", "Pooler", "Kodning", "Nycklar"), row: fc.nat(), column: fc.nat(), value: cellArb });
    fc.assert(
      fc.property(fc.array(cellOnly, { minLength: 1, maxLength: 3 }), (mutations) => runAndCheck("whole Exempelby", mutate(sample, mutations))),
      params(12),
    );
  });
});
