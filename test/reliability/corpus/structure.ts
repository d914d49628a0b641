import type { CorpusCase } from "./types";
import { BASE, baseTables, pool, setCell, toInput, variant } from "./base";

/** Tables and columns: missing, doubled, renamed, offset, with titles, totals and blank rows. */
export const STRUCTURE_CASES: CorpusCase[] = [
  {
    id: "table-missing",
    title: "Brukare is not in the workbook",
    input: variant((t) => delete (t as Partial<typeof t>).Brukare),
    outcome: "refused",
    problems: [
      { code: "tableMissing", severity: "error", table: "Brukare", row: null, column: null, message: "Tabellen Brukare saknas, och beräkningen behöver den. Lägg till tabellen eller peka ut den under Källdata." },
    ],
  },
  {
    id: "table-empty",
    title: "Brukare has its header and no rows",
    input: variant((t) => (t.Brukare = [t.Brukare[0]])),
    outcome: "refused",
    problems: [{ code: "tableEmpty", severity: "error", table: "Brukare", row: 1, column: null, message: "Tabellen Brukare har inga datarader. Fyll i raderna eller peka ut rätt tabell under Källdata." }],
  },
  {
    id: "header-not-found",
    title: "Pooler has no recognisable header in its first 20 rows",
    input: variant((t) => (t.Pooler = [["Kostnadsställe", "Namn", "Sort"], ["OH", "Ledning", "x"]])),
    outcome: "refused",
    problems: [
      {
        code: "headerNotFound",
        severity: "error",
        table: "Pooler",
        row: 1,
        column: null,
        message: "Hittar ingen rubrikrad i Pooler. Rubrikraden ska ha kolumnerna Pool, Insats, Regi, Typ. Skriv rubrikerna eller koppla kolumnerna under Källdata.",
      },
    ],
  },
  {
    id: "column-missing",
    title: "Ekonomi has no Belopp column",
    input: variant((t) => (t.Ekonomi = t.Ekonomi.map((r) => r.filter((_, i) => i !== 4)))),
    outcome: "refused",
    problems: [
      { code: "columnMissing", severity: "error", table: "Ekonomi", row: 1, column: "Belopp", message: "Kolumnen Belopp saknas i Ekonomi (rubrikrad 1). Lägg till kolumnen eller koppla en befintlig kolumn till den under Källdata." },
    ],
  },
  {
    id: "column-missing-birth-year",
    title: "Brukare has neither Födelseår nor Ålder",
    input: variant((t) => (t.Brukare = t.Brukare.map((r) => r.filter((_, i) => i !== 1)))),
    outcome: "refused",
    problems: [
      {
        code: "columnMissing",
        severity: "error",
        table: "Brukare",
        row: 1,
        column: "Födelseår",
        message: "Kolumnen Födelseår (eller Ålder) saknas i Brukare (rubrikrad 1). Lägg till kolumnen eller koppla en befintlig kolumn till den under Källdata.",
      },
    ],
  },
  {
    id: "column-duplicated",
    title: "Ekonomi has Belopp twice (E and G)",
    input: variant((t) => (t.Ekonomi = t.Ekonomi.map((r, i) => [...r, i === 0 ? "belopp" : 1]))),
    outcome: "refused",
    problems: [
      {
        code: "columnDuplicated",
        severity: "error",
        table: "Ekonomi",
        row: 1,
        column: "Belopp",
        message: "Kolumnen Belopp finns två gånger i Ekonomi (E, G). Ta bort eller byt namn på den ena.",
      },
    ],
  },
  {
    id: "column-duplicated-by-alias",
    title: "Ekonomi has both Belopp and its English name Amount",
    input: variant((t) => (t.Ekonomi = t.Ekonomi.map((r, i) => [...r, i === 0 ? "Amount" : 1]))),
    outcome: "refused",
    problems: [
      {
        code: "columnDuplicated",
        severity: "error",
        table: "Ekonomi",
        row: 1,
        column: "Belopp",
        message: "Kolumnen Belopp finns två gånger i Ekonomi (E, G). Ta bort eller byt namn på den ena.",
      },
    ],
  },
  {
    id: "headers-english",
    title: "every header in English",
    input: variant((t) => {
      t.Ekonomi[0] = ["Responsibility", "Operation", "Activity", "Account", "Amount", "Description"];
      t.Kodning[0] = ["Cost centre", "Function", "Activity", "Account", "Target", "Reason"];
      t.Pooler[0] = ["Pool id", "Intervention", "Unit", "Provision", "Type", "Allocation", "Receivers", "Places"];
      t.Brukare[0] = ["Client id", "Birth year", "Sex", "Pool", "Volume", "Month", "Housing"];
      t.Befolkning[0] = ["Age group", "Population"];
      t.Inställningar[0] = ["Setting", "Value"];
    }),
    outcome: "ok",
    problems: [],
    check: (r) => {
      expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre);
      expect(pool(r, "HT").costOre).toBe(BASE.htCostOre);
      expect(r.municipality).toBe("Testby");
    },
  },
  {
    id: "headers-other-case",
    title: "headers in upper and lower case, Swedish letters folded, padded with spaces",
    input: variant((t) => {
      t.Ekonomi[0] = ["ANSVAR", "verksamhet", " Aktivitet ", "KONTO", "belopp", "TEXT"];
      t.Brukare[0] = ["brukarid", "FODELSEAR", "kön", "POOL", "volym", "PERIOD", "boendeform"];
    }),
    outcome: "ok",
    problems: [],
    check: (r) => {
      expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre);
      expect(r.clients.map((c) => c.id)).toEqual(["A1", "A2", "A3"]);
    },
  },
  {
    id: "title-line-above-header",
    title: "a merged title line and a blank line above the header; data rows are numbered from the sheet",
    input: variant((t) => {
      setCell(t.Ekonomi, 3, "Belopp", "åtta tusen");
      t.Ekonomi = [["Huvudbok Testby 2024", null, null, null, null, null], [null, null, null, null, null, null], ...t.Ekonomi];
    }),
    outcome: "refused",
    problems: [
      {
        code: "notANumber",
        severity: "error",
        table: "Ekonomi",
        row: 5,
        column: "Belopp",
        cell: "E5",
        message: "\"åtta tusen\" är inte ett belopp i kronor. Skriv ett tal, t.ex. 1\u00a0234,50.",
      },
    ],
  },
  {
    id: "merged-header-cells",
    title: "a two-row merged header: group titles above, Belopp merged over two columns (exceljs: value in the first, null in the rest)",
    input: variant((t) => {
      t.Ekonomi = [
        ["Kontering", null, null, null, "Utfall", null, null],
        ["Ansvar", "Verksamhet", "Aktivitet", "Konto", "Belopp", null, "Text"],
        ...t.Ekonomi.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], null, r[5]]),
      ];
    }),
    outcome: "ok",
    problems: [],
    check: (r) => expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre),
  },
  {
    id: "table-offset-addresses",
    title: "a table that starts in C5: rows and cell addresses follow the sheet",
    input: (() => {
      const t = baseTables();
      setCell(t.Brukare, 3, "Volym", "tio");
      const input = toInput(t);
      input.Brukare = { ...input.Brukare!, firstRow: 5, firstColumn: 3 };
      return input;
    })(),
    outcome: "refused",
    problems: [
      {
        code: "notANumber",
        severity: "error",
        table: "Brukare",
        row: 7,
        column: "Volym",
        cell: "G7",
        message: "\"tio\" är inte en volym. Skriv antalet timmar, dygn eller andra volymenheter som tal, t.ex. 12,5.",
      },
    ],
  },
  {
    id: "blank-and-whitespace-rows",
    title: "empty rows, rows of spaces and no-break spaces, and short rows between the data",
    input: variant((t) => {
      t.Ekonomi.splice(2, 0, [null, null, null, null, null, null], ["  ", "\u00a0", "", "\t", " ", ""], []);
      t.Brukare.splice(3, 0, [undefined, null, "   "]);
    }),
    outcome: "ok",
    problems: [],
    check: (r) => {
      expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre);
      expect(r.clients).toHaveLength(3);
    },
  },
  {
    id: "totals-row-at-bottom",
    title: "a Summa row and a Totalt: row at the end of Ekonomi are not counted twice",
    input: variant((t) => {
      t.Ekonomi.push(["Summa", null, null, null, 14500, null]);
      t.Ekonomi.push([null, null, null, null, 14500, "Totalt:"]);
    }),
    outcome: "ok",
    problems: [
      { code: "totalsRowSkipped", severity: "warning", table: "Ekonomi", row: 6, column: null, message: "Raden har \"Summa\" i en kodkolumn (Ansvar, Verksamhet, Aktivitet, Konto) och räknas som summeringsrad: 14\u00a0500,00\u00a0kr räknas inte. Raden redovisas på KPB Avstämning; är det en vanlig rad, skriv dess koder." },
      { code: "totalsRowSkipped", severity: "warning", table: "Ekonomi", row: 7, column: null, message: "Raden saknar koder (Ansvar, Verksamhet, Aktivitet, Konto) och räknas som summeringsrad (\"Totalt:\"): 14\u00a0500,00\u00a0kr räknas inte. Raden redovisas på KPB Avstämning; är det en vanlig rad, skriv dess koder." },
    ],
    check: (r) => expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre),
  },
  {
    id: "rows-of-other-years",
    title: "Ekonomi carries an År column with last year's rows too",
    input: variant((t) => {
      t.Ekonomi = t.Ekonomi.map((r, i) => [...r, i === 0 ? "År" : 2024]);
      t.Ekonomi.push(["200", "1", "", "5110", 99999, "Förra året", 2023]);
    }),
    outcome: "ok",
    problems: [
      {
        code: "otherYearRows",
        severity: "warning",
        table: "Ekonomi",
        row: 6,
        column: "År",
        cell: "G6",
        message: "1 rad gäller år 2023, inte körningsåret 2024, och räknas inte (på rad 6; 99\u00a0999,00\u00a0kr). Den redovisas på KPB Avstämning. Ta bort raden eller ändra År i Inställningar.",
      },
    ],
    check: (r) => expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre),
  },
  {
    id: "required-code-empty",
    title: "a ledger row without Konto is reported, not dropped silently",
    input: variant((t) => setCell(t.Ekonomi, 3, "Konto", "  ")),
    outcome: "refused",
    problems: [{ code: "requiredEmpty", severity: "error", table: "Ekonomi", row: 3, column: "Konto", cell: "D3", message: "Konto är tom, så raden räknas inte. Fyll i Konto." }],
  },
  {
    id: "ledger-row-uncoded",
    title: "a ledger row no rule matches ends in 'ej kodat', visible and reconciled",
    input: variant((t) => t.Ekonomi.push(["777", "7", "", "4000", 250, "Okänt"])),
    outcome: "ok",
    problems: [
      {
        code: "uncodedRow",
        severity: "warning",
        table: "Ekonomi",
        row: 6,
        column: "Konto",
        message: "Raden (Ansvar 777, Verksamhet 7, Konto 4000, 250,00\u00a0kr) matchar ingen kodningsregel och redovisas som ej kodat. Lägg till en regel i Kodning som kodar den till en pool eller till EXKL.",
      },
    ],
    check: (r) => {
      expect(r.reconciliation.uncodedOre).toBe(25_000);
      expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre + 25_000);
    },
  },
  {
    id: "coding-unknown-target",
    title: "a coding rule sends costs to a pool that Pooler lacks",
    input: variant((t) => setCell(t.Kodning, 4, "Till", "HT_NORR")),
    outcome: "refused",
    problems: [
      { code: "unknownTarget", severity: "error", table: "Kodning", row: 4, column: "Till", message: "Till = \"HT_NORR\" är varken en pool i Pooler eller EXKL. Lägg till poolen i Pooler eller rätta Till." },
    ],
  },
];
