import type { KoladaClient } from "./client";
import { KOLADA_SNAPSHOT } from "./snapshot";
import type { KoladaError, KoladaKpi } from "./types";

/**
 * Kolada retires and renumbers KPIs, so the KPB KPIs are found by title each time and the 2021
 * ids are only the fallback. A title that matches confirms the id, whatever it is now.
 */
export interface KpbKpiDefinition {
  keyFigure: string;
  /** Kolada's title, the thing that is searched for. */
  title: string;
  /** The id the title had in the 2021 catalogue. */
  fallbackId: string;
}

export const KPB_KPI_DEFINITIONS: readonly KpbKpiDefinition[] = KOLADA_SNAPSHOT.kpis
  .filter((k) => k.keyFigure !== undefined)
  .map((k) => ({ keyFigure: k.keyFigure as string, title: k.title, fallbackId: k.id }));

/** keyFigure → the 2021 Kolada id. */
export const FALLBACK_KPB_KPI_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  KPB_KPI_DEFINITIONS.map((d) => [d.keyFigure, d.fallbackId]),
);

export interface KpbKpiLookup {
  /** keyFigure → Kolada id to use now. */
  ids: Record<string, string>;
  /** Key figures whose id was confirmed by its title in Kolada's current catalogue. */
  matchedByTitle: string[];
  /** Key figures that kept the 2021 id because no current title matched (or Kolada was unreachable). */
  fallback: string[];
  /** Set when the search itself failed; every key figure then uses its fallback id. */
  error?: KoladaError;
}

/** The word every KPB KPI title starts with; one search returns the whole family. */
const KPB_SEARCH = "KPB";

export async function findKpbKpis(client: KoladaClient): Promise<KpbKpiLookup> {
  const found = await client.searchKpis(KPB_SEARCH);
  if (!found.ok) return { ...allFallback(), error: found.error };
  const byTitle = new Map<string, KoladaKpi[]>();
  for (const k of found.value) {
    if (typeof k?.id !== "string" || typeof k.title !== "string") continue;
    const key = normaliseTitle(k.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), k]);
  }
  const lookup: KpbKpiLookup = { ids: {}, matchedByTitle: [], fallback: [] };
  for (const def of KPB_KPI_DEFINITIONS) {
    const matches = byTitle.get(normaliseTitle(def.title)) ?? [];
    // Several KPIs with one title: keep the known id if it is among them, else the first.
    const chosen = matches.find((k) => k.id === def.fallbackId) ?? matches[0];
    if (chosen) {
      lookup.ids[def.keyFigure] = chosen.id;
      lookup.matchedByTitle.push(def.keyFigure);
    } else {
      lookup.ids[def.keyFigure] = def.fallbackId;
      lookup.fallback.push(def.keyFigure);
    }
  }
  return lookup;
}

function allFallback(): KpbKpiLookup {
  return { ids: { ...FALLBACK_KPB_KPI_IDS }, matchedByTitle: [], fallback: KPB_KPI_DEFINITIONS.map((d) => d.keyFigure) };
}

/**
 * Titles compared without case, dash style, spacing or the "KPB - " prefix, which Kolada has
 * written with different dashes over the years.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/\s*,\s*/g, ", ")
    .replace(/\(\s+/g, "(")
    .replace(/\s+\)/g, ")")
    .trim()
    .replace(/^kpb\s*[-:]\s*/, "");
}
