/**
 * A stand-in for Kolada v3 that answers from the hand-written fixtures in fixtures/pane/, the way
 * the API does: the KPB title search, data filtered to the KPIs, municipalities and years in the
 * path, and municipalities by id. Used by the task pane's component test (as a FetchLike) and by
 * the browser test (inside page.route). Records every URL asked for.
 */
import type { FetchLike } from "../../src/benchmark/kolada";
import data from "./fixtures/pane/data-kpb.json";
import municipalities from "./fixtures/pane/municipalities.json";
import search from "./fixtures/pane/kpi-search-kpb-all.json";

export const KOLADA_V3 = "https://api.kolada.se/v3";

export interface KoladaAnswer {
  status: number;
  body: unknown;
}

const page = (values: unknown[]) => ({ count: values.length, next_url: null, values });
const list = (segment: string | undefined) => new Set((segment ?? "").split(",").filter(Boolean).map(decodeURIComponent));

/** The answer Kolada would give to `url` (404 for anything this stand-in does not know). */
export function answerKolada(url: string): KoladaAnswer {
  const parsed = new URL(url);
  if (parsed.origin !== "https://api.kolada.se" || !parsed.pathname.startsWith("/v3/")) return { status: 404, body: { detail: "Not Found" } };
  const path = parsed.pathname.slice("/v3".length);
  if (path === "/kpi") {
    const title = parsed.searchParams.get("title") ?? "";
    return { status: 200, body: title === "KPB" ? search : page([]) };
  }
  const dataPath = /^\/data\/kpi\/([^/]+)\/municipality\/([^/]+)(?:\/year\/([^/]+))?$/.exec(path);
  if (dataPath) {
    const kpis = list(dataPath[1]);
    const munis = list(dataPath[2]);
    const years = dataPath[3] ? list(dataPath[3]) : null;
    const values = data.values.filter((p) => kpis.has(p.kpi) && munis.has(p.municipality) && (years === null || years.has(String(p.period))));
    return { status: 200, body: page(values) };
  }
  const muniPath = /^\/municipality\/([^/]+)$/.exec(path);
  if (muniPath) {
    const ids = list(muniPath[1]);
    return { status: 200, body: page(municipalities.values.filter((m) => ids.has(m.id))) };
  }
  return { status: 404, body: { detail: "Not Found" } };
}

/** A FetchLike over `answerKolada`, with the URLs asked for. */
export function recordedKolada(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const answer = answerKolada(url);
    return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, json: async () => answer.body };
  };
  return { fetch, calls };
}

/** A FetchLike that fails like a browser without a network. */
export function offlineKolada(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    throw new TypeError("Failed to fetch");
  };
  return { fetch, calls };
}
