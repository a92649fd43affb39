import { describe, expect, test } from 'vitest';
import type { ChartDataRow } from '../../src/charts/chart-spec.ts';
import { SCREEN_DRAWINGS } from '../../src/charts/drawing-widths.ts';
import { markAnnouncement, markText, rowAddress } from '../../src/charts/interactive/mark-text.ts';
import { markAttributes, rowsByMark, withoutMarkData } from '../../src/charts/mark-data.ts';
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
  const text = markText({ rows: '3 4', label: 'Days above the government threshold', value: '203 days', when: '2013/14', source: 'Ofsted inspection report, September 2014', qualifiers: 'unvalidated' });

  test('the first row is the one linked to', () => {
    expect(text.row).toBe(3);
    expect(rowAddress('/charts/adoption/', 'adoption', text.row)).toBe('/charts/adoption/#chart-adoption-row-3');
  });

  test('a screen reader hears what, value, when, qualifiers, source and place', () => {
    expect(markAnnouncement(text, 2, 6)).toBe('Days above the government threshold: 203 days, 2013/14. Unvalidated. Source: Ofsted inspection report, September 2014. Mark 2 of 6.');
  });
});

// Every drawing's marks carry rows that exist, with the value of their first
// row, on every record; on the frozen records every row a chart draws is
// drawn by a mark at every width (the 2010 sub-judgements are the grades
// table's alone).
const records = { 'seed-era': await recordSiteData('seed-era'), 'to-2025': await recordSiteData('to-2025'), stress: await stressSiteData() };
describe.for(Object.entries(records))('the marks on the %s record', ([record, data]) => {
  test.for(allCharts(data).flatMap((chart) => SCREEN_DRAWINGS.map((drawing) => ({ chart, width: drawing.width }))).map((item) => [item.chart.id, item.width, item] as const))('%s at %i units: every mark names its rows, with their value and source', ([, width, { chart }]) => {
    const marks = [...parseSvg(chart.renderSvg(width)).querySelectorAll('[data-rows]')];
    expect(marks.length).toBeGreaterThan(0);
    const drawn = new Set<number>();
    for (const mark of marks) {
      const numbers = mark.getAttribute('data-rows')!.split(' ').map(Number);
      numbers.forEach((number) => drawn.add(number));
      const first = chart.rows[numbers[0] - 1];
      expect(mark.getAttribute('data-value')).toBe(first.value);
      expect(mark.getAttribute('data-source')).toContain(first.source);
    }
    if (record !== 'stress') {
      const tableOnly = chart.rows.flatMap((row, index) => (drawn.has(index + 1) ? [] : [row.label]));
      expect(tableOnly.every((label) => chart.id === 'grades' && !label.startsWith('Overall effectiveness'))).toBe(true);
    }
  });
});

describe('withoutMarkData', () => {
  test('leaves an image file the drawing and none of the marks’ data', async () => {
    const chart = allCharts(await recordSiteData('to-2025')).find((candidate) => candidate.id === 'adoption')!;
    const [withData, without] = [chart.renderSvg(392), withoutMarkData(chart.renderSvg(392))].map(parseSvg);
    expect(withData.querySelectorAll('[data-rows]').length).toBeGreaterThan(0);
    expect(without.querySelectorAll('[data-rows], [data-value], [data-source], [data-label], [data-when], [data-qualifiers]')).toHaveLength(0);
    expect(without.querySelectorAll('*')).toHaveLength(withData.querySelectorAll('*').length);
  });
});
