/**
 * Every data-problem message in one place, in Swedish and English. Code refers to them by key;
 * the engine stores the key and its parameters so each user interface can show its own language.
 */
type Params = Record<string, string | number>;
type Text = (p: Params) => string;

export const MESSAGES = {
  tableMissing: {
    sv: (p) => `Tabellen ${p.table} saknas. Den behövs för beräkningen.`,
    en: (p) => `The table ${p.table} is missing. The calculation needs it.`,
  },
  tableEmpty: {
    sv: (p) => `Tabellen ${p.table} har inga datarader.`,
    en: (p) => `The table ${p.table} has no data rows.`,
  },
  headerNotFound: {
    sv: (p) => `Hittar ingen rubrikrad i ${p.table}. Förväntade kolumner: ${p.expected}.`,
    en: (p) => `No header row found in ${p.table}. Expected columns: ${p.expected}.`,
  },
  columnMissing: {
    sv: (p) => `Kolumnen ${p.column} saknas i ${p.table} (rubrikrad ${p.row}).`,
    en: (p) => `The column ${p.column} is missing in ${p.table} (header row ${p.row}).`,
  },
  columnDuplicated: {
    sv: (p) => `Kolumnen ${p.column} finns två gånger i ${p.table} (${p.letters}). Ta bort den ena.`,
    en: (p) => `The column ${p.column} appears twice in ${p.table} (${p.letters}). Remove one.`,
  },
  notANumber: {
    sv: (p) => `Förväntade ${p.expected} men fick "${p.value}".`,
    en: (p) => `Expected a number but got "${p.value}".`,
  },
  ambiguousNumber: {
    sv: (p) => `"${p.value}" är tvetydigt: det kan betyda ${p.decimal} (med decimaltecken) eller ${p.thousands} (med tusentalsavgränsare). Tolkat som ${p.chosen}. Skriv talet utan tvetydighet.`,
    en: (p) => `"${p.value}" is ambiguous: it can mean ${p.decimal} (decimal mark) or ${p.thousands} (thousands separator). Read as ${p.chosen}. Write the number unambiguously.`,
  },
  tooManyDecimals: {
    sv: (p) => `Beloppet ${p.value} har fler än två decimaler; avrundat till ${p.rounded} kr.`,
    en: (p) => `The amount ${p.value} has more than two decimals; rounded to ${p.rounded} kr.`,
  },
  amountTooLarge: {
    sv: (p) => `Beloppet ${p.value} är orimligt stort (över 1 000 miljarder kr). Raden räknas inte.`,
    en: (p) => `The amount ${p.value} is implausibly large (over 1 000 billion kr). The row is not counted.`,
  },
  cellErrorValue: {
    sv: (p) => `${p.column} innehåller Excels felvärde ${p.value} (en formel som inte gick att räkna ut). Rätta formeln eller skriv in värdet; raden räknas inte.`,
    en: (p) => `${p.column} holds Excel's error value ${p.value} (a formula that could not be computed). Fix the formula or type the value; the row is not counted.`,
  },
  cellErrorValueSkipped: {
    sv: (p) => `${p.column} innehåller Excels felvärde ${p.value} (en formel som inte gick att räkna ut); raden används inte.`,
    en: (p) => `${p.column} holds Excel's error value ${p.value} (a formula that could not be computed); the row is not used.`,
  },
  cellErrorValueBlank: {
    sv: (p) => `${p.column} innehåller Excels felvärde ${p.value} (en formel som inte gick att räkna ut); cellen läses som tom.`,
    en: (p) => `${p.column} holds Excel's error value ${p.value} (a formula that could not be computed); the cell is read as empty.`,
  },
  requiredEmpty: {
    sv: (p) => `${p.column} är tom. Raden räknas inte.`,
    en: (p) => `${p.column} is empty. The row is not counted.`,
  },
  totalsRowSkipped: {
    sv: (p) => `Raden ser ut som en summeringsrad ("${p.value}") och räknas inte.`,
    en: (p) => `The row looks like a totals row ("${p.value}") and is not counted.`,
  },
  otherYearRows: {
    sv: (p) => `${p.count} rader gäller andra år än ${p.year} och räknas inte.`,
    en: (p) => `${p.count} rows belong to years other than ${p.year} and are not counted.`,
  },
  fileUnreadable: {
    sv: (p) => `Filen ${p.file} går inte att läsa: ${p.detail}.`,
    en: (p) => `The file ${p.file} cannot be read: ${p.detail}.`,
  },
  csvNoHeader: {
    sv: (p) => `Hittar ingen rubrikrad för ${p.table} i ${p.file} med avgränsaren semikolon, komma eller tabb. Förväntade kolumner: ${p.expected}.`,
    en: (p) => `No header row for ${p.table} found in ${p.file} with a semicolon, comma or tab delimiter. Expected columns: ${p.expected}.`,
  },
  csvBadRecord: {
    sv: (p) => `Raden går inte att dela upp i fält (${p.detail}); den läses inte. Kontrollera citattecknen.`,
    en: (p) => `The line cannot be split into fields (${p.detail}); it is not read. Check the quotation marks.`,
  },
  sieBadLine: {
    sv: (p) => `${p.label}-raden går inte att läsa (${p.detail}); den räknas inte.`,
    en: (p) => `The ${p.label} line cannot be read (${p.detail}); it is not counted.`,
  },
  sieUnbalancedVoucher: {
    sv: (p) => `Verifikationen ${p.voucher} balanserar inte: transaktionerna summerar till ${p.difference} kr i stället för 0.`,
    en: (p) => `The voucher ${p.voucher} does not balance: its transactions sum to ${p.difference} kr instead of 0.`,
  },
  sieUnknownDimension: {
    sv: (p) => `Dimension ${p.dimension} finns inte bland filens #DIM; dess objekt används inte (${p.count} rader, första här).`,
    en: (p) => `Dimension ${p.dimension} is not among the file's #DIM; its objects are not used (${p.count} lines, the first here).`,
  },
  sieDimensionMissing: {
    sv: (p) => `Ingen dimension i ${p.file} motsvarar ${p.target} (dimensioner: ${p.dimensions}). Ange den med --sie-dim ${p.target}=nummer.`,
    en: (p) => `No dimension in ${p.file} corresponds to ${p.target} (dimensions: ${p.dimensions}). Give it with --sie-dim ${p.target}=number.`,
  },
  sieNoRows: {
    sv: (p) => `${p.file} har inga #TRANS- eller #PSALDO-rader på resultatkonton (klass 3–8) för räkenskapsåret.`,
    en: (p) => `${p.file} has no #TRANS or #PSALDO lines on result accounts (classes 3–8) for the financial year.`,
  },
  sieEncodingMismatch: {
    sv: (p) => `Filen anger #FORMAT ${p.declared} men är skriven i ${p.used}; den lästes som ${p.used}.`,
    en: (p) => `The file declares #FORMAT ${p.declared} but is written in ${p.used}; it was read as ${p.used}.`,
  },
  sieResultDiffers: {
    sv: (p) => `Konto ${p.account}: de inlästa raderna summerar till ${p.read} kr men filens #RES anger ${p.declared} kr.`,
    en: (p) => `Account ${p.account}: the rows read sum to ${p.read} kr but the file's #RES says ${p.declared} kr.`,
  },
  siePsaldoCumulative: {
    sv: () => `Filens #PSALDO för resultatkonton är ackumulerade från årets början (de stämmer med #RES så); månadsbeloppen räknades fram som skillnaden mot föregående period.`,
    en: () => `The file's #PSALDO for result accounts are cumulative from the start of the year (that is how they match #RES); monthly amounts were derived as the difference to the previous period.`,
  },
  badPattern: {
    sv: (p) => `Mönstret "${p.value}" går inte att tolka. Använd tomt (alla), exakt värde, prefix som 51* eller intervall som 5000-5999.`,
    en: (p) => `The pattern "${p.value}" cannot be read. Use empty (any), an exact value, a prefix like 51* or a range like 5000-5999.`,
  },
  unknownTarget: {
    sv: (p) => `Till = "${p.target}" är varken en pool i Pooler eller EXKL.`,
    en: (p) => `Till = "${p.target}" is neither a pool in Pooler nor EXKL.`,
  },
  exclusionWithoutReason: {
    sv: () => `Regeln exkluderar kostnader men Orsak är tom. Skriv varför.`,
    en: () => `The rule excludes costs but Orsak (reason) is empty. Say why.`,
  },
  unusedRule: {
    sv: (p) => `Regeln (till ${p.target}) kodar ingen rad i Ekonomi.`,
    en: (p) => `The rule (to ${p.target}) codes no row in Ekonomi.`,
  },
  shadowedRule: {
    sv: (p) => `Regeln (${p.pattern} → ${p.target}) nås aldrig: varje rad den kan matcha matchas redan av regeln på rad ${p.byRow} (till ${p.byTarget}), som står före${String(p.byRows).includes(",") ? ` (även rad ${p.byRows})` : ""}. Ta bort regeln eller flytta den ovanför.`,
    en: (p) => `The rule (${p.pattern} → ${p.target}) is never reached: every row it can match is already matched by the rule on row ${p.byRow} (to ${p.byTarget}) above it${String(p.byRows).includes(",") ? ` (also rows ${p.byRows})` : ""}. Remove the rule or move it up.`,
  },
  ruleNeverReached: {
    sv: (p) => `Regeln (${p.pattern} → ${p.target}) nås aldrig på denna huvudbok: alla ${p.count} rader den matchar (${p.amount} kr) kodas redan av tidigare regler (rad ${p.byRows}).`,
    en: (p) => `The rule (${p.pattern} → ${p.target}) is never reached on this ledger: all ${p.count} rows it matches (${p.amount} kr) are already coded by earlier rules (row ${p.byRows}).`,
  },
  ambiguousCoding: {
    sv: (p) => `${p.count} rader i Ekonomi (rad ${p.rows}; ${p.amount} kr) kodas av regeln på rad ${p.winnerRow} (till ${p.winnerTarget}) men matchar också senare regler med annat Till: rad ${p.others} (Till, antal rader). Ordningen i Kodning avgör; kontrollera att det är avsikten.`,
    en: (p) => `${p.count} rows in Ekonomi (rows ${p.rows}; ${p.amount} kr) are coded by the rule on row ${p.winnerRow} (to ${p.winnerTarget}) but also match later rules with another Till: row ${p.others} (Till, number of rows). The order in Kodning decides; check that this is intended.`,
  },
  uncodedRow: {
    sv: (p) => `Raden (${p.key}, ${p.amount} kr) matchar ingen kodningsregel och redovisas som ej kodad.`,
    en: (p) => `The row (${p.key}, ${p.amount} kr) matches no coding rule and is reported as not coded.`,
  },
  duplicatePool: {
    sv: (p) => `Poolen ${p.pool} finns redan på rad ${p.first}.`,
    en: (p) => `The pool ${p.pool} already exists on row ${p.first}.`,
  },
  badRegi: {
    sv: (p) => `Regi "${p.value}" ska vara egen eller annan.`,
    en: (p) => `Regi "${p.value}" must be egen (in-house) or annan (external).`,
  },
  badPoolType: {
    sv: (p) => `Typ "${p.value}" ska vara insats eller stöd.`,
    en: (p) => `Typ "${p.value}" must be insats or stöd (support).`,
  },
  badKeyMethod: {
    sv: (p) => `Fördelning "${p.value}" ska vara kostnad, volym eller andel.`,
    en: (p) => `Fördelning "${p.value}" must be kostnad, volym or andel.`,
  },
  supportWithoutKey: {
    sv: (p) => `Stödpoolen ${p.pool} saknar Fördelning (kostnad, volym eller andel).`,
    en: (p) => `The support pool ${p.pool} has no Fördelning (kostnad, volym or andel).`,
  },
  receiverUnknown: {
    sv: (p) => `Mottagaren ${p.receiver} finns inte i Pooler.`,
    en: (p) => `The receiver ${p.receiver} does not exist in Pooler.`,
  },
  receiverSelf: {
    sv: (p) => `Stödpoolen ${p.pool} fördelar till sig själv.`,
    en: (p) => `The support pool ${p.pool} allocates to itself.`,
  },
  receiverAbove: {
    sv: (p) => `Stödpoolen ${p.pool} fördelar uppåt till ${p.receiver}, som står ovanför i Pooler. Stegvis fördelning går bara nedåt; flytta poolen eller välj reciprok metod.`,
    en: (p) => `The support pool ${p.pool} allocates upward to ${p.receiver}, which stands above it in Pooler. Step-down goes only downward; move the pool or choose the reciprocal method.`,
  },
  noReceivers: {
    sv: (p) => `Stödpoolen ${p.pool} (${p.amount} kr) har inga mottagare med ${p.basis} att fördela efter.`,
    en: (p) => `The support pool ${p.pool} (${p.amount} kr) has no receivers with ${p.basis} to allocate by.`,
  },
  keyUnknownPool: {
    sv: (p) => `Nyckeln nämner ${p.pool}, som inte finns i Pooler.`,
    en: (p) => `The key names ${p.pool}, which does not exist in Pooler.`,
  },
  keyNotSupport: {
    sv: (p) => `${p.pool} fördelas inte med andel i Pooler; nyckeln används inte.`,
    en: (p) => `${p.pool} is not allocated by andel in Pooler; the key is not used.`,
  },
  keySharesSum: {
    sv: (p) => `Andelarna för ${p.pool} summerar till ${p.sum}, inte 1 (100 %).`,
    en: (p) => `The shares for ${p.pool} sum to ${p.sum}, not 1 (100 %).`,
  },
  keyMissing: {
    sv: (p) => `Stödpoolen ${p.pool} fördelas med andel men har inga rader i Nycklar.`,
    en: (p) => `The support pool ${p.pool} is allocated by andel but has no rows in Nycklar.`,
  },
  negativeShare: {
    sv: () => `Andelen får inte vara negativ.`,
    en: () => `The share must not be negative.`,
  },
  negativeKeyWeight: {
    sv: (p) => `${p.receiver} har negativ direkt kostnad (${p.amount} kr) och får ingen del av ${p.pool}.`,
    en: (p) => `${p.receiver} has a negative direct cost (${p.amount} kr) and gets no share of ${p.pool}.`,
  },
  unknownArea: {
    sv: (p) => `Område "${p.value}" ska vara ÄO, FN, LSS eller IFO.`,
    en: (p) => `Område "${p.value}" must be ÄO, FN, LSS or IFO.`,
  },
  insatsNotInCatalogue: {
    sv: (p) => `Insatsen "${p.insats}" finns inte i insatskatalogen; område och volymenhet är okända.`,
    en: (p) => `The intervention "${p.insats}" is not in the catalogue; its area and volume unit are unknown.`,
  },
  clientPoolUnknown: {
    sv: (p) => `Poolen ${p.pool} finns inte i Pooler. Volymen kan inte kostnadsberäknas.`,
    en: (p) => `The pool ${p.pool} does not exist in Pooler. The volume cannot be costed.`,
  },
  clientPoolIsSupport: {
    sv: (p) => `${p.pool} är en stödpool; brukarvolymer ska ligga på insatspooler.`,
    en: (p) => `${p.pool} is a support pool; client volumes belong to intervention pools.`,
  },
  negativeVolume: {
    sv: (p) => `Volymen ${p.value} är negativ.`,
    en: (p) => `The volume ${p.value} is negative.`,
  },
  zeroVolume: {
    sv: () => `Volymen är 0; raden påverkar inget.`,
    en: () => `The volume is 0; the row changes nothing.`,
  },
  volumePrecision: {
    sv: (p) => `Volymen ${p.value} har fler än sex decimaler; avrundad.`,
    en: (p) => `The volume ${p.value} has more than six decimals; rounded.`,
  },
  duplicateClientRow: {
    sv: (p) => `Brukare ${p.client}, pool ${p.pool}, period ${p.period} finns redan på rad ${p.first}; volymerna summeras.`,
    en: (p) => `Client ${p.client}, pool ${p.pool}, period ${p.period} already appears on row ${p.first}; the volumes are added.`,
  },
  periodOutsideYear: {
    sv: (p) => `Perioden ${p.period} ligger utanför år ${p.year}; raden räknas inte.`,
    en: (p) => `The period ${p.period} is outside the year ${p.year}; the row is not counted.`,
  },
  badBirthYear: {
    sv: (p) => `Födelseår "${p.value}" är inte ett rimligt år.`,
    en: (p) => `Birth year "${p.value}" is not a plausible year.`,
  },
  conflictingBirthYear: {
    sv: (p) => `Brukare ${p.client} har två födelseår (${p.first} och ${p.second}); ${p.first} används.`,
    en: (p) => `Client ${p.client} has two birth years (${p.first} and ${p.second}); ${p.first} is used.`,
  },
  personalIdentityNumber: {
    sv: (p) => `${p.count} brukar-id ser ut som personnummer eller samordningsnummer. De skrivs aldrig ut; resultaten visar en pseudonym i stället.`,
    en: (p) => `${p.count} client ids look like personal identity or coordination numbers. They are never written out; results show a pseudonym instead.`,
  },
  benchmarkImplausible: {
    sv: (p) => `Jämförelsevärdet ${p.value} för ${p.keyFigure} är orimligt (över 1 000 miljarder eller under en miljarddel); raden används inte.`,
    en: (p) => `The benchmark value ${p.value} for ${p.keyFigure} is implausible (over 1 000 billion or under a billionth); the row is not used.`,
  },
  personalDataInCells: {
    sv: (p) => `${p.count} ${p.count === 1 ? "cell" : "celler"} i ${p.column} (första på rad ${p.row}) innehåller något som ser ut som ett personnummer eller samordningsnummer. Det skrivs aldrig ut; en pseudonym används i stället. Ta bort personnumret ur indata.`,
    en: (p) => `${p.count} ${p.count === 1 ? "cell" : "cells"} in ${p.column} (first on row ${p.row}) hold something that looks like a personal identity or coordination number. It is never written out; a pseudonym is used instead. Remove it from the input.`,
  },
  poolWithoutVolume: {
    sv: (p) => `Poolen ${p.pool} har kostnad (${p.amount} kr) men ingen volym i Brukare; ingen styckkostnad och ingen brukarkostnad.`,
    en: (p) => `The pool ${p.pool} has cost (${p.amount} kr) but no volume in Brukare; no unit cost and no client cost.`,
  },
  poolWithoutCost: {
    sv: (p) => `Poolen ${p.pool} har volym men ingen kostnad; styckkostnaden blir 0.`,
    en: (p) => `The pool ${p.pool} has volume but no cost; its unit cost is 0.`,
  },
  capacityExceeded: {
    sv: (p) => `Poolen ${p.pool} har ${p.days} dygn men bara ${p.places} platser × ${p.daysInYear} dagar = ${p.capacity}.`,
    en: (p) => `The pool ${p.pool} has ${p.days} days but only ${p.places} places × ${p.daysInYear} days = ${p.capacity}.`,
  },
  populationMissing: {
    sv: (p) => `Befolkning saknas för åldersgruppen ${p.group}; kostnad per invånare och andel brukare beräknas inte för den.`,
    en: (p) => `Population is missing for the age group ${p.group}; cost per inhabitant and share of clients are not computed for it.`,
  },
  unknownAgeGroup: {
    sv: (p) => `Åldersgruppen "${p.value}" känns inte igen; använd t.ex. 0-19, 20-64, 65-79, 80-w.`,
    en: (p) => `The age group "${p.value}" is not recognised; use e.g. 0-19, 20-64, 65-79, 80-w.`,
  },
  unknownSetting: {
    sv: (p) => `Inställningen "${p.value}" känns inte igen och används inte.`,
    en: (p) => `The setting "${p.value}" is not recognised and is not used.`,
  },
  badSetting: {
    sv: (p) => `Inställningen ${p.setting} har värdet "${p.value}"; förväntade ${p.expected}. Standardvärdet används.`,
    en: (p) => `The setting ${p.setting} has the value "${p.value}"; expected ${p.expected}. The default is used.`,
  },
  reciprocalSingular: {
    sv: () => `De ömsesidiga stödpoolerna fördelar bara till varandra; ekvationssystemet saknar lösning.`,
    en: () => `The mutual support pools allocate only to each other; the system has no solution.`,
  },
  moneyOverflow: {
    sv: () => `Beloppen är för stora för att räknas exakt.`,
    en: () => `The amounts are too large to compute exactly.`,
  },
  internalError: {
    sv: (p) => `Beräkningen stannade på ett oväntat fel (${p.detail}). Inget resultat skrevs. Rapportera felet tillsammans med en avidentifierad kopia av arbetsboken.`,
    en: (p) => `The calculation stopped on an unexpected error (${p.detail}). No result was written. Please report it with a de-identified copy of the workbook.`,
  },
  reconciliationFailed: {
    sv: (p) => `Avstämningen går inte ihop: ${p.detail}.`,
    en: (p) => `The reconciliation does not balance: ${p.detail}.`,
  },
} satisfies Record<string, { sv: Text; en: Text }>;

export type MessageCode = keyof typeof MESSAGES;

export function renderMessage(code: string, params: Params, language: "sv" | "en" = "sv"): string {
  const entry = (MESSAGES as Record<string, { sv: Text; en: Text }>)[code];
  return entry ? entry[language](params) : code;
}
