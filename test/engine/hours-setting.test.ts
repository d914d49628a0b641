/**
 * Inställningar → Hemtjänsttid: which hours Volym holds for hemtjänst. The published figure is per
 * granted (beviljad) hour; performed (utförd) hours give a cost per performed hour, which is not
 * comparable with the KPB-snitt without a note. The setting changes names and adds a warning,
 * never a number.
 */
import { figureNameIn } from "../../src/engine/key-figure-names";
import type { KpbResult } from "../../src/engine/model";
import { resultSheets } from "../../src/layouts";
import { exempelbyTables } from "../../src/sample/exempelby";
import { runSample } from "../sample-run";

function sampleWith(hours: string | null, overrides: { homeCareHours?: "beviljad" | "utförd" } = {}): KpbResult {
  const tables = exempelbyTables();
  const settings = tables.Inställningar.filter((r) => r[0] !== "Hemtjänsttid");
  if (hours !== null) settings.push(["Hemtjänsttid", hours]);
  return runSample({ tables: { ...tables, Inställningar: settings }, overrides });
}

const byId = (r: KpbResult, id: string) => r.keyFigures.find((f) => f.id === id)!;
const numbers = (r: KpbResult) => r.keyFigures.map((f) => [f.id, f.value, f.unit]);

const missing = sampleWith(null);
const granted = sampleWith("beviljad");
const performed = sampleWith("utförd");

describe("Hemtjänsttid", () => {
  it("is beviljad by default: the figure is per granted hour, and no warning", () => {
    for (const r of [missing, granted]) {
      const f = byId(r, "hemtjanst_egen_kr_timme");
      expect(f.name).toBe("Kostnad per beviljad hemtjänsttimme, egen regi");
      expect(figureNameIn(f, "en")).toBe("Cost per granted home-care hour, in-house");
      expect(r.problems.map((p) => p.code)).not.toContain("homeCareHoursPerformed");
    }
    expect(byId(granted, "brukarmix:0-12").name).toBe("Andel hemtjänstbrukare med 0-12 beviljade timmar per år");
  });

  it("with utförd names the figure per performed hour, in both languages", () => {
    const f = byId(performed, "hemtjanst_egen_kr_timme");
    expect(f.name).toBe("Kostnad per utförd hemtjänsttimme, egen regi");
    expect(figureNameIn(f, "en")).toBe("Cost per performed home-care hour, in-house");
    expect(byId(performed, "brukarmix:0-12").name).toBe("Andel hemtjänstbrukare med 0-12 utförda timmar per år");
    expect(figureNameIn(byId(performed, "brukarmix:1152-w"), "en")).toBe("Share of home-care clients with more than 1152 performed hours a year");
  });

  it("with utförd warns, at the setting's cell, that the KPB-snitt is per granted hour", () => {
    const warnings = performed.problems.filter((p) => p.code === "homeCareHoursPerformed");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe("warning");
    expect(warnings[0]).toMatchObject({ table: "Inställningar", column: "Värde" });
    expect(warnings[0].message).toMatch(/utförd tid/);
    expect(warnings[0].message).toMatch(/beviljad timme/);
  });

  it("with utförd the Översikt row and sentence say the benchmark is per granted hour", () => {
    const overview = resultSheets(performed, performed.benchmark, { history: [], runTime: "2025-02-14 09:30" }).find((l) => l.name === "KPB Översikt")!;
    const row = overview.topCells!.find((c) => c.value === "Kostnad per utförd hemtjänsttimme, egen regi")!;
    const about = overview.topCells!.find((c) => c.row === row.row && c.column === 8)!;
    expect(String(about.value)).toMatch(/gäller beviljad tid/);
    const sentence = overview.topCells!.find((c) => typeof c.value === "string" && c.value.startsWith("Hemtjänsten i egen regi"))!;
    expect(String(sentence.value)).toMatch(/per utförd timme .* per beviljad timme; jämför med försiktighet/);
  });

  it("set from the task pane or command line warns the same way", () => {
    const fromPane = sampleWith(null, { homeCareHours: "utförd" });
    expect(byId(fromPane, "hemtjanst_egen_kr_timme").name).toBe("Kostnad per utförd hemtjänsttimme, egen regi");
    expect(fromPane.problems.filter((p) => p.code === "homeCareHoursPerformed")).toHaveLength(1);
  });

  it("rejects other values with the usual bad-setting warning and keeps beviljad", () => {
    const odd = sampleWith("ibland");
    expect(odd.problems.some((p) => p.code === "badSetting" && /beviljad eller utförd/.test(p.message))).toBe(true);
    expect(byId(odd, "hemtjanst_egen_kr_timme").name).toBe("Kostnad per beviljad hemtjänsttimme, egen regi");
  });

  it("changes no figure: every id, value and unit is the same", () => {
    expect(numbers(performed)).toEqual(numbers(granted));
    expect(numbers(missing)).toEqual(numbers(granted));
  });
});
