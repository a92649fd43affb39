import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { AdoptionBar, AdoptionChartSpec } from './adoption-types.ts';
import { boxesOverlap, textBox, type Box } from './label-layout.ts';
import { chartDrawing, renderPixelPlot } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, LINE_HEIGHT, MARGIN, MARK, TEXT_SIZE, layoutFor } from './theme.ts';

interface Line {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  style: 'period' | 'meta' | 'threshold' | 'value-in' | 'value-out' | 'gap';
}

/**
 * Drawing the adoption chart: one row per period, its wait a bar from zero
 * and its own threshold a rule across that bar (dashed when derived), with
 * the gap the document states bracketed beneath. Each label is set where it
 * fits on its row, measured against the others, or on a line of its own.
 */
export function renderAdoptionSvg(spec: AdoptionChartSpec, width: number): string {
  const layout = layoutFor(width);
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.label * LINE_HEIGHT;
  const x = scaleLinear([0, spec.xMax], [margin.left + 4, width - margin.right - 8]);
  // Many periods get thinner bars, so the chart stays a page tall.
  const crowded = spec.bars.length > 8;
  const barHeight = (layout === 'narrow' ? 26 : 30) - (crowded ? 6 : 0);
  const right = width - margin.right;
  const lines: Line[] = [];
  const barRects: (AdoptionBar & { y1: number; y2: number })[] = [];
  // `mark` names the rows each draws (mark-data.ts): the figures behind a bar, a threshold or a stated gap.
  const ticks: { x: number; y1: number; y2: number; derived: boolean; mark: string }[] = [];
  const brackets: { x1: number; x2: number; y: number; mark?: string }[] = [];
  let y = 6;

  for (const bar of spec.bars) {
    // The period's line: its name, then (if it fits beside it) the threshold's label over the rule.
    const periodText = `${bar.period}${bar.unvalidated ? ' (unvalidated)' : ''}`;
    const periodBox = textBox(periodText, { x: margin.left, y: y + lineHeight / 2, size: size.label, bold: true });
    lines.push({ text: periodText, x: margin.left, y: y + lineHeight / 2, anchor: 'start', style: 'period' });
    const sources = bar.documents.length > 1 ? `${bar.documents.length} sources` : '';
    const taken: Box[] = [periodBox];
    if (sources) {
      const box = textBox(sources, { x: periodBox.x + periodBox.width + 8, y: y + lineHeight / 2, size: size.small });
      if (box.x + box.width <= right) {
        lines.push({ text: sources, x: box.x, y: box.y + box.height / 2, anchor: 'start', style: 'meta' });
        taken.push(box);
      }
    }
    if (bar.threshold) {
      const words = `threshold ${bar.threshold.days}${bar.threshold.derived ? ', derived' : ''}`;
      const tx = x(bar.threshold.days);
      const width = estimateTextWidth(words, size.small);
      // Centred on the rule, kept inside the chart, beside the period's name if there is room.
      const left = Math.min(Math.max(tx - width / 2, margin.left), right - width);
      const box = textBox(words, { x: left, y: y + lineHeight / 2, size: size.small });
      if (!taken.some((other) => boxesOverlap(box, other, 6))) {
        lines.push({ text: words, x: left, y: y + lineHeight / 2, anchor: 'start', style: 'threshold' });
      } else {
        y += lineHeight;
        lines.push({ text: words, x: left, y: y + lineHeight / 2, anchor: 'start', style: 'threshold' });
      }
    }
    y += lineHeight + 4;
    const y1 = y;
    const y2 = y + barHeight;
    barRects.push({ ...bar, y1, y2 });

    // The wait, inside the bar's end if it fits clear of the threshold rule, else just past it.
    const valueText = `${bar.days} days`;
    const valueWidth = estimateTextWidth(valueText, size.label, true);
    const barEnd = x(bar.days);
    const tickBox: Box | undefined = bar.threshold ? { x: x(bar.threshold.days) - 5, y: y1, width: 10, height: barHeight } : undefined;
    const inside: Box = { x: barEnd - 8 - valueWidth, y: y1, width: valueWidth, height: barHeight };
    const fitsInside = !bar.unvalidated && inside.x > x(0) + 4 && !(tickBox && boxesOverlap(inside, tickBox));
    if (fitsInside) lines.push({ text: valueText, x: barEnd - 8, y: (y1 + y2) / 2, anchor: 'end', style: 'value-in' });
    else {
      const outsideLeft = Math.max(barEnd, tickBox ? tickBox.x + tickBox.width : barEnd) + 6;
      if (outsideLeft + valueWidth <= right) lines.push({ text: valueText, x: outsideLeft, y: (y1 + y2) / 2, anchor: 'start', style: 'value-out' });
      else lines.push({ text: valueText, x: x(0) + 8, y: (y1 + y2) / 2, anchor: 'start', style: bar.unvalidated ? 'value-out' : 'value-in' });
    }
    if (bar.threshold) ticks.push({ x: x(bar.threshold.days), y1: y1 - 5, y2: y2 + 5, derived: bar.threshold.derived, mark: bar.threshold.ids.join(' ') });
    y = y2 + 6;

    // The gap the document states, bracketed from the threshold to the bar's end, with its words beside it.
    if (bar.threshold && bar.days !== bar.threshold.days) {
      const over = bar.days - bar.threshold.days;
      const [from, to] = [x(Math.min(bar.days, bar.threshold.days)), x(Math.max(bar.days, bar.threshold.days))];
      const gapY = y + 4;
      brackets.push({ x1: from, x2: to, y: gapY, ...(bar.gap ? { mark: bar.gap.ids.join(' ') } : {}) });
      const words = `${Math.abs(over)} days ${over > 0 ? 'over' : 'under'}${bar.gap ? '' : ' (our difference)'}`;
      const wordsWidth = estimateTextWidth(words, size.small, true);
      const besideRight = to + 6;
      let wordsY = gapY;
      if (besideRight + wordsWidth <= right) lines.push({ text: words, x: besideRight, y: gapY, anchor: 'start', style: 'gap' });
      else if (from - 6 - wordsWidth >= margin.left) lines.push({ text: words, x: from - 6, y: gapY, anchor: 'end', style: 'gap' });
      else {
        // No room beside the bracket: the words go on a line of their own beneath it.
        wordsY = gapY + lineHeight;
        lines.push({ text: words, x: Math.max(margin.left, Math.min(from, right - wordsWidth)), y: wordsY, anchor: 'start', style: 'gap' });
      }
      y = wordsY + lineHeight / 2 + 4;
    }
    y += crowded ? 6 : 12;
  }
  const axisY = y;
  const axisWords = wrapText('Days from entering care to placement for adoption', width - margin.left - margin.right, size.small).map((text, index) => ({ text, y: axisY + 36 + index * size.small * LINE_HEIGHT }));
  const height = Math.ceil(axisWords.at(-1)!.y + 12);
  const gridTicks = x.ticks(layout === 'narrow' ? 4 : 8);
  const validBars = barRects.filter((bar) => !bar.unvalidated);
  const hollowBars = barRects.filter((bar) => bar.unvalidated);
  const text = (style: Line['style'], anchor: Line['anchor']) => lines.filter((line) => line.style === style && line.anchor === anchor);

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.ruleX(gridTicks, { x: (tick: number) => x(tick), y1: 0, y2: axisY, stroke: COLOUR.rule, className: 'days-gridline' }),
      Plot.rect(validBars, { x1: x(0), x2: (d: AdoptionBar) => x(d.days), y1: 'y1', y2: 'y2', fill: COLOUR.muted, title: (d: AdoptionBar) => d.ids.join(' '), className: 'adoption-bar' }),
      Plot.rect(hollowBars, { x1: x(0) + 1, x2: (d: AdoptionBar) => x(d.days) - 1, y1: (d: { y1: number }) => d.y1 + 1, y2: (d: { y2: number }) => d.y2 - 1, fill: COLOUR.background, stroke: COLOUR.muted, strokeWidth: MARK.stroke, strokeDasharray: '6 3', title: (d: AdoptionBar) => d.ids.join(' '), className: 'adoption-bar adoption-bar--unvalidated' }),
      // Each period's threshold across its own bar, on a halo of the page colour so it shows on the bar.
      Plot.ruleX(ticks, { x: 'x', y1: 'y1', y2: 'y2', stroke: COLOUR.background, strokeWidth: 6, className: 'threshold-halo' }),
      Plot.ruleX(ticks.filter((tick) => !tick.derived), { x: 'x', y1: 'y1', y2: 'y2', stroke: COLOUR.text, strokeWidth: 2.5, title: 'mark', className: 'threshold' }),
      Plot.ruleX(ticks.filter((tick) => tick.derived), { x: 'x', y1: 'y1', y2: 'y2', stroke: COLOUR.text, strokeWidth: 2.5, strokeDasharray: '4 2', title: 'mark', className: 'threshold threshold--derived' }),
      Plot.ruleY(brackets, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLOUR.text, strokeWidth: MARK.stroke, title: 'mark', className: 'threshold-gap' }),
      Plot.ruleX(brackets.flatMap((bracket) => [bracket.x1, bracket.x2].map((bx) => ({ x: bx, y: bracket.y }))), { x: 'x', y1: (d: { y: number }) => d.y - 6, y2: (d: { y: number }) => d.y + 1, stroke: COLOUR.text, strokeWidth: MARK.stroke, className: 'threshold-gap-end' }),
      Plot.text(text('period', 'start'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.label, className: 'bar-period' }),
      Plot.text(text('meta', 'start'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'bar-sources' }),
      Plot.text(text('threshold', 'start'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, className: 'threshold-label' }),
      ...(['start', 'end'] as const).map((anchor) => Plot.text(text('value-in', anchor), { x: 'x', y: 'y', text: 'text', textAnchor: anchor, lineAnchor: 'middle', fontWeight: 700, fontSize: size.label, fill: COLOUR.background, className: 'bar-value' })),
      Plot.text(text('value-out', 'start'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.label, className: 'bar-value' }),
      ...(['start', 'end'] as const).map((anchor) => Plot.text(text('gap', anchor), { x: 'x', y: 'y', text: 'text', textAnchor: anchor, lineAnchor: 'middle', fontWeight: 700, fontSize: size.small, className: 'threshold-gap-label' })),
      Plot.ruleY([axisY], { x1: x(0), x2: x(spec.xMax), stroke: COLOUR.muted, className: 'days-axis' }),
      Plot.text(gridTicks, { x: (tick: number) => x(tick), y: axisY + 14, text: String, lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, fontVariant: 'tabular-nums', className: 'days-tick-label' }),
      Plot.text(axisWords, { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'days-axis-label' }),
    ],
  });

  return chartDrawing(spec, layout, width, [{ svg, height, className: 'panel-adoption' }]);
}
