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
    sv: (p) => `Beloppet ${p.value} har fler än två decimaler; avrundat till ${p.rounded}\u00a0kr.`,
    en: (p) => `The amount ${p.value} has more than two decimals; rounded to ${p.rounded}\u00a0kr.`,
  },
  amountTooLarge: {
    sv: (p) => `Beloppet ${p.value} är orimligt stort (över 1\u00a0000 miljarder kr). Raden räknas inte.`,
    en: (p) => `The amount ${p.value} is implausibly large (over 1\u00a0000 billion kr). The row is not counted.`,
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
    sv: (p) =>
      p.quantity === undefined
        ? `Raden ser ut som en summeringsrad ("${p.value}") och räknas inte.`
        : `${p.why === "labelInCode" ? `Raden har "${p.value}" i en kodkolumn (${p.columns})` : `Raden saknar koder (${p.columns})`} och räknas som summeringsrad${p.why !== "labelInCode" && p.value ? ` ("${p.value}")` : ""}: ${p.quantity} räknas inte. Redovisas på KPB Avstämning.`,
    en: (p) =>
      p.quantity === undefined
        ? `The row looks like a totals row ("${p.value}") and is not counted.`
        : `${p.why === "labelInCode" ? `The row has "${p.value}" in a code column (${p.columns})` : `The row has no codes (${p.columns})`} and is taken as a totals row${p.why !== "labelInCode" && p.value ? ` ("${p.value}")` : ""}: ${p.quantity} is not counted. Shown on KPB Avstämning.`,
  },
  otherYearRows: {
    sv: (p) => `${p.count} ${p.count === 1 ? "rad" : "rader"} gäller år ${p.otherYear}, inte ${p.year}, och räknas inte (första på rad ${p.row}; ${p.quantity}). Redovisas på KPB Avstämning.`,
    en: (p) => `${p.count} ${p.count === 1 ? "row belongs" : "rows belong"} to ${p.otherYear}, not ${p.year}, and ${p.count === 1 ? "is" : "are"} not counted (first on row ${p.row}; ${p.quantity}). Shown on KPB Avstämning.`,
  },
  badYear: {
    sv: (p) => (p.value === "" ? `År är tom; raden räknas inte. Skriv året, t.ex. ${p.year}.` : `År "${p.value}" är inte ett år; raden räknas inte. Skriv året med fyra siffror, t.ex. ${p.year}.`),
    en: (p) => (p.value === "" ? `År (year) is empty; the row is not counted. Write the year, e.g. ${p.year}.` : `År (year) "${p.value}" is not a year; the row is not counted. Write the year in four digits, e.g. ${p.year}.`),
  },
  yearNotInData: {
    sv: (p) =>
      p.window
        ? `Ingen rad i ${p.table} gäller perioden ${p.window}; raderna gäller ${p.years}. Ändra Uppföljning till i Inställningar (eller --period) eller läs in de månadernas data.`
        : `Ingen rad i ${p.table} gäller år ${p.year}; raderna gäller ${p.years}. Ändra År i Inställningar (eller --year) eller läs in rätt års data.`,
    en: (p) =>
      p.window
        ? `No row in ${p.table} belongs to the period ${p.window}; the rows belong to ${p.years}. Change Uppföljning till in Inställningar (or --period) or load those months' data.`
        : `No row in ${p.table} belongs to ${p.year}; the rows belong to ${p.years}. Change År in Inställningar (or --year) or load the right year's data.`,
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
    sv: (p) => `Verifikationen ${p.voucher} balanserar inte: transaktionerna summerar till ${p.difference}\u00a0kr i stället för 0.`,
    en: (p) => `The voucher ${p.voucher} does not balance: its transactions sum to ${p.difference}\u00a0kr instead of 0.`,
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
    sv: (p) => `Konto ${p.account}: de inlästa raderna summerar till ${p.read}\u00a0kr men filens #RES anger ${p.declared}\u00a0kr.`,
    en: (p) => `Account ${p.account}: the rows read sum to ${p.read}\u00a0kr but the file's #RES says ${p.declared}\u00a0kr.`,
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
  rangeCodeLength: {
    sv: (p) => `Intervallet ${p.range} har ${p.digits} siffror men möter ${p.count} kod(er) med ett annat antal siffror (inom intervallet: ${p.inside}; utanför: ${p.outside}). Intervall jämförs som tal (0123 = 123, 50000 ligger utanför 5000-5999); kontrollera att regeln gör det du menar.`,
    en: (p) => `The range ${p.range} has ${p.digits} digits but meets ${p.count} code(s) with another number of digits (inside the range: ${p.inside}; outside: ${p.outside}). Ranges compare as numbers (0123 = 123, 50000 lies outside 5000-5999); check that the rule does what you mean.`,
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
    sv: (p) => `Regeln (${p.pattern} → ${p.target}) nås aldrig på denna huvudbok: alla ${p.count} rader den matchar (${p.amount}\u00a0kr) kodas redan av tidigare regler (rad ${p.byRows}).`,
    en: (p) => `The rule (${p.pattern} → ${p.target}) is never reached on this ledger: all ${p.count} rows it matches (${p.amount}\u00a0kr) are already coded by earlier rules (row ${p.byRows}).`,
  },
  ambiguousCoding: {
    sv: (p) => `${p.count} rader i Ekonomi (rad ${p.rows}; ${p.amount}\u00a0kr) kodas av regeln på rad ${p.winnerRow} (till ${p.winnerTarget}) men matchar också senare regler med annat Till: rad ${p.others} (Till, antal rader). Ordningen i Kodning avgör; kontrollera att det är avsikten.`,
    en: (p) => `${p.count} rows in Ekonomi (rows ${p.rows}; ${p.amount}\u00a0kr) are coded by the rule on row ${p.winnerRow} (to ${p.winnerTarget}) but also match later rules with another Till: row ${p.others} (Till, number of rows). The order in Kodning decides; check that this is intended.`,
  },
  uncodedRow: {
    sv: (p) => `Raden (${p.key}, ${p.amount}\u00a0kr) matchar ingen kodningsregel och redovisas som ej kodad.`,
    en: (p) => `The row (${p.key}, ${p.amount}\u00a0kr) matches no coding rule and is reported as not coded.`,
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
  receiverMatchesNothing: {
    sv: (p) => `Mottagare "${p.receiver}" för stödpoolen ${p.pool} träffar ingen pool i Pooler. Rätta namnet eller ta bort det.`,
    en: (p) => `Mottagare "${p.receiver}" of the support pool ${p.pool} matches no pool in Pooler. Correct the name or remove it.`,
  },
  receiverAreaUnknown: {
    sv: (p) => `Mottagare för stödpoolen ${p.pool} nämner området "${p.value}", som inte känns igen; skriv ÄO (Äldreomsorg), FN, LSS eller IFO.`,
    en: (p) => `Mottagare of the support pool ${p.pool} names the area "${p.value}", which is not recognised; write ÄO (Äldreomsorg), FN, LSS or IFO.`,
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
    sv: (p) => `Stödpoolen ${p.pool} (${p.amount}\u00a0kr) har inga mottagare med ${p.basis} att fördela efter.`,
    en: (p) => `The support pool ${p.pool} (${p.amount}\u00a0kr) has no receivers with ${p.basis} to allocate by.`,
  },
  noPoolsBelow: {
    sv: (p) => `Stödpoolen ${p.pool} (${p.amount}\u00a0kr) har Mottagare * men står sist i Pooler: inga pooler står nedanför den att fördela till. Flytta den ovanför sina mottagare (stegvis fördelning går bara nedåt) eller välj reciprok metod.`,
    en: (p) => `The support pool ${p.pool} (${p.amount}\u00a0kr) has Mottagare * but stands last in Pooler: no pools stand below it to allocate to. Move it above its receivers (step-down goes only downward) or choose the reciprocal method.`,
  },
  keyUnknownPool: {
    sv: (p) => `Nyckeln nämner ${p.pool}, som inte finns i Pooler.`,
    en: (p) => `The key names ${p.pool}, which does not exist in Pooler.`,
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
    sv: (p) => `Stödpoolen ${p.pool} fördelas efter volym, men mottagarnas volymer har olika enheter och kan inte adderas: ${p.receivers}. Fördela med andel eller kostnad, eller dela upp stödpoolen per enhet.`,
    en: (p) => `The support pool ${p.pool} is allocated by volume, but its receivers' volumes have different units and cannot be added: ${p.receivers}. Allocate by andel or kostnad, or split the support pool per unit.`,
  },
  receiverWithoutKey: {
    sv: (p) => `${p.receiver} står bland Mottagare för ${p.pool} men har ingen andel i Nycklar och får inget av stödpoolen.`,
    en: (p) => `${p.receiver} is among the Mottagare of ${p.pool} but has no share in Nycklar and gets nothing from the support pool.`,
  },
  keyNotSupport: {
    sv: (p) => `${p.pool} fördelas inte med andel i Pooler; nyckeln används inte.`,
    en: (p) => `${p.pool} is not allocated by andel in Pooler; the key is not used.`,
  },
  keySharesSum: {
    sv: (p) => `Andelarna för ${p.pool} summerar till ${p.sum}, inte 1 (100 %).`,
    en: (p) => `The shares for ${p.pool} sum to ${p.sum}, not 1 (100 %).`,
  },
  keySharesMixed: {
    sv: (p) => `Andelarna för ${p.pool} blandar bråkform och procent (t.ex. 60 och 0,4); de summerar till 1 bara om varje tal över 1 läses som procent, och så har de lästs. Skriv alla andelar på samma sätt.`,
    en: (p) => `The shares for ${p.pool} mix fractions and percent (e.g. 60 and 0.4); they sum to 1 only if every number over 1 is read as percent, which is how they were read. Write all shares the same way.`,
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
    sv: (p) => `${p.receiver} har negativ direkt kostnad (${p.amount}\u00a0kr) och får ingen del av ${p.pool}.`,
    en: (p) => `${p.receiver} has a negative direct cost (${p.amount}\u00a0kr) and gets no share of ${p.pool}.`,
  },
  unknownArea: {
    sv: (p) => `Område "${p.value}" ska vara ÄO, FN, LSS eller IFO.`,
    en: (p) => `Område "${p.value}" must be ÄO, FN, LSS or IFO.`,
  },
  insatsNotInCatalogue: {
    sv: (p) => `Insatsen "${p.insats}" finns inte i insatskatalogen och är inget känt namn på någon av dess insatser; område, volymenhet och nyckeltal är okända. Lägg till den i Insatskatalog.`,
    en: (p) => `The intervention "${p.insats}" is not in the catalogue nor a known name for one of its interventions; its area, volume unit and key figure are unknown. Add it to Insatskatalog.`,
  },
  insatsSpelling: {
    sv: (p) => `Insatsen "${p.insats}" läses som "${p.first}" (rad ${p.row}): samma insats, stavad på två sätt.`,
    en: (p) => `The intervention "${p.insats}" is read as "${p.first}" (row ${p.row}): the same intervention, spelled two ways.`,
  },
  volumeUnitConverted: {
    sv: (p) => `Insatsen "${p.insats}" har volymenheten ${p.from} i Insatskatalog: volymerna i Brukare räknas om till ${p.to} (${p.how}), så styckkostnader och timintervall gäller ${p.to}.`,
    en: (p) => `The intervention "${p.insats}" has the volume unit ${p.from} in Insatskatalog: the volumes in Brukare are converted to ${p.to} (${p.how}), so unit costs and hour bands are per ${p.to}.`,
  },
  volumeUnitMismatch: {
    sv: (p) => `Insatsen "${p.insats}" mäts i ${p.unit}, men nyckeltalet ${p.keyFigure} gäller ${p.figureUnit}. Nyckeltalet räknas inte (styckkostnaden visas per ${p.unit}); ändra Volymenhet eller Nyckeltal i Insatskatalog.`,
    en: (p) => `The intervention "${p.insats}" is measured in ${p.unit}, but the key figure ${p.keyFigure} is in ${p.figureUnit}. The key figure is not computed (the unit cost is shown per ${p.unit}); change Volymenhet or Nyckeltal in Insatskatalog.`,
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
  volumeTooLarge: {
    sv: (p) => `Volymen ${p.value} är orimligt stor (över 100 miljoner på en rad). Raden räknas inte.`,
    en: (p) => `The volume ${p.value} is implausibly large (over 100 million on one row). The row is not counted.`,
  },
  volumeIsTime: {
    sv: (p) => `Volymen är en tidcell (klockslaget ${p.time}), inte ett antal; raden räknas inte. Skriv volymen som tal, t.ex. ${p.hours} för ${p.time}.`,
    en: (p) => `The volume is a time cell (the time ${p.time}), not a quantity; the row is not counted. Write the volume as a number, e.g. ${p.hours} for ${p.time}.`,
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
    sv: (p) => `Perioden ${p.period} ligger utanför år ${p.year}; raden räknas inte${p.quantity === undefined ? "" : ` (${p.quantity})`}.`,
    en: (p) => `The period ${p.period} is outside the year ${p.year}; the row is not counted${p.quantity === undefined ? "" : ` (${p.quantity.toString().replace(/^volym/, "volume")})`}.`,
  },
  periodOutsideWindowRows: {
    sv: (p) =>
      `${p.count} ${p.count === 1 ? "rad" : "rader"} har en period i ${p.otherYear} utanför ${p.calendar ? `år ${p.year}` : `perioden ${p.window}`} och räknas inte (första på rad ${p.row}; ${p.quantity}). Redovisas på KPB Avstämning.`,
    en: (p) =>
      `${p.count} ${p.count === 1 ? "row has" : "rows have"} a period in ${p.otherYear} outside ${p.calendar ? `the year ${p.year}` : `the period ${p.window}`} and ${p.count === 1 ? "is" : "are"} not counted (first on row ${p.row}; ${p.quantity.toString().replace(/^volym/, "volume")}). Shown on KPB Avstämning.`,
  },
  periodEmpty: {
    sv: (p) => `Period är tom (${p.quantity}); raden räknas inte. I en tabell med kolumnen Period behöver varje rad sin månad, t.ex. 2025-06.`,
    en: (p) => `Period is empty (${p.quantity.toString().replace(/^volym/, "volume")}); the row is not counted. In a table with a Period column every row needs its month, e.g. 2025-06.`,
  },
  periodNotAMonth: {
    sv: (p) => `Period "${p.value}" är ingen månad (förväntade ${p.expected}); raden räknas inte (${p.quantity}).`,
    en: (p) => `Period "${p.value}" is not a month (expected YYYY-MM); the row is not counted (${p.quantity}).`,
  },
  periodColumnMissing: {
    sv: (p) => `Uppföljningen för ${p.window} väljer rader efter månad, men ${p.table} saknar kolumnen Period. Lägg till Period (ÅÅÅÅ-MM) eller kör helåret (utan Uppföljning till / --period).`,
    en: (p) => `The follow-up for ${p.window} selects rows by month, but ${p.table} has no Period column. Add Period (YYYY-MM) or run the whole year (without Uppföljning till / --period).`,
  },
  badBirthYear: {
    sv: (p) => `Födelseår "${p.value}" är inte ett rimligt år.`,
    en: (p) => `Birth year "${p.value}" is not a plausible year.`,
  },
  birthYearEmpty: {
    sv: (p) => `${p.column} är tom. Har brukaren inget födelseår på andra rader räknas hen i åldersgruppen "okänd" och kommer inte med i nyckeltalen per åldersgrupp.`,
    en: (p) => `${p.column} is empty. Unless the client has a birth year on other rows, they count in the age group "okänd" (unknown) and are left out of the figures per age group.`,
  },
  conflictingBirthYear: {
    sv: (p) => `Brukare ${p.client} har två födelseår (${p.first} och ${p.second}); ${p.first} används.`,
    en: (p) => `Client ${p.client} has two birth years (${p.first} and ${p.second}); ${p.first} is used.`,
  },
  conflictingHousing: {
    sv: (p) => `Brukare ${p.client} har två boendeformer under året (${p.first} och ${p.second}); den med störst kostnad räknas: ${p.chosen} (${p.chosenAmount}\u00a0kr mot ${p.otherAmount}\u00a0kr).`,
    en: (p) => `Client ${p.client} has two housing forms in the year (${p.first} and ${p.second}); the one with the largest cost counts: ${p.chosen} (${p.chosenAmount}\u00a0kr against ${p.otherAmount}\u00a0kr).`,
  },
  conflictingSex: {
    sv: (p) => `Brukare ${p.client} har två värden för kön (${p.first} och ${p.second}); ${p.first} (första raden) används.`,
    en: (p) => `Client ${p.client} has two values for sex (${p.first} and ${p.second}); ${p.first} (the first row) is used.`,
  },
  unknownHousing: {
    sv: (p) => `Boendeformen "${p.value}" känns inte igen (${p.count} rader); för de raderna avgör poolens insats boendet (särskilt boende eller ordinärt).`,
    en: (p) => `The housing form "${p.value}" is not recognised (${p.count} rows); for those rows the pool's intervention decides the housing (residential care or ordinary).`,
  },
  personalIdentityNumber: {
    sv: (p) => `${p.count} brukar-id ser ut som personnummer eller samordningsnummer. De skrivs aldrig ut; resultaten visar en pseudonym i stället.`,
    en: (p) => `${p.count} client ids look like personal identity or coordination numbers. They are never written out; results show a pseudonym instead.`,
  },
  benchmarkBadYear: {
    sv: (p) => `År "${p.value}" är inte ett år; jämförelseraden används inte.`,
    en: (p) => `År (year) "${p.value}" is not a year; the benchmark row is not used.`,
  },
  benchmarkImplausible: {
    sv: (p) => `Jämförelsevärdet ${p.value} för ${p.keyFigure} är orimligt (över 1\u00a0000 miljarder eller under en miljarddel); raden används inte.`,
    en: (p) => `The benchmark value ${p.value} for ${p.keyFigure} is implausible (over 1\u00a0000 billion or under a billionth); the row is not used.`,
  },
  benchmarkRowUnmatched: {
    sv: (p) => `Jämförelseraden "${p.name}" motsvarar inget nyckeltal och används inte. ${p.closest ? `Närmast: ${p.closest}.` : "Inget nyckeltal har liknande ord."} Skriv nyckeltalets namn eller id.`,
    en: (p) => `The benchmark row "${p.name}" matches no key figure and is not used. ${p.closest ? `Closest: ${p.closest}.` : "No key figure has similar words."} Write the figure's name or id.`,
  },
  benchmarkLaterYear: {
    sv: (p) => `${p.count} jämförelserader gäller år efter ${p.year} (${p.years}) och används inte; jämförelsen tas aldrig från ett senare år än beräkningsåret.`,
    en: (p) => `${p.count} benchmark rows are for years after ${p.year} (${p.years}) and are not used; a benchmark is never taken from a year later than the run's.`,
  },
  benchmarkShareAmbiguous: {
    sv: (p) => `Värdet ${p.value} för ${p.keyFigure} är en andel under 1 och läses som ${p.value} % (andelar i Jämförelse anges i procent). Menar du ${p.percent} %, skriv ${p.percent} eller formatera cellen som procent.`,
    en: (p) => `The value ${p.value} for ${p.keyFigure} is a share below 1 and is read as ${p.value} % (shares in Jämförelse are in percent). If you mean ${p.percent} %, write ${p.percent} or format the cell as percent.`,
  },
  personalDataInCells: {
    sv: (p) => `${p.count} ${p.count === 1 ? "cell" : "celler"} i ${p.column} (första på rad ${p.row}) innehåller något som ser ut som ett personnummer eller samordningsnummer. Det skrivs aldrig ut; en pseudonym används i stället. Ta bort personnumret ur indata.`,
    en: (p) => `${p.count} ${p.count === 1 ? "cell" : "cells"} in ${p.column} (first on row ${p.row}) hold something that looks like a personal identity or coordination number. It is never written out; a pseudonym is used instead. Remove it from the input.`,
  },
  poolWithoutVolume: {
    sv: (p) => `Poolen ${p.pool} har kostnad (${p.amount}\u00a0kr) men ingen volym i Brukare; ingen styckkostnad och ingen brukarkostnad, och kostnaden ingår inte i insatsens styckkostnad (se Pooler utan volym på KPB Avstämning).`,
    en: (p) => `The pool ${p.pool} has cost (${p.amount}\u00a0kr) but no volume in Brukare; no unit cost and no client cost, and the cost is not in the intervention's unit cost (see Pooler utan volym on KPB Avstämning).`,
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
  populationGap: {
    sv: (p) => `Befolkning ger inte åldersgruppen ${p.group} exakt: åldrarna ${p.missing} saknas (eller raderna överlappar). Ingen kostnad per invånare eller andel brukare för gruppen; lägg till raderna.`,
    en: (p) => `Befolkning does not give the age group ${p.group} exactly: the ages ${p.missing} are missing (or the rows overlap). No cost per inhabitant or client share for the group; add the rows.`,
  },
  populationStraddles: {
    sv: (p) => `Befolkningsraden ${p.value} spänner över åldersgrupperna ${p.groups} och kan inte delas mellan dem; raden används inte. Ange befolkningen per åldersgrupp, per delgrupp inom en grupp eller per ettårsålder.`,
    en: (p) => `The population row ${p.value} spans the age groups ${p.groups} and cannot be split between them; the row is not used. Give the population per age group, per part of a group or per single year of age.`,
  },
  populationOverlap: {
    sv: (p) => `Befolkningsraden ${p.value} överlappar raden ${p.other} (rad ${p.otherRow}) i åldersgruppen ${p.group}; samma invånare räknas inte två gånger.`,
    en: (p) => `The population row ${p.value} overlaps the row ${p.other} (row ${p.otherRow}) in the age group ${p.group}; the same inhabitants are not counted twice.`,
  },
  populationSubtotal: {
    sv: (p) => `Befolkningsraden ${p.value} (${p.count}) är en delsumma av ${p.parts} och räknas inte en gång till.`,
    en: (p) => `The population row ${p.value} (${p.count}) is a subtotal of ${p.parts} and is not counted again.`,
  },
  populationSubtotalDiffers: {
    sv: (p) => `Befolkningsraden ${p.value} (${p.count}) är en delsumma av ${p.parts}, men de summerar till ${p.partsSum}. De finare raderna används; kontrollera befolkningen.`,
    en: (p) => `The population row ${p.value} (${p.count}) is a subtotal of ${p.parts}, but they sum to ${p.partsSum}. The finer rows are used; check the population.`,
  },
  population80Missing: {
    sv: () => `Befolkning ger inte antalet invånare 80 år och äldre exakt (t.ex. bara 85-w eller en rad 75-84); volym per invånare 80+ beräknas inte.`,
    en: () => `Befolkning does not give the number of inhabitants aged 80 and over exactly (e.g. only 85-w, or a row 75-84); volume per inhabitant 80+ is not computed.`,
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
  hourBandFromZero: {
    sv: (p) => `Timintervallen börjar vid ${p.first}, inte 0; intervallet 0-${p.first} har lagts till så att brukare med färre timmar räknas i rätt intervall.`,
    en: (p) => `The hour bands start at ${p.first}, not 0; the band 0-${p.first} was added so that clients with fewer hours are counted in the right band.`,
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
