import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartDataRow, ChartSpecBase } from './chart-spec.ts';
import { markRowReference, rowsByMark } from './mark-data.ts';
import { FONT_FAMILY, TEXT_SIZE, type ChartLayout } from './theme.ts';

/**
 * Rendering Observable Plot to an SVG string at build time, with linkedom as
 * the DOM: no browser, no client JavaScript. Nothing here may need layout
 * (`getBBox`), so charts size their margins and labels themselves.
 *
 * @see https://observablehq.com/plot/getting-started#plot-in-node-js
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The class that asks for tabular figures. Plot writes
 * `font-variant="tabular-nums"` on numeric text, but SVG's `font-variant`
 * attribute only takes `normal` or `small-caps` (the W3C checker rejects the
 * file), so chartSvg() turns it into this class, styled with CSS
 * `font-variant-numeric` by site.css and the chart files' own styles.
 * @see https://www.w3.org/TR/SVG11/text.html#FontVariantProperty
 */
export const TABULAR_NUMS_CLASS = 'tabular-nums';
const SVG_FONT_VARIANTS = new Set(['normal', 'small-caps', 'inherit']);

/** One server-side document, shared: Plot only creates elements in it. */
const serverDocument = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** Plot's `plot()` under linkedom; returns the root `<svg>` element. */
export function renderPlot(options: Plot.PlotOptions): Element {
  const root = Plot.plot({ ...options, document: serverDocument });
  if (root.tagName.toLowerCase() !== 'svg') {
    throw new Error('A chart panel must render to a bare <svg>: give it no title, caption or legend options.');
  }
  return root;
}

/**
 * A chart panel drawn in pixels: identity scales without axes and no margin.
 * The charts compute every position themselves (with d3 scales and
 * text-layout.ts), so this is how each of their panels is drawn.
 */
export function renderPixelPlot({ width, height, marks }: { width: number; height: number; marks: Plot.PlotOptions['marks'] }): Element {
  return renderPlot({ width, height, margin: 0, x: { type: 'identity', axis: null }, y: { type: 'identity', axis: null }, marks });
}

/** A rendered Plot panel and where it goes in the chart. */
export interface Panel {
  svg: Element;
  /** Height of the panel in SVG units (Plot's `height`). */
  height: number;
  /** Class for the panel's group, e.g. "panel-words"; tests find marks by it. */
  className: string;
}

export interface ChartSvgOptions {
  width: number;
  panels: readonly Panel[];
  /** The accessible name: the chart's headline. */
  title: string;
  /** The accessible description: the alt text, at most 300 characters. */
  description: string;
  /** Classes for the root `<svg>`. */
  className: string;
  fontSize: number;
  /** The chart's rows, for the data marks (those given a Plot `title`) to name theirs (mark-data.ts). */
  rows?: readonly ChartDataRow[];
}

/**
 * Stacks one or more Plot panels into a single accessible `<svg>`:
 * `role="img"` with `<title>` (its name) and `<desc>` (its description).
 *
 * Plot labels its `<g>` groups with `aria-label` but gives them no role,
 * which axe reports as `aria-prohibited-attr`; inside `role="img"` the parts
 * are presentational anyway, so those attributes are removed. Plot's
 * `<style>` is removed too (site.css styles charts, and a strict
 * Content-Security-Policy would block it); `xmlns` is added so that the
 * string is also a valid standalone SVG file. A mark given a Plot `title`
 * names its rows: the title becomes `data-rows`, their numbers in the chart's table (mark-data.ts).
 */
export function chartSvg({ width, panels, title, description, className, fontSize, rows = [] }: ChartSvgOptions): string {
  if (description.length > 300) throw new Error(`Alt text is ${description.length} characters; keep it to 300: "${description}"`);
  const doc = serverDocument;
  const height = panels.reduce((total, panel) => total + panel.height, 0);
  const root = doc.createElementNS(SVG_NS, 'svg');
  setAttributes(root, {
    xmlns: SVG_NS,
    viewBox: `0 0 ${width} ${height}`,
    width: String(width),
    height: String(height),
    role: 'img',
    class: className,
    'font-family': FONT_FAMILY,
    'font-size': String(fontSize),
    fill: 'currentColor',
  });
  const titleElement = doc.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  const descElement = doc.createElementNS(SVG_NS, 'desc');
  descElement.textContent = description;
  root.append(titleElement, descElement);

  let top = 0;
  for (const panel of panels) {
    const group = doc.createElementNS(SVG_NS, 'g');
    setAttributes(group, { class: panel.className, 'text-anchor': 'middle' });
    if (top) group.setAttribute('transform', `translate(0,${round(top)})`);
    for (const child of [...panel.svg.childNodes]) group.append(child);
    group.querySelectorAll('style').forEach((style) => style.remove());
    root.append(group);
    top += panel.height;
  }
  for (const element of root.querySelectorAll('*')) tidyElement(element);
  const byMark = rowsByMark(rows);
  for (const mark of root.querySelectorAll('g title')) {
    for (const [name, value] of Object.entries(markRowReference(mark.textContent ?? '', byMark))) mark.parentElement!.setAttribute(name, value);
    mark.remove();
  }
  return root.outerHTML;
}

const ARIA_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-hidden', 'role'];
const GEOMETRY_ATTRIBUTES = ['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'cx', 'cy', 'r', 'points', 'dx', 'dy'];

function tidyElement(element: Element) {
  for (const name of ARIA_ATTRIBUTES) element.removeAttribute(name);
  const fontVariant = element.getAttribute('font-variant');
  if (fontVariant !== null && !SVG_FONT_VARIANTS.has(fontVariant)) {
    if (fontVariant !== 'tabular-nums') throw new Error(`font-variant="${fontVariant}" is not valid in SVG: a chart may ask for tabular-nums (drawn with the class "${TABULAR_NUMS_CLASS}") or small-caps`);
    element.removeAttribute('font-variant');
    element.classList.add(TABULAR_NUMS_CLASS);
  }
  for (const name of GEOMETRY_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) element.setAttribute(name, value.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (number) => String(round(Number(number)))));
  }
}

/** Two decimals are a hundredth of a pixel: enough, and stable in snapshots. */
function round(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function setAttributes(element: Element, attributes: Record<string, string>) {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
}

/**
 * A chart's panels as its drawing at one layout: named by its headline,
 * described by its alt text, its marks carrying its rows. Every chart draws
 * this way; chartSvg itself is for panels that are not a whole chart.
 */
export function chartDrawing(spec: Pick<ChartSpecBase, 'title' | 'alt' | 'rows'>, layout: ChartLayout, width: number, panels: readonly Panel[]): string {
  return chartSvg({
    width,
    panels,
    title: spec.title,
    description: spec.alt,
    className: `chart-svg chart-svg--${layout}`,
    fontSize: TEXT_SIZE[layout].label,
    rows: spec.rows,
  });
}
