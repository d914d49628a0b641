import type { ChartSpec, ColumnFormat, SheetBlock, SheetCell, SheetLayout } from "./sheet-layout";
import { column as c } from "./geometry";
import {
  BREAKDOWN_PARTS,
  brytpunkt,
  fold,
  interventionMix,
  oreToKr,
  perUnitText,
  SAME_SERVICE_HINT,
  sourceText,
  unitSpread,
  USER_COLUMNS,
  VALIDATION_INACTIVE_TABLE,
  VALIDATION_SHEET,
  VALIDATION_TABLE,
  type BenchmarkRow,
  type KpbResult,
  type PublishedLookup,
  type ValidationPack,
} from "../engine";

/**
 * The analyses' result sheets and blocks as plain data (types in sheet-layout.ts): brytpunkt
 * blocks for `KPB Ytterfall`, `KPB Enheter` (spread between units), `KPB Insatsmix` and
 * `KPB Validering`. Charts are ChartSpecs like every other sheet's, so the add-in and the file
 * draw the same ones.
 */

/** The most expensive clients drawn in the brytpunkt chart (a chart of thousands of bars says nothing). */
export const BRYTPUNKT_CHART_CLIENTS = 100;

const num = (value: string | null) => (value === null ? null : Number(value));

/** An Excel table name part from free text: ASCII letters, digits and _. */
export function tableNamePart(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "x";
}

/** Blocks and chart for `KPB Ytterfall`: the clients above the brytpunkt and the cost curve. */
export function brytpunktBlocks(result: KpbResult, firstBlock: number): { blocks: SheetBlock[]; charts: ChartSpec[] } {
  const b = brytpunkt(result);
  if (!b) return { blocks: [], charts: [] };
  const value = Number(b.value);
  const summary: SheetBlock = {
    tableName: "KPB_Brytpunkt",
    title: "Brytpunkt: när särskilt boende blir billigare än insatser i ordinärt boende",
    columns: [c("Post", "text", 52), c("Värde", "kr", 16)],
    rows: [
      ["Kostnad per dygn i särskilt boende inkl. HSL, egen regi", Number(b.perDay)],
      [`Dygn ${result.year}`, b.days],
      ["Brytpunkt (kr per år)", value],
      ["Brukare i ordinärt boende med insats inom ÄO", b.compared],
      ["Brukare över brytpunkten", b.above.length],
      ["Merkostnad över brytpunkten", Number(b.excess)],
    ],
    rowFormats: [{ column: 1, formats: ["unitcost", "integer", "kr", "integer", "integer", "kr"] }],
  };
  const above: SheetBlock = {
    tableName: "KPB_Brytpunkt_brukare",
    title: "Brukare i ordinärt boende vars årskostnad överstiger brytpunkten",
    columns: [
      c("BrukarID", "text", 16),
      c("Åldersgrupp", "text", 11),
      c("Årskostnad", "kr", 16),
      c("Över brytpunkten", "kr", 16),
      c("Timmar", "decimal", 10),
      c("Insatser", "text", 40),
    ],
    rows: b.above.map((x) => [x.id, x.ageGroup, oreToKr(x.costOre), Number(x.excess), Number(x.hours), x.interventions.join(", ")]),
  };
  const top = b.costsOre.slice(0, BRYTPUNKT_CHART_CLIENTS);
  const curve: SheetBlock = {
    tableName: "KPB_Brytpunkt_diagram",
    title: `De ${top.length} dyraste brukarna i ordinärt boende (ÄO) mot brytpunkten`,
    columns: [c("Rang", "text", 8), c("BrukarID", "text", 16), c("Årskostnad", "kr", 16), c("Brytpunkt", "kr", 16)],
    rows: top.map((x, i) => [String(i + 1), x.id, oreToKr(x.costOre), value]),
  };
  return {
    blocks: [summary, above, curve],
    charts: top.length
      ? [
          {
            name: "KPB_Brytpunkt_diagram",
            kind: "columnClustered",
            title: "Brukare i ordinärt boende efter årskostnad, med brytpunkten",
            block: firstBlock + 2,
            categoryColumn: 0,
            valueColumns: [2, 3],
            lineColumns: [3],
            valueAxisTitle: "kr per år",
          },
        ]
      : [],
  };
}

/** `KPB Enheter`: spread between units of the same intervention × regi, a chart pair per group. */
export function unitSpreadLayout(result: KpbResult): SheetLayout {
  const groups = unitSpread(result);
  const limit = result.settings.analysisLimits.spreadRatio;
  const blocks: SheetBlock[] = [
    {
      tableName: "KPB_Enheter",
      title: `Spridning mellan enheter per insats och regi (flaggas när högsta ÷ lägsta > ${String(limit).replace(".", ",")})`,
      columns: [
        c("Insats", "text", 22),
        c("Regi", "text", 8),
        c("Område", "text", 8),
        c("Volymenhet", "text", 11),
        c("Enheter", "integer", 9),
        c("Medel (volymvägt)", "unitcost", 16),
        c("Lägsta", "unitcost", 14),
        c("Högsta", "unitcost", 14),
        c("Spridning (högsta − lägsta)", "unitcost", 16),
        c("Högsta ÷ lägsta", "index", 12),
        c("Variationskoefficient", "percent", 14),
        c("Extrem spridning", "text", 10),
        c("Att göra", "text", 60),
      ],
      rows: groups.map((g) => [
        g.insats,
        g.regi,
        g.area || null,
        g.volumeUnit || null,
        g.units.length,
        num(g.mean),
        num(g.min),
        num(g.max),
        num(g.spread),
        num(g.ratio),
        num(g.cv),
        g.flagged ? "ja" : "nej",
        g.flagged ? SAME_SERVICE_HINT : null,
      ]),
    },
  ];
  const charts: ChartSpec[] = [];
  const used = new Set<string>();
  for (const g of groups) {
    let name = `KPB_Enheter_${tableNamePart(g.insats)}_${g.regi}`;
    while (used.has(name)) name += "_";
    used.add(name);
    const index = blocks.length;
    blocks.push({
      tableName: name,
      title: `${g.insats}, ${g.regi} regi: styckkostnad per enhet (${perUnitText(g.volumeUnit)})`,
      columns: [
        c("Enhet", "text", 22),
        c("Pool", "text", 14),
        c("Volym", "decimal", 12),
        c("Kostnad", "kr", 16),
        c("Styckkostnad", "unitcost", 14),
        c("Medel", "unitcost", 14),
        c("Index mot medel", "index", 10),
        ...BREAKDOWN_PARTS.map((part) => c(part, "unitcost", 12)),
      ],
      rows: g.units.map((u) => [
        u.enhet || u.pool,
        u.pool,
        u.volumeMicro / 1e6,
        oreToKr(u.costOre),
        num(u.unitCost),
        num(g.mean),
        num(u.index),
        ...BREAKDOWN_PARTS.map((part) => num(u.breakdown[part])),
      ]),
    });
    charts.push(
      {
        name: `${name}_diagram`,
        kind: "columnClustered",
        title: `${g.insats}, ${g.regi} regi: styckkostnad per enhet och medel`,
        block: index,
        categoryColumn: 0,
        valueColumns: [4, 5],
        lineColumns: [5],
        valueAxisTitle: perUnitText(g.volumeUnit),
      },
      {
        name: `${name}_kostnadsslag`,
        kind: "columnStacked",
        title: `${g.insats}, ${g.regi} regi: styckkostnaden per kostnadsslag`,
        block: index,
        categoryColumn: 0,
        valueColumns: BREAKDOWN_PARTS.map((_, i) => 7 + i),
        lineColumns: [],
        valueAxisTitle: perUnitText(g.volumeUnit),
      },
    );
  }
  return { name: "KPB Enheter", blocks, charts };
}

/** `KPB Insatsmix`: cost per inhabitant by intervention, own against the benchmark, stacked per area. */
export function interventionMixLayout(result: KpbResult, benchmark: readonly BenchmarkRow[], published?: PublishedLookup): SheetLayout {
  const mix = interventionMix(result, benchmark, published);
  const rows: SheetCell[][] = [];
  for (const r of mix) {
    for (const p of r.parts) {
      rows.push([
        r.area,
        r.ageGroup,
        p.insats,
        p.own.toNumber(),
        p.benchmark?.toNumber() ?? null,
        p.benchmark ? p.own.minus(p.benchmark).toNumber() : null,
        r.ownTotal.isZero() ? null : p.own.div(r.ownTotal).toNumber(),
        p.benchmark && r.benchmarkTotal && !r.benchmarkTotal.isZero() ? p.benchmark.div(r.benchmarkTotal).toNumber() : null,
        sourceText(p.source),
      ]);
    }
  }
  const blocks: SheetBlock[] = [
    {
      tableName: "KPB_Insatsmix",
      title: "Kostnad per invånare per insats: egen och jämförelse",
      columns: [
        c("Område", "text", 8),
        c("Åldersgrupp", "text", 11),
        c("Insats", "text", 22),
        c("Kostnad per invånare", "kr", 16),
        c("Jämförelse", "kr", 16),
        c("Skillnad", "kr", 16),
        c("Andel av egen", "percent", 12),
        c("Andel av jämförelse", "percent", 12),
        c("Källa", "text", 40),
      ],
      rows,
    },
  ];
  const charts: ChartSpec[] = [];
  for (const area of [...new Set(mix.map((r) => r.area))]) {
    const inArea = mix.filter((r) => r.area === area);
    const interventions = [...new Set(inArea.flatMap((r) => r.parts.map((p) => p.insats)))];
    const pivot: SheetCell[][] = [];
    for (const r of inArea) {
      const own = new Map(r.parts.map((p) => [p.insats, p.own.toNumber()]));
      pivot.push([`${r.ageGroup} egen`, ...interventions.map((i) => own.get(i) ?? null), r.ownTotal.toNumber()]);
      if (r.benchmarkTotal) {
        const bench = new Map(r.parts.filter((p) => p.benchmark).map((p) => [p.insats, p.benchmark!.toNumber()]));
        pivot.push([`${r.ageGroup} jämförelse`, ...interventions.map((i) => bench.get(i) ?? null), r.benchmarkTotal.toNumber()]);
      }
    }
    const index = blocks.length;
    const name = `KPB_Insatsmix_${tableNamePart(area)}`;
    blocks.push({
      tableName: name,
      title: `${area}: kostnad per invånare per insats`,
      columns: [c("Åldersgrupp", "text", 18), ...interventions.map((i) => c(i, "kr", 14)), c("Summa", "kr", 14)],
      rows: pivot,
    });
    charts.push({
      name: `${name}_diagram`,
      kind: "columnStacked",
      title: `Insatsmix ${area}: kostnad per invånare per insats, egen och jämförelse`,
      block: index,
      categoryColumn: 0,
      valueColumns: interventions.map((_, i) => i + 1),
      lineColumns: [],
      valueAxisTitle: "kr per invånare",
    });
  }
  return { name: "KPB Insatsmix", blocks, charts };
}

const FORMATS: Record<"kr" | "unitcost" | "percent" | "decimal", ColumnFormat> = { kr: "kr", unitcost: "unitcost", percent: "percent", decimal: "decimal" };

/** `KPB Validering`: the flagged rows with the users' notes, and the notes on rows no longer flagged. */
export function validationLayout(pack: ValidationPack): SheetLayout {
  const userColumns = USER_COLUMNS.map((h) => c(h, "text", h === "Kommentar" ? 50 : 14));
  const formats = pack.rows.map((r) => FORMATS[r.flag.format]);
  return {
    name: VALIDATION_SHEET,
    blocks: [
      {
        tableName: VALIDATION_TABLE,
        title: `Att validera före publicering: ${pack.open} öppna av ${pack.rows.length} (fyll i Kommentar, Ansvarig och Godkänd; det sparas vid uppdatering)`,
        columns: [
          c("Nyckel", "text", 30),
          c("Typ", "text", 30),
          c("Objekt", "text", 40),
          c("Värde", "unitcost", 14),
          c("Jämförelse", "unitcost", 14),
          c("Avvikelse", "percent", 10),
          c("Orsak", "text", 70),
          ...userColumns,
        ],
        rows: pack.rows.map((r) => [
          r.flag.key,
          r.flag.kind,
          r.flag.object,
          r.flag.value,
          r.flag.comparison,
          r.flag.deviation,
          r.flag.reason,
          r.note?.comment || null,
          r.note?.responsible || null,
          r.note?.approved || null,
        ]),
        rowFormats: [
          { column: 3, formats },
          { column: 4, formats },
        ],
      },
      {
        tableName: VALIDATION_INACTIVE_TABLE,
        title: "Inte längre flaggade (anteckningarna sparas)",
        columns: [c("Nyckel", "text", 30), c("Typ", "text", 30), c("Objekt", "text", 40), c("Senaste orsak", "text", 70), ...userColumns],
        rows: pack.inactive.map((n) => [n.key, n.kind || null, n.object || null, n.reason || null, n.comment || null, n.responsible || null, n.approved || null]),
      },
    ],
    charts: [],
  };
}
