import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { crc32 } from 'node:zlib';

/**
 * Rasterises a standalone SVG to PNG with resvg at build time. `scale` 2
 * gives print-ready pixels (a 768-unit chart becomes 1536 px wide). System
 * fonts are used: the chart's font stack names Liberation Sans and DejaVu
 * Sans, which the build machines have.
 * @see https://github.com/thx/resvg-js#usage
 */
export function svgToPng(svg: string, { scale = 2, text = {} as Record<string, string> } = {}): Uint8Array<ArrayBuffer> {
  return withTextChunks(new Resvg(svg, renderOptions(scale)).render().asPng(), text);
}

/**
 * svgToPng off the main thread (resvg on libuv's thread pool): a build can
 * rasterise several charts at once, on every core, while it goes on.
 */
export async function svgToPngAsync(svg: string, { scale = 2, text = {} as Record<string, string> } = {}): Promise<Uint8Array<ArrayBuffer>> {
  return withTextChunks((await renderAsync(svg, renderOptions(scale))).asPng(), text);
}

const renderOptions = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  shapeRendering: 2,
  textRendering: 1,
});

/**
 * Adds PNG tEXt chunks (Title, Source, Comment…) after the header, so a
 * downloaded image carries its source and data version in its metadata.
 * Keywords and text must be Latin-1; other characters are replaced.
 * @see https://www.w3.org/TR/png-3/#11tEXt
 */
export function withTextChunks(png: Uint8Array, text: Record<string, string>): Uint8Array<ArrayBuffer> {
  const latin1 = (value: string) => Buffer.from(value.normalize('NFKD').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/[^\x20-\x7e\xa0-\xff]/g, '?'), 'latin1');
  const chunks = Object.entries(text).map(([keyword, value]) => {
    const data = Buffer.concat([latin1(keyword), Buffer.from([0]), latin1(value)]);
    const type = Buffer.from('tEXt', 'latin1');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
    return Buffer.concat([length, type, data, crc]);
  });
  // 8-byte signature, then IHDR (4 length + 4 type + 13 data + 4 CRC).
  const headerEnd = 8 + 25;
  return new Uint8Array(Buffer.concat([png.subarray(0, headerEnd), ...chunks, png.subarray(headerEnd)]));
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (view.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('Not a PNG: bad signature');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}
