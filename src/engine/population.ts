import type { PopulationRow, Settings } from "./model";
import type { ProblemLog } from "./problems";
import { parseAgeGroupLabel } from "./settings";

/**
 * Inhabitants per age group of the settings. Rows may be the groups themselves or finer (single
 * years, 80-84 …): each row is added to the group that contains it.
 */
export function populationByGroup(rows: PopulationRow[], settings: Settings, log: ProblemLog): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const g = parseAgeGroupLabel(r.group)!;
    const target = settings.ageGroups.find((s) => g.from >= s.from && (s.to === null || (g.to !== null && g.to <= s.to)));
    if (!target) {
      log.warning("unknownAgeGroup", { table: "Befolkning", row: r.row, column: "Åldersgrupp" }, { value: r.group });
      continue;
    }
    out.set(target.label, (out.get(target.label) ?? 0) + r.count);
  }
  return out;
}
