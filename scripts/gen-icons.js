#!/usr/bin/env node
// Draws the add-in's icons (a white "M" over a gold coin on a blue tile) as PNGs at the sizes the
// manifest declares. No image library: shapes are signed-distance functions, supersampled for smooth edges,
// and the PNG is written by hand with zlib so the icons can be regenerated on any machine.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, '..', 'assets');
const SUPERSAMPLE = 4;

const TILE = [15, 76, 129];
const COIN = [242, 181, 45];
const COIN_RIM = [176, 120, 18];
const GLYPH = [255, 255, 255];

// Shapes in unit coordinates (0..1, y down). Each returns a signed distance: negative inside.
function roundedSquare(x, y) {
  const half = 0.5;
  const radius = 0.18;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}

function letterM(x, y) {
  const stroke = 0.085;
  const strokes = [
    [0.18, 0.78, 0.18, 0.24],
    [0.18, 0.24, 0.4, 0.58],
    [0.4, 0.58, 0.62, 0.24],
    [0.62, 0.24, 0.62, 0.78],
  ];
  return Math.min(...strokes.map(([ax, ay, bx, by]) => segment(x, y, ax, ay, bx, by))) - stroke;
}

function coin(x, y) {
  return Math.hypot(x - 0.76, y - 0.74) - 0.19;
}

// Later layers paint over earlier ones; the coin sits under the letter so the "M" stays legible at 16 px.
function colourAt(x, y) {
  if (roundedSquare(x, y) > 0) return null;
  if (letterM(x, y) <= 0) return GLYPH;
  const c = coin(x, y);
  if (c <= -0.045) return COIN;
  if (c <= 0) return COIN_RIM;
  return TILE;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      }
      const offset = (py * size + px) * 4;
      const covered = sum[3];
      rgba[offset] = covered ? Math.round(sum[0] / covered) : 0;
      rgba[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
      rgba[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
      rgba[offset + 3] = Math.round((covered / samples) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, encodePng, render };
