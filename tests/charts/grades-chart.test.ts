import { describe, expect, test } from 'vitest';
import { renderGradesChart, shapeGradesChart } from '../../src/charts/grades-chart.ts';
import { shortAreaLabel } from '../../src/charts/grades-panels.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { expectSvgSnapshot, lineEnds, markElements, parseSvg, realSiteData, texts } from './support.ts';

const data = await realSiteData();
const spec = shapeGradesChart(data);

describe('shapeGradesChart', () => {
  test('overall effectiveness: adequate in 2010, inadequate in 2014, requires improvement in 2017', () => {
    expect(spec.overall.map(({ grade, position, framework, dates }) => [dates[0].date.slice(0, 4), grade, position, framework])).toEqual([
      ['2010', 'Adequate', 3, 'slac-2009'],
      ['2014', 'Inadequate', 4, 'sif-2013'],
      ['2017', 'Requires improvement', 3, 'sif-2013'],
    ]);
  });

  test('2010’s two headline judgements (safeguarding; looked after children) are one mark, both adequate', () => {
    expect(spec.overall[0].sections).toEqual(['Safeguarding services', 'Services for looked after children']);
  });

  test('the 2014 judgement keeps both dates the sources give: June (Ofsted) and September (CYP Now)', () => {
    expect(spec.overall[1].dates.map((date) => date.date)).toEqual(['2014-06', '2014-09']);
    expect(spec.overall[1].sourcesDisagree).toBe(true);
  });

  test('the path joins only judgements within one framework: 2014 → 2017, never 2010 → 2014', () => {
    expect(spec.path).toEqual([{ from: 1, to: 2, framework: 'sif-2013' }]);
    for (const segment of spec.path) expect(spec.overall[segment.from].framework).toBe(spec.overall[segment.to].framework);
  });

  test('each framework keeps its own scale: “Adequate” and “Requires improvement” are not merged', () => {
    expect(spec.regions.map(({ framework, from, to, scale }) => ({ framework, from, to, third: scale[2] }))).toEqual([
      { framework: 'slac-2009', from: 2009, to: 2013, third: 'Adequate' },
      { framework: 'sif-2013', from: 2013, to: 2018, third: 'Requires improvement' },
    ]);
  });

  test('visits that give no grade are there, as ungraded', () => {
    expect(spec.ungraded.map((visit) => visit.kind)).toEqual([
      'unannounced-inspection',
      'monitoring-visit',
      'monitoring-visit',
      'monitoring-visit',
      'monitoring-visit',
      'focused-visit',
      'focused-visit',
    ]);
    expect(spec.rows.filter((row) => row.value === 'Not graded').length).toBeGreaterThanOrEqual(7);
  });

  test('the 2010 inspection’s 33 area judgements, from the report’s “Record of main findings”', () => {
    const [matrix] = spec.matrices;
    const graded = matrix.areas.filter((area) => !area.heading);
    expect(graded).toHaveLength(33);
    expect(graded.find((area) => area.id.endsWith('safeguarding.partnerships'))?.grade).toBe('Outstanding');
    expect(graded.find((area) => area.id.endsWith('safeguarding.case-planning-review-and-recording'))?.grade).toBe('Inadequate');
    expect(spec.alt).toContain('1 outstanding, 17 good, 14 adequate, 1 inadequate');
    expect(spec.alt.length).toBeLessThanOrEqual(300);
  });

  test('rows quote the sources for every judgement', () => {
    const judged = spec.rows.filter((row) => row.value !== 'Not graded');
    for (const row of judged) expect(row.quote).toBeTruthy();
  });
});

describe('shortAreaLabel', () => {
  test('drops a gloss after a colon or “, including”', () => {
    expect(shortAreaLabel('Children and young people are safe: effectiveness of services in taking reasonable steps')).toBe('Children and young people are safe');
    expect(shortAreaLabel('Evaluation, including performance management, quality assurance and workforce development')).toBe('Evaluation');
  });
});

/** Every x a <line> or <path> reaches, from its attributes. */
function xExtent(element: Element): [number, number] {
  if (element.tagName.toLowerCase() === 'line') {
    const { x1, x2 } = lineEnds(element);
    return [Math.min(x1, x2), Math.max(x1, x2)];
  }
  const xs = [...(element.getAttribute('d') ?? '').matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((match) => Number(match[1]));
  return [Math.min(...xs), Math.max(...xs)];
}

describe.for(Object.entries(CHART_WIDTH))('renderGradesChart, %s', ([layout, width]) => {
  const svg = parseSvg(renderGradesChart(spec, { width }));
  const overall = svg.querySelector('g.panel-overall')!;
  const [breakLine] = markElements(overall, 'framework-break', 'line').map(lineEnds);

  test('the change of framework is a visible break', () => {
    expect(markElements(overall, 'framework-break', 'line')).toHaveLength(1);
    expect(texts(overall, 'framework-break-label').map((label) => label.text)).toEqual(['New framework, new scale']);
  });

  test('no line or path crosses the framework break', () => {
    const drawn = [...overall.querySelectorAll('line, path')].filter((element) => !element.parentElement?.classList.contains('framework-break'));
    expect(drawn.length).toBeGreaterThan(10);
    const crossing = drawn.filter((element) => {
      const [min, max] = xExtent(element);
      return min < breakLine.x1 - 0.5 && max > breakLine.x1 + 0.5;
    });
    expect(crossing.map((element) => element.outerHTML)).toEqual([]);
  });

  test('the check would catch a line from 2010 to 2014', () => {
    const tampered = parseSvg(renderGradesChart({ ...spec, path: [{ from: 0, to: 1, framework: 'slac-2009' }] }, { width }));
    const [arrow] = markElements(tampered.querySelector('g.panel-overall')!, 'grade-path', 'path');
    const [min, max] = xExtent(arrow);
    expect(min < breakLine.x1 && max > breakLine.x1).toBe(true);
  });

  test('the path is one arrow, 2014 → 2017, wholly after the break', () => {
    const arrows = markElements(overall, 'grade-path', 'path');
    expect(arrows).toHaveLength(1);
    expect(xExtent(arrows[0])[0]).toBeGreaterThan(breakLine.x1);
  });

  test('both scales are labelled in their own words', () => {
    const labels = texts(overall, 'scale-label').map((label) => label.text).join(' ');
    expect(labels).toContain('Adequate');
    expect(labels.replace(/\s+/g, ' ')).toContain('Requires improvement');
    expect(labels).not.toMatch(/Adequate ?\/|\/ ?Requires/);
  });

  test('the overall grades are drawn: one dot per date, hollow where known only from later documents', () => {
    const dots = markElements(overall, 'overall-grade');
    expect(dots).toHaveLength(4);
    const hollow = dots.filter((dot) => dot.getAttribute('fill')?.includes('--bg'));
    expect(hollow).toHaveLength(3);
  });

  test('ungraded visits appear, as ungraded', () => {
    expect(markElements(svg, 'ungraded-visit')).toHaveLength(spec.ungraded.length);
    expect(texts(svg.querySelector('g.panel-ungraded')!, 'panel-heading').map((line) => line.text).join(' ')).toBe('Inspections and visits that give no grade');
  });

  test('matches its snapshot', async () => {
    await expectSvgSnapshot(`grades-${layout}`, renderGradesChart(spec, { width }));
  });
});
