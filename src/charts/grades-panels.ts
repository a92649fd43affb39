import * as Plot from '@observablehq/plot';
import { scaleUtc } from 'd3';
import { areaRecordPanel } from './area-record-panel.ts';
import type { GradesChartSpec } from './grades-types.ts';
import { gradeKey, overallPanel, type OverallNaming } from './grades-overall-panel.ts';
import { visitsPanel } from './grades-visits-panel.ts';
import { chartDrawing, renderPixelPlot, type Panel } from './render-svg.ts';
import { wrapText } from './text-layout.ts';
import { COLOUR, LINE_HEIGHT, MARGIN, TEXT_SIZE, layoutFor, type ChartLayout } from './theme.ts';

/**
 * Drawing the grades chart: overall effectiveness on a time axis, one band
 * per framework; the visits that give no grade on the same axis; a key to
 * each framework's scale in full words; then the area-by-area record.
 * Positions are computed with d3 scales and passed to Plot as pixels
 * (identity scales), so every label is placed by its measured extent.
 */
export function renderGradesSvg(spec: GradesChartSpec, width: number): string {
  const layout = layoutFor(width);
  const margin = MARGIN[layout];
  const x = scaleUtc([new Date(Date.UTC(spec.years[0], 0, 1)), new Date(Date.UTC(spec.years[1] + 1, 0, 1))], [margin.left + 4, width - margin.right - 4]);
  const { panel: overall, naming } = overallPanel(spec, width, layout, x);
  const frameworkNumber = (framework: string) => spec.regions.findIndex((region) => region.framework === framework) + 1;
  const panels: Panel[] = [overall, ...(spec.ungraded.length ? [visitsPanel(spec, width, layout, x)] : []), scaleKeyPanel(spec, width, layout, naming), ...(spec.areas.columns.length ? [areaRecordPanel(spec.areas, width, layout, frameworkNumber)] : [])];
  return chartDrawing(spec, layout, width, panels);
}

/**
 * Each framework's scale in full words, numbered as the bands are: the
 * reader's way from a shortened or missing name on the chart to the whole
 * grade. A grade shortened on the chart is followed by its short form.
 */
function scaleKeyPanel(spec: GradesChartSpec, width: number, layout: ChartLayout, naming: OverallNaming): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const inner = width - margin.left - margin.right;
  const entries = spec.regions.map((region, index) => {
    const grades = region.scale.map((grade, position) => {
      const short = naming.shortened.get(gradeKey(region.framework, position + 1));
      return short && short !== grade ? `${grade} (${short})` : grade;
    });
    return `${index + 1}. ${region.name}, ${region.from}${region.to - 1 > region.from ? `–${region.to - 1}` : ''}: ${grades.join(' · ')}`;
  });
  const lines = [
    ...wrapText('Each framework’s scale, best first', inner, size.small, true).map((text) => ({ text, bold: true })),
    ...entries.flatMap((entry) => wrapText(entry, inner, size.small).map((text) => ({ text, bold: false }))),
  ];
  const height = Math.ceil(8 + lines.length * lineHeight + 8);
  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      ...[true, false].map((bold) =>
        Plot.text(
          lines.map((line, index) => ({ ...line, y: 8 + lineHeight * (index + 0.5) })).filter((line) => line.bold === bold),
          { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fontWeight: bold ? 700 : 400, fill: COLOUR.text, className: 'scale-key' },
        ),
      ),
    ],
  });
  return { svg, height, className: 'panel-scale-key' };
}
