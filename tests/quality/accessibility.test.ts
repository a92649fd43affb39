import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { builtPages, builtSiteDir, pageSlug, serveBuiltSite } from '../support/built-site.ts';
import { launchChromium } from '../support/chromium.ts';
import { visit } from '../support/page-visit.ts';

// axe-core on every built page for the WCAG 2.2 A and AA rules; then the
// colour contrast again in dark mode and in print, with a screenshot of
// each (test-results/quality/screenshots/, gitignored) for a human look.
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/quality/screenshots');
const pages = await builtPages();
let browser: Browser;
let site: Awaited<ReturnType<typeof serveBuiltSite>>;

beforeAll(async () => {
  site = await serveBuiltSite(builtSiteDir());
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', { concurrent: true }, () => {
  test('the site built and has pages', () => {
    builtSiteDir();
    expect(pages.length).toBeGreaterThan(0);
  });

  test.for(pages.map((page) => page.path))('%s has no violations', async (path, { expect }) => {
    const context = await browser.newContext();
    try {
      const { page } = await visit(context, site.origin, path);
      await page.screenshot({ path: join(SCREENSHOTS, `${pageSlug(path)}.light.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.for(pages.map((page) => page.path))('%s keeps its contrast in dark mode', async (path, { expect }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    try {
      const { page } = await visit(context, site.origin, path);
      await page.screenshot({ path: join(SCREENSHOTS, `${pageSlug(path)}.dark.png`), fullPage: true });
      expect(await axeViolations(page, { rules: ['color-contrast'] })).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.for(pages.map((page) => page.path))('%s keeps its contrast in print', async (path, { expect }) => {
    const context = await browser.newContext();
    try {
      const { page } = await visit(context, site.origin, path);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SCREENSHOTS, `${pageSlug(path)}.print.png`), fullPage: true });
      expect(await axeViolations(page, { rules: ['color-contrast'] })).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
