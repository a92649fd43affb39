import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measuredBuild } from '../../scripts/bench/build-cost.ts';
import { CHART_IDS } from '../../src/charts/registry.ts';
import { MAX_PNG_HEIGHT, MAX_PNG_PIXELS } from '../../src/publish/chart-downloads.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { CITED_SOURCES } from '../../src/publish/citation.ts';
import { CHANGELOG_ITEMS, CHART_ROWS_PER_PAGE, DOCUMENTS_PER_PAGE, EVENTS_PER_PAGE, FEED_ITEMS, SOURCES_LISTED, STORY_SOURCES, newestFirst } from '../../src/publish/list-pages.ts';
import { csvParse } from 'd3';
import { dataChangelog } from '../../src/publish/data-version.ts';
import { pngSize } from '../../src/publish/png.ts';
import { STRESS_TODAY, writeStressRecord } from '../fixtures/stress-record.ts';
import { axeViolations } from '../support/axe.ts';
import { serveBuiltSite } from '../support/built-site.ts';
import { launchChromium } from '../support/chromium.ts';
import { listPages } from '../support/site-pages.ts';

// A real build of the stress record with 150 made-up documents: more than
// the documents page and the timeline hold, so both split by year. What
// grows must stay bounded, every document and event must still be reachable,
// and the sitemap must list every page.

const DOCUMENTS = 150;
let work: string;
let dist: string;
let data: SiteData;
const html = async (path: string) => parseHTML(await readFile(join(dist, path, 'index.html'), 'utf8')).document;
/** The href of every element the selector finds: paths from the site's root, some with a fragment. */
const links = (document: Document, selector: string): string[] => [...document.querySelectorAll(selector)].map((link) => link.getAttribute('href')!);

beforeAll(async () => {
  await mkdir(resolve('.build'), { recursive: true });
  work = await mkdtemp(join(resolve('.build'), 'bounded-pages-'));
  await writeStressRecord(join(work, 'content'), { documents: DOCUMENTS });
  await measuredBuild(process.cwd(), { content: join(work, 'content'), outDir: join(work, 'dist'), imageCache: join(work, 'images'), today: STRESS_TODAY });
  dist = join(work, 'dist');
  data = JSON.parse(await readFile(join(work, 'site-data.json'), 'utf8'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe(`a site of ${DOCUMENTS}+ documents`, () => {
  test(`has a feed of the latest ${FEED_ITEMS} documents, newest first`, async () => {
    const feed = parseHTML(await readFile(join(dist, 'rss.xml'), 'utf8')).document;
    const items = [...feed.querySelectorAll('item guid')].map((guid) => new URL(guid.textContent!).pathname.split('/').at(-2));
    expect(data.documents.length).toBeGreaterThan(FEED_ITEMS);
    expect(items).toEqual(newestFirst(data.documents).slice(0, FEED_ITEMS).map((doc) => doc.slug));
  });

  test(`shows the latest ${DOCUMENTS_PER_PAGE} documents on the documents page, and every document on the page of its year`, async () => {
    const index = await html('documents');
    expect(index.querySelectorAll('.card-list > li')).toHaveLength(DOCUMENTS_PER_PAGE);
    const years = links(index, 'nav.year-nav a');
    expect(years.length).toBeGreaterThan(5);
    const listed: string[] = [];
    for (const year of years) {
      const page = await html(year);
      const pages = ['', ...links(page, `nav[aria-label^="Pages of"] a`).filter((href) => href !== year)];
      for (const path of pages.map((href) => href || year)) {
        const cards = links(await html(path), '.card-list h2 a');
        expect(cards.length, path).toBeLessThanOrEqual(DOCUMENTS_PER_PAGE);
        listed.push(...cards);
      }
    }
    expect(listed.sort()).toEqual(data.documents.map((doc) => `/documents/${doc.slug}/`).sort());
  });

  test(`lists the years on the timeline page, and puts each of its ${EVENTS_PER_PAGE}+ events on exactly one year page`, async () => {
    const index = await html('timeline');
    expect(index.querySelectorAll('.timeline__event')).toHaveLength(0);
    const placed: string[] = [];
    for (const year of links(index, '.timeline-years h2 a')) {
      const page = await html(year);
      const more = links(page, `nav[aria-label^="Pages of"] a`).filter((href) => href !== year);
      for (const document of [page, ...(await Promise.all(more.map(html)))]) placed.push(...[...document.querySelectorAll('.timeline__event')].map((event) => event.id));
    }
    expect(placed.sort()).toEqual(data.timeline.map((event) => event.id).sort());
  });

  test('links from every document page to the timeline land on the event', async () => {
    const targets = new Map<string, Set<string>>();
    for (const doc of data.documents) {
      for (const href of links(await html(`documents/${doc.slug}`), 'main a[href*="/timeline/"]')) {
        const [path, id] = href.split('#');
        if (!targets.has(path!)) targets.set(path!, new Set([...(await html(path!)).querySelectorAll('[id]')].map((element) => element.id)));
        expect(targets.get(path!)!.has(id!), `${doc.slug} → ${href}`).toBe(true);
      }
    }
  });

  test('lists every page in the sitemap', async () => {
    const sitemap = parseHTML(await readFile(join(dist, 'sitemap.xml'), 'utf8')).document;
    const locs = [...sitemap.querySelectorAll('loc')].map((loc) => loc.textContent!);
    // The home page is listed, and every other address starts with it.
    const home = locs.reduce((shortest, loc) => (loc.length < shortest.length ? loc : shortest));
    const listed = new Set(locs.map((loc) => `/${loc.slice(home.length)}`));
    const pages = (await listPages(dist)).map((page) => page.path).filter((path) => !/^\/(embed\/|404)/.test(path));
    expect(pages.filter((path) => !listed.has(path))).toEqual([]);
  });

  test(`puts a chart's table past ${CHART_ROWS_PER_PAGE} rows on pages by year, each row on exactly one, where its marks' file says it is`, async () => {
    let split = 0;
    for (const id of CHART_IDS) {
      const { rows } = JSON.parse(await readFile(join(dist, 'charts', id, 'marks.json'), 'utf8')) as { rows: { page: string; value: string }[] };
      const chartPage = await html(`charts/${id}`);
      const years = links(chartPage, 'section.chart__data-years nav.year-nav a');
      const tablePages = years.length ? years : [`/charts/${id}/`];
      const seen = new Map<string, string>();
      for (const path of tablePages) {
        const page = await html(path.slice(1));
        const more = links(page, `nav[aria-label^="Pages of"] a`).filter((href) => href !== path);
        for (const [at, document] of [[path, page], ...(await Promise.all(more.map(async (href) => [href, await html(href.slice(1))] as const)))] as const) {
          const ids = [...document.querySelectorAll(`tr[id^="chart-${id}-row-"]`)].map((row) => row.id);
          expect(ids.length, at).toBeLessThanOrEqual(CHART_ROWS_PER_PAGE);
          for (const rowId of ids) {
            expect(seen.has(rowId), rowId).toBe(false);
            seen.set(rowId, at);
          }
        }
      }
      expect(seen.size, id).toBe(rows.length);
      rows.forEach((row, index) => expect(`/${row.page}`, `${id} row ${index + 1}`).toBe(seen.get(`chart-${id}-row-${index + 1}`)));
      if (years.length) split += 1;
    }
    expect(split).toBeGreaterThan(0);
  });

  test(`keeps chart pages and embeds free of per-source lists: a page whose table goes by year names at most ${STORY_SOURCES} sources, a citation ${CITED_SOURCES}, and drawings name rows, not their words`, async () => {
    for (const id of CHART_IDS) {
      const chartPage = await html(`charts/${id}`);
      if (chartPage.querySelector('section.chart__data-years')) expect(chartPage.querySelectorAll('.chart__source a[href*="/documents/"]').length, id).toBeLessThanOrEqual(STORY_SOURCES);
      for (const path of [`charts/${id}`, `embed/${id}`]) {
        const document = await html(path);
        expect(document.querySelectorAll('svg.chart-svg [data-rows]').length, path).toBeGreaterThan(0);
        expect(document.querySelectorAll('svg.chart-svg [data-value], svg.chart-svg [data-source]'), path).toHaveLength(0);
      }
      const citation = (await html(`embed/${id}`)).querySelector('.embed-chart__source')!.textContent!;
      expect(citation.split('; ').length, id).toBeLessThanOrEqual(CITED_SOURCES + 2);
    }
  });

  test(`lists the latest ${CHANGELOG_ITEMS} changes on the data page, and every change in its changelog file`, async () => {
    const page = await html('data');
    const changes = dataChangelog(data);
    expect(changes.length).toBeGreaterThan(CHANGELOG_ITEMS);
    const listed = [...page.querySelectorAll('.changelog > li a')].map((link) => link.getAttribute('href')!.split('/').at(-2));
    expect(listed).toEqual(changes.slice(0, CHANGELOG_ITEMS).map((change) => change.document));
    const file = csvParse(await readFile(join(dist, 'data', 'changelog.csv'), 'utf8'));
    expect(file.map((row) => [row.date, row.kind, row.document])).toEqual(changes.map((change) => [change.date, change.kind, change.document]));
  });

  test(`counts the sources by publisher on the About page past ${SOURCES_LISTED}, and links to where each is listed`, async () => {
    const about = await html('about');
    expect(data.documents.length).toBeGreaterThan(SOURCES_LISTED);
    const documentLinks = links(about, 'main a').filter((href) => /^\/documents\/[^/]+\/$/.test(href));
    expect(documentLinks).toEqual([]);
    expect(links(about, 'main a')).toContain('/documents/');
    const text = about.querySelector('main')!.textContent!.replace(/\s+/g, ' ');
    for (const publisher of new Set(data.documents.map((doc) => doc.publisher))) {
      const count = data.documents.filter((doc) => doc.publisher === publisher).length;
      expect(text).toContain(`${publisher}: ${count.toLocaleString('en-GB')} document`);
    }
  });

  test(`keeps every chart PNG within ${MAX_PNG_PIXELS / 1e6} megapixels and ${MAX_PNG_HEIGHT} px`, async () => {
    for (const id of CHART_IDS) {
      const { width, height } = pngSize(await readFile(join(dist, 'charts', `${id}.png`)));
      expect(width * height, id).toBeLessThanOrEqual(MAX_PNG_PIXELS);
      expect(height, id).toBeLessThanOrEqual(MAX_PNG_HEIGHT);
    }
  });
});

describe('the pages by year', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveBuiltSite>>;
  beforeAll(async () => {
    site = await serveBuiltSite(dist);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('are accessible (axe, WCAG 2.2 AA): the timeline by year, a year of it, a year of documents', async () => {
    const timeline = await html('timeline');
    const documents = await html('documents');
    const paths = ['/timeline/', links(timeline, '.timeline-years h2 a')[0]!, links(documents, 'nav.year-nav a')[0]!];
    const context = await browser.newContext();
    try {
      for (const path of paths) {
        const page = await context.newPage();
        await page.goto(new URL(path, site.origin).href);
        expect(await axeViolations(page), path).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});
