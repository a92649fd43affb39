import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { markText, rowNumbers, type MarkRows } from '../../src/charts/interactive/mark-text.ts';
import { CHART_IDS } from '../../src/charts/registry.ts';
import { axeViolations } from '../support/axe.ts';
import { builtSiteDir } from '../support/built-site.ts';
import { visit } from '../support/page-visit.ts';
import { useServedSiteAndBrowser } from '../support/site-in-browser.ts';

// The explorable marks on the built site, in Chromium, under the site's own
// Content-Security-Policy (the embed's for embeds): every mark of the drawing
// on show is reached by the arrow keys and read out with its value and
// source; a tap shows a mark's tooltip and a link to its row; axe finds
// nothing with the tooltip open, light or dark; and with JavaScript off the
// page says the same, less the script's own additions. These are rules for
// any content, so the test runs on the real build.
const served = useServedSiteAndBrowser();
const pages = ['charts', 'embed'].flatMap((kind) => CHART_IDS.map((id) => ({ kind, id, path: `/${kind}/${id}/` })));

/** A chart's marks file, as the built site publishes it: the rows' words that every mark reads. */
const marksFile = async (id: string) => JSON.parse(await readFile(join(builtSiteDir(), 'charts', id, 'marks.json'), 'utf8')) as MarkRows;

/** The marks of the drawing on show, with the words the chart's marks file gives each. */
async function visibleMarks(page: Page, id: string) {
  const { rows } = await marksFile(id);
  const marks = await page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('svg.chart-svg')].find((candidate) => candidate.checkVisibility())!;
    return [...svg.querySelectorAll<SVGGraphicsElement>('[data-rows]')].map((mark) => ({ ...mark.dataset }));
  });
  return marks.map((mark) => ({ ...markText(rowNumbers(mark.rows), rows), rows: mark.rows, words: mark.value }));
}

/** The current mark's place among the marks on show, and what the live region says. */
function currentMark(page: Page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('svg.chart-svg')].find((candidate) => candidate.checkVisibility())!;
    const marks = [...svg.querySelectorAll('[data-rows]')];
    return { index: marks.findIndex((mark) => mark.hasAttribute('data-current')), said: document.querySelector('.chart__graphic [aria-live]')?.textContent ?? '' };
  });
}

async function withPage<T>(path: string, options: BrowserContextOptions, use: (page: Page, problems: string[]) => Promise<T>): Promise<T> {
  const context = await served.browser.newContext(options);
  try {
    const { page, problems } = await visit(context, served.origin, path);
    return await use(page, problems);
  } finally {
    await context.close();
  }
}

describe.for(pages)('$path, with the script', ({ kind, id, path }) => {
  test.for([400, 1200])('at %i px: the arrow keys reach every mark of the drawing on show, and each is read out with its value and source', async (width) => {
    await withPage(path, { viewport: { width, height: 900 } }, async (page, problems) => {
      const marks = await visibleMarks(page, id);
      expect(marks.length).toBeGreaterThan(0);
      await page.locator('.chart__graphic').focus();
      const reached = new Set<number>();
      for (let step = 1; step <= marks.length; step += 1) {
        await page.keyboard.press('ArrowRight');
        // The first mark's words wait for the chart's marks file.
        await expect.poll(async () => (await currentMark(page)).said).toContain(`Mark ${step} of ${marks.length}`);
        const { index, said } = await currentMark(page);
        reached.add(index);
        const mark = marks[index];
        for (const words of [mark.label!, mark.value!, mark.when!, `Source: ${mark.source}`, `Mark ${step} of ${marks.length}`]) expect(said).toContain(words);
      }
      expect([...reached].sort((a, b) => a - b)).toEqual(marks.map((_, index) => index));
      await page.keyboard.press('Home');
      await expect.poll(async () => (await currentMark(page)).said).toContain(`Mark 1 of ${marks.length}`);
      await page.keyboard.press('End');
      await expect.poll(async () => (await currentMark(page)).said).toContain(`Mark ${marks.length} of ${marks.length}`);
      expect(problems).toEqual([]);
    });
  });

  test(kind === 'charts' ? 'Enter opens the current mark’s row in the table, with its quote' : 'the tooltip links to the mark’s row on the chart’s page, in a new tab', async () => {
    await withPage(path, { viewport: { width: 700, height: 900 } }, async (page) => {
      await page.locator('.chart__graphic').focus();
      await page.keyboard.press('ArrowRight');
      const link = page.locator('.chart-tip a');
      await expect.poll(() => link.isVisible()).toBe(true);
      const { index } = await currentMark(page);
      const row = (await visibleMarks(page, id))[index].row;
      if (kind === 'embed') {
        expect(await link.getAttribute('target')).toBe('_blank');
        // The chart's page at the site's published address (src/publish/site-address.ts).
        expect(await link.getAttribute('href')).toMatch(new RegExp(`^https?://[^#]+/charts/${id}/#chart-${id}-row-${row}$`));
        return;
      }
      await page.keyboard.press('Enter');
      await page.waitForURL(`**#chart-${id}-row-${row}`);
      const target = page.locator(`#chart-${id}-row-${row}`);
      expect(await target.evaluate((element) => element.matches(':target') && element.closest('table') !== null)).toBe(true);
    });
  });

  test('a tap on a mark shows its tooltip and reads it out; a tap elsewhere closes it', async () => {
    const { rows } = await marksFile(id);
    await withPage(path, { viewport: { width: 400, height: 800 }, hasTouch: true, isMobile: true }, async (page) => {
      // A mark no other shares its centre with (two events on one day would), from the middle of the drawing.
      const marks = await page.evaluate(() => {
        const svg = [...document.querySelectorAll<SVGSVGElement>('svg.chart-svg')].find((candidate) => candidate.checkVisibility())!;
        const all = [...svg.querySelectorAll<SVGGraphicsElement>('[data-rows]')];
        const centre = (mark: Element) => {
          const box = mark.getBoundingClientRect();
          return [box.left + box.width / 2, box.top + box.height / 2];
        };
        return all
          .map((mark, index) => ({ rows: mark.dataset.rows!, index }))
          .filter(({ index }) => all.every((other, at) => at === index || Math.hypot(centre(other)[0] - centre(all[index])[0], centre(other)[1] - centre(all[index])[1]) > 1));
      });
      const picked = marks[Math.floor(marks.length / 2)];
      const mark = { ...picked, ...markText(rowNumbers(picked.rows), rows) };
      const target = page.locator('svg.chart-svg:visible [data-rows]').nth(mark.index);
      await target.scrollIntoViewIfNeeded();
      const box = (await target.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      const tip = page.locator('.chart-tip');
      await expect.poll(() => tip.textContent()).toContain(mark.value);
      expect(await tip.textContent()).toContain(`Source: ${mark.source}`);
      expect((await currentMark(page)).said).toContain(mark.value);
      const heading = page.locator('.chart__title');
      await heading.scrollIntoViewIfNeeded();
      const headingBox = (await heading.boundingBox())!;
      await page.touchscreen.tap(headingBox.x + 4, headingBox.y + 4);
      await expect.poll(() => tip.isVisible()).toBe(false);
    });
  });

  test.for(['light', 'dark'] as const)('in %s mode, with a tooltip open, axe finds nothing and the tooltip takes the page’s colours', async (colorScheme) => {
    await withPage(path, { viewport: { width: 700, height: 900 }, colorScheme }, async (page) => {
      await page.locator('.chart__graphic').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('.chart-tip a').isVisible()).toBe(true);
      const colours = await page.evaluate(() => ({ tip: getComputedStyle(document.querySelector('.chart-tip')!).backgroundColor, page: getComputedStyle(document.body).backgroundColor }));
      expect(colours.tip).toBe(colours.page);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});

describe.for(pages)('$path, without JavaScript', ({ id, path }) => {
  test('says everything it says with the script, and every mark names rows of the chart’s table', async () => {
    const text = (page: Page) =>
      page.evaluate(() => {
        const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
        for (const added of main.querySelectorAll('.chart-tip, .chart-tip__ring, .chart-hint, [aria-live]')) added.remove();
        return main.textContent!.replace(/\s+/g, ' ').trim();
      });
    const withScript = await withPage(path, { viewport: { width: 700, height: 900 } }, text);
    const without = await withPage(path, { viewport: { width: 700, height: 900 }, javaScriptEnabled: false }, async (page) => {
      expect(await page.locator('.chart__graphic').getAttribute('tabindex')).toBeNull();
      const marks = await visibleMarks(page, id);
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) {
        // Every mark names rows the marks file holds, with words; the words are there once, not on each of the six drawings.
        expect([mark.value, mark.when, mark.source].every(Boolean), mark.rows).toBe(true);
        expect(mark.words).toBeUndefined();
      }
      return text(page);
    });
    expect(without).toBe(withScript);
  });
});

describe('the script', () => {
  test('is one file of our own, at most 10 KB gzipped, on every chart page and embed', async () => {
    const files = new Set<string>();
    for (const { path } of pages) {
      const { document } = parseHTML(await readFile(join(builtSiteDir(), path, 'index.html'), 'utf8'));
      const scripts = [...document.querySelectorAll('.chart script[src]')].map((script) => script.getAttribute('src')!);
      expect(scripts).toHaveLength(1);
      files.add(scripts[0]);
    }
    expect(files.size).toBe(1);
    const gzipped = gzipSync(await readFile(join(builtSiteDir(), [...files][0]))).length;
    expect(gzipped).toBeLessThanOrEqual(10 * 1024);
  });
});
