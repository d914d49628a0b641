import type { MatchPattern } from "./model";

/** A match cell of a coding rule: empty = any, `51*` prefix, `5000-5999` range, else exact. */
export function parsePattern(text: string): MatchPattern | null {
  const t = text.trim();
  if (t === "" || t === "*") return { kind: "any" };
  if (t.endsWith("*")) {
    const prefix = t.slice(0, -1);
    return prefix.includes("*") ? null : { kind: "prefix", prefix };
  }
  if (t.includes("*")) return null;
  const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(t);
  if (range) return { kind: "range", from: range[1], to: range[2] };
  return { kind: "exact", value: t };
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Numeric codes compare as numbers (`900` < `5000`, any length: without leading zeros the
 * longer is larger, equal lengths compare digit by digit); other codes as text.
 */
export function compareCodes(a: string, b: string): number {
  if (isDigits(a) && isDigits(b)) {
    let i = 0;
    let j = 0;
    while (i < a.length - 1 && a.charCodeAt(i) === 48) i++;
    while (j < b.length - 1 && b.charCodeAt(j) === 48) j++;
    const x = a.length - i;
    const y = b.length - j;
    if (x !== y) return x < y ? -1 : 1;
    const p = a.slice(i);
    const q = b.slice(j);
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function patternMatches(pattern: MatchPattern, value: string): boolean {
  switch (pattern.kind) {
    case "any":
      return true;
    case "exact":
      return value === pattern.value;
    case "prefix":
      return value.startsWith(pattern.prefix);
    case "range":
      return compareCodes(value, pattern.from) >= 0 && compareCodes(value, pattern.to) <= 0;
  }
}

export function patternText(pattern: MatchPattern): string {
  switch (pattern.kind) {
    case "any":
      return "";
    case "exact":
      return pattern.value;
    case "prefix":
      return `${pattern.prefix}*`;
    case "range":
      return `${pattern.from}-${pattern.to}`;
  }
}
