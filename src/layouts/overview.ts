import { blockPlaces, column as c, decimalCell as num } from "./geometry";
import type { ChartSpec, ColumnFormat, DirectionColours, SheetBlock, SheetCell, SheetLayout, TopCell } from "./sheet-layout";
import { benchmarkLabel, overviewSentences } from "./overview-sentences";
import { svNumber } from "./swedish-text";
import {
  ageGroupText,
  changeSinceLastYear,
  oldestAgeGroupRow,
  Rational,
  sourceText,
  type BenchmarkValue,
  type ConsumptionComparison,
  type Direction,
  type HistoryRow,
  type KeyFigureComparison,
  type KpbResult,
  type PotentialResult,
} from "../engine";

/**
 * `KPB Översikt`, the page the committee sees. Rows 1–4 say whose figures these are, for which
 * year, when and how they were calculated, the data status and the reconciliation; then the
 * headline block (the published KPB figures beside their benchmark, with the change since last
 * year from KPB Historik), a few sentences generated from the figures, and below them every key
 * figure as a table (human name first, id last) and the data of the two charts that sit beside
 * the headline block.
 */
export interface OverviewInput {
  result: KpbResult;
  comparisons: KeyFigureComparison[];
  consumption: ConsumptionComparison[];
  potential: PotentialResult;
  /** The rows already in KPB Historik (earlier runs); empty when there is none. */
  history: HistoryRow[];
  /** When the run was made, "YYYY-MM-DD HH:MM". */
  runTime: string;
}

/** A percent string (12.5) as the fraction a % format shows (0.125). */
const pct = (value: string | null): number | null => (value === null ? null : Rational.parse(value).div(Rational.HUNDRED).toNumber());
const figureCell = (value: string | null, unit: string): number | null => (unit === "%" ? pct(value) : num(value));
const figureFormat = (unit: string): ColumnFormat => (unit === "%" ? "percent" : unit === "kr" ? "kr" : unit.startsWith("kr/") ? "unitcost" : "decimal");
/**
 * Headline formats: the unit stands in its own column, so the numbers carry none; kronor per
 * hour or day with öre, kronor per inhabitant or client and totals in whole kronor.
 */
const headlineFormat = (unit: string): ColumnFormat =>
  unit === "%" ? "percent" : unit === "index" ? "index" : unit === "kr" || unit === "kr/invånare" || unit === "kr/brukare" ? "integer" : unit.startsWith("kr/") ? "number2" : "decimal";

const DIRECTION_TEXT: Record<Direction, string> = { higher: "↑ högre", lower: "↓ lägre", equal: "= lika" };

/**
 * "KPB-snitt 2023 (1 år äldre)": the benchmark's year in plain sight when it is older than the run;
 * a published average beyond the age limit also says that it is left out of potential and indices.
 */
export function benchmarkYearText(b: Pick<BenchmarkValue, "origin" | "municipality" | "year" | "stale"> | null, runYear: number): string | null {
  if (!b) return null;
  const label = benchmarkLabel(b, false);
  if (b.year === null || b.year >= runYear) return label;
  const age = runYear - b.year;
  return b.stale ? `${label} (${age} år äldre, ingår ej i potential)` : `${label} (${age} år äldre)`;
}

/** Columns of the headline block (A–H); the full table below uses the same columns for the same things. */
const HEADLINE_HEADERS = ["Nyckeltal", "Värde", "Enhet", "Jämförelse", "Skillnad", "Index", "Förändring sedan", "Jämförelsen avser"];
export const OVERVIEW_WIDTH = HEADLINE_HEADERS.length;

interface HeadlineRow {
  label: string;
  value: string | null;
  unit: string;
  benchmark: string | null;
  difference: string | null;
  index: string | null;
  /** Change since the previous year, percent string. */
  change: string | null;
  about: string | null;
}

function headlineRows(input: OverviewInput, oldest: ConsumptionComparison | null): HeadlineRow[] {
  const { result, comparisons, history } = input;
  const byId = new Map(comparisons.map((f) => [f.id, f]));
  const rows: HeadlineRow[] = [];
  // The headline rows carry the figures' own names (one naming pattern across the sheets).
  const figure = (id: string | null, label?: string, unit?: string) => {
    const f = id ? byId.get(id) : undefined;
    if (!f) return;
    // Performed hours against a per-granted-hour average: the row says so (Inställningar → Hemtjänsttid).
    const performed = f.nameParts?.key === "homeCareHour" && f.nameParts.params.hours === "utförd" && f.benchmark !== null;
    rows.push({
      label: label ?? f.name,
      value: f.own,
      unit: unit ?? f.unit,
      benchmark: f.benchmark,
      difference: f.difference,
      index: f.index,
      change: changeSinceLastYear(history, f.id, result.year, f.own),
      about: performed ? `${benchmarkYearText(f.match, result.year)}; gäller beviljad tid, egen utförd tid` : benchmarkYearText(f.match, result.year),
    });
  };
  const group = oldest?.ageGroup ?? null;
  const old = group ? ageGroupText(group) : "";
  figure("hemtjanst_egen_kr_timme");
  figure("sabo_egen_kr_dygn_inkl_hsl");
  figure("sabo_egen_kr_dygn_exkl_hsl");
  if (group) {
    figure(`kostnad_per_invanare:ÄO:${group}`);
    figure(`kostnad_per_brukare:ÄO:${group}`);
    figure(`andel_brukare:ÄO:${group}`);
  }
  const d = oldest?.decomposition;
  const about = benchmarkYearText(oldest?.sources.perInhabitant ?? null, result.year);
  for (const [label, value] of [
    [`Styckkostnadsindex P, ÄO, ${old}`, d?.unitCostIndex ?? null],
    [`Konsumtionsindex Q, ÄO, ${old}`, d?.consumptionIndex ?? null],
  ] as const) {
    if (value === null) continue;
    rows.push({ label, value, unit: "index", benchmark: "1", difference: Rational.parse(value).minus(Rational.ONE).toString(), index: value, change: null, about });
  }
  const potentialOre = input.potential.totals.interventionsOre;
  if (input.potential.interventions.some((r) => r.potential !== null)) {
    rows.push({
      label: "Potential om styckkostnaderna vore jämförelsens",
      value: String(potentialOre / 100),
      unit: "kr",
      benchmark: null,
      difference: null,
      index: null,
      change: null,
      about: "Se KPB Potential",
    });
  }
  return rows;
}

const METHOD_TEXT = { stegvis: "stegvis fördelning av stödpooler", reciprok: "reciprok fördelning av stödpooler" } as const;

export function overviewLayout(input: OverviewInput): SheetLayout {
  const { result, comparisons } = input;
  const oldest = oldestAgeGroupRow(result, input.consumption);
  const top: TopCell[] = [];
  const errors = result.problems.filter((p) => p.severity === "error").length;
  const warnings = result.problems.length - errors;
  const r = result.reconciliation;
  const kr2 = (ore: number) => svNumber(ore / 100, 2);
  const text = (row: number, value: string, style: TopCell["style"], lines = 1) => top.push({ row, column: 1, value, style, span: OVERVIEW_WIDTH, ...(lines > 1 ? { lines } : {}) });

  text(1, `KPB Översikt – ${result.municipality || "kommunen"} ${result.year}`, "title");
  text(2, `Kostnad per brukare (KPB), helårsutfall ${result.year}. Beräknad ${input.runTime} med KPB-tillägget, ${METHOD_TEXT[result.settings.allocationMethod] ?? result.settings.allocationMethod}.`, "subtitle");
  text(3, `Datastatus: ${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"} (se KPB Avstämning).`, errors ? "label" : "text");
  text(
    4,
    r.balanced
      ? `Avstämning: Ekonomi ${kr2(r.ledgerTotalOre)} kr = pooler ${kr2(r.pooledOre)} + exkluderat ${kr2(r.excludedOre)} + ej kodat ${kr2(r.uncodedOre)} – går ihop på öret.`
      : `Avstämning: Ekonomi ${kr2(r.ledgerTotalOre)} kr går INTE ihop med pooler, exkluderat och ej kodat (differens ${kr2(r.ledgerTotalOre - r.pooledOre - r.excludedOre - r.uncodedOre)} kr).`,
    "text",
  );

  const headerRow = 6;
  const numeric = [false, true, false, true, true, true, true, false];
  HEADLINE_HEADERS.forEach((h, i) =>
    top.push({ row: headerRow, column: i + 1, value: i === 6 ? `${h} ${result.year - 1}` : h, style: "columnHeader", align: numeric[i] ? "right" : "left", lines: 2 }),
  );
  const headline = headlineRows(input, oldest);
  headline.forEach((h, k) => {
    const row = headerRow + 1 + k;
    const f = headlineFormat(h.unit);
    const cells: [SheetCell, ColumnFormat | undefined][] = [
      [h.label, "text"],
      [figureCell(h.value, h.unit), f],
      // A share's % sign is in its format; "%" again in Enhet would say it twice.
      [h.unit === "%" ? null : h.unit, "text"],
      [figureCell(h.benchmark, h.unit), f],
      [figureCell(h.difference, h.unit), f],
      [num(h.index), "index"],
      [pct(h.change), "percent"],
      [h.about, "text"],
    ];
    cells.forEach(([value, format], i) => top.push({ row, column: i + 1, value, format, style: i === 0 ? "label" : "value" }));
  });
  const firstHeadline = headerRow + 1;
  const lastHeadline = headerRow + headline.length;
  let row = lastHeadline + 1;
  text(row, "Färg: röd = över jämförelsen, grön = under (index = värde ÷ jämförelse). Förändringen är mot samma nyckeltal förra året i KPB Historik.", "note");
  row += 2;
  const sentences = overviewSentences({ result, comparisons, oldest, potential: input.potential });
  if (sentences.length) {
    text(row++, "Sammanfattning", "heading");
    for (const s of sentences) text(row++, s, "text");
  }
  const topRows = row;

  const colours: DirectionColours[] = headline.length
    ? [
        { box: { row: firstHeadline, column: 5, rows: headline.length, columns: 1 }, threshold: 0 },
        { box: { row: firstHeadline, column: 6, rows: headline.length, columns: 1 }, threshold: 1 },
      ]
    : [];

  const tableRows: SheetCell[][] = comparisons.map((f) => [
    f.name,
    figureCell(f.own, f.unit),
    f.unit,
    figureCell(f.benchmark, f.unit),
    figureCell(f.difference, f.unit),
    num(f.index),
    f.direction ? DIRECTION_TEXT[f.direction] : null,
    benchmarkYearText(f.match, result.year),
    f.match ? sourceText(f.match) : null,
    f.scope,
    f.id,
  ]);
  // The chart carries no year per bar, so it compares only with benchmarks within the age limit;
  // an older average stays in the table above, with its age in plain sight.
  const unitCosts = comparisons.filter((f) => !f.id.includes(":") && f.unit.startsWith("kr/") && f.benchmark !== null && !f.match?.stale);
  const perInhabitant = input.consumption.filter((x) => x.ageGroup !== "alla" && x.costPerInhabitant !== null && Number(x.costPerInhabitant) > 0);
  const blocks: SheetBlock[] = [
    {
      tableName: "KPB_Oversikt",
      title: "Alla nyckeltal mot jämförelse",
      columns: [
        c("Nyckeltal", "text", 46),
        c("Värde", "unitcost", 16),
        c("Enhet", "text", 12),
        c("Jämförelse", "unitcost", 16),
        c("Skillnad", "unitcost", 16),
        c("Index", "index", 10),
        c("Riktning", "text", 10),
        c("Jämförelsen avser", "text", 24),
        c("Källa", "text", 36),
        c("Avgränsning", "text", 22),
        c("Id", "text", 30),
      ],
      rows: tableRows,
      rowFormats: [1, 3, 4].map((column) => ({ column, formats: comparisons.map((f) => figureFormat(f.unit)) })),
    },
    // The charts' data, in the same columns as the table above (name, own, unit, benchmark,
    // difference, index, …, what the benchmark is), so the sheet's column widths suit all three.
    {
      tableName: "KPB_Oversikt_styckkostnader",
      title: "Styckkostnader mot jämförelse (underlag för diagrammet)",
      columns: [c("Nyckeltal", "text", 46), c("Egen", "unitcost", 14), c("Enhet", "text", 12), c("Jämförelse", "unitcost", 14), c("Skillnad", "unitcost", 14), c("Index", "index", 10), c("Riktning", "text", 10), c("Jämförelsen avser", "text", 24)],
      rows: unitCosts.map((f) => [f.name, num(f.own), f.unit, num(f.benchmark), num(f.difference), num(f.index), f.direction ? DIRECTION_TEXT[f.direction] : null, benchmarkYearText(f.match, result.year)]),
    },
    {
      tableName: "KPB_Oversikt_per_invanare",
      title: "Kostnad per invånare per åldersgrupp mot jämförelse (underlag för diagrammet)",
      columns: [c("Område och åldersgrupp", "text", 30), c("Egen", "kr", 14), c("Enhet", "text", 12), c("Jämförelse", "kr", 14), c("Skillnad", "kr", 14), c("Index", "index", 10), c("Invånare", "integer", 10), c("Jämförelsen avser", "text", 24)],
      rows: perInhabitant.map((x) => [
        `${x.area} ${ageGroupText(x.ageGroup)}`,
        num(x.costPerInhabitant),
        "kr/invånare",
        num(x.benchmarkCostPerInhabitant),
        x.benchmarkCostPerInhabitant === null ? null : Rational.parse(x.costPerInhabitant!).minus(Rational.parse(x.benchmarkCostPerInhabitant)).toNumber(),
        num(x.indexPerInhabitant),
        x.inhabitants,
        benchmarkYearText(x.sources.perInhabitant, result.year),
      ]),
    },
  ];
  // The two charts stand right of the headline block, one above the other, over the table's
  // last three columns (Källa, Avgränsning, Id), from the title down to the table.
  const chartColumn = OVERVIEW_WIDTH + 1;
  const chartRows = Math.max(8, Math.floor((topRows - 1) / 2));
  const charts: ChartSpec[] = [];
  if (unitCosts.length) {
    charts.push({
      name: "KPB_Oversikt_diagram",
      kind: "columnClustered",
      title: `Styckkostnad per insats ${result.year} mot jämförelse`,
      block: 1,
      categoryColumn: 0,
      valueColumns: [1, 3],
      lineColumns: [],
      valueAxisTitle: "kr per volymenhet",
      place: { row: 1, column: chartColumn, rows: chartRows, columns: 3 },
    });
  }
  if (perInhabitant.length) {
    charts.push({
      name: "KPB_Oversikt_per_invanare_diagram",
      kind: "barClustered",
      title: `Kostnad per invånare per åldersgrupp ${result.year} mot jämförelse`,
      block: 2,
      categoryColumn: 0,
      valueColumns: [1, 3],
      lineColumns: [],
      valueAxisTitle: "kr per invånare",
      place: { row: unitCosts.length ? 1 + chartRows : 1, column: chartColumn, rows: chartRows, columns: 3 },
    });
  }
  const layout: SheetLayout = { name: "KPB Översikt", blocks, charts, topRows, topCells: top, colours, pageBreakAfter: topRows };
  // The full table's difference and index columns are coloured like the headline's.
  const table = blockPlaces(layout)[0];
  colours.push(
    { box: { row: table.headerRow + 1, column: 5, rows: table.bodyRows, columns: 1 }, threshold: 0 },
    { box: { row: table.headerRow + 1, column: 6, rows: table.bodyRows, columns: 1 }, threshold: 1 },
  );
  return layout;
}
