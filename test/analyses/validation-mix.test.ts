/**
 * The validation pack's flags and notes (pure engine), and the insatsmix, on the Exempelby sample.
 */
import { interventionMix } from "../../src/engine/analyses/intervention-mix";
import { isApproved, parseValidationSheet, validationFlags, validationPack, type ValidationNote } from "../../src/engine/analyses/validation-pack";
import { bundledPublished } from "../../src/engine/benchmark/published";
import { Rational } from "../../src/engine/benchmark/rational";
import type { HistoryRow } from "../../src/engine/benchmark/history";
import type { BenchmarkRow, KpbResult } from "../../src/engine/model";
import { resultSheets } from "../../src/layouts";
import { run } from "../functions/sample-run";

const result = run();
const value = (r: KpbResult, id: string) => r.keyFigures.find((f) => f.id === id)!.value;
const bench = (keyFigure: string, v: string): BenchmarkRow => ({ row: 2, keyFigure, value: v, source: "Testsnitt", year: 2024, municipality: "" });
const withLimits = (limits: Partial<KpbResult["settings"]["analysisLimits"]>): KpbResult => ({
  ...result,
  settings: { ...result.settings, analysisLimits: { ...result.settings.analysisLimits, ...limits } },
});

describe("validation flags: every odd-looking figure with its reason", () => {
  it("a change against the latest earlier year in KPB Historik beyond the limit", () => {
    const hemtjanst = value(result, "hemtjanst_egen_kr_timme");
    const sabo = value(result, "sabo_egen_kr_dygn_inkl_hsl");
    const history: HistoryRow[] = [
      // 2022 is not the latest earlier year: ignored.
      { year: 2022, runTime: "", id: "sabo_egen_kr_dygn_inkl_hsl", name: "", value: "1", unit: "kr/dygn" },
      // 2023: hemtjänst 12 % lower last year (flagged at 10 %), SÄBO 5 % lower (not flagged).
      { year: 2023, runTime: "", id: "hemtjanst_egen_kr_timme", name: "", value: String(Number(hemtjanst) / 1.12), unit: "kr/timme" },
      { year: 2023, runTime: "", id: "sabo_egen_kr_dygn_inkl_hsl", name: "", value: String(Number(sabo) / 1.05), unit: "kr/dygn" },
      // The run's own year (an earlier refresh) is never "last year".
      { year: 2024, runTime: "", id: "hemtjanst_timmar_per_inv_80", name: "", value: "1", unit: "timmar/inv" },
    ];
    const flags = validationFlags(result, [], { history }).filter((f) => f.kind === "Förändring mot föregående år");
    expect(flags.map((f) => f.key)).toEqual(["2024:historik:hemtjanst_egen_kr_timme"]);
    expect(flags[0].deviation).toBeCloseTo(0.12, 9);
    expect(flags[0].reason).toMatch(/\+12,0 % mot 2023/);
    // At a 15 % limit nothing is flagged.
    expect(validationFlags(withLimits({ historyChange: 0.15 }), [], { history }).some((f) => f.kind === "Förändring mot föregående år")).toBe(false);
  });

  it("units far from their siblings, pools with cost and little volume", () => {
    const flags = validationFlags(result, []);
    expect(flags.filter((f) => f.kind === "Enhet avviker från syskonenheter").map((f) => f.key)).toEqual(["2024:enhet:HT_NORR", "2024:enhet:HT_SODER"]);
    expect(flags.find((f) => f.key === "2024:enhet:HT_SODER")!.reason).toMatch(/samma insats/);
    expect(flags.filter((f) => f.kind === "Pool med kostnad och liten volym").map((f) => f.key)).toEqual(["2024:pool:DAGV"]);
    // With a minimum of 50 clients, the pools with fewer clients are listed too.
    const few = result.pools.filter((p) => p.kind === "insats" && p.costOre !== 0 && (p.volumeMicro === 0 || p.clientCount < 50)).map((p) => `2024:pool:${p.pool}`);
    expect(validationFlags(withLimits({ minClients: 50 }), []).filter((f) => f.kind === "Pool med kostnad och liten volym").map((f) => f.key)).toEqual(few);
    expect(few.length).toBeGreaterThan(1);
  });

  it("unit costs far from the benchmark and client-mix bands far from the benchmark's distribution", () => {
    const own = Number(value(result, "hemtjanst_egen_kr_timme"));
    const firstBand = result.hourBands[0];
    const total = result.hourBands.reduce((a, b) => a + b.clients, 0);
    const share = (firstBand.clients / total) * 100;
    const rows = [
      bench("hemtjanst_egen_kr_timme", String(own / 1.3)), // 30 % above: flagged at 20 %
      bench("sabo_egen_kr_dygn_inkl_hsl", value(result, "sabo_egen_kr_dygn_inkl_hsl")), // equal
      bench(`brukarmix:${firstBand.band}`, String(share + 6)), // 6 points below: flagged at 5
      bench(`brukarmix:${result.hourBands[1].band}`, "0"),
    ];
    const flags = validationFlags(result, rows);
    expect(flags.filter((f) => f.kind === "Styckkostnad mot jämförelse").map((f) => f.key)).toEqual(["2024:jamforelse:hemtjanst_egen_kr_timme"]);
    const mix = flags.filter((f) => f.kind === "Brukarmix mot jämförelse");
    expect(mix[0].key).toBe(`2024:brukarmix:${firstBand.band}`);
    expect(mix[0].reason).toMatch(/−6,0 procentenheter/);
  });
});

describe("validation notes", () => {
  const flags = validationFlags(result, []);
  const noteOn = (key: string, approved = ""): ValidationNote => ({ key, kind: "", object: "", reason: "gammal orsak", comment: "förklarat", responsible: "Anna", approved });

  it("are kept on rows still flagged, set aside when not, and dropped when empty", () => {
    const pack = validationPack(flags, [noteOn("2024:enhet:HT_NORR", "ja"), noteOn("2023:pool:GAMMAL"), { ...noteOn("2024:x:tom"), comment: "", responsible: "" }]);
    expect(pack.rows.find((r) => r.flag.key === "2024:enhet:HT_NORR")!.note?.comment).toBe("förklarat");
    expect(pack.inactive.map((n) => n.key)).toEqual(["2023:pool:GAMMAL"]);
    expect(pack.open).toBe(flags.length - 1);
  });

  it("are read by header name from both blocks, whatever the column order", () => {
    const notes = parseValidationSheet([
      ["Att validera"],
      ["Godkänd", "Nyckel", "Kommentar", "Egen kolumn", "Ansvarig", "Orsak"],
      ["ja", "2024:pool:DAGV", "Startade i december", "x", "Kerstin", "Kostnad utan volym"],
      [null, "", "en rad utan nyckel", null, null, null],
      [],
      ["Inte längre flaggade"],
      ["Nyckel", "Senaste orsak", "Kommentar", "Ansvarig", "Godkänd"],
      ["2023:enhet:HT_NORR", "Avviker", "Bemanning", new Date(Date.UTC(2025, 0, 31)), true],
    ]);
    expect(notes).toEqual([
      { key: "2024:pool:DAGV", kind: "", object: "", reason: "Kostnad utan volym", comment: "Startade i december", responsible: "Kerstin", approved: "ja" },
      { key: "2023:enhet:HT_NORR", kind: "", object: "", reason: "Avviker", comment: "Bemanning", responsible: "2025-01-31", approved: "ja" },
    ]);
  });

  it("count as approved unless blank or a no", () => {
    for (const yes of ["ja", "x", "OK", "2025-02-01", "Per"]) expect(isApproved(yes)).toBe(true);
    for (const no of ["", "  ", "nej", "Nej", "no", "0", "FALSKT"]) expect(isApproved(no)).toBe(false);
  });

  it("KPB Validering is written only when the previous notes are given", () => {
    expect(resultSheets(result, result.benchmark).some((s) => s.name === "KPB Validering")).toBe(false);
    const sheet = resultSheets(result, result.benchmark, { validation: [] }).find((s) => s.name === "KPB Validering")!;
    expect(sheet.blocks.map((b) => b.tableName)).toEqual(["KPB_Validering", "KPB_Validering_inaktuella"]);
  });
});

describe("insatsmix", () => {
  const mix = interventionMix(result, result.benchmark, bundledPublished);

  it("splits each area's cost per inhabitant by intervention; the parts add up exactly to the key figure", () => {
    expect(mix.length).toBeGreaterThan(3);
    for (const r of mix) {
      const row = result.consumption.find((c) => c.area === r.area && c.ageGroup === r.ageGroup)!;
      // Exactly Σ client cost ÷ inhabitants, and to the key figure's 12 decimals.
      expect(r.ownTotal.equals(Rational.ore(row.costOre).div(Rational.of(row.inhabitants)))).toBe(true);
      expect(r.ownTotal.toString()).toBe(value(result, `kostnad_per_invanare:${r.area}:${r.ageGroup}`));
    }
  });

  it("sets the benchmark's p*·q* beside its own, and draws one stacked chart per area", () => {
    const old = mix.find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!;
    const hemtjanst = old.parts.find((p) => p.insats === "Hemtjänst")!;
    expect(hemtjanst.benchmark).not.toBeNull();
    const sheet = resultSheets(result, result.benchmark).find((s) => s.name === "KPB Insatsmix")!;
    expect(sheet.charts.map((c) => c.kind)).toEqual(sheet.charts.map(() => "columnStacked"));
    expect(sheet.charts.length).toBe(new Set(mix.map((r) => r.area)).size);
    const ao = sheet.blocks[sheet.charts[0].block];
    const egen = ao.rows.find((r) => r[0] === "80-w egen")!;
    const parts = egen.slice(1, -1).reduce<number>((a, b) => a + (typeof b === "number" ? b : 0), 0);
    expect(parts).toBeCloseTo(Number(value(result, "kostnad_per_invanare:ÄO:80-w")), 6);
    expect(ao.rows.some((r) => r[0] === "80-w jämförelse")).toBe(true);
  });
});
