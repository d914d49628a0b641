/**
 * Every data-problem message in one place, in Swedish and English. Code refers to them by key;
 * the engine stores the key and its parameters so each user interface can show its own language.
 * Each message says what is wrong, where, and what to do about it; counts take their noun in the
 * right number (plural.ts).
 */
import { joinList } from "./message-catalogue";
import { enCount, svCount } from "./plural";

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const SV_NUMBER = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 6 });
const EN_NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

/** A plain number ("5640.5", 5490) as it is read: "5 640,5" (no-break space), "5,640.5". */
function svNumber(value: string | number): string {
  const n = Number(String(value).replace(",", "."));
  return Number.isFinite(n) ? SV_NUMBER.format(n) : String(value);
}
function enNumber(value: string | number): string {
  const n = Number(String(value).replace(",", "."));
  return Number.isFinite(n) ? EN_NUMBER.format(n) : String(value);
}

/** What a set-aside row held, "volym 60295,48", with its groups: "volym 60\u00a0295,48". */
const svQuantity = (q: string | number): string =>
  String(q).replace(/^volym (-?\d+)(,\d+)?$/, (m, int: string, frac: string | undefined) => `volym ${svNumber(int)}${frac ?? ""}`);
/** The same in English: "volume 60,295.48". */
const enQuantity = (q: string | number): string =>
  String(q).replace(/^volym (-?\d+)(?:,(\d+))?$/, (m, int: string, frac: string | undefined) => `volume ${enNumber(int)}${frac ? `.${frac}` : ""}`);

/** "1018, 1019 och 10 till" (a row list from the engine) in English. */
const enRowList = (rows: string | number): string => String(rows).replace(/ och (\d+) till$/, " and $1 more");

/** The other rules of an ambiguous coding, "9 (HT_NORR, 4), 10 (HT_SODER, 4)", as a sentence to read aloud. */
function otherRules(language: "sv" | "en", others: string | number): string {
  const parts = [...String(others).matchAll(/(\d+) \(([^,()]+), (\d+)\)/g)].map(([, row, target, rows]) =>
    language === "sv" ? `rad ${row} (till ${target}, ${svCount(Number(rows), "rad", "rader")})` : `row ${row} (to ${target}, ${enCount(Number(rows), "row", "rows")})`,
  );
  return parts.length ? joinList(language, parts) : String(others);
}

/** What a number cell should hold and how to write it, by the engine's (Swedish) `expected`. */
function numberHint(language: "sv" | "en", expected: string | number): { what: string; how: string } {
  const e = String(expected);
  const sv = language === "sv";
  if (e.startsWith("ett belopp")) return sv ? { what: "ett belopp i kronor", how: "Skriv ett tal, t.ex. 1\u00a0234,50." } : { what: "an amount in kronor", how: "Write a number, e.g. 1234.50." };
  if (e.startsWith("en volym")) return sv ? { what: "en volym", how: "Skriv antalet timmar, dygn eller andra volymenheter som tal, t.ex. 12,5." } : { what: "a volume", how: "Write the hours, days or other volume units as a number, e.g. 12.5." };
  if (e.startsWith("en andel")) return sv ? { what: "en andel", how: "Skriv andelen som decimaltal (0,125 = 12,5\u00a0%) eller i procent (12,5\u00a0%)." } : { what: "a share", how: "Write the share as a decimal (0.125 = 12.5\u00a0%) or in percent (12.5\u00a0%)." };
  if (e.startsWith("ett heltal ≥ 0 (")) return sv ? { what: "ett heltal", how: "Skriv ett heltal från 0 till 1\u00a0000\u00a0000\u00a0000." } : { what: "a whole number", how: "Write a whole number from 0 to 1,000,000,000." };
  if (e.startsWith("ett heltal")) return sv ? { what: "ett heltal", how: "Skriv ett heltal, t.ex. 1\u00a0250." } : { what: "a whole number", how: "Write a whole number, e.g. 1250." };
  if (e.startsWith("en ålder")) return sv ? { what: "en ålder", how: "Skriv åldern i hela år, t.ex. 80." } : { what: "an age", how: "Write the age in whole years, e.g. 80." };
  if (/månad|ÅÅÅÅ/.test(e)) {
    // A bare year is the commonest slip: say so, since "2024" looks like a period to the writer.
    const yearOnly = e.includes("ett år räcker inte");
    return sv
      ? { what: "en månad", how: `${yearOnly ? "Ett år räcker inte; skriv" : "Skriv"} månaden som ÅÅÅÅ-MM, t.ex. 2025-06.` }
      : { what: "a month", how: `${yearOnly ? "A year is not enough; write" : "Write"} the month as YYYY-MM, e.g. 2025-06.` };
  }
  return sv ? { what: e || "ett tal", how: "Skriv ett tal." } : { what: "a number", how: "Write a number." };
}

const SV_MONEY = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const EN_MONEY = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in kronor ("1234,57") with its groups and two decimals: "1\u00a0234,57". */
function svMoney(value: string | number): string {
  const n = Number(String(value).replace(",", "."));
  return Number.isFinite(n) ? SV_MONEY.format(n) : String(value);
}
function enMoney(value: string | number): string {
  const n = Number(String(value).replace(",", "."));
  return Number.isFinite(n) ? EN_MONEY.format(n) : String(value);
}

/** Where a group of rows starts: "på rad 3" for one row, "den första på rad 3" for several. */
const svFirstOn = (count: string | number, row: string | number): string => (count == 1 ? `på rad ${row}` : `den första på rad ${row}`);
const enFirstOn = (count: string | number, row: string | number): string => (count == 1 ? `on row ${row}` : `the first on row ${row}`);
/** "De redovisas … Ta bort raderna" in the number of the rows. */
const svShownRows = (count: string | number): string => (count == 1 ? "Den redovisas på KPB Avstämning. Ta bort raden" : "De redovisas på KPB Avstämning. Ta bort raderna");
const enShownRows = (count: string | number): string => (count == 1 ? "Shown on KPB Avstämning. Remove the row" : "Shown on KPB Avstämning. Remove the rows");

/** A share sum "0,95" also as percent: "0,95 (95\u00a0%)". */
function shareSum(language: "sv" | "en", sum: string | number): string {
  const n = Number(String(sum).replace(",", "."));
  if (!Number.isFinite(n)) return String(sum);
  const percent = (language === "sv" ? SV_NUMBER : EN_NUMBER).format(Math.round(n * 1e6) / 1e4);
  return `${language === "sv" ? String(sum) : String(sum).replace(",", ".")} (${percent}\u00a0%)`;
}

export const MESSAGES = {
  tableMissing: {
    sv: (p) => `Tabellen ${p.table} saknas, och beräkningen behöver den. Lägg till tabellen eller peka ut den under Källdata.`,
    en: (p) => `The table ${p.table} is missing, and the calculation needs it. Add the table or point it out under Källdata (data sources).`,
  },
  tableEmpty: {
    sv: (p) => `Tabellen ${p.table} har inga datarader. Fyll i raderna eller peka ut rätt tabell under Källdata.`,
    en: (p) => `The table ${p.table} has no data rows. Fill in the rows or point out the right table under Källdata (data sources).`,
  },
  headerNotFound: {
    sv: (p) => `Hittar ingen rubrikrad i ${p.table}. Rubrikraden ska ha kolumnerna ${p.expected}. Skriv rubrikerna eller koppla kolumnerna under Källdata.`,
    en: (p) => `No header row found in ${p.table}. The header row should have the columns ${p.expected}. Write the headings or map the columns under Källdata (data sources).`,
  },
  columnMissing: {
    sv: (p) => `Kolumnen ${p.column} saknas i ${p.table} (rubrikrad ${p.row}). Lägg till kolumnen eller koppla en befintlig kolumn till den under Källdata.`,
    en: (p) => `The column ${p.column} is missing in ${p.table} (header row ${p.row}). Add the column or map an existing column to it under Källdata (data sources).`,
  },
  columnDuplicated: {
    sv: (p) => `Kolumnen ${p.column} finns två gånger i ${p.table} (${p.letters}). Ta bort eller byt namn på den ena.`,
    en: (p) => `The column ${p.column} appears twice in ${p.table} (${p.letters}). Remove or rename one of them.`,
  },
  notANumber: {
    sv: (p) => {
      const hint = numberHint("sv", p.expected);
      return `"${p.value}" är inte ${hint.what}. ${hint.how}`;
    },
    en: (p) => {
      const hint = numberHint("en", p.expected);
      return `"${p.value}" is not ${hint.what}. ${hint.how}`;
    },
  },
  ambiguousNumber: {
    sv: (p) => `"${p.value}" kan betyda ${p.decimal} (med decimaltecken) eller ${p.thousands} (med tusentalsavgränsare) och har lästs som ${p.chosen}. Skriv talet så att det bara kan läsas på ett sätt, t.ex. 1\u00a0234,50.`,
    en: (p) => `"${p.value}" can mean ${p.decimal} (decimal mark) or ${p.thousands} (thousands separator) and was read as ${p.chosen}. Write the number so that it can be read only one way, e.g. 1234.50.`,
  },
  tooManyDecimals: {
    sv: (p) => `Beloppet ${p.value} har fler än två decimaler och har avrundats till ${svMoney(p.rounded)}\u00a0kr. Skriv beloppet på öret om avrundningen inte stämmer.`,
    en: (p) => `The amount ${p.value} has more than two decimals and was rounded to ${enMoney(p.rounded)}\u00a0kr. Write the amount to the öre if the rounding is wrong.`,
  },
  amountTooLarge: {
    sv: (p) => `Beloppet ${p.value} är orimligt stort (över 1\u00a0000 miljarder kr), så raden räknas inte. Kontrollera beloppet.`,
    en: (p) => `The amount ${p.value} is implausibly large (over 1\u00a0000 billion kr), so the row is not counted. Check the amount.`,
  },
  cellErrorValue: {
    sv: (p) => `${p.column} innehåller Excels felvärde ${p.value} (en formel som inte gick att räkna ut), så raden räknas inte. Rätta formeln eller skriv in värdet.`,
    en: (p) => `${p.column} holds Excel's error value ${p.value} (a formula that could not be computed), so the row is not counted. Fix the formula or type the value.`,
  },
  cellErrorValueSkipped: {
    sv: (p) => `${p.column} innehåller Excels felvärde ${p.value} (en formel som inte gick att räkna ut), så raden används inte. Rätta formeln eller skriv in värdet.`,
    en: (p) => `${p.column} holds Excel's error value ${p.value} (a formula that could not be computed), so the row is not used. Fix the formula or type the value.`,
  },
  cellErrorValueBlank: {
    sv: (p) => `${p.column} innehåller Excels felvärde ${p.value} (en formel som inte gick att räkna ut) och läses som tom. Rätta formeln eller skriv in värdet.`,
    en: (p) => `${p.column} holds Excel's error value ${p.value} (a formula that could not be computed) and is read as empty. Fix the formula or type the value.`,
  },
  requiredEmpty: {
    sv: (p) => `${p.column} är tom, så raden räknas inte. Fyll i ${p.column}.`,
    en: (p) => `${p.column} is empty, so the row is not counted. Fill in ${p.column}.`,
  },
  totalsRowSkipped: {
    sv: (p) =>
      p.quantity === undefined
        ? `Raden ser ut som en summeringsrad ("${p.value}") och räknas inte. Är det en vanlig rad, skriv dess koder.`
        : `${p.why === "labelInCode" ? `Raden har "${p.value}" i en kodkolumn (${p.columns})` : `Raden saknar koder (${p.columns})`} och räknas som summeringsrad${p.why !== "labelInCode" && p.value ? ` ("${p.value}")` : ""}: ${p.quantity} räknas inte. Raden redovisas på KPB Avstämning; är det en vanlig rad, skriv dess koder.`,
    en: (p) =>
      p.quantity === undefined
        ? `The row looks like a totals row ("${p.value}") and is not counted. If it is an ordinary row, write its codes.`
        : `${p.why === "labelInCode" ? `The row has "${p.value}" in a code column (${p.columns})` : `The row has no codes (${p.columns})`} and is taken as a totals row${p.why !== "labelInCode" && p.value ? ` ("${p.value}")` : ""}: ${p.quantity} is not counted. The row is shown on KPB Avstämning; if it is an ordinary row, write its codes.`,
  },
  otherYearRows: {
    sv: (p) => `${svCount(p.count, "rad", "rader")} gäller år ${p.otherYear}, inte körningsåret ${p.year}, och räknas inte (${svFirstOn(p.count, p.row)}; ${svQuantity(p.quantity)}). ${svShownRows(p.count)} eller ändra År i Inställningar.`,
    en: (p) => `${enCount(p.count, "row", "rows")} ${p.count == 1 ? "belongs" : "belong"} to ${p.otherYear}, not the run year ${p.year}, and ${p.count == 1 ? "is" : "are"} not counted (${enFirstOn(p.count, p.row)}; ${enQuantity(p.quantity)}). ${enShownRows(p.count)} or change År in Inställningar.`,
  },
  badYear: {
    sv: (p) => (p.value === "" ? `År är tom, så raden räknas inte. Skriv året, t.ex. ${p.year}.` : `År "${p.value}" är inte ett år, så raden räknas inte. Skriv året med fyra siffror, t.ex. ${p.year}.`),
    en: (p) => (p.value === "" ? `År (year) is empty, so the row is not counted. Write the year, e.g. ${p.year}.` : `År (year) "${p.value}" is not a year, so the row is not counted. Write the year in four digits, e.g. ${p.year}.`),
  },
  yearNotInData: {
    sv: (p) =>
      p.window
        ? `Ingen rad i ${p.table} gäller perioden ${p.window}; raderna gäller ${p.years}. Ändra Uppföljning till i Inställningar (eller --period) eller läs in de månadernas data.`
        : `Ingen rad i ${p.table} gäller körningsåret ${p.year}; raderna gäller ${p.years}. Ändra År i Inställningar (eller --year) eller läs in rätt års data.`,
    en: (p) =>
      p.window
        ? `No row in ${p.table} belongs to the period ${p.window}; the rows belong to ${p.years}. Change Uppföljning till in Inställningar (or --period) or load those months' data.`
        : `No row in ${p.table} belongs to the run year ${p.year}; the rows belong to ${p.years}. Change År in Inställningar (or --year) or load the right year's data.`,
  },
  // Finding the contract tables (src/input/table-locator.ts).
  tableAmbiguous: {
    sv: (p) => `${p.count} källor passar som ${p.table}: ${p.chosen} används, inte ${p.others}. Välj källan för ${p.table} under Källdata (Ändra), eller byt namn på den som inte ska användas.`,
    en: (p) => `${p.count} sources fit ${p.table}: ${p.chosen} is used, not ${p.others}. Choose the source of ${p.table} under Source data (Change), or rename the one that should not be used.`,
  },
  savedSourceMissing: {
    sv: (p) =>
      p.chosen
        ? `Det sparade valet för ${p.table}, ${p.saved}, finns inte längre i arbetsboken; ${p.chosen} används i stället. Välj om källan under Källdata om det är fel.`
        : `Det sparade valet för ${p.table}, ${p.saved}, finns inte längre i arbetsboken, och ingen annan källa hittades. Välj källan under Källdata.`,
    en: (p) =>
      p.chosen
        ? `The saved choice for ${p.table}, ${p.saved}, no longer exists in the workbook; ${p.chosen} is used instead. Choose the source again under Source data if that is wrong.`
        : `The saved choice for ${p.table}, ${p.saved}, no longer exists in the workbook, and no other source was found. Choose the source under Source data.`,
  },
  fileUnreadable: {
    sv: (p) => `Filen ${p.file} går inte att läsa: ${p.detail}. Kontrollera att filen finns och är en export (CSV, SIE eller Excel).`,
    en: (p) => `The file ${p.file} cannot be read: ${p.detail}. Check that the file exists and is an export (CSV, SIE or Excel).`,
  },
  csvNoHeader: {
    sv: (p) => `Hittar ingen rubrikrad för ${p.table} i ${p.file} med avgränsaren semikolon, komma eller tabb. Rubrikraden ska ha kolumnerna ${p.expected}; lägg till den i filen.`,
    en: (p) => `No header row for ${p.table} found in ${p.file} with a semicolon, comma or tab delimiter. The header row should have the columns ${p.expected}; add it to the file.`,
  },
  csvBadRecord: {
    sv: (p) => `Raden går inte att dela upp i fält (${p.detail}) och läses inte. Kontrollera citattecknen på raden.`,
    en: (p) => `The line cannot be split into fields (${p.detail}) and is not read. Check the quotation marks on the line.`,
  },
  sieBadLine: {
    sv: (p) => `${p.label}-raden går inte att läsa (${p.detail}) och räknas inte. Gör en ny SIE-export eller rätta raden.`,
    en: (p) => `The ${p.label} line cannot be read (${p.detail}) and is not counted. Make a new SIE export or correct the line.`,
  },
  sieUnbalancedVoucher: {
    sv: (p) => `Verifikationen ${p.voucher} balanserar inte: transaktionerna summerar till ${p.difference}\u00a0kr i stället för 0. Kontrollera verifikationen i ekonomisystemet.`,
    en: (p) => `The voucher ${p.voucher} does not balance: its transactions sum to ${p.difference}\u00a0kr instead of 0. Check the voucher in the finance system.`,
  },
  sieUnknownDimension: {
    sv: (p) => `Dimension ${p.dimension} finns inte bland filens #DIM, så dess objekt används inte (${svCount(p.count, "rad", "rader")}, den första här). Gör en ny SIE-export med dimensionen.`,
    en: (p) => `Dimension ${p.dimension} is not among the file's #DIM, so its objects are not used (${enCount(p.count, "line", "lines")}, the first here). Make a new SIE export with the dimension.`,
  },
  sieDimensionMissing: {
    sv: (p) => `Ingen dimension i ${p.file} motsvarar ${p.target} (dimensioner: ${p.dimensions}). Ange den med --sie-dim ${p.target}=nummer.`,
    en: (p) => `No dimension in ${p.file} corresponds to ${p.target} (dimensions: ${p.dimensions}). Give it with --sie-dim ${p.target}=number.`,
  },
  sieNoRows: {
    sv: (p) => `${p.file} har inga #TRANS- eller #PSALDO-rader på resultatkonton (kontoklass 3–8) för räkenskapsåret. Gör exporten med verifikationer eller periodsaldon för rätt år.`,
    en: (p) => `${p.file} has no #TRANS or #PSALDO lines on result accounts (account classes 3–8) for the financial year. Export with vouchers or period balances for the right year.`,
  },
  sieEncodingMismatch: {
    sv: (p) => `Filen anger #FORMAT ${p.declared} men är skriven i ${p.used} och lästes som ${p.used}. Kontrollera att å, ä och ö ser rätt ut i resultatet.`,
    en: (p) => `The file declares #FORMAT ${p.declared} but is written in ${p.used} and was read as ${p.used}. Check that å, ä and ö look right in the results.`,
  },
  sieResultDiffers: {
    sv: (p) => `Konto ${p.account}: de inlästa raderna summerar till ${p.read}\u00a0kr men filens #RES anger ${p.declared}\u00a0kr. Kontrollera att exporten har alla verifikationer.`,
    en: (p) => `Account ${p.account}: the rows read sum to ${p.read}\u00a0kr but the file's #RES says ${p.declared}\u00a0kr. Check that the export has all vouchers.`,
  },
  siePsaldoCumulative: {
    sv: () => `Filens #PSALDO för resultatkonton är ackumulerade från årets början (så stämmer de med #RES); månadsbeloppen räknades fram som skillnaden mot föregående period. Inget behöver göras.`,
    en: () => `The file's #PSALDO for result accounts are cumulative from the start of the year (that is how they match #RES); monthly amounts were derived as the difference to the previous period. Nothing needs doing.`,
  },
  badPattern: {
    sv: (p) => `Mönstret "${p.value}" går inte att tolka. Skriv tomt (alla), ett exakt värde, ett prefix som 51* eller ett intervall som 5000-5999.`,
    en: (p) => `The pattern "${p.value}" cannot be read. Write empty (any), an exact value, a prefix like 51* or a range like 5000-5999.`,
  },
  unknownTarget: {
    sv: (p) => `Till = "${p.target}" är varken en pool i Pooler eller EXKL. Lägg till poolen i Pooler eller rätta Till.`,
    en: (p) => `Till = "${p.target}" is neither a pool in Pooler nor EXKL. Add the pool to Pooler or correct Till.`,
  },
  exclusionWithoutReason: {
    sv: () => `Regeln exkluderar kostnader men Orsak är tom. Skriv i Orsak varför kostnaderna inte ingår.`,
    en: () => `The rule excludes costs but Orsak (reason) is empty. Write in Orsak why the costs are left out.`,
  },
  rangeCodeLength: {
    sv: (p) => `Intervallet ${p.range} har ${p.digits} siffror men möter ${svCount(p.count, "kod", "koder")} med ett annat antal siffror (inom intervallet: ${p.inside}; utanför: ${p.outside}). Intervall jämförs som tal (0123 = 123, 50000 ligger utanför 5000-5999); kontrollera att regeln gör det du menar.`,
    en: (p) => `The range ${p.range} has ${p.digits} digits but meets ${enCount(p.count, "code", "codes")} with another number of digits (inside the range: ${p.inside}; outside: ${p.outside}). Ranges compare as numbers (0123 = 123, 50000 lies outside 5000-5999); check that the rule does what you mean.`,
  },
  unusedRule: {
    sv: (p) => `Regeln (till ${p.target}) kodar ingen rad i Ekonomi. Rätta mönstret eller ta bort regeln.`,
    en: (p) => `The rule (to ${p.target}) codes no row in Ekonomi. Correct the pattern or remove the rule.`,
  },
  shadowedRule: {
    sv: (p) => `Regeln (${p.pattern} → ${p.target}) nås aldrig: varje rad den kan matcha matchas redan av regeln på rad ${p.byRow} (till ${p.byTarget}), som står före${String(p.byRows).includes(",") ? ` (även rad ${p.byRows})` : ""}. Ta bort regeln eller flytta den ovanför.`,
    en: (p) => `The rule (${p.pattern} → ${p.target}) is never reached: every row it can match is already matched by the rule on row ${p.byRow} (to ${p.byTarget}) above it${String(p.byRows).includes(",") ? ` (also rows ${p.byRows})` : ""}. Remove the rule or move it up.`,
  },
  ruleNeverReached: {
    sv: (p) => `Regeln (${p.pattern} → ${p.target}) nås aldrig på den här huvudboken: ${p.count == 1 ? "den enda raden" : `alla ${svCount(p.count, "rad", "rader")}`} den matchar (${p.amount}\u00a0kr) kodas redan av tidigare regler (rad ${p.byRows}). Ta bort regeln eller flytta den ovanför.`,
    en: (p) => `The rule (${p.pattern} → ${p.target}) is never reached on this ledger: ${p.count == 1 ? "the one row" : `all ${enCount(p.count, "row", "rows")}`} it matches (${p.amount}\u00a0kr) ${p.count == 1 ? "is" : "are"} already coded by earlier rules (row ${p.byRows}). Remove the rule or move it up.`,
  },
  ambiguousCoding: {
    sv: (p) => `${svCount(p.count, "rad", "rader")} i Ekonomi (rad ${p.rows}; ${p.amount}\u00a0kr) kodas av regeln på rad ${p.winnerRow} (till ${p.winnerTarget}) men matchar också senare regler med annat Till: ${otherRules("sv", p.others)}. Ordningen i Kodning avgör; kontrollera att det är avsikten.`,
    en: (p) => `${enCount(p.count, "row", "rows")} in Ekonomi (row ${enRowList(p.rows)}; ${p.amount}\u00a0kr) ${p.count == 1 ? "is" : "are"} coded by the rule on row ${p.winnerRow} (to ${p.winnerTarget}) but also match later rules with another Till: ${otherRules("en", p.others)}. The order in Kodning decides; check that this is intended.`,
  },
  uncodedRow: {
    sv: (p) => `Raden (${p.key}, ${p.amount}\u00a0kr) matchar ingen kodningsregel och redovisas som ej kodat. Lägg till en regel i Kodning som kodar den till en pool eller till EXKL.`,
    en: (p) => `The row (${p.key}, ${p.amount}\u00a0kr) matches no coding rule and is reported as ej kodat (not coded). Add a rule in Kodning that codes it to a pool or to EXKL.`,
  },
  duplicatePool: {
    sv: (p) => `Poolen ${p.pool} finns redan på rad ${p.first}. Ta bort den ena raden eller ge poolen ett eget id.`,
    en: (p) => `The pool ${p.pool} already exists on row ${p.first}. Remove one of the rows or give the pool its own id.`,
  },
  badRegi: {
    sv: (p) => `Regi "${p.value}" känns inte igen. Skriv egen (egen regi) eller annan (annan regi).`,
    en: (p) => `Regi "${p.value}" is not recognised. Write egen (in-house) or annan (external provider).`,
  },
  badPoolType: {
    sv: (p) => `Typ "${p.value}" känns inte igen. Skriv insats (poolen har brukare) eller stöd (poolen fördelas vidare).`,
    en: (p) => `Typ "${p.value}" is not recognised. Write insats (the pool has clients) or stöd (support, allocated onward).`,
  },
  badKeyMethod: {
    sv: (p) => `Fördelning "${p.value}" känns inte igen. Skriv kostnad, volym eller andel.`,
    en: (p) => `Fördelning "${p.value}" is not recognised. Write kostnad, volym or andel.`,
  },
  supportWithoutKey: {
    sv: (p) => `Stödpoolen ${p.pool} saknar Fördelning. Skriv kostnad, volym eller andel i Pooler.`,
    en: (p) => `The support pool ${p.pool} has no Fördelning. Write kostnad, volym or andel in Pooler.`,
  },
  receiverUnknown: {
    sv: (p) => `Mottagaren ${p.receiver} finns inte i Pooler. Lägg till poolen i Pooler eller rätta namnet.`,
    en: (p) => `The receiver ${p.receiver} does not exist in Pooler. Add the pool to Pooler or correct the name.`,
  },
  receiverMatchesNothing: {
    sv: (p) => `Mottagare "${p.receiver}" för stödpoolen ${p.pool} träffar ingen pool i Pooler. Rätta namnet eller ta bort det.`,
    en: (p) => `Mottagare "${p.receiver}" of the support pool ${p.pool} matches no pool in Pooler. Correct the name or remove it.`,
  },
  receiverAreaUnknown: {
    sv: (p) => `Mottagare för stödpoolen ${p.pool} nämner området "${p.value}", som inte känns igen. Skriv ÄO (äldreomsorg), FN, LSS eller IFO.`,
    en: (p) => `Mottagare of the support pool ${p.pool} names the area "${p.value}", which is not recognised. Write ÄO (elderly care), FN, LSS or IFO.`,
  },
  receiverSelf: {
    sv: (p) => `Stödpoolen ${p.pool} fördelar till sig själv. Ta bort poolen ur sina egna Mottagare.`,
    en: (p) => `The support pool ${p.pool} allocates to itself. Remove the pool from its own Mottagare.`,
  },
  receiverAbove: {
    sv: (p) => `Stödpoolen ${p.pool} fördelar uppåt till ${p.receiver}, som står ovanför i Pooler. Stegvis fördelning går bara nedåt; flytta poolen eller välj reciprok fördelning.`,
    en: (p) => `The support pool ${p.pool} allocates upward to ${p.receiver}, which stands above it in Pooler. Step-down allocation goes only downward; move the pool or choose reciprocal allocation.`,
  },
  noReceivers: {
    sv: (p) => `Stödpoolen ${p.pool} (${p.amount}\u00a0kr) har inga mottagare med ${p.basis} att fördela efter. Lägg till mottagare i Pooler eller välj en annan Fördelning.`,
    en: (p) => `The support pool ${p.pool} (${p.amount}\u00a0kr) has no receivers with ${p.basis} to allocate by. Add receivers in Pooler or choose another Fördelning.`,
  },
  noPoolsBelow: {
    sv: (p) => `Stödpoolen ${p.pool} (${p.amount}\u00a0kr) har Mottagare * men står sist i Pooler: inga pooler står nedanför den att fördela till. Flytta den ovanför sina mottagare (stegvis fördelning går bara nedåt) eller välj reciprok fördelning.`,
    en: (p) => `The support pool ${p.pool} (${p.amount}\u00a0kr) has Mottagare * but stands last in Pooler: no pools stand below it to allocate to. Move it above its receivers (step-down allocation goes only downward) or choose reciprocal allocation.`,
  },
  keyUnknownPool: {
    sv: (p) => `Fördelningsnyckeln nämner ${p.pool}, som inte finns i Pooler. Lägg till poolen i Pooler eller rätta namnet i Nycklar.`,
    en: (p) => `The allocation key names ${p.pool}, which does not exist in Pooler. Add the pool to Pooler or correct the name in Nycklar.`,
  },
  keyDuplicate: {
    sv: (p) => `Nyckeln från ${p.pool} till ${p.receiver} finns redan på rad ${p.first}. Andelarna summeras inte; ta bort eller slå ihop raderna.`,
    en: (p) => `The key from ${p.pool} to ${p.receiver} already appears on row ${p.first}. Shares are not added up; remove or merge the rows.`,
  },
  keyOutsideReceivers: {
    sv: (p) => `${p.receiver} får en andel av ${p.pool} i Nycklar men står inte bland stödpoolens Mottagare i Pooler. Lägg till den i Mottagare eller ta bort nyckelraden.`,
    en: (p) => `${p.receiver} gets a share of ${p.pool} in Nycklar but is not among the support pool's Mottagare in Pooler. Add it to Mottagare or remove the key row.`,
  },
  volumeKeyMixedUnits: {
    sv: (p) => `Stödpoolen ${p.pool} fördelas efter volym, men mottagarnas volymer har olika enheter och kan inte läggas ihop: ${p.receivers}. Fördela med andel eller kostnad, eller dela upp stödpoolen per enhet.`,
    en: (p) => `The support pool ${p.pool} is allocated by volume, but its receivers' volumes have different units and cannot be added: ${p.receivers}. Allocate by andel or kostnad, or split the support pool per unit.`,
  },
  receiverWithoutKey: {
    sv: (p) => `${p.receiver} står bland Mottagare för ${p.pool} men har ingen andel i Nycklar och får inget av stödpoolen. Lägg till en andel i Nycklar eller ta bort mottagaren.`,
    en: (p) => `${p.receiver} is among the Mottagare of ${p.pool} but has no share in Nycklar and gets nothing from the support pool. Add a share in Nycklar or remove the receiver.`,
  },
  keyNotSupport: {
    sv: (p) => `${p.pool} fördelas inte med andel i Pooler, så nyckeln används inte. Ändra Fördelning till andel eller ta bort nyckelraderna.`,
    en: (p) => `${p.pool} is not allocated by andel in Pooler, so the key is not used. Change Fördelning to andel or remove the key rows.`,
  },
  keySharesSum: {
    sv: (p) => `Andelarna för ${p.pool} i Nycklar summerar till ${shareSum("sv", p.sum)}, inte 1 (100\u00a0%). Rätta andelarna så att de blir 100\u00a0% tillsammans.`,
    en: (p) => `The shares for ${p.pool} in Nycklar sum to ${shareSum("en", p.sum)}, not 1 (100\u00a0%). Correct the shares so that together they make 100\u00a0%.`,
  },
  keySharesMixed: {
    sv: (p) => `Andelarna för ${p.pool} blandar decimaltal och procent (t.ex. 60 och 0,4); de blir 100\u00a0% bara om varje tal över 1 läses som procent, och så har de lästs. Skriv alla andelar på samma sätt: som decimaltal (0,125 = 12,5\u00a0%) eller i procent.`,
    en: (p) => `The shares for ${p.pool} mix decimals and percent (e.g. 60 and 0.4); they make 100\u00a0% only if every number over 1 is read as percent, which is how they were read. Write all shares the same way: as decimals (0.125 = 12.5\u00a0%) or in percent.`,
  },
  keyMissing: {
    sv: (p) => `Stödpoolen ${p.pool} fördelas med andel men har inga rader i Nycklar. Lägg till mottagarnas andelar i Nycklar.`,
    en: (p) => `The support pool ${p.pool} is allocated by andel but has no rows in Nycklar. Add the receivers' shares to Nycklar.`,
  },
  negativeShare: {
    sv: () => `Andelen är negativ. Skriv en andel från 0 till 1 (eller 0–100\u00a0%).`,
    en: () => `The share is negative. Write a share from 0 to 1 (or 0–100\u00a0%).`,
  },
  negativeKeyWeight: {
    sv: (p) => `${p.receiver} har negativ direkt kostnad (${p.amount}\u00a0kr) och får ingen del av ${p.pool}. Kontrollera kodningen av poolens kostnader.`,
    en: (p) => `${p.receiver} has a negative direct cost (${p.amount}\u00a0kr) and gets no share of ${p.pool}. Check the coding of the pool's costs.`,
  },
  unknownArea: {
    sv: (p) => `Område "${p.value}" känns inte igen. Skriv ÄO, FN, LSS eller IFO.`,
    en: (p) => `Område "${p.value}" is not recognised. Write ÄO, FN, LSS or IFO.`,
  },
  insatsNotInCatalogue: {
    sv: (p) => `Insatsen "${p.insats}" finns inte i Insatskatalog och är inget känt namn på någon av dess insatser, så område, volymenhet och nyckeltal är okända. Lägg till insatsen i Insatskatalog.`,
    en: (p) => `The intervention "${p.insats}" is not in Insatskatalog nor a known name for one of its interventions, so its area, volume unit and key figure are unknown. Add the intervention to Insatskatalog.`,
  },
  insatsSpelling: {
    sv: (p) => `Insatsen "${p.insats}" läses som "${p.first}" (rad ${p.row}): samma insats, stavad på två sätt. Skriv den likadant på alla rader.`,
    en: (p) => `The intervention "${p.insats}" is read as "${p.first}" (row ${p.row}): the same intervention, spelled two ways. Spell it the same on every row.`,
  },
  volumeUnitConverted: {
    sv: (p) => `Insatsen "${p.insats}" har volymenheten ${p.from} i Insatskatalog: volymerna i Brukare räknas om till ${p.to} (${p.how}), så styckkostnader och timintervall gäller ${p.to}. Inget behöver göras om enheten stämmer.`,
    en: (p) => `The intervention "${p.insats}" has the volume unit ${p.from} in Insatskatalog: the volumes in Brukare are converted to ${p.to} (${p.how}), so unit costs and hour bands are per ${p.to}. Nothing needs doing if the unit is right.`,
  },
  volumeUnitMismatch: {
    sv: (p) => `Insatsen "${p.insats}" mäts i ${p.unit}, men nyckeltalet ${p.keyFigure} gäller ${p.figureUnit}, så nyckeltalet räknas inte (styckkostnaden visas per ${p.unit}). Ändra Volymenhet eller Nyckeltal i Insatskatalog.`,
    en: (p) => `The intervention "${p.insats}" is measured in ${p.unit}, but the key figure ${p.keyFigure} is in ${p.figureUnit}, so the key figure is not computed (the unit cost is shown per ${p.unit}). Change Volymenhet or Nyckeltal in Insatskatalog.`,
  },
  clientPoolUnknown: {
    sv: (p) => `Poolen ${p.pool} finns inte i Pooler, så volymen kan inte kostnadsberäknas. Lägg till poolen i Pooler eller rätta pool-id i Brukare.`,
    en: (p) => `The pool ${p.pool} does not exist in Pooler, so the volume cannot be costed. Add the pool to Pooler or correct the pool id in Brukare.`,
  },
  clientPoolIsSupport: {
    sv: (p) => `${p.pool} är en stödpool, och brukarvolymer ska ligga på insatspooler. Flytta volymen till rätt insatspool eller ändra Typ till insats i Pooler.`,
    en: (p) => `${p.pool} is a support pool, and client volumes belong to intervention pools. Move the volume to the right intervention pool or change Typ to insats in Pooler.`,
  },
  negativeVolume: {
    sv: (p) => `Volymen ${p.value} är negativ. Skriv volymen som 0 eller ett positivt tal.`,
    en: (p) => `The volume ${p.value} is negative. Write the volume as 0 or a positive number.`,
  },
  volumeTooLarge: {
    sv: (p) => `Volymen ${p.value} är orimligt stor (över 100 miljoner på en rad), så raden räknas inte. Kontrollera Volym.`,
    en: (p) => `The volume ${p.value} is implausibly large (over 100 million on one row), so the row is not counted. Check Volym.`,
  },
  volumeIsTime: {
    sv: (p) => `Volymen är en tidcell (klockslaget ${p.time}), inte ett antal, så raden räknas inte. Skriv volymen som tal, t.ex. ${p.hours} för ${p.time}.`,
    en: (p) => `The volume is a time cell (the time ${p.time}), not a quantity, so the row is not counted. Write the volume as a number, e.g. ${p.hours} for ${p.time}.`,
  },
  zeroVolume: {
    sv: () => `Volymen är 0, så raden påverkar inget. Ta bort raden eller skriv rätt volym.`,
    en: () => `The volume is 0, so the row changes nothing. Remove the row or write the right volume.`,
  },
  volumePrecision: {
    sv: (p) => `Volymen ${p.value} har fler än sex decimaler och har avrundats. Skriv volymen med högst sex decimaler.`,
    en: (p) => `The volume ${p.value} has more than six decimals and was rounded. Write the volume with at most six decimals.`,
  },
  duplicateClientRow: {
    sv: (p) => `Brukare ${p.client}, pool ${p.pool}, period ${p.period} finns redan på rad ${p.first}, så volymerna läggs ihop. Ta bort dubbletten om den inte är avsiktlig.`,
    en: (p) => `Client ${p.client}, pool ${p.pool}, period ${p.period} already appears on row ${p.first}, so the volumes are added. Remove the duplicate unless it is intended.`,
  },
  periodOutsideYear: {
    sv: (p) => `Perioden ${p.period} ligger utanför körningsåret ${p.year}, så raden räknas inte${p.quantity === undefined ? "" : ` (${svQuantity(p.quantity)})`}. Rätta Period eller ändra År i Inställningar.`,
    en: (p) => `The period ${p.period} is outside the run year ${p.year}, so the row is not counted${p.quantity === undefined ? "" : ` (${enQuantity(p.quantity)})`}. Correct Period or change År in Inställningar.`,
  },
  periodOutsideWindowRows: {
    sv: (p) =>
      `${svCount(p.count, "rad", "rader")} har en period i ${p.otherYear} utanför ${p.calendar ? `körningsåret ${p.year}` : `perioden ${p.window}`} och räknas inte (${svFirstOn(p.count, p.row)}; ${svQuantity(p.quantity)}). ${svShownRows(p.count)} eller ändra Uppföljning till i Inställningar.`,
    en: (p) =>
      `${enCount(p.count, "row", "rows")} ${p.count == 1 ? "has" : "have"} a period in ${p.otherYear} outside ${p.calendar ? `the run year ${p.year}` : `the period ${p.window}`} and ${p.count == 1 ? "is" : "are"} not counted (${enFirstOn(p.count, p.row)}; ${enQuantity(p.quantity)}). ${enShownRows(p.count)} or change Uppföljning till in Inställningar.`,
  },
  periodEmpty: {
    sv: (p) => `Period är tom (${svQuantity(p.quantity)}), så raden räknas inte. I en tabell med kolumnen Period behöver varje rad sin månad; skriv den, t.ex. 2025-06.`,
    en: (p) => `Period is empty (${enQuantity(p.quantity)}), so the row is not counted. In a table with a Period column every row needs its month; write it, e.g. 2025-06.`,
  },
  periodNotAMonth: {
    sv: (p) => `Period "${p.value}" är ingen månad (förväntade ${p.expected}), så raden räknas inte (${svQuantity(p.quantity)}). Skriv månaden som ÅÅÅÅ-MM, t.ex. 2025-06.`,
    en: (p) => `Period "${p.value}" is not a month, so the row is not counted (${enQuantity(p.quantity)}). Write the month as YYYY-MM, e.g. 2025-06.`,
  },
  periodColumnMissing: {
    sv: (p) => `Uppföljningen för ${p.window} väljer rader efter månad, men ${p.table} saknar kolumnen Period. Lägg till Period (ÅÅÅÅ-MM) eller kör helåret (utan Uppföljning till / --period).`,
    en: (p) => `The follow-up for ${p.window} selects rows by month, but ${p.table} has no Period column. Add Period (YYYY-MM) or run the whole year (without Uppföljning till / --period).`,
  },
  badBirthYear: {
    sv: (p) => `Födelseår "${p.value}" är inte ett rimligt år. Skriv födelseåret med fyra siffror, t.ex. 1938.`,
    en: (p) => `Birth year "${p.value}" is not a plausible year. Write the birth year in four digits, e.g. 1938.`,
  },
  birthYearEmpty: {
    sv: (p) => `${p.column} är tom. Har brukaren inget födelseår på andra rader räknas hen i åldersgruppen "okänd" och kommer inte med i nyckeltalen per åldersgrupp. Fyll i födelseåret.`,
    en: (p) => `${p.column} is empty. Unless the client has a birth year on other rows, they count in the age group "okänd" (unknown) and are left out of the figures per age group. Fill in the birth year.`,
  },
  conflictingBirthYear: {
    sv: (p) => `Brukare ${p.client} har två födelseår (${p.first} och ${p.second}); ${p.first} används. Rätta födelseåret så att det är samma på alla rader.`,
    en: (p) => `Client ${p.client} has two birth years (${p.first} and ${p.second}); ${p.first} is used. Correct the birth year so that it is the same on every row.`,
  },
  conflictingHousing: {
    sv: (p) => `Brukare ${p.client} har två boendeformer under året (${p.first} och ${p.second}); den med störst kostnad räknas: ${p.chosen} (${p.chosenAmount}\u00a0kr mot ${p.otherAmount}\u00a0kr). Inget behöver göras om brukaren flyttade under året.`,
    en: (p) => `Client ${p.client} has two housing forms in the year (${p.first} and ${p.second}); the one with the largest cost counts: ${p.chosen} (${p.chosenAmount}\u00a0kr against ${p.otherAmount}\u00a0kr). Nothing needs doing if the client moved during the year.`,
  },
  conflictingSex: {
    sv: (p) => `Brukare ${p.client} har två värden för kön (${p.first} och ${p.second}); ${p.first} (första raden) används. Rätta kön så att det är samma på alla rader.`,
    en: (p) => `Client ${p.client} has two values for sex (${p.first} and ${p.second}); ${p.first} (the first row) is used. Correct it so that it is the same on every row.`,
  },
  unknownHousing: {
    sv: (p) => `Boendeformen "${p.value}" känns inte igen (${svCount(p.count, "rad", "rader")}), så poolens insats avgör boendet (särskilt boende eller ordinärt boende). Skriv Särskilt eller Ordinärt.`,
    en: (p) => `The housing form "${p.value}" is not recognised (${enCount(p.count, "row", "rows")}), so the pool's intervention decides the housing (residential care or ordinary housing). Write Särskilt or Ordinärt.`,
  },
  personalIdentityNumber: {
    sv: (p) => `${svCount(p.count, "brukar-id ser", "brukar-id ser")} ut som personnummer eller samordningsnummer. ${p.count == 1 ? "Det" : "De"} skrivs aldrig ut; resultaten visar en pseudonym i stället. Spara pseudonymiseringsnyckeln så att samma brukare får samma pseudonym nästa år.`,
    en: (p) => `${enCount(p.count, "client id looks", "client ids look")} like a personal identity or coordination number. ${p.count == 1 ? "It is" : "They are"} never written out; results show a pseudonym instead. Keep the pseudonymisation key so that the same client gets the same pseudonym next year.`,
  },
  benchmarkBadYear: {
    sv: (p) => `År "${p.value}" är inte ett år, så jämförelseraden används inte. Skriv året med fyra siffror, t.ex. 2024.`,
    en: (p) => `År (year) "${p.value}" is not a year, so the benchmark row is not used. Write the year in four digits, e.g. 2024.`,
  },
  benchmarkImplausible: {
    sv: (p) => `Jämförelsevärdet ${p.value} för ${p.keyFigure} är orimligt (över 1\u00a0000 miljarder eller under en miljarddel), så raden används inte. Kontrollera Värde.`,
    en: (p) => `The benchmark value ${p.value} for ${p.keyFigure} is implausible (over 1\u00a0000 billion or under a billionth), so the row is not used. Check Värde.`,
  },
  benchmarkRowUnmatched: {
    sv: (p) => `Jämförelseraden "${p.name}" motsvarar inget nyckeltal och används inte. ${p.closest ? `Närmast: ${p.closest}.` : "Inget nyckeltal har liknande ord."} Skriv nyckeltalets namn eller id.`,
    en: (p) => `The benchmark row "${p.name}" matches no key figure and is not used. ${p.closest ? `Closest: ${p.closest}.` : "No key figure has similar words."} Write the figure's name or id.`,
  },
  benchmarkLaterYear: {
    sv: (p) => `${svCount(p.count, "jämförelserad", "jämförelserader")} gäller år efter körningsåret ${p.year} (${p.years}) och används inte; jämförelsevärden tas aldrig från ett senare år än körningsåret. Inget behöver göras.`,
    en: (p) => `${enCount(p.count, "benchmark row is", "benchmark rows are")} for years after the run year ${p.year} (${p.years}) and not used; a benchmark is never taken from a year later than the run year. Nothing needs doing.`,
  },
  benchmarkShareAmbiguous: {
    sv: (p) => `Värdet ${p.value} för ${p.keyFigure} är en andel under 1 och läses som ${p.value}\u00a0% (andelar i Jämförelse anges i procent). Menar du ${p.percent}\u00a0%, skriv ${p.percent} eller formatera cellen som procent.`,
    en: (p) => `The value ${p.value} for ${p.keyFigure} is a share below 1 and is read as ${p.value}\u00a0% (shares in Jämförelse are in percent). If you mean ${p.percent}\u00a0%, write ${p.percent} or format the cell as percent.`,
  },
  personalDataInCells: {
    sv: (p) => `${svCount(p.count, "cell", "celler")} i ${p.column} (${svFirstOn(p.count, p.row)}) innehåller något som ser ut som ett personnummer eller samordningsnummer. Det skrivs aldrig ut; en pseudonym används i stället. Ta bort personnumret ur indata.`,
    en: (p) => `${enCount(p.count, "cell", "cells")} in ${p.column} (${enFirstOn(p.count, p.row)}) ${p.count == 1 ? "holds" : "hold"} something that looks like a personal identity or coordination number. It is never written out; a pseudonym is used instead. Remove it from the input.`,
  },
  poolWithoutVolume: {
    sv: (p) => `Poolen ${p.pool} har kostnad (${p.amount}\u00a0kr) men ingen volym i Brukare, så den får ingen styckkostnad och ingen brukarkostnad, och kostnaden ingår inte i insatsens styckkostnad (se Pooler utan volym på KPB Avstämning). Lägg in poolens volymer i Brukare eller koda kostnaden till en annan pool.`,
    en: (p) => `The pool ${p.pool} has cost (${p.amount}\u00a0kr) but no volume in Brukare, so it gets no unit cost and no client cost, and the cost is not in the intervention's unit cost (see Pooler utan volym on KPB Avstämning). Put the pool's volumes in Brukare or code the cost to another pool.`,
  },
  poolWithoutCost: {
    sv: (p) => `Poolen ${p.pool} har volym men ingen kostnad, så styckkostnaden blir 0. Koda poolens kostnader till den i Kodning.`,
    en: (p) => `The pool ${p.pool} has volume but no cost, so its unit cost is 0. Code the pool's costs to it in Kodning.`,
  },
  capacityExceeded: {
    sv: (p) => `Poolen ${p.pool} har ${svCount(svNumber(p.days), "dygn", "dygn")} men bara ${svCount(p.places, "plats", "platser")} × ${svCount(p.daysInYear, "dag", "dagar")} = ${svCount(svNumber(p.capacity), "dygn", "dygn")}. Kontrollera Volym i Brukare eller Platser i Pooler.`,
    en: (p) => `The pool ${p.pool} has ${enCount(enNumber(p.days), "day", "days")} but only ${enCount(p.places, "place", "places")} × ${enCount(p.daysInYear, "day", "days")} = ${enCount(enNumber(p.capacity), "day", "days")}. Check Volym in Brukare or Platser in Pooler.`,
  },
  populationMissing: {
    sv: (p) => `Befolkning saknas för åldersgruppen ${p.group}, så kostnad per invånare och andel brukare beräknas inte för den. Lägg till åldersgruppen i Befolkning.`,
    en: (p) => `Population is missing for the age group ${p.group}, so cost per inhabitant and share of clients are not computed for it. Add the age group to Befolkning.`,
  },
  populationGap: {
    sv: (p) => `Befolkning ger inte åldersgruppen ${p.group} exakt: åldrarna ${p.missing} saknas (eller raderna överlappar). Ingen kostnad per invånare eller andel brukare för gruppen; lägg till raderna.`,
    en: (p) => `Befolkning does not give the age group ${p.group} exactly: the ages ${p.missing} are missing (or the rows overlap). No cost per inhabitant or client share for the group; add the rows.`,
  },
  populationStraddles: {
    sv: (p) => `Befolkningsraden ${p.value} spänner över åldersgrupperna ${p.groups} och kan inte delas mellan dem, så raden används inte. Ange befolkningen per åldersgrupp, per delgrupp inom en grupp eller per ettårsålder.`,
    en: (p) => `The population row ${p.value} spans the age groups ${p.groups} and cannot be split between them, so the row is not used. Give the population per age group, per part of a group or per single year of age.`,
  },
  populationOverlap: {
    sv: (p) => `Befolkningsraden ${p.value} överlappar raden ${p.other} (rad ${p.otherRow}) i åldersgruppen ${p.group}; samma invånare räknas inte två gånger. Ta bort den ena raden.`,
    en: (p) => `The population row ${p.value} overlaps the row ${p.other} (row ${p.otherRow}) in the age group ${p.group}; the same inhabitants are not counted twice. Remove one of the rows.`,
  },
  populationSubtotal: {
    sv: (p) => `Befolkningsraden ${p.value} (${svCount(svNumber(p.count), "invånare", "invånare")}) är en delsumma av ${p.parts} och räknas inte en gång till. Inget behöver göras.`,
    en: (p) => `The population row ${p.value} (${enCount(enNumber(p.count), "inhabitant", "inhabitants")}) is a subtotal of ${p.parts} and is not counted again. Nothing needs doing.`,
  },
  populationSubtotalDiffers: {
    sv: (p) => `Befolkningsraden ${p.value} (${svCount(svNumber(p.count), "invånare", "invånare")}) är en delsumma av ${p.parts}, men de summerar till ${svNumber(p.partsSum)}. De finare raderna används; kontrollera befolkningen.`,
    en: (p) => `The population row ${p.value} (${enCount(enNumber(p.count), "inhabitant", "inhabitants")}) is a subtotal of ${p.parts}, but they sum to ${enNumber(p.partsSum)}. The finer rows are used; check the population.`,
  },
  population80Missing: {
    sv: () => `Befolkning ger inte antalet invånare 80 år och äldre exakt (t.ex. bara en rad för 85 år och äldre, eller en rad 75-84), så volym per invånare 80 år och äldre beräknas inte. Lägg till rader som börjar vid 80 år.`,
    en: () => `Befolkning does not give the number of inhabitants aged 80 and over exactly (e.g. only a row for 85 and over, or a row 75-84), so volume per inhabitant aged 80 and over is not computed. Add rows that start at 80.`,
  },
  unknownAgeGroup: {
    sv: (p) => `Åldersgruppen "${p.value}" känns inte igen. Skriv t.ex. 0-19, 20-64, 65-79 eller 80-w (80 år och äldre).`,
    en: (p) => `The age group "${p.value}" is not recognised. Write e.g. 0-19, 20-64, 65-79 or 80-w (80 and over).`,
  },
  unknownSetting: {
    sv: (p) => `Inställningen "${p.value}" känns inte igen och används inte. Rätta namnet eller ta bort raden.`,
    en: (p) => `The setting "${p.value}" is not recognised and is not used. Correct the name or remove the row.`,
  },
  badSetting: {
    sv: (p) => `Inställningen ${p.setting} har värdet "${p.value}", men ska vara ${p.expected}. Standardvärdet används tills du rättar värdet.`,
    en: (p) => `The setting ${p.setting} has the value "${p.value}" but should be ${p.expected}. The default is used until you correct the value.`,
  },
  hourBandFromZero: {
    sv: (p) => `Timintervallen börjar vid ${p.first}, inte 0; intervallet 0-${p.first} har lagts till så att brukare med färre timmar räknas i rätt intervall. Lägg till intervallet själv om du vill bestämma det.`,
    en: (p) => `The hour bands start at ${p.first}, not 0; the band 0-${p.first} was added so that clients with fewer hours are counted in the right band. Add the band yourself to decide it.`,
  },
  reciprocalSingular: {
    sv: () => `De ömsesidiga stödpoolerna fördelar bara till varandra, så ekvationssystemet saknar lösning. Ge minst en av dem en insatspool som mottagare.`,
    en: () => `The mutual support pools allocate only to each other, so the system has no solution. Give at least one of them an intervention pool as receiver.`,
  },
  moneyOverflow: {
    sv: () => `Beloppen är för stora för att räknas exakt. Kontrollera att beloppen i Ekonomi är i kronor.`,
    en: () => `The amounts are too large to compute exactly. Check that the amounts in Ekonomi are in kronor.`,
  },
  internalError: {
    sv: (p) => `Beräkningen stannade på ett oväntat fel (${p.detail}). Inget resultat skrevs. Rapportera felet tillsammans med en avidentifierad kopia av arbetsboken.`,
    en: (p) => `The calculation stopped on an unexpected error (${p.detail}). No result was written. Please report it with a de-identified copy of the workbook.`,
  },
  // Hemtjänsttid = utförd: the hemtjänst figure is per performed hour, the KPB-snitt per granted hour.
  homeCareHoursPerformed: {
    sv: () => `Hemtjänsttid är utförd: kostnaden per hemtjänsttimme gäller utförd tid och blir högre än per beviljad timme. KPB-snittet och Kolada gäller beviljad timme, så jämförelsen håller bara med en notering om det. Skriv beviljad om Volym är beviljade timmar.`,
    en: () => `Hemtjänsttid is utförd: the cost per home-care hour is per performed hour and is higher than per granted hour. The KPB-snitt and Kolada are per granted hour, so the comparison holds only with a note saying so. Write beviljad if Volym holds granted hours.`,
  },
  reconciliationFailed: {
    sv: (p) => `Avstämningen går inte ihop: ${p.detail}. Inget resultat skrevs. Rapportera felet tillsammans med en avidentifierad kopia av arbetsboken.`,
    en: (p) => `The reconciliation does not balance: ${p.detail}. No result was written. Please report it with a de-identified copy of the workbook.`,
  },
} satisfies Record<string, { sv: Text; en: Text }>;

export type MessageCode = keyof typeof MESSAGES;

/** Amounts come formatted the Swedish way ("1\u00a0234,50\u00a0kr"); English reads "1,234.50\u00a0kr". */
const englishAmounts = (text: string): string =>
  text.replace(/([−-]?)(\d{1,3}(?:\u00a0\d{3})*),(\d{2})(?=\u00a0kr)/g, (m, sign: string, int: string, dec: string) => `${sign ? "-" : ""}${int.replace(/\u00a0/g, ",")}.${dec}`);

export function renderMessage(code: string, params: Params, language: "sv" | "en" = "sv"): string {
  const entry = (MESSAGES as Record<string, { sv: Text; en: Text }>)[code];
  if (!entry) return code;
  return language === "en" ? englishAmounts(entry.en(params)) : entry.sv(params);
}
