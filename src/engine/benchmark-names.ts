import { fold } from "./cells";
import { FORMER_FIGURE_NAMES, KEY_FIGURE_NAMES } from "./key-figure-names";
import type { BenchmarkRow, KeyFigure, PoolResult } from "./model";
import type { ProblemLog } from "./problems";

/**
 * Kolada's titles of the KPB figures that have an id here (Kolada's KPI catalogue): a Jämförelse
 * row copied from Kolada by title finds its figure.
 */
export const KOLADA_TITLES: Record<string, string> = {
  U21002: "KPB - Ytterfall ordinärt boende, andel brukare (%)",
  U21003: "KPB - Kostnad hemtjänst, egen regi, kr/beviljad timme",
  U21005: "KPB - Kostnad korttidsboende ordinärt boende, egen regi, kr/dygn",
  U21014: "KPB - Hemtjänsttimmar, antal timmar/inv 80+",
  U23004: "KPB - Kostnad särskilt boende, egen regi, kr/dygn",
  U23005: "KPB - Dygn inom särskilt boende, antal dygn/inv 80+",
  U23008: "KPB - Kostnad för HSL-insatser i särskilt boende, egen regi, kr/dygn",
  U25005: "KPB - Kostnad personlig assistans SFB (efter avdrag från f-kassan), egen regi, kr/timme",
  U25012: "KPB - Kostnad personlig assistans SFB brutto, egen regi, kr/timme",
  U26012: "KPB - Kostnad boendestöd enligt KPB, kr/timme",
  U28029: "KPB - Ytterfall insatser inom LSS, andel brukare (%)",
  U28030: "KPB - Kostnad gruppboende LSS för vuxna, egen regi, kr/dygn",
  U28031: "KPB - Kostnad daglig verksamhet LSS, egen regi, kr/dag",
  U28032: "KPB - Kostnad servicebostad LSS, egen regi, kr/dygn",
  U28096: "KPB - Kostnad korttidsvistelse enligt LSS, egen regi, kr/dygn",
};

/** Phrases first (they span words), then compound words split, then single words made one. */
const PHRASES: [RegExp, string][] = [
  [/^kpb\s*-\s*/, " "],
  [/egen och annan regi/g, " allaregi "],
  [/egen regi/g, " "],
  [/sarskilda boenden|sarskilt boende|sarskilda boendet|sarskilt boendet/g, " sabo "],
  [/hemtjanst(timme|timmar|timmen)/g, "hemtjanst timme"],
  [/(netto|brutto)timkostnad/g, "$1 timme"],
  [/timkostnad/g, " timme "],
  [/(vard)?dygnskostnad|vardygn/g, " dygn "],
  [/hsl-insatser|hsl insatser/g, " hsl "],
  [/halso- och sjukvard|halso och sjukvard/g, " hsl "],
  [/efter avdrag for ersattning fran forsakringskassan|efter avdrag fran f-kassan|efter fk-ersattning|efter fk ersattning/g, " netto "],
];
const WORDS: Record<string, string> = {
  timmar: "timme",
  tim: "timme",
  h: "timme",
  dagar: "dag",
  manader: "manad",
  portioner: "portion",
  gruppboende: "gruppbostad",
  korttidsboende: "korttidsvard",
  korttid: "korttidsvard",
  inklusive: "inkl",
  exklusive: "exkl",
  invanare: "inv",
  brukaren: "brukare",
};
const STOP = new Set(["kostnad", "kostnader", "kr", "kronor", "sek", "per", "i", "for", "av", "och", "inom", "enligt", "beviljad", "beviljade", "antal", "cost", "the", "of", "in", "a", "kpb", "snitt", "medel", "styckkostnad", "sfb", "vuxna"]);

const wordsCache = new Map<string, readonly string[]>();

/** The words of a figure name that carry meaning, sorted: "Hemtjänst kr/beviljad timme" → "hemtjanst timme". */
export function figureWords(text: string): readonly string[] {
  // The same names (every figure, every intervention's four ids) come back in every run.
  let words = wordsCache.get(text);
  if (words === undefined) {
    words = meaningfulWords(text);
    if (wordsCache.size > 50_000) wordsCache.clear();
    wordsCache.set(text, words);
  }
  return words;
}

function meaningfulWords(text: string): string[] {
  let t = ` ${fold(text)} `;
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  const words = t
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter(Boolean)
    .map((w) => WORDS[w] ?? w)
    .filter((w) => !STOP.has(w));
  return [...new Set(words)].sort();
}

interface Candidate {
  id: string;
  name: string;
  /** 0 = a published figure with a fixed id, 1 = a figure per intervention, 2 = the rest. */
  rank: number;
  names: string[];
}

function candidates(figures: KeyFigure[], pools: PoolResult[]): Candidate[] {
  const byId = new Map<string, Candidate>();
  const add = (id: string, name: string, names: string[]) => {
    const rank = KEY_FIGURE_NAMES[id] ? 0 : id.startsWith("styckkostnad:") && id.split(":").length === 3 ? 1 : 2;
    const c = byId.get(id);
    if (c) c.names.push(...names);
    else byId.set(id, { id, name, rank, names: [id, name, ...names] });
  };
  for (const [id, n] of Object.entries(KEY_FIGURE_NAMES)) add(id, n.name, [n.nameEn, ...(FORMER_FIGURE_NAMES[id] ?? []), ...(n.kolada ? [n.kolada, KOLADA_TITLES[n.kolada] ?? ""] : [])].filter(Boolean));
  for (const f of figures) add(f.id, f.name, f.kolada ? [f.kolada] : []);
  // Ids the benchmark analysis looks up by intervention even when the run has no such figure.
  for (const intervention of new Set(pools.filter((p) => p.kind === "insats").map((p) => p.insats))) {
    for (const suffix of ["", ":egen", ":annan", ":alla"]) add(`styckkostnad:${intervention}${suffix}`, `styckkostnad:${intervention}${suffix}`, []);
  }
  return [...byId.values()];
}

const ID_FAMILIES = /^(styckkostnad|kostnad_per_brukare|kostnad_per_invanare|andel_brukare|volym_per_invanare|brukarmix|kostnad_total):\S/;

function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const common = b.filter((w) => set.has(w)).length;
  return common / (a.length + b.length - common);
}

/**
 * Ties each `Jämförelse` row to the key figure it names: by id, name, English name, Kolada id or
 * Kolada title as written (case and accents aside), else by the meaningful words of the name
 * ("Hemtjänst kr/beviljad timme" = "Kostnad per beviljad hemtjänsttimme, egen regi"; egen regi is
 * what the published figures measure, so it may be left out). When several figures have the same
 * words, a published figure goes before one per intervention, and that before the rest; a tie at
 * the same level matches nothing. A row that matches nothing is a problem naming the closest
 * figures; a row for a year after the run's is never used (as with the bundled averages).
 */
export function resolveBenchmarkRows(rows: readonly BenchmarkRow[], figures: KeyFigure[], pools: PoolResult[], year: number, log: ProblemLog): BenchmarkRow[] {
  const all = candidates(figures, pools);
  const exact = new Map<string, Candidate>();
  const byWords = new Map<string, Candidate[]>();
  for (const c of all) {
    for (const n of c.names) {
      if (!exact.has(fold(n))) exact.set(fold(n), c);
      const key = figureWords(n).join(" ");
      if (!key) continue;
      const list = byWords.get(key) ?? [];
      if (!list.includes(c)) list.push(c);
      byWords.set(key, list);
    }
  }
  const later: BenchmarkRow[] = [];
  const out: BenchmarkRow[] = [];
  const reported = new Set<string>();
  for (const r of rows) {
    if (r.year !== null && r.year > year) later.push(r);
    // Ids the analyses read by family (per area, age group, intervention or band) are taken as written.
    if (ID_FAMILIES.test(r.keyFigure.trim())) {
      out.push(r);
      continue;
    }
    const named = exact.get(fold(r.keyFigure));
    if (named) {
      out.push({ ...r, figureId: named.id });
      continue;
    }
    const words = figureWords(r.keyFigure);
    const found = byWords.get(words.join(" ")) ?? [];
    const best = Math.min(...found.map((c) => c.rank));
    const chosen = found.filter((c) => c.rank === best);
    if (chosen.length === 1) {
      out.push({ ...r, figureId: chosen[0].id });
      continue;
    }
    out.push(r);
    if (reported.has(fold(r.keyFigure))) continue;
    reported.add(fold(r.keyFigure));
    const closest = (chosen.length > 1 ? chosen : all)
      .map((c) => ({ c, score: Math.max(...c.names.map((n) => similarity(words, figureWords(n)))) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.c.rank - b.c.rank)
      .slice(0, 3)
      .map((x) => `${x.c.name} (${x.c.id})`);
    log.warning("benchmarkRowUnmatched", { table: "Jämförelse", row: r.row, column: "Nyckeltal" }, {
      name: r.keyFigure,
      closest: closest.join("; "),
    });
  }
  if (later.length > 0) {
    log.warning("benchmarkLaterYear", { table: "Jämförelse", row: later[0].row, column: "År" }, {
      count: later.length,
      years: [...new Set(later.map((r) => r.year))].sort().join(", "),
      year,
    });
  }
  return out;
}
