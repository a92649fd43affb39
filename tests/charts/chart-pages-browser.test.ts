import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHART_IDS } from '../../src/charts/registry.ts';
import { useServedSiteAndBrowser } from '../support/site-in-browser.ts';

// The charts in a real browser: which drawing shows at which width, how
// small its text renders, and print. Screenshots go to test-results/charts/
// (gitignored) for a human look.
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/charts');
const served = useServedSiteAndBrowser();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

/** The drawing on show, its rendered width and its smallest text in CSS pixels. */
function shownDrawing(page: Page) {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>('.chart-svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
    return svgs.map((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].filter((text) => text.textContent?.trim()).map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
      return { className: svg.getAttribute('class'), width: svg.getBoundingClientRect().width, smallestText: Math.min(...sizes) };
    });
  });
}

const cases = [
  { name: 'a 320px phone', width: 320, colorScheme: 'light', media: 'screen', drawing: 'chart-svg chart-svg--narrow' },
  { name: 'a 320px phone in dark mode', width: 320, colorScheme: 'dark', media: 'screen', drawing: 'chart-svg chart-svg--narrow' },
  { name: 'a 1280px screen', width: 1280, colorScheme: 'light', media: 'screen', drawing: 'chart-svg chart-svg--wide' },
  { name: 'a 1280px screen in dark mode', width: 1280, colorScheme: 'dark', media: 'screen', drawing: 'chart-svg chart-svg--wide' },
  { name: 'print', width: 720, colorScheme: 'light', media: 'print', drawing: 'chart-svg chart-svg--wide' },
] as const;

describe.for(CHART_IDS)('/charts/%s/ in a browser', (id) => {
  test.for(cases)('on $name: one drawing shows, with no text under 12px, without JavaScript', async ({ name, width, colorScheme, media, drawing }) => {
    const context = await served.browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media, colorScheme });
      await page.goto(`${served.origin}/charts/${id}/`);
      const shown = await shownDrawing(page);
      expect(shown.map((svg) => svg.className)).toEqual([drawing]);
      expect(shown[0].width).toBeLessThanOrEqual(width);
      expect(shown[0].smallestText).toBeGreaterThanOrEqual(12);
      await page.locator('.chart__figure').screenshot({ path: join(SCREENSHOTS, `${id}-${name.replace(/\W+/g, '-')}.png`) });
    } finally {
      await context.close();
    }
  });
});

// The story page shows the same drawings as images (ChartGraphic as="image"):
// the browser picks the file by window width, and print gets the light
// download file whatever the screen's colour scheme.
const storyCases = [
  { name: 'a 320px phone', width: 320, media: 'screen', file: (id: string) => `/charts/${id}/narrow.svg` },
  { name: 'a 655px window, just below the wide drawing', width: 655, media: 'screen', file: (id: string) => `/charts/${id}/narrow.svg` },
  { name: 'a 656px window, where the chart is 39rem wide', width: 656, media: 'screen', file: (id: string) => `/charts/${id}/wide.svg` },
  { name: 'a 1280px screen', width: 1280, media: 'screen', file: (id: string) => `/charts/${id}/wide.svg` },
  { name: 'print', width: 1280, media: 'print', file: (id: string) => `/charts/${id}.svg` },
] as const;

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
      }))),
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
      expect(image.width).toBeLessThanOrEqual(width);
    }
    // Same file either way: on screen its own colours follow dark mode; on paper they do not.
    const changed = light.map((image, index) => !image.pixels.equals(dark[index]!.pixels));
    expect(changed).toEqual(light.map(() => media === 'screen'));
  });
});
