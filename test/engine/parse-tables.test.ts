import type { CellValue, TableName } from "../../src/engine/model";
import { parseClientRows, parseKeys, parseLedger, parsePools, parseReceivers, parseRules, totalsRowReason } from "../../src/engine/parse-tables";
import { calendarYearWindow } from "../../src/engine/period-window";
import { ProblemLog } from "../../src/engine/problems";
import { RowAccount } from "../../src/engine/set-aside";
import { locateTable, type LocatedTable } from "../../src/engine/table-reader";

/**
 * Reading the contract tables, one small table at a time: numbers, codes, periods, headers and
 * their aliases, totals rows, and bad cells, which become problems that name the table, the sheet
 * row and the column. Row 1 of each table is its header, so the first data row is sheet row 2.
 */

const YEAR_2024 = calendarYearWindow(2024);

function located(table: TableName, rows: CellValue[][], log = new ProblemLog()): LocatedTable {
  const t = locateTable(table, { rows, sheet: table }, log);
  if (!t) throw new Error(`${table} not located: ${log.items.map((p) => p.message).join("; ")}`);
  return t;
}

/** The problems as [code, table, row, column]: what a user needs to find the cell. */
const places = (log: ProblemLog) => log.items.map((p) => [p.code, p.table, p.row, p.column]);

describe("Ekonomi", () => {
  const header = ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text"];

  it("reads Swedish and plain numbers to the öre, and codes as text", () => {
    // "1 234,50" kr = 123 450 öre; -12,5 kr = -1 250 öre; 5110 (a number cell) is the code "5110",
    // "0420" keeps its leading zero.
    const log = new ProblemLog();
    const rows = parseLedger(
      located("Ekonomi", [header, ["0420", 511, "", 5110, "1 234,50", "Löner"], ["0420", 511, "", "4010", -12.5, "Avgift"]]),
      YEAR_2024,
      log,
    );
    expect(log.items).toEqual([]);
    expect(rows).toEqual([
      { row: 2, ansvar: "0420", verksamhet: "511", aktivitet: "", konto: "5110", amountOre: 123_450, text: "Löner" },
      { row: 3, ansvar: "0420", verksamhet: "511", aktivitet: "", konto: "4010", amountOre: -1_250, text: "Avgift" },
    ]);
  });

  it("finds its columns by their English and export names, below a title line", () => {
    // Row 1 is a title; the header on row 2 says Cost centre / Function / Account / Amount.
    const log = new ProblemLog();
    const table = located("Ekonomi", [["Huvudbok 2024"], ["Cost centre", "Function", "Account", "Amount"], ["10", "511", "5110", 100]], log);
    expect(table.headerRow).toBe(2);
    expect([...table.columns.keys()].sort()).toEqual(["Ansvar", "Belopp", "Konto", "Verksamhet"]);
    expect(parseLedger(table, YEAR_2024, log)).toEqual([{ row: 3, ansvar: "10", verksamhet: "511", aktivitet: "", konto: "5110", amountOre: 10_000, text: "" }]);
  });

  it("sets a totals row aside with a warning, its amount kept in the row account", () => {
    // Row 3 says "Summa" where the Ansvar code belongs: 1 000 kr set aside, not counted;
    // row 2 (1 000 kr) is counted.
    const log = new ProblemLog();
    const account = new RowAccount();
    const rows = parseLedger(located("Ekonomi", [header, ["10", "511", "", "5110", 1_000, ""], ["Summa", "", "", "", 1_000, ""]]), YEAR_2024, log, account);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(places(log)).toEqual([["totalsRowSkipped", "Ekonomi", 3, null]]);
    expect(account.groups).toEqual([{ table: "Ekonomi", reason: "totalsRow", year: null, rows: [3], amountOre: 100_000, volumeMicro: 0 }]);
    expect(account.counts.Ekonomi).toEqual({ read: 2, counted: 1, readSum: 200_000, countedSum: 100_000 });
  });

  it("tells a totals row from a data row by its code columns", () => {
    // Code columns 0 and 1: no code at all, a "Totalt" label, or a code.
    expect(totalsRowReason(["", "", "x", 5], [0, 1])).toBe("noCodes");
    expect(totalsRowReason(["Totalt", "", "", 5], [0, 1])).toBe("labelInCode");
    expect(totalsRowReason(["10", "", "", 5], [0, 1])).toBeNull();
  });

  it("reports a bad amount and an empty required code at their cells, and counts neither row", () => {
    const log = new ProblemLog();
    const rows = parseLedger(located("Ekonomi", [header, ["10", "511", "", "5110", "tusen", ""], ["10", "511", "", "", 5, ""]]), YEAR_2024, log);
    expect(rows).toEqual([]);
    expect(places(log)).toEqual([
      ["notANumber", "Ekonomi", 2, "Belopp"],
      ["requiredEmpty", "Ekonomi", 3, "Konto"],
    ]);
    expect(log.items.every((p) => p.severity === "error")).toBe(true);
  });

  it("reads the month of a Period column and sets aside the months outside the year", () => {
    // 2024-03 and 202406 (a number cell) are in 2024; 2023-12 is set aside (the year before);
    // "mars" is no month: an error at row 5, Period.
    const log = new ProblemLog();
    const account = new RowAccount();
    const rows = parseLedger(
      located("Ekonomi", [
        ["Ansvar", "Verksamhet", "Konto", "Belopp", "Period"],
        ["10", "511", "5110", 100, "2024-03"],
        ["10", "511", "5110", 200, 202406],
        ["10", "511", "5110", 300, "2023-12"],
        ["10", "511", "5110", 400, "mars"],
      ]),
      YEAR_2024,
      log,
      account,
    );
    expect(rows.map((r) => [r.row, r.amountOre])).toEqual([
      [2, 10_000],
      [3, 20_000],
    ]);
    expect(account.groups).toEqual([{ table: "Ekonomi", reason: "periodOutsideYear", year: 2023, rows: [4], amountOre: 30_000, volumeMicro: 0 }]);
    expect(places(log)).toEqual([
      ["periodNotAMonth", "Ekonomi", 5, "Period"],
      ["periodOutsideWindowRows", "Ekonomi", 4, "Period"],
    ]);
  });
});

describe("Brukare", () => {
  it("reads volumes to micro-units and periods per row, by the English headers too", () => {
    // 12,5 h = 12 500 000 micro-units; 3 (a number) = 3 000 000.
    const log = new ProblemLog();
    const rows = parseClientRows(
      located("Brukare", [
        ["Client id", "Birth year", "Pool", "Volume", "Period"],
        ["K1", 1940, "HT1", "12,5", "2024-01"],
        ["K2", 1950, "HT1", 3, "2024-02"],
      ]),
      YEAR_2024,
      log,
    );
    expect(log.items).toEqual([]);
    expect(rows.length).toBe(2);
    expect([...rows.row]).toEqual([2, 3]);
    expect(Array.from(rows.client, (c) => rows.text.client[c])).toEqual(["K1", "K2"]);
    expect([...rows.birthYear]).toEqual([1940, 1950]);
    expect([...rows.volumeMicro]).toEqual([12_500_000, 3_000_000]);
    expect(Array.from(rows.period, (p) => rows.text.period[p])).toEqual(["2024-01", "2024-02"]);
  });

  it("reports a volume that is no number at its cell", () => {
    const log = new ProblemLog();
    const rows = parseClientRows(located("Brukare", [["BrukarID", "Födelseår", "Pool", "Volym"], ["K1", 1940, "HT1", "många"]]), YEAR_2024, log);
    expect(rows.length).toBe(0);
    expect(places(log)).toEqual([["notANumber", "Brukare", 2, "Volym"]]);
  });
});

describe("Kodning", () => {
  it("reads patterns (exact, prefix, range, any) and EXKL", () => {
    // Row 3 excludes without a reason: a warning, and the reason "Ingen orsak angiven".
    const log = new ProblemLog();
    const rules = parseRules(
      located("Kodning", [
        ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"],
        ["10", "51*", "", "5000-5999", "HT1", ""],
        ["", "", "", "3*", "exkl", ""],
      ]),
      log,
    );
    expect(rules.map((r) => [r.row, r.order, r.ansvar, r.verksamhet, r.aktivitet, r.konto, r.target, r.reason])).toEqual([
      [2, 0, { kind: "exact", value: "10" }, { kind: "prefix", prefix: "51" }, { kind: "any" }, { kind: "range", from: "5000", to: "5999" }, "HT1", ""],
      [3, 1, { kind: "any" }, { kind: "any" }, { kind: "any" }, { kind: "prefix", prefix: "3" }, "EXKL", "Ingen orsak angiven"],
    ]);
    expect(places(log)).toEqual([["exclusionWithoutReason", "Kodning", 3, "Orsak"]]);
  });

  it("reports a rule without Till at its cell and leaves the rule out", () => {
    const log = new ProblemLog();
    const rules = parseRules(located("Kodning", [["Ansvar", "Konto", "Till"], ["10", "5*", ""]]), log);
    expect(rules).toEqual([]);
    expect(places(log)).toEqual([["requiredEmpty", "Kodning", 2, "Till"]]);
  });
});

describe("Pooler", () => {
  const header = ["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare"];

  it("reads regi, type and key in their Swedish and English words, and the receivers", () => {
    const log = new ProblemLog();
    const pools = parsePools(
      located("Pooler", [header, ["ADM", "Administration", "", "Egen", "Stöd", "Kostnad", "HT1, HT2"], ["HT1", "Hemtjänst", "Norr", "Extern", "Insats", "", ""], ["HT2", "Hemtjänst", "Söder", "in-house", "intervention", "", ""]]),
      log,
    );
    expect(log.items).toEqual([]);
    expect(pools.map((p) => [p.row, p.order, p.id, p.regi, p.kind, p.keyMethod, p.receivers])).toEqual([
      [2, 0, "ADM", "egen", "stöd", "kostnad", [{ kind: "pools", ids: ["HT1", "HT2"] }]],
      [3, 1, "HT1", "annan", "insats", null, []],
      [4, 2, "HT2", "egen", "insats", null, []],
    ]);
  });

  it("reads Mottagare: *, pool ids, Insats: and Område:", () => {
    expect(parseReceivers("*")).toEqual([{ kind: "all" }]);
    expect(parseReceivers("HT1; HT2, Insats: Hemtjänst, Område:LSS")).toEqual([
      { kind: "pools", ids: ["HT1", "HT2"] },
      { kind: "insats", insats: "Hemtjänst" },
      { kind: "area", area: "LSS" },
    ]);
  });

  it("reports a bad Regi and a repeated pool id at their cells", () => {
    const log = new ProblemLog();
    const pools = parsePools(located("Pooler", [header, ["HT1", "Hemtjänst", "", "kommunal", "Insats", "", ""], ["HT2", "Hemtjänst", "", "Egen", "Insats", "", ""], ["HT2", "Hemtjänst", "", "Egen", "Insats", "", ""]]), log);
    expect(pools.map((p) => p.id)).toEqual(["HT2"]);
    expect(places(log)).toEqual([
      ["badRegi", "Pooler", 2, "Regi"],
      ["duplicatePool", "Pooler", 4, "Pool"],
    ]);
  });
});

describe("Nycklar", () => {
  it("reads shares as fractions, or as percent when they sum to 100", () => {
    // ADM: 0,25 + 0,75 = 1 (fractions); IT: 40 + 60 = 100 (percent) → 0.4 and 0.6.
    const log = new ProblemLog();
    const keys = parseKeys(
      located("Nycklar", [
        ["Från", "Till", "Andel"],
        ["ADM", "HT1", "0,25"],
        ["ADM", "HT2", 0.75],
        ["IT", "HT1", 40],
        ["IT", "HT2", 60],
      ]),
      log,
    );
    expect(log.items).toEqual([]);
    expect(keys.map((k) => [k.row, k.from, k.to, k.share])).toEqual([
      [2, "ADM", "HT1", "0.25"],
      [3, "ADM", "HT2", "0.75"],
      [4, "IT", "HT1", "0.4"],
      [5, "IT", "HT2", "0.6"],
    ]);
  });

  it("reads a column headed Andel (%) as percent", () => {
    const keys = parseKeys(located("Nycklar", [["Från", "Till", "Andel (%)"], ["ADM", "HT1", 1], ["ADM", "HT2", 99]]), new ProblemLog());
    expect(keys.map((k) => k.share)).toEqual(["0.01", "0.99"]);
  });
});
