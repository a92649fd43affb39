import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boxesOverlap, boxInside, measureLines, placeLabels, placeLabelsOrCallouts, type Box } from '../../src/charts/label-layout.ts';

const bounds: Box = { x: 0, y: 0, width: 300, height: 200 };
const line = (text: string) => ({ text, size: 13 });

describe('placeLabels', () => {
  test('puts a label beside its mark when there is room, right first', () => {
    const { placed } = placeLabels([{ anchor: { x: 50, y: 100 }, lines: [line('over 40')], datum: 'a' }], { bounds });
    expect(placed[0].side).toBe('right');
    expect(placed[0].box.x).toBeGreaterThan(50);
  });

  test('moves a label to the other side rather than off the edge', () => {
    const { placed } = placeLabels([{ anchor: { x: 290, y: 100 }, lines: [line('capped at 15')], datum: 'a' }], { bounds });
    expect(placed[0].side).toBe('left');
    expect(boxInside(placed[0].box, bounds)).toBe(true);
  });

  test('never covers an obstacle or an earlier label; gives up rather than overlap', () => {
    const obstacle: Box = { x: 0, y: 0, width: 300, height: 200 };
    const { placed, unplaced } = placeLabels([{ anchor: { x: 150, y: 100 }, lines: [line('no room')], datum: 'a' }], { bounds, obstacles: [obstacle] });
    expect(placed).toEqual([]);
    expect(unplaced).toHaveLength(1);
  });

  test('higher priority labels get the room', () => {
    const { placed, unplaced } = placeLabels(
      [
        { anchor: { x: 20, y: 10 }, lines: [line('minor label, quite long')], priority: 0, sides: ['right'], maxSlide: 0, datum: 'minor' },
        { anchor: { x: 20, y: 10 }, lines: [line('major label, quite long')], priority: 9, sides: ['right'], maxSlide: 0, datum: 'major' },
      ],
      { bounds },
    );
    expect(placed.map((label) => label.request.datum)).toEqual(['major']);
    expect(unplaced.map((request) => request.datum)).toEqual(['minor']);
  });

  test('for any set of labels, no two placed labels overlap and all stay inside the bounds', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 300 }), y: fc.integer({ min: 0, max: 200 }), words: fc.string({ minLength: 1, maxLength: 20 }) }), { maxLength: 40 }), (requests) => {
        const { placed } = placeLabels(requests.map((request, index) => ({ anchor: request, lines: [line(request.words)], datum: index })), { bounds, padding: 2 });
        for (const [index, label] of placed.entries()) {
          expect(boxInside(label.box, bounds)).toBe(true);
          for (const other of placed.slice(index + 1)) expect(boxesOverlap(label.box, other.box)).toBe(false);
        }
      }),
    );
  });
});

describe('placeLabelsOrCallouts', () => {
  test('a label with no room becomes its numbered badge; with no room for that either, it is dropped', () => {
    const crowded = Array.from({ length: 60 }, (_, index) => ({ anchor: { x: 150, y: 100 }, lines: [line(`a long label number ${index}`)], callout: String(index + 1), datum: index }));
    const layout = placeLabelsOrCallouts(crowded, { bounds: { x: 100, y: 60, width: 100, height: 80 }, calloutSize: 13 });
    expect(layout.placed.length + layout.callouts.length + layout.dropped.length).toBe(60);
    expect(layout.callouts.length).toBeGreaterThan(0);
    expect(layout.dropped.length).toBeGreaterThan(0);
    const boxes = [...layout.placed, ...layout.callouts].map((label) => label.box);
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(boxesOverlap(box, other)).toBe(false);
    for (const badge of layout.callouts) expect(badge.lines[0].text).toBe(badge.request.callout);
  });
});

describe('measureLines', () => {
  test('a label is as wide as its widest line and as tall as its lines', () => {
    const size = measureLines([{ text: 'over 40', size: 14, bold: true }, { text: 'some social workers', size: 13 }]);
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeCloseTo(14 * 1.2 + 13 * 1.2);
  });
});
