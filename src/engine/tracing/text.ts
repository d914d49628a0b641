import { Dec } from "../decimal";
import { enCount, svCount } from "../plural";
import type { CostCategory, KeyMethod } from "../model";
import { microToDec, oreToString, oreToSwedish, sumOre } from "../money";
import type { AllocatedPart, ClientExplanation, Explanation, KeyFigureExplanation, PoolExplanation, QuantityKind, Transfer } from "./explain";

export type Language = "sv" | "en";

/**
 * One line of an explanation, ready for a list in the task pane or a line on the command line:
 * `label` on the left, `value` (formatted amount or figure) on the right, indented by `depth`.
 * Ledger rows and rules carry `link`, an A1 target such as `'Ekonomi'!A17`.
 */
export interface ExplanationLine {
  depth: number;
  kind: "title" | "section" | "category" | "ledgerRow" | "more" | "share" | "detail" | "total" | "volume" | "period" | "unitCost" | "pool" | "client" | "check";
  label: string;
  value: string | null;
  link?: string;
}

export interface TextOptions {
  /** Ledger rows shown per account class (the rest are summed in one line). Default: all. */
  maxRows?: number;
}

const CATEGORY: Record<CostCategory, Record<Language, string>> = {
  Personal: { sv: "Personal", en: "Staff" },
  Lokaler: { sv: "Lokaler", en: "Premises" },
  Övrigt: { sv: "Övrigt", en: "Other" },
  Intäkter: { sv: "Intäkter", en: "Revenue" },
};

const KEY: Record<KeyMethod, Record<Language, string>> = {
  kostnad: { sv: "direkt kostnad", en: "direct cost" },
  volym: { sv: "volym", en: "volume" },
  andel: { sv: "andel i Nycklar", en: "share in Nycklar" },
};

const UNIT_EN: Record<string, string> = { timmar: "hours", timme: "hour", dygn: "days", dagar: "days", dag: "day", månader: "months", månad: "month", portioner: "portions", portion: "portion", brukare: "clients", invånare: "inhabitants" };

const QUANTITY: Record<QuantityKind, Record<Language, string>> = {
  cost: { sv: "kostnad", en: "cost" },
  clientCost: { sv: "brukarnas kostnad", en: "the clients' cost" },
  costExclHsl: { sv: "kostnad exkl. HSL", en: "cost excl. health care" },
  hslCost: { sv: "HSL-kostnad", en: "health-care cost" },
  grossCost: { sv: "kostnad före intäkter", en: "cost before revenue" },
  volume: { sv: "volym", en: "volume" },
  clients: { sv: "brukare", en: "clients" },
  inhabitants: { sv: "invånare", en: "inhabitants" },
  clientsOverLimit: { sv: "brukare över gränsen", en: "clients over the limit" },
  clientsInScope: { sv: "brukare i avgränsningen", en: "clients in scope" },
  clientsInBand: { sv: "brukare i intervallet", en: "clients in the band" },
  hemtjanstClients: { sv: "hemtjänstbrukare", en: "home-care clients" },
  volume80: { sv: "volym för brukare 80 år och äldre", en: "volume of clients aged 80 and over" },
  clientsOverBreakEven: { sv: "brukare i ordinärt boende över brytpunkten", en: "clients in ordinary housing above the break-even" },
  costOverBreakEven: { sv: "Σ (årskostnad − brytpunkt)", en: "Σ (yearly cost − break-even)" },
};

const T = {
  pool: { sv: "Pool", en: "Pool" },
  support: { sv: "stödpool", en: "support pool" },
  regi: { sv: (r: string) => `${r} regi`, en: (r: string) => (r === "egen" ? "in-house" : "external") },
  direct: { sv: "Direkt kostnad", en: "Direct cost" },
  allocated: { sv: "Fördelad kostnad från stödpooler", en: "Allocated from support pools" },
  from: { sv: "Från", en: "From" },
  key: { sv: "nyckel", en: "key" },
  of: { sv: "av", en: "of" },
  chain: { sv: "kedja", en: "chain" },
  passedOn: { sv: "Vidarefördelat till andra pooler", en: "Passed on to other pools" },
  to: { sv: "Till", en: "To" },
  total: { sv: "Total kostnad", en: "Total cost" },
  carried: { sv: "Kostnad som poolen bär (allt vidarefördelat)", en: "Cost the pool carries (all passed on)" },
  volume: { sv: "Volym", en: "Volume" },
  noPeriod: { sv: "utan period", en: "no period" },
  unitCost: { sv: "Styckkostnad", en: "Unit cost" },
  noVolume: { sv: "Styckkostnad: ingen volym i Brukare", en: "Unit cost: no volume in Brukare" },
  row: { sv: "Ekonomi rad", en: "Ekonomi row" },
  rule: { sv: "regel rad", en: "rule row" },
  more: { sv: (n: number) => `… och ${svCount(n, "rad", "rader")} till`, en: (n: number) => `… and ${enCount(n, "more row", "more rows")}` },
  noRows: { sv: "Raderna finns inte i resultatet (ingen spårning)", en: "The rows are not in the result (no lineage)" },
  passedOnBy: { sv: "fördelade", en: "passed on" },
  own: { sv: "egen kostnad", en: "own cost" },
  client: { sv: "Brukare", en: "Client" },
  exact: { sv: "exakt", en: "exact" },
  clientTotal: { sv: "Summa brukarens kostnad", en: "Client's total cost" },
  figure: { sv: "Nyckeltal", en: "Key figure" },
  value: { sv: "Värde", en: "Value" },
  pools: { sv: "Pooler", en: "Pools" },
  clients: { sv: "Brukare", en: "Clients" },
  ok: { sv: "stämmer", en: "adds up" },
  notOk: { sv: "STÄMMER INTE", en: "DOES NOT ADD UP" },
} as const;

const CHECK_TEXT: Record<string, Record<Language, string>> = {
  rowsEqualDirect: { sv: "Kontroll: Ekonomi-raderna summerar till direkt kostnad, på öret", en: "Check: the Ekonomi rows sum to the direct cost, to the öre" },
  categoriesEqualDirect: { sv: "Kontroll: kostnadsslagen summerar till direkt kostnad, på öret", en: "Check: the cost types sum to the direct cost, to the öre" },
  partsEqualCost: { sv: "Kontroll: direkt + fördelat − vidarefördelat = poolens kostnad, på öret", en: "Check: direct + allocated − passed on = the pool's cost, to the öre" },
  transfersEqualPassedOn: { sv: "Kontroll: överföringarna till mottagarna summerar till vidarefördelat, på öret", en: "Check: the transfers to the receivers sum to what was passed on, to the öre" },
  unitCost: { sv: "Kontroll: kostnad ÷ volym = styckkostnaden", en: "Check: cost ÷ volume = the unit cost" },
  linesEqualTotal: { sv: "Kontroll: Σ pooler = brukarens kostnad, på öret", en: "Check: Σ pools = the client's cost, to the öre" },
  recomputed: { sv: "Kontroll: divisionen omräknad ger värdet", en: "Check: the division redone gives the value" },
};

/** Öre as money: "1 234,50 kr" (sv) or "1,234.50 kr" (en). */
export function formatMoney(ore: number, language: Language): string {
  if (language === "sv") return `${oreToSwedish(ore)}\u00a0kr`;
  const [kr, dec] = oreToString(ore).split(".");
  return `${kr.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}\u00a0kr`;
}

/** A decimal for reading: thousands grouped, at most `places` decimals, trailing zeros dropped. */
export function formatDecimal(value: Dec | string | number, language: Language, places = 2): string {
  const d = new Dec(value).toDecimalPlaces(places);
  const [int, frac] = d.abs().toFixed().split(".");
  const group = language === "sv" ? "\u00a0" : ",";
  const sign = d.isNegative() && !d.isZero() ? (language === "sv" ? "−" : "-") : "";
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${frac ? (language === "sv" ? "," : ".") + frac : ""}`;
}

const UNIT_EN_ONE: Record<string, string> = { timme: "hour", dygn: "day", dag: "day", månad: "month", portion: "portion", enhet: "unit" };

/** A volume unit in the language; after "kr/" in the singular ("kr/dygn" → "kr/day"). */
const unitText = (unit: string, language: Language) =>
  language === "sv"
    ? unit
    : unit.replace(/(kr\/)?([A-Za-zåäöÅÄÖ]+)/g, (m, per: string | undefined, w: string) => (per ? `kr/${UNIT_EN_ONE[w] ?? UNIT_EN[w] ?? w}` : w === "kr" ? w : UNIT_EN[w] ?? w));

/**
 * A quantity with its unit in the right number: "1 dag", "2 dagar", "1 hour", "5 640 dagar".
 * Units are stored in the plural (Insatskatalog's Volymenhet); exactly 1 takes the singular.
 */
function countedUnit(value: Dec | string, unit: string, language: Language, places: number): string {
  const shown = formatDecimal(value, language, places);
  const one = !unit.includes("/") && new Dec(value).toDecimalPlaces(places).equals(1);
  if (!one) return `${shown} ${unitText(unit, language)}`.trim();
  const sv = singular(unit);
  return `${shown} ${language === "sv" ? sv : UNIT_EN_ONE[sv] ?? unitText(unit, language)}`.trim();
}

const volumeText = (micro: number, unit: string, language: Language) => countedUnit(microToDec(micro), unit, language, 6);

const unitCostText = (unitCost: string, unit: string, language: Language, places = 2) => `${formatDecimal(unitCost, language, places)} ${unitText(`kr/${singular(unit)}`, language)}`;

function singular(unit: string): string {
  return unit.replace(/^timmar$/, "timme").replace(/^dagar$/, "dag").replace(/^månader$/, "månad").replace(/^portioner$/, "portion") || "enhet";
}

/** A key weight in the unit it was taken in: kronor of direct cost, volume, or percent share. */
export function weightText(key: KeyMethod, weight: string, language: Language, unit: string): string {
  if (key === "kostnad") return formatMoney(Number(weight), language);
  if (key === "volym") return countedUnit(new Dec(weight).div(1e6), unit, language, 6);
  return `${formatDecimal(new Dec(weight).div(1e10), language, 4)} %`;
}

const percentText = (fraction: string, language: Language) => `${formatDecimal(new Dec(fraction).times(100), language, 4)} %`;

function checkLine(id: string, ok: boolean, language: Language, detail?: string): ExplanationLine {
  return { depth: 0, kind: "check", label: CHECK_TEXT[id][language] + (detail ? ` (${detail})` : ""), value: ok ? T.ok[language] : T.notOk[language] };
}

function shareLines(part: AllocatedPart | Transfer, language: Language, unit: string, depth: number): ExplanationLine[] {
  return [
    {
      depth,
      kind: "detail",
      label: `${T.key[language]}: ${KEY[part.key][language]}, ${weightText(part.key, part.weight, language, unit)} ${T.of[language]} ${weightText(part.key, part.weightSum, language, unit)} = ${percentText(part.fraction, language)}`,
      value: null,
    },
  ];
}

function poolLines(e: PoolExplanation, language: Language, options: TextOptions): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  const describe = [e.insats + (e.enhet ? `, ${e.enhet}` : ""), [T.regi[language](e.regi), e.area].filter(Boolean).join(", ")];
  const kindText = e.poolKind === "stöd" ? `, ${T.support[language]}` : "";
  lines.push({ depth: 0, kind: "title", label: `${T.pool[language]} ${e.pool} – ${describe[0]} (${describe[1]}${kindText})`, value: null });
  lines.push({ depth: 0, kind: "section", label: T.direct[language], value: formatMoney(e.direct.totalOre, language) });
  const max = options.maxRows ?? Infinity;
  for (const c of e.direct.categories) {
    if (c.amountOre === 0 && c.rows.length === 0) continue;
    lines.push({ depth: 1, kind: "category", label: CATEGORY[c.category][language], value: formatMoney(c.amountOre, language) });
    c.rows.slice(0, max).forEach((r) => {
      const codes = [`Ansvar ${r.ansvar}`, `Verksamhet ${r.verksamhet}`, r.aktivitet ? `Aktivitet ${r.aktivitet}` : "", `Konto ${r.konto}`].filter(Boolean).join(", ");
      const rule = r.ruleRow !== null ? ` (${T.rule[language]} ${r.ruleRow})` : "";
      lines.push({ depth: 2, kind: "ledgerRow", label: `${T.row[language]} ${r.row}: ${codes}${rule}`, value: formatMoney(r.amountOre, language), link: r.link });
    });
    if (c.rows.length > max) {
      const rest = sumOre(c.rows.slice(max).map((r) => r.amountOre));
      lines.push({ depth: 2, kind: "more", label: T.more[language](c.rows.length - max), value: formatMoney(rest, language) });
    }
  }
  if (!e.ledgerRowsAvailable) lines.push({ depth: 1, kind: "detail", label: T.noRows[language], value: null });
  if (e.allocated.parts.length > 0) {
    lines.push({ depth: 0, kind: "section", label: T.allocated[language], value: formatMoney(e.allocated.totalOre, language) });
    for (const p of e.allocated.parts) {
      lines.push({ depth: 1, kind: "share", label: `${T.from[language]} ${p.from}`, value: formatMoney(p.amountOre, language) });
      lines.push(...shareLines(p, language, e.volumeUnit, 2));
      if (p.fromReceived.length > 0) {
        const received = p.fromReceived.map((r) => `${T.from[language].toLowerCase()} ${r.from} ${formatMoney(r.amountOre, language)}`).join(" + ");
        lines.push({
          depth: 2,
          kind: "detail",
          label: `${p.from} ${T.passedOnBy[language]} ${formatMoney(p.fromPassedOnOre, language)} = ${T.own[language]} ${formatMoney(p.fromDirectOre, language)} + ${received}`,
          value: null,
        });
      }
      lines.push({ depth: 2, kind: "detail", label: `${T.chain[language]}: ${p.chains.map((c) => c.join(" → ")).join("; ")}`, value: null });
    }
  }
  if (e.passedOn.transfers.length > 0) {
    lines.push({ depth: 0, kind: "section", label: T.passedOn[language], value: formatMoney(-e.passedOn.totalOre, language) });
    for (const t of e.passedOn.transfers) {
      lines.push({ depth: 1, kind: "share", label: `${T.to[language]} ${t.to}`, value: formatMoney(-t.amountOre, language) });
      lines.push(...shareLines(t, language, "", 2));
    }
  }
  lines.push({ depth: 0, kind: "total", label: e.poolKind === "stöd" ? T.carried[language] : T.total[language], value: formatMoney(e.costOre, language) });
  if (e.poolKind === "insats") {
    lines.push({ depth: 0, kind: "volume", label: T.volume[language], value: volumeText(e.volumeMicro, e.volumeUnit, language) });
    for (const p of e.volumeByPeriod) {
      lines.push({ depth: 1, kind: "period", label: p.period || T.noPeriod[language], value: volumeText(p.volumeMicro, e.volumeUnit, language) });
    }
    if (e.unitCost !== null) {
      lines.push({
        depth: 0,
        kind: "unitCost",
        label: `${T.unitCost[language]} = ${formatMoney(e.costOre, language)} ÷ ${volumeText(e.volumeMicro, e.volumeUnit, language)}`,
        value: unitCostText(e.unitCost, e.volumeUnit, language),
      });
    } else lines.push({ depth: 0, kind: "unitCost", label: T.noVolume[language], value: null });
  }
  for (const c of e.checks) {
    const detail = c.expectedOre !== null && !c.ok ? `${formatMoney(c.actualOre!, language)} ≠ ${formatMoney(c.expectedOre, language)}` : undefined;
    lines.push(checkLine(c.id, c.ok, language, detail));
  }
  return lines;
}

function clientLines(e: ClientExplanation, language: Language): ExplanationLine[] {
  const about = [e.ageGroup, e.sex, e.housing].filter(Boolean).join(", ");
  const lines: ExplanationLine[] = [{ depth: 0, kind: "title", label: `${T.client[language]} ${e.id} (${about})`, value: null }];
  for (const l of e.lines) {
    const unitCost = l.unitCost === null ? "–" : unitCostText(l.unitCost, l.volumeUnit, language, 6);
    lines.push({
      depth: 1,
      kind: "pool",
      label: `${l.pool} (${l.insats}${l.enhet ? `, ${l.enhet}` : ""}): ${volumeText(l.volumeMicro, l.volumeUnit, language)} × ${unitCost}`,
      value: formatMoney(l.costOre, language),
    });
    lines.push({
      depth: 2,
      kind: "detail",
      label: `= ${formatMoney(l.poolCostOre, language)} × ${volumeText(l.volumeMicro, l.volumeUnit, language)} ÷ ${volumeText(l.poolVolumeMicro, l.volumeUnit, language)}, ${T.exact[language]} ${formatDecimal(l.exactKr, language, 4)}\u00a0kr`,
      value: null,
    });
  }
  lines.push({ depth: 0, kind: "total", label: T.clientTotal[language], value: formatMoney(e.totalOre, language) });
  for (const c of e.checks) lines.push(checkLine(c.id, c.ok, language));
  return lines;
}

const COUNTS = new Set<QuantityKind>(["clients", "inhabitants", "clientsOverLimit", "clientsInScope", "clientsInBand", "hemtjanstClients", "clientsOverBreakEven"]);

/** "kostnad 1 234,50 kr", "volym 13 830 dygn", "327 brukare". */
function quantityText(q: { kind: QuantityKind; value: string; unit: string }, language: Language): string {
  if (COUNTS.has(q.kind)) return `${formatDecimal(q.value, language, 0)} ${QUANTITY[q.kind][language]}`;
  const value = q.unit === "kr" ? formatMoney(Math.round(Number(new Dec(q.value).times(100))), language) : countedUnit(q.value, q.unit, language, 6);
  return `${QUANTITY[q.kind][language]} ${value}`;
}

function figureLines(e: KeyFigureExplanation, language: Language): ExplanationLine[] {
  const valueText = e.unit === "%" ? `${formatDecimal(e.value, language, 2)} %` : e.unit === "kr" ? formatMoney(Math.round(Number(new Dec(e.value).times(100))), language) : `${formatDecimal(e.value, language, 2)} ${unitText(e.unit, language)}`;
  const lines: ExplanationLine[] = [
    { depth: 0, kind: "title", label: `${T.figure[language]} ${e.id} – ${e.name} (${e.scope})`, value: null },
    { depth: 0, kind: "total", label: T.value[language], value: valueText },
  ];
  const division = e.denominator
    ? `= ${quantityText(e.numerator, language)} ÷ ${quantityText(e.denominator, language)}${e.factor !== 1 ? ` × ${e.factor}` : ""}`
    : `= ${quantityText(e.numerator, language)}`;
  lines.push({ depth: 0, kind: "detail", label: division, value: null });
  if (e.pools.length > 0) {
    lines.push({ depth: 0, kind: "section", label: T.pools[language], value: null });
    for (const p of e.pools) {
      const part = p.partOre !== p.costOre || p.partKind !== "cost" ? `, ${QUANTITY[p.partKind][language]} ${formatMoney(p.partOre, language)}` : "";
      lines.push({
        depth: 1,
        kind: "pool",
        label: `${p.pool} (${p.insats}, ${T.regi[language](p.regi)}): ${T.total[language].toLowerCase()} ${formatMoney(p.costOre, language)}${part}`,
        value: volumeText(p.volumeMicro, p.volumeUnit, language),
      });
    }
  }
  if (e.clients) {
    const more = e.clients.count > e.clients.ids.length ? `, …` : "";
    lines.push({ depth: 0, kind: "section", label: `${T.clients[language]}: ${e.clients.count}`, value: null });
    if (e.clients.ids.length) lines.push({ depth: 1, kind: "client", label: e.clients.ids.join(", ") + more, value: null });
  }
  for (const c of e.checks) lines.push(checkLine(c.id, c.ok, language, c.ok ? undefined : `${e.recomputed ?? "–"} ≠ ${e.value}`));
  return lines;
}

/** The explanation as lines with labels and formatted values (for a list in the task pane). */
export function explanationLines(explanation: Explanation, language: Language = "sv", options: TextOptions = {}): ExplanationLine[] {
  switch (explanation.kind) {
    case "pool":
      return poolLines(explanation, language, options);
    case "client":
      return clientLines(explanation, language);
    case "keyFigure":
      return figureLines(explanation, language);
  }
}

/** The explanation as plain text lines, labels left and values right-aligned (for the command line). */
export function explanationText(explanation: Explanation, language: Language = "sv", options: TextOptions = {}): string {
  const lines = explanationLines(explanation, language, options);
  const left = (l: ExplanationLine) => `${"  ".repeat(l.depth)}${l.label}`;
  const width = Math.min(84, Math.max(...lines.filter((l) => l.value !== null && left(l).length <= 84).map((l) => left(l).length), 0));
  const valueWidth = Math.max(...lines.map((l) => (l.value ?? "").length), 0);
  return lines
    .map((l) => {
      const text = left(l);
      if (l.value === null) return text;
      return `${text.padEnd(width)}  ${l.value.padStart(valueWidth)}`;
    })
    .join("\n");
}
