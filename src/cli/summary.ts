import { oreToString, windowKindLabel, windowLabel, type KpbResult, type Problem } from "../engine";

const kr = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const kr2 = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A number the way a Swedish economist reads it: 1 234,50 kr. */
export function formatFigure(value: string, unit: string): string {
  const n = Number(value);
  if (unit === "%") return `${pct.format(n)} %`;
  if (unit === "kr") return `${kr.format(n)} kr`;
  if (unit.startsWith("kr/")) return `${kr2.format(n)} ${unit}`;
  return `${kr2.format(n)} ${unit}`;
}

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
  const rows = [["Nyckeltal", "Värde"]];
  for (const id of HEADLINE) {
    const f = byId.get(id);
    if (f) rows.push([f.name, formatFigure(f.value, f.unit)]);
  }
  const r = result.reconciliation;
  const money = (ore: number) => `${kr2.format(Number(oreToString(ore)))} kr`;
  const recon = [
    ["Avstämning", "Belopp"],
    ["Ekonomi totalt", money(r.ledgerTotalOre)],
    ["Kodat till pooler", money(r.pooledOre)],
    ["Exkluderat", money(r.excludedOre)],
    ["Ej kodat", money(r.uncodedOre)],
    ...(r.rowCounts.Ekonomi.read > r.rowCounts.Ekonomi.counted
      ? [[`Lagt åt sidan (${r.rowCounts.Ekonomi.read - r.rowCounts.Ekonomi.counted} rader)`, money(r.rowCounts.Ekonomi.readSum - r.rowCounts.Ekonomi.countedSum)]]
      : []),
    ["Går ihop på öret", r.balanced ? "ja" : "NEJ"],
  ];
  const w = result.settings.period;
  const when = w ? `${windowLabel(w)} (${windowKindLabel(w)})` : String(result.year);
  return `${result.municipality || "Kommunen"} ${when}: ${result.pools.filter((p) => p.kind === "insats").length} insatspooler, ${result.clients.length} brukare\n\n${table(rows)}\n\n${table(recon)}`;
}

export function problemList(problems: readonly Problem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => {
    const where = [p.sheet ?? p.table, p.row !== null ? `rad ${p.row}` : null, p.column ? `kolumn ${p.column}` : null, p.cell ? `(${p.cell})` : null]
      .filter(Boolean)
      .join(", ");
    return `  ${p.severity === "error" ? "FEL    " : "VARNING"} ${where}: ${p.message}`;
  });
  if (problems.length > limit) lines.push(`  … och ${problems.length - limit} till (alla finns i JSON-filen och på bladet KPB Avstämning).`);
  return lines.join("\n");
}
