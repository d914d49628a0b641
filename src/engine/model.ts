import type { FigureNameKey } from "./key-figure-names";
import type { PeriodWindow } from "./period-window";
/**
 * The typed model of a KPB calculation: what the contract tables become after parsing, and what a
 * run produces. Money is integer öre (exact, plain numbers inside the safe-integer range, checked
 * where sums are formed); volumes are integer micro-units (1e-6 of an hour/day/…); unit costs and
 * ratios are Decimal strings so that nothing is rounded before display.
 */

import type { TraceLineage } from "./tracing/types";
import type { CellTable } from "./cell-table";

/** A cell as both Excel (`Range.values`) and a file reader deliver it. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** Where an input table sits in the workbook, and the number formats a reader loaded. */
export interface TablePlacement {
  /** Sheet the table was read from (for messages and "Visa" links). */
  sheet?: string;
  /** 1-based sheet row of the table's first row (the header, or title lines above it); data row i (0-based) is at firstRow + 1 + i. Default 1. */
  firstRow?: number;
  /** 1-based sheet column of the first column. Default 1. */
  firstColumn?: number;
  /**
   * The cells' number formats, same shape as the table's rows, where the reader loaded them (tables
   * whose numbers may be typed as percent: Nycklar, Jämförelse). A percent-formatted cell holds a fraction.
   */
  numberFormats?: (string | null | undefined)[][];
}

/**
 * One input table whose first row (or one of its first rows) is the header: by column, as the
 * readers (Excel, .xlsx, CSV, SIE) deliver it, or as a 2-D array of cells (small hand-built tables,
 * tests). The engine reads both the same way (cell-table.ts).
 */
export type TableInput = (TablePlacement & { cells: CellTable; rows?: undefined }) | (TablePlacement & { rows: CellValue[][]; cells?: undefined });

export type TableName =
  | "Ekonomi"
  | "Kodning"
  | "Pooler"
  | "Nycklar"
  | "Insatskatalog"
  | "Brukare"
  | "Befolkning"
  | "Jämförelse"
  | "Inställningar";

export const TABLE_NAMES: readonly TableName[] = [
  "Ekonomi",
  "Kodning",
  "Pooler",
  "Nycklar",
  "Insatskatalog",
  "Brukare",
  "Befolkning",
  "Jämförelse",
  "Inställningar",
];

/** What the engine is given: any subset of the contract tables (missing required ones are problems). */
export type WorkbookInput = Partial<Record<TableName, TableInput>>;

export type Severity = "error" | "warning";

/** A data problem. Errors block the run; warnings are shown and the run goes on. Never thrown. */
export interface Problem {
  readonly table: TableName | "Körning";
  /** 1-based sheet row, or null when the problem concerns the whole table. */
  readonly row: number | null;
  /** Column header as the contract names it (Swedish), or null. */
  readonly column: string | null;
  readonly severity: Severity;
  /** Stable code from messages.ts; the message is rendered from it and `params`. */
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** The message in Swedish (the UI can render English from code + params). */
  readonly message: string;
  /** Sheet the row lives on, when known (for "Visa" in the task pane). */
  readonly sheet?: string;
  /** Excel A1 address of the cell when known. */
  readonly cell?: string;
}

export type Regi = "egen" | "annan";
export type PoolKind = "insats" | "stöd";
export type KeyMethod = "kostnad" | "volym" | "andel";
export type Area = "ÄO" | "FN" | "LSS" | "IFO";
export type AllocationMethod = "stegvis" | "reciprok";

export interface LedgerRow {
  /** 1-based sheet row. */
  row: number;
  ansvar: string;
  verksamhet: string;
  aktivitet: string;
  konto: string;
  amountOre: number;
  text: string;
}

export type MatchPattern =
  | { kind: "any" }
  | { kind: "exact"; value: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "range"; from: string; to: string };

export interface CodingRule {
  row: number;
  /** 0-based position among the rules: the first matching rule wins. */
  order: number;
  ansvar: MatchPattern;
  verksamhet: MatchPattern;
  aktivitet: MatchPattern;
  konto: MatchPattern;
  /** A pool id, a support pool id, or "EXKL". */
  target: string;
  reason: string;
}

export type ReceiverSpec =
  | { kind: "all" }
  | { kind: "pools"; ids: string[] }
  | { kind: "insats"; insats: string }
  | { kind: "area"; area: string };

export interface PoolDef {
  row: number;
  /** 0-based position in `Pooler`: step-down order. */
  order: number;
  id: string;
  insats: string;
  enhet: string;
  regi: Regi;
  kind: PoolKind;
  keyMethod: KeyMethod | null;
  receivers: ReceiverSpec[];
  places: number | null;
}

export interface KeyShare {
  row: number;
  from: string;
  to: string;
  /** Share as a decimal string in [0,1] (percent already divided by 100). */
  share: string;
}

export interface CatalogueEntry {
  insats: string;
  area: Area;
  volumeUnit: string;
  keyFigure: string;
}

/**
 * The Brukare rows a run uses, column by column: entry i of every column is the i-th usable row
 * (one client row's fields). A million rows would otherwise be a million objects to allocate
 * and for the garbage collector to copy.
 */
/**
 * The counted Brukare rows, by column. Texts that repeat (client, pool, month, Kön, Boendeform)
 * are stored once, in `text`, and each row holds its index there: the aggregation is integer work.
 */
export interface ClientRows {
  length: number;
  /** 1-based sheet row. */
  row: Int32Array;
  client: Int32Array;
  pool: Int32Array;
  /** -1 where the row has no Period. */
  period: Int32Array;
  sex: Int32Array;
  housing: Int32Array;
  /** NaN where the row has no birth year. */
  birthYear: Float64Array;
  volumeMicro: Float64Array;
  /** The distinct texts the codes above stand for, in the order they were first counted. */
  text: { client: string[]; pool: string[]; period: string[]; sex: string[]; housing: string[] };
}

export interface AgeGroup {
  readonly label: string;
  readonly from: number;
  /** Inclusive upper age, or null for "w" (no upper limit). */
  readonly to: number | null;
}

export interface PopulationRow {
  row: number;
  group: string;
  count: number;
}

export interface BenchmarkRow {
  readonly row: number;
  readonly keyFigure: string;
  readonly value: string;
  readonly source: string;
  readonly year: number | null;
  readonly municipality: string;
  /** The key figure the row was matched to by its name's words, when its Nyckeltal is not a figure's id or name. */
  readonly figureId?: string;
}

export interface Settings {
  readonly year: number;
  readonly municipality: string;
  readonly municipalityCode: string;
  readonly allocationMethod: AllocationMethod;
  /** Outlier limits in öre per scope. */
  readonly outlierLimitsOre: Readonly<Record<OutlierScope, number>>;
  /** Lower bounds of the hour bands (annual hours); the last band is open. */
  readonly hourBands: readonly number[];
  readonly ageGroups: readonly AgeGroup[];
  /** Limits of the spread and validation analyses (src/engine/analyses/). */
  readonly analysisLimits: AnalysisLimits;
  /** Which hours Volym holds for hemtjänst (Inställningar → Hemtjänsttid); absent means beviljad. */
  readonly homeCareHours?: "beviljad" | "utförd";
  /**
   * The monthly follow-up's window (twelve months ending at P, or January..P); absent for the
   * annual run, whose window is January..December of `year` (then `year` is P's year).
   */
  readonly period?: PeriodWindow;
}

/**
 * When a figure "looks odd": the limits of the spread between units and of the validation pack.
 * Shares are fractions (0.1 = 10 %); the client-mix limit is in percentage points.
 */
export interface AnalysisLimits {
  /** Highest ÷ lowest unit cost of the units of one intervention × regi above which the spread is extreme. */
  readonly spreadRatio: number;
  /** Change against the previous year in KPB Historik (share) above which a key figure is listed. */
  readonly historyChange: number;
  /** A unit's deviation from the volume-weighted mean of its siblings (share) above which it is listed. */
  readonly siblingDeviation: number;
  /** A pool with cost and fewer clients than this is listed (little volume). */
  readonly minClients: number;
  /** A unit cost's deviation from its benchmark (share) above which it is listed. */
  readonly benchmarkDeviation: number;
  /** A client-mix band's difference from the benchmark, in percentage points, above which it is listed. */
  readonly clientMixPoints: number;
  /** KPB Månad: a month's cost deviating from the median of its neighbours (±2 months) by more than this share is flagged. */
  readonly monthDeviation: number;
}

export type OutlierScope = "ÄO ordinärt boende" | "ÄO särskilt boende" | "LSS" | "IFO";

/** Why an input row was left out of the calculation (always with a warning that names it). */
export type SetAsideReason = "otherYear" | "periodOutsideYear" | "periodOutsideWindow" | "totalsRow";

/**
 * Input rows of one table set aside for one reason (and year): which rows, and what they held, so
 * that rows read = rows counted + rows set aside, to the öre (Ekonomi) and to the volume (Brukare).
 */
export interface SetAsideGroup {
  readonly table: "Ekonomi" | "Brukare";
  readonly reason: SetAsideReason;
  /** The year the rows belong to (other years, periods outside the year), else null. */
  readonly year: number | null;
  /** 1-based sheet rows, in sheet order. */
  readonly rows: readonly number[];
  /** Σ Belopp (Ekonomi), öre. */
  readonly amountOre: number;
  /** Σ Volym (Brukare), micro-units. */
  readonly volumeMicro: number;
}

/** How many data rows a table had, how many the calculation counts, and what they held. */
export interface RowCount {
  readonly read: number;
  readonly counted: number;
  /** Σ over every row read (Ekonomi: öre; Brukare: volume in micro-units). */
  readonly readSum: number;
  /** Σ over the rows counted. */
  readonly countedSum: number;
}

export interface ParsedInput {
  settings: Settings;
  ledger: LedgerRow[];
  rules: CodingRule[];
  pools: PoolDef[];
  keys: KeyShare[];
  catalogue: CatalogueEntry[];
  clientRows: ClientRows;
  population: PopulationRow[];
  benchmark: BenchmarkRow[];
  /** Ekonomi and Brukare rows left out (other years, totals rows …), and the row counts. */
  setAside: SetAsideGroup[];
  rowCounts: { Ekonomi: RowCount; Brukare: RowCount };
}

/** Cost category of a ledger row, from the account class (Kommun-Bas). */
export type CostCategory = "Personal" | "Lokaler" | "Övrigt" | "Intäkter";

export interface PoolResult {
  readonly pool: string;
  readonly insats: string;
  readonly area: Area | "";
  readonly enhet: string;
  readonly regi: Regi;
  readonly kind: PoolKind;
  readonly volumeUnit: string;
  readonly volumeMicro: number;
  readonly directOre: number;
  /** Direct cost by category (öre). */
  readonly directByCategoryOre: Readonly<Record<CostCategory, number>>;
  /** Cost received from each support pool (öre), in Pooler order. */
  readonly receivedOre: Readonly<Record<string, number>>;
  readonly allocatedOre: number;
  /** Cost passed on to other pools (support pools only). */
  readonly passedOnOre: number;
  /** Cost the pool carries: direct + allocated − passed on. */
  readonly costOre: number;
  /** Unit cost in kr per volume unit, unrounded decimal string; null without volume. */
  readonly unitCost: string | null;
  readonly clientCount: number;
  readonly places: number | null;
  /** The catalogue entry the pool's Insats was matched to (by name or synonym); null when none. */
  readonly catalogueInsats?: string | null;
  readonly catalogueMatch?: "namn" | "synonym" | null;
}

export interface ClientResult {
  /** The id as written in results (a pseudonym when the input looked like a personal identity number). */
  readonly id: string;
  readonly birthYear: number | null;
  readonly ageGroup: string;
  readonly sex: string;
  readonly housing: "ordinärt" | "särskilt";
  /** Where the housing came from (Boendeform, the interventions, or the largest cost when they differ). */
  readonly housingSource?: "Boendeform" | "insatser" | "störst kostnad";
  readonly totalOre: number;
  /** Cost per pool (öre). */
  readonly poolsOre: Readonly<Record<string, number>>;
  /** Volume per pool (micro-units). */
  readonly volumesMicro: Readonly<Record<string, number>>;
  /** Outlier scopes whose limit the client exceeds. */
  readonly outlierScopes: readonly OutlierScope[];
}

export interface KeyFigure {
  readonly id: string;
  readonly name: string;
  readonly scope: string;
  /** Unrounded decimal string. */
  readonly value: string;
  readonly unit: string;
  /** Kolada KPI id when the figure has a published counterpart. */
  readonly kolada?: string;
  /** How a figure made per pool, intervention, area or band is named, so it can be named in English too. */
  readonly nameParts?: { readonly key: FigureNameKey; readonly params: Readonly<Record<string, string>> };
}

export interface Reconciliation {
  readonly ledgerTotalOre: number;
  readonly pooledOre: number;
  readonly excludedOre: number;
  readonly uncodedOre: number;
  /** Excluded amount per reason. */
  readonly excludedByReason: Readonly<Record<string, number>>;
  /** Pool cost that reached clients, and cost of pools without volume. */
  readonly toClientsOre: number;
  readonly withoutVolumeOre: number;
  /** Data rows read from Ekonomi (Σ öre) and Brukare (Σ volume): counted + set aside. */
  readonly rowCounts: { readonly Ekonomi: RowCount; readonly Brukare: RowCount };
  /** Rows left out per table, reason and year, each group listing its rows. */
  readonly setAside: readonly SetAsideGroup[];
  readonly balanced: boolean;
}

export interface CodingLineage {
  /** For each ledger row (same order as ParsedInput.ledger): index of the coding rule, or -1. */
  readonly ruleOfRow: Int32Array;
  /** Target of each rule use: pool id, "EXKL" or "" (not coded). */
  readonly targetOfRow: readonly string[];
  /** How many rows each rule coded (index = rule order). */
  readonly ruleHits: readonly number[];
}

export interface KpbResult {
  readonly year: number;
  readonly municipality: string;
  readonly settings: Settings;
  readonly reconciliation: Reconciliation;
  readonly pools: readonly PoolResult[];
  readonly clients: readonly ClientResult[];
  readonly keyFigures: readonly KeyFigure[];
  /** The workbook's `Jämförelse` rows, as parsed. */
  readonly benchmark: readonly BenchmarkRow[];
  readonly problems: readonly Problem[];
  readonly coding: CodingLineage;
  /** Every support-pool transfer, in the order it was made: the lineage of allocated cost. */
  readonly flows: readonly AllocationFlow[];
  /** Hemtjänst clients per hour band. */
  readonly hourBands: readonly { readonly band: string; readonly clients: number }[];
  /** Per area × age group. */
  readonly consumption: readonly ConsumptionRow[];
  /** Lineage for explaining every figure (tracing/): ledger rows, rules, volume by period, coding checks. */
  readonly trace?: TraceLineage;
}

export interface AllocationFlow {
  readonly from: string;
  readonly to: string;
  readonly amountOre: number;
  readonly key: KeyMethod;
  /** The receiver's key value and the sum over all receivers (decimal strings). */
  readonly weight: string;
  readonly weightSum: string;
}

export interface ConsumptionRow {
  readonly area: string;
  readonly ageGroup: string;
  readonly inhabitants: number;
  readonly clients: number;
  readonly costOre: number;
  /** Decimal strings; null where the denominator is zero. */
  readonly costPerClient: string | null;
  readonly costPerInhabitant: string | null;
  readonly clientShare: string | null;
}

/** Outcome of a run: either results (possibly with warnings) or only the problems that blocked it. */
export type RunOutcome =
  | { readonly ok: true; readonly result: KpbResult }
  | { readonly ok: false; readonly problems: readonly Problem[] };
