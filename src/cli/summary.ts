import { figureNameIn, oreToString, renderMessage, windowKindLabel, windowLabel, type KpbResult, type Problem } from "../engine";
import { cliLanguage, cliMessage } from "./messages";

const LOCALE = { sv: "sv-SE", en: "en-GB" } as const;
const formats = (language: "sv" | "en") => ({
  kr: new Intl.NumberFormat(LOCALE[language], { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  kr2: new Intl.NumberFormat(LOCALE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  pct: new Intl.NumberFormat(LOCALE[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
});
/** Units after "kr/" in English. */
const UNIT_EN: Record<string, string> = { timme: "hour", dygn: "day", dag: "day", månad: "month", invånare: "inhabitant", brukare: "client", portion: "portion" };
const unitIn = (unit: string, language: "sv" | "en") => (language === "sv" ? unit : unit.replace(/^kr\/(.+)$/, (m, per: string) => `kr/${UNIT_EN[per] ?? per}`));

/** A number the way a Swedish economist reads it: 1 234,50 kr (in English: 1,234.50 kr). */
export function formatFigure(value: string, unit: string, language: "sv" | "en" = "sv"): string {
  const n = Number(value);
  const { kr, kr2, pct } = formats(language);
  if (unit === "%") return `${pct.format(n)} %`;
  if (unit === "kr") return `${kr.format(n)} kr`;
  return `${kr2.format(n)} ${unitIn(unit, language)}`;
}

const WINDOW_KIND_EN: Record<string, string> = { "en månad": "one month", "hittills i år": "year to date", "rullande tolv månader": "rolling twelve months" };

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n");
}

const HEADLINE = [
  "hemtjanst_egen_kr_timme",
  "sabo_egen_kr_dygn_inkl_hsl",
  "sabo_egen_kr_dygn_exkl_hsl",
  "korttid_egen_kr_dygn",
  "gruppbostad_egen_kr_dygn",
  "daglig_verksamhet_egen_kr_dag",
  "pers_ass_netto_kr_timme",
  "pers_ass_brutto_kr_timme",
  "ytterfall_ordinart_andel",
  "kostnad_per_invanare:ÄO:80-w",
  "kostnad_per_brukare:ÄO:80-w",
  "andel_brukare:ÄO:80-w",
];

export function summaryText(result: KpbResult): string {
  const byId = new Map(result.keyFigures.map((f) => [f.id, f]));
  const rows = [[cliMessage("keyFigure"), cliMessage("value")]];
  for (const id of HEADLINE) {
    const f = byId.get(id);
    if (f) rows.push([figureNameIn(f, cliLanguage()), formatFigure(f.value, f.unit, cliLanguage())]);
  }
  const r = result.reconciliation;
  const money = (ore: number) => `${formats(cliLanguage()).kr2.format(Number(oreToString(ore)))} kr`;
  const recon = [
    [cliMessage("reconciliation"), cliMessage("amount")],
    [cliMessage("ledgerTotal"), money(r.ledgerTotalOre)],
    [cliMessage("pooled"), money(r.pooledOre)],
    [cliMessage("excluded"), money(r.excludedOre)],
    [cliMessage("uncoded"), money(r.uncodedOre)],
    ...(r.rowCounts.Ekonomi.read > r.rowCounts.Ekonomi.counted
      ? [[cliMessage("setAside", { rows: r.rowCounts.Ekonomi.read - r.rowCounts.Ekonomi.counted }), money(r.rowCounts.Ekonomi.readSum - r.rowCounts.Ekonomi.countedSum)]]
      : []),
    [cliMessage("balanced"), r.balanced ? cliMessage("yes") : cliMessage("noLoud")],
  ];
  const w = result.settings.period;
  const kind = w ? windowKindLabel(w) : "";
  const when = w ? `${windowLabel(w)} (${cliLanguage() === "en" ? WINDOW_KIND_EN[kind] ?? kind : kind})` : String(result.year);
  const head = cliMessage("summaryHead", { municipality: result.municipality, when, pools: result.pools.filter((p) => p.kind === "insats").length, clients: result.clients.length });
  return `${head}\n\n${table(rows)}\n\n${table(recon)}`;
}

export function problemList(problems: readonly Problem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => {
    const where = [p.sheet ?? p.table, p.row !== null ? cliMessage("row", { row: p.row }) : null, p.column ? cliMessage("column", { column: p.column }) : null, p.cell ? `(${p.cell})` : null]
      .filter(Boolean)
      .join(", ");
    // Swedish is the stored text; another language renders from the code and parameters.
    const message = cliLanguage() === "sv" ? p.message : renderMessage(p.code, p.params, cliLanguage());
    return `  ${p.severity === "error" ? cliMessage("error") : cliMessage("warning")} ${where}: ${message}`;
  });
  if (problems.length > limit) lines.push(`  ${cliMessage("moreProblems", { count: problems.length - limit })}`);
  return lines.join("\n");
}
