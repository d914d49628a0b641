/**
 * The worksheet functions' messages (the text of #N/A and #VALUE!), in Swedish and English by key.
 * They render in the language the user reads Excel in, and name the functions as that Excel does
 * (KPB.NYCKELTAL in Swedish Excel, KPB.KEYFIGURES in English).
 */
import { defineMessages, joinList, messageRenderer } from "../engine";
import { enCount, svCount, type Language } from "../engine";
import { uiLanguage } from "../shared/ui-language";
import { SWEDISH_FUNCTIONS } from "./localized-names";

/** A function as the user's Excel names it: `KPB.NYCKELTAL` / `KPB.KEYFIGURES`. */
export function functionName(id: string, language: Language): string {
  return `KPB.${language === "sv" ? SWEDISH_FUNCTIONS[id]?.name ?? id : id}`;
}

/** The argument names as the function help shows them (localized-names.ts for Swedish). */
export const ARGUMENT_NAMES = {
  Insats: { sv: "insats", en: "intervention" },
  Enhet: { sv: "enhet", en: "unit" },
  Pool: { sv: "pool", en: "pool" },
  BrukarID: { sv: "brukarID", en: "clientId" },
  Område: { sv: "område", en: "area" },
  Åldersgrupp: { sv: "åldersgrupp", en: "ageGroup" },
  Avgränsning: { sv: "avgränsning", en: "scope" },
  Mått: { sv: "mått", en: "measure" },
  Nyckeltal: { sv: "nyckeltal", en: "keyFigure" },
  Period: { sv: "period", en: "period" },
} as const;
export type ArgumentName = keyof typeof ARGUMENT_NAMES;

/** The volume a per-hour or per-day function is measured in. */
export type MeasureUnit = "hour" | "day";
const MEASURE_WORDS: Record<MeasureUnit, { sv: string; en: string }> = {
  hour: { sv: "timmar", en: "hours" },
  day: { sv: "dygn eller dagar", en: "days" },
};

const quoted = (items: readonly string[], language: Language, max = 12): string => {
  const shown = items.slice(0, max).map((i) => `"${i}"`);
  if (items.length > max) shown.push(language === "sv" ? `${items.length - max} till` : `${items.length - max} more`);
  return joinList(language, shown);
};

const arg = (name: ArgumentName, language: Language) => ARGUMENT_NAMES[name][language];

export const FUNCTION_MESSAGES = defineMessages({
  noResult: {
    sv: () => `Kör KPB först`,
    en: () => `Run KPB first`,
  },
  noResultBecause: {
    sv: (p: { why: string }) => `Kör KPB först: ${p.why}`,
    en: (p: { why: string }) => `Run KPB first: ${p.why}`,
  },
  excelUnavailable: {
    sv: () => `Excel är inte tillgängligt. Öppna arbetsboken i Excel och beräkna om.`,
    en: () => `Excel is not available. Open the workbook in Excel and recalculate.`,
  },
  internalError: {
    sv: (p: { detail: string }) => `Internt fel i KPB-funktionen (${p.detail}). Beräkna om; kvarstår felet, rapportera det.`,
    en: (p: { detail: string }) => `Internal error in the KPB function (${p.detail}). Recalculate; if it stays, report it.`,
  },
  argumentMissing: {
    sv: (p: { argument: ArgumentName }) => `Argumentet ${arg(p.argument, "sv")} saknas. Skriv det i formeln.`,
    en: (p: { argument: ArgumentName }) => `The argument ${arg(p.argument, "en")} is missing. Write it in the formula.`,
  },
  argumentIsLogical: {
    sv: (p: { argument: ArgumentName; value: boolean }) => `Argumentet ${arg(p.argument, "sv")} ska vara text, inte ${p.value ? "SANT" : "FALSKT"}.`,
    en: (p: { argument: ArgumentName; value: boolean }) => `The argument ${arg(p.argument, "en")} should be text, not ${p.value ? "TRUE" : "FALSE"}.`,
  },
  argumentNotFinite: {
    sv: (p: { argument: ArgumentName }) => `Argumentet ${arg(p.argument, "sv")} är inte ett giltigt värde. Skriv text eller ett tal.`,
    en: (p: { argument: ArgumentName }) => `The argument ${arg(p.argument, "en")} is not a valid value. Write text or a number.`,
  },
  argumentNotText: {
    sv: (p: { argument: ArgumentName }) => `Argumentet ${arg(p.argument, "sv")} ska vara text.`,
    en: (p: { argument: ArgumentName }) => `The argument ${arg(p.argument, "en")} should be text.`,
  },
  unitNamesSeveralPools: {
    sv: (p: { unit: string; pools: string[] }) => `Flera pooler har enheten "${p.unit}" (${quoted(p.pools, "sv")}). Skriv pool-id i stället.`,
    en: (p: { unit: string; pools: string[] }) => `Several pools have the unit "${p.unit}" (${quoted(p.pools, "en")}). Write the pool id instead.`,
  },
  wrongVolumeUnit: {
    sv: (p: { insats: string; pool: string; volumeUnit: string; measure: MeasureUnit; other: string }) =>
      `${p.insats} (${p.pool}) ${p.volumeUnit ? `mäts i ${p.volumeUnit}` : "saknar volymenhet i Insatskatalog"}, inte i ${MEASURE_WORDS[p.measure].sv}. Använd ${functionName(p.other, "sv")} eller ${functionName("UNITCOST", "sv")}.`,
    en: (p: { insats: string; pool: string; volumeUnit: string; measure: MeasureUnit; other: string }) =>
      `${p.insats} (${p.pool}) ${p.volumeUnit ? `is measured in ${p.volumeUnit}` : "has no volume unit in Insatskatalog"}, not in ${MEASURE_WORDS[p.measure].en}. Use ${functionName(p.other, "en")} or ${functionName("UNITCOST", "en")}.`,
  },
  noPoolMeasured: {
    sv: (p: { pool: string; measure: MeasureUnit | null }) => `Ingen pool eller enhet "${p.pool}" mäts i ${p.measure ? MEASURE_WORDS[p.measure].sv : "någon volym"}. Kontrollera pool-id eller enhetens namn i Pooler.`,
    en: (p: { pool: string; measure: MeasureUnit | null }) => `No pool or unit "${p.pool}" is measured in ${p.measure ? MEASURE_WORDS[p.measure].en : "any volume"}. Check the pool id or the unit's name in Pooler.`,
  },
  unknownIntervention: {
    sv: (p: { insats: string; known: string[] }) => `Okänd insats "${p.insats}". Skriv en av insatserna i körningen: ${quoted(p.known, "sv")}.`,
    en: (p: { insats: string; known: string[] }) => `Unknown intervention "${p.insats}". Write one of the interventions in the run: ${quoted(p.known, "en")}.`,
  },
  unknownPool: {
    sv: (p: { pool: string; known: string[] }) => `Okänd pool "${p.pool}". Skriv en av poolerna: ${quoted(p.known, "sv")}.`,
    en: (p: { pool: string; known: string[] }) => `Unknown pool "${p.pool}". Write one of the pools: ${quoted(p.known, "en")}.`,
  },
  interventionHasNoPool: {
    sv: (p: { insats: string; pool: string; known: string[] }) => `${p.insats} har ingen pool eller enhet "${p.pool}". Skriv en av insatsens pooler: ${quoted(p.known, "sv")}.`,
    en: (p: { insats: string; pool: string; known: string[] }) => `${p.insats} has no pool or unit "${p.pool}". Write one of the intervention's pools: ${quoted(p.known, "en")}.`,
  },
  noPoolsInRegi: {
    sv: (p: { insats: string; regi: "egen" | "annan" | "alla" }) => `${p.insats} har inga pooler i ${p.regi} regi.${p.regi === "egen" ? ' Skriv "annan" eller "alla" som enhet.' : ' Skriv "egen" eller "alla" som enhet.'}`,
    en: (p: { insats: string; regi: "egen" | "annan" | "alla" }) => `${p.insats} has no pools in ${p.regi === "egen" ? "egen regi (in-house)" : "annan regi (external)"}.${p.regi === "egen" ? ' Write "annan" or "alla" as the unit.' : ' Write "egen" or "alla" as the unit.'}`,
  },
  supportPool: {
    sv: (p: { pool: string }) => `${p.pool} är en stödpool: dess kostnad är fördelad på andra pooler. Fråga efter en insatspool.`,
    en: (p: { pool: string }) => `${p.pool} is a support pool: its cost is allocated to other pools. Ask for an intervention pool.`,
  },
  noVolume: {
    sv: (p: { what: string }) => `${p.what} har ingen volym. Lägg in volymerna i Brukare.`,
    en: (p: { what: string }) => `${p.what} has no volume. Put the volumes in Brukare.`,
  },
  pseudonymKeyMissing: {
    sv: () => `Personnummer kan inte slås upp: arbetsbokens pseudonymiseringsnyckel saknas. Uppdatera KPB så att pseudonymiseringsnyckeln finns.`,
    en: () => `A personal identity number cannot be looked up: the workbook's pseudonymisation key is missing. Run Uppdatera KPB so that the key exists.`,
  },
  personalNumberNotFound: {
    sv: () => `Ingen brukare med det personnumret finns i körningen. Kontrollera numret eller använd brukar-id från KPB Brukare.`,
    en: () => `No client with that personal identity number is in the run. Check the number or use the client id from KPB Brukare.`,
  },
  unknownClient: {
    sv: (p: { client: string }) => `Okänd brukare "${p.client}". Använd brukar-id som på bladet KPB Brukare.`,
    en: (p: { client: string }) => `Unknown client "${p.client}". Use the client id as on the sheet KPB Brukare.`,
  },
  unknownArea: {
    sv: (p: { area: string; known: string[] }) => `Okänt område "${p.area}". Skriv ett av områdena i körningen: ${quoted(p.known, "sv")}.`,
    en: (p: { area: string; known: string[] }) => `Unknown area "${p.area}". Write one of the areas in the run: ${quoted(p.known, "en")}.`,
  },
  noGroupForAge: {
    sv: (p: { age: number; groups: string[] }) => `Ingen åldersgrupp innehåller åldern ${p.age}. Åldersgrupper: ${quoted(p.groups, "sv")}.`,
    en: (p: { age: number; groups: string[] }) => `No age group contains the age ${p.age}. Age groups: ${quoted(p.groups, "en")}.`,
  },
  unknownAgeGroup: {
    sv: (p: { group: string; groups: string[] }) => `Okänd åldersgrupp "${p.group}". Skriv en av ${quoted(p.groups, "sv")}.`,
    en: (p: { group: string; groups: string[] }) => `Unknown age group "${p.group}". Write one of ${quoted(p.groups, "en")}.`,
  },
  nobodyInGroup: {
    sv: (p: { area: string; group: string }) => `${p.area}, ${p.group}: varken brukare eller invånare i körningen.`,
    en: (p: { area: string; group: string }) => `${p.area}, ${p.group}: neither clients nor inhabitants in the run.`,
  },
  noClients: {
    sv: (p: { where: string }) => `${p.where}: inga brukare.`,
    en: (p: { where: string }) => `${p.where}: no clients.`,
  },
  noInhabitants: {
    sv: (p: { where: string }) => `${p.where}: inga invånare. Fyll i Befolkning.`,
    en: (p: { where: string }) => `${p.where}: no inhabitants. Fill in Befolkning.`,
  },
  unknownScope: {
    sv: (p: { scope: string; scopes: string[] }) => `Okänd avgränsning "${p.scope}". Skriv ${quoted(p.scopes, "sv").replace(/ och ([^,]*)$/, " eller $1")}.`,
    en: (p: { scope: string; scopes: string[] }) => `Unknown scope "${p.scope}". Write ${quoted(p.scopes, "en").replace(/ and ([^,]*)$/, " or $1")}.`,
  },
  noClientsInScope: {
    sv: (p: { scope: string }) => `Inga brukare i avgränsningen ${p.scope}.`,
    en: (p: { scope: string }) => `No clients in the scope ${p.scope}.`,
  },
  unknownMeasure: {
    sv: (p: { measure: string }) => `Okänt mått "${p.measure}". Skriv "brytpunkt" (standard), "antal" eller "merkostnad".`,
    en: (p: { measure: string }) => `Unknown measure "${p.measure}". Write "brytpunkt" (the default), "antal" (count) or "merkostnad" (extra cost).`,
  },
  noBreakEven: {
    sv: () => `Ingen brytpunkt: körningen har ingen kostnad per dygn i särskilt boende i egen regi.`,
    en: () => `No break-even point: the run has no cost per day in residential care in egen regi (in-house).`,
  },
  noBenchmark: {
    sv: (p: { what: string }) => `Inget jämförelsevärde för "${p.what}". Fyll i tabellen Jämförelse.`,
    en: (p: { what: string }) => `No benchmark for "${p.what}". Fill in the table Jämförelse.`,
  },
  unknownKeyFigure: {
    sv: (p: { figure: string }) => `Okänt nyckeltal "${p.figure}". Se ${functionName("KEYFIGURES", "sv")}() för id:n.`,
    en: (p: { figure: string }) => `Unknown key figure "${p.figure}". See ${functionName("KEYFIGURES", "en")}() for the ids.`,
  },
  keyFigureNotInRun: {
    sv: (p: { figure: string }) => `Nyckeltalet "${p.figure}" finns inte i körningen. Se ${functionName("KEYFIGURES", "sv")}() för id:n.`,
    en: (p: { figure: string }) => `The key figure "${p.figure}" is not in the run. See ${functionName("KEYFIGURES", "en")}() for the ids.`,
  },
  benchmarkIsZero: {
    sv: (p: { figure: string }) => `Jämförelsevärdet för "${p.figure}" är 0.`,
    en: (p: { figure: string }) => `The benchmark for "${p.figure}" is 0.`,
  },
  amountNotNumber: {
    sv: () => `Beloppet ska vara ett tal i kronor, t.ex. 1\u00a0234,50.`,
    en: () => `The amount should be a number in kronor, e.g. 1234.50.`,
  },
  amountNotFinite: {
    sv: () => `Beloppet är inte ändligt. Skriv ett belopp i kronor.`,
    en: () => `The amount is not finite. Write an amount in kronor.`,
  },
  amountTooLarge: {
    sv: () => `Beloppet är för stort för att fördelas exakt på öret.`,
    en: () => `The amount is too large to be allocated exactly to the öre.`,
  },
  keysNotRange: {
    sv: () => `Fördelningsnycklarna ska vara ett område med minst en cell.`,
    en: () => `The allocation keys should be a range of at least one cell.`,
  },
  keyNotFinite: {
    sv: (p: { cell: string }) => `Nyckeln i ${p.cell} är inte ett ändligt tal.`,
    en: (p: { cell: string }) => `The key in ${p.cell} is not a finite number.`,
  },
  keyNegative: {
    sv: (p: { cell: string; value: number }) => `Nyckeln i ${p.cell} är negativ (${String(p.value).replace(".", ",")}); en nyckel ska vara 0 eller större.`,
    en: (p: { cell: string; value: number }) => `The key in ${p.cell} is negative (${p.value}); a key should be 0 or more.`,
  },
  keyIsLogical: {
    sv: (p: { cell: string }) => `Nyckeln i ${p.cell} är ett sanningsvärde, inte ett tal.`,
    en: (p: { cell: string }) => `The key in ${p.cell} is a logical value, not a number.`,
  },
  keyIsText: {
    sv: (p: { cell: string; text: string }) => `Nyckeln i ${p.cell} är text ("${p.text}"), inte ett tal.`,
    en: (p: { cell: string; text: string }) => `The key in ${p.cell} is text ("${p.text}"), not a number.`,
  },
  allKeysZero: {
    sv: () => `Alla nycklar är 0, så beloppet kan inte fördelas. Ge minst en nyckel ett värde över 0.`,
    en: () => `Every key is 0, so the amount cannot be allocated. Give at least one key a value above 0.`,
  },
  rangeCellNotFinite: {
    sv: (p: { what: "cost" | "volume"; cell: string }) => `${p.what === "cost" ? "Kostnaden" : "Volymen"} i ${p.cell} är inte ändlig.`,
    en: (p: { what: "cost" | "volume"; cell: string }) => `The ${p.what} in ${p.cell} is not finite.`,
  },
  rangeCellNotNumber: {
    sv: (p: { what: "cost" | "volume"; cell: string; logical: boolean }) => `${p.what === "cost" ? "Kostnaden" : "Volymen"} i ${p.cell} är ${p.logical ? "ett sanningsvärde" : "text"}, inte ett tal.`,
    en: (p: { what: "cost" | "volume"; cell: string; logical: boolean }) => `The ${p.what} in ${p.cell} is ${p.logical ? "a logical value" : "text"}, not a number.`,
  },
  rangesNotRanges: {
    sv: () => `Kostnader och volymer ska vara områden.`,
    en: () => `Costs and volumes should be ranges.`,
  },
  rangesDiffer: {
    sv: (p: { costRows: number; costCols: number; volumeRows: number; volumeCols: number }) =>
      `Kostnaderna (${svCount(p.costRows, "rad", "rader")} × ${svCount(p.costCols, "kolumn", "kolumner")}) och volymerna (${svCount(p.volumeRows, "rad", "rader")} × ${svCount(p.volumeCols, "kolumn", "kolumner")}) ska ha samma storlek, eller det ena vara en enda cell.`,
    en: (p: { costRows: number; costCols: number; volumeRows: number; volumeCols: number }) =>
      `The costs (${enCount(p.costRows, "row", "rows")} × ${enCount(p.costCols, "column", "columns")}) and the volumes (${enCount(p.volumeRows, "row", "rows")} × ${enCount(p.volumeCols, "column", "columns")}) should have the same size, or one of them be a single cell.`,
  },
  volumeZero: {
    sv: (p: { cell: string }) => `Volymen i ${p.cell} är 0.`,
    en: (p: { cell: string }) => `The volume in ${p.cell} is 0.`,
  },
});

export type FunctionMessageKey = keyof typeof FUNCTION_MESSAGES;

const render = messageRenderer(FUNCTION_MESSAGES);

/** A function message in the language the user reads Excel in (or the one given). */
export const functionMessage: typeof render = (key, ...rest) => {
  const [params, language] = rest as [unknown, Language | undefined];
  return (render as (k: typeof key, p: unknown, l: Language) => string)(key, params, language ?? uiLanguage());
};
