/**
 * "Hämta från Kolada" in the pane: the fetch it uses. Checking the form and fetching live in
 * src/benchmark/kolada/kpb-benchmark.ts, shared with the command line's `kpb kolada`.
 */
import * as React from "react";
import type { FetchLike } from "../benchmark/kolada";

/** The fetch the pane uses for Kolada: the browser's unless a test provides one. */
export const KoladaFetchContext = React.createContext<FetchLike | null>(null);

export function browserFetch(): FetchLike | null {
  if (typeof globalThis.fetch !== "function") return null;
  return (url, init) => globalThis.fetch(url, init);
}

export function useKoladaFetch(): FetchLike | null {
  return React.useContext(KoladaFetchContext) ?? browserFetch();
}

export * from "../benchmark/kolada/kpb-benchmark";
