/**
 * `npm run bench`: how fast and how big the KPB engine runs at the sizes of Swedish
 * municipalities (S = Exempelby, M, L = the largest; see src/sample/synthetic.ts).
 *
 * Every size runs in fresh child processes (one for the engine, one for the Excel fake) so that the
 * peaks are clean; the engine child is pinned to one CPU when `taskset` exists. Per size it prints
 * ONE table: wall time per engine phase (cold first run and the median of the warm runs), the
 * result layouts, the floor (a plain-JavaScript pass over the same rows that only sums volume and
 * cost by pool and client in Maps) and engine ÷ floor, rows per second, heap, and the same
 * calculation read from and written to the in-memory Excel fake through src/excel (syncs, largest
 * request, total bytes, and whether the result is identical to the direct run).
 *
 *   node dist-cli/bench/run-bench.js [--sizes S,M,L] [--json] [--runs N] [--heap-cap MB] [--no-pin] [--no-fake]
 *   node dist-cli/bench/run-bench.js --write-xlsx file.xlsx [--size M]     (the synthetic input as a workbook)
 *
 * Timing is measured here only; no test asserts a time.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PerformanceObserver } from "perf_hooks";
import { resultJson, resultSheets } from "../src/layouts";
import { cellTableFromRows, runKpb, type CellValue, type RunPhase, type TableName, type WorkbookInput } from "../src/engine";
import { syntheticTables, tableRowCounts, type SyntheticSize } from "../src/sample/synthetic";

const PHASES: RunPhase[] = ["parse", "code", "volumes", "allocate", "clients", "keyFigures", "trace"];
const PHASE_TEXT: Record<RunPhase, string> = {
  parse: "parse (locate, read cells, validate rows)",
  code: "code ledger (first matching rule)",
  volumes: "aggregate volumes (check client rows)",
  allocate: "allocate support pools",
  clients: "unit costs, validate pools, cost clients",
  keyFigures: "key figures, reconciliation",
  trace: "lineage and coding checks",
};
const DEFAULT_RUNS: Record<SyntheticSize, number> = { S: 10, M: 4, L: 2 };
const SECRET = "bench-secret";
const MB = 1024 * 1024;

interface EngineRun {
  phases: Record<RunPhase, number>;
  /** CPU time per phase (process, all threads). */
  phasesCpu: Record<RunPhase, number>;
  totalMs: number;
  /** CPU time of the process during runKpb (all threads, GC included): robust on a busy machine. */
  cpuMs: number;
  /** Garbage-collection pauses during runKpb (perf_hooks "gc" entries). */
  gcMs: number;
  layoutsMs: number;
}

interface EngineReport {
  size: SyntheticSize;
  rows: Record<string, number>;
  clients: number;
  generateMs: number;
  ok: boolean;
  balanced: boolean;
  problems: number;
  cold: EngineRun;
  warm: EngineRun;
  runs: number;
  floorMs: number;
  floorCpuMs: number;
  heap: { inputTablesMB: number; peakSampledMB: number; maxRssMB: number; heapCapMB: number | null };
  resultHash: string;
}

interface FakeReport {
  size: SyntheticSize;
  error?: string;
  readMs?: number;
  read?: { syncs: number; largestBytes: number; largestRequestBytes: number; largestResponseBytes: number; totalBytes: number };
  engineMs?: number;
  writeMs?: number;
  write?: { syncs: number; largestBytes: number; largestRequestBytes: number; largestResponseBytes: number; totalBytes: number; reportedSyncs: number };
  resultHash?: string;
  via: string;
}

// ------------------------------------------------------------------------------------------------
// Helpers

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const now = (): number => performance.now();
const heapMB = (): number => process.memoryUsage().heapUsed / MB;

/** The tables as every reader hands them to the engine: stored by column (converted before any timing). */
function toInput(tables: Record<string, CellValue[][]>): WorkbookInput {
  const input: WorkbookInput = {};
  for (const [name, rows] of Object.entries(tables)) input[name as TableName] = { cells: cellTableFromRows(rows), sheet: name };
  return input;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function medianRun(runs: EngineRun[]): EngineRun {
  const phases = Object.fromEntries(PHASES.map((p) => [p, median(runs.map((r) => r.phases[p]))])) as Record<RunPhase, number>;
  const phasesCpu = Object.fromEntries(PHASES.map((p) => [p, median(runs.map((r) => r.phasesCpu[p]))])) as Record<RunPhase, number>;
  return { phases, phasesCpu, totalMs: median(runs.map((r) => r.totalMs)), cpuMs: median(runs.map((r) => r.cpuMs)), gcMs: median(runs.map((r) => r.gcMs)), layoutsMs: median(runs.map((r) => r.layoutsMs)) };
}

function hashResult(result: Parameters<typeof resultJson>[0]): string {
  return createHash("sha256").update(JSON.stringify(resultJson(result))).digest("hex").slice(0, 16);
}

/**
 * The floor: one plain pass over the same rows, summing volume by pool and by client and cost by
 * code combination (what decides a ledger row's pool) in Maps of numbers. No validation, no
 * exact arithmetic: the least any calculation over these rows has to do.
 */
export function floorPass(tables: Record<string, CellValue[][]>): number {
  const clients = tables.Brukare;
  const ledger = tables.Ekonomi;
  const byPool = new Map<string, number>();
  const byClient = new Map<string, number>();
  const byCode = new Map<string, number>();
  const h = clients[0].map((c) => String(c));
  const [id, pool, volume] = ["BrukarID", "Pool", "Volym"].map((c) => h.indexOf(c));
  for (let r = 1; r < clients.length; r++) {
    const row = clients[r];
    const v = Number(row[volume]);
    const p = String(row[pool]);
    const c = String(row[id]);
    byPool.set(p, (byPool.get(p) ?? 0) + v);
    byClient.set(c, (byClient.get(c) ?? 0) + v);
  }
  const l = ledger[0].map((c) => String(c));
  const [ansvar, verksamhet, aktivitet, konto, belopp] = ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp"].map((c) => l.indexOf(c));
  for (let r = 1; r < ledger.length; r++) {
    const row = ledger[r];
    const key = `${row[ansvar]}\u0000${row[verksamhet]}\u0000${row[aktivitet]}\u0000${row[konto]}`;
    byCode.set(key, (byCode.get(key) ?? 0) + Number(row[belopp]));
  }
  return byPool.size + byClient.size + byCode.size;
}

// ------------------------------------------------------------------------------------------------
// Child: the engine

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The floor's median wall and CPU time over at least three runs (the first left out), each after a full GC. */
function measureFloor(tables: Record<string, CellValue[][]>, runs: number): { ms: number; cpuMs: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < Math.max(3, runs); i++) {
    gc();
    const c0 = process.cpuUsage();
    const t = now();
    floorPass(tables);
    times.push(now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(times.slice(1)), cpuMs: median(cpu.slice(1)) };
}

async function engineChild(size: SyntheticSize, runs: number, heapCap: number | null): Promise<EngineReport> {
  let gcPauses = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  let t = now();
  let tables: ReturnType<typeof syntheticTables> | null = syntheticTables(size);
  const generateMs = now() - t;
  const counts = tableRowCounts(tables);
  // The floor first, on the rows as generated; then only what a reader hands the engine (the
  // tables by column) stays in memory, so the engine's garbage collections do not also walk a
  // million row arrays that no reader would keep.
  const floor = measureFloor(tables, runs);
  const input = toInput(tables);
  tables = null;
  gc();
  const inputTablesMB = heapMB();
  let peak = inputTablesMB;
  const all: EngineRun[] = [];
  let summary: Pick<EngineReport, "ok" | "balanced" | "problems" | "clients" | "resultHash"> | null = null;
  for (let i = 0; i < runs; i++) {
    gc();
    await tick();
    gcPauses = 0;
    const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<RunPhase, number>;
    const phasesCpu = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<RunPhase, number>;
    const cpu = process.cpuUsage();
    let lastCpu = cpu;
    t = now();
    const outcome = runKpb(input, {
      pseudonymSecret: SECRET,
      onPhase: (phase, ms) => {
        phases[phase] += ms;
        const c = process.cpuUsage();
        phasesCpu[phase] += (c.user - lastCpu.user + c.system - lastCpu.system) / 1000;
        lastCpu = c;
        peak = Math.max(peak, heapMB());
      },
    });
    const totalMs = now() - t;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    await tick();
    const gcMs = gcPauses;
    peak = Math.max(peak, heapMB());
    let layoutsMs = 0;
    if (outcome.ok) {
      t = now();
      const layouts = resultSheets(outcome.result, outcome.result.benchmark);
      layoutsMs = now() - t;
      peak = Math.max(peak, heapMB());
      if (layouts.length === 0) throw new Error("no layouts");
    }
    all.push({ phases, phasesCpu, totalMs, cpuMs, gcMs, layoutsMs });
    if (i === 0) {
      summary = outcome.ok
        ? {
            ok: true,
            balanced: outcome.result.reconciliation.balanced,
            problems: outcome.result.problems.length,
            clients: outcome.result.clients.length,
            resultHash: hashResult(outcome.result),
          }
        : { ok: false, balanced: false, problems: outcome.problems.length, clients: 0, resultHash: "" };
    }
  }
  observer.disconnect();
  return {
    size,
    rows: counts,
    ...summary!,
    generateMs,
    cold: all[0],
    warm: all.length > 1 ? medianRun(all.slice(1)) : all[0],
    runs,
    floorMs: floor.ms,
    floorCpuMs: floor.cpuMs,
    heap: { inputTablesMB, peakSampledMB: peak, maxRssMB: process.resourceUsage().maxRSS / 1024, heapCapMB: heapCap },
  };
}

// ------------------------------------------------------------------------------------------------
// Child: the same calculation through the in-memory Excel fake and src/excel

function syncStats(requests: { bytes: number; requestBytes: number; responseBytes: number }[]) {
  return {
    syncs: requests.length,
    largestBytes: Math.max(0, ...requests.map((r) => r.bytes)),
    largestRequestBytes: Math.max(0, ...requests.map((r) => r.requestBytes)),
    largestResponseBytes: Math.max(0, ...requests.map((r) => r.responseBytes)),
    totalBytes: requests.reduce((a, r) => a + r.bytes, 0),
  };
}

async function fakeChild(size: SyntheticSize): Promise<FakeReport> {
  const via = "src/excel findTables + readTables, writeResultSheets, against test/fakes/excel-fake";
  try {
    // Loaded here so that the engine child never pays for them.
    const { createFakeExcel } = await import("../test/fakes/excel-fake");
    const { findTables, readTables } = await import("../src/excel/read-tables");
    const { writeResultSheets } = await import("../src/excel/write-results");
    const tables = syntheticTables(size);
    const fake = createFakeExcel({ sheets: ["Start"] });
    for (const [name, rows] of Object.entries(tables)) {
      fake.workbook.addSheet(name);
      fake.workbook.addTable(name, name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), rows);
    }
    const run = fake.Excel.run as unknown as import("../src/excel/excel-run").ExcelRun;
    fake.stats.reset();
    let t = now();
    const found = await findTables(run);
    const input = await readTables(run, found);
    const readMs = now() - t;
    const read = syncStats(fake.stats.requests);
    t = now();
    const outcome = runKpb(input, { pseudonymSecret: SECRET });
    const engineMs = now() - t;
    if (!outcome.ok) return { size, via, error: `engine: ${outcome.problems.filter((p) => p.severity === "error").slice(0, 3).map((p) => p.message).join(" | ")}`, readMs, read };
    const layouts = resultSheets(outcome.result, outcome.result.benchmark);
    fake.stats.reset();
    t = now();
    const report = await writeResultSheets(run, layouts);
    const writeMs = now() - t;
    const write = { ...syncStats(fake.stats.requests), reportedSyncs: report.syncs };
    return { size, via, readMs, read, engineMs, writeMs, write, resultHash: hashResult(outcome.result) };
  } catch (e) {
    return { size, via, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

// ------------------------------------------------------------------------------------------------
// Child: the input files for the command line end to end

/** Where the command line's input comes from per size: one workbook, or (at L) CSV files for the two large tables. */
const CLI_INPUT: Record<SyntheticSize, "xlsx" | "csv"> = { S: "xlsx", M: "xlsx", L: "csv" };

interface CliFiles {
  dir: string;
  workbook: string;
  ekonomi?: string;
  brukare?: string;
  prepareMs: number;
}

export interface CliReport {
  input: "xlsx" | "csv";
  exit: number | null;
  readMs?: number;
  engineMs?: number;
  layoutsMs?: number;
  writeMs?: number;
  totalMs?: number;
  maxRssMB?: number;
  /** Process CPU time per phase (all threads), and the RSS after each phase. */
  cpu?: Record<string, number>;
  rssAfterMB?: Record<string, number>;
  /** Wall time of the whole process as the bench saw it (start-up included). */
  processMs: number;
  error?: string;
}

/** A table as a semicolon CSV export with decimal commas, written in chunks. */
function writeCsv(file: string, rows: CellValue[][]): void {
  const fd = fs.openSync(file, "w");
  try {
    const cell = (v: CellValue): string => {
      if (v === null || v === undefined) return "";
      const text = typeof v === "number" ? String(v).replace(".", ",") : String(v);
      return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    for (let start = 0; start < rows.length; start += 50_000) {
      const chunk = rows.slice(start, start + 50_000).map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
      fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function cliFilesChild(size: SyntheticSize): Promise<CliFiles> {
  const { writeInputWorkbook } = await import("../src/cli/xlsx-output");
  const t = now();
  const tables = syntheticTables(size);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kpb-bench-${size}-`));
  const workbook = path.join(dir, "input.xlsx");
  if (CLI_INPUT[size] === "xlsx") {
    await writeInputWorkbook(workbook, tables);
    return { dir, workbook, prepareMs: now() - t };
  }
  const ekonomi = path.join(dir, "ekonomi.csv");
  const brukare = path.join(dir, "brukare.csv");
  writeCsv(ekonomi, tables.Ekonomi);
  writeCsv(brukare, tables.Brukare);
  const rest = { ...tables, Ekonomi: [tables.Ekonomi[0]], Brukare: [tables.Brukare[0]] };
  await writeInputWorkbook(workbook, rest);
  return { dir, workbook, ekonomi, brukare, prepareMs: now() - t };
}

/** `kpb run` end to end in its own process, on the files the preparing child wrote. */
function runCli(size: SyntheticSize, files: CliFiles, pinned: boolean): CliReport {
  const timings = path.join(files.dir, "timings.json");
  const args = [
    "--max-old-space-size=8192",
    path.resolve(__dirname, "../../bin/kpb.js"),
    "run",
    files.workbook,
    ...(files.ekonomi ? ["--ekonomi", files.ekonomi] : []),
    ...(files.brukare ? ["--brukare", files.brukare] : []),
    "--out",
    path.join(files.dir, "result.xlsx"),
    "--json",
    path.join(files.dir, "result.json"),
    "--secret-file",
    path.join(files.dir, "secret"),
  ];
  const [cmd, cmdArgs] = pinned ? ["taskset", ["-c", "0", process.execPath, ...args]] : [process.execPath, args];
  const t = now();
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 64 * MB, env: { ...process.env, KPB_TIMINGS_FILE: timings } });
  const processMs = now() - t;
  const report: CliReport = { input: CLI_INPUT[size], exit: r.status, processMs };
  try {
    Object.assign(report, JSON.parse(fs.readFileSync(timings, "utf8")));
  } catch {
    report.error = r.error ? String(r.error) : `exit ${r.status} ${r.signal ?? ""}: ${(r.stderr ?? "").trim().split("\n").slice(-5).join(" / ")}`;
  }
  fs.rmSync(files.dir, { recursive: true, force: true });
  return report;
}

// ------------------------------------------------------------------------------------------------
// Parent

interface Options {
  sizes: SyntheticSize[];
  json: boolean;
  runs: number | null;
  heapCap: number | null;
  pin: boolean;
  fake: boolean;
  cli: boolean;
}

type ChildKind = "engine" | "fake" | "clifiles";

function parseArgs(argv: string[]): Options & { child?: { size: SyntheticSize; kind: ChildKind }; writeXlsx?: { file: string; size: SyntheticSize } } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value("--sizes") ?? "S,M,L").split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const s of sizes) if (!["S", "M", "L"].includes(s)) throw new Error(`Okänd storlek ${s} (S, M eller L)`);
  const child = value("--child");
  const xlsx = value("--write-xlsx");
  return {
    sizes: sizes as SyntheticSize[],
    json: argv.includes("--json"),
    runs: value("--runs") ? Number(value("--runs")) : null,
    heapCap: value("--heap-cap") ? Number(value("--heap-cap")) : null,
    pin: !argv.includes("--no-pin"),
    fake: !argv.includes("--no-fake"),
    cli: !argv.includes("--no-cli"),
    child: child ? { size: child.split(":")[0] as SyntheticSize, kind: child.split(":")[1] as ChildKind } : undefined,
    writeXlsx: xlsx ? { file: xlsx, size: ((value("--size") ?? "M").toUpperCase() as SyntheticSize) } : undefined,
  };
}

function tasksetAvailable(): boolean {
  if (process.platform !== "linux") return false;
  const r = spawnSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
  return r.status === 0;
}

function spawnChild<T>(size: SyntheticSize, kind: ChildKind, options: Options, pinned: boolean): T {
  const nodeArgs = ["--expose-gc", ...(options.heapCap ? [`--max-old-space-size=${options.heapCap}`] : [`--max-old-space-size=8192`])];
  const args = [...nodeArgs, __filename, "--child", `${size}:${kind}`];
  if (options.runs) args.push("--runs", String(options.runs));
  if (options.heapCap) args.push("--heap-cap", String(options.heapCap));
  const [cmd, cmdArgs] = pinned ? ["taskset", ["-c", "0", process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 64 * MB });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) {
    const why = r.error ? String(r.error) : `exit ${r.status} ${r.signal ?? ""}: ${(r.stderr ?? "").trim().split("\n").slice(-5).join(" / ")}`;
    if (kind === "fake") return { size, via: "", error: why } as T;
    throw new Error(`Barnprocessen för ${size} (${kind}) misslyckades: ${why}`);
  }
  return JSON.parse(line.slice("BENCH_RESULT ".length)) as T;
}

const fmtMs = (ms: number | undefined) => (ms === undefined ? "–" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const fmtInt = (n: number | undefined) => (n === undefined ? "–" : Math.round(n).toLocaleString("sv-SE").replace(/\u00a0/g, " "));
const fmtMB = (n: number) => `${n.toFixed(0)} MB`;

/** A plain text table: first row is the header; numbers right-aligned, the last column free text. */
function table(title: string, rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[0]) : c === r.length - 1 && c >= 4 ? cell : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd(),
  );
  return [title, ...lines.map((l) => `  ${l}`)].join("\n");
}

function render(e: EngineReport, f: FakeReport | null, pinned: boolean, cli: CliReport | null): string {
  const rows = e.rows;
  const totalRows = rows.Brukare + rows.Ekonomi;
  const title =
    `Size ${e.size}: ${fmtInt(rows.Brukare)} client rows, ${fmtInt(rows.Ekonomi)} ledger rows, ${fmtInt(rows.Pooler)} pools, ` +
    `${fmtInt(rows.Kodning)} rules, ${fmtInt(e.clients)} clients — ok ${e.ok}, balanced ${e.balanced}, ${e.problems} problems\n` +
    `  node ${process.version}, ${os.cpus().length} cores${pinned ? ", engine pinned to one core" : ""}, load average ${os.loadavg()[0].toFixed(1)}; ` +
    `${e.runs} runs: cold = first run in a fresh process, warm = median of the others; CPU = process CPU time (all threads, GC included)`;
  const out: string[][] = [["", "cold ms", "warm ms", "warm CPU ms", ""]];
  for (const p of PHASES) out.push([`  ${PHASE_TEXT[p]}`, fmtMs(e.cold.phases[p]), fmtMs(e.warm.phases[p]), fmtMs(e.warm.phasesCpu[p]), ""]);
  out.push(["engine total (runKpb)", fmtMs(e.cold.totalMs), fmtMs(e.warm.totalMs), fmtMs(e.warm.cpuMs), ""]);
  out.push(["  of which garbage-collection pauses", fmtMs(e.cold.gcMs), fmtMs(e.warm.gcMs), "", ""]);
  out.push(["result layouts (resultSheets)", fmtMs(e.cold.layoutsMs), fmtMs(e.warm.layoutsMs), "", ""]);
  out.push(["floor: plain JS sums in Maps", "", fmtMs(e.floorMs), fmtMs(e.floorCpuMs), ""]);
  out.push(["engine ÷ floor", (e.cold.totalMs / e.floorMs).toFixed(1), (e.warm.totalMs / e.floorMs).toFixed(1), (e.warm.cpuMs / e.floorCpuMs).toFixed(1), ""]);
  out.push(["rows per second (client + ledger)", fmtInt(totalRows / (e.cold.totalMs / 1000)), fmtInt(totalRows / (e.warm.totalMs / 1000)), fmtInt(totalRows / (e.warm.cpuMs / 1000)), ""]);
  out.push(["heap: input tables (after gc)", "", fmtMB(e.heap.inputTablesMB), "", ""]);
  out.push(["heap: peak (sampled at phase ends)", "", fmtMB(e.heap.peakSampledMB), "", ""]);
  out.push(["peak RSS of the engine process", "", fmtMB(e.heap.maxRssMB), "", e.heap.heapCapMB ? `ran with --max-old-space-size=${e.heap.heapCapMB}` : ""]);
  if (f) {
    if (f.error) out.push(["Excel fake", "", "failed", "", f.error]);
    else {
      const same = f.resultHash === e.resultHash ? "result identical to the direct run" : "RESULT DIFFERS from the direct run";
      out.push(["Excel fake: read inputs", "", fmtMs(f.readMs), "", `${f.read!.syncs} syncs, largest ${fmtInt(f.read!.largestBytes)} B, total ${fmtInt(f.read!.totalBytes)} B`]);
      out.push(["Excel fake: engine on what was read", "", fmtMs(f.engineMs), "", same]);
      out.push(["Excel fake: write result sheets", "", fmtMs(f.writeMs), "", `${f.write!.syncs} syncs, largest ${fmtInt(f.write!.largestBytes)} B, total ${fmtInt(f.write!.totalBytes)} B`]);
    }
  }
  if (cli) {
    const label = cli.input === "csv" ? "Ekonomi and Brukare as CSV files, the rest as xlsx" : "one xlsx workbook";
    if (cli.error) out.push(["command line end to end", "", "failed", "", cli.error]);
    else {
      const rss = (phase: string) => (cli.rssAfterMB?.[phase] === undefined ? "" : `RSS after ${fmtMB(cli.rssAfterMB[phase])}`);
      out.push([`command line: read (${cli.input})`, fmtMs(cli.readMs), "", fmtMs(cli.cpu?.readMs), `${label}; ${rss("readMs")}`]);
      out.push(["command line: engine", fmtMs(cli.engineMs), "", fmtMs(cli.cpu?.engineMs), rss("engineMs")]);
      out.push(["command line: result layouts", fmtMs(cli.layoutsMs), "", fmtMs(cli.cpu?.layoutsMs), rss("layoutsMs")]);
      out.push(["command line: write result workbook + JSON", fmtMs(cli.writeMs), "", fmtMs(cli.cpu?.writeMs), rss("writeMs")]);
      out.push(["command line: total (process)", fmtMs(cli.totalMs), "", "", `${fmtMs(cli.processMs)} ms with start-up; peak RSS ${fmtMB(cli.maxRssMB ?? 0)}; exit ${cli.exit}`]);
    }
  }
  return table(title, out);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.child) {
    const { size, kind } = options.child;
    const report =
      kind === "engine" ? await engineChild(size, options.runs ?? DEFAULT_RUNS[size], options.heapCap) : kind === "fake" ? await fakeChild(size) : await cliFilesChild(size);
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(report)}\n`);
    return;
  }
  if (options.writeXlsx) {
    const { writeInputWorkbook } = await import("../src/cli/xlsx-output");
    const t = now();
    await writeInputWorkbook(options.writeXlsx.file, syntheticTables(options.writeXlsx.size));
    console.log(`Wrote ${options.writeXlsx.file} (size ${options.writeXlsx.size}) in ${fmtMs(now() - t)} ms`);
    return;
  }
  const pinned = options.pin && tasksetAvailable();
  const results: { engine: EngineReport; fake: FakeReport | null; cli: CliReport | null }[] = [];
  for (const size of options.sizes) {
    const engine = spawnChild<EngineReport>(size, "engine", options, pinned);
    const fake = options.fake ? spawnChild<FakeReport>(size, "fake", options, false) : null;
    const cli = options.cli ? runCli(size, spawnChild<CliFiles>(size, "clifiles", options, false), pinned) : null;
    results.push({ engine, fake, cli });
    if (!options.json) console.log(`${render(engine, fake, pinned, cli)}\n`);
  }
  if (options.json) {
    console.log(JSON.stringify({ node: process.version, cores: os.cpus().length, pinnedToOneCore: pinned, results }, null, 2));
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
