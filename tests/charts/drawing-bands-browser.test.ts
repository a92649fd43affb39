import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NARROWEST_CONTAINER, TEXT_PX } from '../../src/charts/drawing-widths.ts';
import { allCharts } from '../../src/charts/registry.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { launchChromium } from '../support/chromium.ts';
import { chartDrawingsHtml, recordSiteData, stressSiteData } from './support.ts';

// Every column width from the narrowest served (a 280 px phone) to a
// 1,200 px embed, 4 px apart, on every frozen record: with site.css's
// container queries, exactly one drawing shows, its text renders 12 to 16
// CSS px, and it fills its column (up to 800 px of it). The widths a real
// page tests (chart-widths-browser.test.ts) are samples of this sweep.
const siteCss = await readFile('src/styles/site.css', 'utf8');
const records: [string, SiteData][] = [
  ['seed-era', await recordSiteData('seed-era')],
  ['to-2025', await recordSiteData('to-2025')],
  ['stress', await stressSiteData()],
];
const WIDEST = 1200;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.for(records)('the %s record', ([, data]) => {
  test.for(allCharts(data).map((chart) => [chart.id, chart] as const))('%s: at every column width, one drawing, text 12 to 16 px, the column filled', async ([, chart]) => {
    const context = await browser.newContext({ viewport: { width: WIDEST + 40, height: 900 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${siteCss}</style></head><body><div class="chart" style="max-width: none"><div class="chart__graphic">${chartDrawingsHtml(chart)}</div></div></body></html>`);
      const misses = await page.evaluate(
        ({ from, to, text }) => {
          const column = document.querySelector<HTMLElement>('.chart')!;
          const found: string[] = [];
          for (let width = from; width <= to; width += 4) {
            column.style.width = `${width}px`;
            const shown = [...column.querySelectorAll<SVGSVGElement>('svg.chart-svg')].filter((svg) => svg.checkVisibility());
            if (shown.length !== 1) {
              found.push(`${width} px: ${shown.length} drawings show`);
              continue;
            }
            const svg = shown[0];
            const drawn = svg.getBoundingClientRect().width;
            const scale = drawn / svg.viewBox.baseVal.width;
            const sizes = [...svg.querySelectorAll('text')].filter((node) => node.textContent?.trim()).map((node) => parseFloat(getComputedStyle(node).fontSize) * scale);
            const [min, max] = [Math.min(...sizes), Math.max(...sizes)];
            if (min < text.min || max > text.max) found.push(`${width} px: text ${min.toFixed(2)} to ${max.toFixed(2)} px in the ${svg.viewBox.baseVal.width}-unit drawing`);
            if (drawn > width + 0.5 || drawn < 0.9 * Math.min(width, 800)) found.push(`${width} px: the drawing is ${drawn.toFixed(0)} px wide`);
          }
          return found;
        },
        { from: NARROWEST_CONTAINER, to: WIDEST, text: TEXT_PX },
      );
      expect(misses).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
