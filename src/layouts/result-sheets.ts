import { column as c, decimalCell as num } from "./geometry";
import type { SheetBlock, SheetCell, SheetColumn, SheetLayout } from "./sheet-layout";
import { benchmarkSheets, type BenchmarkSheetOptions } from "./benchmark-sheets";
import { benchmarkYearText } from "./overview";
import { codingCheckBlock, tracingSheet } from "./trace-sheet";
import { finishLayouts } from "./sheet-finish";
import { brytpunktBlocks, interventionMixLayout, unitSpreadLayout, validationLayout } from "./analysis-sheets";
import {
  benchmarkFor,
  bundledPublished,
  COST_CATEGORIES,
  Dec,
  microToDec,
  oreToKr,
  unitCostBenchmark,
  validationFlags,
  validationPack,
  windowKindLabel,
  windowLabel,
  type BenchmarkContext,
  type BenchmarkRow,
  type KpbResult,
  type MonthlySeries,
  type Problem,
  type PublishedLookup,
  type Regi,
  type SetAsideReason,
  type ValidationNote,
} from "../engine";

/** The `KPB …` result sheets of a run, built from the layout types in sheet-layout.ts. */
export const RESULT_SHEET_NAMES = [
  "KPB Översikt",
  "KPB Styckkostnader",
  "KPB Enheter",
  "KPB Brukare",
  "KPB Ytterfall",
  "KPB Brukarmix",
  "KPB Konsumtion",
  "KPB Insatsmix",
  "KPB Potential",
  "KPB Avstämning",
  "KPB Spårning",
] as const;
// `KPB Historik` (benchmark/history.ts HISTORY_SHEET) is not listed: it is written only when the
// caller passes the rows already in it (resultSheets options.history); `KPB Validering`
// (analyses/validation-pack.ts VALIDATION_SHEET) likewise only with the notes already in it.


/** A key figure value as a cell: percentages are stored as fractions to show with a % format. */
function figureCell(value: string, unit: string): number {
  return unit === "%" ? new Dec(value).div(100).toNumber() : Number(value);
}

export function unitCostSheet(result: KpbResult, benchmark: readonly BenchmarkRow[], published?: PublishedLookup): SheetLayout {
  const supports = result.pools.filter((p) => p.kind === "stöd").map((p) => p.pool);
  const intervention = result.pools.filter((p) => p.kind === "insats");
  const ctx = { rows: benchmark, year: result.year, published };
  const rows = intervention.map((p) => {
    // The pool's benchmark from the one lookup (figure-benchmark.ts): a row for the pool, else
    // the intervention's published figure, the same line as on KPB Översikt and KPB Potential.
    const b = unitCostBenchmark(result, { insats: p.insats, regi: p.regi, pool: p.pool }, ctx);
    return [
      p.pool,
      p.insats,
      p.enhet,
      p.regi,
      p.area,
      p.volumeUnit,
      microToDec(p.volumeMicro).toNumber(),
      oreToKr(p.directOre),
      ...COST_CATEGORIES.map((cat) => oreToKr(p.directByCategoryOre[cat])),
      ...supports.map((s) => oreToKr(p.receivedOre[s] ?? 0)),
      oreToKr(p.allocatedOre),
      oreToKr(p.costOre),
      num(p.unitCost),
      b ? Number(b.value) : null,
      p.clientCount,
      // The benchmark's year in plain sight, as on KPB Översikt.
      benchmarkYearText(b, result.year),
    ];
  });
  const columns = [
    c("Pool", "text", 14),
    c("Insats", "text", 22),
    c("Enhet", "text", 18),
    c("Regi", "text", 8),
    c("Område", "text", 8),
    c("Volymenhet", "text", 11),
    c("Volym", "decimal", 12),
    c("Direkt kostnad", "kr", 16),
    ...COST_CATEGORIES.map((cat) => c(cat, "kr", 14)),
    ...supports.map((s) => c(`Från ${s}`, "kr", 14)),
    c("Fördelad kostnad", "kr", 16),
    c("Total kostnad", "kr", 16),
    c("Styckkostnad", "unitcost", 14),
    c("Jämförelse", "unitcost", 14),
    c("Brukare", "integer", 10),
    c("Jämförelsen avser", "text", 26),
  ];
  const unitCol = columns.findIndex((x) => x.header === "Styckkostnad");
  return {
    name: "KPB Styckkostnader",
    // A follow-up's unit costs say which months they cover; the annual sheet is as it always was.
    blocks: [{ tableName: "KPB_Styckkostnader", ...(result.settings.period ? { title: `Styckkostnader${windowSuffix(result)}` } : {}), columns, rows }],
    charts: [
      {
        name: "KPB_Styckkostnad_diagram",
        kind: "columnClustered",
        title: `Styckkostnad per pool med jämförelse${windowSuffix(result)}`,
        block: 0,
        categoryColumn: 0,
        valueColumns: [unitCol, unitCol + 1],
        lineColumns: [unitCol + 1],
        valueAxisTitle: "kr per volymenhet",
      },
    ],
  };
}

export function clientSheet(result: KpbResult): SheetLayout {
  const poolIntervention = new Map(result.pools.map((p) => [p.pool, p.insats]));
  const interventions = [...new Set(result.pools.filter((p) => p.kind === "insats" && p.clientCount > 0).map((p) => p.insats))];
  const rows = result.clients.map((cl) => {
    const byIntervention = new Map<string, number>();
    for (const [pool, ore] of Object.entries(cl.poolsOre)) {
      const ins = poolIntervention.get(pool)!;
      byIntervention.set(ins, (byIntervention.get(ins) ?? 0) + ore);
    }
    return [
      cl.id,
      cl.ageGroup,
      cl.sex || null,
      cl.housing,
      cl.housingSource ?? null,
      ...interventions.map((i) => (byIntervention.has(i) ? oreToKr(byIntervention.get(i)!) : null)),
      oreToKr(cl.totalOre),
      cl.outlierScopes.length ? cl.outlierScopes.join(", ") : null,
    ];
  });
  return {
    name: "KPB Brukare",
    blocks: [
      {
        tableName: "KPB_Brukare",
        columns: [
          c("BrukarID", "text", 16),
          c("Åldersgrupp", "text", 11),
          c("Kön", "text", 6),
          c("Boendeform", "text", 11),
          c("Boende enligt", "text", 14),
          ...interventions.map((i) => c(i, "kr", 14)),
          c("Total kostnad", "kr", 16),
          c("Ytterfall", "text", 24),
        ],
        rows,
      },
    ],
    charts: [],
  };
}

export function outlierSheet(result: KpbResult): SheetLayout {
  const rows: SheetCell[][] = [];
  const limits = result.settings.outlierLimitsOre;
  for (const cl of result.clients) {
    for (const scope of cl.outlierScopes) rows.push([cl.id, cl.ageGroup, scope, oreToKr(cl.totalOre), oreToKr(limits[scope])]);
  }
  const shares = result.keyFigures.filter((f) => f.id.startsWith("ytterfall_"));
  const brytpunkt = brytpunktBlocks(result, 2);
  return {
    name: "KPB Ytterfall",
    blocks: [
      {
        tableName: "KPB_Ytterfall_andel",
        title: "Andel brukare över gränsen",
        columns: [c("Avgränsning", "text", 22), c("Andel", "percent", 10), c("Gräns", "kr", 14)],
        rows: shares.map((f) => [f.scope, figureCell(f.value, f.unit), oreToKr(limits[f.scope as keyof typeof limits] ?? 0)]),
      },
      {
        tableName: "KPB_Ytterfall",
        title: "Brukare över gränsen",
        columns: [c("BrukarID", "text", 16), c("Åldersgrupp", "text", 11), c("Avgränsning", "text", 22), c("Total kostnad", "kr", 16), c("Gräns", "kr", 14)],
        rows,
      },
      ...brytpunkt.blocks,
    ],
    charts: brytpunkt.charts,
  };
}

export function reconciliationSheet(result: KpbResult): SheetLayout {
  const r = result.reconciliation;
  const lines: SheetCell[][] = [
    ["Ekonomi totalt", oreToKr(r.ledgerTotalOre)],
    ["Kodat till pooler", oreToKr(r.pooledOre)],
    ["Exkluderat", oreToKr(r.excludedOre)],
    ...Object.entries(r.excludedByReason).map(([reason, ore]) => [`  varav ${reason}`, oreToKr(ore)] as SheetCell[]),
    ["Ej kodat", oreToKr(r.uncodedOre)],
    ["Differens (ska vara 0)", oreToKr(r.ledgerTotalOre - r.pooledOre - r.excludedOre - r.uncodedOre)],
    ["Fördelat till brukare", oreToKr(r.toClientsOre)],
    ["Pooler utan volym", oreToKr(r.withoutVolumeOre)],
  ];
  return {
    name: "KPB Avstämning",
    blocks: [
      { tableName: "KPB_Avstamning", title: `Avstämning${windowSuffix(result)}`, columns: [c("Post", "text", 36), c("Belopp", "kr", 18)], rows: lines },
      rowAccountBlock(result),
      { tableName: "KPB_Problem", title: "Dataproblem", columns: problemColumns(), rows: result.problems.map(problemRow) },
      codingCheckBlock(result),
    ],
    charts: [],
  };
}

/** " (rullande tolv månader 2024-07 – 2025-06)" on a follow-up's sheets; nothing for the annual run. */
export function windowSuffix(result: KpbResult): string {
  const w = result.settings.period;
  if (!w) return "";
  return ` (${windowKindLabel(w)} ${windowLabel(w)})`;
}

const SET_ASIDE_LABELS: Record<SetAsideReason, string> = {
  otherYear: "Lagt åt sidan: andra år",
  periodOutsideYear: "Lagt åt sidan: period utanför året",
  periodOutsideWindow: "Lagt åt sidan: period utanför uppföljningens månader",
  totalsRow: "Lagt åt sidan: summeringsrader (utan koder)",
};

/**
 * Every data row of Ekonomi and Brukare accounted for: rows read = counted + set aside per reason
 * (and year), in rows and in kronor (Ekonomi) or volume (Brukare), with the difference that must be 0.
 */
export function rowAccountBlock(result: KpbResult): SheetBlock {
  const r = result.reconciliation;
  const rows: SheetCell[][] = [];
  for (const table of ["Ekonomi", "Brukare"] as const) {
    const count = r.rowCounts[table];
    const value = (sum: number): [SheetCell, SheetCell] => (table === "Ekonomi" ? [oreToKr(sum), null] : [null, microToDec(sum).toNumber()]);
    rows.push([table, "Inlästa rader", count.read, ...value(count.readSum)]);
    rows.push([table, table === "Ekonomi" ? "Räknade (Ekonomi totalt)" : "Räknade", count.counted, ...value(count.countedSum)]);
    let rowsLeft = count.read - count.counted;
    let sumLeft = count.readSum - count.countedSum;
    for (const g of r.setAside.filter((x) => x.table === table)) {
      const sum = table === "Ekonomi" ? g.amountOre : g.volumeMicro;
      rows.push([table, `${SET_ASIDE_LABELS[g.reason]}${g.year !== null ? ` (${g.year})` : ""}`, g.rows.length, ...value(sum)]);
      rowsLeft -= g.rows.length;
      sumLeft -= sum;
    }
    rows.push([table, "Differens (ska vara 0)", rowsLeft, ...value(sumLeft)]);
  }
  return {
    tableName: "KPB_Inlasta_rader",
    title: `Inlästa rader: räknade och lagda åt sidan${windowSuffix(result)}`,
    columns: [c("Tabell", "text", 10), c("Post", "text", 44), c("Rader", "integer", 10), c("Belopp", "kr", 18), c("Volym", "decimal", 14)],
    rows,
  };
}

function problemColumns(): SheetColumn[] {
  return [c("Allvarlighetsgrad", "text", 17), c("Tabell", "text", 14), c("Blad", "text", 14), c("Rad", "integer", 7), c("Kolumn", "text", 14), c("Cell", "text", 8), c("Meddelande", "text", 90)];
}

function problemRow(p: Problem): SheetCell[] {
  return [p.severity === "error" ? "Fel" : "Varning", p.table, p.sheet ?? null, p.row, p.column, p.cell ?? null, p.message];
}

/**
 * `KPB Månad` (a follow-up's month sheet): per intervention × regi and month, the month's cost,
 * volume and unit cost and the rolling-twelve unit cost; beside it the rolling-twelve unit cost per
 * month and intervention as a table for the line chart.
 */
export function monthSheet(series: MonthlySeries, benchmark?: { result: KpbResult; ctx: BenchmarkContext }): SheetLayout {
  const label = (l: { insats: string; regi: string }) => `${l.insats}, ${l.regi} regi`;
  const rows: SheetCell[][] = series.lines.map((l) => [
    l.insats,
    l.regi,
    l.month,
    l.costOre === null ? null : oreToKr(l.costOre),
    l.volumeMicro === null ? null : microToDec(l.volumeMicro).toNumber(),
    l.clients,
    num(l.unitCost),
    num(l.ytdUnitCost),
    num(l.rollingUnitCost),
  ]);
  // One series per intervention × regi, each with its benchmark (the one lookup, figure-benchmark.ts)
  // as a flat line beside it; blank when there is none.
  const groups = new Map<string, { insats: string; regi: Regi }>();
  for (const l of series.lines) if (!groups.has(label(l))) groups.set(label(l), { insats: l.insats, regi: l.regi });
  const series12 = [...groups.keys()];
  const benchmarkOf = new Map(
    [...groups].map(([s, g]) => [s, benchmark ? (unitCostBenchmark(benchmark.result, { insats: g.insats, regi: g.regi }, benchmark.ctx)?.value ?? null) : null]),
  );
  const byMonth = new Map<string, Map<string, string | null>>();
  for (const l of series.lines) {
    const m = byMonth.get(l.month) ?? byMonth.set(l.month, new Map()).get(l.month)!;
    m.set(label(l), l.rollingUnitCost);
  }
  const pivot: SheetCell[][] = [...byMonth].map(([month, m]) => [month, ...series12.flatMap((s) => [num(m.get(s) ?? null), num(benchmarkOf.get(s) ?? null)])]);
  const title = `Månad för månad ${windowLabel(series.window)}: månadens siffror är beräkningen på månadens rader, rullande tolv månader på de tolv månaderna till och med månaden`;
  return {
    name: MONTH_SHEET,
    blocks: [
      {
        tableName: "KPB_Manad",
        title,
        columns: [
          c("Insats", "text", 22),
          c("Regi", "text", 8),
          c("Månad", "text", 9),
          c("Kostnad", "kr", 16),
          c("Volym", "decimal", 12),
          c("Brukare", "integer", 9),
          c("Styckkostnad månad", "unitcost", 14),
          c("Styckkostnad hittills i år", "unitcost", 16),
          c("Styckkostnad rullande 12 mån", "unitcost", 16),
        ],
        rows,
      },
      {
        tableName: "KPB_Manad_rullande",
        title: "Styckkostnad rullande tolv månader per insats och regi, med jämförelsevärdet",
        columns: [c("Månad", "text", 9), ...series12.flatMap((s) => [c(s, "unitcost", 16), c(`${s}, jämförelse`, "unitcost", 16)])],
        rows: pivot,
      },
      {
        tableName: "KPB_Manad_pooler",
        title: "Styckkostnad per pool och månad (beräkningen på månadens rader)",
        columns: [c("Pool", "text", 14), c("Insats", "text", 22), c("Enhet", "text", 18), c("Regi", "text", 8), c("Månad", "text", 9), c("Kostnad", "kr", 16), c("Volym", "decimal", 12), c("Styckkostnad månad", "unitcost", 14)],
        rows: series.poolLines.map((p) => [p.pool, p.insats, p.enhet, p.regi, p.month, oreToKr(p.costOre), microToDec(p.volumeMicro).toNumber(), num(p.unitCost)]),
      },
      ...(series.flags.length ? [monthFlagBlock(series)] : []),
    ],
    // One line chart per intervention × regi: its rolling-twelve unit cost and the benchmark line.
    charts: series12.map((s, i) => ({
      name: i === 0 ? "KPB_Manad_diagram" : `KPB_Manad_diagram_${i + 1}`,
      kind: "line" as const,
      title: `Styckkostnad rullande tolv månader: ${s}`,
      block: 1,
      categoryColumn: 0,
      valueColumns: [1 + 2 * i, 2 + 2 * i],
      lineColumns: [2 + 2 * i],
      valueAxisTitle: "kr per volymenhet",
    })),
  };
}

/**
 * The months whose cost deviates from their neighbours (monthly-series.ts, MonthFlag), each with
 * the Ekonomi rows that make it: the largest rows, the rest summed and the support pools' part, so
 * the amounts add up to the month's cost.
 */
function monthFlagBlock(series: MonthlySeries): SheetBlock {
  const rows: SheetCell[][] = [];
  for (const f of series.flags) {
    const head = [f.insats, f.regi, f.month];
    const parts: SheetCell[][] = [
      ...f.sources.rows.map((r) => [`${r.sheet} rad ${r.row}`, r.ansvar, r.verksamhet, r.aktivitet, r.konto, oreToKr(r.amountOre)]),
      ...(f.sources.otherCount ? [[`Övriga ${f.sources.otherCount} rader`, null, null, null, null, oreToKr(f.sources.otherOre)]] : []),
      ...(f.sources.allocatedOre ? [["Fördelat från stödpooler", null, null, null, null, oreToKr(f.sources.allocatedOre)]] : []),
    ];
    parts.forEach((p, i) => rows.push([...head, ...(i === 0 ? [oreToKr(f.costOre), oreToKr(f.neighbourMedianOre), num(f.deviation)] : [null, null, null]), ...p]));
  }
  const share = Math.round(series.deviationLimit * 1000) / 10;
  return {
    tableName: "KPB_Manad_avvikelser",
    title: `Månader vars kostnad avviker mer än ${String(share).replace(".", ",")} % från medianen av månaderna ±2 runt den och inte följer ett kvartalsmönster (periodiseringar, bokslutsposter), med raderna i Ekonomi som bildar månaden`,
    columns: [
      c("Insats", "text", 22),
      c("Regi", "text", 8),
      c("Månad", "text", 9),
      c("Kostnad", "kr", 16),
      c("Median grannmånader", "kr", 16),
      c("Avvikelse", "percent", 10),
      c("Rad", "text", 18),
      c("Ansvar", "text", 10),
      c("Verksamhet", "text", 10),
      c("Aktivitet", "text", 10),
      c("Konto", "text", 10),
      c("Belopp", "kr", 16),
    ],
    rows,
  };
}

/** Written only for a follow-up run given its month series (options.monthly). */
export const MONTH_SHEET = "KPB Månad";

export interface ResultSheetOptions extends BenchmarkSheetOptions {
  /**
   * The notes users wrote on the previous `KPB Validering` (see `parseValidationSheet`). The
   * validation sheet is produced only when this is given (an empty array for a workbook without
   * one): writing it without them would throw the users' comments away.
   */
  validation?: ValidationNote[];
  /** A follow-up run's month series (monthly-series.ts): adds `KPB Månad`. */
  monthly?: MonthlySeries;
}

/** The validation pack of a run (the flags against the previous notes), for the sheet and the pane. */
export function validationPackOf(result: KpbResult, benchmark: readonly BenchmarkRow[], options: ResultSheetOptions = {}) {
  const published = options.published === null ? undefined : (options.published ?? bundledPublished);
  return validationPack(validationFlags(result, benchmark, { history: options.history, published }), options.validation ?? []);
}

/** Every result sheet of a run, in the order they are written. */
export function resultSheets(result: KpbResult, benchmark: readonly BenchmarkRow[], options: ResultSheetOptions = {}): SheetLayout[] {
  // Översikt, Brukarmix and Konsumtion with the benchmark analyses (benchmark/sheets.ts); the
  // history and validation sheets only when the caller passes what is already in them.
  const b = benchmarkSheets(result, benchmark, options);
  return finishLayouts([
    b.overview,
    unitCostSheet(result, benchmark, b.published),
    ...(options.monthly ? [monthSheet(options.monthly, { result, ctx: { rows: benchmark, year: result.year, published: b.published } })] : []),
    unitSpreadLayout(result),
    clientSheet(result),
    outlierSheet(result),
    b.clientMix,
    b.consumption,
    interventionMixLayout(result, benchmark, b.published),
    b.potential,
    reconciliationSheet(result),
    ...(options.validation ? [validationLayout(validationPackOf(result, benchmark, options))] : []),
    ...(b.history ? [b.history] : []),
    tracingSheet(result),
  ], result.municipality, result.year);
}
