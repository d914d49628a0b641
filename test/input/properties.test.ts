/**
 * Properties of the file readers on generated files: whatever the delimiter, quoting, line endings
 * and encoding, a CSV export reads back cell for cell on the right line numbers; and any set of SIE
 * vouchers that balance against the bank reads as result rows whose sum is the bank's counterpart.
 */
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { plainRecords, readCsvTable } from "../../src/input/csv";
import { readSieLedger } from "../../src/input/sie";
import { locateTable, rowCellsOf } from "../../src/engine/table-reader";
import { ProblemLog } from "../../src/engine/problems";
import { rowsOfInput } from "../../src/engine";
import type { FileTable } from "../../src/input/file-table";

function located(file: FileTable) {
  const t = locateTable(file.table, file.input!, new ProblemLog())!;
  return Array.from(t.sheetRows, (row, i) => ({ row, cells: rowCellsOf(t, i) }));
}

const kronor = (ore: number) => {
  const abs = Math.abs(ore);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${ore < 0 ? "-" : ""}${int},${String(abs % 100).padStart(2, "0")}`;
};

/** Texts with the characters that make CSV hard: delimiters, quotes, line breaks, Swedish letters. */
const textChars = fc.constantFrom(..."ab Åäö;,\t\"\n1é-".split(""));
const text = fc.array(textChars, { maxLength: 12 }).map((cs) => cs.join(""));
const code = fc.stringMatching(/^[0-9A-Z]{1,6}$/);

test("CSV: any table written with any delimiter, quoting, line ending and encoding reads back exactly", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ ansvar: code, konto: code, ore: fc.integer({ min: -1e11, max: 1e11 }), text }), { minLength: 1, maxLength: 30 }),
      fc.constantFrom(";", "\t", ","),
      fc.constantFrom("\n", "\r\n"),
      fc.constantFrom("utf-8", "utf-8-bom", "windows-1252"),
      (rows, delimiter, eol, encoding) => {
        const field = (v: string) => (/[;,\t"\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
        const lines = [["Ansvar", "Verksamhet", "Konto", "Belopp", "Text"].join(delimiter)];
        const expectedLines: number[] = [];
        let line = 2;
        for (const r of rows) {
          expectedLines.push(line);
          const cells = [r.ansvar, "510", r.konto, kronor(r.ore), r.text.replace(/\n/g, eol)];
          lines.push(cells.map(field).join(delimiter));
          line += 1 + (r.text.match(/\n/g)?.length ?? 0);
        }
        const content = lines.join(eol) + eol;
        const bytes =
          encoding === "windows-1252"
            ? Uint8Array.from([...content].map((ch) => ch.charCodeAt(0)))
            : new TextEncoder().encode(encoding === "utf-8-bom" ? `\ufeff${content}` : content);
        const file = readCsvTable(bytes, "Ekonomi", "f.csv");
        expect(file.problems).toEqual([]);
        const read = located(file);
        expect(read.map((r) => r.row)).toEqual(expectedLines);
        expect(read.map((r) => [r.cells[0], r.cells[2], Math.round((r.cells[3] as number) * 100), r.cells[4]])).toEqual(
          rows.map((r) => [r.ansvar, r.konto, r.ore, r.text]),
        );
        expect(file.summary.amountOre).toBe(rows.reduce((a, r) => a + r.ore, 0));
      },
    ),
    { numRuns: 150 },
  );
});

test("CSV: the fast split of a file without quotes gives csv-parse's records, or leaves the file to csv-parse", () => {
  const chars = fc.constantFrom(..."ab ;,\t\n\r1é".split(""));
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 40 }).map((cs) => cs.join("")), fc.constantFrom(";", "\t", ","), fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), (text, delimiter, to) => {
      const plain = plainRecords(text, delimiter, to);
      if (plain === null) return;
      const options = { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, skip_records_with_error: true, to };
      expect(plain).toEqual(parse(text, options));
    }),
    { numRuns: 3000 },
  );
});

test("SIE: vouchers that balance against the bank read as result rows summing to the bank's counterpart", () => {
  const transaction = fc.record({
    account: fc.constantFrom("3510", "4010", "5010", "6110", "7010", "8410"),
    ansvar: fc.constantFrom("100", "200", "300"),
    verksamhet: fc.constantFrom("510", "520"),
    month: fc.integer({ min: 1, max: 12 }),
    ore: fc.integer({ min: -1e9, max: 1e9 }),
  });
  fc.assert(
    fc.property(fc.array(fc.array(transaction, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 20 }), (vouchers) => {
      const lines = ["#FLAGGA 0", "#FORMAT PC8", "#RAR 0 20240101 20241231", '#DIM 1 "Ansvar"', '#DIM 20 "Verksamhet"'];
      const expected = new Map<string, number>();
      let total = 0;
      vouchers.forEach((v, i) => {
        const month = String(v[0].month).padStart(2, "0");
        lines.push(`#VER A ${i + 1} 2024${month}15 "V${i}"`, "{");
        let sum = 0;
        for (const t of v) {
          const amount = `${t.ore < 0 ? "-" : ""}${Math.floor(Math.abs(t.ore) / 100)}.${String(Math.abs(t.ore) % 100).padStart(2, "0")}`;
          lines.push(`#TRANS ${t.account} {1 "${t.ansvar}" 20 "${t.verksamhet}"} ${amount}`);
          sum += t.ore;
          const key = `${t.ansvar}|${t.verksamhet}|${t.account}|2024-${month}`;
          expected.set(key, (expected.get(key) ?? 0) + t.ore);
        }
        total += sum;
        const bank = -sum;
        lines.push(`#TRANS 1930 {} ${bank < 0 ? "-" : ""}${Math.floor(Math.abs(bank) / 100)}.${String(Math.abs(bank) % 100).padStart(2, "0")}`, "}");
      });
      const file = readSieLedger(new TextEncoder().encode(lines.join("\r\n")), "p.se");
      expect(file.problems).toEqual([]);
      expect(file.summary.amountOre).toBe(total);
      expect(file.summary.skipped.find((k) => k.code === "balanceAccount")).toMatchObject({ count: vouchers.length, amountOre: -total });
      const read = new Map(located(file).map((r) => [`${r.cells[0]}|${r.cells[1]}|${r.cells[3]}|${r.cells[7]}`, Math.round((r.cells[4] as number) * 100)]));
      expect(read).toEqual(expected);
    }),
    { numRuns: 100 },
  );
});
