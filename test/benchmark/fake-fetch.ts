import type { FetchLike, ResponseLike } from "../../src/benchmark/kolada";

/** A recorded answer: a status and a JSON body, or a failure of the transport itself. */
export type Recorded = { status: number; body?: unknown } | { throws: Error } | { hang: true };

export const EMPTY_PAGE = { values: [], count: 0, next_url: null };

/**
 * Replays recorded responses by exact URL and remembers every URL asked for, in order.
 * Unknown URLs answer `otherwise` (default: an empty page).
 */
export function fakeFetch(routes: Record<string, Recorded>, otherwise: Recorded = { status: 200, body: EMPTY_PAGE }) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    const answer = routes[url] ?? otherwise;
    if ("throws" in answer) throw answer.throws;
    if ("hang" in answer) {
      return new Promise<ResponseLike>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      });
    }
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      json: async () => {
        if (typeof answer.body === "string") return JSON.parse(answer.body);
        return answer.body;
      },
    };
  };
  return { fetch, calls };
}
