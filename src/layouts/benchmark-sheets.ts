import { column as c, decimalCell as num } from "./geometry";
import type { ChartSpec, ColumnFormat, SheetBlock, SheetCell, SheetColumn, SheetLayout } from "./sheet-layout";
import { overviewLayout } from "./overview";
import {
  bundledPublished,
  clientMix,
  compareConsumption,
  compareKeyFigures,
  formatRunTime,
  HISTORY_HEADER,
  HISTORY_SHEET,
  historyCells,
  historyRows,
  mergeHistory,
  potential,
  Rational,
  sourceText,
  trend,
  TREND_PER_INHABITANT,
  TREND_UNIT_COSTS,
  type BenchmarkRow,
  type ConsumptionComparison,
  type HistoryRow,
  type KpbResult,
  type PublishedLookup,
  type UnitCostPotential,
} from "../engine";

/**
 * The benchmark result sheets as plain data (see sheet-layout.ts for the types): `KPB Översikt`,
 * `KPB Brukarmix`, `KPB Konsumtion`, `KPB Potential` and `KPB Historik`. The first block of
 * Översikt, Brukarmix and Konsumtion keeps the columns it had before these analyses, in the same
 * places; new columns are added to the right and new tables below.
 */
export interface BenchmarkSheetOptions {
  /** Bundled published averages; default the ones shipped with the add-in, null for none. */
  published?: PublishedLookup | null;
  /**
   * The rows already in `KPB Historik` (see `parseHistoryRows`). The history sheet is produced
   * only when this is given (an empty array for a workbook without one): writing it without the
   * previous rows would throw the earlier years away.
   */
  history?: HistoryRow[];
  /** When the run was made; default now. */
  runTime?: Date | string;
}

export { overviewLayout };

export interface BenchmarkSheets {
  overview: SheetLayout;
  clientMix: SheetLayout;
  consumption: SheetLayout;
  potential: SheetLayout;
  history: SheetLayout | null;
  /** The published lookup in force (for other sheets that show a benchmark). */
  published: PublishedLookup | undefined;
}

/** A percent string (12.5) as the fraction a % format shows (0.125). */
const pct = (value: string | null): number | null => (value === null ? null : Rational.parse(value).div(Rational.HUNDRED).toNumber());
const kr = (value: string | null): number | null => (value === null ? null : Rational.parse(value).toOre() / 100);


export function clientMixLayout(result: KpbResult, benchmark: readonly BenchmarkRow[], published?: PublishedLookup): SheetLayout {
  const mix = clientMix(result, benchmark, published);
  return {
    name: "KPB Brukarmix",
    blocks: [
      {
        tableName: "KPB_Brukarmix",
        columns: [
          c("Timmar per år", "text", 14),
          c("Brukare", "integer", 10),
          c("Andel", "percent", 10),
          c("Jämförelse", "percent", 12),
          c("Skillnad (procentenheter)", "percent", 14),
          c("Index", "index", 10),
          c("Brukare vid jämförelsens fördelning", "decimal", 18),
          c("Källa", "text", 40),
        ],
        rows: mix.bands.map((b) => [b.band, b.clients, pct(b.share), pct(b.benchmarkShare), pct(b.difference), num(b.index), num(b.expectedClients), sourceText(b.source)]),
      },
      {
        tableName: "KPB_Brukarmix_ytterfall",
        title: "Ytterfall mot jämförelse",
        columns: [c("Avgränsning", "text", 22), c("Andel", "percent", 10), c("Jämförelse", "percent", 12), c("Skillnad (procentenheter)", "percent", 14), c("Index", "index", 10), c("Källa", "text", 40)],
        rows: mix.outliers.map((o) => [o.scope, pct(o.own), pct(o.benchmark), pct(o.difference), num(o.index), sourceText(o.match)]),
      },
    ],
    charts: [
      {
        name: "KPB_Brukarmix_diagram",
        kind: "columnClustered",
        title: "Hemtjänstbrukare per timintervall, egen jämfört med jämförelse",
        block: 0,
        categoryColumn: 0,
        valueColumns: [2, 3],
        lineColumns: [],
        valueAxisTitle: "Andel brukare",
      },
    ],
  };
}

const basisText = { volym: "Jämförelsens volym per invånare", kostnad_per_invanare: "Kostnad per invånare ÷ styckkostnad", kostnad_per_brukare_x_andel: "Kostnad per brukare × andel brukare ÷ styckkostnad" } as const;

const LEFT_OUT_TEXT = { kostnad_per_invanare: "kostnad per invånare", kostnad_per_brukare: "kostnad per brukare", andel_brukare: "andel brukare" } as const;

/** The Källa text, noting published averages left out so as not to mix sources in one row. */
function withLeftOut(text: string | null, leftOut: ConsumptionComparison["publishedLeftOut"]): string | null {
  if (leftOut.length === 0) return text;
  const note = `KPB-snittet för ${leftOut.map((id) => LEFT_OUT_TEXT[id]).join(", ")} används inte: jämförelsen tas ur en källa per rad`;
  return text ? `${text}. ${note}` : note;
}

export function consumptionLayout(result: KpbResult, rows: ConsumptionComparison[]): SheetLayout {
  const label = (r: { area: string; ageGroup: string }) => `${r.area} ${r.ageGroup}`;
  const main: SheetCell[][] = rows.map((r) => {
    const d = r.decomposition;
    return [
      r.area,
      r.ageGroup,
      r.inhabitants,
      r.clients,
      kr(r.cost),
      num(r.costPerClient),
      num(r.costPerInhabitant),
      pct(r.clientShare),
      num(r.benchmarkCostPerInhabitant),
      num(r.benchmarkCostPerClient),
      pct(r.benchmarkClientShare),
      num(r.indexPerInhabitant),
      num(d?.unitCostIndex ?? null),
      num(d?.consumptionIndex ?? null),
      num(d?.costIndex ?? null),
      num(d?.coveredShare ?? null),
      kr(r.atBenchmarkCostPerClient?.cost ?? null),
      kr(r.atBenchmarkCostPerClient?.difference ?? null),
      kr(r.atBenchmarkShare?.cost ?? null),
      kr(r.atBenchmarkShare?.difference ?? null),
      kr(r.atBenchmarkCostPerInhabitant?.cost ?? null),
      kr(r.atBenchmarkCostPerInhabitant?.difference ?? null),
      withLeftOut(sourceText(r.sources.perInhabitant ?? r.sources.perClient ?? r.sources.share), r.publishedLeftOut),
      label(r),
    ];
  });
  const detail: SheetCell[][] = [];
  for (const r of rows) {
    for (const i of r.decomposition?.items ?? []) {
      detail.push([
        r.area,
        r.ageGroup,
        i.insats,
        i.volumeUnit,
        num(i.unitCost),
        num(i.volumePerInhabitant),
        num(i.costPerInhabitant),
        num(i.benchmarkUnitCost),
        num(i.benchmarkVolumePerInhabitant),
        num(i.benchmarkCostPerInhabitant),
        i.included ? "ja" : "nej",
        i.volumeBasis ? basisText[i.volumeBasis] : null,
        sourceText(i.unitCostSource),
        sourceText(i.volumeSource),
      ]);
    }
  }
  const labelColumn = 23;
  return {
    name: "KPB Konsumtion",
    blocks: [
      {
        tableName: "KPB_Konsumtion",
        columns: [
          c("Område", "text", 8),
          c("Åldersgrupp", "text", 11),
          c("Invånare", "integer", 10),
          c("Brukare", "integer", 10),
          c("Kostnad", "kr", 16),
          c("Kostnad per brukare", "kr", 18),
          c("Kostnad per invånare", "kr", 18),
          c("Andel brukare", "percent", 12),
          c("Jämförelse kostnad per invånare", "kr", 18),
          c("Jämförelse kostnad per brukare", "kr", 18),
          c("Jämförelse andel brukare", "percent", 14),
          c("Index kostnad per invånare", "index", 12),
          c("Styckkostnadsindex", "index", 12),
          c("Konsumtionsindex", "index", 12),
          c("Kostnadsindex jämförda insatser", "index", 14),
          c("Andel av kostnaden i indexen", "percent", 14),
          c("Kostnad vid jämförelsens kostnad per brukare", "kr", 20),
          c("Skillnad mot jämförelsens kostnad per brukare", "kr", 20),
          c("Kostnad vid jämförelsens andel brukare", "kr", 20),
          c("Skillnad mot jämförelsens andel brukare", "kr", 20),
          c("Kostnad vid jämförelsens kostnad per invånare", "kr", 20),
          c("Skillnad mot jämförelsens kostnad per invånare", "kr", 20),
          c("Källa", "text", 40),
          c("Område och åldersgrupp", "text", 16),
        ],
        rows: main,
      },
      {
        tableName: "KPB_Konsumtion_insatser",
        title: "Indexuppdelning per insats: styckkostnad × volym per invånare",
        columns: [
          c("Område", "text", 8),
          c("Åldersgrupp", "text", 11),
          c("Insats", "text", 22),
          c("Volymenhet", "text", 11),
          c("Styckkostnad", "unitcost", 14),
          c("Volym per invånare", "decimal", 14),
          c("Kostnad per invånare", "kr", 16),
          c("Jämförelse styckkostnad", "unitcost", 14),
          c("Jämförelse volym per invånare", "decimal", 14),
          c("Jämförelse kostnad per invånare", "kr", 16),
          c("Ingår i index", "text", 10),
          c("Jämförelsens volym från", "text", 30),
          c("Källa styckkostnad", "text", 40),
          c("Källa volym", "text", 40),
        ],
        rows: detail,
      },
    ],
    charts: [
      {
        name: "KPB_Konsumtion_diagram",
        kind: "columnClustered",
        title: "Kostnad per invånare per område och åldersgrupp, egen och jämförelse",
        block: 0,
        categoryColumn: labelColumn,
        valueColumns: [6, 8],
        lineColumns: [],
        valueAxisTitle: "kr per invånare",
      },
      {
        name: "KPB_Konsumtion_index_diagram",
        kind: "columnClustered",
        title: "Styckkostnadsindex och konsumtionsindex (jämförelsen = 1,00)",
        block: 0,
        categoryColumn: labelColumn,
        valueColumns: [12, 13],
        lineColumns: [],
        valueAxisTitle: "Index",
      },
    ],
  };
}

export function potentialLayout(result: KpbResult, benchmark: readonly BenchmarkRow[], published: PublishedLookup | undefined, consumption: ConsumptionComparison[]): SheetLayout {
  const p = potential(result, benchmark, published, consumption);
  const unitCells = (r: UnitCostPotential): SheetCell[] => [
    num(r.volume),
    kr(r.cost),
    num(r.unitCost),
    num(r.benchmarkUnitCost),
    num(r.difference),
    kr(r.potential),
    sourceText(r.source),
  ];
  const unitColumns = [
    c("Volym", "decimal", 12),
    c("Kostnad", "kr", 16),
    c("Styckkostnad", "unitcost", 14),
    c("Jämförelse", "unitcost", 14),
    c("Skillnad per enhet", "unitcost", 14),
    c("Potential", "kr", 16),
    c("Källa", "text", 40),
  ];
  return {
    name: "KPB Potential",
    blocks: [
      {
        tableName: "KPB_Potential_insats",
        title: "Potential per insats: (styckkostnad − jämförelse) × egen volym, där den är positiv",
        columns: [c("Insats och regi", "text", 30), c("Område", "text", 8), c("Insats", "text", 22), c("Regi", "text", 8), c("Volymenhet", "text", 11), ...unitColumns],
        rows: p.interventions.map((r) => [`${r.insats}, ${r.regi} regi`, r.area, r.insats, r.regi, r.volumeUnit, ...unitCells(r)]),
      },
      {
        tableName: "KPB_Potential_pool",
        title: "Potential per pool (enhet)",
        columns: [c("Pool", "text", 14), c("Enhet", "text", 22), c("Område", "text", 8), c("Insats", "text", 22), c("Regi", "text", 8), c("Volymenhet", "text", 11), ...unitColumns],
        rows: p.pools.map((r) => [r.pool!, r.enhet || null, r.area, r.insats, r.regi, r.volumeUnit, ...unitCells(r)]),
      },
      {
        tableName: "KPB_Potential_invanare",
        title: "Potential per invånare: (kostnad per invånare − jämförelse) × invånare, där den är positiv",
        columns: [
          c("Område", "text", 8),
          c("Åldersgrupp", "text", 11),
          c("Invånare", "integer", 10),
          c("Kostnad per invånare", "kr", 16),
          c("Jämförelse", "kr", 16),
          c("Skillnad per invånare", "kr", 16),
          c("Potential", "kr", 16),
          c("Källa", "text", 40),
        ],
        rows: p.perInhabitant.map((r) => [r.area, r.ageGroup, r.inhabitants, num(r.costPerInhabitant), num(r.benchmarkCostPerInhabitant), num(r.difference), kr(r.potential), sourceText(r.source)]),
      },
      {
        tableName: "KPB_Potential_summa",
        title: "Summa per beräkningssätt (olika sätt att räkna, lägg inte ihop dem)",
        columns: [c("Beräkning", "text", 60), c("Potential", "kr", 16)],
        rows: [
          ["Per insats: styckkostnad ned till jämförelsen", p.totals.interventionsOre / 100],
          ["Per pool: varje enhet ned till jämförelsen", p.totals.poolsOre / 100],
          ["Per invånare: varje åldersgrupp ned till jämförelsens kostnad per invånare", p.totals.perInhabitantOre / 100],
        ],
      },
    ],
    charts: p.interventions.some((r) => r.potential !== null)
      ? [
          {
            name: "KPB_Potential_diagram",
            kind: "barClustered",
            title: "Potential per insats om styckkostnaden vore jämförelsens",
            block: 0,
            categoryColumn: 0,
            valueColumns: [10],
            lineColumns: [],
            valueAxisTitle: "kr",
          },
        ]
      : [],
  };
}

/** Unique, non-empty table headers from key-figure names. */
function uniqueHeaders(names: string[], ids: string[]): string[] {
  return names.map((n, i) => (names.indexOf(n) === i && n ? n : `${n || ids[i]} (${ids[i]})`));
}

export function historyLayout(rows: HistoryRow[]): SheetLayout {
  const blocks: SheetBlock[] = [
    {
      tableName: "KPB_Historik",
      columns: HISTORY_HEADER.map((h) => c(h, h === "År" ? "text" : h === "Värde" ? "decimal" : "text", h === "Nyckeltal" ? 52 : h === "Nyckeltal-id" ? 34 : 14)),
      rows: rows.map(historyCells),
    },
  ];
  const charts: ChartSpec[] = [];
  const trends: [string, string, string, string[], string][] = [
    ["KPB_Historik_styckkostnad", "Styckkostnader de senaste åren", "KPB_Historik_styckkostnad_diagram", TREND_UNIT_COSTS, "kr per volymenhet"],
    ["KPB_Historik_per_invanare", "Kostnad per invånare de senaste åren", "KPB_Historik_per_invanare_diagram", TREND_PER_INHABITANT, "kr per invånare"],
  ];
  for (const [tableName, title, chartName, ids, axis] of trends) {
    const t = trend(rows, ids);
    if (t.ids.length === 0) continue;
    blocks.push({ tableName, title, columns: [c("År", "text", 8), ...uniqueHeaders(t.names, t.ids).map((n) => c(n, "decimal", 18))], rows: t.rows });
    charts.push({
      name: chartName,
      kind: "line",
      title,
      block: blocks.length - 1,
      categoryColumn: 0,
      valueColumns: t.ids.map((_, i) => i + 1),
      lineColumns: [],
      valueAxisTitle: axis,
    });
  }
  return { name: HISTORY_SHEET, blocks, charts };
}

/** Every benchmark sheet of a run. */
export function benchmarkSheets(result: KpbResult, benchmark: readonly BenchmarkRow[], options: BenchmarkSheetOptions = {}): BenchmarkSheets {
  const published = options.published === null ? undefined : (options.published ?? bundledPublished);
  const consumption = compareConsumption(result, benchmark, published);
  const runTime = formatRunTime(options.runTime ?? new Date());
  return {
    overview: overviewLayout({
      result,
      comparisons: compareKeyFigures(result, benchmark, published),
      consumption,
      potential: potential(result, benchmark, published, consumption),
      history: options.history ?? [],
      runTime,
    }),
    clientMix: clientMixLayout(result, benchmark, published),
    consumption: consumptionLayout(result, consumption),
    potential: potentialLayout(result, benchmark, published, consumption),
    history: options.history ? historyLayout(mergeHistory(options.history, historyRows(result, runTime))) : null,
    published,
  };
}
