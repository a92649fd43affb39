import { Resvg } from '@resvg/resvg-js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { CHART_IDS, chartById } from '../../src/charts/registry.ts';
import { FONT_FAMILY } from '../../src/charts/theme.ts';
import { siteCardSvg } from '../../src/publish/chart-card.ts';
import { chartCardPng } from '../../src/publish/chart-card-png.ts';
import { chartCardFile, pngScale, type ChartContext } from '../../src/publish/chart-downloads.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { cacheCounts } from '../../src/publish/image-cache.ts';
import { svgToPng } from '../../src/publish/png.ts';
import { lightPalette, svgSize } from '../../src/publish/standalone-svg.ts';
import { recordSiteData } from '../fixtures/records.ts';
import { stressSiteData } from '../fixtures/stress-record.ts';
import { pngPixels } from '../support/png-pixels.ts';

// A chart card's PNG is drawn in two layers with two font families loaded
// (src/publish/chart-card-png.ts, src/publish/png.ts); before, resvg drew the whole
// card with every system font. These tests hold the pixels to the old way.

/** The card as the site drew it before: whole, with every system font resvg finds. */
function drawnTheOldWay(svg: string, scale: number): Buffer {
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, shapeRendering: 2, textRendering: 1 }).render();
  return Buffer.from(image.pixels);
}

let siteCss: string;
let cache: string;
const records: [string, SiteData][] = [];

beforeAll(async () => {
  siteCss = await readFile('src/styles/site.css', 'utf8');
  records.push(['seed era', await recordSiteData('seed-era')], ['record to 2025', await recordSiteData('to-2025')], ['stress record', await stressSiteData({ documents: 150 })]);
  cache = await mkdtemp(join(tmpdir(), 'chart-card-png-'));
});
afterAll(() => rm(cache, { recursive: true, force: true }));
beforeEach(async () => {
  // Every test starts from an empty cache of its own.
  await rm(cache, { recursive: true, force: true });
  vi.stubEnv('IMAGE_CACHE_DIR', cache);
  for (const kind of Object.keys(cacheCounts)) delete cacheCounts[kind];
});

const context = (data: SiteData, id: string, version = '2026.11.23+0a1b2c3d'): ChartContext => ({
  siteUrl: 'https://example.org/judged/',
  chartUrl: `https://example.org/judged/charts/${id}/`,
  version,
  sources: data.documents,
  siteCss,
});

async function expectSamePixels(card: string) {
  const scale = pngScale(svgSize(card));
  const png = pngPixels(await chartCardPng(card, scale));
  const before = drawnTheOldWay(card, scale);
  expect(png.pixels.length).toBe(before.length);
  expect(png.pixels.equals(before)).toBe(true);
}

describe('a chart card drawn in layers', () => {
  test.each(CHART_IDS)('has every pixel the whole card had with every system font: %s, in each record', async (id) => {
    for (const [, data] of records) await expectSamePixels(chartCardFile(chartById(id, data), context(data, id)));
  });

  test('is drawn once: the same card again is read back, nothing rasterised', async () => {
    const [, data] = records[1]!;
    const card = chartCardFile(chartById('grades', data), context(data, 'grades'));
    const first = await chartCardPng(card, pngScale(svgSize(card)));
    const again = await chartCardPng(card, pngScale(svgSize(card)));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(cacheCounts['chart-card']).toEqual({ reused: 1, rendered: 1 });
    expect(cacheCounts['chart-drawing']).toEqual({ reused: 0, rendered: 1 });
  });

  test('with new words (any edit changes the data version) redraws the words only, and is still the whole card', async () => {
    const [, data] = records[1]!;
    await chartCardPng(chartCardFile(chartById('caseloads', data), context(data, 'caseloads')), 2);
    const edited = chartCardFile(chartById('caseloads', data), context(data, 'caseloads', '2026.11.24+99887766'));
    await expectSamePixels(edited);
    expect(cacheCounts['chart-drawing']).toEqual({ reused: 1, rendered: 1 });
    expect(cacheCounts['chart-card']?.rendered).toBe(2);
  });

  test('with a changed chart redraws the drawing', async () => {
    const [, data] = records[1]!;
    const chart = chartById('adoption', data);
    await chartCardPng(chartCardFile(chart, context(data, 'adoption')), 2);
    const changed = { ...chart, renderSvg: (width: number) => chart.renderSvg(width).replace('</svg>', '<circle cx="100" cy="100" r="20" fill="#c00"/></svg>') };
    await expectSamePixels(chartCardFile(changed, context(data, 'adoption')));
    expect(cacheCounts['chart-drawing']).toEqual({ reused: 0, rendered: 2 });
  });

  test('whose words reach into the drawing is drawn whole instead, and right', async () => {
    const [, data] = records[0]!;
    const card = chartCardFile(chartById('timeline', data), context(data, 'timeline'));
    const root = new DOMParser().parseFromString(card, 'image/svg+xml').documentElement;
    const nested = [...root.children].find((child) => child.tagName.toLowerCase() === 'svg')!;
    const words = root.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'text');
    words.setAttribute('x', '40');
    words.setAttribute('y', String(Number(nested.getAttribute('y')) + 60));
    words.textContent = 'A note laid over the chart';
    root.appendChild(words);
    await expectSamePixels(root.toString());
  });
});

describe('a card that is not opaque', () => {
  test('is drawn whole: its PNG has the pixels resvg itself encodes, with every system font', async () => {
    const [, data] = records[0]!;
    const root = new DOMParser().parseFromString(chartCardFile(chartById('adoption', data), context(data, 'adoption')), 'image/svg+xml').documentElement;
    [...root.children].find((child) => child.tagName.toLowerCase() === 'rect')!.remove();
    const card = root.toString();
    const scale = pngScale(svgSize(card));
    const before = new Resvg(card, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, shapeRendering: 2, textRendering: 1 }).render().asPng();
    expect(pngPixels(await chartCardPng(card, scale)).pixels.equals(pngPixels(before).pixels)).toBe(true);
    expect(cacheCounts['chart-drawing']).toEqual({ reused: 0, rendered: 1 });
  });
});

describe('the site card', () => {
  test('has the pixels it had with every system font', () => {
    const svg = siteCardSvg(
      { kicker: 'Manchester · Children’s services · 2009–2025', headline: 'How Ofsted judged Manchester’s children’s services, every number traced to its source', siteName: 'Judged', steps: [{ year: '2010', grade: 'adequate', position: 3 }, { year: '2014', grade: 'inadequate', position: 4 }, { year: '2025', grade: 'outstanding', position: 1 }] },
      lightPalette(siteCss),
      FONT_FAMILY,
    );
    expect(pngPixels(svgToPng(svg, { scale: 1 })).pixels.equals(drawnTheOldWay(svg, 1))).toBe(true);
  });
});
