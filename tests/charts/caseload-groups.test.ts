import { describe, expect, test } from 'vitest';
import { renderCaseloadChart, shapeCaseloadChart } from '../../src/charts/caseload-chart.ts';
import { MARKS_DRAWN, STATEMENTS_DRAWN } from '../../src/charts/caseload-groups.ts';
import { SCREEN_DRAWINGS } from '../../src/charts/drawing-widths.ts';
import { parseSvg, recordSiteData, stressSiteData } from './support.ts';

// The caseload chart's drawings stay their size as documents are added: past
// MARKS_DRAWN reported numbers and STATEMENTS_DRAWN statements, marks are
// gathered (caseload-groups.ts); below, each is drawn alone, as before.
const [full, smaller, larger] = await Promise.all([recordSiteData('to-2025'), stressSiteData({ documents: 500 }), stressSiteData({ documents: 2000 })]).then((records) => records.map(shapeCaseloadChart));
const bytes = (spec: ReturnType<typeof shapeCaseloadChart>, width: number) => Buffer.byteLength(renderCaseloadChart(spec, { width }));
const reported = (spec: ReturnType<typeof shapeCaseloadChart>) => spec.rows.filter((row) => row.key !== undefined).length;

describe('the caseload chart as the record grows', () => {
  test('the stress records are past both thresholds, four times over from +500 to +2,000', () => {
    expect(reported(smaller)).toBeGreaterThan(MARKS_DRAWN);
    expect(smaller.statements.length).toBeGreaterThan(STATEMENTS_DRAWN);
    expect(larger.rows.length).toBeGreaterThan(3.5 * smaller.rows.length);
  });

  test.for(SCREEN_DRAWINGS.map((drawing) => drawing.width))('at %i units a drawing of four times the documents is within 1.25 times the bytes', (width) => {
    expect(bytes(larger, width)).toBeLessThan(1.25 * bytes(smaller, width));
  });

  test('no more marks than MARKS_DRAWN, or one per kind and year when even that is more; a bar a year off the scale', () => {
    const years = larger.years[1] - larger.years[0] + 1;
    expect(larger.marks.length).toBeLessThanOrEqual(Math.max(MARKS_DRAWN, 7 * years));
    expect(larger.statementYears!.length).toBeLessThanOrEqual(years);
    expect(larger.statementYears!.reduce((sum, year) => sum + year.count, 0)).toBe(larger.statements.length);
    const svg = parseSvg(renderCaseloadChart(larger, { width: 772 }));
    expect(svg.querySelectorAll('.caseload-statement--year > rect')).toHaveLength(larger.statementYears!.length);
    expect(svg.querySelector('g.statements-heading')?.textContent).toMatch(new RegExp(`${larger.statements.length} statements.*a bar a year`));
  });

  test('a gathered mark counts its figures, spans their values, and is called an average only if every one is a mean', () => {
    const gathered = larger.marks.filter((mark) => mark.members);
    expect(gathered.length).toBeGreaterThan(0);
    for (const mark of gathered) {
      expect(mark.words.startsWith(`${mark.members!.length} `), mark.words).toBe(true);
      expect(mark.low).toBeLessThanOrEqual(mark.value ?? mark.low!);
      expect(mark.high).toBeGreaterThanOrEqual(mark.value ?? mark.high!);
      expect(/average/.test(mark.words), mark.words).toBe(mark.statistic === 'mean');
    }
    // Every member's row names its gathered mark and carries its number, for the key beneath the chart.
    for (const mark of gathered) expect(larger.rows.filter((row) => row.mark === mark.id).map((row) => row.key)).toEqual(mark.members!.map(() => mark.key));
  });

  test('the record to 2025 is drawn one mark per figure, as before', () => {
    expect(full.marks.every((mark) => !mark.members)).toBe(true);
    expect(full.statementYears).toBeUndefined();
    expect(parseSvg(renderCaseloadChart(full, { width: 772 })).querySelectorAll('[data-group]')).toHaveLength(0);
  });
});
