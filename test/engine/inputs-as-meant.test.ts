/**
 * Inputs read as the user meant them: receivers, keys, shares, age groups and bands. Each block
 * holds one class of defect from the audits; every test fails without the rule it names.
 */
import { runKpb } from "../../src/engine/run";
import type { Problem, RunOutcome } from "../../src/engine/model";
import { explainKeyFigure, explainPool } from "../../src/engine/tracing/explain";
import { explanationText } from "../../src/engine/tracing/text";
import { byAnsvar, intervention, support, workbook, runOk, pool, smallMunicipality, type Tables } from "./helpers";

const base = smallMunicipality;

const problemsOf = (o: RunOutcome): readonly Problem[] => (o.ok ? o.result.problems : o.problems);
const codes = (o: RunOutcome) => problemsOf(o).map((p) => p.code);
const only = (o: RunOutcome, code: string) => problemsOf(o).filter((p) => p.code === code);

describe("one area reader for Mottagare (issue 12 class 9)", () => {
  it("Område:Äldreomsorg (full name) reaches the ÄO pools", () => {
    const t = base();
    t.pools[0] = support("OH", "kostnad", "Område:Äldreomsorg");
    const r = runOk(workbook(t));
    expect(pool(r, "HT").allocatedOre + pool(r, "SABO").allocatedOre).toBe(100_000);
  });

  it("an unknown area blames the area in Mottagare, not direct cost", () => {
    const t = base();
    t.pools[0] = support("OH", "kostnad", "Område:Äldrevård");
    const o = runKpb(workbook(t));
    expect(o.ok).toBe(false);
    expect(only(o, "receiverAreaUnknown")).toMatchObject([{ table: "Pooler", row: 2, column: "Mottagare", severity: "error" }]);
    expect(codes(o)).not.toContain("noReceivers");
  });
});

describe("receivers that match nothing, andel keys and Mottagare (issue 21 class 11)", () => {
  it("Insats:… matching no pool is an error even when other receivers match", () => {
    const t = base();
    t.pools[0] = support("OH", "kostnad", "Insats:Hemtjänst natt; SABO");
    const o = runKpb(workbook(t));
    expect(only(o, "receiverMatchesNothing")).toMatchObject([{ severity: "error", row: 2, column: "Mottagare" }]);
  });

  it("Område:LSS with no LSS pool is an error", () => {
    const t = base();
    t.pools[0] = support("OH", "kostnad", "Område:LSS, HT");
    expect(codes(runKpb(workbook(t)))).toContain("receiverMatchesNothing");
  });

  it("Insats:… whose only pools stand above the support pool says so (step-down)", () => {
    const t = base();
    t.pools = [intervention("HT", "Hemtjänst"), support("OH", "kostnad", "Insats:Hemtjänst; SABO"), intervention("SABO", "Särskilt boende")];
    expect(only(runKpb(workbook(t)), "receiverAbove")).toHaveLength(1);
  });

  it("for andel keys a pool outside Mottagare may not get a Nycklar share", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "HT");
    t.keys = [
      ["OH", "HT", 0.5],
      ["OH", "SABO", 0.5],
    ];
    const o = runKpb(workbook(t));
    expect(only(o, "keyOutsideReceivers")).toMatchObject([{ table: "Nycklar", row: 3, column: "Till", severity: "error" }]);
  });

  it("a pool named in Mottagare without a Nycklar share is told it gets nothing", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "HT, SABO");
    t.keys = [["OH", "HT", 1]];
    const r = runOk(workbook(t));
    expect(r.problems.filter((p) => p.code === "receiverWithoutKey")).toMatchObject([{ table: "Pooler", row: 2, severity: "warning" }]);
  });

  it("andel keys with Mottagare * or blank still reach every pool below", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "");
    t.keys = [
      ["OH", "HT", 0.25],
      ["OH", "SABO", 0.75],
    ];
    const r = runOk(workbook(t));
    expect(pool(r, "SABO").allocatedOre).toBe(75_000);
  });

  it("a repeated Nycklar pair is an error, not silently summed", () => {
    const t = base();
    t.pools[0] = support("OH", "andel", "*");
    t.keys = [
      ["OH", "HT", 0.25],
      ["OH", "SABO", 0.5],
      ["OH", "HT", 0.25],
    ];
    const o = runKpb(workbook(t));
    expect(o.ok).toBe(false);
    expect(only(o, "keyDuplicate")).toMatchObject([{ table: "Nycklar", row: 4, severity: "error" }]);
  });
});

describe("volume keys across units (issue 21 class 12)", () => {
  it("a volym key over hours and days is refused, naming both", () => {
    const t = base();
    t.pools[0] = support("OH", "volym", "*");
    const o = runKpb(workbook(t));
    expect(o.ok).toBe(false);
    const [p] = only(o, "volumeKeyMixedUnits");
    expect(p).toMatchObject({ table: "Pooler", row: 2, column: "Fördelning", severity: "error" });
    expect(p.message).toContain("HT (timmar)");
    expect(p.message).toContain("SABO (dygn)");
  });

  it("a volym key over pools of one unit runs", () => {
    const t = base();
    t.pools = [support("OH", "volym", "*"), intervention("HT", "Hemtjänst"), intervention("HT2", "Hemtjänst"), intervention("SABO", "Särskilt boende")];
    t.pools[0] = support("OH", "volym", "HT, HT2");
    t.clients.push(["C", 1940, "HT2", 30, "2024-01"]);
    const r = runOk(workbook(t));
    expect(pool(r, "HT2").allocatedOre).toBe(75_000);
  });
});

describe("misleading outcomes (issue 21 class 14)", () => {
  it("a support pool last in Pooler with * is told that nothing stands below it", () => {
    const t = base();
    t.pools = [intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende"), support("OH", "kostnad", "*")];
    const [p] = only(runKpb(workbook(t)), "noPoolsBelow");
    expect(p).toMatchObject({ row: 4, column: "Mottagare", severity: "error" });
    expect(p.message).toMatch(/sist i Pooler/);
  });
});

describe("range rules compare numerically and warn on codes of another length (issue 12 class 9)", () => {
  const ranged = (konto: string): Tables => {
    const t = base();
    t.ledger = [
      ["1100", "100", "5110", 1000],
      ["6110", "511", "0123", 10_000],
      ["6110", "511", "50000", 5_000],
      ["6210", "512", "5110", 20_000],
    ];
    t.rules = [byAnsvar("1100", "OH"), ["6110", "", "", konto, "HT", ""], ["6110", "", "", "", "EXKL", "Övrigt"], byAnsvar("6210", "SABO")];
    return t;
  };

  it("0123 lies in 100-200 (as a number) and the range warns about its length", () => {
    const r = runOk(workbook(ranged("100-200")));
    expect(pool(r, "HT").directOre).toBe(1_000_000);
    const [p] = r.problems.filter((x) => x.code === "rangeCodeLength");
    expect(p).toMatchObject({ table: "Kodning", row: 3, column: "Konto", severity: "warning" });
    expect(p.message).toContain("inom intervallet: 0123");
    expect(p.message).toContain("utanför: 50000");
  });

  it("50000 does not lie in 5000-5999; codes of the bounds' length do not warn", () => {
    const r = runOk(workbook(ranged("5000-5999")));
    expect(pool(r, "HT").directOre).toBe(0);
    const found = r.problems.filter((x) => x.code === "rangeCodeLength");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("utanför: 50000)");
  });

  it("a range meets only rows whose other columns match: codes elsewhere do not warn", () => {
    const t = ranged("5000-5999");
    t.rules[1] = ["1100", "", "", "5000-5999", "HT", ""];
    const r = runKpb(workbook(t));
    expect(codes(r)).not.toContain("rangeCodeLength");
  });
});

describe("percent keys decided per support pool (issue 21 class 13)", () => {
  const keyed = (keys: Tables["keys"], header?: string) => {
    const t = base();
    t.pools[0] = support("OH", "andel", "*");
    t.keys = keys;
    const input = workbook(t);
    if (header) input.Nycklar!.rows![0] = ["Från", "Till", header];
    return input;
  };

  it("1 and 99 sum to 100: both are percent (1 is not 100 %)", () => {
    const r = runOk(keyed([["OH", "HT", 1], ["OH", "SABO", 99]]));
    expect(pool(r, "HT").receivedOre.OH).toBe(1_000);
    expect(pool(r, "SABO").receivedOre.OH).toBe(99_000);
  });

  it("0,25 and 0,75 are fractions; 25 and 75 percent; '25 %' beside 0,75 mixes correctly", () => {
    for (const keys of [
      [["OH", "HT", 0.25], ["OH", "SABO", 0.75]],
      [["OH", "HT", 25], ["OH", "SABO", 75]],
      [["OH", "HT", "25 %"], ["OH", "SABO", 0.75]],
    ]) {
      expect(pool(runOk(keyed(keys)), "HT").receivedOre.OH).toBe(25_000);
    }
  });

  it("a percent header makes the column percent: 0,5 and 99,5 under 'Andel (%)'", () => {
    const r = runOk(keyed([["OH", "HT", 0.5], ["OH", "SABO", 99.5]], "Andel (%)"));
    expect(pool(r, "HT").receivedOre.OH).toBe(500);
  });

  it("percent-formatted cells hold fractions: 0,01 and 0,99 shown as 1 % and 99 %", () => {
    const input = keyed([["OH", "HT", 0.01], ["OH", "SABO", 0.99]]);
    input.Nycklar!.numberFormats = [[null, null, null], [null, null, "0%"], [null, null, "0%"]];
    expect(pool(runOk(input), "HT").receivedOre.OH).toBe(1_000);
  });

  it("60 beside 0,4 only makes 1 read cell by cell: used so, with a warning about the mixed writing", () => {
    const r = runOk(keyed([["OH", "HT", 60], ["OH", "SABO", 0.4]]));
    expect(pool(r, "HT").receivedOre.OH).toBe(60_000);
    expect(r.problems.filter((p) => p.code === "keySharesMixed")).toHaveLength(1);
  });

  it("each support pool decides for itself", () => {
    const t = base();
    t.ledger.push(["1200", "100", "5110", 1000]);
    t.rules.unshift(byAnsvar("1200", "OH2"));
    t.pools = [support("OH", "andel", "*"), support("OH2", "andel", "HT, SABO"), intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende")];
    t.keys = [["OH", "HT", 1], ["OH", "SABO", 99], ["OH2", "HT", 0.5], ["OH2", "SABO", 0.5]];
    const r = runOk(workbook(t));
    expect(pool(r, "HT").receivedOre).toEqual({ OH: 1_000, OH2: 50_000 });
  });
});

describe("percent cells in Jämförelse (issue 21 class 1)", () => {
  const withBenchmark = (value: unknown, format?: string) => {
    const input = workbook(base());
    input.Jämförelse = { rows: [["Nyckeltal", "Värde", "År"], ["andel_brukare:ÄO:80-w", value as number, 2024], ["hemtjanst_egen_kr_timme", 649, 2024]], sheet: "Jämförelse" };
    if (format) input.Jämförelse.numberFormats = [[], [null, format, null], [null, "0", null]];
    return runOk(input);
  };
  const share = (r: ReturnType<typeof runOk>) => r.benchmark.find((b) => b.keyFigure.startsWith("andel"))!;

  it("a percent-formatted cell (0,498 shown as 49,8 %) is 49,8 %", () => {
    const r = withBenchmark(0.498, "0.0%");
    expect(share(r).value).toBe("49.8");
    expect(r.problems.map((p) => p.code)).not.toContain("benchmarkShareAmbiguous");
  });

  it("an unformatted 49,8 and the text '49,8 %' are 49,8 %", () => {
    expect(share(withBenchmark(49.8)).value).toBe("49.8");
    expect(share(withBenchmark("49,8 %")).value).toBe("49.8");
  });

  it("an unformatted share under 1 is read as percent, with a warning naming both readings", () => {
    const r = withBenchmark(0.498);
    expect(share(r).value).toBe("0.498");
    const [p] = r.problems.filter((x) => x.code === "benchmarkShareAmbiguous");
    expect(p).toMatchObject({ table: "Jämförelse", row: 2, column: "Värde", severity: "warning" });
    expect(p.message).toContain("49,8");
  });

  it("kronor figures are not touched by the share rule", () => {
    const r = withBenchmark(49.8);
    expect(r.benchmark.find((b) => b.keyFigure === "hemtjanst_egen_kr_timme")!.value).toBe("649");
  });
});

describe("population rows that only partly fit the age groups (issue 21 class 4)", () => {
  const withPopulation = (population: Tables["population"], settings: Tables["settings"] = []) => {
    const t = base();
    t.population = population;
    t.settings = settings;
    return runOk(workbook(t));
  };
  const inhabitants = (r: ReturnType<typeof runOk>, group: string) => r.consumption.find((c) => c.ageGroup === group && c.area === "ÄO")?.inhabitants;
  const young: Tables["population"] = [["0-19", 2000], ["20-64", 5000], ["65-79", 1000]];

  it("85-w without 80-84 is not the whole 80+ population: the group has a gap, reported", () => {
    const r = withPopulation([...young, ["85-w", 300]]);
    expect(inhabitants(r, "80-w")).toBe(0);
    const [p] = r.problems.filter((x) => x.code === "populationGap");
    expect(p.message).toContain("80-84");
    expect(r.keyFigures.find((k) => k.id === "hemtjanst_timmar_per_inv_80")).toBeUndefined();
  });

  it("a subtotal row 80-w beside 80-84 and 85-w is not counted twice", () => {
    const r = withPopulation([...young, ["80-84", 200], ["85-w", 300], ["80-w", 500]]);
    expect(inhabitants(r, "80-w")).toBe(500);
    expect(r.problems.filter((x) => x.code === "populationSubtotal")).toMatchObject([{ row: 7 }]);
  });

  it("single ages and finer groups add up exactly; a total row 0-w is a subtotal", () => {
    const r = withPopulation([...young, ["80", 50], ["81-89", 400], ["90-w", 50], ["0-w", 8500]]);
    expect(inhabitants(r, "80-w")).toBe(500);
    expect(inhabitants(r, "alla")).toBe(8500);
    expect(r.problems.filter((x) => x.code === "populationSubtotal").map((p) => p.row)).toEqual([8]);
  });

  it("a straddling row gets a message that says it straddles, naming the groups", () => {
    const r = withPopulation([["0-19", 2000], ["20-64", 5000], ["65-84", 1300], ["85-w", 200]]);
    const [p] = r.problems.filter((x) => x.code === "populationStraddles");
    expect(p).toMatchObject({ row: 4, severity: "warning" });
    expect(p.message).toContain("65-79, 80-w");
    expect(r.problems.map((x) => x.code)).not.toContain("unknownAgeGroup");
  });

  it("overlapping rows inside a group are reported, never summed", () => {
    const r = withPopulation([...young, ["80-86", 300], ["85-w", 250]]);
    expect(inhabitants(r, "80-w")).toBe(0);
    expect(r.problems.map((x) => x.code)).toContain("populationOverlap");
  });
});

describe("custom Åldersgrupper validated; 80+ stays 80+ (issue 21 class 7)", () => {
  const grouped = (groups: string, population: Tables["population"]) => {
    const t = base();
    t.settings = [["Åldersgrupper", groups]];
    t.population = population;
    return runOk(workbook(t));
  };

  it.each([
    ["0-19;20-64;65-73;75-w", "74"],
    ["0-19;20-64;65-80;80-w", "överlappar"],
    ["20-64;65-79;80-w", "börjar vid 20"],
    ["0-19;20-64;65-79;80-89", "öppen uppåt"],
  ])("%s is refused with the reason (%s) and the default groups are used", (groups, reason) => {
    const r = grouped(groups, [["0-19", 2000], ["20-64", 5000], ["65-79", 1000], ["80-w", 500]]);
    const [p] = r.problems.filter((x) => x.code === "badSetting");
    expect(p.message).toContain(reason);
    expect(r.settings.ageGroups.map((g) => g.label)).toEqual(["0-19", "20-64", "65-79", "80-w"]);
  });

  it("groups 65-84;85-w: the 80+ volume per inhabitant divides by 80+ inhabitants, not 85+", () => {
    const t = base();
    t.settings = [["Åldersgrupper", "0-19;20-64;65-84;85-w"]];
    t.population = [["0-19", 2000], ["20-64", 5000], ["65-79", 1000], ["80-84", 300], ["85-w", 200]];
    t.clients = [["A", 1940, "HT", 100, "2024-01"], ["B", 1935, "SABO", 30, "2024-01"]];
    const r = runOk(workbook(t));
    // Client A is 84: 100 hours over 500 inhabitants aged 80+ (300 + 200).
    expect(Number(r.keyFigures.find((k) => k.id === "hemtjanst_timmar_per_inv_80")!.value)).toBe(0.2);
    expect(explainKeyFigure(r, "hemtjanst_timmar_per_inv_80")!.ok).toBe(true);
  });
});

describe("80+ cannot be told from the rows (issue 21 class 7)", () => {
  it("groups 65-84;85-w with rows 65-84 and 85-w: no 80+ figure, and a warning that says why", () => {
    const t = base();
    t.settings = [["Åldersgrupper", "0-19;20-64;65-84;85-w"]];
    t.population = [["0-19", 2000], ["20-64", 5000], ["65-84", 1300], ["85-w", 200]];
    const r = runOk(workbook(t));
    expect(r.keyFigures.find((k) => k.id === "hemtjanst_timmar_per_inv_80")).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toContain("population80Missing");
  });
});

describe("hour bands start at 0 (issue 21 class 8)", () => {
  it("bands 15;25;50 get 0-15 in front, with a warning; 10 hours are not in 15-25", () => {
    const t = base();
    t.settings = [["Timintervall", "15;25;50"]];
    const r = runOk(workbook(t));
    expect(r.settings.hourBands).toEqual([0, 15, 25, 50]);
    expect(r.hourBands.find((b) => b.band === "0-15")!.clients).toBe(1);
    expect(r.hourBands.find((b) => b.band === "15-25")!.clients).toBe(0);
    expect(r.problems.map((p) => p.code)).toContain("hourBandFromZero");
  });
});

describe("hour bands given to the run start at 0 too (issue 21 class 8)", () => {
  it("overrides 15;25 become 0;15;25 with the same warning", () => {
    const r = runOk(workbook(base()), { overrides: { hourBands: [15, 25] } });
    expect(r.settings.hourBands).toEqual([0, 15, 25]);
    expect(r.problems.filter((p) => p.code === "hourBandFromZero")).toMatchObject([{ table: "Körning", severity: "warning" }]);
  });
});

describe("reciprocal support pools reconcile in their explanation (issue 12 class 6)", () => {
  it("two support pools serving each other: each explanation says it adds up, to the öre", () => {
    const t = base();
    t.ledger.push(["1200", "100", "5110", 101.48]);
    t.rules.unshift(byAnsvar("1200", "OH2"));
    t.pools = [support("OH", "andel", "*"), support("OH2", "andel", "*"), intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende")];
    t.keys = [
      ["OH", "OH2", 0.07], ["OH", "HT", 0.31], ["OH", "SABO", 0.62],
      ["OH2", "OH", 0.13], ["OH2", "HT", 0.29], ["OH2", "SABO", 0.58],
    ];
    t.settings = [["Fördelningsmetod", "reciprok"]];
    const r = runOk(workbook(t));
    for (const id of ["OH", "OH2"]) {
      const text = explanationText(explainPool(r, id)!);
      expect(text).not.toContain("STÄMMER INTE");
      expect(text).toContain("överföringarna till mottagarna summerar till vidarefördelat");
    }
  });
});
