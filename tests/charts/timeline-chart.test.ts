import { describe, expect, test } from 'vitest';
import { svgSize } from '../../src/publish/standalone-svg.ts';
import { CHART_WIDTH } from '../../src/charts/theme.ts';
import { groupLabels, renderTimelineChart, shapeTimelineChart } from '../../src/charts/timeline-chart.ts';
import { fitsDetailed } from '../../src/charts/timeline-detailed.ts';
import { dotCentre, expectSvgSnapshot, lineEnds, markElements, parseSvg, recordSiteData, stressSiteData, texts } from './support.ts';

// The seed-era record: every event labelled beside the spine.
const data = await recordSiteData('seed-era');
const spec = shapeTimelineChart(data);
const full = shapeTimelineChart(await recordSiteData('to-2025'));
const stress = shapeTimelineChart(await stressSiteData());
const event = (id: string) => spec.events.find((candidate) => candidate.id === id)!;

describe('shapeTimelineChart', () => {
  test('every event in the data, in date order', () => {
    expect(spec.events.map((candidate) => candidate.id)).toEqual(data.timeline.map((candidate) => candidate.id));
    expect(spec.years).toEqual([2009, 2019]);
  });

  test('the 2014 inspection sits at both dates the sources give, and says they disagree', () => {
    // Ofsted, 2017: "…since the local authority was judged inadequate in June 2014."
    // CYP Now, 2018: "Provision had been rated as "inadequate" in September 2014…"
    const inspection = event('2014-sif-inspection');
    expect(inspection.positions.map((position) => [position.date, position.documents])).toEqual([
      ['2014-06', ['2017-06-13-ofsted-monitoring-visit-adoption']],
      ['2014-09', ['2018-10-11-cypn-focused-visit-article']],
    ]);
    expect(inspection.sourcesDisagree).toBe(true);
    expect(inspection.dateLabel).toBe('June or September 2014');
  });

  test('graded events carry their grade; visits say they are not graded', () => {
    expect(event('2010-11-slac-inspection')).toMatchObject({ outcome: 'Adequate', outcomePosition: 3 });
    expect(event('2014-sif-inspection')).toMatchObject({ outcome: 'Inadequate', outcomePosition: 4 });
    expect(event('2017-sif-reinspection')).toMatchObject({ outcome: 'Requires improvement', outcomePosition: 3 });
    expect(event('2016-09-monitoring-visit').notGraded).toBe(true);
    expect(event('2009-02-adoption-service-inspection')).toMatchObject({ outcome: 'Adequate' });
    expect(event('2009-02-adoption-service-inspection').outcomePosition).toBeUndefined();
  });

  test('events known only from a later document are flagged', () => {
    expect(spec.events.filter((candidate) => candidate.knownFromMentionsOnly).map((candidate) => candidate.id)).toEqual(
      data.timeline.filter((candidate) => candidate.knownFromMentionsOnly).map((candidate) => candidate.id),
    );
  });

  test('one row per event and source, with the quote where a later document reports it', () => {
    expect(spec.rows).toHaveLength(data.timeline.reduce((total, candidate) => total + candidate.citations.length, 0));
    const reports = spec.rows.filter((row) => row.qualifiers.includes('reported by a later document'));
    for (const row of reports) expect(row.quote).toBeTruthy();
    expect(spec.rows.filter((row) => row.label.includes('Inspection of children') && row.when === 'June 2014')).toHaveLength(1);
    expect(spec.rows.filter((row) => row.label.includes('Inspection of children') && row.when === 'September 2014')).toHaveLength(1);
  });

  test('the title and alt text state the finding', () => {
    expect(spec.title).toBe('Adequate in 2010, inadequate in 2014, requires improvement in 2017: the record in 14 events');
    expect(spec.alt.length).toBeLessThanOrEqual(300);
  });
});

describe('groupLabels', () => {
  test('four monitoring visits within a year share a label; every other event has its own', () => {
    const groups = groupLabels(spec.events);
    const shared = groups.filter((group) => group.events.length > 1);
    expect(shared.map((group) => [group.title, group.dateLabel])).toEqual([['Four monitoring visits', 'September 2016 to June 2017']]);
    expect(groups.reduce((total, group) => total + group.events.length, 0)).toBe(spec.events.length);
  });
});

describe.for(Object.entries(CHART_WIDTH))('renderTimelineChart, %s', ([layout, width]) => {
  const svg = parseSvg(renderTimelineChart(spec, { width }));
  const markers = markElements(svg, 'event-marker');

  test('one marker per date a source gives: 14 events, the 2014 one twice', () => {
    expect(markers).toHaveLength(15);
  });

  test('markers known only from later documents are hollow, the rest solid', () => {
    const hollow = markers.filter((marker) => marker.getAttribute('fill')?.includes('--bg'));
    const positions = spec.events.filter((candidate) => candidate.knownFromMentionsOnly).reduce((total, candidate) => total + candidate.positions.length, 0);
    expect(hollow).toHaveLength(positions);
  });

  test('graded outcomes are coloured and written: Adequate, Inadequate, Requires improvement', () => {
    const grades = texts(svg, 'label-grade').map((line) => line.text).join(' | ');
    for (const grade of ['Adequate', 'Inadequate', 'Requires improvement']) expect(grades).toContain(grade);
    const inadequate = markers.filter((marker) => marker.getAttribute('stroke')?.includes('--grade-4'));
    expect(inadequate).toHaveLength(2);
  });

  test('the two 2014 dates are joined, and labelled “sources disagree”', () => {
    const joins = markElements(svg, 'date-conflict', 'line').map(lineEnds);
    expect(joins).toHaveLength(1);
    const inadequate = markers.filter((marker) => marker.getAttribute('stroke')?.includes('--grade-4')).map((marker) => dotCentre(marker)[1]);
    expect([joins[0].y1, joins[0].y2]).toEqual(inadequate);
    expect(texts(svg, 'label-date').map((line) => line.text).join(' ')).toMatch(/June or September 2014: ?sources disagree/);
  });

  test('labels do not overlap', () => {
    const ys = [...svg.querySelectorAll('g.label-date text, g.label-title text, g.label-grade text, g.label-muted text')].map((text) => Number(/translate\([^,]+,([-\d.]+)\)/.exec(text.getAttribute('transform')!)![1])).sort((a, b) => a - b);
    for (let index = 1; index < ys.length; index += 1) expect(ys[index] - ys[index - 1]).toBeGreaterThanOrEqual(12);
  });

  test('matches its snapshot', async () => {
    await expectSvgSnapshot(`timeline-${layout}`, renderTimelineChart(spec, { width }));
  });
});

describe('the timeline of the record to 2025', () => {
  test('still labels every event, and its headline names the first, lowest and latest verdicts', () => {
    expect(full.title).toBe('Adequate in 2010, inadequate in 2014, outstanding in 2025: the record in 17 events');
    for (const width of Object.values(CHART_WIDTH)) expect(fitsDetailed(full, width)).toBe(true);
    const grades = texts(parseSvg(renderTimelineChart(full, { width: CHART_WIDTH.wide })), 'label-grade').map((line) => line.text);
    expect(grades).toEqual(expect.arrayContaining(['Good', 'Outstanding', 'Inadequate']));
  });
});

describe('the timeline of the stress record (hundreds of documents)', () => {
  test.for(Object.entries(CHART_WIDTH))('%s: year by year, no taller than a readable page, every year shown', ([, width]) => {
    expect(stress.events.length).toBeGreaterThan(400);
    expect(fitsDetailed(stress, width)).toBe(false);
    const drawn = renderTimelineChart(stress, { width });
    expect(svgSize(drawn).height).toBeLessThanOrEqual(2000);
    const svg = parseSvg(drawn);
    const years = texts(svg, 'year-label').map((line) => Number(line.text));
    expect(years).toEqual(Array.from({ length: stress.years[1] - stress.years[0] + 1 }, (_, index) => stress.years[0] + index));
  });

  test('graded inspections keep their markers and names; the rest are counted', () => {
    const svg = parseSvg(renderTimelineChart(stress, { width: CHART_WIDTH.wide }));
    const dates = texts(svg, 'label-date').map((line) => line.text).join(' ');
    for (const event of stress.events.filter((candidate) => candidate.outcomePosition !== undefined || candidate.gradedWithoutOverall)) {
      expect(dates).toContain(event.positions[0].date.slice(0, 4));
    }
    expect(texts(svg, 'label-muted').map((line) => line.text).join(' ')).toMatch(/council reports/);
    expect(texts(svg, 'label-muted').map((line) => line.text)).toContain('Areas graded, no overall grade');
    expect(stress.notes.join(' ')).toMatch(/too long to label every event/);
  });
});
