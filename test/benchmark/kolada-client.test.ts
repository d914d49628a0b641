import { createKoladaClient } from "../../src/benchmark/kolada";
import { EMPTY_PAGE, fakeFetch } from "./fake-fetch";
import dataPage1 from "./fixtures/data-page-1.json";
import dataPage2 from "./fixtures/data-page-2.json";
import dataOneKpi from "./fixtures/data-one-kpi.json";
import kpisById from "./fixtures/kpis-by-id.json";
import kpiSearch from "./fixtures/kpi-search-kpb.json";
import municipalities from "./fixtures/municipalities.json";

const BASE = "https://api.kolada.se/v3";
const ok = (body: unknown) => ({ status: 200, body });
const kpiIds = (from: number, count: number) => Array.from({ length: count }, (_, i) => `U${String(from + i).padStart(5, "0")}`);

describe("getData", () => {
  const page1Url = `${BASE}/data/kpi/U21003,U23004/municipality/0604,0880/year/2022,2023`;
  const page2Url = `${BASE}/data/kpi/U21003,U23004/municipality/0604,0880/year/2022,2023?page=2&per_page=3`;

  it("follows next_url across two pages and flattens the rows of several municipalities", async () => {
    const { fetch, calls } = fakeFetch({ [page1Url]: ok(dataPage1), [page2Url]: ok(dataPage2) });
    const result = await createKoladaClient({ fetch }).getData({
      kpis: ["U21003", "U23004"],
      municipalities: ["0604", "0880"],
      years: [2022, 2023],
    });
    expect(calls).toEqual([page1Url, page2Url]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual([
      { kpi: "U21003", municipality: "0604", year: 2022, gender: "T", value: 731, status: "" },
      { kpi: "U21003", municipality: "0604", year: 2023, gender: "T", value: 745.5, status: "" },
      { kpi: "U21003", municipality: "0880", year: 2023, gender: "T", value: null, status: "" },
      { kpi: "U23004", municipality: "0604", year: 2023, gender: "T", value: 2601, status: "" },
      { kpi: "U23004", municipality: "0880", year: 2023, gender: "T", value: 2702.5, status: "" },
    ]);
    expect(result.missing).toEqual([]);
  });

  it("keeps a missing value as null and drops deleted points and deleted values", async () => {
    const { fetch } = fakeFetch({ [page1Url]: ok(dataPage1), [page2Url]: ok(dataPage2) });
    const result = await createKoladaClient({ fetch }).getData({
      kpis: ["U21003", "U23004"],
      municipalities: ["0604", "0880"],
      years: [2022, 2023],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.find((r) => r.municipality === "0880" && r.kpi === "U21003")?.value).toBeNull();
    expect(result.value.some((r) => r.value === 1111 || r.value === 9999)).toBe(false);
  });

  it("keeps the split by gender only when asked", async () => {
    const { fetch } = fakeFetch({ [page1Url]: ok(dataPage1), [page2Url]: ok(dataPage2) });
    const result = await createKoladaClient({ fetch }).getData({
      kpis: ["U21003", "U23004"],
      municipalities: ["0604", "0880"],
      years: [2022, 2023],
      gender: "all",
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.filter((r) => r.year === 2022 && r.kpi === "U21003").map((r) => [r.gender, r.value])).toEqual([
      ["T", 731],
      ["K", 720],
      ["M", 745],
    ]);
  });

  it("reports a KPI that no longer exists as missing and still returns the others", async () => {
    const both = `${BASE}/data/kpi/U21003,U99999/municipality/0604/year/2023`;
    const first = `${BASE}/data/kpi/U21003/municipality/0604/year/2023`;
    const second = `${BASE}/data/kpi/U99999/municipality/0604/year/2023`;
    const { fetch, calls } = fakeFetch({ [both]: { status: 404 }, [first]: ok(dataOneKpi), [second]: { status: 404 } });
    const result = await createKoladaClient({ fetch }).getData({ kpis: ["U21003", "U99999"], municipalities: ["0604"], years: [2023] });
    expect(calls).toEqual([both, first, second]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toHaveLength(1);
    expect(result.missing).toEqual(["U99999"]);
  });

  it("reports a KPI with an empty result as missing", async () => {
    const url = `${BASE}/data/kpi/U21003,U99999/municipality/0604/year/2023`;
    const { fetch } = fakeFetch({ [url]: ok(dataOneKpi) });
    const result = await createKoladaClient({ fetch }).getData({ kpis: ["U21003", "U99999"], municipalities: ["0604"], years: [2023] });
    expect(result.ok && result.missing).toEqual(["U99999"]);
  });

  it("splits more than 25 KPIs and municipalities into chunks of at most 25 per path segment", async () => {
    const kpis = kpiIds(20001, 27);
    const munis = Array.from({ length: 30 }, (_, i) => String(1000 + i));
    const { fetch, calls } = fakeFetch({});
    const result = await createKoladaClient({ fetch }).getData({ kpis, municipalities: munis, years: [2023] });
    expect(result.ok).toBe(true);
    const k1 = kpis.slice(0, 25).join(",");
    const k2 = kpis.slice(25).join(",");
    const m1 = munis.slice(0, 25).join(",");
    const m2 = munis.slice(25).join(",");
    expect(calls).toEqual([
      `${BASE}/data/kpi/${k1}/municipality/${m1}/year/2023`,
      `${BASE}/data/kpi/${k2}/municipality/${m1}/year/2023`,
      `${BASE}/data/kpi/${k1}/municipality/${m2}/year/2023`,
      `${BASE}/data/kpi/${k2}/municipality/${m2}/year/2023`,
    ]);
    for (const url of calls) {
      for (const segment of url.replace(BASE, "").split("/").filter((s) => s.includes(","))) {
        expect(segment.split(",").length).toBeLessThanOrEqual(25);
      }
    }
  });

  it("leaves out the year segment when no years are given", async () => {
    const { fetch, calls } = fakeFetch({});
    await createKoladaClient({ fetch }).getData({ kpis: ["U21003"], municipalities: ["0604"] });
    expect(calls).toEqual([`${BASE}/data/kpi/U21003/municipality/0604`]);
  });

  it("sends only KPI ids, municipality codes and years, and reports anything else as rejected", async () => {
    const { fetch, calls } = fakeFetch({});
    const result = await createKoladaClient({ fetch }).getData({
      kpis: ["u21003", "Anna Andersson"],
      municipalities: ["604", "19121212-1212"],
      years: [2023, 20231],
    });
    expect(calls).toEqual([`${BASE}/data/kpi/U21003/municipality/0604/year/2023`]);
    expect(result.rejected).toEqual(["ANNA ANDERSSON", "19121212-1212", "20231"]);
  });

  it("sends nothing when no valid id is left", async () => {
    const { fetch, calls } = fakeFetch({});
    const result = await createKoladaClient({ fetch }).getData({ kpis: ["U21003"], municipalities: ["Aneby kommun"], years: [2023] });
    expect(calls).toEqual([]);
    expect(result.ok && result.value).toEqual([]);
  });
});

describe("failures come back as typed results, never as exceptions", () => {
  const query = { kpis: ["U21003"], municipalities: ["0604"], years: [2023] };

  it("offline", async () => {
    const { fetch } = fakeFetch({}, { throws: new TypeError("Failed to fetch") });
    const result = await createKoladaClient({ fetch }).getData(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("offline");
  });

  it("timeout", async () => {
    const { fetch } = fakeFetch({}, { hang: true });
    const result = await createKoladaClient({ fetch, timeoutMs: 20 }).getData(query);
    expect(!result.ok && result.error.kind).toBe("timeout");
  });

  it("server error", async () => {
    const { fetch } = fakeFetch({}, { status: 503 });
    const result = await createKoladaClient({ fetch }).getData(query);
    expect(!result.ok && result.error).toMatchObject({ kind: "http", status: 503 });
  });

  it("an answer that is not a v3 envelope", async () => {
    const { fetch } = fakeFetch({}, { status: 200, body: "<html>" });
    const result = await createKoladaClient({ fetch }).getData(query);
    expect(!result.ok && result.error.kind).toBe("bad_response");
  });

  it("a next_url to another host is not followed", async () => {
    const url = `${BASE}/data/kpi/U21003/municipality/0604/year/2023`;
    const { fetch, calls } = fakeFetch({ [url]: ok({ ...dataOneKpi, next_url: "https://example.org/steal?x=1" }) });
    const result = await createKoladaClient({ fetch }).getData(query);
    expect(calls).toEqual([url]);
    expect(!result.ok && result.error.kind).toBe("bad_response");
  });

  it("a next_url that repeats itself stops instead of looping", async () => {
    const url = `${BASE}/data/kpi/U21003/municipality/0604/year/2023`;
    const { fetch, calls } = fakeFetch({ [url]: ok({ ...dataOneKpi, next_url: url }) });
    const result = await createKoladaClient({ fetch }).getData(query);
    expect(calls).toEqual([url]);
    expect(result.ok).toBe(false);
  });
});

describe("metadata", () => {
  it("searches KPIs by title", async () => {
    const url = `${BASE}/kpi?title=${encodeURIComponent("KPB - Kostnad hemtjänst")}`;
    const { fetch, calls } = fakeFetch({ [url]: ok(kpiSearch) });
    const result = await createKoladaClient({ fetch }).searchKpis("KPB - Kostnad hemtjänst");
    expect(calls).toEqual([url]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((k) => k.id)).toContain("U21003");
    expect(result.value[0].auspice).toBe("E");
  });

  it("does not search for text that looks like a personal identity number", async () => {
    const { fetch, calls } = fakeFetch({});
    const result = await createKoladaClient({ fetch }).searchKpis("121212-1212");
    expect(calls).toEqual([]);
    expect(result.rejected).toEqual(["121212-1212"]);
  });

  it("gets KPIs by id and lists an id Kolada does not return as missing", async () => {
    const url = `${BASE}/kpi/U21003,U99999`;
    const { fetch } = fakeFetch({ [url]: ok(kpisById) });
    const result = await createKoladaClient({ fetch }).getKpis(["U21003", "U99999"]);
    expect(result.ok && result.value.map((k) => k.id)).toEqual(["U21003"]);
    expect(result.ok && result.missing).toEqual(["U99999"]);
  });

  it("chunks more than 25 KPI ids", async () => {
    const ids = kpiIds(21001, 30);
    const { fetch, calls } = fakeFetch({});
    const result = await createKoladaClient({ fetch }).getKpis(ids);
    expect(calls).toEqual([`${BASE}/kpi/${ids.slice(0, 25).join(",")}`, `${BASE}/kpi/${ids.slice(25).join(",")}`]);
    expect(result.ok && result.missing).toEqual(ids);
  });

  it("gets municipalities by code and by title", async () => {
    const byCode = `${BASE}/municipality/0604,0880`;
    const byTitle = `${BASE}/municipality?title=Aneby`;
    const { fetch, calls } = fakeFetch({ [byCode]: ok(municipalities), [byTitle]: ok({ ...EMPTY_PAGE, values: [municipalities.values[0]] }) });
    const client = createKoladaClient({ fetch });
    const codes = await client.getMunicipalities(["0604", "0880"]);
    const named = await client.getMunicipalities({ title: "Aneby" });
    expect(calls).toEqual([byCode, byTitle]);
    expect(codes.ok && codes.value.map((m) => m.title)).toEqual(["Aneby", "Kalmar"]);
    expect(named.ok && named.value).toEqual([{ id: "0604", title: "Aneby", type: "K" }]);
  });
});
