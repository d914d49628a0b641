import {
  cellAt,
  cellsOfInput,
  containsPersonalIdentityNumber,
  locateTable,
  ProblemLog,
  pseudonym,
  readCode,
  redactPersonalIdentityNumbers,
  rowCellsOf,
  totalsRowsOf,
  type CellTable,
  type CellValue,
  type Problem,
  type TableInput,
  type TableName,
} from "../engine";
import { formatMicro, formatOre } from "./format";
import { detailText, inputMessage, type SieDimension, type SummaryDetail } from "./messages";
import type { SieDimensionMap } from "./sie";
import type { Language } from "../engine";

/**
 * A contract table read from a file (CSV/text export or SIE), with what the economist needs to
 * check it against the source system: rows read, rows set aside and why, and the sum.
 */
export interface SkippedRows {
  /** Stable key (for the pane's language), and the Swedish reason. */
  code: string;
  reason: string;
  count: number;
  /** Sum of the amounts set aside, in öre, where the rows carry amounts. */
  amountOre?: number;
}

export interface FileSummary {
  file: string;
  table: TableName;
  format: "csv" | "sie" | "xlsx";
  /** How the file was read: encoding, delimiter, decimal mark, dimension mapping … (keys; `detailText` renders them). */
  details: SummaryDetail[];
  /** An SIE file's dimensions (declared or reserved and used) and which one feeds each contract column. */
  sie?: { dimensions: SieDimension[]; chosen: SieDimensionMap };
  /** Data rows the table holds after reading. */
  rowsRead: number;
  skipped: SkippedRows[];
  /** Σ Belopp over the rows read (Ekonomi), in öre; null for other tables. */
  amountOre: number | null;
  /** Σ Volym over the rows read (Brukare), as a decimal text with a decimal comma; null otherwise. */
  volume: string | null;
  /** Amount or volume cells that are not numbers (the run reports each one). */
  unreadableNumbers: number;
}

export interface FileTable {
  table: TableName;
  /** The table as the engine reads a workbook table; null when the file could not be read at all. */
  input: TableInput | null;
  /** Problems found while reading the file; the table is the contract table, the sheet the file name. */
  problems: Problem[];
  summary: FileSummary;
}

/** The summary as lines of text (command line), in Swedish or English. */
export function summaryLines(s: FileSummary, language: Language = "sv"): string[] {
  const lines = [inputMessage("rowsRead", { file: s.file, table: s.table, rows: s.rowsRead }, language)];
  for (const d of s.details) lines.push(`  ${detailText(d, language)}`);
  if (s.amountOre !== null) lines.push(`  ${inputMessage("amountSum", { amount: formatOre(s.amountOre) }, language)}`);
  if (s.volume !== null) lines.push(`  ${inputMessage("volumeSum", { volume: s.volume }, language)}`);
  if (s.unreadableNumbers > 0) lines.push(`  ${inputMessage("unreadableNumbers", { count: s.unreadableNumbers }, language)}`);
  for (const k of s.skipped) {
    const amount = k.amountOre === undefined ? null : formatOre(k.amountOre);
    lines.push(`  ${inputMessage("skipped", { count: k.count, code: k.code, reason: k.reason, amount }, language)}`);
  }
  return lines;
}

/**
 * Rows read, rows the run will set aside (totals rows …) and the sums, counted by the same
 * locator the run uses, so the summary and the run agree on every row. The cells are read by
 * column, only those the counts need.
 */
export function countRows(table: TableName, input: TableInput, summary: FileSummary): void {
  const scratch = new ProblemLog();
  const located = locateTable(table, input, scratch);
  if (!located) return;
  const byCode = new Map<string, number>();
  for (const p of scratch.items) if (p.row !== null) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
  // Totals rows by the run's own rule (a row without codes, or "Summa" in a code column), so the
  // summary sets aside exactly the rows the run will.
  const totalsRow = table === "Ekonomi" || table === "Brukare" ? totalsRowsOf(located) : () => null;
  let totalsByCode = 0;
  for (let i = 0; i < located.sheetRows.length; i++) if (totalsRow(i) !== null) totalsByCode++;
  const totals = (byCode.get("totalsRowSkipped") ?? 0) + totalsByCode;
  summary.rowsRead = located.sheetRows.length - totalsByCode;
  if (totals) summary.skipped.push({ code: "totalsRow", reason: "summeringsrader", count: totals });
  const quantity = table === "Ekonomi" ? located.columns.get("Belopp") : table === "Brukare" ? located.columns.get("Volym") : undefined;
  let ore = 0;
  let micro = 0;
  for (let i = 0; quantity !== undefined && i < located.sheetRows.length; i++) {
    if (totalsRow(i) !== null) continue;
    const value = cellAt(located.cells, located.rowIndex[i], quantity);
    if (typeof value !== "number") {
      summary.unreadableNumbers++;
      continue;
    }
    if (table === "Ekonomi") ore += Math.round(value * 100);
    else micro += Math.round(value * 1e6);
  }
  const amountIndex = table === "Ekonomi" ? quantity : undefined;
  const volumeIndex = table === "Brukare" ? quantity : undefined;
  if (amountIndex !== undefined) summary.amountOre = ore;
  if (volumeIndex !== undefined) summary.volume = formatMicro(micro);
}

/**
 * The file's table as a compact block to write into the workbook: its header row and the rows the
 * run will read (no title lines, blank lines or totals rows; those are in the summary). Null when
 * the file gave no usable table.
 */
export function rowsToWrite(file: FileTable): CellValue[][] | null {
  if (!file.input) return null;
  const located = locateTable(file.table, file.input, new ProblemLog());
  if (!located) return null;
  const cells = cellsOfInput(file.input);
  const totalsRow = file.table === "Ekonomi" || file.table === "Brukare" ? totalsRowsOf(located) : () => null;
  const out = [recordOf(cells, located.headerRow - (file.input.firstRow ?? 1))];
  // The rows as the run reads them (an error value in a descriptive column already read as empty).
  for (let i = 0; i < located.sheetRows.length; i++) if (totalsRow(i) === null) out.push(withoutTrailingEmpty(rowCellsOf(located, i)));
  return out;
}

/** Row r of a file's table as its record was read: up to its last cell that is not empty. */
function recordOf(cells: CellTable, r: number): CellValue[] {
  const record: CellValue[] = new Array(cells.columns.length);
  for (let c = 0; c < cells.columns.length; c++) record[c] = cellAt(cells, r, c);
  return withoutTrailingEmpty(record);
}

function withoutTrailingEmpty(record: CellValue[]): CellValue[] {
  let width = record.length;
  while (width > 0 && (record[width - 1] === null || record[width - 1] === undefined)) width--;
  record.length = width;
  return record;
}

/**
 * Personnummer in a file's rows, replaced by their pseudonyms under the workbook's secret before
 * the rows are written into the workbook (the same pseudonyms the run would give). Returns how many
 * cells were changed.
 */
export function pseudonymiseRows(rows: CellValue[][], secret: string): number {
  let changed = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== "string" && !(typeof cell === "number" && Math.abs(cell) >= 1e9)) continue;
      const text = typeof cell === "string" ? cell : readCode(cell);
      if (!containsPersonalIdentityNumber(text)) continue;
      row[c] = redactPersonalIdentityNumbers(text, (found) => pseudonym(found, secret));
      changed++;
    }
  }
  return changed;
}
