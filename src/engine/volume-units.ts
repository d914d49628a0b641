import { fold } from "./cells";
import { KEY_FIGURE_NAMES } from "./key-figure-names";
import type { CatalogueEntry, ClientRows, PoolDef } from "./model";
import type { ProblemLog } from "./problems";

/**
 * Volume units are read as what they measure, not as labels. A catalogue `Volymenhet` in a unit
 * the engine knows how to convert is converted when the client rows are read (minuter → timmar
 * always; veckor → dygn where the intervention's published figure is per dygn); a unit that does
 * not fit the intervention's published figure (kr/timme over "besök") keeps its own unit cost in
 * its own unit, and the published figure is not computed, with a problem saying so. Nothing per
 * minute is ever labelled per hour, and the hour bands count hours.
 */
export type UnitFamily = "timmar" | "minuter" | "dygn" | "veckor" | "månader" | "portioner";

const FAMILY: Record<string, UnitFamily> = {
  timmar: "timmar",
  timme: "timmar",
  tim: "timmar",
  h: "timmar",
  minuter: "minuter",
  minut: "minuter",
  min: "minuter",
  dygn: "dygn",
  varddygn: "dygn",
  dagar: "dygn",
  dag: "dygn",
  veckor: "veckor",
  vecka: "veckor",
  manader: "månader",
  manad: "månader",
  man: "månader",
  portioner: "portioner",
  portion: "portioner",
};

/** The family of a volume unit as written in the catalogue, or null when unknown. */
export function unitFamily(unit: string): UnitFamily | null {
  return FAMILY[fold(unit).replace(/\.$/, "")] ?? null;
}

/** The volume unit a published figure is counted in ("kr/timme" → timmar); null for the workbook's own ids. */
export function figureUnitFamily(keyFigure: string): UnitFamily | null {
  const unit = KEY_FIGURE_NAMES[keyFigure]?.unit;
  return unit && unit.startsWith("kr/") ? unitFamily(unit.slice(3)) : null;
}

/** May the figure be computed over volumes in this unit? (Always for ids the add-in does not know.) */
export function figureFitsUnit(keyFigure: string, volumeUnit: string): boolean {
  const wanted = figureUnitFamily(keyFigure);
  return wanted === null || unitFamily(volumeUnit) === wanted;
}

export interface UnitConversion {
  from: string;
  to: string;
  /** Volume in `to` = volume in `from` × numerator ÷ denominator. */
  numerator: number;
  denominator: number;
  how: string;
}

/** How a catalogue unit is converted, or null when it is used as it is. */
export function conversionFor(entry: CatalogueEntry): UnitConversion | null {
  const family = unitFamily(entry.volumeUnit);
  if (family === "minuter") return { from: entry.volumeUnit, to: "timmar", numerator: 1, denominator: 60, how: "÷ 60" };
  if (family === "veckor" && figureUnitFamily(entry.keyFigure) === "dygn") return { from: entry.volumeUnit, to: "dygn", numerator: 7, denominator: 1, how: "× 7" };
  return null;
}

/**
 * The catalogue with converted units, the client volumes converted in place (before anything sums
 * them: pool volumes, keys, client costs and hour bands all see the converted unit), and a problem
 * for each intervention converted or whose unit does not fit its published figure.
 */
export function normaliseVolumeUnits(catalogue: Map<string, CatalogueEntry>, pools: PoolDef[], rows: ClientRows, log: ProblemLog): Map<string, CatalogueEntry> {
  const out = new Map(catalogue);
  const factorOfPool = new Map<string, UnitConversion>();
  const seen = new Set<string>();
  for (const p of pools) {
    if (p.kind !== "insats") continue;
    const key = fold(p.insats);
    const entry = catalogue.get(key);
    if (!entry) continue;
    const conversion = conversionFor(entry);
    if (conversion) factorOfPool.set(p.id, conversion);
    if (seen.has(key)) continue;
    seen.add(key);
    const place = { table: "Pooler" as const, row: p.row, column: "Insats" };
    const unit = conversion ? conversion.to : entry.volumeUnit;
    // "tim", "h", "timme": the same hours, written as everywhere else (kr/timme, not kr/tim).
    if (!conversion && unitFamily(unit) === "timmar" && unit !== "timmar") out.set(key, { ...entry, volumeUnit: "timmar" });
    if (conversion) {
      out.set(key, { ...entry, volumeUnit: conversion.to });
      log.warning("volumeUnitConverted", place, { insats: p.insats, from: conversion.from, to: conversion.to, how: conversion.how });
    }
    if (entry.keyFigure && !figureFitsUnit(entry.keyFigure, unit)) {
      log.warning("volumeUnitMismatch", place, { insats: p.insats, unit: unit || "(ingen)", keyFigure: entry.keyFigure, figureUnit: KEY_FIGURE_NAMES[entry.keyFigure]!.unit });
    }
  }
  if (factorOfPool.size > 0) {
    const factorOf = rows.text.pool.map((pool) => factorOfPool.get(pool));
    for (let i = 0; i < rows.length; i++) {
      const c = factorOf[rows.pool[i]];
      if (c) rows.volumeMicro[i] = Math.round((rows.volumeMicro[i] * c.numerator) / c.denominator);
    }
  }
  return out;
}
