import ExcelJS from "exceljs";
import { fold, rowsOfInput, type CellValue } from "../engine";
import { BENCHMARK_HEADER, type BenchmarkTableRow } from "../benchmark/kolada/benchmark-rows";
import type { FetchLike } from "../benchmark/kolada/http";
import { defaultYears, fetchKpbBenchmark, parseMunicipalityCode, parsePeers, parseYears, type KoladaFetchOutcome } from "../benchmark/kolada/kpb-benchmark";
import { readWorkbookFile, WorkbookFileError } from "./xlsx-input";
import { writeFileAtomically } from "./xlsx-output";
import { cliMessage } from "./messages";

/**
 * `kpb kolada`: the task pane's "Hämta från Kolada" on the command line. Fetches the KPB KPIs for
 * the municipality, its peers and the years, and writes a copy of the workbook whose `Jämförelse`
 * table holds the fetched rows: rows from Kolada with the same Nyckeltal, År and Kommun are
 * replaced, every other row (the user's own benchmark values) is kept as it was. The original
 * workbook is never written; the copy is what `kpb run` reads next.
 */
export interface KoladaCommandOptions {
  municipality: string | undefined;
  peers: string | undefined;
  years: string | undefined;
  out: string;
}

export class KoladaUsageError extends Error {}

/** A key like the pane's (src/excel/benchmark-table.ts benchmarkKey): Nyckeltal, År, Kommun code. */
function key(keyFigure: CellValue, year: CellValue, municipality: CellValue): string {
  const text = (v: CellValue) => (v === null || v === undefined ? "" : String(v).trim());
  const code = /^(\d{3,4}|G\d+)(?:\s|$)/i.exec(text(municipality))?.[1];
  const muni = code ? (code.length === 3 ? code.padStart(4, "0") : code.toUpperCase()) : fold(text(municipality));
  return [fold(text(keyFigure)), String(parseInt(text(year), 10) || fold(text(year))), muni].join("\u0001");
}

/** The existing `Jämförelse` rows in contract order, and the fetched rows merged into them. */
export function mergeBenchmarkRows(existing: CellValue[][], fetched: BenchmarkTableRow[]): CellValue[][] {
  const [header = [], ...body] = existing;
  const col = BENCHMARK_HEADER.map((h) => header.findIndex((c) => fold(String(c ?? "")) === fold(h)));
  const rows = body
    .filter((r) => r.some((c) => c !== null && c !== ""))
    .map((r) => col.map((i) => (i < 0 ? null : (r[i] ?? null))));
  const incoming = new Set(fetched.map((r) => key(r[0], r[3], r[4])));
  const kept = rows.filter((r) => !(fold(String(r[2] ?? "")).startsWith("kolada") && incoming.has(key(r[0], r[3], r[4]))));
  return [[...BENCHMARK_HEADER], ...kept, ...fetched];
}

/** Kommunkod and År from the workbook's `Inställningar`, for the defaults. */
function settingOf(rows: CellValue[][] | undefined, name: string): string | null {
  const row = rows?.find((r) => fold(String(r[0] ?? "")) === fold(name));
  return row && row[1] !== null && row[1] !== undefined ? String(row[1]).trim() : null;
}

export async function koladaCommand(file: string, options: KoladaCommandOptions, fetch: FetchLike, log: (line: string) => void): Promise<number> {
  const input = await readWorkbookFile(file);
  // Both tables are small: read as rows.
  const settingsTable = input["Inställningar"];
  const settings = settingsTable ? rowsOfInput(settingsTable) : undefined;
  const municipality = parseMunicipalityCode(options.municipality ?? settingOf(settings, "Kommunkod") ?? "");
  if (!municipality) throw new KoladaUsageError(cliMessage("koladaNoMunicipality"));
  const peers = parsePeers(options.peers ?? "");
  if (peers.invalid.length) throw new KoladaUsageError(cliMessage("koladaBadPeers", { codes: peers.invalid.join(", ") }));
  const runYear = Number(settingOf(settings, "År"));
  const years = options.years ? parseYears(options.years) : defaultYears(Number.isInteger(runYear) && runYear > 1990 ? runYear : new Date().getFullYear() - 1);
  if (!years) throw new KoladaUsageError(cliMessage("koladaBadYears"));

  const outcome: KoladaFetchOutcome = await fetchKpbBenchmark(fetch, { municipality, peers: peers.codes, years });
  if (!outcome.ok) {
    log(cliMessage("koladaNoAnswer", { why: `${outcome.error.kind}${"status" in outcome.error ? ` ${outcome.error.status}` : ""}` }));
    return 2;
  }
  const benchmark = input["Jämförelse"];
  const merged = mergeBenchmarkRows(benchmark ? rowsOfInput(benchmark) : [], outcome.rows);
  await writeWorkbookWithBenchmark(file, options.out, merged);
  for (const k of outcome.kpis) {
    log(`${k.kpi.padEnd(7)} ${k.keyFigure.padEnd(34)} ${cliMessage("koladaKpi", { values: k.values, noData: Boolean(k.noData), retired: Boolean(k.retired), missing: k.missingValues ?? 0 })}`);
  }
  if (outcome.unknownMunicipalities.length) log(cliMessage("koladaUnknownMunicipalities", { codes: outcome.unknownMunicipalities.join(", ") }));
  log(`\n${cliMessage("koladaDone", { rows: outcome.rows.length, kept: merged.length - 1 - outcome.rows.length, out: options.out })}`);
  return 0;
}

/**
 * A copy of the workbook with `Jämförelse` as one sheet and Excel table holding `rows`. The
 * workbook's own `Jämförelse` sheet is replaced; a `Jämförelse` table on a sheet with other
 * content is refused rather than cut out of it.
 */
async function writeWorkbookWithBenchmark(file: string, out: string, rows: CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const isBenchmark = (name: string) => ["jamforelse", "benchmark"].includes(fold(name));
  for (const ws of wb.worksheets) {
    const tables = Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {});
    const hasTable = tables.some(isBenchmark);
    if (isBenchmark(ws.name)) wb.removeWorksheet(ws.id);
    else if (hasTable) throw new WorkbookFileError(cliMessage("koladaSheetShared", { sheet: ws.name }));
  }
  const ws = wb.addWorksheet("Jämförelse");
  const [header, ...body] = rows;
  ws.addTable({
    name: "Jamforelse",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: header.map((h) => ({ name: String(h), filterButton: true })),
    rows: body.length ? (body as ExcelJS.CellValue[][]) : [header.map(() => null)],
  });
  [0, 2, 4].forEach((c) => (ws.getColumn(c + 1).numFmt = "@"));
  [34, 12, 40, 8, 22].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  await writeFileAtomically(out, (tmp) => wb.xlsx.writeFile(tmp));
}
