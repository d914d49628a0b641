/**
 * The row invariant (row-invariant.ts) on workbooks built to set rows aside: the corpus's base
 * workbook with an År column of mixed years, rows without codes (with and without a "Summa"
 * label), ledger rows whose Text says "Summa" but which have codes, periods outside the year and
 * amounts with odd decimals. Whenever the run gives results, every input row is counted or set
 * aside with a problem naming it, and Σ input = counted + set aside, to the öre and the volume.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { baseTables, toInput } from "./corpus/base";
import { rowInvariantFailures } from "./row-invariant";

const SEED = Number(process.env.FUZZ_SEED ?? 20240101);

const yearArb = fc.oneof({ weight: 6, arbitrary: fc.constant<CellValue>(2024) }, { weight: 2, arbitrary: fc.constantFrom<CellValue>(2023, 2025, "2022") });
const amountArb = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom<CellValue>("1 234,50", "1,234", "(12,5)", 0.1 + 0.2, 1234.567, null),
);
const extraLedgerArb = fc.record({
  kind: fc.constantFrom("ledger", "summaText", "noCodes", "labelOnly"),
  year: yearArb,
  amount: amountArb,
});
const extraClientArb = fc.record({
  kind: fc.constantFrom("client", "noIds", "otherPeriod"),
  year: yearArb,
  volume: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom<CellValue>("12,5", null)),
});

test("every input row is counted or set aside and named; Σ input = counted + set aside", () => {
  let results = 0;
  fc.assert(
    fc.property(fc.array(extraLedgerArb, { maxLength: 8 }), fc.array(extraClientArb, { maxLength: 8 }), fc.boolean(), (ledger, clients, withYear) => {
      const t = baseTables();
      if (withYear) {
        t.Ekonomi = t.Ekonomi.map((r, i) => [...r, i === 0 ? "År" : 2024]);
        t.Brukare = t.Brukare.map((r, i) => [...r, i === 0 ? "År" : 2024]);
      }
      const year = (y: CellValue) => (withYear ? [y] : []);
      for (const e of ledger) {
        if (e.kind === "ledger") t.Ekonomi.push(["200", "1", "", "5110", e.amount, "Extra", ...year(e.year)]);
        if (e.kind === "summaText") t.Ekonomi.push([200, 1, null, 5110, e.amount, "Summa personal", ...year(e.year)]);
        if (e.kind === "noCodes") t.Ekonomi.push([null, null, null, null, e.amount, null, ...year(e.year)]);
        if (e.kind === "labelOnly") t.Ekonomi.push(["Summa", null, null, null, e.amount, "Totalt", ...year(e.year)]);
      }
      const header = t.Brukare[0].map(String);
      for (const c of clients) {
        const row: CellValue[] = header.map(() => null);
        const set = (column: string, value: CellValue) => (row[header.indexOf(column)] = value);
        if (c.kind !== "noIds") {
          set("BrukarID", "X1");
          set("Pool", "HT");
          set("Födelseår", 1940);
        }
        set("Volym", c.volume);
        set("Period", c.kind === "otherPeriod" ? "2023-11" : "2024-03");
        if (withYear) set("År", c.year);
        t.Brukare.push(row);
      }
      const outcome = runKpb(toInput(t), { pseudonymSecret: "rader" });
      if (!outcome.ok) return;
      results++;
      expect(rowInvariantFailures(toInput(t), outcome.result)).toEqual([]);
      expect(outcome.result.reconciliation.balanced).toBe(true);
    }),
    { numRuns: 300, seed: SEED, endOnFailure: true },
  );
  // The generator must reach results, or the property proves nothing.
  expect(results).toBeGreaterThan(50);
});
