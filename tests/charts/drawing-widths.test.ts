import { describe, expect, test } from 'vitest';
import { MAX_SHOWN_WIDTH, NARROWEST_CONTAINER, SCREEN_DRAWINGS, TEXT_PX, drawingFor, textRangeOf, windowMedia } from '../../src/charts/drawing-widths.ts';

// The bands of column widths each screen drawing serves: contiguous, each
// keeping the drawing's text within 12 to 16 px (by the type sizes of
// theme.ts), the last growing to at least 800 px. The browser tests measure
// the same in Chromium.
describe('SCREEN_DRAWINGS', () => {
  test('cover every column from the narrowest, narrowest first, each band starting where the one before ends', () => {
    expect(SCREEN_DRAWINGS[0].from).toBeLessThanOrEqual(NARROWEST_CONTAINER);
    for (let index = 1; index < SCREEN_DRAWINGS.length; index += 1) {
      expect(SCREEN_DRAWINGS[index].from).toBeGreaterThan(SCREEN_DRAWINGS[index - 1].from);
      expect(SCREEN_DRAWINGS[index].width).toBeGreaterThan(SCREEN_DRAWINGS[index - 1].width);
    }
  });

  test.for(SCREEN_DRAWINGS.map((drawing, index) => ({ ...drawing, index })))('the $width-unit drawing keeps its text 12 to 16 px across its band', ({ index }) => {
    const range = textRangeOf(index);
    expect(range.min).toBeGreaterThanOrEqual(TEXT_PX.min);
    expect(range.max).toBeLessThanOrEqual(TEXT_PX.max);
  });

  test('the widest grows to a readable maximum of at least 800 px', () => {
    expect(MAX_SHOWN_WIDTH).toBeGreaterThanOrEqual(800);
    expect(drawingFor(1200)).toEqual({ drawing: SCREEN_DRAWINGS.at(-1), shownWidth: MAX_SHOWN_WIDTH });
  });

  test('a column picks the drawing of its band', () => {
    expect(drawingFor(248).drawing.width).toBe(264);
    expect(drawingFor(SCREEN_DRAWINGS[2].from).drawing).toBe(SCREEN_DRAWINGS[2]);
    expect(drawingFor(SCREEN_DRAWINGS[2].from - 0.5).drawing).toBe(SCREEN_DRAWINGS[1]);
  });

  test('as images, a media query on the window stands for each band but the first', () => {
    expect(windowMedia(SCREEN_DRAWINGS[0])).toBeUndefined();
    expect(windowMedia(SCREEN_DRAWINGS[1])).toBe(`(min-width: ${SCREEN_DRAWINGS[1].from + 32}px)`);
  });
});
