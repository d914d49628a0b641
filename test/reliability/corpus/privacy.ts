import type { CorpusCase } from "./types";
import { setCell, variant } from "./base";

/** Personnummer where they do not belong: replaced by pseudonyms, warned about, never quoted. */
export const PRIVACY_CASES: CorpusCase[] = [
  {
    id: "pnr-as-client-id",
    title: "client ids that are personnummer (12 digits with dash, 10 digits, plus sign, samordningsnummer)",
    input: variant((t) => {
      setCell(t.Brukare, 2, "BrukarID", "19400312-1235");
      setCell(t.Brukare, 3, "BrukarID", "194003121235");
      setCell(t.Brukare, 4, "BrukarID", "500101+4322");
      setCell(t.Brukare, 5, "BrukarID", "350371-2220");
      setCell(t.Brukare, 6, "BrukarID", "350371-2220");
    }),
    outcome: "ok",
    problems: [
      {
        code: "personalIdentityNumber",
        severity: "warning",
        table: "Brukare",
        row: null,
        column: "BrukarID",
        message: "4 brukar-id ser ut som personnummer eller samordningsnummer. De skrivs aldrig ut; resultaten visar en pseudonym i stället. Spara pseudonymiseringsnyckeln så att samma brukare får samma pseudonym nästa år.",
      },
    ],
    check: (r) => {
      expect(r.clients.every((c) => /^B-[0-9a-f]{12}$/.test(c.id))).toBe(true);
      // The dashed and undashed forms of one number are one pseudonym.
      expect(new Set(r.clients.map((c) => c.id)).size).toBe(3);
    },
  },
  {
    id: "pnr-in-client-id-with-prefix",
    title: "a personnummer inside a longer client id",
    input: variant((t) => {
      setCell(t.Brukare, 4, "BrukarID", "HT/19500101-4322");
    }),
    outcome: "ok",
    problems: [
      {
        code: "personalIdentityNumber",
        severity: "warning",
        table: "Brukare",
        row: null,
        column: "BrukarID",
        message: { contains: "1 brukar-id ser ut som personnummer" },
      },
    ],
    check: (r) => expect(r.clients.filter((c) => c.id.startsWith("B-"))).toHaveLength(1),
  },
  {
    id: "pnr-in-other-client-cells",
    title: "personnummer typed into Kön and Boendeform of Brukare",
    input: variant((t) => {
      setCell(t.Brukare, 4, "Kön", "19500101-4322");
      setCell(t.Brukare, 5, "Boendeform", "Särskilt, se 350311-2223");
    }),
    outcome: "ok",
    problems: [
      {
        code: "personalDataInCells",
        severity: "warning",
        table: "Brukare",
        row: 4,
        column: "Kön",
        cell: "C4",
        message:
          "1 cell i Kön (på rad 4) innehåller något som ser ut som ett personnummer eller samordningsnummer. Det skrivs aldrig ut; en pseudonym används i stället. Ta bort personnumret ur indata.",
      },
      {
        code: "personalDataInCells",
        severity: "warning",
        table: "Brukare",
        row: 5,
        column: "Boendeform",
        message: { contains: "1 cell i Boendeform (på rad 5)" },
      },
    ],
  },
  {
    id: "pnr-in-ledger-text",
    title: "personnummer in Ekonomi.Text (a payment to a named client)",
    input: variant((t) => {
      setCell(t.Ekonomi, 3, "Text", "Ersättning 19400312-1235 mars");
      setCell(t.Ekonomi, 4, "Text", "Retroaktivt 4003121235");
    }),
    outcome: "ok",
    problems: [
      {
        code: "personalDataInCells",
        severity: "warning",
        table: "Ekonomi",
        row: 3,
        column: "Text",
        cell: "F3",
        message: { contains: "2 celler i Text (den första på rad 3)" },
      },
    ],
  },
  {
    id: "pnr-in-pool-id",
    title: "a pool named after a placed client: the same pseudonym in Pooler, Kodning and Brukare, so it still matches",
    input: variant((t) => {
      setCell(t.Pooler, 3, "Pool", "HVB 20100312-1231");
      setCell(t.Kodning, 4, "Till", "HVB 20100312-1231");
      for (const r of [2, 3, 4]) setCell(t.Brukare, r, "Pool", "HVB 201003121231");
    }),
    outcome: "ok",
    problems: [
      { code: "personalDataInCells", severity: "warning", table: "Pooler", row: 3, column: "Pool", message: { contains: "1 cell i Pool (på rad 3)" } },
      { code: "personalDataInCells", severity: "warning", table: "Kodning", row: 4, column: "Till", message: { contains: "1 cell i Till (på rad 4)" } },
      { code: "personalDataInCells", severity: "warning", table: "Brukare", row: 2, column: "Pool", message: { contains: "3 celler i Pool (den första på rad 2)" } },
    ],
    check: (r) => {
      const hvb = r.pools.find((p) => p.pool.startsWith("HVB B-"))!;
      expect(hvb.costOre).toBe(857_143);
      expect(hvb.volumeMicro).toBe(40_000_000);
    },
  },
  {
    id: "pnr-quoted-by-a-message",
    title: "a personnummer in a number cell is reported without quoting it",
    input: variant((t) => setCell(t.Brukare, 3, "Volym", "19400312-1235")),
    outcome: "refused",
    problems: [
      {
        code: "notANumber",
        severity: "error",
        table: "Brukare",
        row: 3,
        column: "Volym",
        message: "\"(personnummer dolt)\" är inte en volym. Skriv antalet timmar, dygn eller andra volymenheter som tal, t.ex. 12,5.",
      },
    ],
  },
  {
    id: "pnr-in-duplicate-row-message",
    title: "a warning about a client whose id is a personnummer names the row, not the number",
    input: variant((t) => {
      setCell(t.Brukare, 4, "BrukarID", "19500101-4322");
      t.Brukare.push(["19500101-4322", 1950, "M", "HT", 1, "2024-01", "Ordinärt"]);
    }),
    outcome: "ok",
    problems: [
      {
        code: "duplicateClientRow",
        severity: "warning",
        table: "Brukare",
        row: 7,
        column: "Period",
        message: "Brukare (personnummer dolt), pool HT, period 2024-01 finns redan på rad 4, så volymerna läggs ihop. Ta bort dubbletten om den inte är avsiktlig.",
      },
      { code: "personalIdentityNumber", severity: "warning", table: "Brukare", row: null, column: "BrukarID", message: { contains: "1 brukar-id" } },
    ],
  },
];
