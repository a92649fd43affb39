import { describe, expect, test } from 'vitest';
import type { DocumentRecord } from '../../src/derive/derive-site-data.ts';
import { CHART_ROWS_PER_PAGE, chartRowPages, chartTablePages, DOCUMENTS_PER_PAGE, documentYearPages, STORY_NOTE_CHARACTERS, storyNotes, EVENTS_PER_PAGE, newestFirst, STORY_SOURCES, storySources, timelineEventPath, timelineYearPages, timelineYears, yearLinks, yearPages } from '../../src/publish/list-pages.ts';
import type { TimelineEvent } from '../../src/schema/index.ts';

// Only the fields the lists read: dates, ids, outcomes.
const event = (id: string, date: string, outcome?: string) => ({ id, date, title: `Event ${id}`, outcome }) as unknown as TimelineEvent;
const documentOf = (slug: string) => ({ slug, published: slug.slice(0, 10) }) as unknown as DocumentRecord;
/** `count` events, one a week from the start of a year. */
const weekly = (year: number, count: number) => Array.from({ length: count }, (_, index) => event(`e${year}-${index}`, new Date(Date.UTC(year, 0, 1 + 7 * index)).toISOString().slice(0, 10)));

describe('yearPages', () => {
  test('groups items by year and cuts a year that outgrows a page, the first page at the year’s own address', () => {
    const pages = yearPages([...weekly(2014, 5), ...weekly(2016, 2)], (item) => item.date.slice(0, 4), 2, 'timeline/');
    expect(pages.map(({ year, page, pages: of, path, items }) => [year, page, of, path, items.length])).toEqual([
      ['2014', 1, 3, 'timeline/2014/', 2],
      ['2014', 2, 3, 'timeline/2014/2/', 2],
      ['2014', 3, 3, 'timeline/2014/3/', 1],
      ['2016', 1, 1, 'timeline/2016/', 2],
    ]);
    expect(yearLinks(pages)).toEqual([
      { year: '2014', count: 5, path: 'timeline/2014/' },
      { year: '2016', count: 2, path: 'timeline/2016/' },
    ]);
  });
});

describe('the timeline', () => {
  test(`stays one page up to ${EVENTS_PER_PAGE} events, and links to an event there`, () => {
    const timeline = weekly(2014, EVENTS_PER_PAGE);
    expect(timelineYearPages(timeline)).toEqual([]);
    expect(timelineEventPath(timeline, 'e2014-3')).toBe('timeline/#e2014-3');
  });

  test('once longer, has a page per year; every event is on exactly one, and links reach it there', () => {
    const timeline = [...weekly(2013, 40), ...weekly(2014, 52), ...weekly(2015, 30)];
    const pages = timelineYearPages(timeline);
    const placed = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(placed.sort()).toEqual(timeline.map((item) => item.id).sort());
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(EVENTS_PER_PAGE);
    expect(timelineEventPath(timeline, 'e2014-51')).toBe('timeline/2014/#e2014-51');
    expect(timelineEventPath(timeline, 'e2013-0')).toBe('timeline/2013/#e2013-0');
  });

  test('a year of more events than a page holds goes on to a second page, and links follow', () => {
    const timeline = weekly(2020, EVENTS_PER_PAGE + 5).map((item, index) => ({ ...item, date: `2020-${String(1 + Math.floor(index / 6)).padStart(2, '0')}` }));
    expect(timelineEventPath(timeline, `e2020-${EVENTS_PER_PAGE + 2}`)).toBe(`timeline/2020/2/#e2020-${EVENTS_PER_PAGE + 2}`);
  });

  test('the timeline page names at most three grades a year and counts the rest', () => {
    const timeline = [...weekly(2013, 70), ...['a', 'b', 'c', 'd', 'e'].map((id, index) => event(id, `2014-0${index + 1}`, 'good'))];
    const [, year2014] = timelineYears(timeline);
    expect(year2014!.graded.map(({ event: graded, path }) => [graded.id, path])).toEqual([
      ['a', 'timeline/2014/#a'],
      ['b', 'timeline/2014/#b'],
      ['c', 'timeline/2014/#c'],
    ]);
    expect(year2014!.moreGraded).toBe(2);
  });
});

describe('the documents', () => {
  const documents = Array.from({ length: DOCUMENTS_PER_PAGE + 1 }, (_, index) => documentOf(`${2010 + (index % 3)}-0${1 + (index % 9)}-01-doc-${index}`));

  test(`fit on the documents page up to ${DOCUMENTS_PER_PAGE}`, () => {
    expect(documentYearPages(documents.slice(0, DOCUMENTS_PER_PAGE))).toEqual([]);
  });

  test('beyond, each year of publication has its page, newest first, and together they hold every document', () => {
    const pages = documentYearPages(documents);
    expect(pages.map((page) => page.path)).toEqual(['documents/year/2012/', 'documents/year/2011/', 'documents/year/2010/']);
    expect(pages.flatMap((page) => page.items)).toEqual(newestFirst(documents));
  });
});

describe('storySources', () => {
  test('a story names the newest sources, oldest first, and counts the rest for the chart page', () => {
    const documents = ['2010-12-17-a', '2014-09-01-b', '2017-06-13-c'].map(documentOf);
    expect(storySources(documents, 2)).toEqual({ shown: [documents[1], documents[2]], more: 1 });
    expect(storySources(documents, 5)).toEqual({ shown: documents, more: 0 });
  });

  test('however many documents a chart draws on, the story names at most STORY_SOURCES', () => {
    const many = Array.from({ length: 1000 }, (_, index) => documentOf(`${2000 + (index % 30)}-01-01-doc-${index}`));
    const { shown, more } = storySources(many);
    expect(shown).toHaveLength(STORY_SOURCES);
    expect(more).toBe(1000 - STORY_SOURCES);
    expect(shown.every((doc) => doc.published >= '2029')).toBe(true);
  });
});

describe('chartTablePages and chartRowPages', () => {
  const row = (date: string) => ({ date });
  test(`a table of up to ${CHART_ROWS_PER_PAGE} rows stays on the chart's page`, () => {
    const rows = Array.from({ length: CHART_ROWS_PER_PAGE }, () => row('2014-03'));
    expect(chartTablePages('adoption', rows)).toEqual([]);
    expect(new Set(chartRowPages('adoption', rows))).toEqual(new Set(['charts/adoption/']));
  });

  test('a longer table goes year by year, oldest first, each row keeping its number, and a crowded year runs to a second page', () => {
    const rows = [row('2017-09'), row('2014'), ...Array.from({ length: CHART_ROWS_PER_PAGE + 1 }, () => row('2020-01-02'))];
    const pages = chartTablePages('caseloads', rows);
    expect(pages.map((page) => page.path)).toEqual(['charts/caseloads/data/2014/', 'charts/caseloads/data/2017/', 'charts/caseloads/data/2020/', 'charts/caseloads/data/2020/2/']);
    expect(pages[0].items).toEqual([{ row: rows[1], number: 2 }]);
    expect(pages[3].items.map((item) => item.number)).toEqual([CHART_ROWS_PER_PAGE + 3]);
    const where = chartRowPages('caseloads', rows);
    expect(where.slice(0, 3)).toEqual(['charts/caseloads/data/2017/', 'charts/caseloads/data/2014/', 'charts/caseloads/data/2020/']);
    expect(where.at(-1)).toBe('charts/caseloads/data/2020/2/');
  });
});

describe('storyNotes', () => {
  test('shows notes in order while they fit, and folds the rest; the first is always shown', () => {
    expect(storyNotes(['a'.repeat(600), 'b'.repeat(400), 'c'.repeat(200), 'd'])).toEqual({ shown: ['a'.repeat(600), 'b'.repeat(400)], folded: ['c'.repeat(200), 'd'] });
    expect(storyNotes(['a'.repeat(STORY_NOTE_CHARACTERS + 1), 'b'])).toEqual({ shown: ['a'.repeat(STORY_NOTE_CHARACTERS + 1)], folded: ['b'] });
    expect(storyNotes(['a', 'b'])).toEqual({ shown: ['a', 'b'], folded: [] });
  });
});
