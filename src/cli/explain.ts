import {
  closePoolIds,
  explainClient,
  explainKeyFigure,
  explainPool,
  explanationText,
  fold,
  runKpb,
  type Explanation,
  type KpbResult,
  type Language,
} from "../engine";
import { defaultSecretFile, loadSecret } from "./secret";
import { problemList } from "./summary";
import { readWorkbookFile } from "./xlsx-input";
import { cliLanguage, cliMessage } from "./messages";

/** Wrong use of `kpb explain`: main prints it with the usage text and exits 2. */
export class ExplainUsageError extends Error {}

export const EXPLAIN_FLAGS = ["pool", "client", "figure", "lang", "rows", "year", "method", "secret-file"];

/** Ledger rows shown per account class unless --rows says otherwise. */
const DEFAULT_ROWS = 50;

function closest(candidates: string[], wanted: string, max = 5): string[] {
  const w = fold(wanted);
  return candidates
    .map((id) => ({ id, score: fold(id).includes(w) || w.includes(fold(id)) ? 0 : 1 }))
    .filter((x) => x.score === 0)
    .slice(0, max)
    .map((x) => x.id);
}

/**
 * `kpb explain <workbook> --pool ID | --client ID | --figure ID`: runs the workbook and prints how
 * the figure was built, down to the ledger rows and the support-pool shares. Exit 0 when explained,
 * 1 when data errors stop the run, 2 for an unknown id (with the closest ids) or wrong use.
 */
export async function explainWorkbook(file: string, flags: Map<string, string>): Promise<number> {
  for (const f of flags.keys()) if (!EXPLAIN_FLAGS.includes(f)) throw new ExplainUsageError(cliMessage("unknownFlag", { flag: f }));
  const wanted = (["pool", "client", "figure"] as const).filter((f) => flags.has(f));
  if (wanted.length !== 1) throw new ExplainUsageError(cliMessage("explainNeedsOne"));
  // --lang is global (main sets it); read here too so a direct call with --lang still works.
  const language = (flags.get("lang") ?? cliLanguage()) as Language;
  if (language !== "sv" && language !== "en") throw new ExplainUsageError(cliMessage("badLanguage"));
  const rowsText = flags.get("rows");
  const maxRows = rowsText === undefined ? DEFAULT_ROWS : /^(alla|all)$/i.test(rowsText) ? Infinity : Number(rowsText);
  if (!(maxRows === Infinity || (Number.isInteger(maxRows) && maxRows >= 0))) throw new ExplainUsageError(cliMessage("badRows"));
  const yearText = flags.get("year");
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2200)) throw new ExplainUsageError(cliMessage("badYear", { flag: "--year" }));
  const method = flags.get("method");
  if (method !== undefined && method !== "stegvis" && method !== "reciprok") throw new ExplainUsageError(cliMessage("badMethod"));

  // The same secret as `kpb run`, so pseudonymised client ids are the ones in its results (never saved here).
  const secret = await loadSecret(flags.get("secret-file") ?? defaultSecretFile(file));
  const input = await readWorkbookFile(file);
  const outcome = runKpb(input, { overrides: { year, allocationMethod: method as "stegvis" | "reciprok" | undefined }, pseudonymSecret: secret.secret });
  if (!outcome.ok) {
    console.error(`${cliMessage("runStopped", { errors: outcome.problems.filter((p) => p.severity === "error").length })}\n${problemList(outcome.problems)}`);
    return 1;
  }
  const result = outcome.result;
  const id = flags.get(wanted[0])!;
  const explanation = find(result, wanted[0], id);
  if (!explanation) {
    console.error(notFound(result, wanted[0], id));
    return 2;
  }
  console.log(explanationText(explanation, language, { maxRows }));
  return 0;
}

function find(result: KpbResult, what: "pool" | "client" | "figure", id: string): Explanation | null {
  if (what === "pool") return explainPool(result, id);
  if (what === "client") return explainClient(result, id);
  return explainKeyFigure(result, id);
}

function notFound(result: KpbResult, what: "pool" | "client" | "figure", id: string): string {
  if (what === "pool") {
    return cliMessage("poolNotFound", { pool: id, near: closePoolIds(result, id).join(", ") });
  }
  if (what === "client") {
    const near = closest(result.clients.map((c) => c.id), id);
    return cliMessage("clientNotFound", { client: id, near: near.join(", ") });
  }
  if (result.keyFigures.some((f) => f.id === id)) return cliMessage("figureNotExplained", { figure: id });
  const near = closest(result.keyFigures.map((f) => f.id), id, 10);
  return cliMessage("figureNotFound", { figure: id, near: near.join(", ") });
}
