import type { LedgerRow } from "./model";
import type { LedgerCodes } from "./tracing/types";

/**
 * The ledger's distinct code combinations (Ansvar, Verksamhet, Aktivitet, Konto), numbered in
 * order of first appearance. Coding and the lineage work per combination: extracts repeat the
 * same few thousand on hundreds of thousands of rows.
 */
export interface LedgerCodeIndex {
  /** Per parsed ledger row: index into `codes`. */
  codeOfRow: Int32Array;
  codes: LedgerCodes[];
  /** Per combination: the index of its first ledger row. */
  firstRow: number[];
}

type Level<T> = Map<string, T>;

export function indexLedgerCodes(ledger: LedgerRow[]): LedgerCodeIndex {
  const codeOfRow = new Int32Array(ledger.length);
  const codes: LedgerCodes[] = [];
  const firstRow: number[] = [];
  // One Map per column, nested: the cell texts are looked up as they are, no key string per row.
  // Extracts list a unit's rows together, so a level is looked up only when its text changes
  // (comparing two short texts is cheaper than hashing a fresh one).
  const byAnsvar: Level<Level<Level<Level<number>>>> = new Map();
  let ansvar: string | null = null;
  let verksamhet: string | null = null;
  let aktivitet: string | null = null;
  let byVerksamhet: Level<Level<Level<number>>> | undefined;
  let byAktivitet: Level<Level<number>> | undefined;
  let byKonto: Level<number> = new Map();
  for (let i = 0; i < ledger.length; i++) {
    const r = ledger[i];
    let changed = false;
    if (r.ansvar !== ansvar) {
      ansvar = r.ansvar;
      byVerksamhet = byAnsvar.get(ansvar);
      if (!byVerksamhet) byAnsvar.set(ansvar, (byVerksamhet = new Map()));
      changed = true;
    }
    if (changed || r.verksamhet !== verksamhet) {
      verksamhet = r.verksamhet;
      byAktivitet = byVerksamhet!.get(verksamhet);
      if (!byAktivitet) byVerksamhet!.set(verksamhet, (byAktivitet = new Map()));
      changed = true;
    }
    if (changed || r.aktivitet !== aktivitet) {
      aktivitet = r.aktivitet;
      const found = byAktivitet!.get(aktivitet);
      if (found) byKonto = found;
      else byAktivitet!.set(aktivitet, (byKonto = new Map()));
    }
    let code = byKonto.get(r.konto);
    if (code === undefined) {
      code = codes.length;
      byKonto.set(r.konto, code);
      codes.push({ ansvar: r.ansvar, verksamhet: r.verksamhet, aktivitet: r.aktivitet, konto: r.konto });
      firstRow.push(i);
    }
    codeOfRow[i] = code;
  }
  return { codeOfRow, codes, firstRow };
}
