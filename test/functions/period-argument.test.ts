/**
 * The optional last argument `period` of the model-backed worksheet functions:
 * `=KPB.COSTPERHOUR(;;"2025-06")` is the rolling twelve months ending June 2025, the very figure of
 * the engine's follow-up run (`kpb run --period 2025-06`); one engine run per run and month.
 */
import { CustomFunctionsError, last, lastError, lastNumber, stream } from "./custom-functions-stub";
import { SECRET, toInput } from "./sample-run";
import type { KpbResult, WorkbookInput } from "../../src/engine/model";
import * as engineRun from "../../src/engine/run";
import { runKpb, type RunOptions } from "../../src/engine/run";
import { exempelbyTables } from "../../src/sample/exempelby";
import { exempelbyTwoYears } from "../../src/sample/exempelby-months";
import { latestSnapshot, publish, resetKpbStore } from "../../src/shared/kpb-store";
import { cachedPeriods } from "../../src/shared/period-results";
import * as F from "../../src/functions/functions";

const twoYears: WorkbookInput = toInput(exempelbyTwoYears());
const options: RunOptions = { pseudonymSecret: SECRET };

function ok(input: WorkbookInput, overrides: RunOptions["overrides"] = {}): KpbResult {
  const outcome = runKpb(input, { ...options, overrides });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return outcome.result;
}
const figure = (r: KpbResult, id: string) => Number(r.keyFigures.find((f) => f.id === id)!.value);

/** The annual run of the two-year workbook (År 2025), published as a refresh does: with its inputs. */
const annual2025 = ok(twoYears);
const rolling = { "2025-05": ok(twoYears, { followUpTo: "2025-05" }), "2025-06": ok(twoYears, { followUpTo: "2025-06" }) };
const publishTwoYears = () => publish(annual2025, { pseudonymSecret: SECRET, source: { input: twoYears, options } });

beforeEach(() => resetKpbStore());
afterAll(() => resetKpbStore());

describe("a period gives the rolling twelve months ending that month", () => {
  it("KPB.COSTPERHOUR(;;\"2025-06\") is the engine's follow-up figure (the command line's --period 2025-06)", () => {
    publishTwoYears();
    expect(annual2025.year).toBe(2025);
    const june = lastNumber(stream(F.costPerHour, null, null, "2025-06"));
    expect(june).toBe(figure(rolling["2025-06"], "hemtjanst_egen_kr_timme"));
    expect(june).toBeCloseTo(657.67, 2);
    expect(lastNumber(stream(F.costPerHour, null, null, "2025-05"))).toBeCloseTo(654.95, 2);
    // Without it, the published run as before.
    expect(lastNumber(stream(F.costPerHour, null, null))).toBe(figure(annual2025, "hemtjanst_egen_kr_timme"));
    expect(june).not.toBe(figure(annual2025, "hemtjanst_egen_kr_timme"));
  });

  it("accepts a date serial, a date in the month and 202506; an empty cell means no period", () => {
    publishTwoYears();
    const june = figure(rolling["2025-06"], "hemtjanst_egen_kr_timme");
    expect(lastNumber(stream(F.costPerHour, null, null, 45838))).toBe(june); // 2025-06-30
    expect(lastNumber(stream(F.costPerHour, null, null, 45809))).toBe(june); // 2025-06-01
    expect(lastNumber(stream(F.costPerHour, null, null, "2025-06-15"))).toBe(june);
    expect(lastNumber(stream(F.costPerHour, null, null, 202506))).toBe(june);
    for (const empty of [null, undefined, "", 0]) expect(lastNumber(stream(F.costPerHour, null, null, empty))).toBe(figure(annual2025, "hemtjanst_egen_kr_timme"));
  });

  it("every model-backed function takes it: per day, pool, client, area, key figures, benchmark index, potential", () => {
    publishTwoYears();
    const r = rolling["2025-06"];
    const pool = r.pools.find((p) => p.pool === "SABO_ROSEN")!;
    expect(lastNumber(stream(F.costPerDay, null, null, "2025-06"))).toBe(figure(r, "sabo_egen_kr_dygn_inkl_hsl"));
    expect(lastNumber(stream(F.unitCost, "SABO_ROSEN", "2025-06"))).toBe(Number(pool.unitCost));
    const client = r.clients[0];
    expect(lastNumber(stream(F.clientCost, client.id, "2025-06"))).toBe(client.totalOre / 100);
    expect(lastNumber(stream(F.costPerClient, "ÄO", null, "2025-06"))).toBeCloseTo(figure(r, "kostnad_per_brukare:ÄO:alla"), 6);
    expect(lastNumber(stream(F.costPerInhabitant, "ÄO", null, "2025-06"))).toBeCloseTo(figure(r, "kostnad_per_invanare:ÄO:alla"), 6);
    const table = last(stream(F.keyFigures, "2025-06")) as unknown[][];
    expect(table.find((row) => row[0] === "hemtjanst_egen_kr_timme")?.[3]).toBe(figure(r, "hemtjanst_egen_kr_timme"));
    for (const fn of [F.index, F.benchmark]) expect(typeof lastNumber(stream(fn, "hemtjanst_egen_kr_timme", "2025-06"))).toBe("number");
    expect(typeof lastNumber(stream(F.potential, "Särskilt boende", null, "2025-06"))).toBe("number");
    expect(lastNumber(stream(F.breakEven, null, "2025-06"))).toBe(figure(r, "brytpunkt_kr_ar"));
  });

  it("December of a year is that year's annual run", () => {
    publishTwoYears();
    const annual2024 = ok(twoYears, { year: 2024 });
    expect(lastNumber(stream(F.costPerHour, null, null, "2024-12"))).toBe(figure(annual2024, "hemtjanst_egen_kr_timme"));
    expect(last(stream(F.keyFigures, "2024-12"))).toEqual(last(stream(F.keyFigures, "2024-12")));
    const table = last(stream(F.keyFigures, "2024-12")) as unknown[][];
    expect(table.slice(1).map((row) => row[0])).toEqual(annual2024.keyFigures.map((f) => f.id));
    // The run of a calendar year asked for its own December needs no second run.
    publish(annual2024, { pseudonymSecret: SECRET, source: { input: twoYears, options } });
    expect(lastNumber(stream(F.costPerHour, null, null, "2024-12"))).toBe(figure(annual2024, "hemtjanst_egen_kr_timme"));
    expect(cachedPeriods(latestSnapshot()!)).toEqual(["2024-12"]);
  });
});

describe("bad periods say what is wrong", () => {
  it("a period that is no month is #VALUE! naming what to write", () => {
    publishTwoYears();
    for (const bad of ["juni", "2025-13", 2025, true, -5]) {
      const e = lastError(stream(F.costPerHour, null, null, bad));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/^Period .* är ingen månad\. Ange ÅÅÅÅ-MM \(t\.ex\. "2025-06"\) eller ett datum i månaden\.$/);
    }
    expect(lastError(stream(F.costPerHour, null, null, "juni")).message).toContain('"juni"');
  });

  it("twelve months outside the ledger's months are #N/A naming the months there are", () => {
    publishTwoYears();
    const late = lastError(stream(F.costPerHour, null, null, "2026-03"));
    expect(late.code).toBe("#N/A");
    expect(late.message).toBe(
      "Rullande tolv månader till 2026-03 (2025-04 – 2026-03) ligger utanför Ekonomis månader 2024-01 – 2025-12. Välj en månad från 2024-12 till 2025-12.",
    );
    // Twelve months reaching before the first month would be fewer than twelve months.
    expect(lastError(stream(F.costPerHour, null, null, "2024-11")).message).toContain("2023-12 – 2024-11");
  });

  it("a workbook without Period: only its own year's December", () => {
    const year = ok(toInput(exempelbyTables()));
    publish(year, { pseudonymSecret: SECRET, source: { input: toInput(exempelbyTables()), options } });
    const e = lastError(stream(F.costPerHour, null, null, "2024-06"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("Ekonomi har ingen kolumn Period");
    expect(lastNumber(stream(F.costPerHour, null, null, "2024-12"))).toBe(figure(year, "hemtjanst_egen_kr_timme"));
  });
});

describe("one engine run per run and month", () => {
  it("cells with the same period share one run; a new publish runs the window again and updates open cells", () => {
    publishTwoYears();
    const spy = jest.spyOn(engineRun, "runKpb");
    try {
      const cells = [stream(F.costPerHour, null, null, "2025-06"), stream(F.costPerDay, null, null, "2025-06"), stream(F.keyFigures, "2025-06")];
      stream(F.costPerHour, null, null, "2025-05");
      stream(F.costPerHour, null, null, 45838);
      expect(spy).toHaveBeenCalledTimes(2);
      expect(cachedPeriods(latestSnapshot()!)).toEqual(["2025-06", "2025-05"]);
      publishTwoYears();
      // Every open cell recomputed on the new run: its window runs once more, not once per cell.
      expect(spy).toHaveBeenCalledTimes(4);
      expect(lastNumber(cells[0])).toBe(figure(rolling["2025-06"], "hemtjanst_egen_kr_timme"));
      expect(cells.every((c) => !(last(c) instanceof CustomFunctionsError))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
