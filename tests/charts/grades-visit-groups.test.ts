import { describe, expect, test } from 'vitest';
import { SCREEN_DRAWINGS } from '../../src/charts/drawing-widths.ts';
import { renderGradesChart, shapeGradesChart } from '../../src/charts/grades-chart.ts';
import { VISITS_DRAWN } from '../../src/charts/grades-visit-groups.ts';
import { markRowsFile } from '../../src/charts/mark-data.ts';
import { markRowList } from '../../src/charts/interactive/mark-text.ts';
import { markElements, parseSvg, recordSiteData, stressSiteData, texts, translation } from './support.ts';

// The grades chart's drawings stay their size as documents are added: past
// VISITS_DRAWN visits that give no grade, each kind's visits are one marker
// a period with their count (grades-visit-groups.ts); below, a marker each,
// as the frozen records' snapshots hold.
const [seed, full, smaller, larger] = await Promise.all([recordSiteData('seed-era'), recordSiteData('to-2025'), stressSiteData({ documents: 500 }), stressSiteData({ documents: 2000 })]).then((records) => records.map(shapeGradesChart));
const bytes = (spec: ReturnType<typeof shapeGradesChart>, width: number) => Buffer.byteLength(renderGradesChart(spec, { width }));
const visitRows = (spec: ReturnType<typeof shapeGradesChart>) => spec.rows.filter((row) => row.value === 'Not graded');

describe('the grades chart’s visits as the record grows', () => {
  test('the stress records are past the threshold, about four times over from +500 to +2,000', () => {
    expect(smaller.ungraded.length).toBeGreaterThan(VISITS_DRAWN);
    expect(visitRows(larger).length).toBeGreaterThan(3.5 * visitRows(smaller).length);
  });

  test.for(SCREEN_DRAWINGS.map((drawing) => drawing.width))('at %i units a drawing of four times the documents is within 1.25 times the bytes', (width) => {
    expect(bytes(larger, width)).toBeLessThan(1.25 * bytes(smaller, width));
  });

  test('every visit is in exactly one marker, of its own kind and period; at most one marker per kind and period', () => {
    const { period, groups } = larger.visitGroups!;
    const members = groups.flatMap((group) => group.members);
    expect(members.toSorted()).toEqual(larger.ungraded.map((visit) => visit.id).toSorted());
    for (const group of groups) {
      expect(group.to - group.from).toBeLessThanOrEqual(period);
      for (const id of group.members) {
        const visit = larger.ungraded.find((candidate) => candidate.id === id)!;
        expect([visit.kind, Number(visit.date.slice(0, 4)) >= group.from && Number(visit.date.slice(0, 4)) < group.to]).toEqual([group.kind, true]);
      }
    }
    expect(new Set(groups.map((group) => `${group.kind}|${group.from}`)).size).toBe(groups.length);
    const kinds = new Set(larger.ungraded.map((visit) => visit.kind)).size;
    expect(groups.length).toBeLessThanOrEqual(kinds * Math.ceil((larger.years[1] - larger.years[0] + 1) / period));
  });

  test('each visit’s rows name its marker; a marker of many rows is a group of the marks file, listing them all', () => {
    const file = markRowsFile(larger.rows, () => 'charts/grades/');
    for (const group of larger.visitGroups!.groups) {
      const rows = larger.rows.flatMap((row, index) => (row.mark === group.id ? [index + 1] : []));
      expect(rows.length).toBeGreaterThanOrEqual(group.members.length);
      const svg = parseSvg(renderGradesChart(larger, { width: 392 }));
      const marker = [...svg.querySelectorAll('g.ungraded-visit > [data-rows]')].find((element) => markRowList({ rows: element.getAttribute('data-rows')!, group: element.getAttribute('data-group') ?? undefined }, file).includes(rows[0]))!;
      expect(markRowList({ rows: marker.getAttribute('data-rows')!, group: marker.getAttribute('data-group') ?? undefined }, file)).toEqual(rows);
    }
  });

  // (The stress record's alt text is full before it reaches the visits: ALT_LIMIT drops that sentence, gathered or not.)
  test('the words count every visit: each kind’s line and the counts beneath the markers; a note says they are gathered', () => {
    expect(larger.notes.join(' ')).toMatch(new RegExp(`With more than ${VISITS_DRAWN} visits that give no grade, each kind's visits are gathered`));
    for (const width of SCREEN_DRAWINGS.map((drawing) => drawing.width)) {
      const panel = parseSvg(renderGradesChart(larger, { width })).querySelector('g.panel-ungraded')!;
      const counts = texts(panel, 'ungraded-count').map((line) => Number(line.text));
      expect(counts).toHaveLength(larger.visitGroups!.groups.length);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(larger.ungraded.length);
      const monitoring = larger.ungraded.filter((visit) => visit.kind === 'monitoring-visit').length;
      expect(texts(panel, 'ungraded-label').map((line) => line.text).join(' ')).toMatch(new RegExp(`^${monitoring} monitoring visits, counted (by year|every \\d+ years)`));
    }
  });

  test('at the narrowest drawing, markers of one kind stand apart', () => {
    const panel = parseSvg(renderGradesChart(larger, { width: SCREEN_DRAWINGS[0].width })).querySelector('g.panel-ungraded')!;
    const centres = markElements(panel, 'ungraded-visit').map(translation);
    const byRow = Map.groupBy(centres, ([, y]) => y);
    for (const row of byRow.values()) {
      const xs = row.map(([x]) => x).sort((a, b) => a - b);
      for (let index = 1; index < xs.length; index += 1) expect(xs[index] - xs[index - 1]).toBeGreaterThanOrEqual(12);
    }
  });

  test.for([
    ['seed-era', seed],
    ['to-2025', full],
  ] as const)('the %s record draws a marker per visit, as before', ([, spec]) => {
    expect(spec.visitGroups).toBeUndefined();
    const svg = parseSvg(renderGradesChart(spec, { width: 772 }));
    expect(markElements(svg.querySelector('g.panel-ungraded')!, 'ungraded-visit')).toHaveLength(spec.ungraded.length);
    expect(svg.querySelectorAll('.ungraded-count, [data-group]')).toHaveLength(0);
    expect(visitRows(spec).every((row) => spec.ungraded.some((visit) => visit.id === row.mark))).toBe(true);
  });
});
