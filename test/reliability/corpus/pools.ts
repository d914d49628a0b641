import type { CorpusCase } from "./types";
import { pool, setCell, variant } from "./base";

/** Pooler and Nycklar: support pools that cannot be allocated, pools with cost or volume alone. */
export const POOL_CASES: CorpusCase[] = [
  {
    id: "support-allocates-to-itself",
    title: "OH names itself as receiver",
    input: variant((t) => setCell(t.Pooler, 2, "Mottagare", "OH, HT")),
    outcome: "refused",
    problems: [{ code: "receiverSelf", severity: "error", table: "Pooler", row: 2, column: "Mottagare", message: "Stödpoolen OH fördelar till sig själv. Ta bort poolen ur sina egna Mottagare." }],
  },
  {
    id: "support-allocates-upward",
    title: "a support pool below HT sends cost up to HT (step-down goes only down)",
    input: variant((t) => {
      t.Pooler.push(["IT", "IT-stöd", "IT", "egen", "stöd", "kostnad", "HT", null]);
      t.Ekonomi.push(["400", "1", "", "7000", 300, "IT"]);
      t.Kodning.push(["400", "", "", "", "IT", ""]);
    }),
    outcome: "refused",
    problems: [
      {
        code: "receiverAbove",
        severity: "error",
        table: "Pooler",
        row: 5,
        column: "Mottagare",
        message:
          "Stödpoolen IT fördelar uppåt till HT, som står ovanför i Pooler. Stegvis fördelning går bara nedåt; flytta poolen eller välj reciprok fördelning.",
      },
    ],
  },
  {
    id: "receiver-unknown",
    title: "a receiver that Pooler lacks",
    input: variant((t) => setCell(t.Pooler, 2, "Mottagare", "HT; HEMSJUKVÅRD")),
    outcome: "refused",
    problems: [
      { code: "receiverUnknown", severity: "error", table: "Pooler", row: 2, column: "Mottagare", message: "Mottagaren HEMSJUKVÅRD finns inte i Pooler. Lägg till poolen i Pooler eller rätta namnet." },
    ],
  },
  {
    id: "andel-keys-not-summing",
    title: "andel keys for OH sum to 0,9",
    input: variant((t) => {
      setCell(t.Pooler, 2, "Fördelning", "andel");
      t.Nycklar.push(["OH", "HT", 0.5], ["OH", "SABO", 0.4]);
    }),
    outcome: "refused",
    problems: [
      { code: "keySharesSum", severity: "error", table: "Nycklar", row: 2, column: "Andel", message: "Andelarna för OH i Nycklar summerar till 0,9 (90\u00a0%), inte 1 (100\u00a0%). Rätta andelarna så att de blir 100\u00a0% tillsammans." },
    ],
  },
  {
    id: "andel-keys-in-percent",
    title: "andel keys written as 60 % and 40 %",
    input: variant((t) => {
      setCell(t.Pooler, 2, "Fördelning", "andel");
      t.Nycklar.push(["OH", "HT", "60 %"], ["OH", "SABO", "40%"]);
    }),
    outcome: "ok",
    problems: [],
    check: (r) => {
      expect(pool(r, "HT").allocatedOre).toBe(60_000);
      expect(pool(r, "SABO").allocatedOre).toBe(40_000);
    },
  },
  {
    id: "andel-without-keys",
    title: "OH is allocated by andel but Nycklar has no rows for it",
    input: variant((t) => setCell(t.Pooler, 2, "Fördelning", "andel")),
    outcome: "refused",
    problems: [
      { code: "keyMissing", severity: "error", table: "Pooler", row: 2, column: "Fördelning", message: "Stödpoolen OH fördelas med andel men har inga rader i Nycklar. Lägg till mottagarnas andelar i Nycklar." },
    ],
  },
  {
    id: "support-without-receivers",
    title: "OH allocates to an intervention no pool has",
    input: variant((t) => setCell(t.Pooler, 2, "Mottagare", "Insats:Matdistribution")),
    outcome: "refused",
    problems: [
      {
        code: "receiverMatchesNothing",
        severity: "error",
        table: "Pooler",
        row: 2,
        column: "Mottagare",
        message: 'Mottagare "Insats:Matdistribution" för stödpoolen OH träffar ingen pool i Pooler. Rätta namnet eller ta bort det.',
      },
    ],
  },
  {
    id: "support-by-volume-without-volume",
    title: "OH by volume to a pool without any volume",
    input: variant((t) => {
      setCell(t.Pooler, 2, "Fördelning", "volym");
      setCell(t.Pooler, 2, "Mottagare", "DAGV");
      t.Pooler.push(["DAGV", "Dagverksamhet", "Solrosen", "egen", "insats", null, null, null]);
    }),
    outcome: "refused",
    problems: [
      {
        code: "noReceivers",
        severity: "error",
        table: "Pooler",
        row: 2,
        column: "Mottagare",
        message: "Stödpoolen OH (1\u00a0000,00\u00a0kr) har inga mottagare med volym att fördela efter. Lägg till mottagare i Pooler eller välj en annan Fördelning.",
      },
    ],
  },
  {
    id: "pool-cost-without-volume",
    title: "a pool with cost and no client volume: visible, and its cost is not spread over others",
    input: variant((t) => {
      t.Pooler.push(["DAGV", "Dagverksamhet", "Solrosen", "egen", "insats", null, null, null]);
      t.Ekonomi.push(["500", "1", "", "5110", 700, "Dagverksamhet"]);
      t.Kodning.push(["500", "", "", "", "DAGV", ""]);
    }),
    outcome: "ok",
    problems: [
      {
        code: "poolWithoutVolume",
        severity: "warning",
        table: "Pooler",
        row: 5,
        column: "Pool",
        message: "Poolen DAGV har kostnad (747,62\u00a0kr) men ingen volym i Brukare, så den får ingen styckkostnad och ingen brukarkostnad, och kostnaden ingår inte i insatsens styckkostnad (se Pooler utan volym på KPB Avstämning). Lägg in poolens volymer i Brukare eller koda kostnaden till en annan pool.",
      },
    ],
    check: (r) => {
      expect(pool(r, "DAGV").unitCost).toBeNull();
      // 700 kr direct + 47,62 kr of OH (700 of 14 700 kr direct cost).
      expect(r.reconciliation.withoutVolumeOre).toBe(74_762);
    },
  },
  {
    id: "pool-volume-without-cost",
    title: "a pool with client volume and no cost",
    input: variant((t) => {
      t.Pooler.push(["LARM", "Trygghetslarm", "Larm", "egen", "insats", null, null, null]);
      t.Brukare.push(["A2", 1950, "M", "LARM", 2, "2024-01", "Ordinärt"]);
    }),
    outcome: "ok",
    problems: [
      { code: "poolWithoutCost", severity: "warning", table: "Pooler", row: 5, column: "Pool", message: "Poolen LARM har volym men ingen kostnad, så styckkostnaden blir 0. Koda poolens kostnader till den i Kodning." },
    ],
    check: (r) => expect(Number(pool(r, "LARM").unitCost)).toBe(0),
  },
  {
    id: "pool-duplicated",
    title: "the same pool id twice in Pooler",
    input: variant((t) => t.Pooler.push(["HT", "Hemtjänst", "Hemtjänst Söder", "egen", "insats", null, null, null])),
    outcome: "refused",
    problems: [{ code: "duplicatePool", severity: "error", table: "Pooler", row: 5, column: "Pool", message: "Poolen HT finns redan på rad 3. Ta bort den ena raden eller ge poolen ett eget id." }],
  },
  {
    id: "pool-bad-regi-and-type",
    title: "Regi and Typ with values the contract does not know",
    input: variant((t) => {
      setCell(t.Pooler, 3, "Regi", "kommunal");
      setCell(t.Pooler, 4, "Typ", "boende");
    }),
    outcome: "refused",
    problems: [
      { code: "badRegi", severity: "error", table: "Pooler", row: 3, column: "Regi", message: "Regi \"kommunal\" känns inte igen. Skriv egen (egen regi) eller annan (annan regi)." },
      { code: "badPoolType", severity: "error", table: "Pooler", row: 4, column: "Typ", message: "Typ \"boende\" känns inte igen. Skriv insats (poolen har brukare) eller stöd (poolen fördelas vidare)." },
    ],
  },
  {
    id: "capacity-exceeded",
    title: "more days in SABO than 2 places × 366 days",
    input: variant((t) => setCell(t.Brukare, 6, "Volym", 800)),
    outcome: "ok",
    problems: [
      {
        code: "capacityExceeded",
        severity: "warning",
        table: "Pooler",
        row: 4,
        column: "Platser",
        message: "Poolen SABO har 831 dygn men bara 2 platser × 366 dagar = 732 dygn. Kontrollera Volym i Brukare eller Platser i Pooler.",
      },
    ],
  },
];
