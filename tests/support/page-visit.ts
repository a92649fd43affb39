import type { BrowserContext, Page } from 'playwright-core';

/**
 * Opens a page and records what went wrong on the way: console errors
 * (including Content-Security-Policy violations), uncaught exceptions,
 * failed or 4xx/5xx requests, and any request to another host, which is
 * blocked before it leaves the machine.
 */
export interface PageVisit {
  page: Page;
  problems: string[];
}

export async function visit(context: BrowserContext, origin: string, path: string): Promise<PageVisit> {
  const page = await context.newPage();
  const problems: string[] = [];
  await page.route(
    (url) => url.origin !== origin && !['data:', 'about:', 'blob:'].includes(url.protocol),
    (route) => {
      problems.push(`request to another host: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin === origin) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
  if (!response?.ok()) problems.push(`the page itself answered HTTP ${response?.status()}`);
  return { page, problems };
}
