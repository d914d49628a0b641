/**
 * Personal identity numbers never leave the engine: a client id that looks like a personnummer or
 * samordningsnummer (ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN, with or without dash or plus, day + 60 for
 * samordningsnummer) is replaced by a stable pseudonym, an HMAC-SHA-256 of the id under a
 * per-workbook secret, so the same client keeps the same pseudonym across refreshes.
 */
const PNR = /^(?:(?:19|20)?\d{2})(\d{2})(\d{2})[-+]?\d{4}$/;

export function looksLikePersonalIdentityNumber(text: string): boolean {
  const compact = text.replace(/\s/g, "");
  const m = PNR.exec(compact);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const plainDay = day > 60 ? day - 60 : day; // samordningsnummer add 60 to the day
  return month >= 1 && month <= 12 && plainDay >= 1 && plainDay <= 31;
}

/** The same shapes inside a longer text ("Utbetalning 19450312-1234"), not next to other digits. */
const PNR_IN_TEXT = /(?<!\d)(?:(?:19|20)\d{2}|\d{2})(\d{2})(\d{2})\s?[-+]?\s?\d{4}(?!\d)/g;

function validMonthDay(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day) > 60 ? Number(day) - 60 : Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Every shape above has at least ten ASCII digits: most texts are ruled out without a regex. */
function hasTenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 10) return true;
  }
  return false;
}

/** True when the text is, or contains, something that looks like a personnummer or samordningsnummer. */
export function containsPersonalIdentityNumber(text: string): boolean {
  if (text.length < 10 || !hasTenDigits(text)) return false;
  if (looksLikePersonalIdentityNumber(text)) return true;
  for (const m of text.matchAll(PNR_IN_TEXT)) if (validMonthDay(m[1], m[2])) return true;
  return false;
}

/** Replaces every personnummer-looking part of a text (by default with "(personnummer dolt)"). */
export function redactPersonalIdentityNumbers(text: string, replace: (found: string) => string = () => PNR_HIDDEN): string {
  if (text.length < 10) return text;
  if (looksLikePersonalIdentityNumber(text)) return replace(text);
  return text.replace(PNR_IN_TEXT, (found: string, month: string, day: string) => (validMonthDay(month, day) ? replace(found) : found));
}

export const PNR_HIDDEN = "(personnummer dolt)";

/**
 * A fresh secret for a run that was given none: pseudonyms are then safe but change from run to
 * run. The add-in keeps one secret per workbook (in its settings) and the command line one per
 * folder (`.kpb-secret`), so the same client keeps the same pseudonym across refreshes.
 */
export function randomSecret(): string {
  const bytes = new Uint8Array(32);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** SHA-256 in plain TypeScript: the engine runs in the browser and in Node without crypto APIs. */
export function sha256(data: Uint8Array): Uint8Array {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const bitLength = data.length * 8;
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export function hmacSha256(key: string, message: string): Uint8Array {
  let k: Uint8Array = utf8(key);
  if (k.length > 64) k = sha256(k);
  const block = new Uint8Array(64);
  block.set(k);
  const inner = new Uint8Array(64 + utf8(message).length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i] ^ 0x36;
    outer[i] = block[i] ^ 0x5c;
  }
  inner.set(utf8(message), 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

/** "B-" and 12 hex digits: short enough to read, long enough never to collide in one municipality. */
export function pseudonym(clientId: string, secret: string): string {
  const digest = hmacSha256(secret, clientId.replace(/[\s-+]/g, ""));
  return `B-${Array.from(digest.slice(0, 6), (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
