/**
 * Small workbooks for the benchmark analyses: one ledger row per pool (so a pool's cost is known
 * to the öre), client volumes, population and `Jämförelse` rows, for any year.
 */
import type { CellValue, KpbResult, WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";

export interface PoolSpec {
  id: string;
  insats: string;
  regi?: "egen" | "annan";
  /** Annual cost in kronor (may have öre). */
  costKr: number;
}

export interface ClientSpec {
  id: string;
  birthYear: number;
  pool: string;
  volume: number;
}

export interface Spec {
  year: number;
  pools: PoolSpec[];
  clients: ClientSpec[];
  population?: [string, number][];
  /** [Nyckeltal, Värde, Källa, År, Kommun] */
  benchmark?: CellValue[][];
}

export function buildWorkbook(spec: Spec): WorkbookInput {
  const input: WorkbookInput = {
    Inställningar: { rows: [["Inställning", "Värde"], ["År", spec.year], ["Kommun", "Testby"]], sheet: "Inställningar" },
    Ekonomi: {
      rows: [["Ansvar", "Verksamhet", "Konto", "Belopp"], ...spec.pools.map((p, i) => [`A${i + 1}`, "100", "5110", p.costKr])],
      sheet: "Ekonomi",
    },
    Kodning: {
      rows: [["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"], ...spec.pools.map((p, i) => [`A${i + 1}`, "", "", "", p.id, ""])],
      sheet: "Kodning",
    },
    Pooler: {
      rows: [
        ["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"],
        ...spec.pools.map((p) => [p.id, p.insats, `Enhet ${p.id}`, p.regi ?? "egen", "insats", null, null, null]),
      ],
      sheet: "Pooler",
    },
    Brukare: {
      rows: [["BrukarID", "Födelseår", "Pool", "Volym", "Period"], ...spec.clients.map((c) => [c.id, c.birthYear, c.pool, c.volume, `${spec.year}-06`])],
      sheet: "Brukare",
    },
  };
  if (spec.population) input.Befolkning = { rows: [["Åldersgrupp", "Antal"], ...spec.population], sheet: "Befolkning" };
  if (spec.benchmark) input.Jämförelse = { rows: [["Nyckeltal", "Värde", "Källa", "År", "Kommun"], ...spec.benchmark], sheet: "Jämförelse" };
  return input;
}

export function run(spec: Spec): KpbResult {
  const outcome = runKpb(buildWorkbook(spec), { pseudonymSecret: "test-secret" });
  if (!outcome.ok) throw new Error(`run blocked: ${outcome.problems.map((p) => `${p.code}: ${p.message}`).join("\n")}`);
  return outcome.result;
}

/** `n` clients of the same birth year in one pool, each with `volume`; ids P<prefix><i>. */
export function clients(prefix: string, n: number, birthYear: number, pool: string, volume: number): ClientSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i + 1).padStart(4, "0")}`, birthYear, pool, volume }));
}
