import { describe, expect, test } from 'vitest';
import { abbreviateGrade, fitGrade } from '../../src/charts/grade-words.ts';
import { estimateTextWidth } from '../../src/charts/text-layout.ts';

describe('abbreviateGrade', () => {
  test.for([
    ['Inadequate', 'Inad.'],
    ['Outstanding', 'Outs.'],
    ['Good', 'Good'],
    ['Requires improvement to be good', 'RI'],
    ["Urgent improvement: children's welfare is not safeguarded", 'UI'],
  ])('%s → %s', ([grade, short]) => {
    expect(abbreviateGrade(grade)).toBe(short);
  });
});

describe('fitGrade', () => {
  test('whole words when they fit, then the framework’s shorter wording, then the abbreviation', () => {
    const whole = estimateTextWidth('Requires improvement to be good', 13);
    const alias = estimateTextWidth('Requires improvement', 13);
    expect(fitGrade('Requires improvement to be good', { aliases: ['Requires improvement'], width: whole + 1, size: 13 })).toEqual({ lines: ['Requires improvement to be good'], abbreviated: false });
    expect(fitGrade('Requires improvement to be good', { aliases: ['Requires improvement'], width: alias + 1, size: 13 })).toEqual({ lines: ['Requires improvement'], abbreviated: false });
    expect(fitGrade('Requires improvement to be good', { aliases: ['Requires improvement'], width: 30, size: 13 })).toEqual({ lines: ['RI'], abbreviated: true });
    expect(fitGrade('Requires improvement to be good', { width: 5, size: 13 })).toBeUndefined();
  });

  test('wraps within the lines allowed, never a line wider than the space', () => {
    const fitted = fitGrade('Requires improvement to be good', { width: 140, size: 13, maxLines: 3 })!;
    expect(fitted.lines.length).toBeGreaterThan(1);
    for (const line of fitted.lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(140);
  });
});
