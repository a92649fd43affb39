import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCharts, type Chart } from '../../src/charts/registry.ts';
import { drawingFor } from '../../src/charts/drawing-widths.ts';
import { chartCardFile, chartSvgFile, type ChartContext } from '../../src/publish/chart-downloads.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { launchChromium } from '../support/chromium.ts';
import { chartDrawingsHtml, recordSiteData, stressSiteData } from './support.ts';

// Every chart's labels measured as Chromium renders them, with the site's
// stylesheet and fonts: at window widths from a 280 px phone to a 1,280 px
// screen that between them show every screen drawing (drawing-widths.ts),
// and in the SVG and PNG downloads. A test fails on any two
// labels whose boxes overlap, or any label outside the drawing. Charts are
// drawn from the frozen records, so the test says the same tomorrow
// whatever content/ holds. Screenshots of the record to 2025 (light, dark,
// print) go to test-results/charts/records/ for a human look.
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/charts/records');
const siteCss = await readFile('src/styles/site.css', 'utf8');
const records: [string, SiteData][] = [
  ['seed-era', await recordSiteData('seed-era')],
  ['to-2025', await recordSiteData('to-2025')],
  ['stress', await stressSiteData()],
];
/** Window widths; the page's padding leaves the chart 32 px less. */
const WIDTHS = [280, 340, 390, 500, 600, 655, 700, 768, 1280];
const PAGE_PADDING = 32;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** A page holding the chart as the site shows it: every drawing in a .chart container, with site.css. */
function chartPage(chart: Chart): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>${siteCss}</style></head>
<body><main><div class="chart"><div class="chart__graphic">${chartDrawingsHtml(chart)}</div></div></main></body></html>`;
}

/** A standalone SVG file as the only thing on a page. */
function filePage(svg: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body { margin: 0 }</style></head><body>${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`;
}

interface Measured {
  drawing: string;
  overlaps: string[];
  outside: string[];
  labels: number;
}

/**
 * In the page: the shown drawing's labels, as rendered boxes; every pair
 * that overlaps by more than half a pixel, and every label that leaves the
 * drawing's box.
 */
function measureLabels(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('body svg')].find((candidate) => !candidate.parentElement?.closest('svg') && candidate.checkVisibility())!;
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')]
      .filter((text) => text.textContent?.trim())
      .map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect() }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i].box, boxes[j].box];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 0.5 && y > 0.5) overlaps.push(`“${boxes[i].text}” and “${boxes[j].text}” overlap by ${x.toFixed(1)} × ${y.toFixed(1)} px`);
      }
    }
    const outside = boxes
      .filter(({ box }) => box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5)
      .map(({ text, box }) => `“${text}” at ${Math.round(box.left - frame.left)},${Math.round(box.top - frame.top)} to ${Math.round(box.right - frame.left)},${Math.round(box.bottom - frame.top)} of ${Math.round(frame.width)} × ${Math.round(frame.height)}`);
    return { drawing: svg.closest('.chart-drawing')?.className ?? 'file', overlaps, outside, labels: boxes.length };
  });
}

test('the check finds labels that overlap and labels outside the drawing (a known-bad control)', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 400 }, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.setContent(filePage('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100" font-size="14"><text x="10" y="40">Requires improvement</text><text x="60" y="44">Good</text><text x="10" y="80">Fine</text><text x="260" y="80">Outside the edge</text></svg>'));
    const measured = await measureLabels(page);
    expect(measured.overlaps).toHaveLength(1);
    expect(measured.overlaps[0]).toMatch(/“Requires improvement” and “Good” overlap/);
    expect(measured.outside).toHaveLength(1);
    expect(measured.outside[0]).toMatch(/“Outside the edge”/);
  } finally {
    await context.close();
  }
});

describe.for(records)('labels on the %s record, in Chromium', ([record, data]) => {
  const charts = allCharts(data);

  test.for(charts.flatMap((chart) => WIDTHS.map((width) => ({ id: chart.id, width }))))('$id at $width px: no two labels overlap, none leaves the drawing', async ({ id, width }) => {
    const chart = charts.find((candidate) => candidate.id === id)!;
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(chartPage(chart));
      const measured = await measureLabels(page);
      expect(measured.drawing).toBe(`chart-drawing chart-drawing--w${drawingFor(width - PAGE_PADDING).drawing.width}`);
      expect(measured.labels).toBeGreaterThan(5);
      expect(measured.overlaps).toEqual([]);
      expect(measured.outside).toEqual([]);
      if (record === 'to-2025' && (width === 280 || width === 500 || width === 1280)) {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.locator('.chart__graphic').screenshot({ path: join(SCREENSHOTS, `${id}-${width}-${colorScheme}.png`) });
        }
        if (width === 1280) {
          await page.emulateMedia({ media: 'print', colorScheme: 'light' });
          await page.locator('.chart__graphic').screenshot({ path: join(SCREENSHOTS, `${id}-print.png`) });
        }
      }
    } finally {
      await context.close();
    }
  });

  test.for(charts.flatMap((chart) => (['svg', 'png'] as const).map((file) => ({ id: chart.id, file }))))('$id, the $file download: no two labels overlap, none leaves the picture', async ({ id, file }) => {
    const chart = charts.find((candidate) => candidate.id === id)!;
    const downloadContext: ChartContext = { siteUrl: 'https://judged.example/', chartUrl: `https://judged.example/charts/${id}/`, version: 'test', sources: data.documents, siteCss };
    // The PNG is the chart card rasterised: its geometry is the card's.
    const svg = file === 'svg' ? chartSvgFile(chart, downloadContext) : chartCardFile(chart, downloadContext);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(filePage(svg));
      const measured = await measureLabels(page);
      expect(measured.overlaps).toEqual([]);
      expect(measured.outside).toEqual([]);
      if (record === 'to-2025' && file === 'png') await page.locator('body > svg').screenshot({ path: join(SCREENSHOTS, `${id}-download-card.png`) });
    } finally {
      await context.close();
    }
  });
});
