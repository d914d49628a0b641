import type { CorpusCase } from "./types";
import { clientById, pool, setCell, variant } from "./base";

/** Brukare: periods, volumes, duplicates, birth years, unknown pools, odd ids. */
export const CLIENT_CASES: CorpusCase[] = [
  {
    id: "period-as-text-date",
    title: "Period written as a date text (2024-01-15) and as 202402",
    input: variant((t) => {
      setCell(t.Brukare, 2, "Period", "2024-01-15");
      setCell(t.Brukare, 3, "Period", "202402");
    }),
    outcome: "ok",
    problems: [],
    check: (r) => expect(pool(r, "HT").volumeMicro).toBe(40_000_000),
  },
  {
    id: "period-as-serial-and-date",
    title: "Period as an Excel date serial (45306 = 2024-01-15) and as a Date object",
    input: variant((t) => {
      setCell(t.Brukare, 2, "Period", 45306);
      setCell(t.Brukare, 3, "Period", new Date(Date.UTC(2024, 1, 1)));
    }),
    outcome: "ok",
    problems: [],
    check: (r) => expect(pool(r, "HT").volumeMicro).toBe(40_000_000),
  },
  {
    id: "period-unreadable",
    title: "Period written as words",
    input: variant((t) => setCell(t.Brukare, 3, "Period", "februari")),
    outcome: "refused",
    problems: [
      { code: "notANumber", severity: "error", table: "Brukare", row: 3, column: "Period", cell: "F3", message: "\"februari\" är inte en månad. Skriv månaden som ÅÅÅÅ-MM, t.ex. 2025-06." },
    ],
  },
  {
    id: "period-outside-year",
    title: "a December row of last year in this year's Brukare",
    input: variant((t) => setCell(t.Brukare, 4, "Period", "2023-12")),
    outcome: "ok",
    problems: [
      {
        code: "periodOutsideYear",
        severity: "warning",
        table: "Brukare",
        row: 4,
        column: "Period",
        message: "Perioden 2023-12 ligger utanför körningsåret 2024, så raden räknas inte (volym 20). Rätta Period eller ändra År i Inställningar.",
      },
    ],
    check: (r) => {
      expect(pool(r, "HT").volumeMicro).toBe(20_000_000);
      expect(r.clients.map((c) => c.id)).toEqual(["A1", "A3"]);
    },
  },
  {
    id: "negative-volume",
    title: "a negative volume (a correction row) is refused",
    input: variant((t) => setCell(t.Brukare, 3, "Volym", -5)),
    outcome: "refused",
    problems: [{ code: "negativeVolume", severity: "error", table: "Brukare", row: 3, column: "Volym", cell: "E3", message: "Volymen -5 är negativ. Skriv volymen som 0 eller ett positivt tal." }],
  },
  {
    id: "zero-volume",
    title: "a zero volume changes nothing and says so",
    input: variant((t) => setCell(t.Brukare, 3, "Volym", 0)),
    outcome: "ok",
    problems: [{ code: "zeroVolume", severity: "warning", table: "Brukare", row: 3, column: "Volym", message: "Volymen är 0, så raden påverkar inget. Ta bort raden eller skriv rätt volym." }],
    check: (r) => expect(pool(r, "HT").volumeMicro).toBe(30_000_000),
  },
  {
    id: "volume-empty",
    title: "an empty Volym",
    input: variant((t) => setCell(t.Brukare, 3, "Volym", null)),
    outcome: "refused",
    problems: [{ code: "requiredEmpty", severity: "error", table: "Brukare", row: 3, column: "Volym", message: "Volym är tom, så raden räknas inte. Fyll i Volym." }],
  },
  {
    id: "duplicate-client-pool-period",
    title: "the same client, pool and period twice: added, with a warning",
    input: variant((t) => t.Brukare.push(["A2", 1950, "M", "HT", 5, "2024-01", "Ordinärt"])),
    outcome: "ok",
    problems: [
      {
        code: "duplicateClientRow",
        severity: "warning",
        table: "Brukare",
        row: 7,
        column: "Period",
        message: "Brukare A2, pool HT, period 2024-01 finns redan på rad 4, så volymerna läggs ihop. Ta bort dubbletten om den inte är avsiktlig.",
      },
    ],
    check: (r) => expect(clientById(r, "A2").volumesMicro.HT).toBe(25_000_000),
  },
  {
    id: "client-pool-unknown",
    title: "a pool in Brukare that Pooler lacks",
    input: variant((t) => setCell(t.Brukare, 4, "Pool", "HT_SÖDER")),
    outcome: "refused",
    problems: [
      {
        code: "clientPoolUnknown",
        severity: "error",
        table: "Brukare",
        row: 4,
        column: "Pool",
        message: "Poolen HT_SÖDER finns inte i Pooler, så volymen kan inte kostnadsberäknas. Lägg till poolen i Pooler eller rätta pool-id i Brukare.",
      },
    ],
  },
  {
    id: "client-in-support-pool",
    title: "client volume on a support pool",
    input: variant((t) => setCell(t.Brukare, 4, "Pool", "OH")),
    outcome: "refused",
    problems: [
      {
        code: "clientPoolIsSupport",
        severity: "error",
        table: "Brukare",
        row: 4,
        column: "Pool",
        message: "OH är en stödpool, och brukarvolymer ska ligga på insatspooler. Flytta volymen till rätt insatspool eller ändra Typ till insats i Pooler.",
      },
    ],
  },
  {
    id: "two-birth-years",
    title: "one client with two birth years",
    input: variant((t) => setCell(t.Brukare, 3, "Födelseår", 1941)),
    outcome: "ok",
    problems: [
      {
        code: "conflictingBirthYear",
        severity: "warning",
        table: "Brukare",
        row: 3,
        column: "Födelseår",
        message: "Brukare A1 har två födelseår (1940 och 1941); 1940 används. Rätta födelseåret så att det är samma på alla rader.",
      },
    ],
    check: (r) => expect(clientById(r, "A1").birthYear).toBe(1940),
  },
  {
    id: "birth-year-implausible",
    title: "a birth year after the calculation year",
    input: variant((t) => setCell(t.Brukare, 4, "Födelseår", 2050)),
    outcome: "refused",
    problems: [
      { code: "badBirthYear", severity: "error", table: "Brukare", row: 4, column: "Födelseår", message: "Födelseår \"2050\" är inte ett rimligt år. Skriv födelseåret med fyra siffror, t.ex. 1938." },
    ],
  },
  {
    id: "population-missing-group",
    title: "Befolkning lacks 80-w, where two clients are",
    input: variant((t) => t.Befolkning.pop()),
    outcome: "ok",
    problems: [
      {
        code: "populationMissing",
        severity: "warning",
        table: "Befolkning",
        row: null,
        column: "Antal",
        message: "Befolkning saknas för åldersgruppen 80-w, så kostnad per invånare och andel brukare beräknas inte för den. Lägg till åldersgruppen i Befolkning.",
      },
    ],
    check: (r) => {
      const row = r.consumption.find((c) => c.area === "ÄO" && c.ageGroup === "80-w")!;
      expect(row.costPerInhabitant).toBeNull();
      expect(row.clients).toBe(2);
    },
  },
  {
    id: "unicode-ids",
    title: "client ids with Swedish letters, emoji, CJK and combining accents stay as they are",
    input: variant((t) => {
      setCell(t.Brukare, 2, "BrukarID", "Åsa-Öberg 😀");
      setCell(t.Brukare, 3, "BrukarID", "Åsa-Öberg 😀");
      setCell(t.Brukare, 4, "BrukarID", "客户-7");
      setCell(t.Brukare, 5, "BrukarID", "Zoe\u0301");
      setCell(t.Brukare, 6, "BrukarID", "Zoe\u0301");
    }),
    outcome: "ok",
    problems: [],
    check: (r) => {
      expect(r.clients.map((c) => c.id).sort()).toEqual(["Zoe\u0301", "Åsa-Öberg 😀", "客户-7"].sort());
      expect(clientById(r, "Åsa-Öberg 😀").volumesMicro.HT).toBe(20_000_000);
    },
  },
  {
    id: "numeric-client-ids",
    title: "client ids stored as numbers and as text are the same client (1001 and \"1001\")",
    input: variant((t) => {
      setCell(t.Brukare, 2, "BrukarID", 1001);
      setCell(t.Brukare, 3, "BrukarID", "1001");
    }),
    outcome: "ok",
    problems: [],
    check: (r) => expect(clientById(r, "1001").volumesMicro.HT).toBe(20_000_000),
  },
  {
    id: "formula-like-client-id",
    title: "a client id that looks like a formula is data, kept as text",
    input: variant((t) => {
      setCell(t.Brukare, 4, "BrukarID", '=HYPERLINK("http://x","y")');
      setCell(t.Brukare, 5, "BrukarID", "+cmd|' /C calc'!A0");
      setCell(t.Brukare, 6, "BrukarID", "+cmd|' /C calc'!A0");
    }),
    outcome: "ok",
    problems: [],
    check: (r) => expect(r.clients.map((c) => c.id)).toEqual(["+cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "A1"]),
  },
];

CLIENT_CASES.push({
  id: "population-absurd",
  title: "10^308 inhabitants is refused instead of giving Infinity per inhabitant",
  input: variant((t) => (t.Befolkning[4][1] = 1e308)),
  outcome: "refused",
  problems: [
    {
      code: "notANumber",
      severity: "error",
      table: "Befolkning",
      row: 5,
      column: "Antal",
      message: "\"1e+308\" är inte ett heltal. Skriv ett heltal från 0 till 1\u00a0000\u00a0000\u00a0000.",
    },
  ],
});
