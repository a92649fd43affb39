import { inflateSync } from 'node:zlib';

/**
 * The pixels of an 8-bit RGBA, non-interlaced PNG (what resvg and
 * src/publish/png-encode.ts write), decoded independently of both: chunks
 * joined, inflated, each row unfiltered by the PNG specification's rules.
 * Tests compare images by these pixels, not by their compressed bytes.
 * @see https://www.w3.org/TR/png-3/#9Filter-types
 */
export function pngPixels(png: Uint8Array): { width: number; height: number; pixels: Buffer } {
  const file = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (file.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  const data: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.subarray(at + 4, at + 8).toString('latin1');
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || colour !== 6 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const filtered = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  if (filtered.length !== height * (stride + 1)) throw new Error(`image data holds ${filtered.length} bytes, expected ${height * (stride + 1)}`);
  const pixels = Buffer.alloc(height * stride);
  for (let row = 0; row < height; row += 1) {
    const filter = filtered[row * (stride + 1)]!;
    const line = filtered.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1));
    const out = row * stride;
    for (let i = 0; i < stride; i += 1) {
      const left = i >= 4 ? pixels[out + i - 4]! : 0;
      const up = row > 0 ? pixels[out - stride + i]! : 0;
      const upLeft = row > 0 && i >= 4 ? pixels[out - stride + i - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`row ${row}: unknown filter type ${filter}`);
      pixels[out + i] = (line[i]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
