/** The pane's "förklara raden" on KPB Översikt, whose column A holds the key figure's name (the id is last). */
import { runSample } from "../sample-run";
import { explainRow } from "../../src/taskpane/explain-target";

const result = runSample();

describe("explaining a row of KPB Översikt", () => {
  it("finds the key figure by its name in column A, as by its id", () => {
    const byName = explainRow(result, "KPB Översikt", "Kostnad per beviljad hemtjänsttimme, egen regi", "sv");
    const byId = explainRow(result, "KPB Översikt", "hemtjanst_egen_kr_timme", "sv");
    expect(byName.ok).toBe(true);
    expect(byName).toEqual(byId);
  });
});
