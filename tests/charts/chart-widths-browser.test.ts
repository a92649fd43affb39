import { describe, expect, test } from 'vitest';
import { CHART_IDS } from '../../src/charts/registry.ts';
import { measureShownCharts } from '../support/chart-text-measure.ts';
import { useServedSiteAndBrowser } from '../support/site-in-browser.ts';

// Every chart page and embed of the built site, at window widths a phone, a
// CMS column and a screen really have, with JavaScript off: one drawing
// shows, its text renders 12 to 16 CSS px, and it fills at least 90% of its
// column (of 800 px of it, where the column is wider) without overflowing.
// These hold for any content, so the test runs on the real build.
const served = useServedSiteAndBrowser();
const WIDTHS = [280, 400, 600, 655, 700, 900, 1200];
const pages = ['charts', 'embed'].flatMap((kind) => CHART_IDS.map((id) => `/${kind}/${id}/`));
/** The column width up to which a drawing must fill 90% of it; past it, 90% of this. */
const READABLE_MAX = 800;

describe.for(WIDTHS)('at %i px wide, without JavaScript', (width) => {
  test.for(pages)('%s: one drawing, text 12 to 16 px, filling its column', async (path) => {
    const context = await served.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${served.origin}${path}`);
      const [shown, ...others] = await measureShownCharts(page);
      expect(others).toEqual([]);
      expect(shown.drawings).toHaveLength(1);
      expect(shown.texts).toBeGreaterThan(5);
      expect({ min: shown.minText >= 12, max: shown.maxText <= 16 }, `text ${shown.minText.toFixed(2)} to ${shown.maxText.toFixed(2)} px`).toEqual({ min: true, max: true });
      expect(shown.shown).toBeLessThanOrEqual(shown.container + 0.5);
      expect(shown.shown / Math.min(shown.container, READABLE_MAX), `${Math.round(shown.shown)} px in a ${Math.round(shown.container)} px column`).toBeGreaterThanOrEqual(0.9);
    } finally {
      await context.close();
    }
  });
});
