import type { RenderedImage } from '@resvg/resvg-js';
import { DOMParser } from 'linkedom';
import { cached } from './image-cache.ts';
import { assemblePng, compressRows, type PngRows } from './png-encode.ts';
import { rasterise, renderKey } from './png.ts';

/**
 * A chart card's PNG (src/publish/chart-card.ts: headline, chart, notes, source
 * line) drawn in two layers, so that an edit to the words re-rasterises
 * only the words. The source line carries the data version, which any edit
 * to any document changes: without layers, every such edit would redraw
 * every chart, the build's largest single cost.
 *
 * - The drawing: the card without its words, at the card's full size. Its
 *   rows that differ from the background are filtered and compressed once
 *   and kept in the image cache, under a key of this SVG (which holds the
 *   chart and where the card puts it), the scale and the fonts.
 * - The words: the card without the chart, at full size, drawn each time
 *   the card changes. It must be plain background across the drawing's rows.
 *
 * Each layer is drawn at the same size and scale as the whole card, so each
 * pixel is the one the whole card would have (tests/charts/chart-card-png.test.ts
 * compares them). If a word touches the drawing's rows, or the card is not
 * opaque, the whole card is rasterised instead. The finished PNG is kept
 * too, so an unchanged card costs nothing.
 */

/** The drawing's rows as kept in the cache: where they sit, the background, and the compressed rows. */
interface DrawingRows {
  width: number;
  height: number;
  /** First row that is not background, and the row after the last. */
  from: number;
  to: number;
  /** The background pixel, RGBA. */
  background: number[];
  rows: PngRows;
}

/** The card as a PNG at `scale` pixels per unit (no text chunks: see withTextChunks). */
export function chartCardPng(card: string, scale: number): Promise<Uint8Array> {
  return cached('chart-card', renderKey(card, scale, 'chart card'), async () => (await layeredPng(card, scale)) ?? (await rasterise(card, scale)).asPng());
}

async function layeredPng(card: string, scale: number): Promise<Uint8Array | undefined> {
  const layers = splitCard(card);
  if (!layers) return undefined;
  const [drawing, words] = await Promise.all([drawingRows(layers.drawing, scale), rasterise(layers.words, scale)]);
  if (!drawing || words.width !== drawing.width || words.height !== drawing.height) return undefined;
  const pixels = words.pixels;
  const ownRows = isOpaque(pixels, words.width, 0, drawing.from) && isOpaque(pixels, words.width, drawing.to, words.height);
  if (!ownRows || !rowsAre(pixels, words.width, drawing.from, drawing.to, drawing.background)) return undefined;
  const pieces: PngRows[] = [];
  if (drawing.from > 0) pieces.push(await compressRows(pixels, words.width, 0, drawing.from));
  if (drawing.to > drawing.from) pieces.push(drawing.rows);
  if (drawing.to < words.height) pieces.push(await compressRows(pixels, words.width, drawing.to, words.height));
  return assemblePng(words.width, words.height, pieces);
}

/**
 * The card's two layers as SVG: the drawing keeps the card's frame (size,
 * background, title) and its nested chart `<svg>`; the words keep the frame
 * and its `<text>`. Undefined for a card with no nested chart.
 */
export function splitCard(card: string): { drawing: string; words: string } | undefined {
  const parse = () => new DOMParser().parseFromString(card, 'image/svg+xml').documentElement;
  const without = (root: ReturnType<typeof parse>, tag: string) => {
    for (const child of [...root.children]) if (child.tagName.toLowerCase() === tag) child.remove();
    return root.toString();
  };
  const root = parse();
  if (!root || root.tagName.toLowerCase() !== 'svg' || ![...root.children].some((child) => child.tagName.toLowerCase() === 'svg')) return undefined;
  return { drawing: without(parse(), 'text'), words: without(root, 'svg') };
}

/** The drawing layer's rows, from the cache or rasterised and stored; undefined if the drawing is not opaque. */
async function drawingRows(svg: string, scale: number): Promise<DrawingRows | undefined> {
  const payload = await cached('chart-drawing', renderKey(svg, scale, 'drawing rows'), async () => {
    const image: RenderedImage = await rasterise(svg, scale);
    const { width, height } = image;
    const pixels = image.pixels;
    const background = [...pixels.subarray(0, 4)];
    const plain = (row: number) => rowsAre(pixels, width, row, row + 1, background);
    let from = 0;
    while (from < height && plain(from)) from += 1;
    let to = height;
    while (to > from && plain(to - 1)) to -= 1;
    // An empty entry: not opaque, so the card is drawn whole.
    if (background[3] !== 255 || !isOpaque(pixels, width, from, to)) return new Uint8Array(0);
    return encodeDrawing({ width, height, from, to, background, rows: await compressRows(pixels, width, from, to) });
  });
  return payload.length > 0 ? decodeDrawing(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength)) : undefined;
}

function encodeDrawing({ rows, ...place }: DrawingRows): Uint8Array {
  const head = Buffer.from(JSON.stringify({ ...place, rows: rows.rows, length: rows.length, adler: rows.adler }), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(head.length);
  return Buffer.concat([size, head, rows.deflated]);
}

function decodeDrawing(payload: Buffer): DrawingRows | undefined {
  try {
    const size = payload.readUInt32BE(0);
    const { rows, length, adler, ...place } = JSON.parse(payload.subarray(4, 4 + size).toString('utf8'));
    return { ...place, rows: { rows, length, adler, deflated: payload.subarray(4 + size) } };
  } catch {
    return undefined;
  }
}

/** Every pixel of rows [from, to) fully opaque: resvg's pixels are premultiplied, and only opaque ones are the PNG's. */
function isOpaque(pixels: Uint8Array, width: number, from: number, to: number): boolean {
  // Alpha is the top byte of each pixel read as a little-endian number: all
  // are 0xff when the top byte of all the pixels ANDed together is.
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : new Uint8Array(pixels);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset + from * width * 4, (to - from) * width);
  let all = -1;
  for (let i = 0; i < words.length; i += 1) all &= words[i]!;
  return all >>> 24 === 0xff;
}

/** Whether every pixel of rows [from, to) is the background colour (each row compared at once). */
function rowsAre(pixels: Uint8Array, width: number, from: number, to: number, background: readonly number[]): boolean {
  const stride = width * 4;
  const row = backgroundRow(stride, background);
  const view = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  for (let at = from; at < to; at += 1) if (!view.subarray(at * stride, (at + 1) * stride).equals(row)) return false;
  return true;
}

let lastRow: { key: string; row: Buffer } | undefined;

/** A row of background pixels, kept for the next call with the same one. */
function backgroundRow(stride: number, background: readonly number[]): Buffer {
  const key = `${stride}:${background.join(',')}`;
  if (lastRow?.key !== key) {
    const row = Buffer.alloc(stride);
    for (let i = 0; i < stride; i += 4) row.set(background, i);
    lastRow = { key, row };
  }
  return lastRow.row;
}
