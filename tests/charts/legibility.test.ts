import { describe, expect, test } from 'vitest';
import { CHART_IDS, chartById } from '../../src/charts/registry.ts';
import { estimateTextWidth } from '../../src/charts/text-layout.ts';
import { CHART_WIDTH, TEXT_SIZE } from '../../src/charts/theme.ts';
import { parseSvg, realSiteData, translation } from './support.ts';

// Text a reader can read: big enough at the width each drawing is shown at
// (see theme.ts) and never running off the edge of the drawing.
const data = await realSiteData();

/** The nearest value of an attribute on the element or its ancestors. */
function inherited(element: Element, name: string): string | undefined {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return undefined;
}

describe.for(CHART_IDS.flatMap((id) => Object.entries(CHART_WIDTH).map(([layout, width]) => ({ id, layout, width }))))('$id, $layout', ({ id, layout, width }) => {
  const svg = parseSvg(chartById(id, data).renderSvg(width));
  const labels = [...svg.querySelectorAll('text')].filter((text) => text.textContent?.trim());

  test(`no text smaller than ${TEXT_SIZE[layout as keyof typeof TEXT_SIZE].small} units`, () => {
    const sizes = labels.map((text) => Number(inherited(text, 'font-size')));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(TEXT_SIZE[layout as keyof typeof TEXT_SIZE].small);
  });

  test('no text runs off either edge', () => {
    const outside = labels
      .filter((text) => !/rotate/.test(text.getAttribute('transform') ?? ''))
      .flatMap((text) => {
        const [x] = translation(text);
        const size = Number(inherited(text, 'font-size'));
        const extent = estimateTextWidth(text.textContent!, size, inherited(text, 'font-weight') === '700');
        const anchor = inherited(text, 'text-anchor');
        const left = anchor === 'end' ? x - extent : anchor === 'middle' ? x - extent / 2 : x;
        return left < -0.5 || left + extent > width + 0.5 ? [`“${text.textContent}” spans ${Math.round(left)} to ${Math.round(left + extent)}`] : [];
      });
    expect(outside).toEqual([]);
  });
});
