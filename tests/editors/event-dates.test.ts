import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkSite } from '../../scripts/load-site-data.ts';
import { newDocument } from '../../scripts/new-document.ts';
import { readContent } from '../../scripts/read-content.ts';
import { TODAY } from '../support/fixture-content.ts';
import { contentWith } from './support.ts';

// The fixture content knows the 2014 inspection only from three later
// documents, dated "2014" (council), June 2014 (Ofsted's letter) and
// September 2014 (the news), each dating the judgement. An editor adds the
// 2014 report itself (tests/editors/fixtures/2014-09-01-ofsted-sif-inspection.md).
const REPORT = await readFile(new URL('fixtures/2014-09-01-ofsted-sif-inspection.md', import.meta.url), 'utf8');
const SLUG = '2014-09-01-ofsted-sif-inspection';
const report = (eventId: string, dateOf: string) => REPORT.replace('EVENT_ID', eventId).replace('    DATE_OF\n', dateOf ? `    dateOf: ${dateOf}\n` : '');

const roots: string[] = [];
async function check(text: string) {
  const root = await contentWith([{ saveAs: `documents/${SLUG}.md`, bytes: text }]);
  roots.push(root);
  const { problems, data } = checkSite(await readContent(join(root, 'content'), root), { today: TODAY });
  return { problems, data, own: problems.filter((problem) => problem.path.includes(SLUG)) };
}
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

describe('event identity', () => {
  test('a report giving the inspection a new id is warned: it looks like the event three documents mention, with the id to use', async () => {
    const { own } = await check(report('2014-06-sif-inspection', 'published'));
    expect(own).toMatchObject([{
      severity: 'warning',
      field: 'event.id',
      position: { line: 6, column: 7 },
      message: expect.stringContaining('"2014-06-sif-inspection" looks like the event "2014-sif-inspection" (inspection, June 2014 / 2014 / September 2014'),
      fix: 'if it is the same event, write id: 2014-sif-inspection, so that the timeline shows it once with all its sources',
    }]);
  });

  test('under the shared id the report is the event’s record, and no warning is left on it', async () => {
    const { own, data } = await check(report('2014-sif-inspection', 'published'));
    expect(own).toEqual([]);
    expect(data!.timeline.filter((event) => event.id.includes('sif-inspection')).map((event) => event.id)).toEqual(['2014-sif-inspection']);
  });
});

describe('which date a source gives (dateOf)', () => {
  test('once the report is held, June and September 2014 both fit the judgement (visit 25 June to report 1 September): no conflict', async () => {
    const { problems, data } = await check(report('2014-sif-inspection', 'published'));
    expect(problems.filter((problem) => problem.field.endsWith('.date'))).toEqual([]);
    expect(data!.timeline.find((event) => event.id === '2014-sif-inspection')).toMatchObject({ dateConflict: false, date: '2014-06-25', end: '2014-07-16', knownFromMentionsOnly: false });
  });

  test('"December 2010", the 2010 report’s publication, does not contradict its visit of November 2010 when marked dateOf: published', async () => {
    const { data } = await check(report('2014-sif-inspection', 'published'));
    expect(data!.timeline.find((event) => event.id === '2010-11-slac-inspection')).toMatchObject({ dateConflict: false, date: '2010-11-08' });
  });

  test('unmarked, "December 2010" is read as the visit and warned, with the record’s dates and the fix', async () => {
    const { own, data } = await check(report('2014-sif-inspection', ''));
    expect(own).toMatchObject([{
      severity: 'warning',
      field: 'mentions[0].date',
      message: 'dates the event "2010-11-slac-inspection" December 2010, but its own record, content/documents/2010-12-17-ofsted-safeguarding-looked-after-inspection.md, gives the visit, 8 November 2010 to 19 November 2010',
      fix: expect.stringContaining('say so with dateOf: judgement or dateOf: published'),
    }]);
    expect(data!.timeline.find((event) => event.id === '2010-11-slac-inspection')!.dateConflict).toBe(true);
  });

  test('a publication date before the visit is a real conflict, marked or not', async () => {
    const { own } = await check(report('2014-sif-inspection', 'published').replace('date: "2010-12"', 'date: "2010-10"'));
    expect(own.map((problem) => problem.message)).toEqual([expect.stringContaining('dates the report of the event "2010-11-slac-inspection" October 2010, but its own record')]);
  });
});

describe('npm run new', () => {
  test('offers the event other documents mention, uses its id by default, and lists the events for mentions', async () => {
    const root = await contentWith();
    roots.push(root);
    const told: string[] = [];
    const asked: { question: string; fallback?: string }[] = [];
    const result = await newDocument(
      ['--kind', 'inspection-report', '--title', 'Inspection of services for children in need of help and protection', '--publisher', 'Ofsted', '--published', '2014-09-01',
        '--visit-start', '2014-06-25', '--visit-end', '2014-07-16', '--url', 'https://files.ofsted.gov.uk/v1/file/50004281', '--framework', 'sif-2013', '--short-title', 'sif inspection', '--dry-run'],
      { contentDir: join(root, 'content'), ask: async (question, _check, fallback) => (asked.push({ question, fallback }), fallback ?? ''), tell: (line) => told.push(line) },
    );
    expect(asked).toEqual([{ question: 'Event id', fallback: '2014-sif-inspection' }]);
    expect(told.join('\n')).toContain("2014-sif-inspection  June 2014 / 2014 / September 2014  Inspection of children's services: judged inadequate");
    expect(told.join('\n')).toContain('For a new event, type 2014-06-sif-inspection.');
    const text = 'text' in result ? result.text : '';
    expect(text).toContain('  id: 2014-sif-inspection\n');
    expect(text).toContain('# Already mentioned by other documents as "Inspection of children\'s services: judged inadequate"');
    // Mentions look back: the events before the document, latest first.
    expect(text).toMatch(/# Events other documents already record or mention \(id, dates, title\), latest first:\n#   2010-11-slac-inspection {2}8 November 2010 {2}Safeguarding and looked after children inspection\n#   2009-12-unannounced-inspection/);
    expect(text).not.toContain('#   2017-03-monitoring-visit-adoption');
  });

  test('takes --event, checked as an id, without asking', async () => {
    const ask = async (question: string) => Promise.reject(new Error(`asked "${question}"`));
    const flags = ['--kind', 'monitoring-visit-letter', '--title', 'Monitoring visit', '--publisher', 'Ofsted', '--short-title', 'monitoring visit', '--framework', 'monitoring-visits', '--published', '2016-10-20', '--visit-start', '2016-09-20', '--visit-end', '2016-09-21', '--url', 'https://example.org/x', '--dry-run'];
    const result = await newDocument([...flags, '--event', '2016-09-monitoring-visit'], { contentDir: 'tests/fixtures/records/seed-era', ask, tell: () => {} });
    expect('text' in result && result.text).toContain('  id: 2016-09-monitoring-visit\n');
    await expect(newDocument([...flags, '--event', '2016 September visit'], { contentDir: 'tests/fixtures/records/seed-era', ask, tell: () => {} })).rejects.toThrow('Event id: must be lower-case words');
  });
});
