import { Resvg, renderAsync, type RenderedImage, type ResvgRenderOptions } from '@resvg/resvg-js';
import resvgPackage from '@resvg/resvg-js/package.json' with { type: 'json' };
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { cacheKey, cached, cachedSync } from './image-cache.ts';

/**
 * Rasterises standalone SVGs to PNG with resvg at build time, each image
 * once: a PNG is kept in the image cache (src/publish/image-cache.ts) under a
 * key made of the SVG, the scale, the font files and resvg's version, so a
 * rebuild of an unchanged image reads it back instead.
 * @see https://github.com/thx/resvg-js#usage
 */

/**
 * The fonts every PNG is drawn with. resvg used to load every system font
 * for each image; these files are the ones it picked from them (the PNG
 * tests prove the pixels unchanged): Liberation Sans, which the chart font
 * stack (src/charts/theme.ts) names, and DejaVu Sans, the default family,
 * for text whose font list names no font present. Only these being loaded,
 * a machine's other fonts cannot change an image. Debian packages:
 * fonts-liberation and fonts-dejavu-core.
 */
export const FONT_FILES = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-BoldItalic.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf',
] as const;

let fontsDigest: string | undefined;

/** SHA-256 of the font files, read once a process; a missing file stops the build with the fix. */
export function fontFingerprint(): string {
  if (fontsDigest) return fontsDigest;
  const hash = createHash('sha256');
  for (const file of FONT_FILES) {
    try {
      hash.update(file).update(readFileSync(file));
    } catch {
      throw new Error(`The chart font ${file} is missing: PNGs are drawn with Liberation Sans and DejaVu Sans. Install them (Debian: apt-get install fonts-liberation fonts-dejavu-core).`);
    }
  }
  return (fontsDigest = hash.digest('hex'));
}

/** resvg's options for a scale: only our font files, never the system's. */
export function renderOptions(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
  };
}

/** The key of an image rendered from this SVG at this scale: everything that decides its pixels. */
export function renderKey(svg: string, scale: number, ...more: string[]): string {
  return cacheKey([`resvg-js ${resvgPackage.version}`, fontFingerprint(), JSON.stringify(renderOptions(scale)), svg, ...more]);
}

/** The SVG rasterised, off the main thread (libuv's pool), uncached: for callers that want the pixels. */
export function rasterise(svg: string, scale: number): Promise<RenderedImage> {
  fontFingerprint();
  return renderAsync(svg, renderOptions(scale));
}

/**
 * The SVG as a PNG, `scale` pixels per unit (2 gives print-ready pixels: a
 * 768-unit chart becomes 1536 px wide), with `text` as PNG text chunks.
 */
export function svgToPng(svg: string, { scale = 2, text = {} as Record<string, string> } = {}): Uint8Array<ArrayBuffer> {
  const png = cachedSync('png', renderKey(svg, scale), () => new Resvg(svg, renderOptions(scale)).render().asPng());
  return withTextChunks(png, text);
}

/** svgToPng off the main thread: a build can rasterise several images at once, on every core. */
export async function svgToPngAsync(svg: string, { scale = 2, text = {} as Record<string, string> } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const png = await cached('png', renderKey(svg, scale), async () => (await rasterise(svg, scale)).asPng());
  return withTextChunks(png, text);
}

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
