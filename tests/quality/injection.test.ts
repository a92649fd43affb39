import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { DOMParser, parseHTML } from 'linkedom';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { inlineCodeIn } from '../../scripts/finish-steps/security-headers.ts';
import { ContentError } from '../../scripts/load-site-data.ts';
import { serveSite } from '../../scripts/serve-site.ts';
import { publicUrl, siteUrlSetting } from '../../src/publish/site-address.ts';
import { contentWith, FIXTURE, TODAY } from '../editors/support.ts';
import { launchChromium } from '../support/chromium.ts';
import { visit } from '../support/page-visit.ts';
import { listPages, type SitePage } from '../support/site-pages.ts';

// An editor with commit access who means harm: a document whose every text
// field carries script-injection payloads, built for real, served with the
// real headers and opened in Chromium. Nothing may run (no dialog, no
// blocked attempt), the policy may allow nothing inline, and the feeds,
// chart SVGs and embeds must hold the payloads as text. The same payloads as
// raw HTML in the body stop the build with file:line:column.

/** Breaks out of text, attributes, <title>, CDATA and JSON-in-script, each calling alert(). */
const PAYLOAD = `<script>alert(1)</script> "><img src=x onerror=alert(2)> '><svg onload=alert(3)> </title><script>alert(4)</script> ]]><script>alert(5)</script>`;
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
const SLUG = '2022-07-01-ofsted-ilacs-inspection';

/** The fixture with the payloads in every free-text field, and a body that writes them as markdown text. */
async function hostileDocument(): Promise<string> {
  const replacements: [string, string][] = [
    [`title: "Inspection of Manchester local authority children's services (test fixture)"`, `title: ${quoted(`Inspection ${PAYLOAD}`)}`],
    [`  title: "ILACS inspection (test fixture)"`, `  title: ${quoted(`ILACS ${PAYLOAD}`)}`],
    [`quote: "Overall effectiveness: Good"`, `quote: ${quoted(`Overall effectiveness: Good ${PAYLOAD}`)}`],
    [`label: Average caseload of social workers`, `label: ${quoted(`Caseload ${PAYLOAD}`)}`],
    [`quote: "Social workers have manageable caseloads, an average of 18 children."`, `quote: ${quoted(`An average of 18 children. ${PAYLOAD}`)}\n    note: ${quoted(`Our note ${PAYLOAD}`)}`],
    [`title: "Focused visit: help and protection"`, `title: ${quoted(`Focused visit ${PAYLOAD}`)}`],
    [`text: "We first gave the adoption wait as 309 days; the report says 390."`, `text: ${quoted(`We first gave 309 days. ${PAYLOAD}`)}`],
  ];
  let text = await readFile(FIXTURE, 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`the fixture no longer has ${from}`);
    text = text.replace(from, to);
  }
  text = text.replace(/summary: >-\n(?: {2}.*\n)+/, `summary: ${quoted(`Judged good. ${PAYLOAD}`.slice(0, 280))}\n`);
  const body = [
    '## Heading \\<script>alert(6)\\</script>',
    '',
    'Inline code `<script>alert(7)</script>`, an escaped tag \\<img src=x onerror=alert(8)>, entities &lt;script&gt;alert(9)&lt;/script&gt;',
    'and a link to [javascript:alert(10)](https://example.org/).',
    '',
    '    <!--> <img src=x onerror=alert(11)> <script>alert(12)</script> -->',
    '',
  ].join('\n');
  return text.replace('## What inspectors found', `${body}\n## What inspectors found`);
}

let work: string;
let contentRoot: string;
let dist: string;
let pages: SitePage[];
let browser: Browser;
let context: BrowserContext;
let origin: string;
let close: () => Promise<void>;
const dialogs: string[] = [];

beforeAll(async () => {
  process.env.CONTENT_TODAY = TODAY;
  await mkdir(resolve('.build'), { recursive: true });
  work = await mkdtemp(join(resolve('.build'), 'injection-'));
  contentRoot = await contentWith([{ saveAs: `documents/${SLUG}.md`, bytes: await hostileDocument() }]);
  dist = join(work, 'dist');
  await buildSite({ contentDir: join(contentRoot, 'content'), outDir: dist, siteDataFile: join(work, 'site-data.json') });
  pages = await listPages(dist);
  const server = await serveSite({ root: dist, port: 0 });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((done) => server.close(() => done()));
  browser = await launchChromium();
  context = await browser.newContext();
  context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Blocked attempts count too: an inline script the policy stopped is one that was injected.
  await context.addInitScript(() => {
    (window as unknown as { blocked: string[] }).blocked = [];
    document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { blocked: string[] }).blocked.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
});

afterAll(async () => {
  delete process.env.CONTENT_TODAY;
  await browser?.close();
  await close?.();
  await rm(work, { recursive: true, force: true });
  await rm(contentRoot, { recursive: true, force: true });
});

describe('a document full of script-injection payloads, built and served', () => {
  test('the hostile document is valid content and has its page', () => {
    expect(pages.map((page) => page.path)).toContain(`/documents/${SLUG}/`);
  });

  test('the policy allows no inline code, so no hash of anything from content/', async () => {
    const headers = await readFile(join(dist, '_headers'), 'utf8');
    expect(headers).not.toMatch(/sha(256|384|512)-|nonce-|unsafe-inline|unsafe-hashes/);
    for (const page of pages) {
      const { document } = parseHTML(await readFile(page.file, 'utf8'));
      const policy = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
      expect(policy, page.path).toMatch(/script-src 'self'/);
      expect(policy, page.path).not.toMatch(/sha(256|384|512)-|nonce-|unsafe-inline/);
    }
  });

  test('every page holds the payloads as text only', async () => {
    for (const page of pages) expect(inlineCodeIn(fromHtml(await readFile(page.file, 'utf8'))), page.path).toEqual([]);
    const { document } = parseHTML(await readFile(join(dist, 'documents', SLUG, 'index.html'), 'utf8'));
    expect(document.querySelector('h1')!.textContent).toContain('<script>alert(1)</script>');
    expect(document.querySelector('.prose')!.textContent).toContain('<img src=x onerror=alert(11)>');
  });

  test.each([['every page'], ['the search page, searching the payloads']])('%s in Chromium: nothing runs and nothing is even blocked', async (which) => {
    const paths = which === 'every page' ? pages.map((page) => page.path) : ['/search/?q=alert', '/search/?q=onerror', '/search/?q=script'];
    for (const path of paths) {
      const { page, problems } = await visit(context, origin, path);
      if (path.includes('?q=')) {
        await page.waitForFunction(() => document.getElementById('search-status')?.textContent, undefined, { timeout: 60_000 });
        expect(await page.locator('#search-results li').count(), `${path} finds the hostile document`).toBeGreaterThan(0);
      }
      const blocked = await page.evaluate(() => (window as unknown as { blocked: string[] }).blocked);
      expect({ path, problems, blocked }).toEqual({ path, problems: [], blocked: [] });
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });

  test('chart SVGs, opened on their own, have no script and run nothing', async () => {
    const files = (await readdir(dist, { recursive: true })).map(String).filter((file) => file.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const svg = new DOMParser().parseFromString(await readFile(join(dist, file), 'utf8'), 'image/svg+xml');
      const elements = [...svg.querySelectorAll('*')];
      expect(elements.filter((element) => ['script', 'foreignObject'].includes(element.localName)).map((element) => element.localName), file).toEqual([]);
      const attributes = elements.flatMap((element) => [...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`));
      expect(attributes.filter((attribute) => /^on/i.test(attribute) || /href=\s*javascript:/i.test(attribute)), file).toEqual([]);
      const { page, problems } = await visit(context, origin, `/${file.split(sep).join('/')}`);
      // The file's own <style> (its palette and fonts, written by src/publish/standalone-svg.ts) is
      // refused by the /charts/* policy when the file is opened on its own: a known limit, not
      // an injection. Anything else, and any blocked script, fails.
      const ownStyle = /^console error: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/;
      expect(problems.filter((problem) => !ownStyle.test(problem)), file).toEqual([]);
      const blocked = await page.evaluate(() => (window as unknown as { blocked?: string[] }).blocked ?? []);
      expect(blocked.filter((entry) => entry.startsWith('script-src')), file).toEqual([]);
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });

  test('the RSS feed carries the payloads as escaped text', async () => {
    const feed = new DOMParser().parseFromString(await readFile(join(dist, 'rss.xml'), 'utf8'), 'text/xml');
    expect(feed.querySelectorAll('script')).toHaveLength(0);
    const titles = [...feed.querySelectorAll('item > title')].map((title) => title.textContent);
    expect(titles.some((title) => title?.includes('<script>alert(1)</script>'))).toBe(true);
  });

  test('the oEmbed embed codes load only our own script', async () => {
    const files = (await readdir(join(dist, 'oembed'))).filter((file) => file.endsWith('.json'));
    for (const file of files) {
      const { html } = JSON.parse(await readFile(join(dist, 'oembed', file), 'utf8')) as { html: string };
      // Embed codes are pasted into other sites: our script is an absolute address there, and
      // the iframe's style attribute is the host page's business, not our policy's.
      const ourScript = `loads a script from another site (${publicUrl('embed/resize.js', siteUrlSetting())})`;
      const problems = inlineCodeIn(fromHtml(html, { fragment: true })).filter(
        (problem) => !problem.endsWith(ourScript) && !/^<iframe> on line \d+ has a style attribute/.test(problem),
      );
      expect(problems, file).toEqual([]);
      expect(html).not.toContain('alert(');
    }
  });
});

describe('the same payloads as raw HTML in the body', () => {
  test('npm run build refuses the issue’s payload with file:line:column, before anything is built', async () => {
    const fixture = await readFile(FIXTURE, 'utf8');
    const text = fixture.replace('## What inspectors found', '<!--> <img src=x onerror=alert(1)> <script>alert(2)</script> -->\n\n## What inspectors found');
    const line = text.split('\n').indexOf('<!--> <img src=x onerror=alert(1)> <script>alert(2)</script> -->') + 1;
    const root = await contentWith([{ saveAs: `documents/${SLUG}.md`, bytes: text }]);
    try {
      const build = buildSite({ contentDir: join(root, 'content'), outDir: join(work, 'refused'), siteDataFile: join(work, 'refused.json') });
      await expect(build).rejects.toBeInstanceOf(ContentError);
      await expect(build).rejects.toThrow(new RegExp(`${SLUG}\\.md:${line}:1 {2}body {2}has a <script> tag`));
      expect(relative(work, join(work, 'refused'))).toBe('refused');
      await expect(readdir(join(work, 'refused'))).rejects.toThrow();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
