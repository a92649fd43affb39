import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { adler32, adler32Combine, assemblePng, compressRows } from '../../src/publish/png-encode.ts';
import { pngPixels } from '../support/png-pixels.ts';

/** zlib's own Adler-32 of some bytes: the last four bytes of a zlib stream. */
const zlibAdler = (bytes: Uint8Array) => {
  const stream = deflateSync(bytes);
  return stream.readUInt32BE(stream.length - 4);
};

/** An opaque RGBA image with flat bands and noise, like a chart: rows that repeat and rows that do not. */
function image(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 4, 0xff);
  const noise = randomBytes(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    if (row % 7 < 3) continue;
    for (let i = 0; i < width * 4; i += 1) if (i % 4 !== 3) pixels[row * width * 4 + i] = noise[row * width * 4 + i]!;
  }
  return pixels;
}

describe('adler32', () => {
  test('agrees with zlib on bytes of any length, past the 5,552 bytes it sums at a time', () => {
    for (const length of [0, 1, 5551, 5552, 5553, 100_000]) {
      const bytes = randomBytes(length);
      expect(adler32(bytes), `${length} bytes`).toBe(zlibAdler(bytes));
    }
  });

  test('of two runs combined is the checksum of the runs joined', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), fc.uint8Array({ maxLength: 70_000 }), (first, second) => {
        expect(adler32Combine(adler32(first), adler32(second), second.length)).toBe(adler32(Buffer.concat([first, second])));
      }),
      { numRuns: 50 },
    );
  });
});

describe('assemblePng', () => {
  test('pieces compressed apart make one PNG with every pixel in place, however the rows are cut', async () => {
    const [width, height] = [37, 53];
    const pixels = image(width, height);
    for (const cuts of [[], [1], [20], [3, 4, 52], [10, 30, 31]]) {
      const bounds = [0, ...cuts, height];
      const pieces = await Promise.all(bounds.slice(1).map((to, index) => compressRows(pixels, width, bounds[index]!, to)));
      const decoded = pngPixels(assemblePng(width, height, pieces));
      expect([decoded.width, decoded.height], `cut at ${cuts}`).toEqual([width, height]);
      expect(decoded.pixels.equals(pixels), `cut at ${cuts}`).toBe(true);
    }
  });

  test('refuses pieces that do not hold the image’s rows', async () => {
    const pixels = image(4, 4);
    await expect(async () => assemblePng(4, 4, [await compressRows(pixels, 4, 0, 3)])).rejects.toThrow('hold 3 rows, the image has 4');
  });
});
