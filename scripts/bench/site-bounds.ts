import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { CHART_IDS } from '../../src/charts/registry.ts';
import { pngSize } from '../../src/publish/png.ts';
import { listPages } from '../../tests/support/site-pages.ts';

/**
 * What must not grow with the number of documents, read from a built site:
 * the feed, the chart images, and the largest pages (a list that grows
 * without paginating shows here first). The bench prints them for the real
 * site beside the largest synthetic one.
 */
export interface SiteBounds {
  feed: { items: number; bytes: number };
  /** Each chart's PNG download and the drawings the story page shows as images. */
  charts: { id: string; pngPixels: number; pngBytes: number; drawingBytes: number }[];
  /** The HTML pages of the lists that grow: documents and timeline indexes, home. */
  lists: { path: string; bytes: number }[];
  /** The largest HTML page of all, and how many pages there are. */
  largest: { path: string; bytes: number };
  pages: number;
}

const LIST_PAGES = ['/', '/documents/', '/timeline/'];

export async function siteBounds(dir: string): Promise<SiteBounds> {
  const feedXml = await readFile(join(dir, 'rss.xml'), 'utf8');
  const feed = new DOMParser().parseFromString(feedXml, 'text/xml');
  const charts = await Promise.all(
    CHART_IDS.map(async (id) => {
      const png = await readFile(join(dir, 'charts', `${id}.png`));
      const { width, height } = pngSize(png);
      const drawings = await readdir(join(dir, 'charts', id)).catch(() => [] as string[]);
      const drawingSizes = await Promise.all(drawings.filter((name) => name.endsWith('.svg')).map(async (name) => (await stat(join(dir, 'charts', id, name))).size));
      return { id, pngPixels: width * height, pngBytes: png.length, drawingBytes: drawingSizes.reduce((sum, size) => sum + size, 0) };
    }),
  );
  const pages = await listPages(dir);
  const sizes = await Promise.all(pages.map(async (page) => ({ path: page.path, bytes: (await stat(page.file)).size })));
  const largest = sizes.reduce((max, page) => (page.bytes > max.bytes ? page : max), { path: '', bytes: 0 });
  return {
    feed: { items: feed.querySelectorAll('item').length, bytes: Buffer.byteLength(feedXml) },
    charts,
    lists: sizes.filter((page) => LIST_PAGES.includes(page.path)),
    largest,
    pages: pages.length,
  };
}
