/**
 * Lineage that a run keeps so that every figure can be explained back to the ledger rows, the
 * coding rules and the support-pool transfers that built it. It holds indices and numbers, not
 * copies of the input: per parsed ledger row a sheet row, an amount and the index of its code
 * combination (typed arrays, 16 bytes a row), the coding rules as text, volume per pool and
 * period, and the coding checks. Client lineage is `ClientResult.volumesMicro` (per client and
 * pool); per client AND period is not kept (1 000 000 client rows would cost ~16 MB for little use:
 * the sheet row of a client row is what a user needs, and `Brukare` is filtered in Excel for that).
 */

/** Where a contract table sits, for links such as `'Ekonomi'!A17`. */
export interface TablePlace {
  readonly sheet: string;
  /** 1-based first column of the table (links point at the row's first cell). */
  readonly firstColumn: number;
}

/** One distinct combination of ledger codes (extracts repeat a few combinations on many rows). */
export interface LedgerCodes {
  readonly ansvar: string;
  readonly verksamhet: string;
  readonly aktivitet: string;
  readonly konto: string;
}

export interface LedgerTrace {
  readonly place: TablePlace;
  /** Per parsed ledger row, in parse order (the order of `coding.ruleOfRow`): 1-based sheet row. */
  readonly sheetRow: Int32Array;
  /** Per parsed ledger row: amount in öre (whole numbers, exact in a float64). */
  readonly amountOre: Float64Array;
  /** Per parsed ledger row: index into `codes`. */
  readonly codeOfRow: Int32Array;
  readonly codes: readonly LedgerCodes[];
}

/** A coding rule as the user wrote it (patterns as text: "" any, "51*", "5000-5999", exact). */
export interface RuleTrace {
  readonly row: number;
  readonly ansvar: string;
  readonly verksamhet: string;
  readonly aktivitet: string;
  readonly konto: string;
  readonly target: string;
  readonly reason: string;
}

/** A rule that can never win: every row it could match is matched by an earlier rule. */
export interface ShadowedRule {
  /** Rule index (order in Kodning). */
  readonly rule: number;
  /**
   * exact: proven from the patterns alone (an earlier rule contains it in every column);
   * ledger: the rule matches rows of this ledger, but earlier rules coded all of them.
   */
  readonly basis: "exact" | "ledger";
  /** Earlier rules that take its rows (indices). */
  readonly byRules: readonly number[];
  /** Ledger rows the rule matches on this ledger (all coded by earlier rules). */
  readonly matchingRows: number;
  readonly matchingOre: number;
}

/**
 * Ledger rows that a later rule would also have matched, with a different Till, where the later
 * rule is not simply a wider fallback of the winner: the order in Kodning decides their pool.
 */
export interface AmbiguousCoding {
  /** Winning rule and the later rule (indices). */
  readonly winner: number;
  readonly other: number;
  /** Ledger row indices (parse order). */
  readonly rows: Int32Array;
  readonly amountOre: number;
}

export interface CodingChecks {
  readonly shadowed: readonly ShadowedRule[];
  /** Rules that match no ledger row and are not shadowed (already warned as unusedRule). */
  readonly unused: readonly number[];
  readonly ambiguous: readonly AmbiguousCoding[];
}

export interface TraceLineage {
  readonly ledger: LedgerTrace;
  readonly rules: readonly RuleTrace[];
  readonly rulesPlace: TablePlace;
  readonly clientsPlace: TablePlace;
  /** Volume per pool and period (micro-units); period "" for rows without a period. */
  readonly volumeByPeriod: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The catalogue key figure of each pool's intervention ("" when none): what the figures select on. */
  readonly poolKeyFigure: Readonly<Record<string, string>>;
  /** Inhabitants per age group of the settings. */
  readonly population: Readonly<Record<string, number>>;
  /** Inhabitants aged 80 and over, fitted from the Befolkning rows (null when they cannot say). */
  readonly inhabitants80?: number | null;
  readonly codingChecks: CodingChecks;
}
