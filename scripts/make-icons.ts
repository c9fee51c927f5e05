/**
 * Draws Shekara's app icon (a border barrier: a red and white boom over the accent blue) and writes
 * it as PNG at the sizes a phone asks for. Run once: `npx tsx scripts/make-icons.ts`; the PNGs are
 * committed in views/static/. Flat colours keep each file a few hundred bytes on a weak signal.
 * PNG is written by hand with node:zlib: the format is a header and three chunks, not worth a library.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x0a, 0x5b, 0xd3];
const WHITE = [0xff, 0xff, 0xff];
const RED = [0xb3, 0x26, 0x1e];
const POST = [0x1b, 0x1f, 0x24];

/** The colour of pixel (x, y) of an icon of the given size, in unit coordinates. */
function pixel(u: number, v: number): number[] {
  // the post on the left, the boom across the middle in alternating bands
  if (u > 0.16 && u < 0.26 && v > 0.3 && v < 0.8) return POST;
  if (v > 0.42 && v < 0.56 && u > 0.16 && u < 0.86)
    return Math.floor((u - 0.16) / 0.1) % 2 === 0 ? RED : WHITE;
  return BLUE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with filter byte 0
    for (let x = 0; x < size; x++) rows.set(pixel((x + 0.5) / size, (y + 0.5) / size), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of [192, 512]) writeFileSync(`views/static/icon-${size}.png`, iconPng(size));
}
