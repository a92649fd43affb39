import fc from 'fast-check';
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

  test('keeps the most sources that fit: one more would not', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 60 }).map((text) => text.replace(/;|\s+/g, ' ').trim() || 'x'), { minLength: 1, maxLength: 400 }), (titles) => {
        const source = `Source: ${titles.map((title, index) => `Council, ${title} ${index}`).join('; ')}; ${tail}`;
        const bounded = boundedSource(source, 500);
        expect(wrapText(bounded, 500, 13).length).toBeLessThanOrEqual(MAX_SOURCE_LINES);
        const more = /; and (\d+) more sources/.exec(bounded);
        if (!more || bounded.startsWith('Source: ') && bounded.includes(' documents, listed')) return;
        const kept = titles.length - Number(more[1]);
        const oneMore = [`Source: ${titles.slice(0, kept + 1).map((title, index) => `Council, ${title} ${index}`).join('; ')}`, `and ${titles.length - kept - 1} more sources, listed on the chart’s page`, tail].join('; ');
        if (kept + 1 < titles.length) expect(wrapText(oneMore, 500, 13).length).toBeGreaterThan(MAX_SOURCE_LINES);
      }),
      { numRuns: 60 },
    );
  });
});
