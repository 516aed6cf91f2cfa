// Draws the app icons as real PNG files (and a PNG-in-ICO favicon) with no image tools installed.
// Run once after changing the design: `node tests/tools/make-icons.mjs`. The output is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [29, 79, 145];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A speech bubble on blue; `safe` shrinks the drawing into the maskable safe zone. */
function draw(size, safe) {
  const scale = safe ? 0.62 : 0.8;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  const c = size / 2;
  const w = (size * scale) / 2;
  const h = w * 0.72;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const dx = (x + 0.5 - c) / w;
      const dy = (y + 0.5 - (c - h * 0.15)) / h;
      const inBubble = dx * dx + dy * dy <= 1;
      // The bubble's tail, a triangle below-left of centre.
      const tx = (x + 0.5 - (c - w * 0.45)) / w;
      const ty = (y + 0.5 - (c + h * 0.6)) / h;
      const inTail = ty >= 0 && ty <= 0.55 && tx >= 0 && tx <= 0.35 * (1 - ty / 0.55) + 0.05;
      // Three lines of "text" inside the bubble.
      const ly = (y + 0.5 - (c - h * 0.15)) / h;
      const inLine =
        Math.abs(dx) < 0.55 &&
        [-0.35, 0, 0.35].some((row) => Math.abs(ly - row) < 0.07) &&
        !(ly > 0.3 && dx > 0.2);
      const colour = (inBubble || inTail) && !inLine ? WHITE : BLUE;
      raw.set(colour, y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function ico(png, size) {
  const header = Buffer.from([0, 0, 1, 0, 1, 0]);
  const entry = Buffer.alloc(16);
  entry[0] = size;
  entry[1] = size;
  entry.writeUInt16LE(1, 4);
  entry.writeUInt16LE(32, 6);
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(22, 12);
  return Buffer.concat([header, entry, png]);
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', draw(192, false));
writeFileSync('public/icons/icon-512.png', draw(512, false));
writeFileSync('public/icons/icon-maskable-512.png', draw(512, true));
writeFileSync('public/icons/apple-touch-icon-180.png', draw(180, true));
writeFileSync('public/favicon.ico', ico(draw(32, false), 32));
writeFileSync(
  'public/icons/icon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><title>Story Collector</title><rect width="64" height="64" fill="#1d4f91"/><ellipse cx="32" cy="28" rx="24" ry="17" fill="#fff"/><path d="M17 38 L15 54 L30 42 Z" fill="#fff"/></svg>\n`,
);
console.log('icons written to public/');
