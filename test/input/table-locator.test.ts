/**
 * The one rule set that finds the contract tables, for the add-in and the command line alike:
 * file > saved mapping > Excel table > named range > sheet name > headers; result sheets never.
 */
import { renderMessage } from "../../src/engine/messages";
import {
  HEADER_PROBE_ROWS,
  locateTables,
  mappingFromStoredState,
  sheetOfReference,
  type TableCandidates,
} from "../../src/input/table-locator";

const none: TableCandidates = { tables: [], names: [], sheets: [] };
const ledgerHeader = ["Ansvar", "Verksamhet", "Konto", "Belopp"];
const choice = (c: TableCandidates, table = "Ekonomi", mapping = {}) => locateTables(c, mapping).located.find((l) => l.table === table);

describe("precedence", () => {
  const everything: TableCandidates = {
    tables: [{ name: "Ekonomi", sheet: "Data" }],
    names: [{ name: "Ekonomi", sheet: "Data" }],
    sheets: [{ name: "Ekonomi", probe: [ledgerHeader] }, { name: "Data" }, { name: "Utdrag", probe: [ledgerHeader] }],
  };

  test("a file given for the table wins over everything in the workbook", () => {
    const c = choice({ ...everything, files: { Ekonomi: "huvudbok.csv" } }, "Ekonomi", { Ekonomi: { source: { kind: "sheet", sheet: "Utdrag" } } });
    expect(c).toMatchObject({ foundBy: "file", source: { kind: "file", file: "huvudbok.csv" }, sheet: null });
    expect(c!.reason).toBe("filen huvudbok.csv");
  });

  test("the saved mapping wins over a table named as the contract", () => {
    const c = choice(everything, "Ekonomi", { Ekonomi: { source: { kind: "sheet", sheet: "Utdrag" } } });
    expect(c).toMatchObject({ foundBy: "mapping", source: { kind: "sheet", sheet: "Utdrag" } });
  });

  test("an Excel table before a named range before a sheet name before headers", () => {
    expect(choice(everything)).toMatchObject({ foundBy: "table", source: { kind: "table", name: "Ekonomi" } });
    expect(choice({ ...everything, tables: [] })).toMatchObject({ foundBy: "name", source: { kind: "name", name: "Ekonomi" } });
    expect(choice({ ...everything, tables: [], names: [] })).toMatchObject({ foundBy: "sheet", source: { kind: "sheet", sheet: "Ekonomi" } });
    const byHeader = { ...everything, tables: [], names: [], sheets: everything.sheets.filter((s) => s.name !== "Ekonomi") };
    expect(choice(byHeader)).toMatchObject({ foundBy: "header", source: { kind: "sheet", sheet: "Utdrag" } });
  });

  test("a saved choice that is gone falls back to the rules, with a warning that names both", () => {
    const location = locateTables(everything, { Ekonomi: { source: { kind: "table", name: "Huvudbok2023" } } });
    expect(location.located.find((l) => l.table === "Ekonomi")).toMatchObject({ foundBy: "table", savedMissing: { kind: "table", name: "Huvudbok2023" } });
    const warning = location.problems.find((p) => p.code === "savedSourceMissing")!;
    expect(warning).toMatchObject({ table: "Ekonomi", severity: "warning" });
    expect(warning.message).toContain("Huvudbok2023");
    expect(warning.message).toContain("Ekonomi används i stället");
  });

  test("a saved choice is matched case-insensitively and returned as the workbook spells it", () => {
    const c = choice(everything, "Ekonomi", { Ekonomi: { source: { kind: "sheet", sheet: "utdrag" } } });
    expect(c).toMatchObject({ foundBy: "mapping", source: { kind: "sheet", sheet: "Utdrag" } });
  });
});

describe("aliases and ambiguity", () => {
  test("an alias finds the table (Ledger, Huvudbok); Swedish letters fold", () => {
    expect(choice({ ...none, tables: [{ name: "Ledger", sheet: "A" }] })).toMatchObject({ foundBy: "table", source: { name: "Ledger" } });
    expect(choice({ ...none, sheets: [{ name: "Jamforelse" }] }, "Jämförelse")).toMatchObject({ foundBy: "sheet" });
  });

  test("two tables that fit: the contract name before the alias, and a warning names the other", () => {
    const location = locateTables({ ...none, tables: [{ name: "Huvudbok", sheet: "A" }, { name: "Ekonomi", sheet: "B" }] });
    expect(location.located.find((l) => l.table === "Ekonomi")).toMatchObject({ source: { name: "Ekonomi" }, alsoMatched: ["Huvudbok"] });
    const warning = location.problems.find((p) => p.code === "tableAmbiguous")!;
    expect(warning).toMatchObject({ table: "Ekonomi", severity: "warning", params: { count: 2, chosen: "Ekonomi", others: "Huvudbok" } });
    expect(renderMessage(warning.code, warning.params, "en")).toContain("Ekonomi is used, not Huvudbok");
  });

  test("two sheets whose headers fit: the first in workbook order, ambiguity reported", () => {
    const location = locateTables({ ...none, sheets: [{ name: "Utdrag 1", probe: [ledgerHeader] }, { name: "Utdrag 2", probe: [ledgerHeader] }] });
    expect(location.located.find((l) => l.table === "Ekonomi")).toMatchObject({ foundBy: "header", sheet: "Utdrag 1", alsoMatched: ["Utdrag 2"] });
    expect(location.problems.some((p) => p.code === "tableAmbiguous" && p.table === "Ekonomi")).toBe(true);
  });

  test("one table per rule is not ambiguous", () => {
    const location = locateTables({ ...none, tables: [{ name: "Ekonomi", sheet: "A" }] });
    expect(location.problems.filter((p) => p.code === "tableAmbiguous")).toEqual([]);
  });
});

describe("header probe window", () => {
  test("a header below title lines, within the window, is found; one below it is not", () => {
    const titled = (n: number) => [...Array.from({ length: n }, () => ["Utdrag ur Raindance"]), ledgerHeader];
    expect(choice({ ...none, sheets: [{ name: "X", probe: titled(HEADER_PROBE_ROWS - 1) }] })).toMatchObject({ foundBy: "header" });
    expect(choice({ ...none, sheets: [{ name: "X", probe: titled(HEADER_PROBE_ROWS) }] })).toBeUndefined();
  });

  test("every used column is probed, not only A:Z", () => {
    const wide = [[...Array.from({ length: 30 }, () => null), ...ledgerHeader]];
    expect(choice({ ...none, sheets: [{ name: "X", probe: wide }] })).toMatchObject({ foundBy: "header", sheet: "X" });
  });

  test("a sheet another table already uses is not probed for a second table", () => {
    const location = locateTables({ ...none, tables: [{ name: "Pooler", sheet: "X" }], sheets: [{ name: "X", probe: [ledgerHeader] }] });
    expect(location.located.find((l) => l.table === "Ekonomi")).toBeUndefined();
  });

  test("unprobed sheets ask for a probe while a table is missing, not when all are found", () => {
    expect(locateTables({ ...none, sheets: [{ name: "X" }] }).needsProbe).toBe(true);
    expect(locateTables({ ...none, sheets: [{ name: "X", probe: [] }] }).needsProbe).toBe(false);
  });
});

describe("excluded sheets and missing tables", () => {
  test("result sheets (KPB …) are never inputs: not by table, name, sheet name or headers", () => {
    const c: TableCandidates = {
      tables: [{ name: "Ekonomi", sheet: "KPB Spårning" }],
      names: [{ name: "Ekonomi", sheet: "KPB Översikt" }],
      sheets: [{ name: "KPB Spårning", probe: [ledgerHeader] }, { name: "KPB~Ekonomi", probe: [ledgerHeader] }],
    };
    const location = locateTables(c);
    expect(location.located).toEqual([]);
    expect(location.missing).toEqual(["Ekonomi", "Kodning", "Pooler", "Brukare"]);
    expect(location.problems.filter((p) => p.code === "tableMissing").map((p) => p.table)).toEqual(location.missing);
    // A saved choice pointing at a result sheet is gone too.
    expect(choice(c, "Ekonomi", { Ekonomi: { source: { kind: "sheet", sheet: "KPB Spårning" } } })).toBeUndefined();
  });
});

describe("helpers", () => {
  test("the sheet of a range reference, quoted or not", () => {
    expect(sheetOfReference("=Ekonomi!$A$1:$F$20")).toBe("Ekonomi");
    expect(sheetOfReference("'Mitt ''blad'''!A1:B2")).toBe("Mitt 'blad'");
    expect(sheetOfReference("A1:B2")).toBeNull();
  });

  test("the saved state as the add-in stores it, once or twice JSON-encoded; junk gives no mapping", () => {
    const state = { mapping: { Ekonomi: { source: { kind: "sheet", sheet: "Utdrag" }, columns: { Belopp: "Summa" } }, Nonsens: { source: { kind: "x" } } } };
    const once = JSON.stringify(state);
    expect(mappingFromStoredState(once)).toEqual({ Ekonomi: state.mapping.Ekonomi });
    expect(mappingFromStoredState(JSON.stringify(once))).toEqual({ Ekonomi: state.mapping.Ekonomi });
    expect(mappingFromStoredState("{not json")).toEqual({});
    expect(mappingFromStoredState({ mapping: { Ekonomi: { source: { kind: "table" } } } })).toEqual({});
  });
});
