/**
 * The import summary's texts (what a file read gave: rows, sums, rows set aside and why), in
 * Swedish and English by key, for the command line; the pane has its own strings for the same codes.
 */
import { defineMessages, messageRenderer } from "../engine";
import { enCount, svCount } from "../engine";

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
