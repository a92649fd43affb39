import { csvParse } from 'd3';
import { parseHTML } from 'linkedom';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { PUBLISHED_SITE_URL } from '../../src/publish/site-address.ts';
import { listPages } from '../support/built-site.ts';

// A build the way the GitHub workflow deploys one to GitHub Pages: SITE_URL is
// the address Pages reports (no closing slash) and SITE_BASE its path. Every
// absolute address follows SITE_URL, every link between pages carries the
// base, and the default address appears nowhere: the setting is the one place.
const SITE_URL = 'https://pages.example/judged';
const SITE_BASE = '/judged/';
const ROOT = `${SITE_URL}/`;

let work: string;
let dist: string;

beforeAll(async () => {
  // Inside the project, as tests/support/built-site.setup.ts explains.
  await mkdir(resolve('.build'), { recursive: true });
  work = await mkdtemp(join(resolve('.build'), 'public-address-'));
  dist = join(work, 'dist');
  vi.stubEnv('SITE_URL', SITE_URL);
  vi.stubEnv('SITE_BASE', SITE_BASE);
  try {
    await buildSite({ outDir: dist, siteDataFile: join(work, 'site-data.json') });
  } finally {
    vi.unstubAllEnvs();
  }
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a build for GitHub Pages (SITE_URL and SITE_BASE set)', () => {
  test('gives every page its canonical address under SITE_URL', async () => {
    const pages = await listPages(dist);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages.filter((candidate) => !/^\/\d{3}\.html$/.test(candidate.path))) {
      const { document } = parseHTML(await readFile(page.file, 'utf8'));
      const expected = page.kind === 'embed' ? `${ROOT}charts/${page.path.split('/')[2]}/` : `${ROOT}${page.path.slice(1)}`;
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), page.path).toBe(expected);
    }
  });

  test('links pages, styles, scripts and images by paths under the base', async () => {
    const problems: string[] = [];
    for (const page of await listPages(dist)) {
      const { document } = parseHTML(await readFile(page.file, 'utf8'));
      for (const [selector, attribute] of [['a[href]', 'href'], ['link[href]', 'href'], ['script[src]', 'src'], ['img[src]', 'src'], ['source[srcset]', 'srcset'], ['iframe[src]', 'src'], ['form[action]', 'action']]) {
        for (const element of document.querySelectorAll(selector!)) {
          const value = element.getAttribute(attribute!)!;
          if (value.startsWith('/') && !value.startsWith(SITE_BASE)) problems.push(`${page.path}: <${element.localName} ${attribute}="${value}">`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('cites documents in the data files at their addresses under SITE_URL', async () => {
    const rows = csvParse(await readFile(join(dist, 'data', 'judgements.csv'), 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const url of row.source_documents!.split(' | ')) expect(url).toMatch(new RegExp(`^${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}documents/[^/]+/$`));
    }
    const descriptor = JSON.parse(await readFile(join(dist, 'data', 'datapackage.json'), 'utf8'));
    expect(descriptor.homepage).toBe(`${ROOT}data/`);
  });

  test('names the default address nowhere', async () => {
    const host = new URL(PUBLISHED_SITE_URL).host;
    const entries = await readdir(dist, { withFileTypes: true, recursive: true });
    const naming: string[] = [];
    for (const entry of entries.filter((candidate) => candidate.isFile())) {
      const file = join(entry.parentPath, entry.name);
      if ((await readFile(file, 'latin1')).includes(host)) naming.push(`/${relative(dist, file).split(sep).join('/')}`);
    }
    expect(naming).toEqual([]);
  });
});
