/**
 * What the summary card shows after a run: the main key figures against the benchmark, and what
 * changed since the previous run. Selection only: the benchmark, index, difference and direction
 * come from the engine's comparison (`compareKeyFigures`, the same as on `KPB Översikt`: the
 * workbook's `Jämförelse` first, then the published KPB averages shipped with the add-in).
 */
import { bundledPublished, compareKeyFigures, Dec, figureNameIn, type KeyFigure, type KeyFigureComparison, type KpbResult } from "../engine";
import type { Language } from "./i18n";

/** The figures a KPB reader looks at first, in this order (those the run produced). */
export const HEADLINE_FIGURES = [
  "hemtjanst_egen_kr_timme",
  "sabo_egen_kr_dygn_inkl_hsl",
  "korttid_egen_kr_dygn",
  "gruppbostad_egen_kr_dygn",
  "daglig_verksamhet_egen_kr_dag",
  "pers_ass_netto_kr_timme",
  "hvb_kr_dygn",
  "familjehem_kr_dygn",
  "ytterfall_ordinart_andel",
  "kostnad_per_brukare:ÄO:alla",
  "kostnad_per_invanare:ÄO:alla",
  "kostnad_total:ÄO",
  "kostnad_total:LSS",
  "kostnad_total:IFO",
];

export interface FigureBenchmark {
  value: string;
  source: string;
  year: number | null;
}

export interface SummaryFigure {
  id: string;
  name: string;
  unit: string;
  value: string;
  benchmark: FigureBenchmark | null;
  /** own − benchmark (decimal string), null without a benchmark. */
  difference: string | null;
  /** own ÷ benchmark (decimal string), null without a benchmark or when it is zero. */
  index: string | null;
  direction: "up" | "down" | "same" | null;
}

/** The figure's name in the pane language (fixed names and family names both come in Swedish and English). */
export function figureName(figure: Pick<KeyFigure, "id" | "name" | "nameParts">, language: Language): string {
  return language === "en" ? figureNameIn(figure, "en") : figure.name;
}

const DIRECTION = { higher: "up", lower: "down", equal: "same" } as const;

function toSummary(c: KeyFigureComparison, language: Language): SummaryFigure {
  const base = { id: c.id, name: figureName(c, language), unit: c.unit, value: c.own };
  if (c.benchmark === null) return { ...base, benchmark: null, difference: null, index: null, direction: null };
  const who = c.origin === "Publicerat" ? "KPB-snitt" : c.municipality || c.source || "";
  return {
    ...base,
    benchmark: { value: c.benchmark, source: who, year: c.benchmarkYear },
    difference: c.difference,
    index: c.index,
    direction: c.direction ? DIRECTION[c.direction] : null,
  };
}

/** The main key figures: the headline list, then any other figure that has a benchmark. */
export function summaryFigures(result: KpbResult, language: Language, max = 14): SummaryFigure[] {
  const comparisons = compareKeyFigures(result, result.benchmark, bundledPublished);
  const byId = new Map(comparisons.map((c) => [c.id, c]));
  const chosen: KeyFigureComparison[] = [];
  for (const id of HEADLINE_FIGURES) {
    const c = byId.get(id);
    if (c) chosen.push(c);
  }
  for (const c of comparisons) {
    if (chosen.length >= max) break;
    if (!chosen.includes(c) && c.benchmark !== null && !c.id.includes(":")) chosen.push(c);
  }
  return chosen.slice(0, max).map((c) => toSummary(c, language));
}

export interface FigureChange {
  id: string;
  name: string;
  unit: string;
  before: string;
  after: string;
  difference: string;
}

/**
 * Key figures whose value differs from the previous run (headline figures first), or null when
 * there was no previous run. Figures new in this run are not listed.
 */
export function changesSincePrevious(
  result: KpbResult,
  previous: Record<string, string> | undefined,
  language: Language,
): FigureChange[] | null {
  if (!previous) return null;
  const changes: FigureChange[] = [];
  for (const f of result.keyFigures) {
    const before = previous[f.id];
    if (before === undefined) continue;
    let diff: Dec;
    try {
      diff = new Dec(f.value).minus(new Dec(before));
    } catch {
      continue;
    }
    if (diff.isZero()) continue;
    changes.push({ id: f.id, name: figureName(f, language), unit: f.unit, before, after: f.value, difference: diff.toFixed() });
  }
  const rank = (id: string) => {
    const i = HEADLINE_FIGURES.indexOf(id);
    return i < 0 ? HEADLINE_FIGURES.length : i;
  };
  return changes.sort((a, b) => rank(a.id) - rank(b.id));
}
