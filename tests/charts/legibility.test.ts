import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { CHART_IDS, allCharts } from '../../src/charts/registry.ts';
import { SCREEN_DRAWINGS } from '../../src/charts/drawing-widths.ts';
import { CHART_WIDTH, TEXT_SIZE, layoutFor } from '../../src/charts/theme.ts';
import { chartPngSize, type ChartContext } from '../../src/publish/chart-downloads.ts';
import { svgSize } from '../../src/publish/standalone-svg.ts';
import { inherited, overlappingLabels, parseSvg, recordSiteData, stressSiteData, textExtents } from './support.ts';

// Text a reader can read, in every chart, on every record: big enough at the
// width each drawing is shown at (theme.ts), inside the drawing, never on top
// of another label, and in a picture no taller than a readable page, however
// many documents the record holds. Extents here are the layout's own
// estimates (DejaVu Sans advances, the widest of the site's fonts); the
// browser test measures the rendered text.
const records = {
  'the seed-era record': await recordSiteData('seed-era'),
  'the record to 2025': await recordSiteData('to-2025'),
  'the stress record': await stressSiteData(),
};

/** The tallest picture a chart may make, in pixels: its drawing, and its PNG download (the card at twice its size). */
const MAX_IMAGE_HEIGHT = 4000;

/** Every width a chart is drawn at: each screen drawing, and the downloads' widths. */
const WIDTHS = [...new Set([...SCREEN_DRAWINGS.map((drawing) => drawing.width), ...Object.values(CHART_WIDTH)])].sort((a, b) => a - b);
const cases = Object.entries(records).flatMap(([record, data]) => allCharts(data).flatMap((chart) => WIDTHS.map((width) => ({ record, id: chart.id, layout: layoutFor(width), width, svg: chart.renderSvg(width) }))));

describe.for(cases)('$id on $record, $width units ($layout)', ({ layout, width, svg }) => {
  const root = parseSvg(svg);
  const labels = [...root.querySelectorAll('text')].filter((text) => text.textContent?.trim());

  test(`no text smaller than ${TEXT_SIZE[layout].small} units`, () => {
    const sizes = labels.map((text) => Number(inherited(text, 'font-size')));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(TEXT_SIZE[layout].small);
  });

  test('no label runs outside the drawing', () => {
    const { height } = svgSize(svg);
    const outside = textExtents(root)
      .filter((box) => box.left < -0.5 || box.right > width + 0.5 || box.top < -0.5 || box.bottom > height + 0.5)
      .map((box) => `“${box.text}” spans ${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)}`);
    expect(outside).toEqual([]);
  });

  test('no two labels overlap', () => {
    expect(overlappingLabels(textExtents(root))).toEqual([]);
  });

  test(`the drawing is at most ${MAX_IMAGE_HEIGHT} units tall`, () => {
    expect(svgSize(svg).height).toBeLessThanOrEqual(MAX_IMAGE_HEIGHT);
  });
});

describe.for(Object.entries(records))('PNG downloads of %s', ([, data]) => {
  test.for(CHART_IDS)(`%s: at most ${MAX_IMAGE_HEIGHT} pixels tall, at twice the chart's size`, async (id) => {
    const chart = allCharts(data).find((candidate) => candidate.id === id)!;
    const context: ChartContext = { siteUrl: 'https://judged.example/', chartUrl: `https://judged.example/charts/${id}/`, version: 'test', sources: data.documents, siteCss: await readFile('src/styles/site.css', 'utf8') };
    const size = chartPngSize(chart, context);
    expect(size.height).toBeLessThanOrEqual(MAX_IMAGE_HEIGHT);
    // Met by the layout, not by shrinking a tall card to a sliver: at least 1.5 pixels a unit.
    expect(size.width).toBeGreaterThanOrEqual(1.5 * CHART_WIDTH.wide);
  });
});
