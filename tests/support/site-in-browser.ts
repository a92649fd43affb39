import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { builtSiteDir, serveBuiltSite } from './built-site.ts';
import { launchChromium } from './chromium.ts';

/**
 * For a test file that visits the built site in a browser: serves the site
 * (tests/support/built-site.ts) and launches Chromium before the file's
 * tests, and closes both after them. Call it at the top of the file; the
 * getters are for use inside tests, once the set-up has run.
 */
export function useServedSiteAndBrowser() {
  let site: Awaited<ReturnType<typeof serveBuiltSite>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveBuiltSite(builtSiteDir());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    /** The Chromium the file's tests open their contexts in. */
    get browser(): Browser {
      if (!browser) throw new Error('No browser: useServedSiteAndBrowser() has not set up (yet), or launching Chromium failed');
      return browser;
    },
    /** Where the built site is served, e.g. `http://127.0.0.1:PORT`. */
    get origin(): string {
      if (!site) throw new Error('No site: useServedSiteAndBrowser() has not set up (yet), or serving the built site failed');
      return site.origin;
    },
  };
}
