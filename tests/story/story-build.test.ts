import { execFile } from 'node:child_process';
import { parseHTML } from 'linkedom';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { allCharts } from '../../src/charts/registry.ts';
import { FIXTURE_CONTENT, loadFixtureContent, TODAY } from '../support/fixture-content.ts';

// An editor changes the story's headline and a paragraph in markdown, and
// takes out its description; a real build shows the change. The story's
// charts link to their tables instead of carrying them.
const run = promisify(execFile);
const HEADLINE = 'Edited in markdown: ten years of Ofsted’s verdicts';
const PARAGRAPH = 'Edited in markdown: when inspectors came in November 2010';
const { data } = await loadFixtureContent();
let work: string;
let dist: string;
const page = async (path: string) => parseHTML(await readFile(join(dist, path, 'index.html'), 'utf8')).document;
const meta = (document: Document, selector: string) => document.querySelector(selector)?.getAttribute('content');

beforeAll(async () => {
  process.env.CONTENT_TODAY = TODAY;
  work = await mkdtemp(join(resolve('.build'), 'story-build-'));
  await cp(FIXTURE_CONTENT, join(work, 'content'), { recursive: true });
  const story = join(work, 'content', 'pages', 'story.md');
  const original = await readFile(story, 'utf8');
  const edited = original
    .replace(/^headline: .*$/m, `headline: "${HEADLINE}"`)
    .replace(/^description: >-\n(  .*\n)+/m, '')
    .replace('When Ofsted and the Care Quality Commission inspected Manchester in November\n2010', PARAGRAPH);
  expect(edited).not.toBe(original);
  await writeFile(story, edited);
  dist = join(work, 'dist');
  await buildSite({ contentDir: join(work, 'content'), outDir: dist, siteDataFile: join(work, 'site-data.json') });
}, 300_000);
afterAll(async () => {
  delete process.env.CONTENT_TODAY;
  await rm(work, { recursive: true, force: true });
});

describe('the story, edited in markdown and built', () => {
  test('shows the new headline and paragraph, with the title and kicker years read from the data', async () => {
    const home = await page('');
    expect(home.querySelector('main h1')!.textContent).toBe(HEADLINE);
    expect([...home.querySelectorAll('main p')].some((paragraph) => paragraph.textContent!.replace(/\s+/g, ' ').startsWith(PARAGRAPH))).toBe(true);
    expect(home.querySelector('title')!.textContent).toBe('Judged: Manchester’s children’s services, 2009–2020');
    expect(home.querySelector('main .kicker')!.textContent).toBe('Manchester · Children’s services · 2009–2020');
  });

  test('its standfirst is the description of search results and link previews; the card’s alternative text has the headline and the grades', async () => {
    const home = await page('');
    const standfirst = home.querySelector('main .standfirst')!.textContent!.replace(/\s+/g, ' ');
    expect(standfirst).toContain('told from 5 official documents');
    expect(meta(home, 'meta[name="description"]')).toBe(standfirst);
    expect(meta(home, 'meta[property="og:description"]')).toBe(standfirst);
    expect(meta(home, 'meta[property="og:title"]')).toBe('Judged: Manchester’s children’s services, 2009–2020');
    const alt = `${HEADLINE}. Ofsted’s headline grades: adequate in 2010, inadequate in 2014, requires improvement in 2017.`;
    expect(meta(home, 'meta[property="og:image:alt"]')).toBe(alt);
    // Every other page but the charts' previews with the same card.
    expect(meta(await page('timeline'), 'meta[property="og:image:alt"]')).toBe(alt);
    const png = await readFile(join(dist, 'social-card.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test('each chart keeps its alternative text and links to its data table on the chart’s page; the story carries no table', async () => {
    const home = await page('');
    expect(home.querySelectorAll('main table').length).toBe(0);
    const charts = [...home.querySelectorAll('main .chart')];
    expect(charts.map((chart) => chart.id)).toEqual(['chart-timeline', 'chart-grades', 'chart-caseloads', 'chart-adoption']);
    for (const chart of allCharts(data).filter((candidate) => charts.some((element) => element.id === `chart-${candidate.id}`))) {
      const figure = home.getElementById(`chart-${chart.id}`)!;
      expect(figure.querySelector('img')!.getAttribute('alt'), chart.id).toBe(chart.alt);
      const link = [...figure.querySelectorAll('a')].find((anchor) => anchor.getAttribute('href') === `/charts/${chart.id}/#chart-${chart.id}-data`);
      expect(link?.textContent, chart.id).toBe(`The data and sources: a table of ${chart.rows.length} rows, each with its quote, on the chart’s page`);
      // One link away, and announced as the table it is: its caption.
      const target = (await page(`charts/${chart.id}`)).getElementById(`chart-${chart.id}-data`)!;
      expect(target.localName, chart.id).toBe('caption');
      expect(target.closest('table')!.querySelectorAll('tbody tr').length).toBe(chart.rows.length);
    }
  });

  test('the About page is content too: its headline, the frameworks’ scales and every source, from the data', async () => {
    const about = await page('about');
    expect(about.querySelector('main h1')!.textContent).toBe('How we made this');
    expect(about.querySelector('main .standfirst')!.textContent).toContain('from 2009 to 2020');
    const sourceLinks = [...about.querySelectorAll('main a[href^="/documents/"]')].map((link) => link.getAttribute('href'));
    for (const doc of data.documents) expect(sourceLinks).toContain(`/documents/${doc.slug}/`);
    const scales = [...about.querySelectorAll('main li strong')].map((strong) => strong.textContent);
    expect(scales).toEqual(data.frameworks.filter((framework) => framework.graded).map((framework) => framework.name));
  });
});

describe('npm run validate on a story with an unknown id', () => {
  test('fails, printing file:line:column, the field, what is wrong and the fix', async () => {
    const dir = join(work, 'broken');
    await cp(join(work, 'content'), dir, { recursive: true });
    const story = join(dir, 'pages', 'story.md');
    const text = await readFile(story, 'utf8');
    await writeFile(story, text.replace(':figure[referrals-growth-2010]', ':figure[referrals-growth-2011]'));
    const line = text.slice(0, text.indexOf(':figure[referrals-growth-2010]')).split('\n').length;
    const column = text.indexOf(':figure[referrals-growth-2010]') - text.lastIndexOf('\n', text.indexOf(':figure[referrals-growth-2010]'));
    const result = await run(process.execPath, ['scripts/validate-content.ts', dir], { env: { ...process.env, CONTENT_TODAY: TODAY } }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
    );
    expect(result.code).toBe(1);
    // Paths inside the project are printed from its root, as editors type them.
    expect(result.output).toContain(`${relative(process.cwd(), join(dir, 'pages', 'story.md'))}:${line}:${column}  body  there is no figure "referrals-growth-2011"; did you mean "referrals-growth-2010"?`);
  });
});
