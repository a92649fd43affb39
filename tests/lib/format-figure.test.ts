import { describe, expect, test } from 'vitest';
import { describeStatistic, figureEvidence } from '../../src/lib/format-figure.ts';

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
