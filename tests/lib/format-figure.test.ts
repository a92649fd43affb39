import { describe, expect, test } from 'vitest';
import { describeStatistic, figureEvidence, formatFigureValue } from '../../src/lib/format-figure.ts';

describe('describeStatistic', () => {
  test('only a mean is an average', () => {
    expect(describeStatistic({ statistic: 'mean' })).toBe('average');
    for (const statistic of ['max', 'lower-bound', 'cap', 'median'] as const) expect(describeStatistic({ statistic })).not.toMatch(/average/);
  });

  test('says nothing when the source does not say what the number is', () => {
    expect(describeStatistic({})).toBeUndefined();
  });
});

describe('figureEvidence', () => {
  test('a figure from a sentence shows the sentence', () => {
    expect(figureEvidence({ quote: 'an average caseload of 20' })).toEqual({ kind: 'quote', text: 'an average caseload of 20' });
  });

  test('a figure from a table shows the cell, not the raw CSV row', () => {
    const evidence = figureEvidence({ quote: '2014,Reporting year,…,5155', table: 'cin.csv', tableRow: 'time_period=2014; la_name=Manchester', tableColumn: 'At31_episodes', published: '5155' });
    expect(evidence.kind).toBe('cell');
    expect(evidence.text).toContain('column At31_episodes: 5155');
    expect(evidence.text).not.toContain('Reporting year');
  });
});

describe('formatFigureValue', () => {
  test('a bound, a maximum and a cap keep the words that make them one: over 40 is not 40', () => {
    const number = (value: number, statistic?: 'lower-bound' | 'max' | 'cap' | 'mean') => formatFigureValue({ valueKind: 'number', value, unit: 'cases', ...(statistic ? { statistic } : {}) });
    expect(number(40, 'lower-bound')).toBe('over 40 cases');
    expect(number(50, 'max')).toBe('up to 50 cases');
    expect(number(15, 'cap')).toBe('capped at 15 cases');
    expect(number(20, 'mean')).toBe('20 cases');
    expect(number(20)).toBe('20 cases');
  });
});
