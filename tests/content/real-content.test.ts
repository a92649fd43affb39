import { describe, expect, test } from 'vitest';
import { allCharts, CHART_WIDTH } from '../../src/charts/registry.ts';
import { PageNameSchema } from '../../src/schema/index.ts';
import { loadRealContent } from './load-real-content.ts';

// Rules the real content/ must keep whatever it holds: the same checks the
// build makes, and every chart drawn from it. No counts, ids or headlines:
// adding a valid document never breaks these.
const { content, problems, data } = await loadRealContent();

describe('the real content', () => {
  test('every document, framework, metric and page passes the schema and the cross-checks with no error: every reference resolves', () => {
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  test('has each page of the site, written as content', () => {
    expect((content.pages ?? []).map((page) => page.name).sort()).toEqual([...PageNameSchema.options].sort());
  });

  test('every document’s event and every event it mentions is on the timeline', () => {
    const timeline = new Set(data.timeline.map((event) => event.id));
    const named = content.documents.flatMap(({ data: doc }) => [doc.event.id, ...doc.mentions.map((mention) => mention.event)]);
    expect(named.filter((id) => !timeline.has(id))).toEqual([]);
  });

  test('every chart is drawn from it, in both widths, with alternative text and its data', () => {
    for (const chart of allCharts(data)) {
      for (const width of [CHART_WIDTH.narrow, CHART_WIDTH.wide]) expect(chart.renderSvg(width), `${chart.id} at ${width}`).toMatch(/^<svg[\s>]/);
      expect(chart.alt.length, chart.id).toBeGreaterThan(20);
      expect(chart.rows.length, chart.id).toBeGreaterThan(0);
    }
  });
});
