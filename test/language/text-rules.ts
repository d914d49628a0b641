/**
 * Rules every user-facing text keeps, in Swedish and English: a count takes its noun in the right
 * number ("1 rad", "2 rader"; "1 row", "2 rows"), abbreviations are written in capitals (HSL, LSS,
 * SÄBO, KPB …), and amounts group their thousands with a no-break space, never a plain space.
 * `checkSwedishText(text)` returns what breaks a rule (empty when the text is clean), so the same
 * rules apply to messages, key-figure names and sheet layouts.
 */

/** Swedish plural nouns that a count of 1 must not take. */
const SV_PLURALS = [
  "rader", "varningar", "tabeller", "kolumner", "timmar", "dagar", "pooler", "insatspooler", "stödpooler", "insatser",
  "regler", "celler", "koder", "felvärden", "platser", "värden", "flikar", "jämförelserader", "veckor", "månader",
  "portioner", "mottagare?", "andelar", "nycklar", "åldersgrupper", "verifikationer", "transaktioner",
].filter((w) => !w.endsWith("?"));
/** Swedish singular nouns that a count of 2 or more must not take. */
const SV_SINGULARS = ["rad", "varning", "tabell", "kolumn", "timme", "dag", "pool", "insatspool", "insats", "regel", "cell", "kod", "plats", "värde", "flik", "jämförelserad", "vecka", "månad", "portion"];
/** English plurals that a count of 1 must not take, and singulars that 2 or more must not. */
const EN_PLURALS = ["rows", "warnings", "tables", "columns", "hours", "days", "pools", "interventions", "rules", "cells", "codes", "errors", "places", "values", "tabs", "months", "lines", "clients", "inhabitants", "characters"];
const EN_SINGULARS = ["row", "warning", "table", "column", "hour", "day", "pool", "intervention", "rule", "cell", "code", "error", "place", "value", "tab", "month", "line", "client", "inhabitant", "character"];

/** Abbreviations that are written in capitals wherever they stand as words. */
const ABBREVIATIONS = ["hsl", "lss", "hvb", "säbo", "kpb", "sfb", "lou"];

const NOT_LETTER = "(?![\\p{L}\\d_-])";
const words = (list: readonly string[]) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

const ONE_WITH_PLURAL = new RegExp(`(?<![\\p{L}\\d,.\\u00a0])1\\s(${words([...SV_PLURALS, ...EN_PLURALS])})${NOT_LETTER}`, "gu");
// "2 client ids", "2 intervention pools": an English noun used as an attribute stays singular.
const MANY_WITH_SINGULAR = new RegExp(`(?<![\\p{L}\\d,.\\u00a0])(?:[2-9]|[1-9]\\d+)\\s(${words([...SV_SINGULARS, ...EN_SINGULARS])})${NOT_LETTER}(?! (?:ids?|pools?)\\b)`, "gu");
const LOWER_ABBREVIATION = new RegExp(`(?<![\\p{L}\\d_])(${words(ABBREVIATIONS)})(?![\\p{L}\\d_])`, "gu");
/** A number with a plain space between its groups: "1 234", "12 345,50". */
const ASCII_GROUPS = /(?<![\d,.])\d{1,3}(?: \d{3})+(?:,\d+)?(?!\d)/g;

/** Text that names files, flags and commands, which keep their own spelling ("kpb run", "exempelby-kpb.xlsx"). */
function withoutFileNames(text: string): string {
  return text
    .replace(/\S*[\\/]\S*/g, " ")
    .replace(/\S+\.(xlsx|json|csv|txt|se|si|html)\b/gi, " ")
    .replace(/\.kpb-secret/g, " ")
    .replace(/\bkpb (run|demo|sample|kolada|explain|--help)(?![\w-])/g, " ")
    .replace(/--[a-z-]+/g, " ")
    .replace(/(?<![\p{L}\d_])kpb(?= *$)/gmu, " ");
}

/** What in `text` breaks the rules; empty when the text is clean. */
export function checkSwedishText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(ONE_WITH_PLURAL)) found.push(`count 1 with a plural: "${m[0]}"`);
  for (const m of text.matchAll(MANY_WITH_SINGULAR)) found.push(`count over 1 with a singular: "${m[0]}"`);
  for (const m of withoutFileNames(text).matchAll(LOWER_ABBREVIATION)) found.push(`abbreviation in lower case: "${m[0]}"`);
  for (const m of text.matchAll(ASCII_GROUPS)) found.push(`thousands separated by a plain space: "${m[0]}"`);
  return found;
}
