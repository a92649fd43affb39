import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { PAGE_PADDING, drawingFor } from '../../src/charts/drawing-widths.ts';
import { CHART_IDS } from '../../src/charts/registry.ts';
import { measureShownCharts } from '../support/chart-text-measure.ts';
import { useServedSiteAndBrowser } from '../support/site-in-browser.ts';

// The charts in a real browser: which drawing shows at which width, how
// small its text renders, and print. Screenshots go to test-results/charts/
// (gitignored) for a human look.
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/charts');
const served = useServedSiteAndBrowser();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

const cases = [
  { name: 'a 320px phone', width: 320, colorScheme: 'light', media: 'screen' },
  { name: 'a 320px phone in dark mode', width: 320, colorScheme: 'dark', media: 'screen' },
  { name: 'a 1280px screen', width: 1280, colorScheme: 'light', media: 'screen' },
  { name: 'a 1280px screen in dark mode', width: 1280, colorScheme: 'dark', media: 'screen' },
  { name: 'print', width: 720, colorScheme: 'light', media: 'print' },
] as const;

describe.for(CHART_IDS)('/charts/%s/ in a browser', (id) => {
  test.for(cases)('on $name: one drawing shows, the one drawn for its width, with text 12 to 16px, without JavaScript', async ({ name, width, colorScheme, media }) => {
    const context = await served.browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media, colorScheme });
      await page.goto(`${served.origin}/charts/${id}/`);
      const [shown] = await measureShownCharts(page);
      expect(shown.drawings).toEqual([`chart-drawing chart-drawing--w${drawingFor(shown.container).drawing.width}`]);
      expect(shown.shown).toBeLessThanOrEqual(shown.container);
      expect(shown.minText).toBeGreaterThanOrEqual(12);
      expect(shown.maxText).toBeLessThanOrEqual(16);
      await page.locator('.chart__figure').screenshot({ path: join(SCREENSHOTS, `${id}-${name.replace(/\W+/g, '-')}.png`) });
    } finally {
      await context.close();
    }
  });
});

// The story page shows the same drawings as images (ChartGraphic as="image"):
// the browser picks the file by window width (the story's column is the
// window less the page's padding), and print gets the light download file
// whatever the screen's colour scheme.
const drawingFile = (width: number) => (id: string) => `/charts/${id}/${drawingFor(width - PAGE_PADDING).drawing.width}.svg`;
const storyCases = [
  ...[280, 400, 600, 655, 700, 900, 1200].map((width) => ({ name: `a ${width}px window`, width, media: 'screen' as const, file: drawingFile(width) })),
  { name: 'print', width: 1280, media: 'print' as const, file: (id: string) => `/charts/${id}.svg` },
];

/**
 * An image's text as rendered: the file's own font sizes (read from the
 * file the browser chose) times the image's scale on the page.
 */
function renderedTextSizes(page: Page, img: Locator) {
  return img.evaluate(async (element: HTMLImageElement) => {
    const file = new DOMParser().parseFromString(await (await fetch(element.currentSrc)).text(), 'image/svg+xml');
    const svg = file.documentElement as unknown as SVGSVGElement;
    const scale = element.getBoundingClientRect().width / Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const sizeOf = (node: Element | null): number => (node?.getAttribute('font-size') ? Number(node.getAttribute('font-size')) : node?.parentElement ? sizeOf(node.parentElement) : NaN);
    const sizes = [...file.querySelectorAll('text')].filter((text) => text.textContent?.trim()).map((text) => sizeOf(text) * scale);
    return { min: Math.min(...sizes), max: Math.max(...sizes) };
  });
}

/** Each chart image on the page: the file shown, whether it loaded, its width, and a screenshot of it. */
async function chartImages(page: Page) {
  const images = page.locator('.chart__graphic img');
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.chart__graphic img')].every((img) => img.complete));
  const found = [];
  for (const img of await images.all()) {
    found.push({
      ...(await img.evaluate((element: HTMLImageElement) => ({
        id: element.closest('.chart')!.id.replace(/^chart-/, ''),
        file: new URL(element.currentSrc).pathname,
        loaded: element.naturalWidth > 0,
        width: element.getBoundingClientRect().width,
        column: element.closest('.chart')!.getBoundingClientRect().width,
      }))),
      text: await renderedTextSizes(page, img),
      pixels: await img.screenshot(),
    });
  }
  return found;
}

describe('the story page in a browser', () => {
  test.for(storyCases)('on $name: every chart shows the right drawing, in the reader’s colour scheme', async ({ name, width, media, file }) => {
    const seen = { light: [] as Awaited<ReturnType<typeof chartImages>>, dark: [] as Awaited<ReturnType<typeof chartImages>> };
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await served.browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.emulateMedia({ media, colorScheme });
        await page.goto(`${served.origin}/`);
        seen[colorScheme] = await chartImages(page);
        await page.locator('#chart-caseloads .chart__graphic').screenshot({ path: join(SCREENSHOTS, `story-caseloads-${name.replace(/\W+/g, '-')}-${colorScheme}.png`) });
      } finally {
        await context.close();
      }
    }
    const { light, dark } = seen;
    expect(light.map((image) => image.id).sort()).toEqual([...CHART_IDS].sort());
    for (const image of [...light, ...dark]) {
      expect(image.file).toBe(file(image.id));
      expect(image.loaded).toBe(true);
      expect(image.width).toBeLessThanOrEqual(image.column);
      if (media === 'screen') {
        expect(image.width / Math.min(image.column, 800)).toBeGreaterThanOrEqual(0.9);
        expect(image.text.min).toBeGreaterThanOrEqual(12);
        expect(image.text.max).toBeLessThanOrEqual(16);
      }
    }
    // Same file either way: on screen its own colours follow dark mode; on paper they do not.
    const changed = light.map((image, index) => !image.pixels.equals(dark[index]!.pixels));
    expect(changed).toEqual(light.map(() => media === 'screen'));
  });
});
