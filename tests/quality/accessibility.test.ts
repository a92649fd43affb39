import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { builtPages, builtSiteDir, pageSlug } from '../support/built-site.ts';
import { visit } from '../support/page-visit.ts';
import { useServedSiteAndBrowser } from '../support/site-in-browser.ts';

// axe-core on every built page for the WCAG 2.2 A and AA rules; then the
// colour contrast again in dark mode and in print, with a screenshot of
// each (test-results/quality/screenshots/, gitignored) for a human look.
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/quality/screenshots');
const pages = await builtPages();
const served = useServedSiteAndBrowser();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', { concurrent: true }, () => {
  test('the site built and has pages', () => {
    builtSiteDir();
    expect(pages.length).toBeGreaterThan(0);
  });

  test.for(pages.map((page) => page.path))('%s has no violations', async (path, { expect }) => {
    const context = await served.browser.newContext();
    try {
      const { page } = await visit(context, served.origin, path);
      await page.screenshot({ path: join(SCREENSHOTS, `${pageSlug(path)}.light.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.for(pages.map((page) => page.path))('%s keeps its contrast in dark mode', async (path, { expect }) => {
    const context = await served.browser.newContext({ colorScheme: 'dark' });
    try {
      const { page } = await visit(context, served.origin, path);
      await page.screenshot({ path: join(SCREENSHOTS, `${pageSlug(path)}.dark.png`), fullPage: true });
      expect(await axeViolations(page, { rules: ['color-contrast'] })).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.for(pages.map((page) => page.path))('%s keeps its contrast in print', async (path, { expect }) => {
    const context = await served.browser.newContext();
    try {
      const { page } = await visit(context, served.origin, path);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SCREENSHOTS, `${pageSlug(path)}.print.png`), fullPage: true });
      expect(await axeViolations(page, { rules: ['color-contrast'] })).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
