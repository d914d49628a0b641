/**
 * Every row accounted for: no Ekonomi or Brukare row is left out without a problem that names it
 * and its amount or volume, rows set aside are summed per reason on KPB Avstämning (rows read =
 * counted + set aside, to the öre and to the volume), and input is coded as the user wrote it.
 * One describe per class of defect.
 */
import { Dec } from "../../src/engine/decimal";
import { resultJson, resultSheets, rowAccountBlock } from "../../src/layouts";
import type { KpbResult, Problem, RunOutcome, WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { findPersonalIdentityNumbersInJson, findPersonalIdentityNumbersInLayouts } from "../reliability/pnr-scan";
import { byAnsvar, describeProblems, intervention, pool, runOk, support, workbook, YEAR, smallMunicipality, type Tables } from "./helpers";

/** Ekonomi rows 2–4: OH 1 000, HT 10 000, SABO 20 000; Brukare rows 2–3: A 10 h, B 30 dygn. */
/** The small municipality without Befolkning (the row checks need none). */
function base(): Tables {
  const { population: _population, ...rest } = smallMunicipality();
  return rest;
}

const problemsOf = (o: RunOutcome): readonly Problem[] => (o.ok ? o.result.problems : o.problems);
const withCode = (o: RunOutcome, code: string) => problemsOf(o).filter((p) => p.code === code);

/** The row-account block of KPB Avstämning as { "Tabell|Post": [rader, belopp, volym] }. */
function accountLines(result: KpbResult): Record<string, unknown[]> {
  return Object.fromEntries(rowAccountBlock(result).rows.map((r) => [`${r[0]}|${r[1]}`, r.slice(2)]));
}

describe("class 1: rows outside the year are never dropped in silence", () => {
  it("a Brukare row whose År is the run year but whose Period is not is set aside with a warning naming its volume", () => {
    const input = workbook(base());
    input.Brukare = {
      rows: [
        ["BrukarID", "Födelseår", "Pool", "Volym", "Period", "År"],
        ["A", 1940, "HT", 10, "2024-01", 2024],
        ["B", 1935, "SABO", 30, "2024-01", 2024],
        ["A", 1940, "HT", 7.5, "2023-12", 2024],
      ],
      sheet: "Brukare",
    };
    const outcome = runKpb(input);
    const [p] = withCode(outcome, "periodOutsideYear");
    expect(p).toMatchObject({ table: "Brukare", row: 4, column: "Period", severity: "warning" });
    expect(p.message).toContain("volym 7,5");
    const r = runOk(input);
    expect(pool(r, "HT").volumeMicro).toBe(10_000_000);
    expect(r.reconciliation.setAside).toEqual([{ table: "Brukare", reason: "periodOutsideYear", year: 2023, rows: [4], amountOre: 0, volumeMicro: 7_500_000 }]);
    const lines = accountLines(r);
    expect(lines["Brukare|Inlästa rader"]).toEqual([3, null, 47.5]);
    expect(lines["Brukare|Räknade"]).toEqual([2, null, 40]);
    expect(lines["Brukare|Lagt åt sidan: period utanför året (2023)"]).toEqual([1, null, 7.5]);
    expect(lines["Brukare|Differens (ska vara 0)"]).toEqual([0, null, 0]);
  });

  it("Ekonomi rows of other years are summed per year on KPB Avstämning: read = counted + set aside, to the öre", () => {
    const input = workbook(base());
    input.Ekonomi = {
      rows: [
        ["År", "Ansvar", "Verksamhet", "Konto", "Belopp"],
        [2024, "1100", "100", "5110", 1000],
        [2024, "6110", "511", "5110", 10_000],
        [2024, "6210", "512", "5110", 20_000],
        [2023, "6110", "511", "5110", 99.99],
        [2022, "6110", "511", "5110", 0.01],
        [2023, "6110", "511", "5110", 100],
      ],
    };
    const r = runOk(input);
    const warnings = r.problems.filter((p) => p.code === "otherYearRows");
    expect(warnings.map((p) => [p.row, p.params.otherYear, p.params.count])).toEqual([
      [5, 2023, 2],
      [6, 2022, 1],
    ]);
    expect(warnings[0].message.replace(/\u00a0/g, " ")).toContain("199,99 kr");
    const lines = accountLines(r);
    expect(lines["Ekonomi|Inlästa rader"]).toEqual([6, 31_200, null]);
    expect(lines["Ekonomi|Räknade (Ekonomi totalt)"]).toEqual([3, 31_000, null]);
    expect(lines["Ekonomi|Lagt åt sidan: andra år (2023)"]).toEqual([2, 199.99, null]);
    expect(lines["Ekonomi|Lagt åt sidan: andra år (2022)"]).toEqual([1, 0.01, null]);
    expect(lines["Ekonomi|Differens (ska vara 0)"]).toEqual([0, 0, null]);
    expect(r.reconciliation.balanced).toBe(true);
    const json = resultJson(r).reconciliation;
    expect(json.rows.Ekonomi).toEqual({ read: 6, counted: 3, readAmount: "31200.00", countedAmount: "31000.00" });
    expect(json.setAside).toEqual([
      { table: "Ekonomi", reason: "otherYear", year: 2023, rows: 2, firstRow: 5, amount: "199.99" },
      { table: "Ekonomi", reason: "otherYear", year: 2022, rows: 1, firstRow: 6, amount: "0.01" },
    ]);
  });

  it("the row-account block is on KPB Avstämning", () => {
    const r = runOk(workbook(base()));
    const sheet = resultSheets(r, [])!.find((s) => s.name === "KPB Avstämning")!;
    expect(sheet.blocks.map((b) => b.tableName)).toContain("KPB_Inlasta_rader");
  });
});

describe("class 2: a ledger row with codes is ledger, whatever its Text; a totals row is one without codes", () => {
  it("numeric codes with Text 'Summa personal' are counted", () => {
    const input = workbook(base());
    input.Ekonomi = {
      rows: [
        ["Ansvar", "Verksamhet", "Konto", "Belopp", "Text"],
        [1100, 100, 5110, 1000, "Summa personal"],
        [6110, 511, 5110, 10_000, "Total"],
        [6210, 512, 5110, 20_000, "Totalt:"],
      ],
    };
    const r = runOk(input);
    expect(r.reconciliation.ledgerTotalOre).toBe(3_100_000);
    expect(r.problems.filter((p) => p.code === "totalsRowSkipped")).toEqual([]);
    expect(pool(r, "SABO").directOre).toBe(2_000_000);
  });

  it("a row without codes is set aside as a totals row, named with its amount, and summed on Avstämning", () => {
    const t = base();
    t.ledger.push([null, null, null, 31_000]);
    t.ledger.push(["Summa", null, null, "31 000,50"]);
    const r = runOk(workbook(t));
    const totals = r.problems.filter((p) => p.code === "totalsRowSkipped");
    expect(totals.map((p) => [p.table, p.row])).toEqual([
      ["Ekonomi", 5],
      ["Ekonomi", 6],
    ]);
    expect(totals[0].message.replace(/\u00a0/g, " ")).toContain("31 000,00 kr");
    expect(totals[1].message).toContain('"Summa" i en kodkolumn');
    expect(r.reconciliation.ledgerTotalOre).toBe(3_100_000);
    expect(accountLines(r)["Ekonomi|Lagt åt sidan: summeringsrader (utan koder)"]).toEqual([2, 62_000.5, null]);
    expect(accountLines(r)["Ekonomi|Differens (ska vara 0)"]).toEqual([0, 0, null]);
  });

  it("'Summa' where a code belongs (a subtotal per account) is a totals row, not ledger", () => {
    const t = base();
    t.ledger.push(["Summa", "", "5110", 31_000]);
    const r = runOk(workbook(t));
    expect(r.problems.filter((p) => p.code === "totalsRowSkipped").map((p) => p.row)).toEqual([5]);
    expect(r.reconciliation.ledgerTotalOre).toBe(3_100_000);
  });

  it("a Brukare subtotal with BrukarID 'Summa' and a Pool is not a client called Summa", () => {
    const t = base();
    t.clients.push(["Summa", null, "HT", 10, null]);
    const r = runOk(workbook(t));
    expect(r.clients.map((c) => c.id)).toEqual(["A", "B"]);
    expect(pool(r, "HT").volumeMicro).toBe(10_000_000);
    expect(r.problems.filter((p) => p.code === "totalsRowSkipped").map((p) => [p.table, p.row])).toEqual([["Brukare", 4]]);
  });

  it("a Brukare row without BrukarID and Pool is a totals row, named with its volume", () => {
    const t = base();
    t.clients.push(["Summa", null, null, 40, null]);
    const r = runOk(workbook(t));
    const [p] = r.problems.filter((x) => x.code === "totalsRowSkipped");
    expect(p).toMatchObject({ table: "Brukare", row: 4 });
    expect(p.message).toContain("volym 40");
    expect(accountLines(r)["Brukare|Lagt åt sidan: summeringsrader (utan koder)"]).toEqual([1, null, 40]);
  });
});

describe("class 8: amounts with more than two decimals warn for number cells as for text", () => {
  it("1234.567 as a number is rounded to 1 234,57 with the same warning as text", () => {
    for (const cell of [1234.567, "1234,567"]) {
      const t = base();
      t.ledger.push(["6110", "511", "5110", cell]);
      const r = runOk(workbook(t));
      const [p] = r.problems.filter((x) => x.code === "tooManyDecimals");
      expect(p).toMatchObject({ table: "Ekonomi", row: 5, column: "Belopp" });
      expect(p.message.replace(/\u00a0/g, " ")).toContain("avrundats till 1 234,57 kr");
      expect(pool(r, "HT").directOre).toBe(1_000_000 + 123_457);
    }
  });

  it("binary noise from a sum (0.1 + 0.2) is no extra decimal", () => {
    const t = base();
    t.ledger.push(["6110", "511", "5110", 0.1 + 0.2]);
    const r = runOk(workbook(t));
    expect(r.problems.filter((x) => x.code === "tooManyDecimals")).toEqual([]);
    expect(pool(r, "HT").directOre).toBe(1_000_030);
  });
});

describe("class 11: coding on the original values; pseudonyms only where written out", () => {
  it("a ten-digit Aktivitet that looks like a personnummer is coded by its prefix rule, and never written out", () => {
    const input = workbook({
      ...base(),
      rules: [["", "", "4503*", "", "SABO", ""], byAnsvar("1100", "OH"), byAnsvar("6110", "HT"), byAnsvar("6210", "SABO")],
    });
    input.Ekonomi = {
      rows: [
        ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp"],
        ["1100", "100", "", "5110", 1000],
        ["6110", "511", "4503121234", "5110", 10_000],
        ["6210", "512", "", "5110", 20_000],
      ],
      sheet: "Ekonomi",
    };
    const r = runOk(input, { pseudonymSecret: "test" });
    // The prefix rule (first) codes the HT row to SABO, as written.
    expect(pool(r, "SABO").directOre).toBe(3_000_000);
    expect(pool(r, "HT").directOre).toBe(0);
    expect(r.problems.map((p) => p.code)).toContain("personalDataInCells");
    const codes = r.trace!.ledger.codes.map((c) => c.aktivitet);
    expect(codes).not.toContain("4503121234");
    expect(codes.some((c) => /^B-[0-9a-f]{12}$/.test(c))).toBe(true);
    expect(r.trace!.rules[0].aktivitet).toBe("4503*");
    expect(findPersonalIdentityNumbersInLayouts(resultSheets(r, r.benchmark))).toEqual([]);
    expect(findPersonalIdentityNumbersInJson(resultJson(r))).toEqual([]);
  });
});

describe("issue 21 class 5: a blank Födelseår is a problem with the row", () => {
  it("warns on the row and says the client falls in 'okänd'", () => {
    const t = base();
    t.clients[1] = ["B", null, "SABO", 30, "2024-01"];
    const r = runOk(workbook(t));
    const [p] = r.problems.filter((x) => x.code === "birthYearEmpty");
    expect(p).toMatchObject({ table: "Brukare", row: 3, column: "Födelseår", severity: "warning" });
    expect(p.message).toContain("okänd");
  });
});

describe("issue 21 class 10: År that is not a year is a problem with the row, and the row is not counted", () => {
  it.each([
    ["blank", null, ""],
    ["2024/25", "2024/25", "2024/25"],
    ["a date cell", new Date(Date.UTC(2024, 0, 1)), "2024-01-01"],
    ["a two-digit year", 24, "24"],
  ])("Ekonomi År %s", (_name, cell, shown) => {
    const input = workbook(base());
    input.Ekonomi = {
      rows: [
        ["År", "Ansvar", "Verksamhet", "Konto", "Belopp"],
        [2024, "1100", "100", "5110", 1000],
        [cell, "6110", "511", "5110", 10_000],
        [2024, "6210", "512", "5110", 20_000],
      ],
    };
    const outcome = runKpb(input);
    expect(outcome.ok).toBe(false);
    const [p] = withCode(outcome, "badYear");
    expect(p).toMatchObject({ table: "Ekonomi", row: 3, column: "År", severity: "error" });
    if (shown) expect(p.message).toContain(`"${shown}"`);
  });

  it("Brukare År '2024/25' stops the run on that row", () => {
    const input = workbook(base());
    input.Brukare = {
      rows: [
        ["BrukarID", "Födelseår", "Pool", "Volym", "År"],
        ["A", 1940, "HT", 10, 2024],
        ["B", 1935, "SABO", 30, "2024/25"],
      ],
    };
    const outcome = runKpb(input);
    expect(outcome.ok).toBe(false);
    expect(withCode(outcome, "badYear")[0]).toMatchObject({ table: "Brukare", row: 3, column: "År" });
  });
});

describe("more of the kind: inputs silently reinterpreted", () => {
  it("a Period that is a bare year (2024) is not read as a day in 1905", () => {
    const t = base();
    t.clients[0] = ["A", 1940, "HT", 10, 2024];
    const outcome = runKpb(workbook(t));
    expect(outcome.ok).toBe(false);
    const [p] = withCode(outcome, "notANumber");
    expect(p).toMatchObject({ table: "Brukare", row: 2, column: "Period" });
    expect(p.message).toContain("Ett år räcker inte");
  });

  it("a Jämförelse row whose År is no year is left out with a warning, not used for every year", () => {
    const input = workbook(base());
    input.Jämförelse = { rows: [["Nyckeltal", "Värde", "År"], ["hemtjanst_egen_kr_timme", 500, "2023/24"]], sheet: "Jämförelse" };
    const r = runOk(input);
    expect(r.benchmark).toEqual([]);
    expect(r.problems.filter((p) => p.code === "benchmarkBadYear").map((p) => [p.table, p.row, p.column])).toEqual([["Jämförelse", 2, "År"]]);
  });
});

describe("issue 21 class 14: messages and outcomes that mislead", () => {
  it("a volume typed as a time cell names the time, not a date", () => {
    const t = base();
    t.clients[0] = ["A", 1940, "HT", new Date(Date.UTC(1899, 11, 30, 3, 30)), "2024-01"];
    const outcome = runKpb(workbook(t));
    expect(outcome.ok).toBe(false);
    const [p] = withCode(outcome, "volumeIsTime");
    expect(p).toMatchObject({ table: "Brukare", row: 2, column: "Volym" });
    expect(p.message).toContain("03:30");
    expect(p.message).toContain("3,5");
    expect(p.message).not.toContain("1899");
  });

  it("an År setting that no row has stops the run, naming the years found", () => {
    const t = base();
    t.clients = t.clients.map((r) => [...r.slice(0, 4), "2025-01"]);
    const input = workbook(t);
    input.Ekonomi = { rows: [["År", "Ansvar", "Verksamhet", "Konto", "Belopp"], ...t.ledger.map((r) => [2025, ...r])] };
    const outcome = runKpb(input);
    expect(outcome.ok).toBe(false);
    const found = withCode(outcome, "yearNotInData");
    expect(found.map((p) => p.table).sort()).toEqual(["Brukare", "Ekonomi"]);
    for (const p of found) {
      expect(p.severity).toBe("error");
      expect(p.message).toContain(String(YEAR));
      expect(p.message).toContain("2025");
    }
  });
});

describe("also: unit costs in JSON from the exact value", () => {
  it("a pool's JSON unit cost is cost ÷ volume to twelve decimals", () => {
    const t = base();
    t.clients[0] = ["A", 1940, "HT", 3, "2024-01"];
    const r = runOk(workbook(t));
    const ht = pool(r, "HT");
    const exact = new Dec(ht.costOre).div(100).div(new Dec(ht.volumeMicro).div(1_000_000));
    const json = resultJson(r).pools.find((p) => p.pool === "HT")!;
    expect(json.unitCost).toBe(exact.toDecimalPlaces(12).toFixed(12));
  });
});

/** Helpful when a case above fails: the problems of a run. */
export function explain(input: WorkbookInput): string {
  const o = runKpb(input);
  return describeProblems(problemsOf(o));
}
