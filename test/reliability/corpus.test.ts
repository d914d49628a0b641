/**
 * The bad-input corpus: every case runs through the engine, which must not throw, must give the
 * outcome the case names (a result with warnings, or a refusal) and exactly the problems it lists,
 * each naming its table, row and column with a Swedish message a user can act on.
 */
import { resultJson, resultSheets } from "../../src/layouts";
import type { Problem } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { TABLE_NAMES } from "../../src/engine/model";
import { CORPUS } from "./corpus";
import { rowInvariantFailures } from "./row-invariant";
import type { ExpectedProblem } from "./corpus/types";
import { findPersonalIdentityNumbers, findPersonalIdentityNumbersInJson, findPersonalIdentityNumbersInLayouts } from "./pnr-scan";

const key = (p: { code: string; severity: string; table: string; row: number | null; column: string | null }) =>
  `${p.severity} ${p.code} ${p.table} r${p.row ?? "-"} ${p.column ?? "-"}`;

function describe_(problems: readonly Problem[]): string {
  return problems.map((p) => `${key(p)} [${p.cell ?? ""}]: ${p.message}`).join("\n");
}

/** Amounts in messages keep their groups together with no-break spaces; the corpus writes plain spaces. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

function messageMatches(expected: ExpectedProblem["message"], actual: string): boolean {
  return typeof expected === "string" ? spaces(actual) === spaces(expected) : spaces(actual).includes(spaces(expected.contains));
}

test("the corpus has at least 40 cases with distinct ids", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
});

describe.each(CORPUS.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  test(c.title, () => {
    let outcome: ReturnType<typeof runKpb>;
    expect(() => (outcome = runKpb(c.input, c.options ?? { pseudonymSecret: "korpus" }))).not.toThrow();
    const problems = outcome!.ok ? outcome!.result.problems : outcome!.problems;
    const context = `case ${c.id}, problems:\n${describe_(problems)}`;

    // Outcome: refused runs have at least one error and no result; ok runs have no errors.
    expect([outcome!.ok ? "ok" : "refused", context]).toEqual([c.outcome, context]);
    if (c.outcome === "refused") expect(problems.some((p) => p.severity === "error")).toBe(true);
    else expect(problems.filter((p) => p.severity === "error")).toEqual([]);

    // Exactly the expected problems (as a multiset), each with its message and cell.
    const unmatched = [...problems];
    for (const e of c.problems) {
      const i = unmatched.findIndex((p) => key(p) === key(e) && messageMatches(e.message, p.message) && (e.cell === undefined || p.cell === e.cell));
      if (i < 0) throw new Error(`${context}\n\nmissing: ${key(e)} [${e.cell ?? ""}]: ${JSON.stringify(e.message)}`);
      unmatched.splice(i, 1);
    }
    if (unmatched.length) throw new Error(`${context}\n\nunexpected:\n${describe_(unmatched)}`);

    // Every problem is usable: a known table, a real row, a message in words, the sheet when known.
    for (const p of problems) {
      expect([...TABLE_NAMES, "Körning"]).toContain(p.table);
      if (p.row !== null) expect(Number.isInteger(p.row) && p.row >= 1).toBe(true);
      expect(p.message.length).toBeGreaterThan(10);
      expect(p.message).not.toBe(p.code);
      expect(p.message).not.toMatch(/undefined|\[object|null\b/);
      expect(p.message.length).toBeLessThan(600);
      if (p.table !== "Körning" && c.input[p.table]?.sheet) expect(p.sheet).toBe(c.input[p.table]!.sheet);
      if (p.cell !== undefined) expect(p.cell).toMatch(new RegExp(`^[A-Z]+${p.row}$`));
    }
    expect(findPersonalIdentityNumbers(JSON.stringify(problems))).toEqual([]);
    c.checkProblems?.(problems);

    if (outcome!.ok) {
      const r = outcome!.result;
      // Reconciliation to the öre, and every pool's cost reaches its clients exactly.
      const rec = r.reconciliation;
      expect(rec.balanced).toBe(true);
      expect(rec.ledgerTotalOre).toBe(rec.pooledOre + rec.excludedOre + rec.uncodedOre);
      for (const p of r.pools.filter((x) => x.kind === "insats" && x.volumeMicro > 0)) {
        expect(r.clients.reduce((s, cl) => s + (cl.poolsOre[p.pool] ?? 0), 0)).toBe(p.costOre);
      }
      // Every input row is counted or set aside with a problem naming it, and the sums agree.
      expect(rowInvariantFailures(c.input, r)).toEqual([]);
      c.check?.(r);
      // Results and JSON can be produced and carry no personnummer.
      const sheets = resultSheets(r, r.benchmark);
      expect(findPersonalIdentityNumbersInLayouts(sheets)).toEqual([]);
      expect(findPersonalIdentityNumbersInJson(resultJson(r))).toEqual([]);
    }
  });
});
