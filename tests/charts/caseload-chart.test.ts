import { describe, expect, test } from 'vitest';
import { renderCaseloadChart, shapeCaseloadChart } from '../../src/charts/caseload-chart.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { axisFromTicks, dotCentre, expectSvgSnapshot, markElements, parseSvg, realSiteData, rectBox, texts } from './support.ts';

const data = await realSiteData();
const spec = shapeCaseloadChart(data);

describe('shapeCaseloadChart', () => {
  test('a single value stays a number and a range stays a range', () => {
    // Council, September 2017: "…with the overall average caseload reported to be 20."
    // CYP Now, October 2018: "…manageable caseloads ranging from 22 to 24 children…"
    expect(spec.numbers.map(({ kind, value, low, high, when }) => ({ kind, value, low, high, when }))).toEqual([
      { kind: 'number', value: 20, low: undefined, high: undefined, when: 'September 2017' },
      { kind: 'range', value: undefined, low: 22, high: 24, when: '2018 focused visit' },
    ]);
  });

  test('statements in words carry no number at all', () => {
    for (const statement of spec.statements) {
      expect(statement).not.toHaveProperty('value');
      expect(statement).not.toHaveProperty('low');
    }
  });

  test('the words are the sources’: “high caseloads” in 2010 and 2014, “reduced but remained variable” in 2016', () => {
    const byYear = Object.fromEntries(spec.statements.map((statement) => [statement.date.slice(0, 4), statement.text]));
    expect(byYear['2010']).toBe('high caseloads');
    expect(byYear['2014']).toBe('high caseloads');
    expect(byYear['2016']).toBe('caseloads had reduced but remained variable');
  });

  test('every caseload figure is a row, with its quote and document', () => {
    const caseloadFigures = data.figures.filter((figure) => figure.metric === 'caseload');
    expect(spec.rows).toHaveLength(caseloadFigures.length);
    for (const row of spec.rows) expect(row.quote).toBeTruthy();
    expect(spec.rows.filter((row) => row.qualifiers.includes('in words: no number'))).toHaveLength(caseloadFigures.filter((figure) => figure.valueKind === 'qualitative').length);
  });

  test('notes warn that the two numbers are not like for like', () => {
    expect(spec.notes.join(' ')).toMatch(/different sources and may count differently/);
    expect(spec.alt.length).toBeLessThanOrEqual(300);
  });
});

describe.for(Object.entries(CHART_WIDTH))('renderCaseloadChart, %s', ([layout, width]) => {
  const svg = parseSvg(renderCaseloadChart(spec, { width }));
  const numbers = svg.querySelector('g.panel-numbers')!;
  const words = svg.querySelector('g.panel-words')!;
  const y = axisFromTicks(texts(numbers, 'value-label').map((tick) => ({ text: tick.text, at: tick.y })));

  test('the range is drawn as an interval from 22 to 24', () => {
    const ranges = markElements(numbers, 'caseload-range', 'rect').map(rectBox);
    expect(ranges).toHaveLength(1);
    expect(ranges[0].y).toBeCloseTo(y(24), 0);
    expect(ranges[0].y + ranges[0].height).toBeCloseTo(y(22), 0);
  });

  test('the one number is a point at 20, and it is the only point on the numeric axis', () => {
    const points = markElements(numbers, 'caseload-number');
    expect(points).toHaveLength(1);
    expect(dotCentre(points[0])[1]).toBeCloseTo(y(20), 0);
    expect(numbers.querySelectorAll('g.caseload-statement')).toHaveLength(0);
  });

  test('statements are markers in their own band, with no numeric position', () => {
    expect(markElements(words, 'caseload-statement')).toHaveLength(spec.statements.length);
    expect(words.querySelector('g.value-label, g.value-gridline')).toBeNull();
    const quoted = texts(words, 'label-words').map((line) => line.text).join(' ');
    expect(quoted).toContain('“high caseloads”');
    expect(quoted).toContain('“caseloads had reduced but remained variable”');
  });

  test('each mark names its source', () => {
    const sources = [...texts(words, 'label-source'), ...texts(numbers, 'label-source')].map((line) => line.text).join(' ');
    for (const name of ['Ofsted inspection report', 'Children & Young People Now', 'Council report']) expect(sources).toContain(name);
  });

  test('matches its snapshot', async () => {
    await expectSvgSnapshot(`caseloads-${layout}`, renderCaseloadChart(spec, { width }));
  });
});
