import { describe, expect, test } from 'vitest';
import { boundedSource, MAX_SOURCE_LINES } from '../../src/publish/chart-card.ts';
import { wrapText } from '../../src/charts/text-layout.ts';

describe('boundedSource', () => {
  const tail = 'chart: Judged, https://judged.example/charts/timeline/ (data version 1)';
  const many = `Source: ${Array.from({ length: 300 }, (_, index) => `Council, Report number ${index + 1}, 1 March 2020`).join('; ')}; ${tail}`;

  test('leaves a citation that fits as it is', () => {
    const few = `Source: Ofsted, Inspection, 1 September 2014; ${tail}`;
    expect(boundedSource(few, 700)).toBe(few);
  });

  test('shortens hundreds of sources to those that fit and a count, keeping the chart and its address', () => {
    const bounded = boundedSource(many, 700);
    expect(wrapText(bounded, 700, 13).length).toBeLessThanOrEqual(MAX_SOURCE_LINES);
    expect(bounded).toMatch(/^Source: Council, Report number 1, 1 March 2020; /);
    expect(bounded).toMatch(/; and \d+ more sources, listed on the chart’s page; chart: Judged, https:\/\/judged\.example\/charts\/timeline\/ \(data version 1\)$/);
    const kept = bounded.split('; ').filter((part) => part.includes('Report number')).length;
    expect(bounded).toContain(`and ${300 - kept} more sources`);
  });
});
