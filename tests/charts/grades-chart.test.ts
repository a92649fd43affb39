import { describe, expect, test } from 'vitest';
import { renderGradesChart, shapeGradesChart } from '../../src/charts/grades-chart.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { shapeTimelineChart } from '../../src/charts/timeline-chart.ts';
import { expectSvgSnapshot, lineEnds, markElements, parseSvg, recordSiteData, stressSiteData, texts } from './support.ts';

const seed = shapeGradesChart(await recordSiteData('seed-era'));
const full = shapeGradesChart(await recordSiteData('to-2025'));
const stressData = await stressSiteData();
const stress = shapeGradesChart(stressData);
const cell = (spec: typeof full, year: string, topic: string) => {
  const column = spec.areas.columns.find((candidate) => candidate.year === year)!;
  return spec.areas.cells.find((candidate) => candidate.event === column.event && candidate.topic === topic);
};

describe('shapeGradesChart on the record to 2025', () => {
  test('overall effectiveness: adequate 2010, inadequate 2014, requires improvement 2017, good 2022, outstanding 2025, each on its framework', () => {
    const byEvent = [...new Map(full.overall.map((judgement) => [judgement.event, judgement])).values()];
    expect(byEvent.map(({ grade, position, framework, dates }) => [dates[0].date.slice(0, 4), grade, position, framework])).toEqual([
      ['2010', 'Adequate', 3, 'slac-2009'],
      ['2014', 'Inadequate', 4, 'sif-2013'],
      ['2017', 'Requires improvement', 3, 'sif-2013'],
      ['2022', 'Good', 2, 'ilacs-2018'],
      ['2025', 'Outstanding', 1, 'ilacs-2018'],
    ]);
  });

  test('each framework’s band runs until the next framework, and the last to the axis end, not two years', () => {
    expect(full.regions.map(({ framework, from, to }) => [framework, from, to])).toEqual([
      ['slac-2009', 2009, 2013],
      ['sif-2013', 2013, 2018],
      ['ilacs-2018', 2018, 2026],
    ]);
  });

  test('the headline says the finding in words, not “then 3 more”', () => {
    expect(full.title).toBe('Adequate in 2010, inadequate in 2014, outstanding in 2025: better at every inspection since 2014');
    expect(full.title).not.toMatch(/more, to/);
  });

  test('the area-by-area record: 2025 outstanding, with five rows, care leavers apart from children in care', () => {
    // 2025 report: "The experiences and progress of children in care Outstanding" … "Overall effectiveness Outstanding".
    const topics = ['overall', 'help-and-protection', 'children-in-care', 'care-leavers', 'leadership'];
    expect(topics.map((topic) => cell(full, '2025', topic)?.grades.map((grade) => grade.grade))).toEqual([['Outstanding'], ['Good'], ['Outstanding'], ['Outstanding'], ['Outstanding']]);
    expect(cell(full, '2025', 'children-in-care')!.judgedWith).toEqual([]);
    expect(cell(full, '2025', 'adoption')).toBeUndefined();
  });

  test('2022’s one judgement of children in care and care leavers is on both rows, said to be judged together', () => {
    // 2022 report: "The experiences and progress of children in care and care leavers Good".
    expect(cell(full, '2022', 'children-in-care')).toMatchObject({ judgedWith: ['care-leavers'], grades: [{ grade: 'Good', row: '2022-03-ilacs-inspection/children-in-care-and-care-leavers' }] });
    expect(cell(full, '2022', 'care-leavers')).toMatchObject({ judgedWith: ['children-in-care'], grades: [{ grade: 'Good' }] });
    expect(full.notes.join(' ')).toMatch(/In 2022, children in care and care leavers were judged together, as one judgement/);
  });

  test('topics line up across frameworks: 2014’s safeguarding board and adoption, 2010’s two headline judgements in the overall row', () => {
    expect(full.areas.topics.map((topic) => topic.id)).toEqual(['overall', 'help-and-protection', 'children-in-care', 'adoption', 'care-leavers', 'leadership', 'lscb']);
    expect(cell(full, '2014', 'lscb')!.grades[0].grade).toBe('Inadequate');
    expect(cell(full, '2017', 'adoption')!.grades[0].grade).toBe('Good');
    expect(cell(full, '2010', 'overall')).toMatchObject({ fromHeadlines: true });
    expect(cell(full, '2010', 'overall')!.grades).toHaveLength(2);
  });

  test('the 2010 report’s 33 judgements stay in the table, not on the chart', () => {
    const rows2010 = full.rows.filter((row) => row.label.startsWith('November 2010 inspection') || (row.label.startsWith('Overall effectiveness') && row.when.includes('2010')));
    expect(rows2010).toHaveLength(33);
    expect(full.areas.topics).toHaveLength(7);
  });
});

describe('shapeGradesChart on the seed-era record', () => {
  test('a framework in force with no graded inspection in the documents is said to be so', () => {
    expect(seed.regions.at(-1)).toMatchObject({ framework: 'ilacs-2018', inspections: 0 });
    expect(seed.notes.join(' ')).toMatch(/ILACS \(2018\) from 2018; the documents we hold report no graded inspection under it/);
  });

  test('the path joins only judgements within one framework', () => {
    for (const segment of seed.path) expect(seed.overall[segment.from].framework).toBe(seed.overall[segment.to].framework);
    expect(seed.path.some((segment) => seed.overall[segment.from].framework === 'slac-2009')).toBe(false);
  });
});

describe('shapeGradesChart on the stress record: inspections with no overall grade', () => {
  test('are graded: drawn on a row of their own, said to have no overall grade, never left out', () => {
    expect(stress.noOverall.map((event) => event.date.slice(0, 4))).toEqual(['2026', '2027', '2028', '2030']);
    expect(stress.regions.at(-1)).toMatchObject({ framework: 'reformed-2026', inspections: 4 });
    expect(stress.title).toMatch(/since 2026, graded area by area with no overall grade/);
    expect(stress.notes.join(' ')).not.toMatch(/report no graded inspection under it/);
    expect(cell(stress, '2030', 'overall')).toMatchObject({ noOverallGrade: true, grades: [] });
    expect(stress.rows.filter((row) => row.value === 'No overall grade (areas graded)').length).toBeGreaterThanOrEqual(4);
  });

  test('the timeline does not call them “Not graded”', () => {
    const timeline = shapeTimelineChart(stressData);
    const reformed = timeline.events.filter((event) => event.id.startsWith('stress-inspection-00') && Number(event.id.slice(-1)) >= 4);
    expect(reformed).toHaveLength(4);
    for (const event of reformed) expect(event).toMatchObject({ notGraded: false, gradedWithoutOverall: true });
    const rows = timeline.rows.filter((row) => reformed.some((event) => row.label.includes(event.title)));
    expect(rows.map((row) => row.value)).not.toContain('Not graded');
  });

  test('the five-point scale with long grade words gets five rows', () => {
    expect(stress.regions.at(-1)!.scale).toHaveLength(5);
    const svg = parseSvg(renderGradesChart(stress, { width: CHART_WIDTH.narrow }));
    expect(markElements(svg.querySelector('g.panel-overall')!, 'no-overall-grade')).toHaveLength(4);
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

describe.for(Object.entries(CHART_WIDTH))('renderGradesChart on the record to 2025, %s', ([layout, width]) => {
  const svg = parseSvg(renderGradesChart(full, { width }));
  const overall = svg.querySelector('g.panel-overall')!;
  const breaks = markElements(overall, 'framework-break', 'line').map(lineEnds);

  test('two changes of framework, each a visible break, and no path crossing one: 2014 → 2017 and 2022 → 2025 only', () => {
    expect(breaks).toHaveLength(2);
    const drawn = markElements(overall, 'grade-path', 'path');
    expect(drawn).toHaveLength(2);
    const crossing = drawn.filter((element) => {
      const [min, max] = xExtent(element);
      return breaks.some((rule) => min < rule.x1 - 0.5 && max > rule.x1 + 0.5);
    });
    expect(crossing).toEqual([]);
  });

  test('the check would catch a path from 2010 to 2014', () => {
    const tampered = parseSvg(renderGradesChart({ ...full, path: [{ from: 0, to: 1, framework: 'slac-2009' }] }, { width }));
    const [arrow] = markElements(tampered.querySelector('g.panel-overall')!, 'grade-path', 'path');
    const [min, max] = xExtent(arrow);
    expect(min < breaks[0].x1 && max > breaks[0].x1).toBe(true);
  });

  test('the 2022 and 2025 dots sit inside the ILACS band, between its last break and the axis end', () => {
    const dots = markElements(overall, 'overall-grade').map((dot) => Number(dot.getAttribute('cx') ?? dot.getAttribute('transform')?.match(/translate\(([\d.]+)/)?.[1]));
    const ilacs = dots.slice(-2);
    for (const x of ilacs) expect(x).toBeGreaterThan(breaks[1].x1);
    const gridlines = markElements(overall, 'scale-gridline', 'line').map(lineEnds);
    const ilacsRight = Math.max(...gridlines.map((line) => Math.max(line.x1, line.x2)));
    for (const x of ilacs) expect(x).toBeLessThan(ilacsRight);
  });

  test('each scale is in the key in full words, numbered as its band', () => {
    const key = texts(svg.querySelector('g.panel-scale-key')!, 'scale-key').map((line) => line.text).join(' ');
    expect(key).toMatch(/1\. Safeguarding & looked after \(2009\).*Adequate/);
    expect(key).toMatch(/3\. ILACS \(2018\), 2018–2025: Outstanding · Good · Requires improvement to be good/);
  });

  test('the area record writes every grade in words, and brackets the joint judgement', () => {
    const areas = svg.querySelector('g.panel-areas')!;
    const words = texts(areas, 'area-grade').map((line) => line.text);
    expect(words.filter((word) => /^Out/.test(word))).toHaveLength(4);
    expect(markElements(areas, 'joint-judgement', 'line')).toHaveLength(1);
    expect(markElements(areas, 'area-cell', 'rect').length).toBeGreaterThanOrEqual(20);
  });

  test('matches its snapshot', async () => {
    await expectSvgSnapshot(`grades-${layout}`, renderGradesChart(full, { width }));
  });
});
