import { promises as fs } from "fs";
import * as path from "path";
import { problemsJson, resultJson, resultSheets, validationPackOf, type ResultSheetOptions } from "../layouts";
import { monthlySeries, parseMonth, runKpb, withProblemsFirst, type Problem, type WorkbookInput } from "../engine";
import { exempelbyTables } from "../sample/exempelby";
import { exempelbyTwoYears } from "../sample/exempelby-months";
import { problemList, summaryText } from "./summary";
import { readPreviousResult } from "./validation-file";
import { explainWorkbook, ExplainUsageError } from "./explain";
import { koladaCommand, KoladaUsageError } from "./kolada";
import type { FetchLike } from "../benchmark/kolada/http";
import { defaultSecretFile, loadSecret, saveSecret, SecretFileError } from "./secret";
import { readWorkbookTables, WorkbookFileError } from "./xlsx-input";
import { FILE_TABLE_FLAGS, readTableFile } from "./file-input";
import { summaryLines } from "../input/file-table";
import { parseSieDimensionOption } from "../input/sie";
import { OutputWriteError, resultWorkbookBytes, writeFilesAtomically, writeInputWorkbook } from "./xlsx-output";
import { cliLanguage, cliMessage, setCliLanguage } from "./messages";



class UsageError extends Error {}

interface Options {
  positional: string[];
  flags: Map<string, string>;
}

function parseArgs(args: string[]): Options {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") flags.set("help", "");
    else if (a === "--force") flags.set("force", "");
    else if (a === "--ytd") flags.set("ytd", "");
    else if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2);
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(cliMessage("flagNeedsValue", { flag: name }));
      flags.set(name, value);
    } else positional.push(a);
  }
  return { positional, flags };
}

/** Prints where the run is, so a long run on a large municipality is visibly alive. */
let progressOpen = false;
function progress(message: string): () => void {
  const start = Date.now();
  process.stderr.write(`${message} … `);
  progressOpen = true;
  return () => {
    progressOpen = false;
    process.stderr.write(`${cliMessage("seconds", { seconds: (Date.now() - start) / 1000 })}\n`);
  };
}

/**
 * Wall time per phase of a run, for the bench: written as JSON to the file named by the
 * environment variable KPB_TIMINGS_FILE (nothing happens without it), with the process CPU time
 * per phase (meaningful on a busy machine), the RSS after each phase and the peak RSS.
 */
function phaseClock() {
  const start = Date.now();
  let last = start;
  let lastCpu = process.cpuUsage();
  const times: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const rssAfterMB: Record<string, number> = {};
  const mark = (name: string) => {
    const t = Date.now();
    const c = process.cpuUsage();
    times[name] = t - last;
    cpu[name] = Math.round((c.user - lastCpu.user + c.system - lastCpu.system) / 1000);
    rssAfterMB[name] = Math.round(process.memoryUsage().rss / (1024 * 1024));
    last = t;
    lastCpu = c;
  };
  mark.report = async () => {
    const target = process.env.KPB_TIMINGS_FILE;
    if (!target) return;
    const timings = { ...times, totalMs: Date.now() - start, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), cpu, rssAfterMB };
    await fs.writeFile(target, JSON.stringify(timings));
  };
  return mark;
}

/** The same file by path or by identity (a link, another spelling of the path). */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Beside the JSON: `r.json` → `r.problems.json`. */
function defaultProblemsFile(json: string): string {
  return `${json.replace(/\.json$/i, "")}.problems.json`;
}

/**
 * After a run that succeeded, a problems file left by an earlier refused run would describe data
 * that no longer stops anything: it is removed, but only when it is such a file (`ok: false`).
 */
async function removeStaleProblems(file: string): Promise<void> {
  try {
    const old = JSON.parse(await fs.readFile(file, "utf8")) as { ok?: unknown; problems?: unknown };
    if (old.ok === false && Array.isArray(old.problems)) await fs.unlink(file);
  } catch {
    // No such file, or not ours: left as it is.
  }
}

/** Problem codes that mean a pseudonym was written in place of something from the workbook. */
const PSEUDONYM_CODES = new Set(["personalIdentityNumber", "personalDataInCells"]);

async function runWorkbook(file: string, opts: Options): Promise<number> {
  const known = new Set(["out", "json", "year", "method", "period", "ytd", "secret-file", "problems", "sie-dim", "lang", ...Object.keys(FILE_TABLE_FLAGS)]);
  for (const f of opts.flags.keys()) if (!known.has(f)) throw new UsageError(cliMessage("unknownFlag", { flag: f }));
  const yearText = opts.flags.get("year");
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2200)) throw new UsageError(cliMessage("badYear", { flag: "--year" }));
  const followUpTo = opts.flags.get("period");
  if (followUpTo !== undefined && !parseMonth(followUpTo)) throw new UsageError(cliMessage("badPeriod"));
  if (followUpTo !== undefined && year !== undefined && parseMonth(followUpTo)!.year !== year) throw new UsageError(cliMessage("yearAndPeriodDiffer", { year, period: followUpTo }));
  if (opts.flags.has("ytd") && followUpTo === undefined) throw new UsageError(cliMessage("ytdNeedsPeriod"));
  const method = opts.flags.get("method");
  if (method !== undefined && method !== "stegvis" && method !== "reciprok") throw new UsageError(cliMessage("badMethod"));
  const base = file.replace(/\.xlsx$/i, "");
  const out = opts.flags.get("out") ?? `${base}-kpb.xlsx`;
  const json = opts.flags.get("json") ?? `${base}-kpb.json`;
  if (await sameFile(out, file)) throw new UsageError(cliMessage("sameAsInput", { flag: "--out" }));
  if (await sameFile(json, file)) throw new UsageError(cliMessage("sameAsInput", { flag: "--json" }));
  if (await sameFile(out, json)) throw new UsageError(cliMessage("sameOutputs", { a: "--out", b: "--json" }));
  const problemsFile = opts.flags.get("problems") ?? defaultProblemsFile(json);
  if (await sameFile(problemsFile, file)) throw new UsageError(cliMessage("sameAsInput", { flag: "--problems" }));
  if ((await sameFile(problemsFile, out)) || (await sameFile(problemsFile, json))) throw new UsageError(cliMessage("sameOutputs", { a: "--problems", b: "--out/--json" }));
  const sieDimText = opts.flags.get("sie-dim");
  const sieDimensions = sieDimText === undefined ? {} : parseSieDimensionOption(sieDimText);
  if ("badPart" in sieDimensions) throw new UsageError(cliMessage("badSieDimension", { part: String(sieDimensions.badPart) }));
  const tableFiles = Object.entries(FILE_TABLE_FLAGS).flatMap(([flag, table]) => {
    const source = opts.flags.get(flag);
    return source === undefined ? [] : [{ flag, table, source }];
  });
  for (const { flag, source } of tableFiles) {
    if ((await sameFile(out, source)) || (await sameFile(json, source))) throw new UsageError(cliMessage("outputsSameAsTableFile", { flag }));
  }
  const secret = await loadSecret(opts.flags.get("secret-file") ?? defaultSecretFile(file));

  const started = Date.now();
  const phase = phaseClock();
  let done = progress(cliMessage("reading", { file }));
  // Tables given as files are located as such (they win over the workbook's) and not read from the workbook.
  const located = await readWorkbookTables(file, Object.fromEntries(tableFiles.map(({ table, source }) => [table, source])));
  const input: WorkbookInput = located.input;
  done();
  // What was read from files is shown so it can be checked against the source system.
  const fileProblems: Problem[] = located.location.problems.filter((p) => p.code !== "tableMissing");
  for (const { table, source } of tableFiles) {
    done = progress(cliMessage("reading", { file: source }));
    const read = await readTableFile(source, table, sieDimensions);
    done();
    console.log(summaryLines(read.summary, cliLanguage()).join("\n"));
    fileProblems.push(...read.problems);
    if (read.input) input[table] = read.input;
    else delete input[table];
  }
  if (fileProblems.some((p) => p.severity === "error")) {
    console.error(`\n${cliMessage("filesUnusable", { errors: fileProblems.filter((p) => p.severity === "error").length })}\n${problemList(fileProblems)}`);
    await writeFilesAtomically([{ target: json, data: JSON.stringify({ ok: false, problems: problemsJson(fileProblems) }, null, 2) }]);
    console.error(`\n${cliMessage("problemsAlsoIn", { file: json })}`);
    return 1;
  }
  phase("readMs");
  done = progress(cliMessage("computing"));
  const runOptions = {
    overrides: {
      year,
      allocationMethod: method as "stegvis" | "reciprok" | undefined,
      // Without --ytd the workbook's Uppföljning (rullande / hittills i år) decides, rolling if silent.
      ...(followUpTo !== undefined ? { followUpTo, ...(opts.flags.has("ytd") ? { followUpKind: "ytd" as const } : {}) } : {}),
    },
    pseudonymSecret: secret.secret,
  };
  const ran = runKpb(input, runOptions);
  done();
  phase("engineMs");
  const outcome = withProblemsFirst(ran, fileProblems);
  if (!outcome.ok) {
    // A refused run replaces nothing: earlier results stay as they were, the problems go beside them.
    console.error(`\n${cliMessage("runStopped", { errors: outcome.problems.filter((p) => p.severity === "error").length })}\n${problemList(outcome.problems)}`);
    await writeFilesAtomically([{ target: problemsFile, data: JSON.stringify({ ok: false, problems: problemsJson(outcome.problems) }, null, 2) }]);
    console.error(`\n${cliMessage("runStoppedFiles", { problems: problemsFile, out, json })}`);
    return 1;
  }
  const { result } = outcome;
  if (!secret.stored && result.problems.some((p) => PSEUDONYM_CODES.has(p.code))) {
    try {
      await saveSecret(secret);
      console.error(cliMessage("secretSaved", { file: secret.file }));
    } catch (e) {
      console.error(cliMessage("secretNotSaved", { file: secret.file, code: String((e as NodeJS.ErrnoException).code ?? e) }));
    }
  }
  // A follow-up gets KPB Månad: the same calculation per month and per rolling twelve months.
  let monthly: ResultSheetOptions["monthly"];
  if (result.settings.period) {
    done = progress(cliMessage("computingMonths"));
    monthly = monthlySeries(input, result.settings.period, runOptions);
    done();
  }
  done = progress(cliMessage("writing", { file: out }));
  // An earlier result file at --out: its history and the notes on KPB Validering are kept.
  const sheetOptions: ResultSheetOptions = { ...(await readPreviousResult(out)), ...(monthly ? { monthly } : {}) };
  const layouts = resultSheets(result, result.benchmark, sheetOptions);
  phase("layoutsMs");
  await writeFilesAtomically([
    { target: out, data: await resultWorkbookBytes(layouts) },
    { target: json, data: JSON.stringify(resultJson(result), null, 2) },
  ]);
  done();
  await removeStaleProblems(problemsFile);
  phase("writeMs");
  await phase.report();
  console.log(`\n${summaryText(result)}`);
  if (result.problems.length) console.log(`\n${cliMessage("warnings", { count: result.problems.length })}\n${problemList(result.problems, 20)}`);
  const open = validationPackOf(result, result.benchmark, sheetOptions).open;
  console.log(`\n${cliMessage("validation", { open, file: out })}`);
  console.log(`\n${cliMessage("outputs", { out, json, seconds: (Date.now() - started) / 1000 })}`);
  return 0;
}

/** The fetch `kpb kolada` uses: Node's own (tests replace it with recorded answers). */
export const cliFetch: { fetch: FetchLike } = {
  fetch: async (url, init) => {
    const response = await globalThis.fetch(url, init);
    return { ok: response.ok, status: response.status, json: () => response.json() };
  },
};

async function kolada(file: string, opts: Options): Promise<number> {
  const known = new Set(["kommun", "jamfor", "ar", "out", "lang"]);
  for (const f of opts.flags.keys()) if (!known.has(f)) throw new UsageError(cliMessage("unknownFlag", { flag: f }));
  const out = opts.flags.get("out") ?? `${file.replace(/\.xlsx$/i, "")}-kolada.xlsx`;
  if (await sameFile(out, file)) throw new UsageError(cliMessage("koladaSameAsWorkbook"));
  try {
    return await koladaCommand(file, { municipality: opts.flags.get("kommun"), peers: opts.flags.get("jamfor"), years: opts.flags.get("ar"), out }, cliFetch.fetch, (line) => console.log(line));
  } catch (e) {
    if (e instanceof KoladaUsageError) throw new UsageError(e.message);
    throw e;
  }
}

/** The sample's tables: one year, or with `--months 24` two years with Period (the monthly follow-up). */
function sampleTables(opts: Options) {
  const months = opts.flags.get("months");
  if (months === undefined || months === "12") return exempelbyTables();
  if (months === "24") return exempelbyTwoYears();
  throw new UsageError(cliMessage("badMonths"));
}

async function demo(opts: Options): Promise<number> {
  const dir = opts.flags.get("dir") ?? "out";
  const tables = sampleTables(opts);
  await fs.mkdir(dir, { recursive: true });
  const twoYears = opts.flags.get("months") === "24";
  const file = path.join(dir, twoYears ? "exempelby-24.xlsx" : "exempelby.xlsx");
  await writeInputWorkbook(file, tables);
  console.log(cliMessage("sampleInput", { file }));
  return runWorkbook(file, { positional: [file], flags: new Map(twoYears ? [["period", "2025-06"]] : []) });
}

export async function main(args: string[]): Promise<number> {
  try {
    const opts = parseArgs(args);
    const lang = opts.flags.get("lang");
    if (lang !== undefined && lang !== "sv" && lang !== "en") throw new UsageError(cliMessage("badLanguage"));
    setCliLanguage(lang === "en" ? "en" : "sv");
    const [command, ...rest] = opts.positional;
    if (opts.flags.has("help") || command === undefined) {
      console.log(cliMessage("usage"));
      return command === undefined && !opts.flags.has("help") ? 2 : 0;
    }
    if (command === "run") {
      if (rest.length !== 1) throw new UsageError(cliMessage("needsOneWorkbook", { command: "run" }));
      return await runWorkbook(rest[0], opts);
    }
    if (command === "demo") return await demo(opts);
    if (command === "kolada") {
      if (rest.length !== 1) throw new UsageError(cliMessage("needsOneWorkbook", { command: "kolada" }));
      return await kolada(rest[0], opts);
    }
    if (command === "explain") {
      if (rest.length !== 1) throw new UsageError(cliMessage("needsOneWorkbook", { command: "explain" }));
      return await explainWorkbook(rest[0], opts.flags);
    }
    if (command === "sample") {
      if (rest.length !== 1) throw new UsageError(cliMessage("sampleNeedsFile"));
      // A user's own workbook must never be replaced by the sample by a slip of the file name.
      const exists = await fs.stat(rest[0]).then(() => true, () => false);
      if (exists && !opts.flags.has("force")) throw new UsageError(cliMessage("sampleExists", { file: rest[0] }));
      await writeInputWorkbook(rest[0], sampleTables(opts));
      console.log(cliMessage("sampleWritten", { file: rest[0] }));
      return 0;
    }
    throw new UsageError(cliMessage("unknownCommand", { command }));
  } catch (e) {
    if (progressOpen) {
      progressOpen = false;
      process.stderr.write("\n");
    }
    if (e instanceof OutputWriteError || e instanceof SecretFileError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof UsageError || e instanceof ExplainUsageError) {
      console.error(`${e.message}\n\n${cliMessage("usage")}`);
      return 2;
    }
    if (e instanceof WorkbookFileError) {
      console.error(e.message);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOSPC") console.error(cliMessage("diskFull"));
    else if (err.code === "EACCES" || err.code === "EROFS" || err.code === "ENOENT") console.error(cliMessage("cannotWrite", { code: err.code, path: err.path ?? "" }));
    else console.error(cliMessage("unexpected", { detail: String(err.message ?? err) }));
    return 2;
  }
}
