import { promises as fs } from "fs";
import * as path from "path";
import { resultJson, problemsJson } from "../engine/json-output";
import { resultSheets, validationPackOf, type ResultSheetOptions } from "../engine/result-sheets";
import { monthlySeries } from "../engine/monthly-series";
import { runKpb } from "../engine/run";
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
import type { Problem, WorkbookInput } from "../engine/model";
import { parseMonth } from "../engine/period-window";
import { OutputWriteError, resultWorkbookBytes, writeFilesAtomically, writeInputWorkbook } from "./xlsx-output";

const USAGE = `Användning:
  kpb run <arbetsbok.xlsx> [--out resultat.xlsx] [--json resultat.json] [--year ÅR] [--method stegvis|reciprok]
                                 [--period ÅÅÅÅ-MM]   uppföljning: de tolv månaderna som slutar med månaden
                                                      (Ekonomi och Brukare behöver kolumnen Period)
                                 [--ytd]              med --period: januari till och med månaden i stället
                                 [--secret-file FIL]  hemligheten bakom pseudonymer (standard: .kpb-secret i arbetsbokens mapp)
                                 [--problems FIL]     dataproblemen när körningen stoppas (standard: <json-namn>.problems.json)
                                 [--ekonomi FIL] [--brukare FIL]  ersätter arbetsbokens Ekonomi/Brukare med en fil:
                                                      .csv/.txt (export), .se/.si (SIE 4, bara Ekonomi) eller .xlsx
                                 [--sie-dim Ansvar=1,Verksamhet=20,Aktivitet=21]  SIE-dimensioner (standard: efter #DIM-namn)
  kpb demo [--dir MAPP] [--months 24]  kör exempelkommunen Exempelby (skriver indata, resultat och JSON);
                                 med --months 24 två år med Period och uppföljningen till 2025-06 (bladet KPB Månad)
  kpb sample <fil.xlsx> [--force] [--months 24]  skriver exempelkommunens indata till en arbetsbok (skriver inte över utan --force)
  kpb kolada <arbetsbok.xlsx> --kommun KOD [--jamfor KODER] [--ar ÅR] [--out fil.xlsx]
                                 hämtar KPB-nyckeltalen från Kolada (kommunen, jämförelsekommuner eller
                                 grupper som G33, år som 2022-2024; standard kommunkod och år ur
                                 Inställningar) och skriver en kopia av arbetsboken med dem i Jämförelse
                                 (standard <arbetsbok>-kolada.xlsx; originalet skrivs aldrig över)
  kpb explain <arbetsbok.xlsx> --pool ID | --client ID | --figure ID [--lang sv|en] [--rows N|alla]
                                 förklarar en pools, brukares eller ett nyckeltals siffra ned till
                                 Ekonomi-raderna, reglerna och stödpoolernas andelar (50 rader per kontoklass)
  kpb --help

Slutkod: 0 klart (varningar tillåtna), 1 datafel stoppade körningen (tidigare resultat orörda), 2 fel användning eller fil.`;

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
      if (value === undefined) throw new UsageError(`--${name} behöver ett värde.`);
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
    process.stderr.write(`${((Date.now() - start) / 1000).toFixed(1).replace(".", ",")} s\n`);
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
  const known = new Set(["out", "json", "year", "method", "period", "ytd", "secret-file", "problems", "sie-dim", ...Object.keys(FILE_TABLE_FLAGS)]);
  for (const f of opts.flags.keys()) if (!known.has(f)) throw new UsageError(`Okänd flagga --${f}.`);
  const yearText = opts.flags.get("year");
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2200)) throw new UsageError(`--year ska vara ett år, t.ex. 2024.`);
  const followUpTo = opts.flags.get("period");
  if (followUpTo !== undefined && !parseMonth(followUpTo)) throw new UsageError(`--period ska vara en månad ÅÅÅÅ-MM, t.ex. 2025-06.`);
  if (followUpTo !== undefined && year !== undefined && parseMonth(followUpTo)!.year !== year) throw new UsageError(`--year ${year} och --period ${followUpTo} säger olika år; --period räcker.`);
  if (opts.flags.has("ytd") && followUpTo === undefined) throw new UsageError(`--ytd behöver --period ÅÅÅÅ-MM (sista månaden).`);
  const method = opts.flags.get("method");
  if (method !== undefined && method !== "stegvis" && method !== "reciprok") throw new UsageError(`--method ska vara stegvis eller reciprok.`);
  const base = file.replace(/\.xlsx$/i, "");
  const out = opts.flags.get("out") ?? `${base}-kpb.xlsx`;
  const json = opts.flags.get("json") ?? `${base}-kpb.json`;
  if (await sameFile(out, file)) throw new UsageError("--out får inte vara samma fil som indata (indata skrivs aldrig över).");
  if (await sameFile(json, file)) throw new UsageError("--json får inte vara samma fil som indata (indata skrivs aldrig över).");
  if (await sameFile(out, json)) throw new UsageError("--out och --json får inte vara samma fil.");
  const problemsFile = opts.flags.get("problems") ?? defaultProblemsFile(json);
  if (await sameFile(problemsFile, file)) throw new UsageError("--problems får inte vara samma fil som indata (indata skrivs aldrig över).");
  if ((await sameFile(problemsFile, out)) || (await sameFile(problemsFile, json))) throw new UsageError("--problems får inte vara samma fil som --out eller --json.");
  const sieDimText = opts.flags.get("sie-dim");
  const sieDimensions = sieDimText === undefined ? {} : parseSieDimensionOption(sieDimText);
  if (typeof sieDimensions === "string") throw new UsageError(`--sie-dim: ${sieDimensions}.`);
  const tableFiles = Object.entries(FILE_TABLE_FLAGS).flatMap(([flag, table]) => {
    const source = opts.flags.get(flag);
    return source === undefined ? [] : [{ flag, table, source }];
  });
  for (const { flag, source } of tableFiles) {
    if ((await sameFile(out, source)) || (await sameFile(json, source))) throw new UsageError(`--out och --json får inte vara samma fil som --${flag} (indata skrivs aldrig över).`);
  }
  const secret = await loadSecret(opts.flags.get("secret-file") ?? defaultSecretFile(file));

  const started = Date.now();
  const phase = phaseClock();
  let done = progress(`Läser ${file}`);
  // Tables given as files are located as such (they win over the workbook's) and not read from the workbook.
  const located = await readWorkbookTables(file, Object.fromEntries(tableFiles.map(({ table, source }) => [table, source])));
  const input: WorkbookInput = located.input;
  done();
  // What was read from files is shown so it can be checked against the source system.
  const fileProblems: Problem[] = located.location.problems.filter((p) => p.code !== "tableMissing");
  for (const { table, source } of tableFiles) {
    done = progress(`Läser ${source}`);
    const read = await readTableFile(source, table, sieDimensions);
    done();
    console.log(summaryLines(read.summary).join("\n"));
    fileProblems.push(...read.problems);
    if (read.input) input[table] = read.input;
    else delete input[table];
  }
  if (fileProblems.some((p) => p.severity === "error")) {
    console.error(`\nFilerna går inte att använda: ${fileProblems.filter((p) => p.severity === "error").length} fel:\n${problemList(fileProblems)}`);
    await writeFilesAtomically([{ target: json, data: JSON.stringify({ ok: false, problems: problemsJson(fileProblems) }, null, 2) }]);
    console.error(`\nProblemen finns också i ${json}.`);
    return 1;
  }
  phase("readMs");
  done = progress("Beräknar KPB");
  const runOptions = {
    overrides: {
      year,
      allocationMethod: method as "stegvis" | "reciprok" | undefined,
      // Without --ytd the workbook's Uppföljning (rullande / hittills i år) decides, rolling if silent.
      ...(followUpTo !== undefined ? { followUpTo, ...(opts.flags.has("ytd") ? { followUpKind: "ytd" as const } : {}) } : {}),
    },
    pseudonymSecret: secret.secret,
  };
  const outcome = runKpb(input, runOptions);
  done();
  phase("engineMs");
  if (!outcome.ok) outcome.problems.unshift(...fileProblems);
  else outcome.result.problems.unshift(...fileProblems);
  if (!outcome.ok) {
    // A refused run replaces nothing: earlier results stay as they were, the problems go beside them.
    console.error(`\nKörningen stoppades av ${outcome.problems.filter((p) => p.severity === "error").length} datafel:\n${problemList(outcome.problems)}`);
    await writeFilesAtomically([{ target: problemsFile, data: JSON.stringify({ ok: false, problems: problemsJson(outcome.problems) }, null, 2) }]);
    console.error(`\nProblemen finns också i ${problemsFile}. Inga resultatfiler skrevs (${out} och ${json} är som före körningen).`);
    return 1;
  }
  const { result } = outcome;
  if (!secret.stored && result.problems.some((p) => PSEUDONYM_CODES.has(p.code))) {
    try {
      await saveSecret(secret);
      console.error(`Hemligheten bakom pseudonymerna sparades i ${secret.file}. Behåll den hos arbetsboken och skicka den aldrig med resultaten.`);
    } catch (e) {
      console.error(
        `Kunde inte spara hemligheten bakom pseudonymerna i ${secret.file} (${(e as NodeJS.ErrnoException).code ?? e}); nästa körning ger andra pseudonymer. Ange en fil med --secret-file.`,
      );
    }
  }
  // A follow-up gets KPB Månad: the same calculation per month and per rolling twelve months.
  let monthly: ResultSheetOptions["monthly"];
  if (result.settings.period) {
    done = progress("Räknar månad för månad");
    monthly = monthlySeries(input, result.settings.period, runOptions);
    done();
  }
  done = progress(`Skriver ${out}`);
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
  if (result.problems.length) console.log(`\n${result.problems.length} varningar:\n${problemList(result.problems, 20)}`);
  const open = validationPackOf(result, result.benchmark, sheetOptions).open;
  console.log(`\nValidering: ${open} ${open === 1 ? "öppen rad" : "öppna rader"} på bladet KPB Validering i ${out}.`);
  console.log(`\nResultat: ${out}\nJSON:     ${json}\nTid:      ${((Date.now() - started) / 1000).toFixed(2).replace(".", ",")} s`);
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
  const known = new Set(["kommun", "jamfor", "ar", "out"]);
  for (const f of opts.flags.keys()) if (!known.has(f)) throw new UsageError(`Okänd flagga --${f}.`);
  const out = opts.flags.get("out") ?? `${file.replace(/\.xlsx$/i, "")}-kolada.xlsx`;
  if (await sameFile(out, file)) throw new UsageError("--out får inte vara samma fil som arbetsboken (originalet skrivs aldrig över).");
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
  throw new UsageError("--months ska vara 12 eller 24.");
}

async function demo(opts: Options): Promise<number> {
  const dir = opts.flags.get("dir") ?? "out";
  const tables = sampleTables(opts);
  await fs.mkdir(dir, { recursive: true });
  const twoYears = opts.flags.get("months") === "24";
  const file = path.join(dir, twoYears ? "exempelby-24.xlsx" : "exempelby.xlsx");
  await writeInputWorkbook(file, tables);
  console.log(`Exempelkommunens indata: ${file}`);
  return runWorkbook(file, { positional: [file], flags: new Map(twoYears ? [["period", "2025-06"]] : []) });
}

export async function main(args: string[]): Promise<number> {
  try {
    const opts = parseArgs(args);
    const [command, ...rest] = opts.positional;
    if (opts.flags.has("help") || command === undefined) {
      console.log(USAGE);
      return command === undefined && !opts.flags.has("help") ? 2 : 0;
    }
    if (command === "run") {
      if (rest.length !== 1) throw new UsageError("kpb run behöver exakt en arbetsbok.");
      return await runWorkbook(rest[0], opts);
    }
    if (command === "demo") return await demo(opts);
    if (command === "kolada") {
      if (rest.length !== 1) throw new UsageError("kpb kolada behöver exakt en arbetsbok.");
      return await kolada(rest[0], opts);
    }
    if (command === "explain") {
      if (rest.length !== 1) throw new UsageError("kpb explain behöver exakt en arbetsbok.");
      return await explainWorkbook(rest[0], opts.flags);
    }
    if (command === "sample") {
      if (rest.length !== 1) throw new UsageError("kpb sample behöver ett filnamn.");
      // A user's own workbook must never be replaced by the sample by a slip of the file name.
      const exists = await fs.stat(rest[0]).then(() => true, () => false);
      if (exists && !opts.flags.has("force")) throw new UsageError(`${rest[0]} finns redan; välj ett annat namn eller lägg till --force för att skriva över.`);
      await writeInputWorkbook(rest[0], sampleTables(opts));
      console.log(`Skrev ${rest[0]}`);
      return 0;
    }
    throw new UsageError(`Okänt kommando "${command}".`);
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
      console.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof WorkbookFileError) {
      console.error(e.message);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOSPC") console.error("Disken är full; inget resultat skrevs och tidigare resultat är orörda.");
    else if (err.code === "EACCES" || err.code === "EROFS" || err.code === "ENOENT") console.error(`Kan inte skriva resultatet (${err.code}: ${err.path ?? ""}); tidigare resultat är orörda.`);
    else console.error(`Oväntat fel: ${err.message ?? err}`);
    return 2;
  }
}
