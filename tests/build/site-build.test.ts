import { csvParse } from 'd3';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { loadRealContent } from '../content/load-real-content.ts';

// A real `astro build` of the real content, into a temporary directory.
let work: string;
let dist: string;
const { data } = await loadRealContent();
const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'site-build-'));
  dist = join(work, 'dist');
  await buildSite({ outDir: dist, siteDataFile: join(work, 'site-data.json') });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the built site', () => {
  test('has the story, timeline, documents index, about page and one page per document', async () => {
    for (const path of ['', 'timeline', 'documents', 'about', ...data.documents.map((doc) => `documents/${doc.slug}`)]) {
      const html = await page(path);
      expect(html, path).toMatch(/<h1[^>]*>/);
      expect(html, path).toContain('<main id="main"');
    }
  });

  test('a document page shows our summary, its judgements with quotes, and a link to the original', async () => {
    const html = await page('documents/2010-12-17-ofsted-safeguarding-looked-after-inspection');
    expect(html).toContain('Our summary');
    expect(html.match(/<tr>\s*<th scope="row"/g)?.length).toBe(33);
    expect(html).toContain('Case planning, review and recording');
    expect(html).toContain('href="https://reports.ofsted.gov.uk/');
  });

  test('the timeline shows the 2014 date conflict with both dates', async () => {
    const html = await page('timeline');
    expect(html).toContain('Sources disagree');
    expect(html).toContain('June 2014');
    expect(html).toContain('September 2014');
  });

  test('every number on the home page links to the sentence it comes from', async () => {
    const html = await page('');
    const links = [...html.matchAll(/class="figure-ref" href="\/documents\/([^/]+)\/#figure-([^"]+)"/g)];
    expect(links.length).toBeGreaterThan(8);
    for (const [, slug, id] of links) {
      expect(data.figures.find((row) => row.id === id)?.document).toBe(slug);
      expect(await page(`documents/${slug}`)).toContain(`id="figure-${id}"`);
    }
  });

  test('publishes the timeline, judgements and figures as JSON and CSV that parse and agree', async () => {
    for (const name of ['timeline', 'judgements', 'figures'] as const) {
      const json = JSON.parse(await readFile(join(dist, 'data', `${name}.json`), 'utf8'));
      const csv = csvParse(await readFile(join(dist, 'data', `${name}.csv`), 'utf8'));
      expect(json.length, name).toBe(data[name].length);
      expect(csv.map((row) => row.id), name).toEqual(json.map((row: { id: string }) => row.id));
    }
    const figures = csvParse(await readFile(join(dist, 'data', 'figures.csv'), 'utf8'));
    expect(figures.find((row) => row.id === 'adoption-threshold-implied-2017')).toMatchObject({ value: '426', value_kind: 'derived', derivation: '514 − 88 = 426' });
  });
});
