import type { KoladaEnvelope, KoladaError } from "./types";

/**
 * The smallest part of `fetch` the client needs. The task pane passes the browser's fetch, the
 * command line Node's, and tests a fake that replays recorded responses.
 */
export interface ResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<ResponseLike>;

export interface HttpOptions {
  fetch: FetchLike;
  baseUrl: string;
  timeoutMs: number;
  /** A guard against a server that keeps sending `next_url`. */
  maxPages: number;
}

/** One list request with all its pages: the values, "not found" (HTTP 404), or an error. */
export type ListResult<T> = { kind: "ok"; values: T[] } | { kind: "not_found" } | { kind: "error"; error: KoladaError };

type JsonResult = { kind: "ok"; body: unknown } | { kind: "not_found" } | { kind: "error"; error: KoladaError };

/** GET one URL as JSON; a slow answer is cut off after `timeoutMs` whether or not fetch honours the signal. */
async function getJson(url: string, options: HttpOptions): Promise<JsonResult> {
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      controller?.abort();
      resolve("timeout");
    }, options.timeoutMs);
  });
  const attempt = async (): Promise<JsonResult> => {
    const response = await options.fetch(url, { signal: controller?.signal, headers: { Accept: "application/json" } });
    if (response.status === 404) return { kind: "not_found" };
    if (!response.ok) {
      return { kind: "error", error: { kind: "http", status: response.status, url, message: `Kolada svarade med HTTP ${response.status}.` } };
    }
    try {
      return { kind: "ok", body: await response.json() };
    } catch {
      return { kind: "error", error: { kind: "bad_response", url, message: "Kolada svarade med något som inte är JSON." } };
    }
  };
  try {
    const result = await Promise.race([attempt(), timedOut]);
    if (result === "timeout") return timeoutError(url, options.timeoutMs);
    return result;
  } catch (e) {
    if (controller?.signal.aborted) return timeoutError(url, options.timeoutMs);
    return { kind: "error", error: { kind: "offline", url, message: `Kolada kunde inte nås (${describe(e)}).` } };
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(url: string, ms: number): JsonResult {
  return { kind: "error", error: { kind: "timeout", url, message: `Kolada svarade inte inom ${Math.round(ms / 1000)} sekunder.` } };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * GET a list and follow `next_url` until the last page. A 404 on the first page means "nothing
 * by these ids"; on a later page it is an error, because the list was cut short.
 */
export async function getAllPages<T>(firstUrl: string, options: HttpOptions): Promise<ListResult<T>> {
  const values: T[] = [];
  const seen = new Set<string>();
  let url: string | null = firstUrl;
  while (url !== null) {
    if (seen.has(url) || seen.size >= options.maxPages) {
      return { kind: "error", error: { kind: "bad_response", url, message: "Kolada skickade fler sidor än väntat; hämtningen avbröts." } };
    }
    seen.add(url);
    const result = await getJson(url, options);
    if (result.kind === "not_found") {
      if (url === firstUrl) return result;
      return { kind: "error", error: { kind: "http", status: 404, url, message: "En sida i Koladas svar saknades (HTTP 404)." } };
    }
    if (result.kind === "error") return result;
    const page = readEnvelope<T>(result.body);
    if (!page) return { kind: "error", error: { kind: "bad_response", url, message: "Koladas svar saknar listan values." } };
    values.push(...page.values);
    const next = nextPageUrl(page.next_url, options.baseUrl);
    if (next === "foreign") {
      return { kind: "error", error: { kind: "bad_response", url, message: "Koladas next_url pekar utanför Kolada; den följs inte." } };
    }
    url = next;
  }
  return { kind: "ok", values };
}

function readEnvelope<T>(body: unknown): { values: T[]; next_url?: string | null } | null {
  if (typeof body !== "object" || body === null) return null;
  const envelope = body as KoladaEnvelope<T>;
  return Array.isArray(envelope.values) ? { values: envelope.values, next_url: envelope.next_url } : null;
}

/** The next page, resolved against the base; only URLs on Kolada's own host are followed. */
function nextPageUrl(next: string | null | undefined, baseUrl: string): string | null | "foreign" {
  if (typeof next !== "string" || next.trim() === "") return null;
  try {
    const resolved = new URL(next, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
    return resolved.origin === new URL(baseUrl).origin ? resolved.toString() : "foreign";
  } catch {
    return "foreign";
  }
}
