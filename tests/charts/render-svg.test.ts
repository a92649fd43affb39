import * as Plot from '@observablehq/plot';
import { describe, expect, test } from 'vitest';
import { chartSvg, renderPlot } from '../../src/charts/render-svg.ts';
import { parseSvg } from './support.ts';

const panel = () =>
  renderPlot({
    width: 200,
    height: 100,
    ariaLabel: 'Plot’s own label',
    x: { domain: [0, 10] },
    marks: [Plot.dot([{ x: 3 }], { x: 'x', fill: 'var(--grade-3)' }), Plot.text(['a & b'], { frameAnchor: 'middle' })],
  });

describe('renderPlot', () => {
  test('draws with Observable Plot under linkedom, with no browser', () => {
    expect(typeof document).toBe('undefined');
    const svg = panel();
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelectorAll('g').length).toBeGreaterThan(0);
    expect(svg.outerHTML).toContain('fill="var(--grade-3)"');
  });

  test('refuses a plot that would come back wrapped in a figure', () => {
    expect(() => renderPlot({ title: 'A title makes Plot return a <figure>', marks: [Plot.dot([1], { x: (d: number) => d })] })).toThrow(/bare <svg>/);
  });
});

describe('chartSvg', () => {
  const render = (description = 'Three is more than one.') =>
    chartSvg({ width: 200, panels: [{ svg: panel(), height: 100, className: 'panel-one' }, { svg: panel(), height: 100, className: 'panel-two' }], title: 'A & B', description, className: 'chart-svg', fontSize: 13 });

  test('is one accessible image: role="img" with <title> and <desc>', () => {
    const svg = parseSvg(render());
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector(':scope > title')?.textContent).toBe('A & B');
    expect(svg.querySelector(':scope > desc')?.textContent).toBe('Three is more than one.');
    expect(render()).toContain('<title>A &amp; B</title>');
  });

  test('leaves no aria-label on groups without a role (axe: aria-prohibited-attr), and no aria-* inside', () => {
    const svg = parseSvg(render());
    const inner = [...svg.querySelectorAll('*')];
    expect(inner.filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('aria-') || attribute.name === 'role'))).toEqual([]);
  });

  test('drops Plot’s <style> (a strict Content-Security-Policy would block it) and declares its namespace', () => {
    const svg = render();
    expect(svg).not.toContain('<style');
    expect(parseSvg(svg).getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  });

  test('stacks panels: each in its own group, moved down by the heights above it', () => {
    const svg = parseSvg(render());
    expect(svg.getAttribute('viewBox')).toBe('0 0 200 200');
    expect(svg.querySelector('g.panel-one')?.getAttribute('transform')).toBeNull();
    expect(svg.querySelector('g.panel-two')?.getAttribute('transform')).toBe('translate(0,100)');
  });

  test('rounds coordinates to hundredths and is the same every time', () => {
    expect(render()).toBe(render());
    expect(render()).not.toMatch(/\d\.\d{3,}/);
  });

  test('refuses alt text over 300 characters', () => {
    expect(() => render('x'.repeat(301))).toThrow(/301 characters/);
  });
});
