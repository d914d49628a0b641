import { promises as fs } from "fs";
import * as path from "path";
import { resultJson, problemsJson } from "../engine/json-output";
import { resultSheets } from "../engine/result-sheets";
import { runKpb } from "../engine/run";
import { exempelbyTables } from "../sample/exempelby";
import { problemList, summaryText } from "./summary";
import { readWorkbookFile, WorkbookFileError } from "./xlsx-input";
import { writeFileAtomically, writeInputWorkbook, writeResultWorkbook } from "./xlsx-output";

const USAGE = `Användning:
  kpb run <arbetsbok.xlsx> [--out resultat.xlsx] [--json resultat.json] [--year ÅR] [--method stegvis|reciprok]
  kpb demo [--dir MAPP]          kör exempelkommunen Exempelby (skriver indata, resultat och JSON)
  kpb sample <fil.xlsx>          skriver exempelkommunens indata till en arbetsbok
  kpb --help

Slutkod: 0 klart (varningar tillåtna), 1 datafel stoppade körningen, 2 fel användning eller fil.`;

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
function progress(message: string): () => void {
  const start = Date.now();
  process.stderr.write(`${message} … `);
  return () => process.stderr.write(`${((Date.now() - start) / 1000).toFixed(1).replace(".", ",")} s\n`);
}

async function runWorkbook(file: string, opts: Options): Promise<number> {
  const known = new Set(["out", "json", "year", "method"]);
  for (const f of opts.flags.keys()) if (!known.has(f)) throw new UsageError(`Okänd flagga --${f}.`);
  const yearText = opts.flags.get("year");
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2200)) throw new UsageError(`--year ska vara ett år, t.ex. 2024.`);
  const method = opts.flags.get("method");
  if (method !== undefined && method !== "stegvis" && method !== "reciprok") throw new UsageError(`--method ska vara stegvis eller reciprok.`);
  const base = file.replace(/\.xlsx$/i, "");
  const out = opts.flags.get("out") ?? `${base}-kpb.xlsx`;
  const json = opts.flags.get("json") ?? `${base}-kpb.json`;
  if (path.resolve(out) === path.resolve(file)) throw new UsageError("--out får inte vara samma fil som indata (indata skrivs aldrig över).");

  const started = Date.now();
  let done = progress(`Läser ${file}`);
  const input = await readWorkbookFile(file);
  done();
  done = progress("Beräknar KPB");
  const outcome = runKpb(input, { overrides: { year, allocationMethod: method as "stegvis" | "reciprok" | undefined } });
  done();
  if (!outcome.ok) {
    console.error(`\nKörningen stoppades av ${outcome.problems.filter((p) => p.severity === "error").length} datafel:\n${problemList(outcome.problems)}`);
    await writeFileAtomically(json, (tmp) => fs.writeFile(tmp, JSON.stringify({ ok: false, problems: problemsJson(outcome.problems) }, null, 2)));
    console.error(`\nProblemen finns också i ${json}.`);
    return 1;
  }
  const { result } = outcome;
  done = progress(`Skriver ${out}`);
  await writeResultWorkbook(out, resultSheets(result, result.benchmark));
  await writeFileAtomically(json, (tmp) => fs.writeFile(tmp, JSON.stringify(resultJson(result), null, 2)));
  done();
  console.log(`\n${summaryText(result)}`);
  if (result.problems.length) console.log(`\n${result.problems.length} varningar:\n${problemList(result.problems, 20)}`);
  console.log(`\nResultat: ${out}\nJSON:     ${json}\nTid:      ${((Date.now() - started) / 1000).toFixed(2).replace(".", ",")} s`);
  return 0;
}

async function demo(opts: Options): Promise<number> {
  const dir = opts.flags.get("dir") ?? "out";
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, "exempelby.xlsx");
  await writeInputWorkbook(file, exempelbyTables());
  console.log(`Exempelkommunens indata: ${file}`);
  return runWorkbook(file, { positional: [file], flags: new Map() });
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
    if (command === "sample") {
      if (rest.length !== 1) throw new UsageError("kpb sample behöver ett filnamn.");
      await writeInputWorkbook(rest[0], exempelbyTables());
      console.log(`Skrev ${rest[0]}`);
      return 0;
    }
    throw new UsageError(`Okänt kommando "${command}".`);
  } catch (e) {
    if (e instanceof UsageError) {
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
