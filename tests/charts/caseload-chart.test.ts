import { describe, expect, test } from 'vitest';
import { markWords, renderCaseloadChart, shapeCaseloadChart } from '../../src/charts/caseload-chart.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { axisFromTicks, dotCentre, expectSvgSnapshot, markElements, parseSvg, recordSiteData, stressSiteData, texts } from './support.ts';

const seedData = await recordSiteData('seed-era');
const fullData = await recordSiteData('to-2025');
const stressData = await stressSiteData();
const seed = shapeCaseloadChart(seedData);
const full = shapeCaseloadChart(fullData);
const stress = shapeCaseloadChart(stressData);

describe('markWords', () => {
  test('says what kind of number it is, and “average” only for a mean', () => {
    // 2014 report: "Some social workers had over 40 cases each and two workers had 50 cases."
    expect(markWords({ valueKind: 'number', value: 40, statistic: 'lower-bound' })).toBe('over 40');
    expect(markWords({ valueKind: 'number', value: 50, statistic: 'max' })).toBe('up to 50');
    // 2017 report: "…to ensure that caseloads do not exceed 15 children…"
    expect(markWords({ valueKind: 'number', value: 15, statistic: 'cap' })).toBe('capped at 15');
    expect(markWords({ valueKind: 'number', value: 20, statistic: 'mean' })).toBe('20 on average');
    expect(markWords({ valueKind: 'number', value: 20 })).toBe('20');
    expect(markWords({ valueKind: 'range', low: 22, high: 24 })).toBe('22 to 24');
  });
});

describe('shapeCaseloadChart on the record to 2025', () => {
  test('the DfE series: Manchester 19.1 → 16 and England 17.7 → 16, each its own line', () => {
    // DfE workforce CSV, caseload_fte: Manchester 2017 19.1, 2023 16; England 2017 17.7, 2023 16.
    const line = (place: string) => full.series.find((series) => series.place === place)!.points.map((point) => [point.year, point.value]);
    expect(line('Manchester')).toEqual([[2017, 19.1], [2018, 19.6], [2019, 19.1], [2020, 17.8], [2021, 17.3], [2022, 16.7], [2023, 16]]);
    expect(line('England')[0]).toEqual([2017, 17.7]);
    expect(line('England').at(-1)).toEqual([2023, 16]);
    expect(full.series.map((series) => series.place)).toEqual(['Manchester', 'England', 'North West']);
  });

  test('the headline says how Manchester moved against England', () => {
    expect(full.title).toBe('Manchester’s caseload per social worker fell from 19.1 to 16 between 2017 and 2023, closing the gap with England (17.7 to 16)');
  });

  test('inspection numbers are typed marks: over 40 and 50 in 2014, a cap of 15 for newly qualified workers in 2017', () => {
    const byId = Object.fromEntries(full.marks.map((mark) => [mark.id, mark]));
    expect(byId['caseload-over-40-2014']).toMatchObject({ type: 'lower-bound', words: 'over 40', population: 'some social workers' });
    expect(byId['caseload-max-50-2014']).toMatchObject({ type: 'extreme', words: 'up to 50', population: 'two social workers' });
    expect(byId['caseload-cap-nqsw-2017']).toMatchObject({ type: 'limit', words: 'capped at 15', population: 'newly qualified social workers' });
  });

  test('independent reviewing officers’ caseloads are not on the social workers’ chart, and the notes say why', () => {
    // 2014 report: "…independent reviewing officer caseloads are high, with an average of 110…"
    expect(full.rows.map((row) => row.number)).not.toContain(110);
    expect(full.marks.map((mark) => mark.id)).not.toContain('iro-caseload-2014');
    expect(full.notes.join(' ')).toMatch(/Independent reviewing officers’ caseloads .* are not drawn/);
  });

  test('the notes say the lines and the marks measure different things', () => {
    expect(full.notes.join(' ')).toMatch(/average caseload per full-time-equivalent case-holding children and family social worker, at 30 September/);
    expect(full.notes.join(' ')).toMatch(/only a mark labelled “on average” is an average/);
  });
});

describe.for([
  ['the seed-era record', seed],
  ['the record to 2025', full],
  ['the stress record', stress],
] as const)('on %s: no mark is called an average unless it is a mean', ([, spec]) => {
  test('in the marks’ words and the table', () => {
    for (const mark of spec.marks) expect(/average/.test(mark.words), `${mark.words} (${mark.statistic})`).toBe(mark.statistic === 'mean');
    for (const row of spec.rows.filter((candidate) => candidate.qualifiers.some((qualifier) => qualifier.startsWith('statistic')) && !candidate.label.includes('caseload per FTE'))) {
      expect(/average/.test(row.value), `${row.value}: ${row.qualifiers.join(', ')}`).toBe(row.qualifiers.includes('statistic: mean'));
    }
  });

  test.for(Object.entries(CHART_WIDTH))('on the chart, %s', ([, width]) => {
    const svg = parseSvg(renderCaseloadChart(spec, { width }));
    const labels = texts(svg, 'label-value').map((line) => line.text);
    const averages = spec.marks.filter((mark) => mark.statistic === 'mean').map((mark) => mark.words);
    for (const label of labels.filter((text) => /average/.test(text))) expect(averages.some((words) => words.includes(label) || label.includes(words)), label).toBe(true);
  });
});

describe('shapeCaseloadChart on the stress record', () => {
  test('counts, totals, rates, shares and changes are not placed on the caseload scale', () => {
    const offScale = stressData.figures.filter((figure) => figure.metric === 'caseload' && ['count', 'total', 'rate', 'share', 'change'].includes(figure.statistic ?? ''));
    expect(offScale.length).toBeGreaterThan(5);
    for (const figure of offScale) {
      expect(stress.marks.map((mark) => mark.id)).not.toContain(figure.id);
      expect(stress.statements.map((statement) => statement.id)).toContain(figure.id);
    }
  });

  test('every level statistic gets its own kind of mark', () => {
    expect(new Set(stress.marks.map((mark) => mark.type))).toEqual(new Set(['average', 'extreme', 'lower-bound', 'upper-bound', 'limit', 'range', 'unstated']));
  });
});

describe.for(Object.entries(CHART_WIDTH))('renderCaseloadChart on the record to 2025, %s', ([layout, width]) => {
  const svg = parseSvg(renderCaseloadChart(full, { width }));
  const y = axisFromTicks(texts(svg, 'value-label').map((tick) => ({ text: tick.text, at: tick.y + Number(svg.querySelector('g.panel-caseloads')!.getAttribute('transform')?.match(/,([\d.]+)/)?.[1] ?? 0) })));
  const localY = axisFromTicks(texts(svg, 'value-label').map((tick) => ({ text: tick.text, at: tick.y })));

  test('England is drawn as its own series, apart from Manchester’s', () => {
    const england = markElements(svg, 'caseload-series-point--england');
    const manchester = markElements(svg, 'caseload-series-point--manchester');
    expect(england).toHaveLength(7);
    expect(manchester).toHaveLength(7);
    expect(dotCentre(manchester[0])[1]).toBeCloseTo(localY(19.1), 0);
    expect(dotCentre(england[0])[1]).toBeCloseTo(localY(17.7), 0);
    expect(dotCentre(manchester.at(-1)!)[1]).toBeCloseTo(localY(16), 0);
    expect(markElements(svg, 'caseload-series--england', 'path')).toHaveLength(1);
    expect(y(0)).toBeGreaterThan(y(10));
  });

  test('the over-40 mark sits at 40 and points up; the cap is a dashed limit at 15', () => {
    const over = markElements(svg, 'caseload-mark--lower-bound', 'line');
    expect(over).toHaveLength(1);
    expect(Number(over[0].getAttribute('y1'))).toBeCloseTo(localY(40), 0);
    const cap = markElements(svg, 'caseload-mark--limit', 'line');
    expect(cap).toHaveLength(1);
    expect(Number(cap[0].getAttribute('y1'))).toBeCloseTo(localY(15), 0);
  });

  test('every mark is labelled beside it or numbered, and every number is in the key', () => {
    const labelled = texts(svg, 'label-value').map((line) => line.text).join(' ');
    const numbered = texts(svg, 'mark-callout').map((line) => line.text);
    const key = texts(svg, 'mark-key').map((line) => line.text).join(' ');
    for (const mark of full.marks) {
      const byLabel = labelled.includes(mark.words);
      expect(byLabel || numbered.includes(String(mark.key)), mark.words).toBe(true);
    }
    for (const number of numbered) expect(key).toMatch(new RegExp(`(^|\\s)${number}\\s`));
  });

  test('matches its snapshot', async () => {
    await expectSvgSnapshot(`caseloads-${layout}`, renderCaseloadChart(full, { width }));
  });
});
