import {
  createKoladaClient,
  FALLBACK_KPB_KPI_IDS,
  fetchWithFallback,
  findKpbKpis,
  KOLADA_SNAPSHOT,
  normaliseTitle,
  toBenchmarkRows,
  type KoladaValueRow,
} from "../../src/benchmark/kolada";
import { BENCHMARK_HEADER } from "../../src/benchmark/kolada";
import { KEY_FIGURE_NAMES } from "../../src/engine/key-figure-names";
import { fakeFetch } from "./fake-fetch";
import dataPage1 from "./fixtures/data-page-1.json";
import dataPage2 from "./fixtures/data-page-2.json";
import kpiSearch from "./fixtures/kpi-search-kpb.json";

const BASE = "https://api.kolada.se/v3";
const SEARCH_URL = `${BASE}/kpi?title=KPB`;

describe("findKpbKpis", () => {
  it("finds the KPB KPIs by title, including a renumbered one, and falls back for the rest", async () => {
    const { fetch, calls } = fakeFetch({ [SEARCH_URL]: { status: 200, body: kpiSearch } });
    const lookup = await findKpbKpis(createKoladaClient({ fetch }));
    expect(calls).toEqual([SEARCH_URL]);
    expect(lookup.ids.hemtjanst_egen_kr_timme).toBe("U21003");
    expect(lookup.ids.sabo_egen_kr_dygn_inkl_hsl).toBe("U23004"); // en dash and double space in the title
    expect(lookup.ids.gruppbostad_egen_kr_dygn).toBe("U99030"); // the title wins over the 2021 id
    expect(lookup.ids.pers_ass_netto_kr_timme).toBe("U25005");
    expect(lookup.matchedByTitle.sort()).toEqual(
      ["gruppbostad_egen_kr_dygn", "hemtjanst_egen_kr_timme", "pers_ass_netto_kr_timme", "sabo_egen_kr_dygn_inkl_hsl"].sort(),
    );
    expect(lookup.ids.korttidsvistelse_lss_kr_dygn).toBe("U28096");
    expect(lookup.fallback).toContain("korttidsvistelse_lss_kr_dygn");
    expect(lookup.error).toBeUndefined();
  });

  it("uses the 2021 ids when Kolada cannot be reached", async () => {
    const { fetch } = fakeFetch({}, { throws: new TypeError("Failed to fetch") });
    const lookup = await findKpbKpis(createKoladaClient({ fetch }));
    expect(lookup.ids).toEqual(FALLBACK_KPB_KPI_IDS);
    expect(lookup.matchedByTitle).toEqual([]);
    expect(lookup.error?.kind).toBe("offline");
  });

  it("covers the key figures the brief names with their 2021 ids", () => {
    expect(FALLBACK_KPB_KPI_IDS).toMatchObject({
      hemtjanst_egen_kr_timme: "U21003",
      sabo_egen_kr_dygn_inkl_hsl: "U23004",
      hsl_sabo_kr_dygn: "U23008",
      korttid_egen_kr_dygn: "U21005",
      gruppbostad_egen_kr_dygn: "U28030",
      daglig_verksamhet_egen_kr_dag: "U28031",
      pers_ass_netto_kr_timme: "U25005",
      pers_ass_brutto_kr_timme: "U25012",
      korttidsvistelse_lss_kr_dygn: "U28096",
      ytterfall_ordinart_andel: "U21002",
      ytterfall_lss_andel: "U28029",
      hemtjanst_timmar_per_inv_80: "U21014",
      sabo_dygn_per_inv_80: "U23005",
    });
  });

  it("agrees with the engine's key-figure table wherever that names a Kolada id", () => {
    for (const [keyFigure, id] of Object.entries(FALLBACK_KPB_KPI_IDS)) {
      const kolada = KEY_FIGURE_NAMES[keyFigure]?.kolada;
      if (kolada) expect(`${keyFigure} ${id}`).toBe(`${keyFigure} ${kolada}`);
    }
  });

  it("normalises titles", () => {
    expect(normaliseTitle("KPB – Kostnad särskilt boende,  egen regi , kr/dygn")).toBe("kostnad särskilt boende, egen regi, kr/dygn");
  });
});

describe("toBenchmarkRows", () => {
  const rows: KoladaValueRow[] = [
    { kpi: "U23004", municipality: "0880", year: 2023, gender: "T", value: 2702.5, status: "" },
    { kpi: "U21003", municipality: "0604", year: 2023, gender: "T", value: 745.5, status: "" },
    { kpi: "U21003", municipality: "0604", year: 2023, gender: "K", value: 740, status: "" },
    { kpi: "U21003", municipality: "0880", year: 2023, gender: "T", value: null, status: "" },
    { kpi: "U21015", municipality: "0604", year: 2023, gender: "T", value: 12.5, status: "" },
  ];

  it("writes the Jämförelse header and one row per total with a value", () => {
    expect(toBenchmarkRows(rows, { "0604": "Aneby" })).toEqual([
      [...BENCHMARK_HEADER],
      ["hemtjanst_egen_kr_timme", 745.5, "Kolada U21003", 2023, "0604 Aneby"],
      ["sabo_egen_kr_dygn_inkl_hsl", 2702.5, "Kolada U23004", 2023, "0880"],
      ["U21015", 12.5, "Kolada U21015", 2023, "0604 Aneby"],
    ]);
  });

  it("uses the ids found by title", () => {
    const table = toBenchmarkRows(
      [{ kpi: "U99030", municipality: "0604", year: 2023, gender: "T", value: 3000, status: "" }],
      {},
      { ...FALLBACK_KPB_KPI_IDS, gruppbostad_egen_kr_dygn: "U99030" },
    );
    expect(table[1]).toEqual(["gruppbostad_egen_kr_dygn", 3000, "Kolada U99030", 2023, "0604"]);
  });
});

describe("fetchWithFallback and the snapshot", () => {
  const query = { kpis: ["U21003", "U23004"], municipalities: ["0604", "0880"], years: [2022, 2023] };

  it("uses Kolada when it answers", async () => {
    const page1 = `${BASE}/data/kpi/U21003,U23004/municipality/0604,0880/year/2022,2023`;
    const { fetch } = fakeFetch({ [page1]: { status: 200, body: dataPage1 }, [`${page1}?page=2&per_page=3`]: { status: 200, body: dataPage2 } });
    const result = await fetchWithFallback(createKoladaClient({ fetch }), query);
    expect(result.source).toBe("kolada");
    expect(result.rows).toHaveLength(5);
    expect(result.error).toBeUndefined();
  });

  it("falls back to the bundled snapshot, which holds no invented values, when the network fails", async () => {
    const { fetch } = fakeFetch({}, { throws: new TypeError("Failed to fetch") });
    const result = await fetchWithFallback(createKoladaClient({ fetch }), query);
    expect(result).toMatchObject({ source: "snapshot", rows: [], missing: ["U21003", "U23004"] });
    expect(result.error?.kind).toBe("offline");
  });

  it("serves the snapshot's own rows for the same query", async () => {
    const { fetch } = fakeFetch({}, { hang: true });
    const snapshot = {
      ...KOLADA_SNAPSHOT,
      values: [
        { kpi: "U21003", municipality: "0604", year: 2023, gender: "T" as const, value: 500, status: "" },
        { kpi: "U21003", municipality: "0604", year: 2019, gender: "T" as const, value: 400, status: "" },
        { kpi: "U21003", municipality: "1480", year: 2023, gender: "T" as const, value: 450, status: "" },
      ],
    };
    const result = await fetchWithFallback(createKoladaClient({ fetch, timeoutMs: 20 }), query, snapshot);
    expect(result.source).toBe("snapshot");
    expect(result.error?.kind).toBe("timeout");
    expect(result.rows.map((r) => r.value)).toEqual([500]);
    expect(result.missing).toEqual(["U23004"]);
  });

  it("holds the 35 KPB KPIs of the 2021 catalogue and no data values", () => {
    expect(KOLADA_SNAPSHOT.kpis).toHaveLength(35);
    expect(KOLADA_SNAPSHOT.kpis.every((k) => /^U\d{5}$/.test(k.id) && k.title.startsWith("KPB - "))).toBe(true);
    expect(new Set(KOLADA_SNAPSHOT.kpis.map((k) => k.id)).size).toBe(35);
    expect(KOLADA_SNAPSHOT.values).toEqual([]);
  });
});
