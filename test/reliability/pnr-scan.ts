/**
 * An independent scanner for personnummer in test output (written apart from the engine's
 * privacy.ts so that a blind spot there is not repeated here): ÅÅÅÅMMDD-NNNC, ÅÅMMDD-NNNC,
 * ÅÅMMDD+NNNC, with or without the dash, samordningsnummer (day + 60), anywhere in a text that is
 * not part of a longer run of digits, with a valid check digit C (Luhn), as data-loss-prevention
 * scanners look for them. The engine hides more than this (it ignores the check digit, since a
 * mistyped personnummer is still personal data); the tests put only valid numbers in their inputs,
 * so every one of them that leaks is found, and ten-digit amounts rarely raise a false alarm.
 */
export function findPersonalIdentityNumbers(text: string): string[] {
  const found: string[] = [];
  const digitsRun = /\d[\d+-]*\d/g;
  for (const m of text.matchAll(digitsRun)) {
    const run = m[0];
    // Decimals of a number ("0.4503121234") are not an identity number.
    if (m.index! > 0 && (text[m.index! - 1] === "." || text[m.index! - 1] === ",") && /\d/.test(text[m.index! - 2] ?? "")) continue;
    // Every way to read the run (or a part of it not glued to other digits) as a number.
    for (let start = 0; start < run.length; start++) {
      if (start > 0 && /\d/.test(run[start - 1])) continue;
      for (const len of [10, 11, 12, 13]) {
        const candidate = run.slice(start, start + len);
        if (candidate.length !== len) continue;
        const after = run[start + len];
        if (after !== undefined && /\d/.test(after)) continue;
        if (isPnr(candidate)) found.push(candidate);
      }
    }
  }
  return found;
}

function isPnr(candidate: string): boolean {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/.exec(candidate);
  if (!m) return false;
  if (m[1] !== undefined && m[1] !== "19" && m[1] !== "20") return false;
  const month = Number(m[3]);
  let day = Number(m[4]);
  if (day > 60) day -= 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && luhnValid(`${m[2]}${m[3]}${m[4]}${m[6]}`);
}

/** The personnummer check digit: Luhn over the ten digits ÅÅMMDDNNNC. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const v = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(v / 10) + (v % 10);
  }
  return sum % 10 === 0;
}

/** The check digit that makes ÅÅMMDDNNN a valid personnummer. */
export function luhnCheckDigit(nineDigits: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(`${nineDigits}${c}`)) return String(c);
  throw new Error("unreachable");
}

/** Money, unit costs, volumes and figures: decimal text or numbers, never an identity number. */
const NUMERIC_JSON_KEYS = new Set(["volume", "directCost", "allocatedCost", "cost", "unitCost", "total", "value", "ledgerTotal", "pooled", "excluded", "uncoded", "toClients", "withoutVolume"]);
const DECIMAL_TEXT = /^-?\d+\.\d+$/;

/**
 * Personnummer-looking text anywhere in a JSON value (the command line's result or problem JSON):
 * every object key and every string, except the numeric fields (money "1234.50", volumes,
 * unit costs), which are numbers that happen to be written as text.
 */
export function findPersonalIdentityNumbersInJson(value: unknown, key = ""): string[] {
  if (typeof value === "string") return NUMERIC_JSON_KEYS.has(key) || DECIMAL_TEXT.test(value) ? [] : findPersonalIdentityNumbers(value);
  if (Array.isArray(value)) return value.flatMap((v) => findPersonalIdentityNumbersInJson(v, key));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [...findPersonalIdentityNumbers(k), ...findPersonalIdentityNumbersInJson(v, k)]);
  }
  return [];
}

/**
 * KPB Spårning explains an allocation with the raw key weights ("vikt 2305080000 av 32891830000":
 * micro-units, öre or scaled shares). They are computed, never copied from input, but a ten-digit
 * weight can pass for a personnummer; they are left out of the scan (and would read better, for
 * people and for DLP scanners, grouped or in the volume's own unit).
 */
const KEY_WEIGHTS = /\(vikt \d+ av \d+\)/g;

/** Personnummer-looking text in any text cell (or header, title, chart title) of result layouts. */
export function findPersonalIdentityNumbersInLayouts(
  layouts: { name: string; blocks: { title?: string; columns: { header: string }[]; rows: (string | number | null)[][] }[]; charts: { title: string }[] }[],
): string[] {
  const texts: string[] = [];
  for (const layout of layouts) {
    texts.push(layout.name, ...layout.charts.map((c) => c.title));
    for (const block of layout.blocks) {
      texts.push(block.title ?? "", ...block.columns.map((c) => c.header));
      for (const row of block.rows) for (const cell of row) if (typeof cell === "string") texts.push(cell.replace(KEY_WEIGHTS, "(vikt … av …)"));
    }
  }
  return texts.flatMap(findPersonalIdentityNumbers);
}
