import { BENCHMARK_HEADER } from "../../src/benchmark/kolada";
import {
  findPublished,
  parseConsumptionKeyFigure,
  PUBLISHED_FIGURES,
  publishedBenchmarkTable,
  publishedFigures,
  type PublishedFigure,
} from "../../src/engine";
import { Dec } from "../../src/engine/decimal";
import { KEY_FIGURE_NAMES } from "../../src/engine/key-figure-names";

describe("findPublished", () => {
  it("returns the KPB average for the year itself", () => {
    expect(findPublished("hemtjanst_egen_kr_timme", 2023)?.value).toBe("649");
    expect(findPublished("sabo_egen_kr_dygn_inkl_hsl", 2023)?.value).toBe("2559");
    expect(findPublished("sabo_egen_kr_dygn_inkl_hsl", 2015)?.value).toBe("1809");
    expect(findPublished("pers_ass_netto_kr_timme", 2011)?.value).toBe("78");
  });

  it("falls back to the nearest earlier year, never a later one", () => {
    expect(findPublished("hemtjanst_egen_kr_timme", 2019)).toMatchObject({ value: "472", year: 2016 });
    expect(findPublished("hemtjanst_egen_kr_timme", 2012)).toMatchObject({ value: "424", year: 2010 });
    expect(findPublished("hemtjanst_egen_kr_timme", 2009)).toBeUndefined();
  });

  it("returns the newest average without a year", () => {
    expect(findPublished("hemtjanst_egen_kr_timme")).toMatchObject({ value: "649", year: 2023 });
    expect(findPublished("gruppbostad_egen_kr_dygn")).toMatchObject({ value: "2491", year: 2011, kind: "kpb_average" });
  });

  it("finds per-age-group averages", () => {
    expect(findPublished("kostnad_per_invanare:ÄO:80-w", 2023)?.value).toBe("148587");
    expect(findPublished("kostnad_per_brukare:ÄO:80-w", 2024)?.value).toBe("302054");
    expect(findPublished("andel_brukare:ÄO/Hemtjänst:80-w")).toMatchObject({ value: "28.4", unit: "%" });
    // The engine's label for all ages together.
    expect(findPublished("kostnad_per_invanare:LSS:alla", 2023)?.value).toBe("6525");
  });

  it("has the 2023 KPB average for korttidsvård from the Aneby review, and none for an earlier year", () => {
    expect(findPublished("korttid_egen_kr_dygn", 2024)).toMatchObject({ value: "3362", year: 2023, unit: "kr/dygn", kind: "kpb_average" });
    expect(findPublished("korttid_egen_kr_dygn", 2022)).toBeUndefined();
  });

  it("knows nothing it was not given", () => {
    expect(findPublished("trygghetslarm_kr_manad")).toBeUndefined();
    expect(findPublished("no_such_figure", 2023)).toBeUndefined();
  });

  it("only ever returns KPB averages", () => {
    expect(findPublished("hemtjanst_egen_kr_timme", 2010)?.kind).toBe("kpb_average");
    expect(publishedFigures({ keyFigure: "hemtjanst_egen_kr_timme", year: 2010, municipalityCode: "0880" }).map((f) => f.value)).toEqual([
      "379",
      "332",
      "430",
    ]);
  });
});

describe("the bundled figures", () => {
  const label = (f: PublishedFigure) => `${f.keyFigure} ${f.year} ${f.kind} ${f.municipality?.name ?? ""} ${f.scope}`;

  it("are decimal strings, with a year, a unit, a scope and a source", () => {
    for (const f of PUBLISHED_FIGURES) {
      expect(`${label(f)}: ${/^\d+(\.\d+)?$/.test(f.value)}`).toBe(`${label(f)}: true`);
      expect(new Dec(f.value).isFinite()).toBe(true);
      expect(f.year).toBeGreaterThanOrEqual(2005);
      expect(f.year).toBeLessThanOrEqual(2030);
      expect(f.name && f.unit && f.scope && f.source).toBeTruthy();
      expect(Boolean(f.municipality)).toBe(f.kind === "municipality" || f.kind === "unit");
    }
  });

  it("use the engine's key-figure ids", () => {
    for (const f of PUBLISHED_FIGURES) {
      const known = f.keyFigure in KEY_FIGURE_NAMES || parseConsumptionKeyFigure(f.keyFigure) !== null;
      expect(`${f.keyFigure} ${known}`).toBe(`${f.keyFigure} true`);
      const kolada = KEY_FIGURE_NAMES[f.keyFigure]?.kolada;
      if (kolada && f.kolada) expect(f.kolada).toBe(kolada);
    }
  });

  it("have one KPB average per key figure and year, so the lookup is unambiguous", () => {
    const keys = publishedFigures({ kind: "kpb_average" }).map((f) => `${f.keyFigure}@${f.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("agree with themselves where the source's own arithmetic holds: per inhabitant ≈ per client × share", () => {
    const check = (area: string, age: string, kind: "kpb_average" | "municipality", code?: string) => {
      const get = (measure: string) =>
        publishedFigures({ keyFigure: `${measure}:${area}:${age}`, kind, year: 2023, municipalityCode: code })[0]?.value;
      const share = new Dec(get("kostnad_per_invanare")!).div(get("kostnad_per_brukare")!).times(100);
      expect(share.minus(get("andel_brukare")!).abs().lessThan(0.06)).toBe(true);
    };
    check("ÄO", "80-w", "municipality", "0604");
    check("ÄO/Hemtjänst", "80-w", "municipality", "0604");
    check("ÄO/Hemtjänst", "80-w", "kpb_average");
    check("ÄO/Särskilt boende", "80-w", "municipality", "0604");
    check("IFO/Vuxna missbruk", "20-64", "municipality", "0604");
    check("IFO/Vuxna missbruk", "20-64", "kpb_average");
    check("IFO/Ekonomiskt bistånd", "20-64", "municipality", "0604");
    check("IFO/Ekonomiskt bistånd", "20-64", "kpb_average");
  });

  it("give a benchmark table for a workbook without one", () => {
    const table = publishedBenchmarkTable(2023);
    expect(table[0]).toEqual(BENCHMARK_HEADER);
    const hemtjanst = table.find((r) => r[0] === "hemtjanst_egen_kr_timme");
    expect(hemtjanst?.slice(0, 2)).toEqual(["hemtjanst_egen_kr_timme", 649]);
    expect(hemtjanst?.[3]).toBe(2023);
    expect(hemtjanst?.[4]).toBe("KPB-snitt");
    const older = publishedBenchmarkTable(2011);
    expect(older.find((r) => r[0] === "gruppbostad_egen_kr_dygn")?.[1]).toBe(2491);
    expect(older.some((r) => r[0] === "hemtjanst_timmar_per_inv_80")).toBe(false);
  });
});
