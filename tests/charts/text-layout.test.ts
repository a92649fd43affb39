import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dodgeLabels, estimateTextWidth, wrapText } from '../../src/charts/text-layout.ts';

describe('estimateTextWidth', () => {
  test('errs wide: "Requires improvement" at 13px is at least the 128px DejaVu Sans draws', () => {
    expect(estimateTextWidth('Requires improvement', 13)).toBeGreaterThanOrEqual(128);
  });

  test('bold is wider than regular', () => {
    expect(estimateTextWidth('Inadequate', 13, true)).toBeGreaterThan(estimateTextWidth('Inadequate', 13));
  });
});

describe('wrapText', () => {
  test('breaks at spaces so every line fits', () => {
    const lines = wrapText('Children and young people are safe', 120, 13);
    expect(lines.join(' ')).toBe('Children and young people are safe');
    for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(120);
  });

  test('keeps a word longer than the line whole', () => {
    expect(wrapText('Outstanding', 20, 13)).toEqual(['Outstanding']);
  });
});

describe('dodgeLabels', () => {
  test('leaves labels that do not collide where they want to be', () => {
    expect(dodgeLabels([{ at: 0, size: 10 }, { at: 20, size: 10 }], 2)).toEqual([0, 20]);
  });

  test('spreads two that collide both ways from where they want to be, keeping the gap', () => {
    expect(dodgeLabels([{ at: 0, size: 10 }, { at: 5, size: 10 }], 2)).toEqual([-3.5, 8.5]);
  });

  test('keeps a crowd within its bounds', () => {
    expect(dodgeLabels([{ at: 80, size: 10 }, { at: 95, size: 10 }], 2, 0, 100)).toEqual([78, 90]);
    expect(dodgeLabels([{ at: 0, size: 10 }, { at: 1, size: 10 }], 2, 0, 100)).toEqual([0, 12]);
  });

  test('labels never overlap and keep their order, whatever they ask for', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }), size: fc.integer({ min: 1, max: 40 }) }), { maxLength: 20 }), (slots) => {
        const sorted = [...slots].sort((a, b) => a.at - b.at);
        const starts = dodgeLabels(sorted, 4, 0, 10_000);
        for (let index = 1; index < starts.length; index += 1) {
          expect(starts[index]).toBeGreaterThanOrEqual(starts[index - 1] + sorted[index - 1].size + 4 - 1e-9);
        }
        for (const start of starts) expect(start).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
