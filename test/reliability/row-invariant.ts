/**
 * The row invariant of a run that gave results: every data row of Ekonomi and Brukare is either
 * counted or set aside (never both, never neither), every set-aside row is named by a problem
 * with its table and row (other years: the group's first row and count), and the sums agree with
 * the input read cell by cell here: Σ Belopp of all Ekonomi rows = ledger total + Σ set aside, to
 * the öre; Σ Volym of all Brukare rows = Σ pool volumes + Σ set aside.
 */
import { isBlank, readDecimal } from "../../src/engine/cells";
import { Dec } from "../../src/engine/decimal";
import type { CellValue, KpbResult, WorkbookInput } from "../../src/engine/model";
import { ProblemLog } from "../../src/engine/problems";
import { locateTable, rowCellsOf } from "../../src/engine/table-reader";

/** Belopp as the cell shows it: whole öre (two decimals exactly, else 15 significant digits, half up). */
function amountOre(cell: CellValue): bigint {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return 0n;
    const exact = Math.round(cell * 100);
    const dec = exact / 100 === cell && Math.abs(cell) < 4e13 ? new Dec(exact) : new Dec(cell.toPrecision(15)).times(100);
    return BigInt(dec.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed());
  }
  if (isBlank(cell)) return 0n;
  const read = readDecimal(cell);
  if (!read.ok) return 0n;
  const value = read.note === "ambiguous" ? read.value.times(1000) : read.value;
  return BigInt(value.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed());
}

/** Volym in micro-units (decimal reading of ambiguous text, half up). */
function volumeMicro(cell: CellValue): bigint {
  if (isBlank(cell)) return 0n;
  const read = readDecimal(cell);
  if (!read.ok) return 0n;
  return BigInt(read.value.times(1_000_000).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed());
}

const PER_ROW_CODES: Record<string, string> = { totalsRow: "totalsRowSkipped", periodOutsideYear: "periodOutsideYear" };

export interface RowInvariantFailure {
  table: string;
  what: string;
}

/** The ways the invariant fails for this input and result (empty when every row is accounted for). */
export function rowInvariantFailures(input: WorkbookInput, r: KpbResult): RowInvariantFailure[] {
  const failures: RowInvariantFailure[] = [];
  const fail = (table: string, what: string) => failures.push({ table, what });
  const rec = r.reconciliation;
  for (const table of ["Ekonomi", "Brukare"] as const) {
    const located = input[table] ? locateTable(table, input[table]!, new ProblemLog()) : null;
    if (!located) continue;
    const valueColumn = located.columns.get(table === "Ekonomi" ? "Belopp" : "Volym");
    const read = (cells: CellValue[]) => (table === "Ekonomi" ? amountOre : volumeMicro)(valueColumn === undefined ? null : cells[valueColumn]);
    const all = new Map<number, bigint>();
    located.sheetRows.forEach((row, i) => all.set(row, read(rowCellsOf(located, i))));
    const groups = rec.setAside.filter((g) => g.table === table);
    const setAside = new Set<number>();
    for (const g of groups) {
      for (const row of g.rows) {
        if (setAside.has(row)) fail(table, `row ${row} set aside twice`);
        setAside.add(row);
        if (!all.has(row)) fail(table, `set-aside row ${row} is no data row`);
      }
      const named = PER_ROW_CODES[g.reason]
        ? g.rows.every((row) => r.problems.some((p) => p.table === table && p.row === row && p.code === PER_ROW_CODES[g.reason]))
        : r.problems.some((p) => p.table === table && p.code === "otherYearRows" && p.row === g.rows[0] && p.params.count === g.rows.length);
      if (!named) fail(table, `${g.reason} rows ${g.rows.join(",")} not named by a problem`);
    }
    const inputSum = [...all.values()].reduce((s, v) => s + v, 0n);
    const asideSum = groups.reduce((s, g) => s + BigInt(table === "Ekonomi" ? g.amountOre : g.volumeMicro), 0n);
    if (table === "Ekonomi") {
      const counted = r.trace ? Array.from(r.trace.ledger.sheetRow) : [];
      for (const row of counted) if (setAside.has(row)) fail(table, `row ${row} both counted and set aside`);
      const accounted = new Set([...counted, ...setAside]);
      const missing = [...all.keys()].filter((row) => !accounted.has(row));
      if (missing.length) fail(table, `rows neither counted nor set aside: ${missing.join(",")}`);
      if (inputSum !== BigInt(rec.ledgerTotalOre) + asideSum) fail(table, `Σ input ${inputSum} öre ≠ ledger total ${rec.ledgerTotalOre} + set aside ${asideSum}`);
    } else {
      const pooled = r.pools.filter((p) => p.kind === "insats").reduce((s, p) => s + BigInt(p.volumeMicro), 0n);
      if (all.size !== rec.rowCounts.Brukare.counted + setAside.size) fail(table, `${all.size} rows ≠ ${rec.rowCounts.Brukare.counted} counted + ${setAside.size} set aside`);
      if (inputSum !== pooled + asideSum) fail(table, `Σ input volume ${inputSum} ≠ pools ${pooled} + set aside ${asideSum}`);
    }
  }
  return failures;
}
