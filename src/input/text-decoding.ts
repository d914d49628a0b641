/**
 * Bytes of a text export as text: the encoding is detected, never assumed. Financial and case
 * systems write UTF-8 (with or without BOM), Windows-1252 (Excel's "CSV" on Swedish Windows) or,
 * for SIE, PC8 (IBM code page 437). Pure: no file system, so the task pane can use it too.
 */

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252" | "cp437";

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string };

/** Swedish names of the encodings, for summaries and messages. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 med BOM",
  "utf-16le": "UTF-16 (LE)",
  "utf-16be": "UTF-16 (BE)",
  "windows-1252": "Windows-1252",
  cp437: "PC8 (IBM 437)",
};

/** The upper half of IBM code page 437 (SIE's "PC8"); the lower half is ASCII. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

export function decodeCp437(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes.push(b < 0x80 ? b : CP437_HIGH.charCodeAt(b - 0x80));
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Why these bytes are not a text export at all, or null. */
function notText(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "filen är en Excel-arbetsbok (.xlsx) eller annan zip-fil, inte text; ge den filändelsen .xlsx";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "filen är en gammal Excel-fil (.xls) eller lösenordsskyddad; spara den som CSV eller .xlsx";
  const probe = Math.min(bytes.length, 65536);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return "filen innehåller binära data (nollbyte), inte text";
  return null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Swedish letters as each single-byte code page writes them: the code page with more of them wins. */
const CP1252_SWEDISH = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc]);
const CP437_SWEDISH = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81]);

function singleByteScores(bytes: Uint8Array): { cp1252: number; cp437: number } {
  let cp1252 = 0;
  let cp437 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (CP1252_SWEDISH.has(b)) cp1252++;
    if (CP437_SWEDISH.has(b)) cp437++;
  }
  return { cp1252, cp437 };
}

/**
 * Decodes a text file. A BOM decides; else valid UTF-8 is UTF-8; else a single-byte code page:
 * Windows-1252 for CSV, and for SIE (`preferPc8`) the one of PC8 and Windows-1252 that yields more
 * Swedish letters (PC8 on a tie, as the SIE format prescribes).
 */
export function decodeText(bytes: Uint8Array, options: { preferPc8?: boolean } = {}): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictUtf8(bytes.subarray(3));
    if (text !== null) return { ok: true, text, encoding: "utf-8-bom" };
    return { ok: false, reason: "filen börjar som UTF-8 (BOM) men innehåller ogiltiga UTF-8-tecken" };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const reason = notText(bytes);
  if (reason) return { ok: false, reason };
  if (!hasNonAscii(bytes)) return { ok: true, text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8" };
  if (options.preferPc8) {
    const { cp1252, cp437 } = singleByteScores(bytes);
    if (cp437 >= cp1252) return { ok: true, text: decodeCp437(bytes), encoding: "cp437" };
  }
  return { ok: true, text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
}
