import { NUMBER, withCells } from "./cell-table";
import { readCode } from "./cells";
import type { CellValue, TableName } from "./model";
import { containsPersonalIdentityNumber, pseudonym, redactPersonalIdentityNumbers } from "./privacy";
import type { ProblemLog } from "./problems";
import { placeOf, type LocatedTable } from "./table-reader";
import type { TraceLineage } from "./tracing/types";

/**
 * Personnummer outside BrukarID: a client's number typed into Kön or Boendeform, a ledger Text
 * such as "Utbetalning 19450312-1234", a pool named after a placed child. Every text and code
 * column of every table is scanned (numeric columns are read as numbers and never written back as
 * text); each personnummer-looking part is replaced by its pseudonym under the workbook's secret,
 * so the same number stays the same code in every table (a pool id in Pooler, Kodning and Brukare
 * still matches) and the original never reaches a result, the JSON or a message. BrukarID itself
 * is pseudonymised whole by client-costs.ts.
 *
 * The codes that Kodning's rules match by prefix or range (Ekonomi's and Kodning's Ansvar,
 * Verksamhet, Aktivitet, Konto) keep their original values: a rule `4503*` must code the Aktivitet
 * 4503121234 as the user wrote it. They are scanned and warned about like the rest, and
 * pseudonymised where they are written out (the lineage, redactTraceCodes below).
 */
const MATCHED_CODES: Partial<Record<TableName, string[]>> = {
  Ekonomi: ["Ansvar", "Verksamhet", "Aktivitet", "Konto"],
  Kodning: ["Ansvar", "Verksamhet", "Aktivitet", "Konto"],
};
const NUMERIC_COLUMNS: Partial<Record<TableName, string[]>> = {
  Ekonomi: ["Belopp", "År"],
  Pooler: ["Platser"],
  Nycklar: ["Andel"],
  Brukare: ["BrukarID", "Födelseår", "Ålder", "Volym", "Period", "År"],
  Befolkning: ["Antal"],
  Jämförelse: ["Värde", "År"],
};

export function redactPersonalData(tables: Iterable<LocatedTable>, secret: string, log: ProblemLog): void {
  for (const table of tables) {
    const skip = new Set(NUMERIC_COLUMNS[table.table] ?? []);
    const scanned = [...table.columns].filter(([column]) => !skip.has(column));
    const kept = new Set(MATCHED_CODES[table.table] ?? []);
    const replace = scanned.map(([column]) => !kept.has(column));
    const count = scanned.map(() => 0);
    const firstRow = scanned.map(() => 0);
    const hide = (text: string) => redactPersonalIdentityNumbers(text, (found) => pseudonym(found, secret));
    // By column: each distinct text is scanned once; long numbers (a personnummer typed as a number) per row.
    scanned.forEach(([, index], k) => {
      const column = table.cells.columns[index];
      const flagged = Uint8Array.from(column.values, (v, code) => (code > NUMBER && typeof v === "string" && containsPersonalIdentityNumber(v) ? 1 : 0));
      const numberRows = new Map<number, CellValue>();
      // The common column holds no such text and no number of ten digits or more: no row to visit.
      if (!flagged.includes(1) && !hasLongNumber(column.numbers)) return;
      for (let i = 0; i < table.rowIndex.length; i++) {
        const r = table.rowIndex[i];
        const code = column.codes[r];
        let hit = code > NUMBER && flagged[code] === 1;
        if (code === NUMBER && Math.abs(column.numbers![r]) >= 1e9) {
          const text = readCode(column.numbers![r]);
          hit = containsPersonalIdentityNumber(text);
          if (hit && replace[k]) numberRows.set(r, hide(text));
        }
        if (!hit) continue;
        if (count[k]++ === 0) firstRow[k] = table.sheetRows[i];
      }
      if (count[k] === 0 || !replace[k]) return;
      const values = column.values.map((v, code) => (flagged[code] === 1 ? hide(v as string) : v));
      table.cells.columns[index] = numberRows.size === 0 ? { ...column, values } : withCells({ ...column, values }, numberRows);
    });
    scanned.forEach(([column], k) => {
      if (count[k] > 0) {
        log.warning("personalDataInCells", placeOf(table, firstRow[k], column), { count: count[k], column, row: firstRow[k] });
      }
    });
  }
}

function hasLongNumber(numbers: Float64Array | null): boolean {
  if (!numbers) return false;
  for (let r = 0; r < numbers.length; r++) if (numbers[r] >= 1e9 || numbers[r] <= -1e9) return true;
  return false;
}

/**
 * The ledger codes and rule patterns of the lineage as they are written out (KPB Spårning,
 * `kpb explain`): every personnummer-looking part replaced by its pseudonym. The run itself
 * coded on the original values.
 */
export function redactTraceCodes(trace: TraceLineage, secret: string): TraceLineage {
  const hide = (text: string) => (containsPersonalIdentityNumber(text) ? redactPersonalIdentityNumbers(text, (found) => pseudonym(found, secret)) : text);
  const hideAll = <T extends { ansvar: string; verksamhet: string; aktivitet: string; konto: string }>(c: T): T => {
    const columns = [c.ansvar, c.verksamhet, c.aktivitet, c.konto];
    if (!columns.some(containsPersonalIdentityNumber)) return c;
    return { ...c, ansvar: hide(c.ansvar), verksamhet: hide(c.verksamhet), aktivitet: hide(c.aktivitet), konto: hide(c.konto) };
  };
  return { ...trace, ledger: { ...trace.ledger, codes: trace.ledger.codes.map(hideAll) }, rules: trace.rules.map(hideAll) };
}
