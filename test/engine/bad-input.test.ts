/**
 * Bad input: one test per kind of problem the engine reports. Each names the problem's code,
 * severity, table, sheet row (header = row 1 unless firstRow says otherwise) and column, and
 * runKpb must return (never throw).
 */
import fc from "fast-check";
import { resultJson, resultSheets } from "../../src/layouts";
import type { CellValue, Problem, RunOutcome, WorkbookInput } from "../../src/engine/model";
import { runKpb, type RunOptions } from "../../src/engine/run";
import {
  byAnsvar,
  CLIENTS_HEADER,
  codes,
  describeProblems,
  intervention,
  LEDGER_HEADER,
  pool,
  runOk,
  support,
  workbook,
  type Row,
  type Tables,
  smallMunicipality,
} from "./helpers";

/**
 * A small valid workbook. Sheet rows:
 *   Ekonomi  2: OH 1 000, 3: HT 10 000, 4: SABO 20 000
 *   Kodning  2: 1100 → OH, 3: 6110 → HT, 4: 6210 → SABO
 *   Pooler   2: OH (stöd, kostnad, *), 3: HT (Hemtjänst), 4: SABO (Särskilt boende)
 *   Brukare  2: A → HT 10 h, 3: B → SABO 30 dygn
 *   Befolkning for the four default age groups
 */
const base = smallMunicipality;

/** runKpb, failing the test if it throws. */
function run(input: WorkbookInput, options: RunOptions = {}): RunOutcome {
  let outcome: RunOutcome | undefined;
  expect(() => {
    outcome = runKpb(input, options);
  }).not.toThrow();
  return outcome!;
}

function problemsOf(outcome: RunOutcome): readonly Problem[] {
  return outcome.ok ? outcome.result.problems : outcome.problems;
}

interface Expected {
  code: string;
  severity: "error" | "warning";
  table: string;
  row: number | null;
  column: string | null;
  cell?: string;
}

/** The one problem with this code, checked field by field; errors must block the run. */
function expectProblem(outcome: RunOutcome, expected: Expected): Problem {
  const problems = problemsOf(outcome);
  const found = problems.filter((p) => p.code === expected.code);
  if (found.length !== 1) throw new Error(`expected one ${expected.code}, got:\n${describeProblems(problems)}`);
  const p = found[0];
  expect({ code: p.code, severity: p.severity, table: p.table, row: p.row, column: p.column, ...(expected.cell ? { cell: p.cell } : {}) }).toEqual(expected);
  expect(p.message.length).toBeGreaterThan(10);
  expect(p.message).not.toContain("undefined");
  if (expected.severity === "error") expect(outcome.ok).toBe(false);
  return p;
}

const warningsOnly = (outcome: RunOutcome) => {
  if (!outcome.ok) throw new Error(`run blocked:\n${describeProblems(outcome.problems)}`);
  return outcome.result;
};

describe("the base workbook is clean", () => {
  it("runs without problems", () => {
    const outcome = run(workbook(base()));
    expect(outcome.ok).toBe(true);
    expect(problemsOf(outcome)).toEqual([]);
  });
});

describe("table and column problems", () => {
  it("missing required table", () => {
    const input = workbook(base());
    delete input.Brukare;
    expectProblem(run(input), { code: "tableMissing", severity: "error", table: "Brukare", row: null, column: null });
  });

  it("required table without data rows", () => {
    const input = workbook({ ...base(), clients: [] });
    expectProblem(run(input), { code: "tableEmpty", severity: "error", table: "Brukare", row: 1, column: null });
  });

  it("no header row at all", () => {
    const input = workbook(base());
    input.Ekonomi = { rows: [["a", "b"], [1, 2]] };
    expectProblem(run(input), { code: "headerNotFound", severity: "error", table: "Ekonomi", row: 1, column: null });
  });

  it("missing required column (header on row 1)", () => {
    const input = workbook(base());
    input.Ekonomi = { rows: [["Ansvar", "Verksamhet", "Belopp"], ["6110", "511", 100]] };
    expectProblem(run(input), { code: "columnMissing", severity: "error", table: "Ekonomi", row: 1, column: "Konto" });
  });

  it("missing required column, table placed lower on the sheet (firstRow) and under a title line", () => {
    const input = workbook(base());
    // The block starts on sheet row 4 with a title line; the header is the block's second row → sheet row 5.
    input.Ekonomi = { rows: [["Huvudbok 2024"], ["Ansvar", "Verksamhet", "Belopp"], ["6110", "511", 100]], firstRow: 4 };
    expectProblem(run(input), { code: "columnMissing", severity: "error", table: "Ekonomi", row: 5, column: "Konto" });
  });

  it("Brukare without Födelseår and Ålder", () => {
    const input = workbook(base());
    input.Brukare = { rows: [["BrukarID", "Pool", "Volym"], ["A", "HT", 10]] };
    expectProblem(run(input), { code: "columnMissing", severity: "error", table: "Brukare", row: 1, column: "Födelseår" });
  });

  it("duplicated column (Belopp and its alias Amount)", () => {
    const input = workbook(base());
    input.Ekonomi = { rows: [["Ansvar", "Verksamhet", "Konto", "Belopp", "Amount"], ["6110", "511", "5110", 1, 2]] };
    const p = expectProblem(run(input), { code: "columnDuplicated", severity: "error", table: "Ekonomi", row: 1, column: "Belopp" });
    expect(p.message).toContain("D, E");
  });
});

describe("numbers in cells", () => {
  it("text in Belopp is an error on its cell", () => {
    const t = base();
    t.ledger[1] = ["6110", "511", "5110", "tiotusen"];
    expectProblem(run(workbook(t)), { code: "notANumber", severity: "error", table: "Ekonomi", row: 3, column: "Belopp", cell: "D3" });
  });

  it("Swedish numbers `1 234,50` and `-12,5` are accepted", () => {
    const t = base();
    t.ledger.push(["6110", "511", "5110", "1 234,50"], ["6110", "511", "3510", "-12,5"], ["6110", "511", "5110", "2\u00a0000"]);
    const result = runOk(workbook(t));
    // HT: 10 000 + 1 234.50 − 12.50 + 2 000 = 13 222.00 kr
    expect(pool(result, "HT").directOre).toBe(1_322_200);
    expect(result.problems).toEqual([]);
  });

  it("ambiguous `1,234` is read but warned", () => {
    const t = base();
    t.ledger.push(["6110", "511", "5110", "1,234"]);
    const outcome = run(workbook(t));
    const p = expectProblem(outcome, { code: "ambiguousNumber", severity: "warning", table: "Ekonomi", row: 5, column: "Belopp" });
    expect(p.message).toContain("1,234");
    // Either reading may be chosen (1,234 kr or 1 234 kr), but the row is counted, not dropped.
    const direct = pool(warningsOnly(outcome), "HT").directOre;
    expect([1_000_000 + 123, 1_000_000 + 123_400]).toContain(direct);
  });

  it("more than two decimals in an amount are rounded and warned", () => {
    const t = base();
    t.ledger.push(["6110", "511", "5110", "10,3456"]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "tooManyDecimals", severity: "warning", table: "Ekonomi", row: 5, column: "Belopp" });
    expect(pool(warningsOnly(outcome), "HT").directOre).toBe(1_000_000 + 1_035);
  });

  it("an implausibly large amount is an error", () => {
    const t = base();
    t.ledger.push(["6110", "511", "5110", 2e12]);
    expectProblem(run(workbook(t)), { code: "amountTooLarge", severity: "error", table: "Ekonomi", row: 5, column: "Belopp" });
  });

  it("amounts too large to sum exactly stop the run as moneyOverflow", () => {
    const t = base();
    // 100 rows of 990 000 000 000 kr (9.9e13 öre each) sum to 9.9e15 öre > 2^53.
    for (let i = 0; i < 100; i++) t.ledger.push(["6110", "511", "5110", 990_000_000_000]);
    expectProblem(run(workbook(t)), { code: "moneyOverflow", severity: "error", table: "Körning", row: null, column: null });
  });

  it("a required code cell left empty", () => {
    const t = base();
    t.ledger[1] = ["", "511", "5110", 100];
    expectProblem(run(workbook(t)), { code: "requiredEmpty", severity: "error", table: "Ekonomi", row: 3, column: "Ansvar" });
  });

  it("a totals row at the end of an extract is skipped", () => {
    const t = base();
    t.ledger.push(["Summa", null, null, 31_000]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "totalsRowSkipped", severity: "warning", table: "Ekonomi", row: 5, column: null });
    // 1 000 + 10 000 + 20 000: the 31 000 of the totals row is not counted twice.
    expect(warningsOnly(outcome).reconciliation.ledgerTotalOre).toBe(3_100_000);
  });

  it("ledger rows of another year are left out and counted", () => {
    const input = workbook(base());
    input.Ekonomi = {
      rows: [["År", ...LEDGER_HEADER], [2024, "1100", "100", "5110", 1000], [2024, "6110", "511", "5110", 10_000], [2024, "6210", "512", "5110", 20_000], [2023, "6110", "511", "5110", 99]],
    };
    const outcome = run(input);
    const p = expectProblem(outcome, { code: "otherYearRows", severity: "warning", table: "Ekonomi", row: 5, column: "År" });
    expect(p.params.count).toBe(1);
    expect(p.message.replace(/\u00a0/g, " ")).toContain("99,00 kr");
    const rec = warningsOnly(outcome).reconciliation;
    expect(rec.ledgerTotalOre).toBe(3_100_000);
    expect(rec.setAside).toEqual([{ table: "Ekonomi", reason: "otherYear", year: 2023, rows: [5], amountOre: 9_900, volumeMicro: 0 }]);
    expect(rec.rowCounts.Ekonomi).toEqual({ read: 4, counted: 3, readSum: 3_109_900, countedSum: 3_100_000 });
  });
});

describe("coding rules", () => {
  it("unknown pool in Kodning Till", () => {
    const t = base();
    t.rules.push(byAnsvar("7777", "HT_X"));
    const p = expectProblem(run(workbook(t)), { code: "unknownTarget", severity: "error", table: "Kodning", row: 5, column: "Till" });
    expect(p.message).toContain("HT_X");
  });

  it("a pattern that cannot be read", () => {
    const t = base();
    t.rules.push(["", "", "", "5*1*", "HT", ""]);
    expectProblem(run(workbook(t)), { code: "badPattern", severity: "error", table: "Kodning", row: 5, column: "Konto" });
  });

  it("an exclusion without a reason", () => {
    const t = base();
    t.rules.push(["9*", "", "", "", "EXKL", ""]);
    t.ledger.push(["9100", "1", "8400", 5]);
    expectProblem(run(workbook(t)), { code: "exclusionWithoutReason", severity: "warning", table: "Kodning", row: 5, column: "Orsak" });
  });

  it("a rule that matches nothing", () => {
    const t = base();
    t.rules.push(byAnsvar("7777", "HT"));
    expectProblem(run(workbook(t)), { code: "unusedRule", severity: "warning", table: "Kodning", row: 5, column: "Till" });
  });

  it("a ledger row no rule matches", () => {
    const t = base();
    t.ledger.push(["4242", "1", "5110", 7]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "uncodedRow", severity: "warning", table: "Ekonomi", row: 5, column: "Konto" });
    expect(warningsOnly(outcome).reconciliation.uncodedOre).toBe(700);
  });
});

describe("pools and keys", () => {
  it("the same pool twice", () => {
    const t = base();
    t.pools.push(intervention("HT", "Hemtjänst"));
    expectProblem(run(workbook(t)), { code: "duplicatePool", severity: "error", table: "Pooler", row: 5, column: "Pool" });
  });

  it("Regi neither egen nor annan", () => {
    const t = base();
    t.pools[1] = ["HT", "Hemtjänst", "", "kommunal", "insats", null, null, null];
    expectProblem(run(workbook(t)), { code: "badRegi", severity: "error", table: "Pooler", row: 3, column: "Regi" });
  });

  it("Typ neither insats nor stöd", () => {
    const t = base();
    t.pools[1] = ["HT", "Hemtjänst", "", "egen", "drift", null, null, null];
    expectProblem(run(workbook(t)), { code: "badPoolType", severity: "error", table: "Pooler", row: 3, column: "Typ" });
  });

  it("Fördelning not kostnad, volym or andel", () => {
    const t = base();
    t.pools[0] = ["OH", "Overhead", "", "egen", "stöd", "yta", "*", null];
    expectProblem(run(workbook(t)), { code: "badKeyMethod", severity: "error", table: "Pooler", row: 2, column: "Fördelning" });
  });

  it("support pool without Fördelning", () => {
    const t = base();
    t.pools[0] = ["OH", "Overhead", "", "egen", "stöd", null, "*", null];
    expectProblem(run(workbook(t)), { code: "supportWithoutKey", severity: "error", table: "Pooler", row: 2, column: "Fördelning" });
  });

  it("pool in Brukare missing in Pooler", () => {
    const t = base();
    t.clients.push(["C", 1940, "NOPE", 5, "2024-02"]);
    const p = expectProblem(run(workbook(t)), { code: "clientPoolUnknown", severity: "error", table: "Brukare", row: 4, column: "Pool" });
    expect(p.message).toContain("NOPE");
  });

  it("client volume on a support pool", () => {
    const t = base();
    t.clients.push(["C", 1940, "OH", 5, "2024-02"]);
    expectProblem(run(workbook(t)), { code: "clientPoolIsSupport", severity: "error", table: "Brukare", row: 4, column: "Pool" });
  });

  it("support pool allocating upward (step-down)", () => {
    const t = base();
    // HT, then OH naming HT above it.
    t.pools = [intervention("HT", "Hemtjänst"), support("OH", "kostnad", "HT, SABO"), intervention("SABO", "Särskilt boende")];
    expectProblem(run(workbook(t)), { code: "receiverAbove", severity: "error", table: "Pooler", row: 3, column: "Mottagare" });
  });

  it("support pool allocating to itself", () => {
    const t = base();
    t.pools[0] = support("OH", "kostnad", "OH, HT");
    expectProblem(run(workbook(t)), { code: "receiverSelf", severity: "error", table: "Pooler", row: 2, column: "Mottagare" });
  });

  it("support pool naming an unknown receiver", () => {
    const t = base();
    t.pools[0] = support("OH", "kostnad", "HT; NOPE");
    expectProblem(run(workbook(t)), { code: "receiverUnknown", severity: "error", table: "Pooler", row: 2, column: "Mottagare" });
  });

  it("support pool with no receivers below it: the message names the cause (it stands last)", () => {
    const t = base();
    t.pools = [intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende"), support("OH", "kostnad", "*")];
    expectProblem(run(workbook(t)), { code: "noPoolsBelow", severity: "error", table: "Pooler", row: 4, column: "Mottagare" });
  });

  it("support pool keyed by volume whose receivers have none", () => {
    const t = base();
    t.pools.push(intervention("LARM", "Trygghetslarm"));
    t.pools[0] = support("OH", "volym", "LARM");
    expectProblem(run(workbook(t)), { code: "noReceivers", severity: "error", table: "Pooler", row: 2, column: "Mottagare" });
  });

  it("reciprocal: a support pool with only received cost and nowhere to send it", () => {
    // S2 has no direct cost but gets half of S1; its only receiver LARM has no volume. The cost
    // would vanish: reported like step-down does (engine fix: it used to fail inside the rounding).
    const t = base();
    t.pools = [support("OH", "andel", ""), support("S2", "volym", "LARM"), intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende"), intervention("LARM", "Trygghetslarm")];
    t.keys = [["OH", "S2", 0.5], ["OH", "HT", 0.5]];
    for (const method of ["stegvis", "reciprok"] as const) {
      expectProblem(run(workbook(t), { overrides: { allocationMethod: method } }), {
        code: "noReceivers",
        severity: "error",
        table: "Pooler",
        row: 3,
        column: "Mottagare",
      });
    }
  });

  it("reciprocal: support pools that only serve each other", () => {
    const t = base();
    t.pools = [support("OH", "andel", ""), support("S2", "andel", ""), intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende")];
    t.rules.push(byAnsvar("1200", "S2"));
    t.keys = [["OH", "S2", 1], ["S2", "OH", 1]];
    expectProblem(run(workbook(t), { overrides: { allocationMethod: "reciprok" } }), {
      code: "reciprocalSingular",
      severity: "error",
      table: "Pooler",
      row: 2,
      column: "Mottagare",
    });
  });

  it("andel keys not summing to 1", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "");
    t.keys = [["OH", "HT", 0.5], ["OH", "SABO", "40 %"]];
    const p = expectProblem(run(workbook(t)), { code: "keySharesSum", severity: "error", table: "Nycklar", row: 2, column: "Andel" });
    expect(p.message).toMatch(/0[.,]9\b/); // 0.5 + 40 % = 0,9
  });

  it("andel without any key rows", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "");
    expectProblem(run(workbook(t)), { code: "keyMissing", severity: "error", table: "Pooler", row: 2, column: "Fördelning" });
  });

  it("a key to a pool that does not exist", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "");
    t.keys = [["OH", "HT", 0.5], ["OH", "NOPE", 0.5]];
    expectProblem(run(workbook(t)), { code: "keyUnknownPool", severity: "error", table: "Nycklar", row: 3, column: "Till" });
  });

  it("key rows for a pool that does not exist are shown, not ignored", () => {
    const t = base();
    t.keys = [["OHX", "HT", 1]];
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "keyUnknownPool", severity: "warning", table: "Nycklar", row: 2, column: "Från" });
    expect(outcome.ok).toBe(true);
  });

  it("key rows for a pool not allocated by andel are shown, not ignored", () => {
    const t = base();
    t.keys = [["OH", "HT", 1]]; // OH is keyed by kostnad
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "keyNotSupport", severity: "warning", table: "Nycklar", row: 2, column: "Från" });
    expect(outcome.ok).toBe(true);
  });

  it("a negative share", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "");
    t.keys = [["OH", "HT", 1.1], ["OH", "SABO", -0.1]];
    expectProblem(run(workbook(t)), { code: "negativeShare", severity: "error", table: "Nycklar", row: 3, column: "Andel" });
  });

  it("a receiver with negative direct cost gets no share of a kostnad key", () => {
    const t = base();
    t.pools.push(intervention("LARM", "Trygghetslarm"));
    t.rules.push(byAnsvar("6510", "LARM"));
    t.ledger.push(["6510", "515", "3410", -500]);
    t.clients.push(["C", 1940, "LARM", 12, "2024-01"]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "negativeKeyWeight", severity: "warning", table: "Pooler", row: 5, column: "Pool" });
    // OH 1 000 kr split by direct cost HT 10 000 : SABO 20 000 : LARM 0 → 333.33 / 666.67 / 0
    const result = warningsOnly(outcome);
    expect(pool(result, "LARM").allocatedOre).toBe(0);
    expect(pool(result, "HT").allocatedOre + pool(result, "SABO").allocatedOre).toBe(100_000);
  });

  it("pool with cost and no volume", () => {
    const t = base();
    t.pools.push(intervention("LARM", "Trygghetslarm"));
    t.rules.push(byAnsvar("6510", "LARM"));
    t.ledger.push(["6510", "515", "5110", 500]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "poolWithoutVolume", severity: "warning", table: "Pooler", row: 5, column: "Pool" });
    const r = warningsOnly(outcome).reconciliation;
    // LARM carries 500 + its share of OH (1 000 × 500/30 500 = 16.39 kr, rounded by largest remainder).
    expect(r.withoutVolumeOre).toBe(pool(warningsOnly(outcome), "LARM").costOre);
    expect(r.toClientsOre + r.withoutVolumeOre).toBe(r.pooledOre);
  });

  it("pool with volume and no cost", () => {
    const t = base();
    t.pools.push(intervention("LARM", "Trygghetslarm"));
    t.clients.push(["C", 1940, "LARM", 12, "2024-01"]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "poolWithoutCost", severity: "warning", table: "Pooler", row: 5, column: "Pool" });
  });

  it("residential days over places × days in the year", () => {
    const t = base();
    t.pools[2] = intervention("SABO", "Särskilt boende", "egen", 1);
    t.clients.push(["C", 1940, "SABO", 400, "2024-02"]); // 30 + 400 = 430 > 1 × 366 (2024)
    const p = expectProblem(run(workbook(t)), { code: "capacityExceeded", severity: "warning", table: "Pooler", row: 4, column: "Platser" });
    expect(p.params.capacity).toBe(366);
  });

  it("an intervention missing from the catalogue", () => {
    const t = base();
    t.pools[1] = intervention("HT", "Fotvård"); // "Hemtjänst plus" is hemtjänst by the synonym rule
    expectProblem(run(workbook(t)), { code: "insatsNotInCatalogue", severity: "warning", table: "Pooler", row: 3, column: "Insats" });
  });

  it("an unknown area in the workbook's catalogue", () => {
    const t = { ...base(), catalogue: [["Hemtjänst", "Vård", "timmar", ""]] as Row[] };
    expectProblem(run(workbook(t)), { code: "unknownArea", severity: "error", table: "Insatskatalog", row: 2, column: "Område" });
  });
});

describe("client rows", () => {
  it("negative volume", () => {
    const t = base();
    t.clients.push(["C", 1940, "HT", -5, "2024-02"]);
    expectProblem(run(workbook(t)), { code: "negativeVolume", severity: "error", table: "Brukare", row: 4, column: "Volym" });
  });

  it("zero volume", () => {
    const t = base();
    t.clients.push(["C", 1940, "HT", 0, "2024-02"]);
    expectProblem(run(workbook(t)), { code: "zeroVolume", severity: "warning", table: "Brukare", row: 4, column: "Volym" });
  });

  it("volume with more than six decimals", () => {
    const t = base();
    t.clients.push(["C", 1940, "HT", "1,0000004", "2024-02"]);
    expectProblem(run(workbook(t)), { code: "volumePrecision", severity: "warning", table: "Brukare", row: 4, column: "Volym" });
  });

  it("period outside the year", () => {
    const t = base();
    t.clients.push(["C", 1940, "HT", 1000, "2023-12"]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "periodOutsideYear", severity: "warning", table: "Brukare", row: 4, column: "Period" });
    // The row is not counted: HT keeps A's 10 h only.
    expect(pool(warningsOnly(outcome), "HT").volumeMicro).toBe(10_000_000);
  });

  it("the same client, pool and period twice", () => {
    const t = base();
    t.clients.push(["A", 1940, "HT", 5, "2024-01"]);
    const outcome = run(workbook(t));
    const p = expectProblem(outcome, { code: "duplicateClientRow", severity: "warning", table: "Brukare", row: 4, column: "Period" });
    expect(p.message).toContain("rad 2");
    expect(pool(warningsOnly(outcome), "HT").volumeMicro).toBe(15_000_000);
  });

  it("client with two birth years", () => {
    const t = base();
    t.clients.push(["A", 1941, "SABO", 5, "2024-02"]);
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "conflictingBirthYear", severity: "warning", table: "Brukare", row: 4, column: "Födelseår" });
    const a = warningsOnly(outcome).clients.find((c) => c.id === "A")!;
    expect(a.birthYear).toBe(1940); // the first one is used
  });

  it("an implausible birth year", () => {
    const t = base();
    t.clients.push(["C", "19x0", "HT", 5, "2024-02"]);
    expectProblem(run(workbook(t)), { code: "badBirthYear", severity: "error", table: "Brukare", row: 4, column: "Födelseår" });
  });

  it("a personnummer-looking client id appears nowhere in the results, only a pseudonym", () => {
    const pnr = "19400312-1234";
    const forms = [pnr, "194003121234", "400312-1234", "4003121234"];
    const t = base();
    t.clients = [
      [pnr, 1940, "HT", 10, "2024-01"],
      [pnr, 1940, "HT", 2, "2024-01"], // duplicate period: its message must hide the number
      [pnr, 1941, "SABO", 3, "2024-02"], // second birth year: same
      ["B", 1935, "SABO", 30, "2024-01"],
    ];
    const outcome = run(workbook(t), { pseudonymSecret: "test-secret" });
    expectProblem(outcome, { code: "personalIdentityNumber", severity: "warning", table: "Brukare", row: null, column: "BrukarID" });
    const result = warningsOnly(outcome);
    const hidden = result.clients.find((c) => c.id !== "B")!;
    expect(hidden.id).toMatch(/^B-[0-9a-f]{12}$/);
    expect(hidden.totalOre).toBeGreaterThan(0);
    const everything = [
      JSON.stringify(result, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v)),
      JSON.stringify(resultJson(result)),
      JSON.stringify(resultSheets(result, result.benchmark)),
      result.problems.map((p) => p.message).join("\n"),
    ].join("\n");
    for (const form of forms) expect(everything).not.toContain(form);
    expect(everything).toContain(hidden.id);
    // The same secret gives the same pseudonym (stable across refreshes).
    const again = warningsOnly(run(workbook(t), { pseudonymSecret: "test-secret" }));
    expect(again.clients.map((c) => c.id)).toEqual(result.clients.map((c) => c.id));
  });
});

describe("settings and population", () => {
  it("an unknown setting", () => {
    const t = { ...base(), settings: [["Färgtema", "blå"]] as Row[] };
    expectProblem(run(workbook(t)), { code: "unknownSetting", severity: "warning", table: "Inställningar", row: 3, column: "Inställning" });
  });

  it("a setting with a bad value keeps the default", () => {
    const t = { ...base(), settings: [["Fördelningsmetod", "slumpvis"]] as Row[] };
    const outcome = run(workbook(t));
    expectProblem(outcome, { code: "badSetting", severity: "warning", table: "Inställningar", row: 3, column: "Värde" });
    expect(warningsOnly(outcome).settings.allocationMethod).toBe("stegvis");
  });

  it("an unreadable age group in Befolkning", () => {
    const t = { ...base(), population: [["gamla", 100]] as Row[] };
    expectProblem(run(workbook(t)), { code: "unknownAgeGroup", severity: "error", table: "Befolkning", row: 2, column: "Åldersgrupp" });
  });

  it("population missing for an age group that has clients", () => {
    // A (b. 1940) and B (b. 1935) are both 80-w; Befolkning only has 65-79.
    const t = { ...base(), population: [["65-79", 1000]] as Row[] };
    const p = expectProblem(run(workbook(t)), { code: "populationMissing", severity: "warning", table: "Befolkning", row: null, column: "Antal" });
    expect(p.message).toContain("80-w");
  });
});

describe("runKpb never throws", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.constantFrom("", " ", "Summa", "HT", "OH", "SABO", "1 234,50", "1,234", "-12,5", "2024-13", "EXKL", "*", "51*", "5000-5999", "19400312-1234", "#N/A", "stöd", "andel", "NaN", "1e400"),
    fc.string({ maxLength: 8 }),
    fc.date({ noInvalidDate: false }),
  );
  const rows = (header: Row) => fc.array(fc.array(cell, { maxLength: header.length + 1 }), { maxLength: 6 }).map((body) => [header, ...body]);

  it("on random cells in every table", () => {
    fc.assert(
      fc.property(
        rows(LEDGER_HEADER),
        rows(["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"]),
        rows(["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"]),
        rows(["Från", "Till", "Andel"]),
        rows(CLIENTS_HEADER),
        rows(["Inställning", "Värde"]),
        fc.constantFrom<"stegvis" | "reciprok">("stegvis", "reciprok"),
        (ekonomi, kodning, pooler, nycklar, brukare, installningar, method) => {
          const input: WorkbookInput = {
            Ekonomi: { rows: ekonomi },
            Kodning: { rows: kodning },
            Pooler: { rows: pooler },
            Nycklar: { rows: nycklar },
            Brukare: { rows: brukare },
            Inställningar: { rows: installningar },
          };
          const outcome = run(input, { overrides: { allocationMethod: method } });
          const problems = problemsOf(outcome);
          expect(codes(problems)).not.toContain("internalError");
          for (const p of problems) expect(typeof p.message).toBe("string");
          if (outcome.ok) expect(outcome.result.reconciliation.balanced).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
