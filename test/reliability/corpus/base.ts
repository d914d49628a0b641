import type { CellValue, KpbResult, TableName, WorkbookInput } from "../../../src/engine/model";

/**
 * The corpus's clean workbook (Testby 2024): three pools, four clients, every number easy to
 * check by hand. It runs with no problems at all; each case breaks one thing in a copy.
 *
 *   Ekonomi:  OH 1 000 kr (support, by direct cost) · HT 8 000 kr · SABO 6 000 kr · fees −500 kr (excluded)
 *   Brukare:  A1 and A2 in HT (20 + 20 h), A3 in SABO (31 + 29 dygn)
 *   OH 1 000 kr → HT 571,43 kr and SABO 428,57 kr; HT 8 571,43 kr over 40 h; SABO 6 428,57 kr over 60 dygn.
 */
export type Tables = Record<TableName, CellValue[][]>;

export const YEAR = 2024;

export function baseTables(): Tables {
  return {
    Ekonomi: [
      ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", "Text"],
      ["100", "1", "", "5110", 1000, "Lön ledning"],
      ["200", "1", "", "5110", 8000, "Lön hemtjänst"],
      ["300", "1", "", "5110", 6000, "Lön särskilt boende"],
      ["900", "9", "", "3410", -500, "Omsorgsavgifter"],
    ],
    Kodning: [
      ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Till", "Orsak"],
      ["", "", "", "3410", "EXKL", "Avgifter ingår inte i KPB"],
      ["100", "", "", "", "OH", ""],
      ["200", "", "", "", "HT", ""],
      ["300", "", "", "", "SABO", ""],
    ],
    Pooler: [
      ["Pool", "Insats", "Enhet", "Regi", "Typ", "Fördelning", "Mottagare", "Platser"],
      ["OH", "Förvaltning", "Ledning", "egen", "stöd", "kostnad", "*", null],
      ["HT", "Hemtjänst", "Hemtjänst Norr", "egen", "insats", null, null, null],
      ["SABO", "Särskilt boende", "Eken", "egen", "insats", null, null, 2],
    ],
    Nycklar: [["Från", "Till", "Andel"]],
    Insatskatalog: [
      ["Insats", "Område", "Volymenhet", "Nyckeltal"],
      ["Hemtjänst", "ÄO", "timmar", "hemtjanst_egen_kr_timme"],
      ["Särskilt boende", "ÄO", "dygn", "sabo_egen_kr_dygn_inkl_hsl"],
    ],
    Brukare: [
      ["BrukarID", "Födelseår", "Kön", "Pool", "Volym", "Period", "Boendeform"],
      ["A1", 1940, "K", "HT", 10, "2024-01", "Ordinärt"],
      ["A1", 1940, "K", "HT", 10, "2024-02", "Ordinärt"],
      ["A2", 1950, "M", "HT", 20, "2024-01", "Ordinärt"],
      ["A3", 1935, "K", "SABO", 31, "2024-01", "Särskilt"],
      ["A3", 1935, "K", "SABO", 29, "2024-02", "Särskilt"],
    ],
    Befolkning: [
      ["Åldersgrupp", "Antal"],
      ["0-19", 100],
      ["20-64", 300],
      ["65-79", 80],
      ["80-w", 40],
    ],
    Jämförelse: [
      ["Nyckeltal", "Värde", "Källa", "År", "Kommun"],
      ["hemtjanst_egen_kr_timme", 200, "Testkälla", 2023, "Snitt"],
    ],
    Inställningar: [
      ["Inställning", "Värde"],
      ["År", YEAR],
      ["Kommun", "Testby"],
    ],
  };
}

/** The tables as the engine gets them: each on a sheet of its own name, header in row 1. */
export function toInput(tables: Partial<Tables>): WorkbookInput {
  const input: WorkbookInput = {};
  for (const [name, rows] of Object.entries(tables) as [TableName, CellValue[][]][]) {
    if (rows) input[name] = { rows, sheet: name };
  }
  return input;
}

/** A copy of the base workbook changed by `change` (which may edit the copy in place). */
export function variant(change: (t: Tables) => void): WorkbookInput {
  const t = baseTables();
  change(t);
  return toInput(t);
}

/** Sets one cell of a table by sheet row (1 = header) and header name. */
export function setCell(rows: CellValue[][], sheetRow: number, header: string, value: CellValue): void {
  const column = rows[0].indexOf(header);
  if (column < 0) throw new Error(`no column ${header}`);
  rows[sheetRow - 1][column] = value;
}

export function pool(result: KpbResult, id: string) {
  const p = result.pools.find((x) => x.pool === id);
  if (!p) throw new Error(`no pool ${id}`);
  return p;
}

export function clientById(result: KpbResult, id: string) {
  const c = result.clients.find((x) => x.id === id);
  if (!c) throw new Error(`no client ${id}`);
  return c;
}

/** The base workbook's reconciliation in öre (checks that nothing else moved). */
export const BASE = {
  ledgerTotalOre: 1_450_000,
  pooledOre: 1_500_000,
  excludedOre: -50_000,
  htCostOre: 857_143,
  saboCostOre: 642_857,
};
