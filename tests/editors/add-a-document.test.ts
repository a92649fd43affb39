import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { newDocument } from '../../scripts/new-document.ts';
import { PLACEHOLDER_MESSAGE } from '../../src/validate/check-editorial.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import type { FigureRow, JudgementRow, TimelineEvent } from '../../src/schema/index.ts';
import { contentWith, FIXTURE, TODAY, validateRoot } from './support.ts';

// The chart registry reads src/generated/site-data.json by default; these
// tests hand it the data of their own build instead, so the default is never read.
vi.mock('#site-data', () => ({ default: {} }));

// An editor adds one file — a later inspection graded under ILACS, with
// judgements, a caseload figure, an adoption figure and a correction — and
// changes no code. A real build of a temporary copy of the content must show
// it everywhere.
const SLUG = '2022-07-01-ofsted-ilacs-inspection';
const EVENT = '2022-05-ilacs-inspection';
let root: string;
let dist: string;
let data: SiteData;
const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');
const dataset = async <Row>(name: string): Promise<Row[]> => JSON.parse(await readFile(join(dist, 'data', `${name}.json`), 'utf8'));

beforeAll(async () => {
  process.env.CONTENT_TODAY = TODAY;
  root = await contentWith([{ saveAs: `documents/${SLUG}.md`, bytes: await readFile(FIXTURE) }]);
  dist = join(root, 'dist');
  await buildSite({ contentDir: join(root, 'content'), outDir: dist, siteDataFile: join(root, 'site-data.json') });
  data = JSON.parse(await readFile(join(root, 'site-data.json'), 'utf8'));
});
afterAll(async () => {
  delete process.env.CONTENT_TODAY;
  await rm(root, { recursive: true, force: true });
});

describe('adding one valid document, with no code change', () => {
  test('it validates with no error and no warning of its own', async () => {
    const problems = await validateRoot(root);
    expect(problems.filter((problem) => problem.path.includes(SLUG))).toEqual([]);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  test('it is on the timeline page, with its grade', async () => {
    const html = await page('timeline');
    expect(html).toContain(`id="${EVENT}"`);
    expect(html).toContain('ILACS inspection (test fixture)');
    const events = await dataset<TimelineEvent>('timeline');
    const event = events.find((candidate) => candidate.id === EVENT)!;
    expect(event).toMatchObject({ kind: 'inspection', date: '2022-05-09', end: '2022-05-20', framework: 'ilacs-2018', outcome: 'Good', outcomePosition: 2, recordDocument: SLUG, knownFromMentionsOnly: false });
    expect(events.at(-1)!.id).toBe(EVENT);
  });

  test('it has its own page with its judgements, figures and correction', async () => {
    const html = await page(`documents/${SLUG}`);
    expect(html).toContain('Inspection of Manchester local authority children');
    expect(html).toContain('The experiences and progress of children who need help and protection');
    expect(html).toContain('Social workers have manageable caseloads, an average of 18 children.');
    expect(html).toContain('We first gave the adoption wait as 309 days; the report says 390.');
    expect(await page('documents')).toContain(`documents/${SLUG}/`);
  });

  test('its judgements are in /data/judgements.json, on the ILACS scale, with the words as written', async () => {
    const rows = (await dataset<JudgementRow>('judgements')).filter((row) => row.event === EVENT);
    expect(rows.map((row) => row.area).sort()).toEqual(['children-in-care-and-care-leavers', 'help-and-protection', 'leaders-impact', 'overall-effectiveness']);
    expect(rows.find((row) => row.area === 'help-and-protection')).toMatchObject({
      framework: 'ilacs-2018',
      gradeAsWritten: 'Requires improvement',
      grade: 'Requires improvement to be good',
      position: 3,
      scaleSize: 4,
    });
    expect(rows.find((row) => row.headline)).toMatchObject({ area: 'overall-effectiveness', grade: 'Good', position: 2 });
  });

  test('its caseload and adoption figures are in /data/figures.json', async () => {
    const figures = (await dataset<FigureRow>('figures')).filter((row) => row.document === SLUG);
    expect(figures.find((row) => row.metric === 'caseload')).toMatchObject({ id: 'caseload-2022-05-fixture', value: 18, unit: 'children', date: '2022-05' });
    expect(figures.find((row) => row.metric === 'adoption-days-care-to-placement' && row.place === 'Manchester')).toMatchObject({ value: 390, unit: 'days', start: '2021-04', date: '2022-03' });
  });

  test('its correction is on the corrections page, newest first, linked to the document', async () => {
    const html = await page('corrections');
    expect(html).toContain('We first gave the adoption wait as 309 days; the report says 390.');
    expect(html).toContain(`documents/${SLUG}/#corrections`);
    expect(html).toContain('1 August 2022');
  });

  test.runIf(existsSync('src/charts/registry.ts'))('it is in the grades, caseload and adoption charts’ data (via the chart registry)', async () => {
    const { chartById } = await import('../../src/charts/registry.ts');
    const fromFixture = (id: string) => chartById(id, data).rows.filter((row) => row.document === SLUG);
    expect(fromFixture('grades').map((row) => row.value)).toContain('Good');
    expect(fromFixture('caseloads').map((row) => row.number)).toContain(18);
    expect(fromFixture('adoption').map((row) => row.number)).toContain(390);
  });
});

describe('npm run new', () => {
  test('writes a file named by convention whose only errors are the TODOs it leaves', async () => {
    const scratch = await contentWith();
    try {
      const result = await newDocument(
        ['--kind', 'focused-visit-letter', '--title', 'Focused visit to Manchester children’s services', '--published', '2021-03-02',
          '--visit-start', '2021-01-26', '--visit-end', '2021-01-27', '--url', 'https://reports.ofsted.gov.uk/provider/44/80447'],
        // Only the questions with a default (publisher, framework, file name) are left: take the defaults.
        { contentDir: join(scratch, 'content'), ask: (question, _check, fallback) => (fallback ? Promise.resolve(fallback) : Promise.reject(new Error(`asked "${question}"`))) },
      );
      expect('file' in result && result.file).toBe(join(scratch, 'content', 'documents', '2021-03-02-ofsted-focused-visit.md'));
      const text = await readFile(join(scratch, 'content', 'documents', '2021-03-02-ofsted-focused-visit.md'), 'utf8');
      expect(text).toContain('id: 2021-01-focused-visit');
      expect(text).toContain('framework: ilacs-2018');
      const problems = (await validateRoot(scratch)).filter((problem) => problem.path.includes('2021-03-02-ofsted-focused-visit'));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.filter((problem) => problem.severity === 'error').every((problem) => problem.message === PLACEHOLDER_MESSAGE)).toBe(true);
      expect(problems.map((problem) => problem.field)).toEqual(['event.title', 'summary', 'body']);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  test('asks for what the flags leave out, and lists the kinds when one is wrong', async () => {
    const answers: Record<string, string> = { 'Title, as the document gives it': 'Ofsted letter', 'Date the document bears (YYYY-MM-DD)': '2021-03-02', 'Address of the original (https://…)': 'https://example.org/x' };
    const asked: string[] = [];
    const ask = async (question: string, check: (answer: string) => string | undefined, fallback?: string) => {
      asked.push(question);
      const answer = answers[question] ?? fallback ?? '';
      expect(check(answer)).toBeUndefined();
      return answer;
    };
    const result = await newDocument(['--kind', 'council-report', '--dry-run'], { contentDir: 'tests/fixtures/records/seed-era', ask });
    expect(asked).toEqual(['Title, as the document gives it', 'Publisher', 'Date the document bears (YYYY-MM-DD)', 'Address of the original (https://…)', 'A few words for the file name']);
    expect('text' in result && result.text).toContain('publisher: "Manchester City Council"');
    await expect(newDocument(['--kind', 'inspection'], { contentDir: 'tests/fixtures/records/seed-era', ask })).rejects.toThrow('must be one of: inspection-report, monitoring-visit-letter');
    await expect(newDocument(['--kind', 'news-article', '--title', 'x', '--publisher', 'CYP Now', '--published', '2021-02-30'], { contentDir: 'tests/fixtures/records/seed-era', ask })).rejects.toThrow('must be a real date');
  });
});
