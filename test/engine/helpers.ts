/**
 * Small builders for engine tests: contract tables as 2-D arrays (header first) and a runner that
 * fails the test with the problems listed when a run that should succeed does not.
 */
import { runKpb, type RunOptions } from "../../src/engine/run";
import type { CellValue, KpbResult, Problem, WorkbookInput } from "../../src/engine/model";

export const YEAR = 2024;

export type Row = CellValue[];

export const LEDGER_HEADER: Row = ["Ansvar", "Verksamhet", "Konto", "Belopp"];
export const RULES_HEADER: Row = ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"];
export const POOLS_HEADER: Row = ["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"];
export const KEYS_HEADER: Row = ["Från", "Till", "Andel"];
export const CLIENTS_HEADER: Row = ["BrukarID", "Födelseår", "Pool", "Volym", "Period"];
export const SETTINGS_HEADER: Row = ["Inställning", "Värde"];

/** An intervention pool row of `Pooler`. */
export function intervention(id: string, interventionName: string, regi: "egen" | "annan" = "egen", places: number | null = null): Row {
  return [id, interventionName, `Enhet ${id}`, regi, "insats", null, null, places];
}

/** A support pool row of `Pooler`. */
export function support(id: string, key: "kostnad" | "volym" | "andel", receivers = "*", interventionName = "Overhead"): Row {
  return [id, interventionName, `Enhet ${id}`, "egen", "stöd", key, receivers, null];
}

/** A coding rule that sends every row of one Ansvar to `target`. */
export function byAnsvar(ansvar: string | number, target: string, reason = ""): Row {
  return [ansvar, "", "", "", target, reason];
}

export interface Tables {
  ledger: Row[];
  rules: Row[];
  pools: Row[];
  keys?: Row[];
  clients: Row[];
  settings?: Row[];
  catalogue?: Row[];
  population?: Row[];
}

/** The tables as a WorkbookInput (header rows added; year 2024 in Inställningar unless given). */
export function workbook(t: Tables): WorkbookInput {
  const input: WorkbookInput = {
    Ekonomi: { rows: [LEDGER_HEADER, ...t.ledger], sheet: "Ekonomi" },
    Kodning: { rows: [RULES_HEADER, ...t.rules], sheet: "Kodning" },
    Pooler: { rows: [POOLS_HEADER, ...t.pools], sheet: "Pooler" },
    Brukare: { rows: [CLIENTS_HEADER, ...t.clients], sheet: "Brukare" },
    Inställningar: { rows: [SETTINGS_HEADER, ["År", YEAR], ...(t.settings ?? [])], sheet: "Inställningar" },
  };
  if (t.keys) input.Nycklar = { rows: [KEYS_HEADER, ...t.keys], sheet: "Nycklar" };
  if (t.catalogue) input.Insatskatalog = { rows: [["Insats", "Område", "Volymenhet", "Nyckeltal"], ...t.catalogue], sheet: "Insatskatalog" };
  if (t.population) input.Befolkning = { rows: [["Åldersgrupp", "Antal"], ...t.population], sheet: "Befolkning" };
  return input;
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.severity} ${p.code} ${p.table} r${p.row} ${p.column}: ${p.message}`).join("\n");
}

/** Runs the engine and returns the result; fails with the problems when the run was blocked. */
export function runOk(input: WorkbookInput, options: RunOptions = {}): KpbResult {
  const outcome = runKpb(input, options);
  if (!outcome.ok) throw new Error(`run blocked:\n${describeProblems(outcome.problems)}`);
  return outcome.result;
}

export function pool(result: KpbResult, id: string) {
  const p = result.pools.find((x) => x.pool === id);
  if (!p) throw new Error(`no pool ${id}`);
  return p;
}

export function client(result: KpbResult, id: string) {
  const c = result.clients.find((x) => x.id === id);
  if (!c) throw new Error(`no client ${id}`);
  return c;
}

export function figure(result: KpbResult, id: string): string {
  const f = result.keyFigures.find((x) => x.id === id);
  if (!f) throw new Error(`no key figure ${id}; have ${result.keyFigures.map((x) => x.id).join(", ")}`);
  return f.value;
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

/**
 * The small municipality most engine tests start from. Ekonomi rows 2–4: OH 1 000, HT 10 000,
 * SABO 20 000; Pooler 2: OH (stöd, kostnad, *), 3: HT (Hemtjänst), 4: SABO (Särskilt boende);
 * Brukare 2: A → HT 10 h, 3: B → SABO 30 dygn; Befolkning for the four default age groups.
 */
export function smallMunicipality(): Tables {
  return {
    ledger: [
      ["1100", "100", "5110", 1000],
      ["6110", "511", "5110", 10_000],
      ["6210", "512", "5110", 20_000],
    ],
    rules: [byAnsvar("1100", "OH"), byAnsvar("6110", "HT"), byAnsvar("6210", "SABO")],
    pools: [support("OH", "kostnad", "*"), intervention("HT", "Hemtjänst"), intervention("SABO", "Särskilt boende")],
    clients: [
      ["A", 1940, "HT", 10, "2024-01"],
      ["B", 1935, "SABO", 30, "2024-01"],
    ],
    population: [
      ["0-19", 2000],
      ["20-64", 5000],
      ["65-79", 1000],
      ["80-w", 500],
    ],
  };
}
