import { describe, expect, test } from 'vitest';
import { renderAdoptionChart, shapeAdoptionChart } from '../../src/charts/adoption-chart.ts';
import { renderCaseloadChart, shapeCaseloadChart } from '../../src/charts/caseload-chart.ts';
import { renderGradesChart, shapeGradesChart } from '../../src/charts/grades-chart.ts';
import { allCharts } from '../../src/charts/registry.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { renderTimelineChart, shapeTimelineChart } from '../../src/charts/timeline-chart.ts';
import { adoption2019, hundredDocuments, ilacs2022, siteDataWith } from './extra-documents.ts';
import { markElements, parseSvg, realSiteData, texts } from './support.ts';

// Editors add documents with no code change: the charts must shape, render and
// describe whatever the data holds. Each scenario is the real content plus
// made-up documents, validated and derived as the build does.
const real = await realSiteData();
const scenarios = {
  'a 2022 ILACS inspection graded Good': await siteDataWith([await ilacs2022()]),
  'a 2019 adoption figure with its own threshold': await siteDataWith([adoption2019()]),
  'both, and 100 more documents': await siteDataWith([await ilacs2022(), adoption2019(), ...hundredDocuments()]),
};
const [withIlacs, withAdoption, withAll] = Object.values(scenarios);

describe.for(Object.entries(scenarios))('with %s', ([, data]) => {
  test('every chart shapes and renders at every width, with alt text of at most 300 characters', () => {
    expect(data.timeline.length).toBeGreaterThan(real.timeline.length);
    for (const chart of allCharts(data)) {
      expect(chart.alt.length, `${chart.id}: ${chart.alt}`).toBeLessThanOrEqual(300);
      expect(chart.title.length, `${chart.id}: ${chart.title}`).toBeLessThanOrEqual(160);
      expect(chart.alt).not.toMatch(/; \.|\bin \.|\bin ;|  /);
      for (const width of Object.values(CHART_WIDTH)) expect(() => chart.renderSvg(width)).not.toThrow();
    }
  });
});

describe('a later graded inspection is the latest outcome everywhere', () => {
  test.for([
    ['one more', withIlacs],
    ['one more, among 100 more documents', withAll],
  ] as const)('timeline: %s', ([, data]) => {
    const spec = shapeTimelineChart(data);
    expect(spec.title.toLowerCase()).toContain('good in 2022');
    expect(spec.alt.toLowerCase()).toContain('good in 2022');
    expect(spec.alt).toContain(`${data.timeline.length} events`);
    expect(spec.alt).toMatch(/2009 to 2022/);
    const svg = parseSvg(renderTimelineChart(spec, { width: CHART_WIDTH.wide }));
    expect(texts(svg, 'label-grade').map((line) => line.text)).toContain('Good');
  });

  test('timeline, with one more: the title still reads as the whole journey', () => {
    expect(shapeTimelineChart(withIlacs).title).toBe('Adequate in 2010, inadequate in 2014, requires improvement in 2017, good in 2022: the record in 15 events');
  });

  test.for([
    ['one more', withIlacs],
    ['one more, among 100 more documents', withAll],
  ] as const)('grades: %s', ([, data]) => {
    const spec = shapeGradesChart(data);
    expect(spec.overall.at(-1)).toMatchObject({ grade: 'Good', framework: 'ilacs-2018' });
    expect(spec.title.toLowerCase()).toContain('good in 2022');
    expect(spec.title).toContain('three different scales');
    expect(spec.alt.toLowerCase()).toContain('good in 2022');
    expect(spec.alt).toContain('adequate in 2010');
    // The area judgements described are the latest inspection's: 2 good, 1 requires improvement.
    expect(spec.alt).toMatch(/May 2022: 3 good, 1 requires improvement to be good/);
    expect(spec.subtitle).toContain('November 2010 and May 2022');
    expect(spec.notes.join(' ')).not.toMatch(/report no graded inspection under it/);
    const svg = parseSvg(renderGradesChart(spec, { width: CHART_WIDTH.narrow }));
    expect(markElements(svg.querySelector('g.panel-overall')!, 'overall-grade')).toHaveLength(5);
  });
});

describe('caseloads: later figures are summarised, not listed', () => {
  test('a later caseload figure is the latest number in the headline and the alt text', () => {
    const spec = shapeCaseloadChart(withIlacs);
    expect(spec.numbers.at(-1)).toMatchObject({ value: 18, date: '2022-05' });
    expect(spec.alt).toContain('18 (2022)');
    expect(spec.title).toContain('18 (2022)');
    expect(spec.notes.join(' ')).toMatch(/The three numbers come from different sources and may count differently/);
  });

  test('with dozens more figures the alt text states the first and latest, and counts the rest', () => {
    const spec = shapeCaseloadChart(withAll);
    expect(spec.numbers.length).toBeGreaterThan(30);
    expect(spec.alt).toContain(`the first ${spec.numbers[0].kind === 'range' ? '' : 'an average of '}`);
    expect(spec.alt).toContain('18 (2022)');
    expect(spec.alt).toContain(`${spec.numbers.length} numbers`);
    expect(spec.alt.length).toBeLessThanOrEqual(300);
    expect(() => renderCaseloadChart(spec, { width: CHART_WIDTH.narrow })).not.toThrow();
  });
});

describe('adoption: the gap to the threshold belongs to the period it is stated for', () => {
  test('a later figure with its own threshold: the headline gives that year’s gap, not 2017’s', () => {
    const spec = shapeAdoptionChart(withAdoption);
    expect(spec.bars.map((bar) => bar.days)).toEqual([740, 514, 480]);
    expect(spec.threshold).toMatchObject({ days: 417, period: '2018/19' });
    expect(spec.gap).toEqual({ days: 63, bar: 2 });
    expect(spec.title).toBe('The wait for adoption fell from 740 to 480 days, still 63 days above the government threshold');
    expect(spec.title).not.toContain('88');
    expect(spec.alt).toContain('63 days above a government threshold of 417 days');
    // The earlier threshold is kept, with its own date.
    expect(spec.notes.join(' ')).toMatch(/426 days.*January 2017/);
    expect(spec.rows.map((row) => row.number)).toEqual(expect.arrayContaining([426, 417, 88, 63]));
    const svg = parseSvg(renderAdoptionChart(spec, { width: CHART_WIDTH.wide }));
    expect(texts(svg, 'threshold-gap-label').map((line) => line.text).join(' ')).toBe('63 days above the threshold');
    expect(texts(svg, 'threshold-label').map((line) => line.text).join(' ')).toBe('Government threshold, 2018/19: 417 days');
  });

  test('a later figure with no threshold: no gap is claimed for it', () => {
    const spec = shapeAdoptionChart(withIlacs);
    expect(spec.bars.at(-1)).toMatchObject({ days: 390, period: '2021/22' });
    expect(spec.title).toBe('The wait for adoption fell from 740 days in 2013/14 to 390 days in 2021/22');
    expect(spec.title).not.toMatch(/above/);
    expect(spec.alt).not.toMatch(/390 days in 2021\/22[^.;]*above/);
    expect(spec.alt).toContain('in January 2017 it was 88 days above');
    expect(spec.subtitle).toContain('January 2017');
    expect(spec.notes.join(' ')).toMatch(/not say what threshold applied in 2013\/14 and 2021\/22/);
  });

  test('two thresholds and a later figure without one: the latest threshold, with its own date', () => {
    const spec = shapeAdoptionChart(withAll);
    expect(spec.threshold).toMatchObject({ days: 417, period: '2018/19' });
    expect(spec.gap).toEqual({ days: 63, bar: 2 });
    expect(spec.title).toBe('The wait for adoption fell from 740 days in 2013/14 to 390 days in 2021/22');
    expect(spec.alt).toContain('in 2018/19 it was 63 days above a government threshold of 417 days');
    expect(spec.alt).not.toContain('88');
  });
});
