/**
 * How the add-in found its tables is part of the run's problems, as in the command line: a second
 * table that also fits (here an Excel table named with an alias of Ekonomi) is a warning on
 * Kontroll and on KPB Avstämning, and the table named as the contract is the one read.
 */
import { checkKpb, refreshKpb } from "../../src/excel/refresh";
import { exempelbyTables } from "../../src/sample/exempelby";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

function workbookWithTwoLedgers() {
  const fake = sampleWorkbook();
  fake.workbook.addTable("Huvudbok", "Huvudbok", exempelbyTables().Ekonomi);
  return fake;
}

describe("problems from locating the tables reach the run", () => {
  it("Kontroll warns that a second ledger table also fits and reads the one named Ekonomi", async () => {
    const plain = await checkKpb(runOf(sampleWorkbook()));
    const checked = await checkKpb(runOf(workbookWithTwoLedgers()));
    if (!checked.ok || !plain.ok) throw new Error("the check was blocked");
    const warning = checked.problems.find((p) => p.code === "tableAmbiguous");
    expect(warning).toMatchObject({ severity: "warning", table: "Ekonomi" });
    expect(warning!.message).toContain("Huvudbok");
    expect(plain.problems.some((p) => p.code === "tableAmbiguous")).toBe(false);
    // The same ledger is read: the reconciliation is the sample's.
    expect(checked.result.reconciliation.ledgerTotalOre).toBe(plain.result.reconciliation.ledgerTotalOre);
  });

  it("a refresh carries the same warning into the result it writes", async () => {
    const refreshed = await refreshKpb(runOf(workbookWithTwoLedgers()));
    if (!refreshed.ok) throw new Error("the refresh was blocked");
    expect(refreshed.result.problems.filter((p) => p.code === "tableAmbiguous").map((p) => p.table)).toEqual(["Ekonomi"]);
  });
});
