/**
 * The command line's texts (help, progress, summaries, errors), in Swedish and English by key.
 * Swedish by default; `--lang en` anywhere on the command line switches every command to English.
 */
import { defineMessages, messageRenderer } from "../engine";
import { enCount, svCount, type Language } from "../engine";

let language: Language = "sv";

/** The language the command line writes in (set once by main from --lang). */
export function setCliLanguage(next: Language): void {
  language = next;
}

export function cliLanguage(): Language {
  return language;
}

const USAGE_SV = `Användning:
  kpb run <arbetsbok.xlsx> [--out resultat.xlsx] [--json resultat.json] [--year ÅR] [--method stegvis|reciprok]
                                 [--period ÅÅÅÅ-MM]   uppföljning: de tolv månaderna som slutar med månaden
                                                      (Ekonomi och Brukare behöver kolumnen Period)
                                 [--ytd]              med --period: januari till och med månaden i stället
                                 [--secret-file FIL]  pseudonymiseringsnyckeln (standard: .kpb-secret i arbetsbokens mapp)
                                 [--problems FIL]     dataproblemen när körningen stoppas (standard: <json-namn>.problems.json)
                                 [--ekonomi FIL] [--brukare FIL]  ersätter arbetsbokens Ekonomi/Brukare med en fil:
                                                      .csv/.txt (export), .se/.si (SIE 4, bara Ekonomi) eller .xlsx
                                 [--sie-dim Ansvar=1,Verksamhet=20,Aktivitet=21]  SIE-dimensioner (standard: efter #DIM-namn)
  kpb demo [--dir MAPP] [--months 24]  kör exempelkommunen Exempelby (skriver indata, resultat och JSON);
                                 med --months 24 två år med Period och uppföljningen till 2025-06 (bladet KPB Månad)
  kpb sample <fil.xlsx> [--force] [--months 24]  skriver exempelkommunens indata till en arbetsbok (skriver inte över utan --force)
  kpb kolada <arbetsbok.xlsx> --kommun KOD [--jamfor KODER] [--ar ÅR] [--out fil.xlsx]
                                 hämtar KPB-nyckeltalen från Kolada (kommunen, jämförelsekommuner eller
                                 grupper som G33, år som 2022-2024; standard kommunkod och år ur
                                 Inställningar) och skriver en kopia av arbetsboken med dem i Jämförelse
                                 (standard <arbetsbok>-kolada.xlsx; originalet skrivs aldrig över)
  kpb explain <arbetsbok.xlsx> --pool ID | --client ID | --figure ID [--rows N|alla]
                                 förklarar en pools, brukares eller ett nyckeltals siffra ned till
                                 Ekonomi-raderna, reglerna och stödpoolernas andelar (50 rader per kostnadsslag)
  kpb --help
  Alla kommandon: [--lang sv|en]  språket för texterna (standard svenska)

Slutkod: 0 klart (varningar tillåtna), 1 datafel stoppade körningen (tidigare resultat orörda), 2 fel användning eller fil.`;

const USAGE_EN = `Usage:
  kpb run <workbook.xlsx> [--out result.xlsx] [--json result.json] [--year YEAR] [--method stegvis|reciprok]
                                 [--period YYYY-MM]   follow-up: the twelve months ending with the month
                                                      (Ekonomi and Brukare need the column Period)
                                 [--ytd]              with --period: January up to and including the month instead
                                 [--secret-file FILE] the pseudonymisation key (default: .kpb-secret in the workbook's folder)
                                 [--problems FILE]    the data problems when the run is stopped (default: <json name>.problems.json)
                                 [--ekonomi FILE] [--brukare FILE]  replaces the workbook's Ekonomi/Brukare with a file:
                                                      .csv/.txt (export), .se/.si (SIE 4, Ekonomi only) or .xlsx
                                 [--sie-dim Ansvar=1,Verksamhet=20,Aktivitet=21]  SIE dimensions (default: by #DIM name)
  kpb demo [--dir FOLDER] [--months 24]  runs the sample municipality Exempelby (writes input, results and JSON);
                                 with --months 24 two years with Period and the follow-up to 2025-06 (the sheet KPB Månad)
  kpb sample <file.xlsx> [--force] [--months 24]  writes the sample municipality's input to a workbook (never overwrites without --force)
  kpb kolada <workbook.xlsx> --kommun CODE [--jamfor CODES] [--ar YEAR] [--out file.xlsx]
                                 fetches the KPB key figures from Kolada (the municipality, peer municipalities or
                                 groups like G33, years like 2022-2024; by default the municipality code and year from
                                 Inställningar) and writes a copy of the workbook with them in Jämförelse
                                 (default <workbook>-kolada.xlsx; the original is never overwritten)
  kpb explain <workbook.xlsx> --pool ID | --client ID | --figure ID [--rows N|all]
                                 explains a pool's, a client's or a key figure's number down to the
                                 Ekonomi rows, the rules and the support pools' shares (50 rows per cost type)
  kpb --help
  Every command: [--lang sv|en]  the language of the texts (default Swedish)

Exit code: 0 done (warnings allowed), 1 data errors stopped the run (earlier results untouched), 2 wrong use or file.`;

type File = { file: string };

export const CLI_MESSAGES = defineMessages({
  usage: { sv: () => USAGE_SV, en: () => USAGE_EN },
  // Wrong use
  flagNeedsValue: { sv: (p: { flag: string }) => `--${p.flag} behöver ett värde.`, en: (p: { flag: string }) => `--${p.flag} needs a value.` },
  badSieDimension: {
    sv: (p: { part: string }) => `--sie-dim: "${p.part}" ska vara Ansvar, Verksamhet eller Aktivitet = dimensionens nummer i SIE-filen, eller = ingen (t.ex. Ansvar=1,Verksamhet=20,Aktivitet=ingen).`,
    en: (p: { part: string }) => `--sie-dim: "${p.part}" should be Ansvar, Verksamhet or Aktivitet = the dimension's number in the SIE file, or = none (e.g. Ansvar=1,Verksamhet=20,Aktivitet=none).`,
  },
  unknownFlag: { sv: (p: { flag: string }) => `Okänd flagga --${p.flag}.`, en: (p: { flag: string }) => `Unknown flag --${p.flag}.` },
  unknownCommand: { sv: (p: { command: string }) => `Okänt kommando "${p.command}". Se kpb --help.`, en: (p: { command: string }) => `Unknown command "${p.command}". See kpb --help.` },
  badLanguage: { sv: () => `--lang ska vara sv eller en.`, en: () => `--lang should be sv or en.` },
  badYear: { sv: (p: { flag: string }) => `${p.flag} ska vara ett år, t.ex. 2024.`, en: (p: { flag: string }) => `${p.flag} should be a year, e.g. 2024.` },
  badPeriod: { sv: () => `--period ska vara en månad ÅÅÅÅ-MM, t.ex. 2025-06.`, en: () => `--period should be a month YYYY-MM, e.g. 2025-06.` },
  yearAndPeriodDiffer: {
    sv: (p: { year: number; period: string }) => `--year ${p.year} och --period ${p.period} säger olika år; --period räcker.`,
    en: (p: { year: number; period: string }) => `--year ${p.year} and --period ${p.period} say different years; --period is enough.`,
  },
  ytdNeedsPeriod: { sv: () => `--ytd behöver --period ÅÅÅÅ-MM (sista månaden).`, en: () => `--ytd needs --period YYYY-MM (the last month).` },
  badMethod: { sv: () => `--method ska vara stegvis eller reciprok.`, en: () => `--method should be stegvis (step-down) or reciprok (reciprocal).` },
  badMonths: { sv: () => `--months ska vara 12 eller 24.`, en: () => `--months should be 12 or 24.` },
  badRows: { sv: () => `--rows ska vara ett antal rader eller alla.`, en: () => `--rows should be a number of rows or all.` },
  sameAsInput: {
    sv: (p: { flag: string }) => `${p.flag} får inte vara samma fil som indata (indata skrivs aldrig över). Välj ett annat filnamn.`,
    en: (p: { flag: string }) => `${p.flag} must not be the same file as the input (the input is never overwritten). Choose another file name.`,
  },
  sameOutputs: { sv: (p: { a: string; b: string }) => `${p.a} och ${p.b} får inte vara samma fil.`, en: (p: { a: string; b: string }) => `${p.a} and ${p.b} must not be the same file.` },
  outputsSameAsTableFile: {
    sv: (p: { flag: string }) => `--out och --json får inte vara samma fil som --${p.flag} (indata skrivs aldrig över).`,
    en: (p: { flag: string }) => `--out and --json must not be the same file as --${p.flag} (the input is never overwritten).`,
  },
  koladaSameAsWorkbook: {
    sv: () => `--out får inte vara samma fil som arbetsboken (originalet skrivs aldrig över).`,
    en: () => `--out must not be the same file as the workbook (the original is never overwritten).`,
  },
  needsOneWorkbook: { sv: (p: { command: string }) => `kpb ${p.command} behöver exakt en arbetsbok.`, en: (p: { command: string }) => `kpb ${p.command} needs exactly one workbook.` },
  sampleNeedsFile: { sv: () => `kpb sample behöver ett filnamn.`, en: () => `kpb sample needs a file name.` },
  sampleExists: {
    sv: (p: File) => `${p.file} finns redan; välj ett annat namn eller lägg till --force för att skriva över.`,
    en: (p: File) => `${p.file} already exists; choose another name or add --force to overwrite it.`,
  },
  explainNeedsOne: { sv: () => `kpb explain behöver en av --pool, --client eller --figure.`, en: () => `kpb explain needs one of --pool, --client or --figure.` },
  // Progress and results
  reading: { sv: (p: File) => `Läser ${p.file}`, en: (p: File) => `Reading ${p.file}` },
  computing: { sv: () => `Beräknar KPB`, en: () => `Computing KPB` },
  computingMonths: { sv: () => `Räknar månad för månad`, en: () => `Computing month by month` },
  writing: { sv: (p: File) => `Skriver ${p.file}`, en: (p: File) => `Writing ${p.file}` },
  seconds: { sv: (p: { seconds: number }) => `${p.seconds.toFixed(1).replace(".", ",")} s`, en: (p: { seconds: number }) => `${p.seconds.toFixed(1)} s` },
  filesUnusable: {
    sv: (p: { errors: number }) => `Filerna går inte att använda: ${svCount(p.errors, "fel", "fel")}:`,
    en: (p: { errors: number }) => `The files cannot be used: ${enCount(p.errors, "error", "errors")}:`,
  },
  problemsAlsoIn: { sv: (p: File) => `Problemen finns också i ${p.file}.`, en: (p: File) => `The problems are also in ${p.file}.` },
  runStopped: {
    sv: (p: { errors: number }) => `Körningen stoppades av ${svCount(p.errors, "datafel", "datafel")}:`,
    en: (p: { errors: number }) => `The run was stopped by ${enCount(p.errors, "data error", "data errors")}:`,
  },
  runStoppedFiles: {
    sv: (p: { problems: string; out: string; json: string }) => `Problemen finns också i ${p.problems}. Inga resultatfiler skrevs (${p.out} och ${p.json} är som före körningen). Rätta felen och kör igen.`,
    en: (p: { problems: string; out: string; json: string }) => `The problems are also in ${p.problems}. No result files were written (${p.out} and ${p.json} are as before the run). Correct the errors and run again.`,
  },
  secretSaved: {
    sv: (p: File) => `Pseudonymiseringsnyckeln sparades i ${p.file}. Behåll den hos arbetsboken och skicka den aldrig med resultaten.`,
    en: (p: File) => `The pseudonymisation key was saved in ${p.file}. Keep it with the workbook and never send it with the results.`,
  },
  secretNotSaved: {
    sv: (p: { file: string; code: string }) => `Kunde inte spara pseudonymiseringsnyckeln i ${p.file} (${p.code}); nästa körning ger andra pseudonymer. Ange en fil med --secret-file.`,
    en: (p: { file: string; code: string }) => `Could not save the pseudonymisation key in ${p.file} (${p.code}); the next run gives other pseudonyms. Give a file with --secret-file.`,
  },
  warnings: {
    sv: (p: { count: number }) => `${svCount(p.count, "varning", "varningar")}:`,
    en: (p: { count: number }) => `${enCount(p.count, "warning", "warnings")}:`,
  },
  validation: {
    sv: (p: { open: number; file: string }) => `Validering: ${svCount(p.open, "öppen rad", "öppna rader")} på bladet KPB Validering i ${p.file}.`,
    en: (p: { open: number; file: string }) => `Validation: ${enCount(p.open, "open row", "open rows")} on the sheet KPB Validering in ${p.file}.`,
  },
  outputs: {
    sv: (p: { out: string; json: string; seconds: number }) => `Resultat: ${p.out}\nJSON:     ${p.json}\nTid:      ${p.seconds.toFixed(2).replace(".", ",")} s`,
    en: (p: { out: string; json: string; seconds: number }) => `Results: ${p.out}\nJSON:    ${p.json}\nTime:    ${p.seconds.toFixed(2)} s`,
  },
  sampleInput: { sv: (p: File) => `Exempelkommunens indata: ${p.file}`, en: (p: File) => `The sample municipality's input: ${p.file}` },
  sampleWritten: { sv: (p: File) => `Skrev ${p.file}`, en: (p: File) => `Wrote ${p.file}` },
  diskFull: {
    sv: () => `Disken är full; inget resultat skrevs och tidigare resultat är orörda. Frigör utrymme och kör igen.`,
    en: () => `The disk is full; no result was written and earlier results are untouched. Free some space and run again.`,
  },
  cannotWrite: {
    sv: (p: { code: string; path: string }) => `Kan inte skriva resultatet (${p.code}: ${p.path}); tidigare resultat är orörda. Välj en annan plats med --out/--json.`,
    en: (p: { code: string; path: string }) => `Cannot write the result (${p.code}: ${p.path}); earlier results are untouched. Choose another place with --out/--json.`,
  },
  unexpected: {
    sv: (p: { detail: string }) => `Oväntat fel: ${p.detail}. Rapportera felet tillsammans med en avidentifierad kopia av arbetsboken.`,
    en: (p: { detail: string }) => `Unexpected error: ${p.detail}. Please report it with a de-identified copy of the workbook.`,
  },
  // Summary
  summaryHead: {
    sv: (p: { municipality: string; when: string; pools: number; clients: number }) =>
      `${p.municipality || "Kommunen"} ${p.when}: ${svCount(p.pools, "insatspool", "insatspooler")}, ${svCount(p.clients, "brukare", "brukare")}`,
    en: (p: { municipality: string; when: string; pools: number; clients: number }) =>
      `${p.municipality || "The municipality"} ${p.when}: ${enCount(p.pools, "intervention pool", "intervention pools")}, ${enCount(p.clients, "client", "clients")}`,
  },
  keyFigure: { sv: () => `Nyckeltal`, en: () => `Key figure` },
  value: { sv: () => `Värde`, en: () => `Value` },
  reconciliation: { sv: () => `Avstämning`, en: () => `Reconciliation` },
  amount: { sv: () => `Belopp`, en: () => `Amount` },
  ledgerTotal: { sv: () => `Ekonomi totalt`, en: () => `Ekonomi in total` },
  pooled: { sv: () => `Kodat till pooler`, en: () => `Coded to pools` },
  excluded: { sv: () => `Exkluderat`, en: () => `Excluded` },
  uncoded: { sv: () => `Ej kodat`, en: () => `Not coded (ej kodat)` },
  setAside: { sv: (p: { rows: number }) => `Lagt åt sidan (${svCount(p.rows, "rad", "rader")})`, en: (p: { rows: number }) => `Set aside (${enCount(p.rows, "row", "rows")})` },
  balanced: { sv: () => `Går ihop på öret`, en: () => `Balances to the öre` },
  yes: { sv: () => `ja`, en: () => `yes` },
  noLoud: { sv: () => `NEJ`, en: () => `NO` },
  error: { sv: () => `FEL    `, en: () => `ERROR  ` },
  warning: { sv: () => `VARNING`, en: () => `WARNING` },
  row: { sv: (p: { row: number }) => `rad ${p.row}`, en: (p: { row: number }) => `row ${p.row}` },
  column: { sv: (p: { column: string }) => `kolumn ${p.column}`, en: (p: { column: string }) => `column ${p.column}` },
  moreProblems: {
    sv: (p: { count: number }) => `… och ${p.count} till (alla finns i JSON-filen och på bladet KPB Avstämning).`,
    en: (p: { count: number }) => `… and ${p.count} more (all are in the JSON file and on the sheet KPB Avstämning).`,
  },
  // kpb explain
  poolNotFound: {
    sv: (p: { pool: string; near: string }) => `Poolen "${p.pool}" finns inte i Pooler. Närmaste pool-id: ${p.near}.`,
    en: (p: { pool: string; near: string }) => `The pool "${p.pool}" does not exist in Pooler. Closest pool ids: ${p.near}.`,
  },
  clientNotFound: {
    sv: (p: { client: string; near: string }) => `Brukaren "${p.client}" finns inte bland brukarna i resultatet.${p.near ? ` Liknande id: ${p.near}.` : ""}`,
    en: (p: { client: string; near: string }) => `The client "${p.client}" is not among the clients in the result.${p.near ? ` Similar ids: ${p.near}.` : ""}`,
  },
  figureNotExplained: {
    sv: (p: { figure: string }) => `Nyckeltalet "${p.figure}" finns men går inte att förklara ned till pooler än.`,
    en: (p: { figure: string }) => `The key figure "${p.figure}" exists but cannot be explained down to pools yet.`,
  },
  figureNotFound: {
    sv: (p: { figure: string; near: string }) => `Nyckeltalet "${p.figure}" finns inte i resultatet.${p.near ? ` Liknande id: ${p.near}.` : ""}`,
    en: (p: { figure: string; near: string }) => `The key figure "${p.figure}" is not in the result.${p.near ? ` Similar ids: ${p.near}.` : ""}`,
  },
  // Files
  fileMissing: { sv: (p: File) => `Filen ${p.file} finns inte. Kontrollera sökvägen.`, en: (p: File) => `The file ${p.file} does not exist. Check the path.` },
  tableNotInFile: {
    sv: (p: { table: string; file: string }) => `Hittar ingen tabell ${p.table} i ${p.file} (ett Excel-tabellnamn, ett bladnamn eller en rubrikrad med ${p.table}s kolumner). Ge tabellen eller bladet namnet ${p.table}.`,
    en: (p: { table: string; file: string }) => `No table ${p.table} found in ${p.file} (an Excel table name, a sheet name or a header row with ${p.table}'s columns). Name the table or sheet ${p.table}.`,
  },
  folderNotFile: { sv: (p: File) => `${p.file} är en mapp, inte en fil.`, en: (p: File) => `${p.file} is a folder, not a file.` },
  folderNotWorkbook: { sv: (p: File) => `${p.file} är en mapp, inte en arbetsbok.`, en: (p: File) => `${p.file} is a folder, not a workbook.` },
  noPermission: { sv: (p: File) => `Filen ${p.file} går inte att läsa (behörighet saknas).`, en: (p: File) => `The file ${p.file} cannot be read (no permission).` },
  unreadable: { sv: (p: { file: string; code: string }) => `Filen ${p.file} går inte att läsa (${p.code}).`, en: (p: { file: string; code: string }) => `The file ${p.file} cannot be read (${p.code}).` },
  pathMissing: { sv: (p: File) => `Sökvägen ${p.file} finns inte (en del av den är ingen mapp).`, en: (p: File) => `The path ${p.file} does not exist (part of it is not a folder).` },
  emptyWorkbook: { sv: (p: File) => `${p.file} är tom (0 byte); det är ingen arbetsbok.`, en: (p: File) => `${p.file} is empty (0 bytes); it is not a workbook.` },
  encryptedWorkbook: {
    sv: (p: File) => `${p.file} är lösenordsskyddad (krypterad) eller en .xls i det gamla formatet. Öppna den i Excel, ta bort lösenordet (Arkiv > Info > Skydda arbetsbok) och spara som .xlsx, och försök igen.`,
    en: (p: File) => `${p.file} is password-protected (encrypted) or an .xls in the old format. Open it in Excel, remove the password (File > Info > Protect Workbook), save as .xlsx and try again.`,
  },
  notXlsx: {
    sv: (p: File) => `${p.file} är ingen .xlsx-arbetsbok (filen är skadad eller av en annan sort). Spara den som .xlsx i Excel och försök igen.`,
    en: (p: File) => `${p.file} is not an .xlsx workbook (the file is damaged or of another kind). Save it as .xlsx in Excel and try again.`,
  },
  cannotOpenXlsx: {
    sv: (p: File) => `${p.file} går inte att öppna som .xlsx-arbetsbok: filen är skadad, inte en .xlsx-fil eller lösenordsskyddad. Spara den som en vanlig .xlsx utan lösenord och försök igen.`,
    en: (p: File) => `${p.file} cannot be opened as an .xlsx workbook: the file is damaged, not an .xlsx file or password-protected. Save it as a plain .xlsx without a password and try again.`,
  },
  cannotOpenXlsxBecause: {
    sv: (p: { file: string; detail: string }) => `${p.file} går inte att öppna som .xlsx-arbetsbok (${p.detail}). Spara den som .xlsx i Excel och försök igen.`,
    en: (p: { file: string; detail: string }) => `${p.file} cannot be opened as an .xlsx workbook (${p.detail}). Save it as .xlsx in Excel and try again.`,
  },
  unknownCellReference: { sv: (p: { ref: string }) => `Okänd cellreferens ${p.ref}.`, en: (p: { ref: string }) => `Unknown cell reference ${p.ref}.` },
  sieOnlyLedger: {
    sv: (p: File) => `${p.file} är en SIE-fil; SIE innehåller bokföring och kan bara ersätta Ekonomi. Använd den med --ekonomi.`,
    en: (p: File) => `${p.file} is an SIE file; SIE holds bookkeeping and can only replace Ekonomi. Use it with --ekonomi.`,
  },
  unknownFileKind: {
    sv: (p: { file: string; ext: string }) => `${p.file}: okänd filsort "${p.ext || "(ingen filändelse)"}". Använd .csv, .txt, .se/.si eller .xlsx.`,
    en: (p: { file: string; ext: string }) => `${p.file}: unknown kind of file "${p.ext || "(no file extension)"}". Use .csv, .txt, .se/.si or .xlsx.`,
  },
  secretIsFolder: {
    sv: (p: File) => `${p.file} är en mapp; pseudonymiseringsnyckeln ska vara en fil. Ange en fil med --secret-file.`,
    en: (p: File) => `${p.file} is a folder; the pseudonymisation key should be a file. Give a file with --secret-file.`,
  },
  secretUnreadable: {
    sv: (p: { file: string; code: string }) => `Pseudonymiseringsnyckeln i ${p.file} går inte att läsa (${p.code}).`,
    en: (p: { file: string; code: string }) => `The pseudonymisation key in ${p.file} cannot be read (${p.code}).`,
  },
  secretInvalid: {
    sv: (p: { file: string; min: number }) => `${p.file} innehåller ingen giltig pseudonymiseringsnyckel (minst ${svCount(p.min, "tecken", "tecken")}). Ta bort filen så skapas en ny vid nästa körning; pseudonymerna byts då.`,
    en: (p: { file: string; min: number }) => `${p.file} holds no valid pseudonymisation key (at least ${enCount(p.min, "character", "characters")}). Remove the file and a new one is made on the next run; the pseudonyms then change.`,
  },
  outputNotWritten: {
    sv: (p: { reason: string }) => `${p.reason} Inget skrevs över: tidigare resultat och indata är orörda.`,
    en: (p: { reason: string }) => `${p.reason} Nothing was overwritten: earlier results and input are untouched.`,
  },
  outputDiskFull: { sv: (p: File) => `Disken är full: ${p.file} kunde inte skrivas. Frigör utrymme och kör igen.`, en: (p: File) => `The disk is full: ${p.file} could not be written. Free some space and run again.` },
  outputNoPermission: {
    sv: (p: File) => `Behörighet saknas att skriva ${p.file}. Välj en annan plats med --out/--json, eller stäng filen om den är öppen i Excel.`,
    en: (p: File) => `No permission to write ${p.file}. Choose another place with --out/--json, or close the file if it is open in Excel.`,
  },
  outputLocked: { sv: (p: File) => `${p.file} är låst, troligen öppen i Excel. Stäng den och kör igen.`, en: (p: File) => `${p.file} is locked, probably open in Excel. Close it and run again.` },
  outputFolderMissing: { sv: (p: File) => `Mappen för ${p.file} finns inte. Skapa mappen eller välj en annan plats.`, en: (p: File) => `The folder for ${p.file} does not exist. Create the folder or choose another place.` },
  outputIsFolder: { sv: (p: File) => `${p.file} är en mapp, inte en fil. Välj ett filnamn.`, en: (p: File) => `${p.file} is a folder, not a file. Choose a file name.` },
  outputReadOnly: { sv: (p: File) => `${p.file} ligger på en skrivskyddad disk. Välj en annan plats.`, en: (p: File) => `${p.file} is on a read-only disk. Choose another place.` },
  outputFailed: { sv: (p: { file: string; code: string }) => `${p.file} kunde inte skrivas (${p.code || "okänt fel"}).`, en: (p: { file: string; code: string }) => `${p.file} could not be written (${p.code || "unknown error"}).` },
  // kpb kolada
  koladaNoMunicipality: {
    sv: () => `Ange kommunkoden med --kommun (fyra siffror, t.ex. 0604), eller Kommunkod i Inställningar.`,
    en: () => `Give the municipality code with --kommun (four digits, e.g. 0604), or Kommunkod in Inställningar.`,
  },
  koladaBadPeers: {
    sv: (p: { codes: string }) => `Okända jämförelsekoder: ${p.codes}. Skriv kommunkoder som 0680 eller grupper som G33.`,
    en: (p: { codes: string }) => `Unknown peer codes: ${p.codes}. Write municipality codes like 0680 or groups like G33.`,
  },
  koladaBadYears: { sv: () => `--ar ska vara år som 2023 eller 2022-2024 (högst tio år).`, en: () => `--ar should be years like 2023 or 2022-2024 (at most ten years).` },
  koladaNoAnswer: {
    sv: (p: { why: string }) => `Kolada svarade inte (${p.why}); ingenting skrevs. Försök igen senare.`,
    en: (p: { why: string }) => `Kolada did not answer (${p.why}); nothing was written. Try again later.`,
  },
  koladaKpi: {
    sv: (p: { values: number; noData: boolean; retired: boolean; missing: number }) =>
      `${svCount(p.values, "värde", "värden")}${p.noData ? (p.retired ? " (nyckeltalet finns inte längre i Kolada)" : " (inga data)") : p.missing ? `, ${p.missing} saknas` : ""}`,
    en: (p: { values: number; noData: boolean; retired: boolean; missing: number }) =>
      `${enCount(p.values, "value", "values")}${p.noData ? (p.retired ? " (the key figure is no longer in Kolada)" : " (no data)") : p.missing ? `, ${p.missing} missing` : ""}`,
  },
  koladaUnknownMunicipalities: { sv: (p: { codes: string }) => `Kolada känner inte till: ${p.codes}`, en: (p: { codes: string }) => `Kolada does not know: ${p.codes}` },
  koladaDone: {
    sv: (p: { rows: number; kept: number; out: string }) =>
      `${svCount(p.rows, "rad", "rader")} från Kolada i Jämförelse (${svCount(p.kept, "egen rad behållen", "egna rader behållna")}).\nArbetsbok med jämförelsen: ${p.out}\nKör sedan: kpb run ${p.out}`,
    en: (p: { rows: number; kept: number; out: string }) =>
      `${enCount(p.rows, "row", "rows")} from Kolada in Jämförelse (${enCount(p.kept, "own row", "own rows")} kept).\nWorkbook with the benchmark: ${p.out}\nRun next: kpb run ${p.out}`,
  },
  koladaSheetShared: {
    sv: (p: { sheet: string }) => `Tabellen Jämförelse ligger på bladet ${p.sheet} tillsammans med annat; flytta den till ett eget blad Jämförelse och kör igen.`,
    en: (p: { sheet: string }) => `The table Jämförelse is on the sheet ${p.sheet} together with other things; move it to a sheet Jämförelse of its own and run again.`,
  },
});

export type CliMessageKey = keyof typeof CLI_MESSAGES;

const render = messageRenderer(CLI_MESSAGES);

/** A command-line text in the language chosen with --lang (Swedish by default). */
export const cliMessage: typeof render = (key, ...rest) => {
  const [params, lang] = rest as [unknown, Language | undefined];
  return (render as (k: typeof key, p: unknown, l: Language) => string)(key, params, lang ?? language);
};
