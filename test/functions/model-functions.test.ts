/**
 * The model-backed KPB.* worksheet functions, called directly as Excel would (streaming, with a
 * fake invocation), on the Exempelby sample. Expected values come from the engine's own figures,
 * pools, clients and result-sheet layouts, never from numbers written into the test.
 */
import { CustomFunctionsError, last, lastError, lastNumber, stream } from "./custom-functions-stub";
import { figure, pool, run, sampleWith, col, SECRET } from "./sample-run";
import { findPublished } from "../../src/engine";
import { fold } from "../../src/engine/cells";
import { Dec } from "../../src/engine/decimal";
import type { KpbResult } from "../../src/engine/model";
import { pseudonym } from "../../src/engine/privacy";
import { MAX_PUBLISHED_AGE } from "../../src/engine/benchmark/lookup";
import { resultSheets, type SheetBlock } from "../../src/layouts";
import { exempelbyTables } from "../../src/sample/exempelby";
import { publish, resetKpbStore } from "../../src/shared/kpb-store";
import * as F from "../../src/functions/functions";

const result = run();
/** The `KPB …` sheets exactly as a refresh writes them. */
const sheets = resultSheets(result, result.benchmark);

/** A block of a result sheet, with a column lookup by header. */
function block(sheet: string, table: string): SheetBlock & { at(header: string): number } {
  const b = sheets.find((s) => s.name === sheet)?.blocks.find((x) => x.tableName === table);
  if (!b) throw new Error(`no ${sheet} / ${table}`);
  return Object.assign(b, {
    at(header: string) {
      const i = b.columns.findIndex((c) => c.header === header);
      if (i < 0) throw new Error(`${table} has no column ${header}`);
      return i;
    },
  });
}

function showing(r: KpbResult, secret: string | null = SECRET) {
  resetKpbStore();
  publish(r, secret ? { pseudonymSecret: secret } : {});
}

beforeEach(() => showing(result));
afterAll(() => resetKpbStore());

/** The latest-year `Jämförelse` value of the sample for a key figure (the run's year preferred). */
function sampleBenchmark(id: string): number {
  const rows = exempelbyTables().Jämförelse.slice(1).filter((r) => r[0] === id);
  if (rows.length === 0) throw new Error(`the sample has no benchmark for ${id}`);
  const year = (r: unknown[]) => Number(r[3]);
  const same = rows.find((r) => year(r) === result.year);
  return Number((same ?? rows.reduce((a, b) => (year(b) > year(a) ? b : a)))[1]);
}

const egenPools = (intervention: string) => result.pools.filter((p) => p.kind === "insats" && p.insats === intervention && p.regi === "egen");

describe("KPB.COSTPERHOUR", () => {
  const hemtjanst = figure(result, "hemtjanst_egen_kr_timme");

  it("defaults to hemtjänst in egen regi over all units: the published key figure", () => {
    expect(lastNumber(stream(F.costPerHour, null, null))).toBe(hemtjanst);
    expect(hemtjanst).toBe(figure(result, "styckkostnad:Hemtjänst:egen"));
  });

  it("treats omitted arguments as omitted whether they arrive as null, undefined, empty text or an empty cell (0)", () => {
    expect(lastNumber(stream(F.costPerHour, undefined, undefined))).toBe(hemtjanst);
    expect(lastNumber(stream(F.costPerHour, "", ""))).toBe(hemtjanst);
    expect(lastNumber(stream(F.costPerHour, "Hemtjänst", 0))).toBe(hemtjanst);
    expect(lastNumber(stream(F.costPerHour, "  hemtjanst ", null))).toBe(hemtjanst);
  });

  it("is Σ cost ÷ Σ hours of the egen-regi pools, not the mean of their unit costs", () => {
    const pools = egenPools("Hemtjänst");
    expect(pools.length).toBeGreaterThan(1);
    const cost = pools.reduce((s, p) => s + p.costOre, 0) / 100;
    const hours = pools.reduce((s, p) => s + p.volumeMicro, 0) / 1e6;
    expect(lastNumber(stream(F.costPerHour, null, null))).toBeCloseTo(cost / hours, 8);
  });

  it("gives one unit by pool id or Enhet text, the pool's unit cost on KPB Styckkostnader", () => {
    const sheet = block("KPB Styckkostnader", "KPB_Styckkostnader");
    const unitCol = sheet.at("Styckkostnad");
    for (const p of result.pools.filter((x) => x.insats === "Hemtjänst")) {
      const cell = sheet.rows.find((r) => r[0] === p.pool)![unitCol];
      expect(lastNumber(stream(F.costPerHour, "Hemtjänst", p.pool))).toBe(cell);
      expect(lastNumber(stream(F.costPerHour, "Hemtjänst", p.enhet.toUpperCase()))).toBe(cell);
      expect(lastNumber(stream(F.costPerHour, null, p.pool))).toBe(cell);
      expect(lastNumber(stream(F.costPerHour, p.pool, null))).toBe(cell);
    }
  });

  it('takes "annan" and "alla" in the unit argument as the regi', () => {
    expect(lastNumber(stream(F.costPerHour, "Hemtjänst", "annan"))).toBe(figure(result, "styckkostnad:Hemtjänst:annan"));
    expect(lastNumber(stream(F.costPerHour, null, "alla"))).toBe(figure(result, "styckkostnad:Hemtjänst:alla"));
    expect(lastNumber(stream(F.costPerHour, null, "egen regi"))).toBe(hemtjanst);
  });

  it("measures other hour-based interventions", () => {
    expect(lastNumber(stream(F.costPerHour, "HSL", null))).toBe(figure(result, "hsl_kr_timme"));
    expect(lastNumber(stream(F.costPerHour, "personlig assistans", null))).toBe(figure(result, "pers_ass_netto_kr_timme"));
  });

  it("refuses an intervention measured in days (#VALUE!) and names the function to use", () => {
    const e = lastError(stream(F.costPerHour, "Särskilt boende", null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/dygn/);
    expect(e.message).toMatch(/KPB\.KOSTNADPERDYGN/);
  });

  it("answers an unknown intervention or unit with #N/A naming what exists", () => {
    const unknown = lastError(stream(F.costPerHour, "Bowling", null));
    expect(unknown.code).toBe("#N/A");
    expect(unknown.message).toMatch(/Bowling/);
    expect(unknown.message).toMatch(/Hemtjänst/);
    const unit = lastError(stream(F.costPerHour, "Hemtjänst", "HT_OKAND"));
    expect(unit).toMatchObject({ code: "#N/A" });
    expect(unit.message).toMatch(/HT_NORR/);
    expect(lastError(stream(F.costPerHour, null, "SABO_ROSEN")).code).toBe("#N/A");
  });

  it("rejects a logical value as #VALUE!", () => {
    expect(lastError(stream(F.costPerHour, true, null)).code).toBe("#VALUE!");
    expect(lastError(stream(F.costPerHour, "Hemtjänst", false)).code).toBe("#VALUE!");
  });
});

describe("KPB.COSTPERDAY", () => {
  it("defaults to särskilt boende in egen regi: the published key figure", () => {
    expect(lastNumber(stream(F.costPerDay, null, null))).toBe(figure(result, "sabo_egen_kr_dygn_inkl_hsl"));
  });

  it("measures other day-based interventions (dygn and dagar)", () => {
    expect(lastNumber(stream(F.costPerDay, "Korttidsvård", null))).toBe(figure(result, "korttid_egen_kr_dygn"));
    expect(lastNumber(stream(F.costPerDay, "Gruppbostad LSS", null))).toBe(figure(result, "gruppbostad_egen_kr_dygn"));
    expect(lastNumber(stream(F.costPerDay, "Daglig verksamhet", null))).toBe(figure(result, "daglig_verksamhet_egen_kr_dag"));
    expect(lastNumber(stream(F.costPerDay, "Särskilt boende", "Rosenborg"))).toBe(Number(pool(result, "SABO_ROSEN").unitCost));
  });

  it("asks for a regi when an intervention has no egen-regi pool", () => {
    const e = lastError(stream(F.costPerDay, "HVB", null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/annan/);
    expect(lastNumber(stream(F.costPerDay, "HVB", "annan"))).toBe(figure(result, "styckkostnad:HVB:annan"));
  });

  it("gives #DIV/0! for an intervention whose pools have cost but no volume", () => {
    const noVolume = result.pools.find((p) => p.kind === "insats" && p.volumeMicro === 0 && p.costOre !== 0);
    expect(noVolume).toBeDefined();
    expect(lastError(stream(F.costPerDay, noVolume!.insats, null)).code).toBe("#DIV/0!");
  });

  it("refuses an hour-based intervention", () => {
    expect(lastError(stream(F.costPerDay, "Hemtjänst", null)).code).toBe("#VALUE!");
  });
});

describe("KPB.UNITCOST", () => {
  it("is every pool's unit cost as on KPB Styckkostnader, by pool id and by Enhet", () => {
    const sheet = block("KPB Styckkostnader", "KPB_Styckkostnader");
    const unitCol = sheet.at("Styckkostnad");
    let checked = 0;
    for (const row of sheet.rows) {
      const p = pool(result, String(row[0]));
      if (p.unitCost === null) continue;
      expect(lastNumber(stream(F.unitCost, p.pool))).toBe(row[unitCol]);
      expect(lastNumber(stream(F.unitCost, fold(p.enhet)))).toBe(row[unitCol]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("errors: support pool #N/A, pool without volume #DIV/0!, unknown #N/A, missing #VALUE!", () => {
    const support = result.pools.find((p) => p.kind === "stöd")!;
    expect(lastError(stream(F.unitCost, support.pool))).toMatchObject({ code: "#N/A", message: expect.stringMatching(/stödpool/) });
    const noVolume = result.pools.find((p) => p.kind === "insats" && p.volumeMicro === 0)!;
    expect(lastError(stream(F.unitCost, noVolume.pool)).code).toBe("#DIV/0!");
    expect(lastError(stream(F.unitCost, "INGEN_SADAN")).code).toBe("#N/A");
    expect(lastError(stream(F.unitCost, null)).code).toBe("#VALUE!");
    expect(lastError(stream(F.unitCost, "")).code).toBe("#VALUE!");
  });
});

describe("KPB.CLIENTCOST", () => {
  it("is each client's total as on KPB Brukare, and the clients add up to the cost that reached clients", () => {
    const sheet = block("KPB Brukare", "KPB_Brukare");
    const totalCol = sheet.at("Total kostnad");
    let sumOre = 0;
    for (const row of sheet.rows) {
      const value = lastNumber(stream(F.clientCost, row[0]));
      expect(value).toBe(row[totalCol]);
      sumOre += Math.round(value * 100);
    }
    expect(sumOre).toBe(result.reconciliation.toClientsOre);
  });

  it("matches ids case-insensitively and reports an unknown id as #N/A", () => {
    const c = result.clients[0];
    expect(lastNumber(stream(F.clientCost, c.id.toLowerCase()))).toBe(c.totalOre / 100);
    expect(lastError(stream(F.clientCost, "EB99999"))).toMatchObject({ code: "#N/A", message: expect.stringMatching(/EB99999/) });
    expect(lastError(stream(F.clientCost, null)).code).toBe("#VALUE!");
  });

  describe("with personnummer in the input", () => {
    const PNR = "19420315-1234";
    const tables = sampleWith((t) => {
      const id = col(t, "Brukare", "BrukarID");
      for (const row of t.Brukare.slice(1)) if (row[id] === "EB00001") row[id] = PNR;
    });
    const withPnr = run(tables);
    const client = withPnr.clients.find((c) => c.id === pseudonym(PNR, SECRET));

    beforeEach(() => showing(withPnr));

    it("pseudonymises the client (precondition)", () => {
      expect(client).toBeDefined();
      expect(withPnr.clients.some((c) => c.id.includes("1234"))).toBe(false);
    });

    it("accepts the pseudonym shown and the original personnummer in its usual spellings", () => {
      const kr = client!.totalOre / 100;
      expect(lastNumber(stream(F.clientCost, client!.id))).toBe(kr);
      for (const spelling of [PNR, "194203151234", "420315-1234", "4203151234", " 19420315 1234 "]) {
        expect(lastNumber(stream(F.clientCost, spelling))).toBe(kr);
      }
    });

    it("never repeats a personnummer in its messages", () => {
      const e = lastError(stream(F.clientCost, "19420316-4321"));
      expect(e.code).toBe("#N/A");
      expect(e.message).not.toMatch(/\d{4}/);
    });

    it("cannot map a personnummer without the workbook secret", () => {
      showing(withPnr, null);
      const e = lastError(stream(F.clientCost, PNR));
      expect(e.code).toBe("#N/A");
      expect(e.message).not.toMatch(/1234/);
    });
  });
});

describe("KPB.COSTPERCLIENT, KPB.COSTPERINHABITANT, KPB.CLIENTSHARE", () => {
  const sheet = block("KPB Konsumtion", "KPB_Konsumtion");
  const at = (header: string) => sheet.at(header);

  it("are the KPB Konsumtion cells for every area and age group", () => {
    for (const row of sheet.rows) {
      const [area, group] = [row[0], row[1]];
      const cases: [typeof F.costPerClient, string][] = [
        [F.costPerClient, "Kostnad per brukare"],
        [F.costPerInhabitant, "Kostnad per invånare"],
        [F.clientShare, "Andel brukare"],
      ];
      for (const [fn, header] of cases) {
        const cell = row[at(header)];
        const inv = stream(fn, area, group);
        if (cell === null) expect(lastError(inv).code).toBe("#DIV/0!");
        else expect(lastNumber(inv)).toBe(cell);
      }
    }
  });

  it("default to all ages (null or undefined) and accept ages, 80+ and long area names", () => {
    const alla = result.consumption.find((r) => r.area === "ÄO" && r.ageGroup === "alla")!;
    const old = result.consumption.find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!;
    const perClient = lastNumber(stream(F.costPerClient, "ÄO", "alla"));
    expect(perClient).toBeCloseTo(Number(alla.costPerClient), 8);
    expect(lastNumber(stream(F.costPerClient, "ÄO", null))).toBe(perClient);
    expect(lastNumber(stream(F.costPerClient, "äo", undefined))).toBe(perClient);
    expect(lastNumber(stream(F.costPerClient, "ÄO", 0))).toBe(perClient);
    expect(lastNumber(stream(F.costPerClient, "ÄO", ""))).toBe(perClient);
    expect(lastNumber(stream(F.costPerClient, "Äldreomsorg", "alla åldrar"))).toBe(perClient);
    const perInhabitant = lastNumber(stream(F.costPerInhabitant, "ÄO", "80-w"));
    expect(perInhabitant).toBeCloseTo(Number(old.costPerInhabitant), 8);
    expect(lastNumber(stream(F.costPerInhabitant, "ÄO", 85))).toBe(perInhabitant);
    expect(lastNumber(stream(F.costPerInhabitant, "ÄO", "80+"))).toBe(perInhabitant);
    expect(lastNumber(stream(F.clientShare, "ÄO", "80–w år"))).toBeCloseTo(Number(old.clientShare), 10);
  });

  it("client share is distinct clients in the area ÷ all inhabitants, as a fraction", () => {
    const areaPools = new Set(result.pools.filter((p) => p.area === "ÄO").map((p) => p.pool));
    const clients = result.clients.filter((c) => Object.keys(c.poolsOre).some((id) => areaPools.has(id))).length;
    const inhabitants = exempelbyTables().Befolkning.slice(1).reduce((s, r) => s + Number(r[1]), 0);
    expect(lastNumber(stream(F.clientShare, "ÄO", null))).toBeCloseTo(clients / inhabitants, 10);
  });

  it("per inhabitant = per client × client share", () => {
    for (const area of ["ÄO", "LSS", "IFO"]) {
      const perClient = lastNumber(stream(F.costPerClient, area, null));
      const share = lastNumber(stream(F.clientShare, area, null));
      expect(lastNumber(stream(F.costPerInhabitant, area, null))).toBeCloseTo(perClient * share, 6);
    }
  });

  it("errors: unknown area or age group #N/A, missing area #VALUE!", () => {
    const area = lastError(stream(F.costPerClient, "Skola", null));
    expect(area.code).toBe("#N/A");
    expect(area.message).toMatch(/ÄO/);
    const group = lastError(stream(F.costPerClient, "ÄO", "90-99"));
    expect(group.code).toBe("#N/A");
    expect(group.message).toMatch(/80-w/);
    expect(lastError(stream(F.costPerClient, "ÄO", -3)).code).toBe("#N/A");
    expect(lastError(stream(F.costPerInhabitant, null, null)).code).toBe("#VALUE!");
    expect(lastError(stream(F.clientShare, true, null)).code).toBe("#VALUE!");
  });
});

describe("KPB.OUTLIERSHARE", () => {
  it("is the share of each scope's clients above its limit, computed here from the clients", () => {
    const areaOf = new Map(result.pools.map((p) => [p.pool, p.area]));
    const limits = result.settings.outlierLimitsOre;
    const share = (scope: "LSS" | "IFO") => {
      const costs = result.clients
        .map((c) => Object.entries(c.poolsOre).filter(([id]) => areaOf.get(id) === scope))
        .filter((entries) => entries.length > 0)
        .map((entries) => entries.reduce((s, [, ore]) => s + ore, 0));
      return costs.filter((ore) => ore > limits[scope]).length / costs.length;
    };
    expect(lastNumber(stream(F.outlierShare, "LSS"))).toBeCloseTo(share("LSS"), 10);
    expect(lastNumber(stream(F.outlierShare, "ifo"))).toBeCloseTo(share("IFO"), 10);
  });

  it("accepts the long and short scope names, giving the key figure as a fraction", () => {
    const ordinary = figure(result, "ytterfall_ordinart_andel") / 100;
    const residential = figure(result, "ytterfall_sabo_andel") / 100;
    for (const name of ["ÄO ordinärt boende", "ordinärt", "Ordinart boende", "ytterfall_ordinart_andel"]) {
      expect(lastNumber(stream(F.outlierShare, name))).toBeCloseTo(ordinary, 12);
    }
    for (const name of ["ÄO särskilt boende", "särskilt", "SÄBO"]) {
      expect(lastNumber(stream(F.outlierShare, name))).toBeCloseTo(residential, 12);
    }
  });

  it("errors: unknown scope #VALUE!, a scope without clients #N/A", () => {
    expect(lastError(stream(F.outlierShare, "Skola"))).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/LSS/) });
    expect(lastError(stream(F.outlierShare, null)).code).toBe("#VALUE!");
    showing({ ...result, keyFigures: result.keyFigures.filter((f) => f.id !== "ytterfall_ifo_andel") });
    expect(lastError(stream(F.outlierShare, "IFO")).code).toBe("#N/A");
  });
});

describe("KPB.BENCHMARK and KPB.BENCHMARKINDEX", () => {
  const overview = block("KPB Översikt", "KPB_Oversikt");
  const overviewRow = (id: string) => overview.rows.find((r) => r[0] === id)!;

  it("take the workbook's Jämförelse value (the latest year) by id, Kolada id or name", () => {
    const f = result.keyFigures.find((k) => k.id === "hemtjanst_egen_kr_timme")!;
    const expected = sampleBenchmark(f.id);
    expect(lastNumber(stream(F.benchmark, f.id))).toBe(expected);
    expect(lastNumber(stream(F.benchmark, f.kolada))).toBe(expected);
    expect(lastNumber(stream(F.benchmark, f.name.toUpperCase()))).toBe(expected);
    expect(lastNumber(stream(F.benchmark, "sabo_egen_kr_dygn_inkl_hsl"))).toBe(sampleBenchmark("sabo_egen_kr_dygn_inkl_hsl"));
  });

  it("are the Jämförelse and Index cells of KPB Översikt", () => {
    let compared = 0;
    for (const row of overview.rows) {
      const id = String(row[0]);
      const bench = row[overview.at("Jämförelse")];
      const index = row[overview.at("Index")];
      if (bench === null) {
        expect(lastError(stream(F.benchmark, id)).code).toBe("#N/A");
        continue;
      }
      expect(lastNumber(stream(F.benchmark, id))).toBe(bench);
      expect(lastNumber(stream(F.index, id))).toBe(index);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(2);
    for (const id of ["hemtjanst_egen_kr_timme", "sabo_egen_kr_dygn_inkl_hsl"]) {
      expect(lastNumber(stream(F.index, id))).toBeCloseTo(figure(result, id) / sampleBenchmark(id), 12);
    }
  });

  it("fall back to the bundled KPB average when the workbook has no row", () => {
    // A bundled average counts when it is at most MAX_PUBLISHED_AGE years older than the run.
    const recent = (id: string) => {
      const p = findPublished(id, result.year);
      return p !== undefined && p.year >= result.year - MAX_PUBLISHED_AGE;
    };
    const candidate = result.keyFigures.find((k) => !result.benchmark.some((b) => b.keyFigure === k.id) && recent(k.id));
    expect(candidate).toBeDefined();
    const published = Number(findPublished(candidate!.id, result.year)!.value);
    const expected = candidate!.unit === "%" ? published / 100 : published;
    expect(lastNumber(stream(F.benchmark, candidate!.id))).toBeCloseTo(expected, 12);
    expect(lastNumber(stream(F.index, candidate!.id))).toBeCloseTo(Number(candidate!.value) / published, 12);
  });

  it("give a percentage benchmark as a fraction", () => {
    const tables = sampleWith((t) => t.Jämförelse.push(["ytterfall_ordinart_andel", 3.5, "Test", 2024, "Testkommun"]));
    const r = run(tables);
    showing(r);
    expect(lastNumber(stream(F.benchmark, "ytterfall_ordinart_andel"))).toBeCloseTo(0.035, 12);
    expect(lastNumber(stream(F.index, "ytterfall_ordinart_andel"))).toBeCloseTo(figure(r, "ytterfall_ordinart_andel") / 3.5, 12);
  });

  it("errors: unknown key figure #N/A, no benchmark #N/A, missing argument #VALUE!, zero benchmark #DIV/0!", () => {
    expect(lastError(stream(F.benchmark, "inget_sadant_nyckeltal")).code).toBe("#N/A");
    expect(lastError(stream(F.index, "inget_sadant_nyckeltal")).code).toBe("#N/A");
    const none = result.keyFigures.find((k) => k.id.startsWith("kostnad_total:"))!;
    expect(lastError(stream(F.benchmark, none.id))).toMatchObject({ code: "#N/A", message: expect.stringMatching(/Jämförelse/) });
    expect(lastError(stream(F.index, none.id)).code).toBe("#N/A");
    expect(lastError(stream(F.benchmark, null)).code).toBe("#VALUE!");
    const zero = run(sampleWith((t) => t.Jämförelse.push(["korttid_egen_kr_dygn", 0, "Test", 2024, "Testkommun"])));
    showing(zero);
    expect(lastError(stream(F.index, "korttid_egen_kr_dygn")).code).toBe("#DIV/0!");
  });
});

describe("KPB.POTENTIAL", () => {
  const perIntervention = block("KPB Potential", "KPB_Potential_insats");
  const perPool = block("KPB Potential", "KPB_Potential_pool");

  it("is (own unit cost − benchmark) × own volume for the intervention in egen regi", () => {
    for (const [intervention, id] of [
      ["Hemtjänst", "hemtjanst_egen_kr_timme"],
      ["Särskilt boende", "sabo_egen_kr_dygn_inkl_hsl"],
    ]) {
      const volume = egenPools(intervention).reduce((s, p) => s + p.volumeMicro, 0) / 1e6;
      const expected = Math.max(0, (figure(result, id) - sampleBenchmark(id)) * volume);
      expect(expected).toBeGreaterThan(0);
      expect(lastNumber(stream(F.potential, intervention, null))).toBeCloseTo(expected, 1);
    }
  });

  it("is the Potential cell of KPB Potential for every intervention × regi and every pool", () => {
    let checked = 0;
    for (const row of perIntervention.rows) {
      const inv = stream(F.potential, row[perIntervention.at("Insats")], row[perIntervention.at("Regi")]);
      const cell = row[perIntervention.at("Potential")];
      if (cell === null) expect(lastError(inv).code).toBe("#N/A");
      else expect(lastNumber(inv)).toBe(cell);
      checked++;
    }
    for (const row of perPool.rows) {
      const inv = stream(F.potential, row[perPool.at("Insats")], row[perPool.at("Pool")]);
      const cell = row[perPool.at("Potential")];
      if (cell === null) expect(lastError(inv).code).toBe("#N/A");
      else expect(lastNumber(inv)).toBe(cell);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("per unit: positive above the benchmark, 0 at or below it", () => {
    const bench = sampleBenchmark("hemtjanst_egen_kr_timme");
    let above = 0;
    let below = 0;
    for (const p of egenPools("Hemtjänst")) {
      const expected = Math.max(0, (Number(p.unitCost) - bench) * (p.volumeMicro / 1e6));
      const value = lastNumber(stream(F.potential, "Hemtjänst", p.pool));
      expect(value).toBeCloseTo(expected, 1);
      if (expected > 0) above++;
      else below++;
    }
    expect(above).toBeGreaterThan(0);
    expect(below).toBeGreaterThan(0);
  });

  it('for "alla" (egen and annan regi together) is the same formula over all pools', () => {
    const pools = result.pools.filter((p) => p.kind === "insats" && p.insats === "Hemtjänst");
    const cost = pools.reduce((s, p) => s + p.costOre, 0) / 100;
    const volume = pools.reduce((s, p) => s + p.volumeMicro, 0) / 1e6;
    const expected = Math.max(0, cost - sampleBenchmark("hemtjanst_egen_kr_timme") * volume);
    expect(lastNumber(stream(F.potential, "Hemtjänst", "alla"))).toBeCloseTo(expected, 1);
  });

  it("errors: missing intervention #VALUE!, unknown #N/A, no benchmark #N/A", () => {
    expect(lastError(stream(F.potential, null, null)).code).toBe("#VALUE!");
    expect(lastError(stream(F.potential, "Bowling", null)).code).toBe("#N/A");
    const withoutBenchmark = perIntervention.rows.find((r) => r[perIntervention.at("Jämförelse")] === null && r[perIntervention.at("Regi")] === "egen");
    expect(withoutBenchmark).toBeDefined();
    expect(lastError(stream(F.potential, withoutBenchmark![perIntervention.at("Insats")], null))).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/jämförelse/i),
    });
  });
});

describe("KPB.KEYFIGURES", () => {
  it("spills a header row and every key figure with the value of KPB Översikt", () => {
    const table = last(stream(F.keyFigures)) as unknown[][];
    expect(table[0]).toEqual(["Id", "Nyckeltal", "Avgränsning", "Värde", "Enhet"]);
    expect(table).toHaveLength(result.keyFigures.length + 1);
    const overview = block("KPB Översikt", "KPB_Oversikt").rows;
    table.slice(1).forEach((row, i) => {
      const f = result.keyFigures[i];
      // Översikt's table: the name first, the value second (issue 16).
      expect(row).toEqual([f.id, f.name, f.scope, overview[i][1], f.unit]);
      expect(typeof row[3]).toBe("number");
    });
  });

  it("has no error cells and no empty rows", () => {
    const table = last(stream(F.keyFigures)) as unknown[][];
    for (const row of table) {
      expect(row).toHaveLength(5);
      for (const cell of row) expect(cell instanceof CustomFunctionsError || cell === null || cell === undefined).toBe(false);
    }
  });
});

describe("a percentage figure is a fraction everywhere", () => {
  it("CLIENTSHARE agrees with the % key figure ÷ 100", () => {
    expect(lastNumber(stream(F.clientShare, "LSS", null))).toBeCloseTo(new Dec(result.keyFigures.find((k) => k.id === "andel_brukare:LSS:alla")!.value).div(100).toNumber(), 12);
  });
});
