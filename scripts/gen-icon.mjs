#!/usr/bin/env node
// Draws the extension's icon, images/icon.png (128×128 RGBA), with no image library: shapes as
// distance tests, 4×4 supersampling for smooth edges, PNG written with node:zlib. The artwork is
// this script's own: a quotation mark (a claim) and a magnifying glass (checking it).
//   node scripts/gen-icon.mjs [out.png]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const SAMPLES = 4;

const NAVY = [24, 58, 99];
const NAVY_LIGHT = [38, 92, 150];
const WHITE = [250, 250, 247];
const AMBER = [242, 169, 0];

function roundedSquare(x, y, inset, radius) {
  const cx = Math.min(Math.max(x, inset + radius), SIZE - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), SIZE - inset - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) <= r;
}

/** A stroke from (ax, ay) to (bx, by) whose half-width goes from ra to rb. */
function taperedStroke(x, y, ax, ay, bx, by, ra, rb) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= ra + (rb - ra) * t;
}

/** One quotation mark: a round head with a tail curling down to the left. */
function quoteMark(x, y, cx, cy) {
  return circle(x, y, cx, cy, 11) || taperedStroke(x, y, cx + 8, cy + 2, cx - 6, cy + 26, 5, 1.5);
}

/** The colour at a point, or null outside the icon. */
function colourAt(x, y) {
  if (!roundedSquare(x, y, 4, 22)) return null;
  const glassX = 84;
  const glassY = 82;
  if (taperedStroke(x, y, glassX + 17, glassY + 17, 116, 116, 6, 6.5)) return AMBER;
  const fromGlass = Math.hypot(x - glassX, y - glassY);
  if (fromGlass >= 19 && fromGlass <= 26) return AMBER;
  if (quoteMark(x, y, 36, 40) || quoteMark(x, y, 66, 40)) return WHITE;
  const t = (x + y) / (2 * SIZE); // a light diagonal gradient
  return NAVY_LIGHT.map((c, i) => Math.round(c + (NAVY[i] - c) * t));
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
          sum[3]++;
        }
      }
      const at = (py * SIZE + px) * 4;
      const covered = sum[3];
      for (let i = 0; i < 3; i++) rgba[at + i] = covered ? Math.round(sum[i] / covered) : 0;
      rgba[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
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

export function encodePng(rgba, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "images", "icon.png");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, encodePng(render(), SIZE, SIZE));
console.log(out);
