/** The pane's "förklara raden" on KPB Översikt, whose column A holds the key figure's name (the id is last). */
import type { WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { exempelbyTables } from "../../src/sample/exempelby";
import { explainRow } from "../../src/taskpane/explain-target";

const input: WorkbookInput = {};
for (const [name, rows] of Object.entries(exempelbyTables())) input[name as keyof WorkbookInput] = { rows, sheet: name };
const outcome = runKpb(input, { pseudonymSecret: "sample-secret" });
if (!outcome.ok) throw new Error("sample run blocked");
const result = outcome.result;

describe("explaining a row of KPB Översikt", () => {
  it("finds the key figure by its name in column A, as by its id", () => {
    const byName = explainRow(result, "KPB Översikt", "Kostnad per beviljad hemtjänsttimme, egen regi", "sv");
    const byId = explainRow(result, "KPB Översikt", "hemtjanst_egen_kr_timme", "sv");
    expect(byName.ok).toBe(true);
    expect(byName).toEqual(byId);
  });
});
