import * as Plot from '@observablehq/plot';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { chartSvg, renderPixelPlot, TABULAR_NUMS_CLASS } from '../../src/charts/render-svg.ts';
import { chartDrawingSvg } from '../../src/publish/chart-downloads.ts';
import { parseSvg } from './support.ts';

// Plot asks for tabular figures on numeric text with font-variant="tabular-nums",
// which SVG's font-variant attribute cannot hold (normal or small-caps only:
// the W3C checker rejects the file). Charts carry a class instead, styled with
// CSS font-variant-numeric on the page and in the chart files.
const numbers = (fontVariant?: string) =>
  renderPixelPlot({ width: 200, height: 40, marks: [Plot.text([2014, 2017], { x: (year: number) => year - 2000, y: 20, text: (year: number) => year, ...(fontVariant ? { fontVariant } : {}) })] });
const chart = (fontVariant?: string) =>
  chartSvg({ width: 200, panels: [{ svg: numbers(fontVariant), height: 40, className: 'panel-years' }], title: 'Years', description: 'Two years.', className: 'chart-svg', fontSize: 13 });

describe('tabular figures in charts', () => {
  test('Plot’s font-variant="tabular-nums" becomes the tabular-nums class, and no font-variant attribute is left', () => {
    expect(numbers().outerHTML, 'Plot infers it for numeric text').toContain('font-variant="tabular-nums"');
    const svg = parseSvg(chart());
    expect(svg.querySelectorAll('[font-variant]')).toHaveLength(0);
    expect(svg.querySelectorAll(`.${TABULAR_NUMS_CLASS} text`)).toHaveLength(2);
  });

  test('keeps a font-variant SVG allows, and refuses one it does not, naming the fix', () => {
    expect(parseSvg(chart('small-caps')).querySelector('[font-variant="small-caps"]')).not.toBeNull();
    expect(() => chart('oldstyle-nums')).toThrow(/font-variant="oldstyle-nums" is not valid in SVG: a chart may ask for tabular-nums/);
  });

  test('the class is styled on the page (site.css) and in the chart files', async () => {
    const css = await readFile('src/styles/site.css', 'utf8');
    expect(css).toMatch(new RegExp(`\\.${TABULAR_NUMS_CLASS}\\s*\\{[^}]*font-variant-numeric:\\s*tabular-nums`));
    const file = chartDrawingSvg({ renderSvg: () => chart() }, 720, css);
    expect(file).toMatch(new RegExp(`\\.${TABULAR_NUMS_CLASS} \\{ font-variant-numeric: tabular-nums; \\}`));
  });
});
