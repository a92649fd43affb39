import { describe, expect, test } from 'vitest';
import type { ChartDataRow } from '../../src/charts/chart-spec.ts';
import { SCREEN_DRAWINGS } from '../../src/charts/drawing-widths.ts';
import { GROUP_AFTER, markAnnouncement, markRowList, markText, rowAddress, rowNumbers, type MarkRow } from '../../src/charts/interactive/mark-text.ts';
import { markAttributes, markRowReference, markRowsFile, rowsByMark, withMarkData, withoutMarkData } from '../../src/charts/mark-data.ts';
import { allCharts } from '../../src/charts/registry.ts';
import { parseSvg, recordSiteData, stressSiteData } from './support.ts';

const row = (overrides: Partial<ChartDataRow>): ChartDataRow => ({ label: 'Average days from entering care to placement for adoption', value: '740 days', when: '2013/14', date: '2014-03', qualifiers: [], document: 'a-report', ...overrides });

describe('markAttributes', () => {
  const rows = rowsByMark([
    row({ mark: 'days-2014-letter', document: '2017-letter', source: 'Ofsted monitoring visit letter, June 2017', qualifiers: ['reported by a later document'] }),
    row({ mark: 'threshold-2014', value: '537 days', qualifiers: ['derived: 740 − 203 = 537'] }),
    row({ mark: 'days-2014-report', document: '2014-report', source: 'Ofsted inspection report, September 2014' }),
  ]);

  test('a mark drawing two rows (one wait, quoted by two documents) names both rows and both sources, the first row’s value and period', () => {
    expect(markAttributes('days-2014-letter days-2014-report', rows)).toEqual({
      'data-rows': '1 3',
      'data-label': 'Average days from entering care to placement for adoption',
      'data-value': '740 days',
      'data-when': '2013/14',
      'data-source': 'Ofsted monitoring visit letter, June 2017; Ofsted inspection report, September 2014',
    });
  });

  test('keeps only the qualifiers every row shares: one source reporting it later does not make the mark “reported”', () => {
    expect(markAttributes('days-2014-letter', rows)['data-qualifiers']).toBe('reported by a later document');
    expect(markAttributes('days-2014-letter days-2014-report', rows)['data-qualifiers']).toBeUndefined();
    expect(markAttributes('threshold-2014', rows)['data-qualifiers']).toBe('derived: 740 − 203 = 537');
  });

  test('a mark naming no row is an error that says how to fix it', () => {
    expect(() => markAttributes('no-such-figure', rows)).toThrow(/"no-such-figure", which no row of the chart's data has as its mark/);
  });
});

describe('markText and markAnnouncement', () => {
  const gap: MarkRow = { label: 'Days above the government threshold', value: '203 days', when: '2013/14', source: 'Ofsted inspection report, September 2014', qualifiers: ['unvalidated'], page: 'charts/adoption/data/2014/' };
  const other: MarkRow = { ...gap, value: '88 days', when: 'January 2017', page: 'charts/adoption/data/2017/' };
  const rows = [other, other, gap, { ...gap, source: 'Ofsted monitoring visit letter, June 2017' }];
  const text = markText(rowNumbers('4 3'), rows);

  test('the first row is the one linked to, on the page of the table that holds it', () => {
    expect(text.row).toBe(3);
    expect(rowAddress('/', text.page, 'adoption', text.row)).toBe('/charts/adoption/data/2014/#chart-adoption-row-3');
    expect(rowAddress('https://judged.example/', 'charts/adoption/', 'adoption', 3)).toBe('https://judged.example/charts/adoption/#chart-adoption-row-3');
  });

  test('a mark of two rows names both sources once each, and the first row’s value', () => {
    expect(text).toMatchObject({ value: '203 days', when: '2013/14', source: 'Ofsted inspection report, September 2014; Ofsted monitoring visit letter, June 2017', qualifiers: 'unvalidated' });
  });

  test('a mark of many rows lists its first three values and sources and counts the rest; and its dates alike', () => {
    const many = Array.from({ length: 6 }, (_, index): MarkRow => ({ ...gap, value: `${20 + index} cases`, when: `2019-0${index + 1}`, source: `Council report ${index + 1}` }));
    expect(markText([1, 2, 3, 4, 5, 6], many)).toMatchObject({ value: '20 cases; 21 cases; 22 cases; and 3 more (6 in all)', when: '2019-01; 2019-02; 2019-03; and 3 more (6 dates)', label: gap.label, source: 'Council report 1; Council report 2; Council report 3; and 3 more (6 documents)', row: 1 });
  });

  test('a group’s rows come from the marks file; without it, the mark keeps its first row', () => {
    expect(markRowList({ rows: '4', group: 'caseload-words-2019' }, { groups: { 'caseload-words-2019': [9, 4, 12] } })).toEqual([4, 9, 12]);
    expect(markRowList({ rows: '4', group: 'caseload-words-2019' }, undefined)).toEqual([4]);
    expect(markRowList({ rows: '4 3' })).toEqual([3, 4]);
  });

  test('a row the file does not hold leaves the mark its number, with no words', () => {
    expect(markText([9], rows)).toMatchObject({ row: 9, value: '', source: '' });
  });

  test('a screen reader hears what, value, when, qualifiers, source and place', () => {
    expect(markAnnouncement(markText([3], rows), 2, 6)).toBe('Days above the government threshold: 203 days, 2013/14. Unvalidated. Source: Ofsted inspection report, September 2014. Mark 2 of 6.');
  });
});

// Every drawing's marks name rows that exist, and say nothing else (the
// rows' words are one file per chart, not six copies); the chart's marks
// file gives each mark its first row's value and source, on every record; on
// the frozen records every row a chart draws is drawn by a mark at every
// width (the 2010 sub-judgements are the grades table's alone).
const records = { 'seed-era': await recordSiteData('seed-era'), 'to-2025': await recordSiteData('to-2025'), stress: await stressSiteData() };
describe.for(Object.entries(records))('the marks on the %s record', ([record, data]) => {
  test.for(allCharts(data).flatMap((chart) => SCREEN_DRAWINGS.map((drawing) => ({ chart, width: drawing.width }))).map((item) => [item.chart.id, item.width, item] as const))('%s at %i units: every mark names its rows, whose value and source the marks file gives', ([, width, { chart }]) => {
    const svg = parseSvg(chart.renderSvg(width));
    const marks = [...svg.querySelectorAll('[data-rows]')];
    expect(marks.length).toBeGreaterThan(0);
    expect(svg.querySelectorAll('[data-value], [data-source], [data-label], [data-when], [data-qualifiers]')).toHaveLength(0);
    const file = markRowsFile(chart.rows, () => chart.path);
    const drawn = new Set<number>();
    const twice: number[] = [];
    for (const mark of marks) {
      const group = mark.getAttribute('data-group') ?? undefined;
      // A group's drawing names only its first row; the marks file lists them all, once per chart.
      if (group) expect([mark.getAttribute('data-rows'), file.groups?.[group]?.length ?? 0]).toEqual([String(file.groups![group][0]), expect.toSatisfy((count: number) => count > GROUP_AFTER)]);
      else expect(rowNumbers(mark.getAttribute('data-rows')!).length).toBeLessThanOrEqual(GROUP_AFTER);
      const numbers = markRowList({ rows: mark.getAttribute('data-rows')!, group }, file);
      expect(numbers.length).toBeGreaterThan(0);
      for (const number of numbers) (drawn.has(number) ? twice : []).push(number), drawn.add(number);
      const first = chart.rows[numbers[0] - 1];
      const text = markText(numbers, file.rows);
      // A mark of many rows lists its first few values and counts the rest.
      expect(text.value.startsWith(first.value)).toBe(true);
      expect(text.source).toContain(first.source);
    }
    // The caseload chart draws every row once, however many: alone, or in a gathered mark or a year's bar.
    if (chart.id === 'caseloads') expect({ twice, undrawn: chart.rows.flatMap((row, index) => (drawn.has(index + 1) ? [] : [row.mark])) }).toEqual({ twice: [], undrawn: [] });
    // The grades chart draws every visit that gave no grade by exactly one marker, gathered or not, and every overall judgement (a headline is both a dot and its cell in the area record).
    if (chart.id === 'grades') {
      const visits = chart.rows.flatMap((row, index) => (row.value === 'Not graded' ? [index + 1] : []));
      expect(visits.length).toBeGreaterThan(0);
      expect({ twice: visits.filter((number) => twice.includes(number)), undrawn: visits.filter((number) => !drawn.has(number)) }).toEqual({ twice: [], undrawn: [] });
      expect(chart.rows.filter((row, index) => row.label.startsWith('Overall effectiveness') && !drawn.has(index + 1))).toEqual([]);
    }
    if (record !== 'stress') {
      const tableOnly = chart.rows.flatMap((row, index) => (drawn.has(index + 1) ? [] : [row.label]));
      expect(tableOnly.every((label) => chart.id === 'grades' && !label.startsWith('Overall effectiveness'))).toBe(true);
    }
  });
});

describe('marks of many rows', () => {
  const rows = Array.from({ length: GROUP_AFTER + 2 }, (_, index) => row({ mark: index < GROUP_AFTER + 1 ? 'caseload-words-2019' : 'alone', value: `${index}` }));
  test('name their group and first row in a drawing, and the marks file lists the group once; a mark of few rows lists them', () => {
    expect(markRowReference('caseload-words-2019', rowsByMark(rows))).toEqual({ 'data-rows': '1', 'data-group': 'caseload-words-2019' });
    expect(markRowReference('alone', rowsByMark(rows))).toEqual({ 'data-rows': String(GROUP_AFTER + 2) });
    expect(markRowsFile(rows, () => 'charts/caseloads/').groups).toEqual({ 'caseload-words-2019': Array.from({ length: GROUP_AFTER + 1 }, (_, index) => index + 1) });
    expect(markRowsFile(rows.slice(-1), () => 'charts/caseloads/').groups).toBeUndefined();
  });
});

describe('withMarkData', () => {
  test('gives a file read alone (the SVG download) every mark’s words, as markAttributes tells them', async () => {
    const chart = allCharts(await recordSiteData('to-2025')).find((candidate) => candidate.id === 'adoption')!;
    const marks = [...parseSvg(withMarkData(chart.renderSvg(392), chart.rows)).querySelectorAll('[data-rows]')];
    const byMark = rowsByMark(chart.rows);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      const ids = rowNumbers(mark.getAttribute('data-rows')!).map((number) => chart.rows[number - 1].mark!).join(' ');
      const expected = markAttributes(ids, byMark);
      expect(Object.fromEntries(Object.keys(expected).map((name) => [name, mark.getAttribute(name)]))).toEqual(expected);
    }
  });

  test('a group’s mark in a file read alone lists every row of its group, there being no marks file beside it', () => {
    const chart = allCharts(records.stress).find((candidate) => candidate.id === 'caseloads')!;
    const groups = markRowsFile(chart.rows, () => chart.path).groups!;
    const marks = [...parseSvg(withMarkData(chart.renderSvg(392), chart.rows)).querySelectorAll('[data-group]')];
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.getAttribute('data-rows')).toBe(groups[mark.getAttribute('data-group')!].join(' '));
  });
});

describe('withoutMarkData', () => {
  test('leaves an image file the drawing and none of the marks’ data', async () => {
    const chart = allCharts(await recordSiteData('to-2025')).find((candidate) => candidate.id === 'adoption')!;
    const [withData, without] = [withMarkData(chart.renderSvg(392), chart.rows), withoutMarkData(withMarkData(chart.renderSvg(392), chart.rows))].map(parseSvg);
    expect(withData.querySelectorAll('[data-rows]').length).toBeGreaterThan(0);
    expect(without.querySelectorAll('[data-rows], [data-value], [data-source], [data-label], [data-when], [data-qualifiers]')).toHaveLength(0);
    expect(without.querySelectorAll('*')).toHaveLength(withData.querySelectorAll('*').length);
  });
});
