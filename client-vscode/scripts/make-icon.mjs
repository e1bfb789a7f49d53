#!/usr/bin/env node
// Draws the extension's icon, images/icon.png (256×256 RGBA): a cog on a rounded square.
// The icon is committed; run this again only to change it:  node scripts/make-icon.mjs
// It needs nothing but Node: the shape is computed per pixel (4×4 samples per pixel for
// smooth edges) and written as a PNG with zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 256;
const SAMPLES = 4;
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');

const background = [0x1f, 0x3a, 0x5f]; // deep blue
const cog = [0xf2, 0xb1, 0x34];        // amber
const TEETH = 8;

/** Which colour the point (x, y) in [0, SIZE) has, or null outside the rounded square. */
function colourAt(x, y) {
  const c = SIZE / 2;
  // Rounded square with corner radius 48.
  const r = 48, qx = Math.abs(x - c) - (c - r), qy = Math.abs(y - c) - (c - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  if (outside > 0) return null;
  const dx = x - c, dy = y - c;
  const radius = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  // A tooth covers 45% of each 1/TEETH turn; the cog's body is a ring with a hole.
  const phase = ((angle / (2 * Math.PI)) * TEETH % 1 + 1) % 1;
  const onTooth = Math.abs(phase - 0.5) < 0.225;
  const outer = onTooth ? 100 : 78;
  if (radius <= outer && radius >= 34) return cog;
  return background;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        sum[0] += colour[0]; sum[1] += colour[1]; sum[2] += colour[2]; sum[3] += 255;
      }
    }
    const n = SAMPLES * SAMPLES, covered = sum[3] / 255;
    const i = (y * SIZE + x) * 4;
    // Colour is averaged over the covered samples (straight alpha), alpha over all samples.
    rgba[i] = covered ? Math.round(sum[0] / covered) : 0;
    rgba[i + 1] = covered ? Math.round(sum[1] / covered) : 0;
    rgba[i + 2] = covered ? Math.round(sum[2] / covered) : 0;
    rgba[i + 3] = Math.round(sum[3] / n);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const b of buffer) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8 bits per channel, RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter 0 per row
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
