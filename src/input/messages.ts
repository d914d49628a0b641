/**
 * The import summary's texts (what a file read gave: rows, sums, rows set aside and why), in
 * Swedish and English by key, for the command line; the pane has its own strings for the same codes.
 */
import { defineMessages, messageRenderer } from "../engine";
import { enCount, svCount, type Language } from "../engine";
import type { TextEncoding } from "./text-decoding";

/** Why rows of a file were set aside, by the stable code in `SkippedRows.code`. */
export const SKIP_REASONS = {
  badRecord: { sv: "rader som inte går att dela upp i fält (se problemlistan)", en: "lines that cannot be split into fields (see the problem list)" },
  blank: { sv: "tomma rader", en: "empty lines" },
  aboveHeader: { sv: "rader ovanför rubrikraden", en: "lines above the header row" },
  totalsRow: { sv: "summeringsrader", en: "totals rows" },
  psaldoReplaced: { sv: "periodsaldon (#PSALDO): verifikationerna används i stället", en: "period balances (#PSALDO): the vouchers are used instead" },
  sieCorrection: { sv: "#RTRANS/#BTRANS (rättelser; verifikationens #TRANS-rader gäller)", en: "#RTRANS/#BTRANS (corrections; the voucher's #TRANS lines count)" },
  badLine: { sv: "rader som inte går att läsa (se problemlistan)", en: "lines that cannot be read (see the problem list)" },
  balanceAccount: { sv: "rader på balanskonton (kontoklass 1–2), t.ex. bank och leverantörsskulder", en: "lines on balance-sheet accounts (account classes 1–2), e.g. bank and accounts payable" },
  otherAccount: { sv: "rader på konton utanför kontoklass 1–8", en: "lines on accounts outside account classes 1–8" },
  psaldoOtherYear: { sv: "periodsaldon för andra år än räkenskapsåret", en: "period balances for other years than the financial year" },
  psaldoOtherSplit: { sv: "periodsaldon med en annan objektuppdelning av samma konto", en: "period balances with another split by objects of the same account" },
} as const;
export type SkipCode = keyof typeof SKIP_REASONS;

const ENCODINGS: Record<TextEncoding, { sv: string; en: string }> = {
  "utf-8": { sv: "UTF-8", en: "UTF-8" },
  "utf-8-bom": { sv: "UTF-8 med BOM", en: "UTF-8 with BOM" },
  "utf-16le": { sv: "UTF-16 (LE)", en: "UTF-16 (LE)" },
  "utf-16be": { sv: "UTF-16 (BE)", en: "UTF-16 (BE)" },
  "windows-1252": { sv: "Windows-1252", en: "Windows-1252" },
  cp437: { sv: "PC8 (IBM 437)", en: "PC8 (IBM 437)" },
};
const DELIMITERS: Record<string, { sv: string; en: string }> = { ";": { sv: "semikolon", en: "semicolon" }, "\t": { sv: "tabb", en: "tab" }, ",": { sv: "komma", en: "comma" } };
/** The dimensions SIE reserves, by their standard names, for files that use them without a #DIM line. */
export const RESERVED_SIE_DIMENSIONS: Record<number, { sv: string; en: string }> = {
  1: { sv: "Kostnadsställe", en: "cost centre" },
  2: { sv: "Kostnadsbärare", en: "cost unit" },
  6: { sv: "Projekt", en: "project" },
  7: { sv: "Anställd", en: "employee" },
  8: { sv: "Kund", en: "customer" },
  9: { sv: "Leverantör", en: "supplier" },
  10: { sv: "Faktura", en: "invoice" },
};

/** An SIE dimension of a file: its number and the name its #DIM line gives (none: the reserved name, if any). */
export interface SieDimension {
  dim: number;
  name?: string;
}

/** "20 (Verksamhet)": the file's own name, else the reserved dimension's standard name in the reader's language. */
export function sieDimensionLabel(d: SieDimension, language: Language): string {
  const name = d.name ?? RESERVED_SIE_DIMENSIONS[d.dim]?.[language] ?? (language === "sv" ? "okänd" : "unknown");
  return `${d.dim} (${name})`;
}

/**
 * How a file was read (encoding, delimiter, decimal mark, SIE dimensions …), by key: the summary
 * keeps keys and parameters, so the command line and the pane show them in their user's language.
 */
export const DETAIL_MESSAGES = defineMessages({
  encoding: {
    sv: (p: { encoding: TextEncoding }) => `Teckenkodning: ${ENCODINGS[p.encoding].sv}`,
    en: (p: { encoding: TextEncoding }) => `Character encoding: ${ENCODINGS[p.encoding].en}`,
  },
  delimiter: {
    sv: (p: { delimiter: string }) => `Avgränsare: ${DELIMITERS[p.delimiter]?.sv ?? p.delimiter}`,
    en: (p: { delimiter: string }) => `Delimiter: ${DELIMITERS[p.delimiter]?.en ?? p.delimiter}`,
  },
  decimalMark: {
    sv: (p: { mark: "," | "." | null }) => `Decimaltecken: ${p.mark === "," ? "komma" : p.mark === "." ? "punkt" : "inga decimaler i filen"}`,
    en: (p: { mark: "," | "." | null }) => `Decimal mark: ${p.mark === "," ? "comma" : p.mark === "." ? "point" : "no decimals in the file"}`,
  },
  financialYear: {
    sv: (p: { start: string; end: string }) => `Räkenskapsår: ${p.start} – ${p.end}`,
    en: (p: { start: string; end: string }) => `Financial year: ${p.start} – ${p.end}`,
  },
  sieDimensions: {
    sv: (p: { chosen: { target: string; dimension: SieDimension | null }[] }) =>
      `Dimensioner: ${p.chosen.map((c) => `${c.target} = ${c.dimension ? sieDimensionLabel(c.dimension, "sv") : "ingen"}`).join(", ")}`,
    en: (p: { chosen: { target: string; dimension: SieDimension | null }[] }) =>
      `Dimensions: ${p.chosen.map((c) => `${c.target} = ${c.dimension ? sieDimensionLabel(c.dimension, "en") : "none"}`).join(", ")}`,
  },
  sieVouchers: {
    sv: (p: { transactions: number }) => `Källa: verifikationer (#VER/#TRANS), ${svCount(p.transactions, "transaktion", "transaktioner")}`,
    en: (p: { transactions: number }) => `Source: vouchers (#VER/#TRANS), ${enCount(p.transactions, "transaction", "transactions")}`,
  },
  siePeriodBalances: {
    sv: (_: Record<string, never>) => "Källa: periodsaldon (#PSALDO), inga verifikationer i filen",
    en: (_: Record<string, never>) => "Source: period balances (#PSALDO), no vouchers in the file",
  },
  sieUnusedDimensions: {
    sv: (p: { dimensions: SieDimension[] }) => `Används inte i KPB: ${p.dimensions.map((d) => `dimension ${sieDimensionLabel(d, "sv")}`).join(", ")}`,
    en: (p: { dimensions: SieDimension[] }) => `Not used in KPB: ${p.dimensions.map((d) => `dimension ${sieDimensionLabel(d, "en")}`).join(", ")}`,
  },
  sieGroupedRows: {
    sv: (p: { rows: number }) => `${svCount(p.rows, "rad", "rader")} per ansvar, verksamhet, aktivitet, konto och månad`,
    en: (p: { rows: number }) => `${enCount(p.rows, "row", "rows")} per Ansvar, Verksamhet, Aktivitet, account and month`,
  },
  sheet: { sv: (p: { sheet: string }) => `Blad: ${p.sheet}`, en: (p: { sheet: string }) => `Sheet: ${p.sheet}` },
});

export type DetailKey = keyof typeof DETAIL_MESSAGES;
/** One detail line of an import summary, as key and parameters. */
export type SummaryDetail = { [K in DetailKey]: { key: K; params: Parameters<(typeof DETAIL_MESSAGES)[K]["sv"]>[0] } }[DetailKey];

/** A summary detail as text in the reader's language. */
export function detailText(d: SummaryDetail, language: Language = "sv"): string {
  return (DETAIL_MESSAGES[d.key][language] as (p: SummaryDetail["params"]) => string)(d.params);
}

export const INPUT_MESSAGES = defineMessages({
  rowsRead: {
    sv: (p: { file: string; table: string; rows: number }) => `${p.file} → ${p.table}: ${svCount(p.rows, "rad läst", "rader lästa")}`,
    en: (p: { file: string; table: string; rows: number }) => `${p.file} → ${p.table}: ${enCount(p.rows, "row", "rows")} read`,
  },
  amountSum: { sv: (p: { amount: string }) => `Summa belopp: ${p.amount}\u00a0kr`, en: (p: { amount: string }) => `Sum of amounts: ${p.amount}\u00a0kr` },
  volumeSum: { sv: (p: { volume: string }) => `Summa volym: ${p.volume}`, en: (p: { volume: string }) => `Sum of volumes: ${p.volume}` },
  unreadableNumbers: {
    sv: (p: { count: number }) => `${svCount(p.count, "belopp eller volym är inget tal", "belopp eller volymer är inga tal")} (se problemlistan)`,
    en: (p: { count: number }) => `${enCount(p.count, "amount or volume is not a number", "amounts or volumes are not numbers")} (see the problem list)`,
  },
  skipped: {
    sv: (p: { count: number; code: string; reason: string; amount: string | null }) =>
      `Hoppade över ${(SKIP_REASONS as Record<string, { sv: string }>)[p.code]?.sv ?? p.reason}: ${svCount(p.count, "rad", "rader")}${p.amount === null ? "" : ` (${p.amount}\u00a0kr)`}`,
    en: (p: { count: number; code: string; reason: string; amount: string | null }) =>
      `Skipped ${(SKIP_REASONS as Record<string, { en: string }>)[p.code]?.en ?? p.reason}: ${enCount(p.count, "row", "rows")}${p.amount === null ? "" : ` (${p.amount}\u00a0kr)`}`,
  },
});

export const inputMessage = messageRenderer(INPUT_MESSAGES);
