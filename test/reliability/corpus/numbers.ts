import type { CorpusCase } from "./types";
import { BASE, pool, setCell, variant } from "./base";

/** Row 3 of Ekonomi is HT's 8 000 kr; these cases write it in other ways. */
const htAmount = (value: unknown) => variant((t) => setCell(t.Ekonomi, 3, "Belopp", value as never));
/** HT's direct cost for an amount of `kr` kronor (in öre). */
const htDirect = (ore: number) => (r: Parameters<NonNullable<CorpusCase["check"]>>[0]) => {
  expect(pool(r, "HT").directOre).toBe(ore);
  expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre - 800_000 + ore);
};

/** Row 5 of Ekonomi is the excluded fee row, −500 kr. */
const feeAmount = (value: unknown) => variant((t) => setCell(t.Ekonomi, 5, "Belopp", value as never));
const excluded = (ore: number) => (r: Parameters<NonNullable<CorpusCase["check"]>>[0]) => {
  expect(r.reconciliation.excludedOre).toBe(ore);
  expect(r.reconciliation.ledgerTotalOre).toBe(BASE.ledgerTotalOre + 50_000 + ore);
};

/** Amounts and other numbers as text, as extracts and hand-typed sheets carry them. */
export const NUMBER_CASES: CorpusCase[] = [
  {
    id: "text-in-number-column",
    title: "words in Belopp",
    input: htAmount("ca åtta tusen"),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Ekonomi", row: 3, column: "Belopp", cell: "E3", message: "\"ca åtta tusen\" är inte ett belopp i kronor. Skriv ett tal, t.ex. 1\u00a0234,50." },
    ],
  },
  {
    id: "amount-swedish-spaces",
    title: "1 234,50 with a no-break space, as Swedish Excel exports it",
    input: htAmount("8\u00a0000,50"),
    outcome: "ok",
    problems: [],
    check: htDirect(800_050),
  },
  {
    id: "amount-swedish-thin-space-and-kr",
    title: "a thin-space group, a minus sign (U+2212) and a currency suffix (the fee row)",
    input: feeAmount("\u22121\u2009500,50 kr"),
    outcome: "ok",
    problems: [],
    check: excluded(-150_050),
  },
  {
    id: "amount-dot-thousands",
    title: "1.234,50: dot for thousands, comma for decimals",
    input: htAmount("8.000,50"),
    outcome: "ok",
    problems: [],
    check: htDirect(800_050),
  },
  {
    id: "amount-english",
    title: "1,234.50: comma for thousands, dot for decimals",
    input: htAmount("8,000.50"),
    outcome: "ok",
    problems: [],
    check: htDirect(800_050),
  },
  {
    id: "amount-ambiguous-comma",
    title: "1,234 in Belopp is ambiguous; money has two decimals, so it is read as 1 234 kr with a warning",
    input: htAmount("8,125"),
    outcome: "ok",
    problems: [
      {
        code: "ambiguousNumber",
        severity: "warning",
        table: "Ekonomi",
        row: 3,
        column: "Belopp",
        cell: "E3",
        message: "\"8,125\" kan betyda 8,125 (med decimaltecken) eller 8\u00a0125 (med tusentalsavgränsare) och har lästs som 8\u00a0125. Skriv talet så att det bara kan läsas på ett sätt, t.ex. 1\u00a0234,50.",
      },
    ],
    check: htDirect(812_500),
  },
  {
    id: "amount-ambiguous-dot",
    title: "1.234 in Belopp is ambiguous too, and read the same way",
    input: htAmount("8.125"),
    outcome: "ok",
    problems: [
      {
        code: "ambiguousNumber",
        severity: "warning",
        table: "Ekonomi",
        row: 3,
        column: "Belopp",
        message: "\"8.125\" kan betyda 8,125 (med decimaltecken) eller 8\u00a0125 (med tusentalsavgränsare) och har lästs som 8\u00a0125. Skriv talet så att det bara kan läsas på ett sätt, t.ex. 1\u00a0234,50.",
      },
    ],
    check: htDirect(812_500),
  },
  {
    id: "volume-ambiguous",
    title: "1,250 in Volym is read as a decimal (1,25 h) with a warning",
    input: variant((t) => setCell(t.Brukare, 2, "Volym", "1,250")),
    outcome: "ok",
    problems: [
      {
        code: "ambiguousNumber",
        severity: "warning",
        table: "Brukare",
        row: 2,
        column: "Volym",
        cell: "E2",
        message: "\"1,250\" kan betyda 1,25 (med decimaltecken) eller 1\u00a0250 (med tusentalsavgränsare) och har lästs som 1,25. Skriv talet så att det bara kan läsas på ett sätt, t.ex. 1\u00a0234,50.",
      },
    ],
    check: (r) => expect(pool(r, "HT").volumeMicro).toBe(31_250_000),
  },
  {
    id: "amount-too-many-decimals",
    title: "an amount in öre fractions is rounded to the öre with a warning",
    input: htAmount("8000,1255"),
    outcome: "ok",
    problems: [
      {
        code: "tooManyDecimals",
        severity: "warning",
        table: "Ekonomi",
        row: 3,
        column: "Belopp",
        message: "Beloppet 8000,1255 har fler än två decimaler och har avrundats till 8\u00a0000,13\u00a0kr. Skriv beloppet på öret om avrundningen inte stämmer.",
      },
    ],
    check: htDirect(800_013),
  },
  {
    id: "amount-in-parentheses",
    title: "(1 500,50) is a negative amount, as accountants write it",
    input: feeAmount("(1 500,50)"),
    outcome: "ok",
    problems: [],
    check: excluded(-150_050),
  },
  {
    id: "amount-1e15",
    title: "an amount of 10^15 kr is refused, not summed",
    input: htAmount(1e15),
    outcome: "refused",
    problems: [
      {
        code: "amountTooLarge",
        severity: "error",
        table: "Ekonomi",
        row: 3,
        column: "Belopp",
        message: "Beloppet 1000000000000000 är orimligt stort (över 1\u00a0000 miljarder kr), så raden räknas inte. Kontrollera beloppet.",
      },
    ],
  },
  {
    id: "amounts-overflow-in-sum",
    title: "200 rows of 900 billion kr each: every row is plausible, their sum cannot be computed exactly",
    input: variant((t) => {
      for (let i = 0; i < 200; i++) t.Ekonomi.push(["200", "1", "", "5110", 9e11, "Stort"]);
    }),
    outcome: "refused",
    problems: [
      { code: "moneyOverflow", severity: "error", table: "Körning", row: null, column: null, message: "Beloppen är för stora för att räknas exakt. Kontrollera att beloppen i Ekonomi är i kronor." },
    ],
  },
  {
    id: "nan-in-number-cell",
    title: "NaN in Belopp (a hand-built input; Excel never sends it)",
    input: htAmount(Number.NaN),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Ekonomi", row: 3, column: "Belopp", message: "\"NaN\" är inte ett belopp i kronor. Skriv ett tal, t.ex. 1\u00a0234,50." },
    ],
  },
  {
    id: "infinity-in-volume",
    title: "Infinity and -Infinity in Volym",
    input: variant((t) => {
      setCell(t.Brukare, 2, "Volym", Number.POSITIVE_INFINITY);
      setCell(t.Brukare, 4, "Volym", Number.NEGATIVE_INFINITY);
    }),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Brukare", row: 2, column: "Volym", message: "\"Infinity\" är inte en volym. Skriv antalet timmar, dygn eller andra volymenheter som tal, t.ex. 12,5." },
      { code: "notANumber", severity: "error", table: "Brukare", row: 4, column: "Volym", message: "\"-Infinity\" är inte en volym. Skriv antalet timmar, dygn eller andra volymenheter som tal, t.ex. 12,5." },
    ],
  },
  {
    id: "negative-zero-amount",
    title: "-0 is zero (the fee row)",
    input: feeAmount(-0),
    outcome: "ok",
    problems: [],
    check: (r) => {
      excluded(0)(r);
      expect(r.reconciliation.excludedOre).toBe(0);
    },
  },
  {
    id: "boolean-in-number-cell",
    title: "TRUE in Belopp (a checkbox column mapped by mistake)",
    input: htAmount(true),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Ekonomi", row: 3, column: "Belopp", message: "\"SANT\" är inte ett belopp i kronor. Skriv ett tal, t.ex. 1\u00a0234,50." },
    ],
  },
  {
    id: "date-in-number-cell",
    title: "a date in Belopp",
    input: htAmount(new Date(Date.UTC(2024, 2, 1))),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Ekonomi", row: 3, column: "Belopp", message: "\"2024-03-01\" är inte ett belopp i kronor. Skriv ett tal, t.ex. 1\u00a0234,50." },
    ],
  },
  {
    id: "invalid-date-object",
    title: "an Invalid Date in a code and a number cell does not crash the reader",
    input: variant((t) => {
      setCell(t.Ekonomi, 3, "Belopp", new Date(Number.NaN));
      setCell(t.Ekonomi, 4, "Ansvar", new Date(Number.NaN));
    }),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Ekonomi", row: 3, column: "Belopp", message: "\"ogiltigt datum\" är inte ett belopp i kronor. Skriv ett tal, t.ex. 1\u00a0234,50." },
      { code: "requiredEmpty", severity: "error", table: "Ekonomi", row: 4, column: "Ansvar", message: "Ansvar är tom, så raden räknas inte. Fyll i Ansvar." },
    ],
  },
  {
    id: "error-value-in-amount",
    title: "#N/A from a failed lookup in Belopp says so, instead of 'expected a number'",
    input: htAmount("#N/A"),
    outcome: "refused",
    problems: [
      {
        code: "cellErrorValue",
        severity: "error",
        table: "Ekonomi",
        row: 3,
        column: "Belopp",
        cell: "E3",
        message: "Belopp innehåller Excels felvärde #N/A (en formel som inte gick att räkna ut), så raden räknas inte. Rätta formeln eller skriv in värdet.",
      },
    ],
  },
  {
    id: "error-value-in-code",
    title: "#REF! in Brukare.Pool is an error value, not a pool called '#REF!'",
    input: variant((t) => setCell(t.Brukare, 4, "Pool", "#REF!")),
    outcome: "refused",
    problems: [
      {
        code: "cellErrorValue",
        severity: "error",
        table: "Brukare",
        row: 4,
        column: "Pool",
        cell: "D4",
        message: "Pool innehåller Excels felvärde #REF! (en formel som inte gick att räkna ut), så raden räknas inte. Rätta formeln eller skriv in värdet.",
      },
    ],
  },
  {
    id: "error-value-in-description",
    title: "#VALUE! in Ekonomi.Text only describes the row: the text is read as empty, the amount counts",
    input: variant((t) => setCell(t.Ekonomi, 3, "Text", "#VALUE!")),
    outcome: "ok",
    problems: [
      {
        code: "cellErrorValueBlank",
        severity: "warning",
        table: "Ekonomi",
        row: 3,
        column: "Text",
        cell: "F3",
        message: "Text innehåller Excels felvärde #VALUE! (en formel som inte gick att räkna ut) och läses som tom. Rätta formeln eller skriv in värdet.",
      },
    ],
    check: htDirect(800_000),
  },
  {
    id: "error-value-in-benchmark",
    title: "#N/A in Jämförelse.Värde leaves the benchmark row out with a warning",
    input: variant((t) => setCell(t.Jämförelse, 2, "Värde", "#N/A")),
    outcome: "ok",
    problems: [
      {
        code: "cellErrorValueSkipped",
        severity: "warning",
        table: "Jämförelse",
        row: 2,
        column: "Värde",
        message: "Värde innehåller Excels felvärde #N/A (en formel som inte gick att räkna ut), så raden används inte. Rätta formeln eller skriv in värdet.",
      },
    ],
    check: (r) => expect(r.benchmark).toEqual([]),
  },
  {
    id: "very-long-text",
    title: "100 000 characters in a number cell: the message quotes only the start",
    input: htAmount("x".repeat(100_000)),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Ekonomi", row: 3, column: "Belopp", message: { contains: '"xxxxxxxx' } },
    ],
    checkProblems: (problems) => {
      expect(problems[0].message.length).toBeLessThan(200);
      expect(problems[0].message).toContain("…");
    },
  },
  {
    id: "very-long-text-in-descriptions",
    title: "100 000 characters in Text and a 5 000-character client id are data, not a crash",
    input: variant((t) => {
      setCell(t.Ekonomi, 3, "Text", "lång text ".repeat(10_000));
      setCell(t.Brukare, 4, "BrukarID", "B".repeat(5_000));
    }),
    outcome: "ok",
    problems: [],
    check: (r) => expect(r.clients.map((c) => c.id.length).sort((a, b) => a - b)).toEqual([2, 2, 5_000]),
  },
];

NUMBER_CASES.push({
  id: "benchmark-implausible",
  title: "benchmark values of −9,8·10^28 and 5·10^-324 (broken lookups) are left out with a warning instead of overflowing the potential or the index",
  input: variant((t) => {
    setCell(t.Jämförelse, 2, "Värde", -9.793518361329757e28);
    t.Jämförelse.push(["sabo_egen_kr_dygn_inkl_hsl", 5e-324, "Trasig", 2023, "Snitt"]);
  }),
  outcome: "ok",
  problems: [
    {
      code: "benchmarkImplausible",
      severity: "warning",
      table: "Jämförelse",
      row: 2,
      column: "Värde",
      message: "Jämförelsevärdet -9.793518361329757e+28 för hemtjanst_egen_kr_timme är orimligt (över 1\u00a0000 miljarder eller under en miljarddel), så raden används inte. Kontrollera Värde.",
    },
  ],
  check: (r) => expect(r.benchmark).toEqual([]),
});
NUMBER_CASES[NUMBER_CASES.length - 1].problems.push({
  code: "benchmarkImplausible",
  severity: "warning",
  table: "Jämförelse",
  row: 3,
  column: "Värde",
  message: { contains: "Jämförelsevärdet 5e-324 för sabo_egen_kr_dygn_inkl_hsl är orimligt" },
});
