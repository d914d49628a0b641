import type { AgeGroup, PopulationRow, Settings } from "./model";
import type { ProblemLog } from "./problems";
import { parseAgeGroupLabel } from "./settings";

/**
 * Inhabitants per age group, from `Befolkning` rows that may be the groups themselves, single
 * years, finer groups (80-84, 85-w) or a mix with subtotals. Each group is counted exactly:
 *  - rows inside the group that contain other rows of it are subtotals, never added again;
 *  - the finest rows must cover the group without gap or overlap, else a row equal to the whole
 *    group is used; failing both the group has no population (and is reported), rather than a
 *    part of it (85-w) standing for the whole (80-w);
 *  - a row that straddles two groups (65-84 against 65-79 and 80-w) cannot be split and is
 *    reported as such.
 */
interface Span {
  row: number;
  label: string;
  from: number;
  /** Inclusive; Infinity for "w". */
  to: number;
  count: number;
}

const spanOf = (r: PopulationRow): Span | null => {
  const g = parseAgeGroupLabel(r.group);
  return g ? { row: r.row, label: g.label, from: g.from, to: g.to ?? Infinity, count: r.count } : null;
};

const contains = (a: Span, b: Span) => a.from <= b.from && b.to <= a.to;
const label = (from: number, to: number) => (to === Infinity ? `${from}-w` : from === to ? `${from}` : `${from}-${to}`);

export interface AgeFit {
  /** Inhabitants in the range, or null when the rows cannot give it exactly. */
  count: number | null;
  /** Ages the rows do not cover, as labels ("80-84"). */
  gaps: string[];
  /** Rows left out as subtotals of other rows: the row and the rows it sums. */
  subtotals: { span: Span; parts: Span[] }[];
  /** Rows that partly overlap another row of the range (neither contains the other). */
  overlaps: [Span, Span][];
}

/** The inhabitants aged from..to (to null = no upper limit), fitted exactly from the rows. */
function fit(spans: Span[], from: number, to: number): AgeFit {
  const inside = spans.filter((s) => s.from >= from && s.to <= to);
  // Identical rows: the later one overlaps the earlier (a duplicate, never added twice).
  const overlaps: [Span, Span][] = [];
  const distinct: Span[] = [];
  for (const s of inside) {
    const twin = distinct.find((d) => d.from === s.from && d.to === s.to);
    if (twin) overlaps.push([twin, s]);
    else distinct.push(s);
  }
  const leaves = distinct.filter((s) => !distinct.some((o) => o !== s && contains(s, o)));
  const subtotals = distinct.filter((s) => !leaves.includes(s)).map((s) => ({ span: s, parts: leaves.filter((l) => contains(s, l)) }));
  const sorted = [...leaves].sort((a, b) => a.from - b.from);
  const gaps: string[] = [];
  let next = from;
  for (const s of sorted) {
    if (s.from > next) gaps.push(label(next, s.from - 1));
    else if (s.from < next) overlaps.push([sorted[sorted.indexOf(s) - 1], s]);
    next = Math.max(next, s.to + 1);
  }
  if (next <= to && next !== Infinity) gaps.push(label(next, to));
  if (gaps.length === 0 && overlaps.length === 0) return { count: sum(leaves), gaps, subtotals, overlaps };
  // The leaves do not add up to the range: a row equal to the whole range still gives it.
  const whole = distinct.find((s) => s.from === from && s.to === to);
  if (whole) return { count: whole.count, gaps: [], subtotals: [], overlaps: [] };
  return { count: null, gaps, subtotals, overlaps };
}

const sum = (spans: Span[]) => spans.reduce((a, s) => a + s.count, 0);

function spansOf(rows: PopulationRow[]): Span[] {
  return rows.map(spanOf).filter((s): s is Span => s !== null);
}

/** Inhabitants aged from..to (to null = and older), or null when the rows cannot say exactly. */
export function inhabitantsAged(rows: PopulationRow[], from: number, to: number | null): number | null {
  return rows.length === 0 ? null : fit(spansOf(rows), from, to ?? Infinity).count;
}

/** Inhabitants per age group of the settings; groups the rows cannot give exactly are left out (reported). */
export function populationByGroup(rows: PopulationRow[], settings: Settings, log: ProblemLog): Map<string, number> {
  const out = new Map<string, number>();
  if (rows.length === 0) return out;
  const spans = spansOf(rows);
  const place = (row: number | null) => ({ table: "Befolkning" as const, row, column: "Åldersgrupp" });
  const groupOf = (g: AgeGroup) => ({ from: g.from, to: g.to ?? Infinity });
  for (const s of spans) {
    const touched = settings.ageGroups.filter((g) => s.from <= groupOf(g).to && groupOf(g).from <= s.to);
    const within = touched.length === 1 && contains({ ...s, ...groupOf(touched[0]) }, s);
    // A row over several whole groups (0-w, a total) is a subtotal of them, not a straddler.
    const wholeGroups = touched.every((g) => s.from <= g.from && groupOf(g).to <= s.to);
    if (!within && !wholeGroups && touched.length > 0) {
      log.warning("populationStraddles", place(s.row), { value: s.label, groups: touched.map((g) => g.label).join(", ") });
    }
  }
  const multiGroup = spans.filter((s) => settings.ageGroups.filter((g) => s.from <= groupOf(g).to && groupOf(g).from <= s.to).length > 1);
  const reported = new Set<string>();
  for (const g of settings.ageGroups) {
    const { from, to } = groupOf(g);
    const f = fit(spans, from, to);
    for (const [a, b] of f.overlaps) {
      log.warning("populationOverlap", place(b.row), { value: b.label, other: a.label, otherRow: a.row, group: g.label });
    }
    for (const { span, parts } of f.subtotals) {
      const key = `${span.row}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const partsSum = sum(parts);
      log.warning(partsSum === span.count ? "populationSubtotal" : "populationSubtotalDiffers", place(span.row), {
        value: span.label,
        parts: parts.map((p) => p.label).join(", "),
        count: span.count,
        partsSum,
      });
    }
    if (f.count === null) {
      // A group with no rows at all is "population missing" (reported where clients need it).
      if (spans.some((s) => s.from >= from && s.to <= to)) {
        log.warning("populationGap", place(null), { group: g.label, missing: f.gaps.join(", ") || "–" });
      }
      continue;
    }
    out.set(g.label, f.count);
  }
  // A row over several whole groups (0-w, a total line) is their subtotal: shown, not added.
  for (const s of multiGroup) {
    const groups = settings.ageGroups.filter((g) => s.from <= g.from && groupOf(g).to <= s.to);
    // Only a row made of whole groups (the groups are contiguous): a straddler was reported above.
    if (groups.length === 0 || groups[0].from !== s.from || groupOf(groups[groups.length - 1]).to !== s.to) continue;
    const partsSum = groups.reduce((a, g) => a + (out.get(g.label) ?? 0), 0);
    log.warning(partsSum === s.count ? "populationSubtotal" : "populationSubtotalDiffers", place(s.row), {
      value: s.label,
      parts: groups.map((g) => g.label).join(", "),
      count: s.count,
      partsSum,
    });
  }
  return out;
}
