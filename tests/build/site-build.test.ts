import { csvParse } from 'd3';
import { parseHTML } from 'linkedom';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { FIXTURE_CONTENT, loadFixtureContent, TODAY } from '../support/fixture-content.ts';

// A real `astro build` of the fixture content (tests/fixtures/), into a temporary directory.
let work: string;
let dist: string;
const { data } = await loadFixtureContent();
const page = async (path: string) => parseHTML(await readFile(join(dist, path, 'index.html'), 'utf8')).document;

beforeAll(async () => {
  process.env.CONTENT_TODAY = TODAY;
  work = await mkdtemp(join(tmpdir(), 'site-build-'));
  dist = join(work, 'dist');
  await buildSite({ contentDir: FIXTURE_CONTENT, outDir: dist, siteDataFile: join(work, 'site-data.json') });
});
afterAll(async () => {
  delete process.env.CONTENT_TODAY;
  await rm(work, { recursive: true, force: true });
});

describe('the built site', () => {
  test('has the story, timeline, documents index, about page and one page per document', async () => {
    for (const path of ['', 'timeline', 'documents', 'about', ...data.documents.map((doc) => `documents/${doc.slug}`)]) {
      const document = await page(path);
      expect(document.querySelectorAll('h1').length, path).toBe(1);
      expect(document.querySelector('main#main'), path).not.toBeNull();
    }
  });

  test('a document page shows our summary, its judgements with quotes, and a link to the original', async () => {
    const document = await page('documents/2010-12-17-ofsted-safeguarding-looked-after-inspection');
    expect(document.querySelector('main')!.textContent).toContain('Our summary');
    expect(document.querySelectorAll('tr > th[scope="row"]').length).toBeGreaterThanOrEqual(33);
    expect(document.querySelector('main')!.textContent).toContain('Case planning, review and recording');
    expect([...document.querySelectorAll('a[href]')].some((link) => link.getAttribute('href')!.startsWith('https://reports.ofsted.gov.uk/'))).toBe(true);
  });

  test('the timeline shows the 2014 date conflict with both dates', async () => {
    const text = (await page('timeline')).getElementById('2014-sif-inspection')!.textContent;
    expect(text).toContain('Sources disagree');
    expect(text).toContain('June 2014');
    expect(text).toContain('September 2014');
  });

  test('every number in the story links to the sentence it comes from, on its document’s page', async () => {
    const links = [...(await page('')).querySelectorAll('main a.figure-ref')].map((link) => link.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(8);
    for (const href of links) {
      const [, slug, id] = /^\/documents\/([^/]+)\/#figure-(.+)$/.exec(href)!;
      expect(data.figures.find((row) => row.id === id)?.document).toBe(slug);
      expect((await page(`documents/${slug}`)).getElementById(`figure-${id}`), href).not.toBeNull();
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
