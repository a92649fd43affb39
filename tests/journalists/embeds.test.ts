import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHART_IDS, chartById, type ChartId } from '../../src/charts/registry.ts';
import { loadRealContent } from '../content/load-real-content.ts';
import { builtSiteDir, serveBuiltSite } from '../support/built-site.ts';
import { launchChromium } from '../support/chromium.ts';

// The embeds as a journalist's page would show them: the real built site on
// one local origin, a host page on another, pasting each chart's embed code
// (its oEmbed `html`, pointed at the local site), in Chromium.
const { data } = await loadRealContent();
let browser: Browser;
let site: Awaited<ReturnType<typeof serveBuiltSite>>;
let host: Server;
let hostOrigin: string;
const oembeds = new Map<ChartId, { html: string; height: number; provider_url: string }>();

/** A host page: some text, then the embed code as pasted. */
function hostPage(code: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A newsroom article</title>
<style>body { margin: 0; padding: 0 8px; font-family: serif } p { margin: 1em 0 }</style></head>
<body><h1>A newsroom article</h1><p>A paragraph before the chart.</p>${code}<p id="after">A paragraph after the chart.</p>
<script>window.pymMessages = []; addEventListener('message', (event) => { if (typeof event.data === 'string') window.pymMessages.push(event.data); });</script></body></html>`;
}

beforeAll(async () => {
  const dist = builtSiteDir();
  site = await serveBuiltSite(dist);
  for (const id of CHART_IDS) oembeds.set(id, JSON.parse(await readFile(join(dist, 'oembed', `${id}.json`), 'utf8')));
  host = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    const id = url.pathname.split('/')[2] as ChartId;
    const oembed = oembeds.get(id);
    if (!oembed) return void response.writeHead(404).end();
    let code = oembed.html.replaceAll(oembed.provider_url, `${site.origin}/`);
    if (url.searchParams.has('theme')) code = code.replace(`/embed/${id}/"`, `/embed/${id}/?theme=${url.searchParams.get('theme')}"`);
    if (url.searchParams.has('pym')) code = code.replace(`/embed/${id}/"`, `/embed/${id}/?childId=chart-${id}"`).replace(/<script[^>]*><\/script>/, '');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage(code));
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((done) => host?.close(done));
});

async function openHost(id: ChartId, options: BrowserContextOptions, query = '') {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${hostOrigin}/host/${id}${query}`, { waitUntil: 'load' });
  const iframe = page.locator('iframe[data-judged-embed]');
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  await frame.waitForLoadState('load');
  return { context, page, iframe, frame };
}

/** Height of the embed's content, as the embed measures it. */
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const frameHeight = async (iframe: Locator) => (await iframe.boundingBox())!.height;
/** The drawing CSS shows at this width (each chart is drawn at six widths, one shown). */
const shownGraphic = (frame: Frame) =>
  frame.evaluate(() => {
    const shown = [...document.querySelectorAll('.chart__graphic svg')].map((svg) => svg.getBoundingClientRect()).filter((box) => box.height > 0);
    return { count: shown.length, width: shown[0]?.width ?? 0, bottom: shown[0]?.bottom ?? 0 };
  });

describe.each([320, 1200])('embedded in a %ipx wide host page', (width) => {
  test.each(CHART_IDS)('the %s iframe ends at its content’s height, with no scrollbar inside', async (id) => {
    const { context, iframe, frame } = await openHost(id, { viewport: { width, height: 800 } });
    try {
      await expect.poll(async () => Math.abs((await frameHeight(iframe)) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
      const inner = await frame.evaluate(() => ({
        scrollHeight: document.documentElement.scrollHeight,
        clientHeight: document.documentElement.clientHeight,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(inner.scrollHeight, 'no vertical scrolling inside the frame').toBeLessThanOrEqual(inner.clientHeight);
      expect(inner.scrollWidth, 'no horizontal scrolling inside the frame').toBeLessThanOrEqual(inner.clientWidth);
      const graphic = await shownGraphic(frame);
      expect(graphic.count).toBe(1);
      expect(graphic.bottom).toBeLessThanOrEqual(await frameHeight(iframe));
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  test.each(CHART_IDS)('the %s embed page shows its title, chart, source line and a link back', async (id) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 400, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/embed/${id}/`);
      const chart = chartById(id, data);
      expect(await page.locator('h1').textContent()).toBe(chart.title);
      const graphic = await page.evaluate(() => [...document.querySelectorAll('.chart__graphic svg')].map((svg) => svg.getBoundingClientRect().height).filter((height) => height > 0));
      expect(graphic).toHaveLength(1);
      expect(graphic[0]).toBeGreaterThan(150);
      expect(await page.locator('.embed-chart__source').textContent()).toMatch(/^Source: .*; chart: .*\(data version \d{4}\.\d+\.\d+\+[0-9a-f]{8}\)$/);
      expect(await page.locator(`a[href$="/charts/${id}/"]`).count()).toBe(1);
      expect(await page.locator('.site-header, .site-footer').count(), 'no site chrome').toBe(0);
    } finally {
      await context.close();
    }
  });

  test.each(CHART_IDS.flatMap((id) => [360, 640, 1000].map((width) => [id, width] as const)))('the %s iframe keeps its fixed height, which shows the whole chart in a %ipx column', async (id, width) => {
    const { context, iframe, frame } = await openHost(id, { javaScriptEnabled: false, viewport: { width: width + 16, height: 800 } });
    try {
      const fixed = oembeds.get(id)!.height;
      expect(await frameHeight(iframe)).toBe(fixed);
      const graphic = await shownGraphic(frame);
      expect(graphic.bottom).toBeGreaterThan(150);
      expect(graphic.bottom, 'the whole drawing is inside the frame').toBeLessThanOrEqual(fixed);
      // Sensible: not far taller than the content at a typical 640px column.
      if (width === 640) expect(fixed).toBeLessThan((await contentHeight(frame)) * 1.25);
    } finally {
      await context.close();
    }
  });
});

describe('colours', () => {
  const background = (frame: Frame) => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('follow the reader’s dark setting, and ?theme= forces light or dark', async () => {
    const dark = await openHost('adoption', { colorScheme: 'dark' });
    expect(await background(dark.frame)).toBe('rgb(21, 21, 21)');
    await dark.context.close();
    const forcedLight = await openHost('adoption', { colorScheme: 'dark' }, '?theme=light');
    expect(await background(forcedLight.frame)).toBe('rgb(253, 252, 249)');
    await forcedLight.context.close();
    const forcedDark = await openHost('adoption', { colorScheme: 'light' }, '?theme=dark');
    expect(await background(forcedDark.frame)).toBe('rgb(21, 21, 21)');
    expect(await forcedDark.frame.evaluate(() => getComputedStyle(document.querySelector('.chart__title')!).color)).toBe('rgb(236, 235, 232)');
    await forcedDark.context.close();
  });
});

describe('Pym.js hosts', () => {
  test('receive the height as Pym.js messages when they give the frame a childId', async () => {
    const { context, page, frame } = await openHost('caseloads', { viewport: { width: 800, height: 800 } }, '?pym');
    try {
      const height = await contentHeight(frame);
      await expect.poll(() => page.evaluate(() => (window as unknown as { pymMessages: string[] }).pymMessages), { timeout: 10_000 }).toContain(`pymxPYMxchart-caseloadsxPYMxheightxPYMx${height}`);
    } finally {
      await context.close();
    }
  });
});

describe('files a browser opens directly', () => {
  test('the RSS feed, the sitemap and every chart SVG parse as strict XML', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      for (const path of ['/rss.xml', '/sitemap.xml', ...CHART_IDS.map((id) => `/charts/${id}.svg`)]) {
        const source = await (await fetch(`${site.origin}${path}`)).text();
        const parsed = await page.evaluate((xml) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          return { root: doc.documentElement.nodeName, namespace: doc.documentElement.namespaceURI, errors: doc.getElementsByTagName('parsererror').length };
        }, source);
        expect(parsed.errors, path).toBe(0);
        expect(parsed.root, path).toBe(path.endsWith('.svg') ? 'svg' : path === '/rss.xml' ? 'rss' : 'urlset');
        if (path.endsWith('.svg')) expect(parsed.namespace, path).toBe('http://www.w3.org/2000/svg');
      }
    } finally {
      await context.close();
    }
  });
});

describe('search', () => {
  test('finds documents by the words in our summaries and quotes, on the static index', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/search/?q=adoption`);
      const results = page.locator('#search-results li a');
      await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const hrefs = await results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      // Pages of documents whose words speak of adoption, whichever documents there are.
      const aboutAdoption = data.documents.filter((doc) => JSON.stringify(doc).toLowerCase().includes('adoption')).map((doc) => `/documents/${doc.slug}/`);
      expect(hrefs.filter((href) => aboutAdoption.includes(href)).length).toBeGreaterThan(0);
      expect(hrefs.every((href) => href.startsWith('/documents/'))).toBe(true);
      expect(await page.locator('#search-status').textContent()).toMatch(/match(es)? “adoption”/);
    } finally {
      await context.close();
    }
  });
});
