#!/usr/bin/env node
/**
 * Generates the add-in icons assets/icon-{16,32,64,80}.png: a rounded colour block with a white
 * "KPB" mark drawn from a small bitmap font. Uses only Node's zlib, so the PNGs can be rebuilt
 * anywhere with `node scripts/make-icons.js`. The output is deterministic; commit the PNGs.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BACKGROUND = [0x0f, 0x6c, 0xbd]; // Fluent brand blue
const FOREGROUND = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8;

/** 3x5 glyphs for the small icons, 5x7 glyphs for the large ones ("#" = ink). */
const FONTS = {
  small: {
    K: ["#.#", "##.", "#..", "##.", "#.#"],
    P: ["##.", "#.#", "##.", "#..", "#.."],
    B: ["##.", "#.#", "##.", "#.#", "##."],
  },
  large: {
    K: ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
    P: ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
    B: ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
  },
};

/** Ink mask of `text` in font units: rows of booleans, one unit gap between letters. */
function textMask(text, font) {
  const glyphs = [...text].map((ch) => font[ch]);
  const height = glyphs[0].length;
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = [];
    glyphs.forEach((glyph, i) => {
      if (i > 0) row.push(false);
      for (const cell of glyph[y]) row.push(cell === "#");
    });
    rows.push(row);
  }
  return rows;
}

/** Coverage (0..1) of the rounded square at sub-pixel (x, y) on a canvas of side `side`. */
function insideRoundedSquare(x, y, side, radius) {
  const cx = Math.min(Math.max(x, radius), side - radius);
  const cy = Math.min(Math.max(y, radius), side - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** RGBA pixels of one icon. The text sits on whole output pixels so that it stays crisp. */
function renderIcon(size) {
  const font = size <= 32 ? FONTS.small : FONTS.large;
  const mask = textMask("KPB", font);
  const cols = mask[0].length;
  const unit = Math.max(1, Math.floor((size * 0.8) / cols));
  const left = Math.floor((size - cols * unit) / 2);
  const top = Math.floor((size - mask.length * unit) / 2);
  const radius = size * 0.18;
  const pixels = Buffer.alloc(size * size * 4);

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = px + (sx + 0.5) / SUPERSAMPLE;
          const y = py + (sy + 0.5) / SUPERSAMPLE;
          if (insideRoundedSquare(x, y, size, radius)) covered++;
        }
      }
      const alpha = covered / (SUPERSAMPLE * SUPERSAMPLE);
      const mx = Math.floor((px - left) / unit);
      const my = Math.floor((py - top) / unit);
      const ink = px >= left && py >= top && my < mask.length && mx < cols && mask[my][mx];
      const colour = ink ? FOREGROUND : BACKGROUND;
      const offset = (py * size + px) * 4;
      pixels[offset] = colour[0];
      pixels[offset + 1] = colour[1];
      pixels[offset + 2] = colour[2];
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, filter 0 on every row). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, renderIcon, SIZES };
