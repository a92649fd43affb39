import { describe, expect, test } from 'vitest';
import { renderAdoptionChart, shapeAdoptionChart } from '../../src/charts/adoption-chart.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { axisFromTicks, expectSvgSnapshot, lineEnds, markElements, parseSvg, recordSiteData, rectBox, stressSiteData, texts } from './support.ts';

const seed = shapeAdoptionChart(await recordSiteData('seed-era'));
const full = shapeAdoptionChart(await recordSiteData('to-2025'));
const stress = shapeAdoptionChart(await stressSiteData());

describe('shapeAdoptionChart on the record to 2025', () => {
  test('740 days in 2013/14 is one bar quoted by two documents; 514 days in January 2017 another', () => {
    // 2014 report: "…higher than statistical neighbours, at 740 days."
    // 2017 letter: "…has reduced from 740 days in 2013/14 to 514 days."
    expect(full.bars.map((bar) => [bar.period, bar.days, bar.documents.length])).toEqual([
      ['2013/14', 740, 2],
      ['January 2017', 514, 1],
    ]);
  });

  test('each bar meets its own period’s threshold: 537 for 2013/14, 426 for January 2017, both derived', () => {
    // 2014 report: "…wait 203 days longer than the government threshold…"; 2017 letter: "…still 88 days above the government threshold."
    expect(full.bars.map((bar) => bar.threshold && [bar.threshold.days, bar.threshold.derived, bar.threshold.derivation])).toEqual([
      [537, true, '740 − 203'],
      [426, true, '514 − 88'],
    ]);
    expect(full.bars.map((bar) => bar.gap?.days)).toEqual([203, 88]);
  });

  test('the headline sets each wait against its own threshold, never 740 against 426', () => {
    expect(full.title).toBe('The wait for adoption fell from 740 days in 2013/14 to 514 in January 2017: 203 then 88 days over each period’s government threshold');
    expect(full.title).not.toContain('314');
    expect(full.notes.join(' ')).toMatch(/The 2013\/14 threshold, 537 days, is derived/);
  });
});

describe('shapeAdoptionChart on the seed-era record', () => {
  test('2013/14 has no threshold in the documents, so none is drawn on it', () => {
    expect(seed.bars[0]).toMatchObject({ period: '2013/14', days: 740 });
    expect(seed.bars[0].threshold).toBeUndefined();
    expect(seed.bars[1].threshold).toMatchObject({ days: 426, derived: true });
    expect(seed.notes.join(' ')).toMatch(/no threshold for 2013\/14/);
  });
});

describe('shapeAdoptionChart on the stress record', () => {
  test('stated thresholds are not called derived; a wait quoted twice, in other words for its period (2019/20, 2019–20), is one bar', () => {
    expect(stress.bars.some((bar) => bar.threshold && !bar.threshold.derived)).toBe(true);
    expect(stress.bars.some((bar) => bar.threshold?.derived)).toBe(true);
    expect(stress.bars.filter((bar) => bar.documents.length > 1).length).toBeGreaterThanOrEqual(3);
    expect(new Set(stress.bars.map((bar) => bar.period)).size).toBe(stress.bars.length);
  });
});

describe.for(Object.entries(CHART_WIDTH))('renderAdoptionChart on the record to 2025, %s', ([layout, width]) => {
  const svg = parseSvg(renderAdoptionChart(full, { width }));
  const x = axisFromTicks(texts(svg, 'days-tick-label').map((tick) => ({ text: tick.text, at: tick.x })));
  const bars = markElements(svg, 'adoption-bar', 'rect').map(rectBox).sort((a, b) => a.y - b.y);
  const rules = markElements(svg, 'threshold--derived', 'line').map(lineEnds).sort((a, b) => a.y1 - b.y1);

  test('the 2013/14 bar meets a 537 threshold and the January 2017 bar a 426 one, each across its own bar only', () => {
    expect(rules).toHaveLength(2);
    expect(rules[0].x1).toBeCloseTo(x(537), 0);
    expect(rules[1].x1).toBeCloseTo(x(426), 0);
    for (const [index, rule] of rules.entries()) {
      expect(rule.y1).toBeLessThan(bars[index].y);
      expect(rule.y2).toBeGreaterThan(bars[index].y + bars[index].height);
      if (bars[index + 1]) expect(rule.y2).toBeLessThan(bars[index + 1].y);
    }
  });

  test('the bars end at 740 and 514', () => {
    expect(bars[0].x + bars[0].width).toBeCloseTo(x(740), 0);
    expect(bars[1].x + bars[1].width).toBeCloseTo(x(514) - 1, 0);
  });

  test('the gaps are the sources’: 203 and 88 days over, and the thresholds say they are derived', () => {
    expect(texts(svg, 'threshold-gap-label').sort((a, b) => a.y - b.y).map((line) => line.text)).toEqual(['203 days over', '88 days over']);
    expect(texts(svg, 'threshold-label').map((line) => line.text)).toEqual(['threshold 537, derived', 'threshold 426, derived']);
    expect(texts(svg, 'bar-sources').map((line) => line.text)).toEqual(['2 sources']);
  });

  test('matches its snapshot', async () => {
    await expectSvgSnapshot(`adoption-${layout}`, renderAdoptionChart(full, { width }));
  });
});
