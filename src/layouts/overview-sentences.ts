import type { BenchmarkValue, ConsumptionComparison, KeyFigureComparison, KpbResult, PotentialResult } from "../engine";
import { svAmount, svIndex, svNumber, svPercent, svRelation } from "./swedish-text";

/**
 * Plain Swedish sentences for a tjänsteskrivelse, generated from the run's figures. One rule per
 * sentence; a rule whose figures are missing (no value, no benchmark, no potential) gives no
 * sentence rather than a sentence with a gap. Numbers are rounded only in the text.
 */
export interface OverviewFacts {
  result: KpbResult;
  comparisons: KeyFigureComparison[];
  /** The consumption row of äldreomsorg for the oldest age group (80+), if any. */
  oldest: ConsumptionComparison | null;
  potential: PotentialResult;
}

/** "KPB-snittet 2023" or "Aneby 2023": what the benchmark is, with its year in plain sight. */
export function benchmarkLabel(b: Pick<BenchmarkValue, "origin" | "municipality" | "year"> | null, definite = true): string {
  if (!b) return "";
  const isAverage = b.origin === "Publicerat" || /kpb-snitt/i.test(b.municipality);
  const who = isAverage ? (definite ? "KPB-snittet" : "KPB-snitt") : b.municipality.replace(/^\d{4}\s+/, "").trim() || (definite ? "jämförelsen" : "jämförelse");
  return b.year === null ? who : `${who} ${b.year}`;
}

/** "snittets" for a KPB average, "jämförelsens" for anything else. */
const genitive = (b: BenchmarkValue | null) => (b && (b.origin === "Publicerat" || /kpb-snitt/i.test(b.municipality)) ? "snittets" : "jämförelsens");

const find = (facts: OverviewFacts, id: string) => facts.comparisons.find((c) => c.id === id && c.benchmark !== null && c.index !== null) ?? null;

/** The unit-cost potential of one catalogue figure, egen regi, when positive. */
function unitPotentialKr(facts: OverviewFacts, keyFigure: string): number | null {
  const row = facts.potential.interventions.find((r) => r.keyFigure === keyFigure && r.regi === "egen");
  return row?.potentialOre ? row.potentialOre / 100 : null;
}

export interface SentenceRule {
  /** What the sentence needs and says (documented in README). */
  id: string;
  make(facts: OverviewFacts): string | null;
}

export const SENTENCE_RULES: SentenceRule[] = [
  {
    // Needs: hemtjänst kr per beviljad timme egen regi and its benchmark. Adds the potential when positive.
    id: "hemtjanst",
    make(facts) {
      const f = find(facts, "hemtjanst_egen_kr_timme");
      if (!f) return null;
      const rel = svRelation(Number(f.index));
      // Performed hours (Inställningar → Hemtjänsttid) against a per-granted-hour benchmark: said in the sentence.
      const performed = f.nameParts?.key === "homeCareHour" && f.nameParts.params.hours === "utförd";
      let text = `Hemtjänsten i egen regi kostade ${svNumber(Number(f.own), 2)} kr per ${performed ? "utförd" : "beviljad"} timme ${facts.result.year}, ${rel.text} ${benchmarkLabel(f.match)} (${svNumber(Number(f.benchmark), 2)} kr${performed ? " per beviljad timme; jämför med försiktighet" : ""}).`;
      const p = unitPotentialKr(facts, f.id);
      if (p !== null) text += ` Med ${genitive(f.match)} kostnad per timme hade hemtjänsten kostat ${svAmount(p)} mindre.`;
      return text;
    },
  },
  {
    // Needs: SÄBO kr per dygn inkl. HSL egen regi and its benchmark. Adds the potential when positive.
    id: "sabo",
    make(facts) {
      const f = find(facts, "sabo_egen_kr_dygn_inkl_hsl");
      if (!f) return null;
      const rel = svRelation(Number(f.index));
      let text = `Ett dygn i särskilt boende i egen regi kostade ${svNumber(Number(f.own), 2)} kr inklusive HSL ${facts.result.year}, ${rel.text} ${benchmarkLabel(f.match)} (${svNumber(Number(f.benchmark), 2)} kr).`;
      const p = unitPotentialKr(facts, f.id);
      if (p !== null) text += ` Med ${genitive(f.match)} dygnskostnad hade särskilt boende kostat ${svAmount(p)} mindre.`;
      return text;
    },
  },
  {
    // Needs: äldreomsorgens kostnad per invånare 80+ and its benchmark.
    id: "per_invanare_80",
    make(facts) {
      const o = facts.oldest;
      if (!o || o.costPerInhabitant === null || o.benchmarkCostPerInhabitant === null || o.indexPerInhabitant === null) return null;
      const rel = svRelation(Number(o.indexPerInhabitant));
      return `Äldreomsorgen kostade ${svNumber(Number(o.costPerInhabitant), 2)} kr per invånare 80 år och äldre, ${rel.text} ${benchmarkLabel(o.sources.perInhabitant)} (${svNumber(Number(o.benchmarkCostPerInhabitant), 2)} kr).`;
    },
  },
  {
    // Needs: the share of inhabitants 80+ with äldreomsorg and the benchmark's share.
    id: "andel_80",
    make(facts) {
      const o = facts.oldest;
      if (!o || o.clientShare === null || o.benchmarkClientShare === null) return null;
      const b = o.sources.share ?? o.sources.perInhabitant;
      return `${svPercent(Number(o.clientShare))} av invånarna 80 år och äldre hade insatser från äldreomsorgen (${benchmarkLabel(b, false)}: ${svPercent(Number(o.benchmarkClientShare))}), och en brukare kostade i snitt ${svNumber(Number(o.costPerClient), 2)} kr.`;
    },
  },
  {
    // Needs: both indices of the 80+ decomposition.
    id: "index_80",
    make(facts) {
      const d = facts.oldest?.decomposition;
      if (!d || d.unitCostIndex === null || d.consumptionIndex === null) return null;
      const p = Number(d.unitCostIndex);
      const q = Number(d.consumptionIndex);
      const part = (index: number, what: string) => {
        const rel = svRelation(index);
        return rel.percent === 0 ? `${what} i nivå med jämförelsen` : `${what} ${rel.percent} % ${index > 1 ? "mer" : "mindre"} än jämförelsen`;
      };
      return `För invånarna 80 år och äldre är styckkostnadsindex ${svIndex(p)} (${part(p, "insatserna kostar")} per enhet) och konsumtionsindex ${svIndex(q)} (${part(q, "invånarna får")} i volym).`;
    },
  },
  {
    // Needs: a positive total of the per-intervention potential.
    id: "potential",
    make(facts) {
      const ore = facts.potential.totals.interventionsOre;
      const count = facts.potential.interventions.filter((r) => (r.potentialOre ?? 0) > 0).length;
      if (!ore || ore <= 0 || count === 0) return null;
      return `Om varje insats hade haft jämförelsens styckkostnad hade kostnaden varit ${svAmount(ore / 100)} lägre (${count} ${count === 1 ? "insats" : "insatser"} över jämförelsen).`;
    },
  },
  {
    // Always: the data status and the reconciliation.
    id: "status",
    make(facts) {
      const errors = facts.result.problems.filter((p) => p.severity === "error").length;
      const warnings = facts.result.problems.length - errors;
      const r = facts.result.reconciliation;
      const balance = r.balanced ? "ekonomin går ihop på öret" : `ekonomin går inte ihop (differens ${svNumber((r.ledgerTotalOre - r.pooledOre - r.excludedOre - r.uncodedOre) / 100, 2)} kr)`;
      return `Underlaget har ${errors} fel och ${warnings} ${warnings === 1 ? "varning" : "varningar"}, och ${balance} (se KPB Avstämning).`;
    },
  },
];

export function overviewSentences(facts: OverviewFacts): string[] {
  return SENTENCE_RULES.map((r) => r.make(facts)).filter((s): s is string => s !== null);
}
