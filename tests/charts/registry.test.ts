import { describe, expect, test } from 'vitest';
import { CHART_IDS, allCharts, chartById, isChartId } from '../../src/charts/registry.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { parseSvg, recordSiteData } from './support.ts';

const data = await recordSiteData('to-2025');

describe('chart registry', () => {
  test('has the four charts, in order', () => {
    expect(CHART_IDS).toEqual(['timeline', 'grades', 'caseloads', 'adoption']);
    expect(allCharts(data).map((chart) => chart.id)).toEqual([...CHART_IDS]);
    expect(isChartId('grades')).toBe(true);
    expect(isChartId('pie')).toBe(false);
  });

  test('an unknown id is a visible error naming the known ones', () => {
    expect(() => chartById('pie', data)).toThrow('No chart with id "pie". Charts: timeline, grades, caseloads, adoption.');
  });

  test.for(CHART_IDS)('%s: words, data and drawing, every row traced to a document', (id) => {
    const chart = chartById(id, data);
    const slugs = data.documents.map((doc) => doc.slug);
    expect(chart.title.length).toBeGreaterThan(20);
    expect(chart.subtitle.length).toBeGreaterThan(20);
    expect(chart.alt.length).toBeGreaterThan(40);
    expect(chart.alt.length).toBeLessThanOrEqual(300);
    expect(chart.notes.length).toBeGreaterThan(0);
    expect(chart.path).toBe(`charts/${id}/`);
    expect(chart.sourceDocuments.length).toBeGreaterThan(0);
    for (const slug of chart.sourceDocuments) expect(slugs).toContain(slug);
    expect(chart.rows.length).toBeGreaterThan(0);
    for (const row of chart.rows) {
      expect(slugs).toContain(row.document);
      expect(chart.sourceDocuments).toContain(row.document);
      expect(row.label && row.value && row.when && row.date).toBeTruthy();
    }
    for (const width of Object.values(CHART_WIDTH)) {
      const svg = parseSvg(chart.renderSvg(width));
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.querySelector('title')?.textContent).toBe(chart.title);
      expect(svg.querySelector('desc')?.textContent).toBe(chart.alt);
      expect(svg.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${width} \\d+`));
    }
  });

  test('the default data is the derived site data the build writes', () => {
    expect(chartById('adoption').rows.length).toBeGreaterThan(0);
  });
});
