/**
 * Förklara: from the active cell on a `KPB …` sheet to the engine's explanation of that row's
 * figure. Column A of every result table holds the row's id: a key figure on Översikt, a pool on
 * Styckkostnader and Spårning, a client on Brukare and Ytterfall.
 */
import {
  explainClient,
  explainKeyFigure,
  explainPool,
  explanationLines,
  type CellValue,
  type Explanation,
  type ExplanationLine,
  type KpbResult,
} from "../engine";
import type { Language } from "./i18n";

export type ExplainTarget =
  | { ok: true; explanation: Explanation; lines: ExplanationLine[] }
  | { ok: false; reason: "notResultSheet" | "noId" | "notFound"; id?: string };

type Kind = "keyFigure" | "pool" | "client";

const ORDER_BY_SHEET: Record<string, Kind[]> = {
  "KPB Översikt": ["keyFigure", "pool", "client"],
  "KPB Styckkostnader": ["pool", "keyFigure", "client"],
  "KPB Spårning": ["pool", "keyFigure", "client"],
  "KPB Brukare": ["client", "pool", "keyFigure"],
  "KPB Ytterfall": ["client", "pool", "keyFigure"],
};

function explain(result: KpbResult, kind: Kind, id: string): Explanation | null {
  switch (kind) {
    case "keyFigure":
      return explainKeyFigure(result, id);
    case "pool":
      return explainPool(result, id);
    case "client":
      return explainClient(result, id);
  }
}

/** Ledger rows listed per account class; the rest are summed in one line. */
const MAX_LEDGER_ROWS = 5;

export function explainRow(result: KpbResult, sheet: string, rowKey: CellValue, language: Language): ExplainTarget {
  if (!sheet.startsWith("KPB ")) return { ok: false, reason: "notResultSheet" };
  const id = rowKey === null || rowKey === undefined ? "" : String(rowKey).trim();
  if (!id) return { ok: false, reason: "noId" };
  for (const kind of ORDER_BY_SHEET[sheet] ?? ["pool", "keyFigure", "client"]) {
    const explanation = explain(result, kind, id);
    if (explanation) return { ok: true, explanation, lines: explanationLines(explanation, language, { maxRows: MAX_LEDGER_ROWS }) };
  }
  // KPB Översikt has the key figure's name in column A (its id is the last column).
  const named = result.keyFigures.find((f) => f.name === id);
  const explanation = named ? explain(result, "keyFigure", named.id) : null;
  if (explanation) return { ok: true, explanation, lines: explanationLines(explanation, language, { maxRows: MAX_LEDGER_ROWS }) };
  return { ok: false, reason: "notFound", id };
}

/** `'Ekonomi'!A17` or `Ekonomi!A17` → sheet and address; null for anything else. */
export function parseLink(link: string): { sheet: string; address: string } | null {
  const quoted = /^'((?:[^']|'')+)'!([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)$/i.exec(link);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), address: quoted[2] };
  const plain = /^([^'!]+)!([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)$/i.exec(link);
  if (plain) return { sheet: plain[1], address: plain[2] };
  return null;
}
