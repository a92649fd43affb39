import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { parseSitemap } from 'sitemap';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { loadRealContent } from '../content/load-real-content.ts';
import { builtSiteDir, listPages } from '../support/built-site.ts';
import { builtFileFor, pathOfPublicUrl, PUBLIC_ROOT } from '../support/public-address.ts';

// The feed and the sitemap as the programs that consume them read them: a
// well-kept feed parser (@rowanmanning/feed-parser), libxml2 (xmllint-wasm)
// with the sitemaps.org schema that the `sitemap` package ships, and that
// package's parser. Every address in them must be a page of the built site.
const { data } = await loadRealContent();
const SITEMAP_XSD = join(dirname(createRequire(import.meta.url).resolve('sitemap/package.json')), 'schema', 'sitemap.xsd');

let dist: string;
const text = (path: string) => readFile(join(dist, path), 'utf8');
beforeAll(() => {
  dist = builtSiteDir();
});

/** The built page a public address names, or why it is not one. */
function pageFor(url: string): { file: string } | { problem: string } {
  const path = pathOfPublicUrl(url);
  if (path === undefined) return { problem: `${url} is not under the site’s address ${PUBLIC_ROOT}` };
  const file = builtFileFor(dist, path);
  return file?.endsWith('.html') ? { file } : { problem: `${url}: no built page at /${path}` };
}

const sitemapProblems = async (xml: string) => {
  const result = await validateXML({ xml: [{ fileName: 'sitemap.xml', contents: xml }], schema: [await readFile(SITEMAP_XSD, 'utf8')] });
  return result.errors.map((error) => error.message);
};

describe('the RSS feed (/rss.xml)', () => {
  test('is well-formed XML (libxml2 is strict where feed readers are lenient)', async () => {
    const result = await validateXML({ xml: [{ fileName: 'rss.xml', contents: await text('rss.xml') }], normalization: 'format' });
    expect(result.errors.map((error) => error.message)).toEqual([]);
  });

  test('parses as RSS 2.0 with one item per source document, newest first', async () => {
    const feed = parseFeed(await text('rss.xml'));
    expect(feed.meta).toMatchObject({ type: 'rss', version: '2.0' });
    expect(feed.title).toBeTruthy();
    expect(feed.items).toHaveLength(data.documents.length);
    const dates = feed.items.map((item) => item.published?.getTime() ?? Number.NaN);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('links the channel and itself to built pages and files of the site', async () => {
    const feed = parseFeed(await text('rss.xml'));
    expect(pageFor(feed.url ?? '')).toHaveProperty('file');
    expect(pathOfPublicUrl(feed.self ?? '')).toBe('rss.xml');
  });

  test('gives every item a link and a permanent GUID to a built page that shows the item’s date', async () => {
    const items = parseFeed(await text('rss.xml')).items;
    const problems: string[] = [];
    for (const item of items) {
      const where = item.title ?? '(untitled item)';
      if (!item.url || !item.id) {
        problems.push(`${where}: no link or no GUID`);
        continue;
      }
      if (item.id !== item.url) problems.push(`${where}: the GUID ${item.id} is not the item’s link ${item.url}`);
      const page = pageFor(item.url);
      if ('problem' in page) {
        problems.push(`${where}: ${page.problem}`);
        continue;
      }
      if (!item.published || Number.isNaN(item.published.getTime())) {
        problems.push(`${where}: no date a parser can read`);
        continue;
      }
      const { document } = parseHTML(await readFile(page.file, 'utf8'));
      const shown = [...document.querySelectorAll('time[datetime]')].map((time) => time.getAttribute('datetime'));
      const day = item.published.toISOString().slice(0, 10);
      if (!shown.includes(day)) problems.push(`${where}: dated ${day}, which its page does not show (it shows ${shown.join(', ') || 'no date'})`);
    }
    expect(problems).toEqual([]);
    expect(new Set(items.map((item) => item.id)).size, 'GUIDs are unique').toBe(items.length);
  });
});

describe('the sitemap (/sitemap.xml)', () => {
  test('is valid against the sitemaps.org XML schema', async () => {
    expect(await sitemapProblems(await text('sitemap.xml'))).toEqual([]);
  });

  test('the schema check rejects a sitemap that breaks it', async () => {
    const broken = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>yesterday</lastmod></url></urlset>\n';
    expect((await sitemapProblems(broken)).length).toBeGreaterThan(0);
  });

  test('lists every page a reader can land on, each at its public address, and nothing that is not a built page', async () => {
    const entries = await parseSitemap(Readable.from([await text('sitemap.xml')]));
    expect(entries.map((entry) => pageFor(entry.url)).filter((page) => 'problem' in page)).toEqual([]);
    const listed = entries.map((entry) => `/${pathOfPublicUrl(entry.url)}`).sort();
    const pages = (await listPages(dist)).map((page) => page.path).filter((path) => !path.startsWith('/embed/') && !/^\/\d{3}\.html$/.test(path)).sort();
    expect(listed).toEqual(pages);
  });
});
