import { describe, expect, test } from 'vitest';
import { renderAdoptionChart, shapeAdoptionChart } from '../../src/charts/adoption-chart.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { axisFromTicks, expectSvgSnapshot, lineEnds, markElements, parseSvg, rectBox, realSiteData, texts } from './support.ts';

const data = await realSiteData();
const spec = shapeAdoptionChart(data);

describe('shapeAdoptionChart', () => {
  test('two waits, as the 2017 monitoring visit letter gives them', () => {
    // "The time taken from a child being received into care to being placed
    // for adoption has reduced from 740 days in 2013/14 to 514 days."
    expect(spec.bars.map((bar) => [bar.period, bar.days, bar.unvalidated])).toEqual([
      ['2013/14', 740, false],
      ['January 2017', 514, true],
    ]);
  });

  test('the threshold is derived, 514 − 88 = 426, and says so', () => {
    // "Although improving, this is still 88 days above the government threshold."
    expect(spec.threshold).toEqual({ days: 426, derivation: '514 − 88', period: 'January 2017' });
    expect(spec.gap).toEqual({ days: 88, bar: 1 });
    expect(spec.notes.join(' ')).toMatch(/derived.*514 − 88 = 426/);
    expect(spec.rows.find((row) => row.number === 426)?.qualifiers).toContain('derived: 514 − 88 = 426');
  });

  test('notes say what is unvalidated and that 2013/14 has no stated threshold', () => {
    expect(spec.notes.join(' ')).toMatch(/514 days \(January 2017\) is unvalidated/);
    expect(spec.notes.join(' ')).toMatch(/does not say what threshold applied in 2013\/14/);
  });

  test('every row carries its quote and document', () => {
    for (const row of spec.rows) {
      expect(row.quote).toBeTruthy();
      expect(data.documents.map((doc) => doc.slug)).toContain(row.document);
    }
    expect(spec.sourceDocuments).toEqual(['2017-06-13-ofsted-monitoring-visit-adoption']);
  });

  test('the title states the finding with the numbers', () => {
    expect(spec.title).toBe('The wait for adoption fell from 740 to 514 days, still 88 days above the government threshold');
    expect(spec.alt.length).toBeLessThanOrEqual(300);
  });
});

describe.for(Object.entries(CHART_WIDTH))('renderAdoptionChart, %s', ([layout, width]) => {
  const svg = parseSvg(renderAdoptionChart(spec, { width }));
  const x = axisFromTicks(texts(svg, 'days-tick-label').map((tick) => ({ text: tick.text, at: tick.x })));

  test('a threshold rule at 426 days', () => {
    const [rule] = markElements(svg, 'threshold', 'line').map(lineEnds);
    expect(markElements(svg, 'threshold', 'line')).toHaveLength(1);
    expect(rule.x1).toBeCloseTo(x(426), 0);
    expect(rule.x2).toBeCloseTo(x(426), 0);
  });

  test('bars from zero ending at 740 and 514 days, the unvalidated one hollow and dashed', () => {
    const [validated] = markElements(svg, 'adoption-bar', 'rect').map(rectBox);
    const [unvalidated] = markElements(svg, 'adoption-bar--unvalidated', 'rect').map(rectBox);
    expect(validated.x).toBeCloseTo(x(0), 0);
    expect(validated.x + validated.width).toBeCloseTo(x(740), 0);
    expect(Math.abs(unvalidated.x + unvalidated.width - x(514))).toBeLessThanOrEqual(1.5);
    const dashed = svg.querySelector('g.adoption-bar--unvalidated');
    expect(dashed?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(dashed?.getAttribute('fill')).toContain('--bg');
  });

  test('the gap is drawn from 426 to 514 only, and labelled', () => {
    const gaps = markElements(svg, 'threshold-gap', 'line').map(lineEnds);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].x1).toBeCloseTo(x(426), 0);
    expect(gaps[0].x2).toBeCloseTo(x(514), 0);
    expect(texts(svg, 'threshold-gap-label').map((line) => line.text).join(' ')).toBe('88 days above the threshold');
  });

  test('direct labels: the values, the threshold and its derivation', () => {
    expect(texts(svg, 'bar-value').map((label) => label.text)).toEqual(['740 days', '514 days']);
    expect(texts(svg, 'threshold-label').map((line) => line.text).join(' ')).toBe('Government threshold: 426 days');
    expect(texts(svg, 'threshold-derivation').map((line) => line.text).join(' ')).toBe('derived: 514 − 88');
    expect(texts(svg, 'bar-period').map((label) => label.text)).toEqual(['2013/14', 'January 2017 (unvalidated)']);
  });

  test('matches its snapshot', async () => {
    await expectSvgSnapshot(`adoption-${layout}`, renderAdoptionChart(spec, { width }));
  });
});
