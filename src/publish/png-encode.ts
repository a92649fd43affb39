import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';

/**
 * A PNG encoder for opaque RGBA images whose rows are compressed in
 * independent pieces, so that a piece can be kept (src/publish/chart-card-png.ts
 * keeps a chart's drawing) and joined to freshly compressed rows later
 * without compressing it again. Each piece is filtered without looking at the
 * row before it and deflated on its own, ending on a byte boundary (a sync
 * flush): pieces concatenate into one valid zlib stream, whose Adler-32 is
 * combined from the pieces' own.
 * @see https://www.w3.org/TR/png-3/#7Filtering
 * @see https://www.rfc-editor.org/rfc/rfc1950 (zlib), rfc1951 (deflate)
 */

/** Rows of an image, filtered and deflated on their own. */
export interface PngRows {
  /** How many rows the piece holds. */
  rows: number;
  /** Bytes before compression: rows × (1 filter byte + 4 × width). */
  length: number;
  /** Adler-32 of those bytes. */
  adler: number;
  /** Raw deflate blocks, none final, ending byte-aligned. */
  deflated: Uint8Array;
}

const deflateRawAsync = promisify(deflateRaw);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** zlib header: deflate with a 32 KB window, no dictionary (CMF·256 + FLG is a multiple of 31). */
const ZLIB_HEADER = Buffer.from([0x78, 0x9c]);
/** An empty final deflate block (fixed Huffman codes, end of block at once). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const ADLER_BASE = 65521;

/**
 * Filters rows [from, to) of RGBA pixels (4 bytes a pixel, `width` a row)
 * and deflates them as one piece. The first row uses the Sub filter, which
 * needs no earlier row, and every later row Up (charts are mostly rows like
 * the one above; trying other filters on each row cost more time than the
 * few per cent of size they saved).
 */
export async function compressRows(pixels: Uint8Array, width: number, from: number, to: number): Promise<PngRows> {
  const stride = width * 4;
  const source = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const filtered = Buffer.alloc((to - from) * (stride + 1));
  for (let row = from; row < to; row += 1) {
    const start = row * stride;
    const out = (row - from) * (stride + 1);
    if (row === from) {
      filtered[out] = 1;
      for (let i = 0; i < stride; i += 1) filtered[out + 1 + i] = (pixels[start + i]! - (i >= 4 ? pixels[start + i - 4]! : 0)) & 0xff;
      continue;
    }
    filtered[out] = 2;
    // A row like the one above filters to zeros, which the buffer already holds.
    if (source.subarray(start, start + stride).equals(source.subarray(start - stride, start))) continue;
    for (let i = 0; i < stride; i += 1) filtered[out + 1 + i] = (pixels[start + i]! - pixels[start - stride + i]!) & 0xff;
  }
  const deflated = await deflateRawAsync(filtered, { level: 6, finishFlush: constants.Z_SYNC_FLUSH });
  return { rows: to - from, length: filtered.length, adler: adler32(filtered), deflated };
}

/** A PNG (8-bit RGBA) from pieces that hold every row of the image, in order. */
export function assemblePng(width: number, height: number, pieces: readonly PngRows[]): Uint8Array<ArrayBuffer> {
  const rows = pieces.reduce((sum, piece) => sum + piece.rows, 0);
  if (rows !== height) throw new Error(`PNG pieces hold ${rows} rows, the image has ${height}`);
  let adler = 1;
  for (const piece of pieces) adler = adler32Combine(adler, piece.adler, piece.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler >>> 0);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, no interlace
  return new Uint8Array(
    Buffer.concat([
      SIGNATURE,
      chunk('IHDR', [header]),
      chunk('IDAT', [ZLIB_HEADER, ...pieces.map((piece) => piece.deflated), FINAL_BLOCK, trailer]),
      chunk('IEND', []),
    ]),
  );
}

function chunk(type: string, parts: readonly Uint8Array[]): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  let crc = crc32(typeBytes);
  for (const part of parts) crc = crc32(part, crc);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc >>> 0);
  return Buffer.concat([head, typeBytes, ...parts, tail]);
}

/** Adler-32 of some bytes (RFC 1950, section 9). */
export function adler32(bytes: Uint8Array, start = 1): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  // 5552 bytes is the most that can be summed before b may overflow 2^32.
  for (let at = 0; at < bytes.length; at += 5552) {
    const end = Math.min(at + 5552, bytes.length);
    for (let i = at; i < end; i += 1) {
      a += bytes[i]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two byte runs one after the other, from each run's own (zlib's adler32_combine). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const remainder = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (remainder * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + ADLER_BASE - remainder;
  sum1 %= ADLER_BASE;
  sum2 %= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}
