import { fold, readDecimal, readInteger, readPeriod, readText } from "./cells";
import type { AgeGroup, AllocationMethod, AnalysisLimits, CellValue, OutlierScope, Settings } from "./model";
import type { Place, ProblemLog } from "./problems";
import { cellOf, dataRows, textOf, placeOf, type LocatedTable } from "./table-reader";

export const DEFAULT_AGE_GROUPS = "0-19;20-64;65-79;80-w";
export const DEFAULT_HOUR_BANDS = [0, 12, 24, 48, 96, 144, 288, 576, 1152];
export const DEFAULT_OUTLIER_LIMITS_KR: Record<OutlierScope, number> = {
  "ÄO ordinärt boende": 600_000,
  "ÄO särskilt boende": 600_000,
  LSS: 1_000_000,
  IFO: 300_000,
};
/** Limits of the spread between units and the validation pack (analyses/), when Inställningar is silent. */
export const DEFAULT_ANALYSIS_LIMITS: AnalysisLimits = {
  spreadRatio: 2,
  historyChange: 0.1,
  siblingDeviation: 0.25,
  minClients: 3,
  benchmarkDeviation: 0.2,
  clientMixPoints: 5,
  monthDeviation: 0.5,
};

/** What a caller (command line, task pane) may set over the workbook's own settings. */
export interface SettingsOverrides {
  year?: number;
  municipality?: string;
  municipalityCode?: string;
  allocationMethod?: AllocationMethod;
  outlierLimitsKr?: Partial<Record<OutlierScope, number>>;
  hourBands?: number[];
  ageGroups?: string;
  analysisLimits?: Partial<AnalysisLimits>;
  /** Monthly follow-up: the last month P ("YYYY-MM"); the run is then for a window ending there. */
  followUpTo?: string;
  /** Twelve months ending at P (the default), January..P, or P alone (the month sheet's months). */
  followUpKind?: "rolling" | "ytd" | "month";
  /** Which hours Volym holds for hemtjänst: granted (the published figure's) or performed. */
  homeCareHours?: "beviljad" | "utförd";
}

/** Age groups from "0-19;20-64;65-79;80-w" (also "80+", "80-"). */
export function parseAgeGroups(text: string): AgeGroup[] | null {
  const groups: AgeGroup[] = [];
  for (const part of text.split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
    const group = parseAgeGroupLabel(part);
    if (!group) return null;
    groups.push(group);
  }
  return groups.length ? groups : null;
}

/**
 * Why custom age groups cannot be used, or null: they must start at 0, follow each other without
 * gap or overlap, and end open (80-w), so that every client and every population row has one group.
 */
export function ageGroupsProblem(groups: AgeGroup[]): string | null {
  if (groups[0].from !== 0) return `grupperna börjar vid ${groups[0].from}, inte 0`;
  for (let i = 1; i < groups.length; i++) {
    const before = groups[i - 1];
    if (before.to === null) return `${before.label} är öppen uppåt men följs av ${groups[i].label}`;
    if (groups[i].from > before.to + 1) return `åldrarna ${before.to + 1}${groups[i].from - 1 > before.to + 1 ? `-${groups[i].from - 1}` : ""} saknas mellan ${before.label} och ${groups[i].label}`;
    if (groups[i].from <= before.to) return `${before.label} och ${groups[i].label} överlappar`;
  }
  const last = groups[groups.length - 1];
  if (last.to !== null) return `den sista gruppen ${last.label} ska vara öppen uppåt (t.ex. ${last.from}-w)`;
  return null;
}

export function parseAgeGroupLabel(label: string): AgeGroup | null {
  const m = /^(\d+)\s*(?:[-–]\s*(\d+|w|ω)?|\+|\s*år\s*och\s*äldre)?\s*(?:år)?$/i.exec(label.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] && /^\d+$/.test(m[2]) ? Number(m[2]) : label.includes("-") || label.includes("–") || label.includes("+") || /äldre/i.test(label) ? null : from;
  if (to !== null && to < from) return null;
  return { label: to === null ? `${from}-w` : `${from}-${to}`, from, to };
}

export function ageGroupOf(age: number, groups: readonly AgeGroup[]): string {
  for (const g of groups) if (age >= g.from && (g.to === null || age <= g.to)) return g.label;
  return "okänd";
}

export function defaultSettings(year: number): Settings {
  return {
    year,
    municipality: "",
    municipalityCode: "",
    allocationMethod: "stegvis",
    outlierLimitsOre: Object.fromEntries(
      Object.entries(DEFAULT_OUTLIER_LIMITS_KR).map(([k, v]) => [k, v * 100]),
    ) as Record<OutlierScope, number>,
    hourBands: [...DEFAULT_HOUR_BANDS],
    ageGroups: parseAgeGroups(DEFAULT_AGE_GROUPS)!,
    analysisLimits: { ...DEFAULT_ANALYSIS_LIMITS },
  };
}

const OUTLIER_KEYS: Record<string, OutlierScope> = {
  "ytterfall ao ordinart boende": "ÄO ordinärt boende",
  "ytterfall ordinart boende": "ÄO ordinärt boende",
  "ytterfall ao sarskilt boende": "ÄO särskilt boende",
  "ytterfall sarskilt boende": "ÄO särskilt boende",
  "ytterfall lss": "LSS",
  "ytterfall ifo": "IFO",
};

/** Inställningar keys (folded) of the analysis limits, and what kind of number each takes. */
const LIMIT_KEYS: Record<string, { limit: keyof AnalysisLimits; kind: "ratio" | "share" | "count" | "points" }> = {
  "spridning max/min": { limit: "spreadRatio", kind: "ratio" },
  spridning: { limit: "spreadRatio", kind: "ratio" },
  "validering forandring": { limit: "historyChange", kind: "share" },
  "validering avvikelse enhet": { limit: "siblingDeviation", kind: "share" },
  "validering minsta antal brukare": { limit: "minClients", kind: "count" },
  "validering avvikelse jamforelse": { limit: "benchmarkDeviation", kind: "share" },
  "validering brukarmix": { limit: "clientMixPoints", kind: "points" },
  "manad avvikelse": { limit: "monthDeviation", kind: "share" },
  "spread ratio": { limit: "spreadRatio", kind: "ratio" },
  "validation change": { limit: "historyChange", kind: "share" },
  "validation unit deviation": { limit: "siblingDeviation", kind: "share" },
  "validation minimum clients": { limit: "minClients", kind: "count" },
  "validation benchmark deviation": { limit: "benchmarkDeviation", kind: "share" },
  "validation client mix": { limit: "clientMixPoints", kind: "points" },
  "month deviation": { limit: "monthDeviation", kind: "share" },
};

/**
 * A limit from its cell. Shares accept "10 %", 10 (percent, since a share above 100 % makes no
 * sense as a limit written without %) or 0,1; null when the value is not a usable limit.
 */
export function readLimit(cell: CellValue, kind: "ratio" | "share" | "count" | "points"): number | null {
  const text = readText(cell);
  const percent = /%\s*$/.test(text);
  const read = readDecimal(typeof cell === "string" ? text.replace(/%\s*$/, "").trim() : cell);
  if (!read.ok || read.value.isNegative()) return null;
  const value = read.value.toNumber();
  if (kind === "share") {
    const share = percent || value > 1 ? value / 100 : value;
    return share > 0 ? share : null;
  }
  if (kind === "ratio") return value > 1 ? value : null;
  if (kind === "count") return Number.isInteger(value) ? value : null;
  return value > 0 ? value : null;
}

const LIMIT_EXPECTED = {
  ratio: "ett tal över 1, t.ex. 2",
  share: "en andel, t.ex. 10 %",
  count: "ett heltal, t.ex. 3",
  points: "procentenheter, t.ex. 5",
} as const;

/** The settings table as key/value rows; unknown keys and bad values warn and keep the default. */
export function readSettingsTable(table: LocatedTable | null, log: ProblemLog): SettingsOverrides {
  const out: SettingsOverrides = {};
  if (!table) return out;
  for (const row of dataRows(table)) {
    const key = fold(textOf(table, row, "Inställning"));
    const cell = cellOf(table, row, "Värde");
    const text = readText(cell);
    const place = placeOf(table, row, "Värde");
    const bad = (expected: string) =>
      log.warning("badSetting", place, { setting: textOf(table, row, "Inställning"), value: text, expected });
    if (key === "ar" || key === "year") {
      const y = readInteger(cell);
      if (y.ok && y.value >= 1990 && y.value <= 2200) out.year = y.value;
      else bad("ett år, t.ex. 2024");
    } else if (key === "kommun" || key === "municipality") out.municipality = text;
    else if (key === "kommunkod" || key === "municipality code") out.municipalityCode = text.padStart(4, "0");
    else if (key === "fordelningsmetod" || key === "allocation method" || key === "metod") {
      const f = fold(text);
      if (f.startsWith("steg") || f === "step-down" || f === "stepdown") out.allocationMethod = "stegvis";
      else if (f.startsWith("recipro") || f.startsWith("omsesidig")) out.allocationMethod = "reciprok";
      else bad("stegvis eller reciprok");
    } else if (key in OUTLIER_KEYS) {
      const v = readDecimal(cell);
      if (v.ok && v.value.greaterThan(0)) {
        out.outlierLimitsKr = { ...out.outlierLimitsKr, [OUTLIER_KEYS[key]]: v.value.toNumber() };
      } else bad("ett belopp i kronor");
    } else if (key === "timintervall" || key === "hour bands" || key === "brukarmix") {
      const bands = text.split(/[;\s]+/).filter(Boolean).map((s) => Number(s.replace(",", ".")));
      if (bands.length > 0 && bands.every((b, i) => Number.isFinite(b) && b >= 0 && (i === 0 || b > bands[i - 1]))) {
        out.hourBands = withBandFromZero(bands, place, log);
      } else bad("stigande gränser, t.ex. 0;12;24;48");
    } else if (key === "aldersgrupper" || key === "age groups") {
      const groups = parseAgeGroups(text);
      const problem = groups ? ageGroupsProblem(groups) : null;
      if (groups && !problem) out.ageGroups = text;
      else if (problem) bad(`grupper utan glapp eller överlapp från 0, den sista öppen (${problem})`);
      else bad("t.ex. 0-19;20-64;65-79;80-w");
    } else if (key === "uppfoljning till" || key === "follow-up to" || key === "follow up to") {
      // "2025-06", a date or a date serial: read as Brukare's Period is.
      const p = readPeriod(cell);
      if (p.ok) out.followUpTo = p.value;
      else bad("en månad ÅÅÅÅ-MM, t.ex. 2025-06");
    } else if (key === "uppfoljning" || key === "follow-up" || key === "follow up") {
      const f = fold(text);
      if (f.startsWith("rullande") || f.startsWith("rolling") || f === "12 manader") out.followUpKind = "rolling";
      else if (f.startsWith("hittills") || f.startsWith("ackumulerat") || f === "ytd" || f.startsWith("year to date")) out.followUpKind = "ytd";
      else bad("rullande 12 månader eller hittills i år");
    } else if (key === "hemtjansttid" || key === "home-care hours" || key === "home care hours") {
      // The published figure is per granted hour; performed hours give a higher cost per hour.
      const f = fold(text);
      if (f.startsWith("bevilj") || f === "granted") out.homeCareHours = "beviljad";
      else if (f.startsWith("utford") || f === "performed") {
        out.homeCareHours = "utförd";
        log.warning("homeCareHoursPerformed", place, {});
      } else bad("beviljad eller utförd");
    } else if (key in LIMIT_KEYS) {
      const { limit, kind } = LIMIT_KEYS[key];
      const value = readLimit(cell, kind);
      if (value !== null) out.analysisLimits = { ...out.analysisLimits, [limit]: value };
      else bad(LIMIT_EXPECTED[kind]);
    } else if (key) {
      log.warning("unknownSetting", placeOf(table, row, "Inställning"), { value: textOf(table, row, "Inställning") });
    }
  }
  return out;
}

/**
 * Hour bands count every client from 0 hours: bands that start higher (15;25;…) get the band from
 * 0 added in front, with a warning, rather than 10 hours counted in "15-25".
 */
export function withBandFromZero(bands: number[], place: Place, log: ProblemLog): number[] {
  if (bands[0] === 0) return bands;
  log.warning("hourBandFromZero", place, { first: String(bands[0]).replace(".", ",") });
  return [0, ...bands];
}

export function applyOverrides(base: Settings, ...layers: SettingsOverrides[]): Settings {
  return layers.reduce(withOverrides, base);
}

/** One layer of overrides over the settings: what it gives replaces, what it leaves out stays. */
function withOverrides(s: Settings, o: SettingsOverrides): Settings {
  // Bands and groups from the command line or the task pane are held to the same rules.
  const groups = o.ageGroups ? parseAgeGroups(o.ageGroups) : null;
  const bands = o.hourBands && o.hourBands.length > 0 ? o.hourBands : null;
  const limitsOre = Object.entries(o.outlierLimitsKr ?? {}).flatMap(([scope, kr]) => (kr === undefined ? [] : [[scope, Math.round(kr * 100)] as const]));
  const analysisLimits = Object.entries(o.analysisLimits ?? {}).filter(([, value]) => value !== undefined);
  return {
    ...s,
    year: o.year !== undefined ? o.year : s.year,
    municipality: o.municipality !== undefined ? o.municipality : s.municipality,
    municipalityCode: o.municipalityCode !== undefined ? o.municipalityCode : s.municipalityCode,
    allocationMethod: o.allocationMethod !== undefined ? o.allocationMethod : s.allocationMethod,
    ...(o.homeCareHours !== undefined ? { homeCareHours: o.homeCareHours } : {}),
    outlierLimitsOre: { ...s.outlierLimitsOre, ...Object.fromEntries(limitsOre) },
    hourBands: bands ? (bands[0] === 0 ? [...bands] : [0, ...bands]) : s.hourBands,
    ageGroups: groups && !ageGroupsProblem(groups) ? groups : s.ageGroups,
    analysisLimits: { ...s.analysisLimits, ...Object.fromEntries(analysisLimits) },
  };
}
