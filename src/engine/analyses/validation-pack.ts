import { clientMix } from "../benchmark/client-mix";
import { compareKeyFigures } from "../benchmark/compare";
import type { HistoryRow } from "../benchmark/history";
import { drivesMoney, type PublishedLookup } from "../benchmark/lookup";
import { fold, isValidDate, readText } from "../cells";
import { Dec } from "../decimal";
import type { BenchmarkRow, CellValue, KpbResult } from "../model";
import { oreToKr } from "../money";
import { redactPersonalIdentityNumbers } from "../privacy";
import { perUnitText, SAME_SERVICE_HINT, unitSpread } from "./unit-spread";

/**
 * The validation pack (`KPB Validering`): every figure of a preliminary result that looks odd, with
 * the reason, for the unit managers to confirm or explain before the result is published. What
 * users write in Kommentar, Ansvarig and Godkänd survives every refresh: rows are matched by a
 * stable key (year + kind + object, never a value), a row that is still odd keeps its notes, and
 * notes on a row that is no longer odd move to the block "Inte längre flaggade" instead of being
 * thrown away. A row is open until Godkänd holds something other than "nej".
 */
export const VALIDATION_SHEET = "KPB Validering";
export const VALIDATION_TABLE = "KPB_Validering";
export const VALIDATION_INACTIVE_TABLE = "KPB_Validering_inaktuella";
export const USER_COLUMNS = ["Kommentar", "Ansvarig", "Godkänd"] as const;

export type FlagKind = "Förändring mot föregående år" | "Enhet avviker från syskonenheter" | "Pool med kostnad och liten volym" | "Styckkostnad mot jämförelse" | "Brukarmix mot jämförelse";

export interface ValidationFlag {
  /** Stable: `<år>:<slag>:<objekt>`. */
  key: string;
  kind: FlagKind;
  /** What the row is about: a key figure, a pool, a band. */
  object: string;
  value: number | null;
  comparison: number | null;
  /** Relative deviation (0.25 = 25 %), or percentage points as a fraction for the client mix. */
  deviation: number | null;
  /** Number format of value and comparison. */
  format: "kr" | "unitcost" | "percent" | "decimal";
  reason: string;
}

/** What users wrote on a row, as read back from the previous sheet. */
export interface ValidationNote {
  key: string;
  kind: string;
  object: string;
  reason: string;
  comment: string;
  responsible: string;
  approved: string;
}

export interface ValidationOptions {
  history?: HistoryRow[];
  published?: PublishedLookup;
}

/** Swedish number text for reasons: 1 234,5. */
function sv(value: number, decimals = 0): string {
  const [int, frac] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${value < 0 ? "−" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}
const pctText = (share: number) => `${share >= 0 ? "+" : "−"}${sv(Math.abs(share) * 100, 1)} %`;

const formatOf = (unit: string): ValidationFlag["format"] => (unit === "%" ? "percent" : unit === "kr" ? "kr" : unit.startsWith("kr/") ? "unitcost" : "decimal");
const cellOf = (value: string, unit: string) => (unit === "%" ? new Dec(value).div(100).toNumber() : Number(value));

/** Every odd-looking figure of the run, in a fixed order (kind, then as the run lists them). */
export function validationFlags(result: KpbResult, benchmark: readonly BenchmarkRow[], options: ValidationOptions = {}): ValidationFlag[] {
  const limits = result.settings.analysisLimits;
  const key = (kind: string, object: string) => `${result.year}:${kind}:${object}`;
  const flags: ValidationFlag[] = [];

  // 1. Change against the latest earlier year in KPB Historik.
  const history = options.history ?? [];
  const earlier = history.filter((r) => r.year < result.year);
  const lastYear = earlier.length ? Math.max(...earlier.map((r) => r.year)) : null;
  if (lastYear !== null) {
    const previous = new Map(earlier.filter((r) => r.year === lastYear).map((r) => [r.id, r]));
    for (const f of result.keyFigures) {
      const before = previous.get(f.id);
      if (!before) continue;
      const old = new Dec(before.value);
      if (old.isZero()) continue;
      const change = new Dec(f.value).div(old).minus(1);
      if (change.abs().lessThanOrEqualTo(limits.historyChange)) continue;
      flags.push({
        key: key("historik", f.id),
        kind: "Förändring mot föregående år",
        object: f.name,
        value: cellOf(f.value, f.unit),
        comparison: cellOf(before.value, f.unit),
        deviation: change.toNumber(),
        format: formatOf(f.unit),
        reason: `${pctText(change.toNumber())} mot ${lastYear} (gräns ±${sv(limits.historyChange * 100, 1)} %).`,
      });
    }
  }

  // 2. A unit far from its siblings (the spread between units of one intervention × regi).
  for (const g of unitSpread(result)) {
    for (const u of g.units) {
      if (u.index === null) continue;
      const deviation = new Dec(u.index).minus(1);
      if (deviation.abs().lessThanOrEqualTo(limits.siblingDeviation)) continue;
      const unit = `\u00a0${perUnitText(g.volumeUnit)}`;
      flags.push({
        key: key("enhet", u.pool),
        kind: "Enhet avviker från syskonenheter",
        object: `${u.pool}${u.enhet ? ` (${u.enhet})` : ""}, ${g.insats}, ${g.regi} regi`,
        value: Number(u.unitCost),
        comparison: Number(g.mean),
        deviation: deviation.toNumber(),
        format: "unitcost",
        reason:
          `Styckkostnaden ${sv(Number(u.unitCost), 2)}${unit} ligger ${pctText(deviation.toNumber())} från medel ${sv(Number(g.mean), 2)}${unit} för ${g.units.length} enheter ` +
          `(lägsta ${sv(Number(g.min), 2)}, högsta ${sv(Number(g.max), 2)}; gräns ±${sv(limits.siblingDeviation * 100, 1)} %). ${SAME_SERVICE_HINT}`,
      });
    }
  }

  // 3. A pool with cost and no or little volume.
  for (const p of result.pools) {
    if (p.kind !== "insats" || p.costOre === 0) continue;
    const none = p.volumeMicro === 0;
    if (!none && p.clientCount >= limits.minClients) continue;
    flags.push({
      key: key("pool", p.pool),
      kind: "Pool med kostnad och liten volym",
      object: `${p.pool}${p.enhet ? ` (${p.enhet})` : ""}, ${p.insats}`,
      value: oreToKr(p.costOre),
      comparison: null,
      deviation: null,
      format: "kr",
      reason: none
        ? `Kostnad ${sv(oreToKr(p.costOre), 2)}\u00a0kr men ingen volym i Brukare: kostnaden når ingen brukare.`
        : `Kostnad ${sv(oreToKr(p.costOre), 2)}\u00a0kr på ${p.clientCount} brukare (gräns ${limits.minClients}): kontrollera att all volym är registrerad.`,
    });
  }

  // 4. Headline unit costs far from their benchmark.
  for (const c of compareKeyFigures(result, benchmark, options.published)) {
    if (c.id.includes(":") || !c.unit.startsWith("kr/") || c.index === null || c.benchmark === null) continue;
    // A published average older than the age limit is shown, but raises no flag.
    if (!drivesMoney(c.match)) continue;
    const deviation = new Dec(c.index).minus(1);
    if (deviation.abs().lessThanOrEqualTo(limits.benchmarkDeviation)) continue;
    flags.push({
      key: key("jamforelse", c.id),
      kind: "Styckkostnad mot jämförelse",
      object: c.name,
      value: Number(c.own),
      comparison: Number(c.benchmark),
      deviation: deviation.toNumber(),
      format: "unitcost",
      reason: `${pctText(deviation.toNumber())} mot jämförelsen${c.source ? ` (${c.source})` : ""}; gräns ±${sv(limits.benchmarkDeviation * 100, 1)} %.`,
    });
  }

  // 5. Client-mix bands far from the benchmark's distribution.
  for (const b of clientMix(result, benchmark, options.published).bands) {
    if (b.difference === null || b.share === null || b.benchmarkShare === null || !drivesMoney(b.source)) continue;
    const points = new Dec(b.difference);
    if (points.abs().lessThanOrEqualTo(limits.clientMixPoints)) continue;
    flags.push({
      key: key("brukarmix", b.band),
      kind: "Brukarmix mot jämförelse",
      object: `Hemtjänst, ${b.band} timmar per år`,
      value: new Dec(b.share).div(100).toNumber(),
      comparison: new Dec(b.benchmarkShare).div(100).toNumber(),
      deviation: points.div(100).toNumber(),
      format: "percent",
      reason: `${points.isNegative() ? "−" : "+"}${sv(points.abs().toNumber(), 1)} procentenheter mot jämförelsens andel (gräns ±${sv(limits.clientMixPoints, 1)}).`,
    });
  }
  return flags;
}

/** Anything but blank or a plain no counts as approved. */
export function isApproved(text: string): boolean {
  const f = fold(text);
  return f !== "" && !["nej", "no", "n", "0", "falskt", "false"].includes(f);
}

const hasNotes = (n: ValidationNote) => n.comment !== "" || n.responsible !== "" || n.approved !== "";

/** A user cell as text: dates as ÅÅÅÅ-MM-DD, never a personnummer. */
function noteText(cell: CellValue): string {
  const text = isValidDate(cell) ? cell.toISOString().slice(0, 10) : typeof cell === "boolean" ? (cell ? "ja" : "nej") : readText(cell);
  return redactPersonalIdentityNumbers(text);
}

/**
 * The notes on a previous `KPB Validering` sheet (its values as `Range.values` or a file reader
 * gives them). Both blocks are read: a header row names the columns (by name, so columns users
 * moved or added do no harm) and rows below it with a key are notes, until a blank row.
 */
export function parseValidationSheet(cells: CellValue[][]): ValidationNote[] {
  const notes: ValidationNote[] = [];
  let columns: Map<string, number> | null = null;
  for (const row of cells) {
    const texts = row.map((c) => fold(readText(c)));
    if (texts.every((t) => t === "")) {
      columns = null;
      continue;
    }
    if (texts.includes("nyckel") && texts.includes("kommentar")) {
      columns = new Map(texts.map((t, i) => [t, i]));
      continue;
    }
    if (!columns) continue;
    const get = (...names: string[]) => {
      for (const n of names) {
        const i = columns!.get(fold(n));
        if (i !== undefined) return noteText(row[i]);
      }
      return "";
    };
    const key = get("Nyckel");
    if (!key) continue;
    notes.push({ key, kind: get("Typ"), object: get("Objekt"), reason: get("Orsak", "Senaste orsak"), comment: get("Kommentar"), responsible: get("Ansvarig"), approved: get("Godkänd") });
  }
  return notes;
}

export interface ValidationPack {
  /** Flagged rows with the notes users wrote on them. */
  rows: { flag: ValidationFlag; note: ValidationNote | null }[];
  /** Notes on rows that are no longer flagged. */
  inactive: ValidationNote[];
  /** Flagged rows not yet approved. */
  open: number;
}

/** The flags of this run with the previous notes: kept where still flagged, set aside where not. */
export function validationPack(flags: ValidationFlag[], previous: ValidationNote[]): ValidationPack {
  const byKey = new Map<string, ValidationNote>();
  for (const n of previous) if (!byKey.has(n.key) || hasNotes(n)) byKey.set(n.key, n);
  const flagged = new Set(flags.map((f) => f.key));
  const rows = flags.map((flag) => {
    const note = byKey.get(flag.key);
    return { flag, note: note && hasNotes(note) ? note : null };
  });
  const inactive = [...byKey.values()].filter((n) => !flagged.has(n.key) && hasNotes(n));
  const open = rows.filter((r) => !isApproved(r.note?.approved ?? "")).length;
  return { rows, inactive, open };
}
