import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { estimateTextWidth } from '../../src/charts/text-layout.ts';
import { LINE_HEIGHT } from '../../src/charts/theme.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { loadRealContent } from '../content/load-real-content.ts';

/**
 * Helpers for the chart tests: SVG read back with linkedom, positions of
 * marks and axis ticks in SVG units, the extents of every label, and file
 * snapshots in the manner of Observable Plot's own test suite. Chart tests
 * run on the frozen records in tests/fixtures/; only the tests of the real
 * build use the real data.
 */

export { recordSiteData } from '../fixtures/records.ts';
export { stressSiteData } from '../fixtures/stress-record.ts';
export { chartDrawingsHtml } from '../../src/charts/drawings-markup.ts';

let cached: Promise<SiteData> | undefined;

/** The site's data derived from the real content, as the build derives it: only for tests of the real build. */
export function realSiteData(): Promise<SiteData> {
  cached ??= loadRealContent().then(({ data }) => data);
  return cached;
}

/** An SVG string parsed into a DOM to query. */
export function parseSvg(svg: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('No <svg> in the string');
  return root as unknown as Element;
}

/** The translation of an element's `transform`, or [0, 0]. */
export function translation(element: Element): [number, number] {
  const match = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(element.getAttribute('transform') ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/** Where a panel group sits: its vertical offset within the chart. */
export function panelOffset(svg: Element, panelClass: string): number {
  const panel = svg.querySelector(`g.${panelClass}`);
  if (!panel) throw new Error(`No panel "${panelClass}"`);
  return translation(panel)[1];
}

/** The drawn elements of a mark, found by the class the chart gives it. */
export function markElements(scope: Element, className: string, selector = '*'): Element[] {
  return [...scope.querySelectorAll(`g.${className.split(' ').join('.')} > ${selector}`)];
}

/** A point mark's centre: a `<circle>`'s cx and cy, or a symbol's translation. */
export function dotCentre(element: Element): [number, number] {
  if (element.tagName.toLowerCase() === 'circle') return [Number(element.getAttribute('cx')), Number(element.getAttribute('cy'))];
  return translation(element);
}

/** A `<line>`'s end points. */
export function lineEnds(element: Element): { x1: number; y1: number; x2: number; y2: number } {
  const number = (name: string) => Number(element.getAttribute(name) ?? 0);
  return { x1: number('x1'), y1: number('y1'), x2: number('x2'), y2: number('y2') };
}

/** A `<rect>`'s box. */
export function rectBox(element: Element): { x: number; y: number; width: number; height: number } {
  const number = (name: string) => Number(element.getAttribute(name) ?? 0);
  return { x: number('x'), y: number('y'), width: number('width'), height: number('height') };
}

/** Text of each `<text>` under a mark class, with its position. */
export function texts(scope: Element, className: string): { text: string; x: number; y: number }[] {
  return markElements(scope, className, 'text').map((element) => {
    const [x, y] = translation(element);
    return { text: element.textContent ?? '', x, y };
  });
}

/** The nearest value of an attribute on the element or its ancestors. */
export function inherited(element: Element, name: string): string | undefined {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return undefined;
}

/** A text element's extent, from where it is drawn and the same advance widths the layout measures with. */
export interface TextExtent {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every non-empty label of a chart as a box in the chart's own units: its
 * translation (and its panel's), its anchor, its size and weight. Rotated
 * text is left out.
 */
export function textExtents(svg: Element): TextExtent[] {
  return [...svg.querySelectorAll('text')]
    .filter((text) => text.textContent?.trim() && !/rotate/.test(text.getAttribute('transform') ?? ''))
    .map((text) => {
      let [x, y] = translation(text);
      for (let node = text.parentElement; node && node !== svg; node = node.parentElement) {
        const [dx, dy] = translation(node);
        x += dx;
        y += dy;
      }
      const size = Number(inherited(text, 'font-size'));
      const width = estimateTextWidth(text.textContent!, size, inherited(text, 'font-weight') === '700');
      const anchor = inherited(text, 'text-anchor');
      const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
      // Plot centres a line on y with dy 0.32em; a line's box is its type size by the line height.
      const height = size * LINE_HEIGHT;
      return { text: text.textContent!, left, top: y - height / 2, right: left + width, bottom: y + height / 2 };
    });
}

/** Pairs of labels whose boxes overlap by more than `tolerance` units, in words, for a test to expect none. */
export function overlappingLabels(extents: readonly TextExtent[], tolerance = 0.5): string[] {
  const sorted = [...extents].sort((a, b) => a.top - b.top);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length && sorted[j].top < sorted[i].bottom - tolerance; j += 1) {
      const [a, b] = [sorted[i], sorted[j]];
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (overlapX > tolerance && overlapY > tolerance) found.push(`“${a.text}” overlaps “${b.text}” at ${Math.round(Math.max(a.left, b.left))},${Math.round(Math.max(a.top, b.top))}`);
    }
  }
  return found;
}

/**
 * A linear axis read back from the picture: the positions of two labelled
 * ticks give the scale, so a test can ask where a value should be drawn
 * without trusting the code that drew it.
 */
export function axisFromTicks(ticks: readonly { text: string; at: number }[]): (value: number) => number {
  const numeric = ticks.map((tick) => ({ value: Number(tick.text.replace(/[^\d.-]/g, '')), at: tick.at })).filter((tick) => Number.isFinite(tick.value));
  if (numeric.length < 2) throw new Error('An axis needs two labelled ticks');
  const [a, b] = [numeric[0], numeric.at(-1)!];
  return (value: number) => a.at + ((value - a.value) * (b.at - a.at)) / (b.value - a.value);
}

/**
 * Plot's snapshot convention: ids and class hashes normalised, one element
 * per line for readable diffs.
 */
export function normaliseSvg(svg: string): string {
  return svg
    .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot')
    .replace(/\bid="[^"]*"/g, 'id="…"')
    .replace(/></g, '>\n<')
    .concat('\n');
}

const SNAPSHOTS = join(import.meta.dirname, 'snapshots');

/**
 * Compares an SVG with tests/charts/snapshots/<name>.svg. A missing snapshot
 * is written (commit it after looking at it); a different one fails and is
 * written beside it as <name>-changed.svg, to open side by side.
 */
export async function expectSvgSnapshot(name: string, svg: string) {
  const expectedFile = join(SNAPSHOTS, `${name}.svg`);
  const changedFile = join(SNAPSHOTS, `${name}-changed.svg`);
  const actual = normaliseSvg(svg);
  if (!existsSync(expectedFile)) {
    await mkdir(SNAPSHOTS, { recursive: true });
    await writeFile(expectedFile, actual);
    return;
  }
  const expected = await readFile(expectedFile, 'utf8');
  if (expected === actual) {
    await rm(changedFile, { force: true });
    return;
  }
  await writeFile(changedFile, actual);
  expect.fail(`${name}.svg changed: compare tests/charts/snapshots/${name}.svg with ${name}-changed.svg; if the change is right, replace the snapshot with it.`);
}
