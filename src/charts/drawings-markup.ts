import { SCREEN_DRAWINGS } from './drawing-widths.ts';

/**
 * A chart's screen drawings as the page holds them: each SVG in a
 * `.chart-drawing--w<width>` box, for site.css's container queries to show
 * the one drawn for the chart's width. Search indexes only the widest: the
 * others repeat its words.
 */
export function chartDrawingsHtml(chart: { renderSvg(width: number): string }): string {
  return SCREEN_DRAWINGS.map((drawing, index) => {
    const ignore = index < SCREEN_DRAWINGS.length - 1 ? ' data-pagefind-ignore' : '';
    return `<div class="chart-drawing chart-drawing--w${drawing.width}"${ignore}>${chart.renderSvg(drawing.width)}</div>`;
  }).join('');
}
