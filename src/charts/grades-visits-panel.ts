import * as Plot from '@observablehq/plot';
import { midpoint } from '../lib/partial-dates.ts';
import type { GradesChartSpec, UngradedVisit } from './grades-types.ts';
import type { TimeScale } from './grades-overall-panel.ts';
import { renderPixelPlot, type Panel } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, KIND_SYMBOL, LINE_HEIGHT, MARGIN, MARK, TEXT_SIZE, type ChartLayout } from './theme.ts';

const KIND_NAME: Partial<Record<UngradedVisit['kind'], [string, string]>> = {
  'unannounced-inspection': ['unannounced inspection', 'unannounced inspections'],
  'monitoring-visit': ['monitoring visit', 'monitoring visits'],
  'focused-visit': ['focused visit', 'focused visits'],
};

/** Marker rows per kind: markers that would touch go to the second row; more stay drawn, overlapping, and the count says how many. */
const LEVELS = 2;

/**
 * The visits that give no grade, one row per kind of visit under a line that
 * names the kind and counts them, on the same time axis as the grades, with
 * the axis's years beneath. However many visits there are, the panel keeps
 * its height: a row has two levels of markers, and its count is in words;
 * past VISITS_DRAWN visits (spec.visitGroups), a marker per period with its
 * count beneath.
 */
export function visitsPanel(spec: GradesChartSpec, width: number, layout: ChartLayout, x: TimeScale): Panel {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const r = MARK.radius - 1;
  const kinds = [...new Set(spec.ungraded.map((visit) => visit.kind))];
  const headingLines = wrapText('Inspections and visits that give no grade', width - margin.left - margin.right, size.small, true);
  let y = 14 + headingLines.length * lineHeight;
  const labels: { text: string; y: number }[] = [];
  const markers: { mark: string; x: number; y: number; symbol: string; fill: string }[] = [];
  const counts: { text: string; x: number; y: number }[] = [];
  for (const kind of kinds) {
    const visits = spec.ungraded.filter((visit) => visit.kind === kind);
    const [one, many] = KIND_NAME[kind] ?? [kind, kind];
    const hollow = visits.filter((visit) => visit.knownFromMentionsOnly).length;
    const period = spec.visitGroups?.period;
    const gathered = spec.visitGroups ? spec.visitGroups.groups.filter((group) => group.kind === kind).length < visits.length : false;
    const counted = !gathered ? '' : period === 1 ? ', counted by year' : `, counted every ${period} years`;
    const words = `${visits.length} ${visits.length === 1 ? one : many}${counted}${hollow ? ` (${hollow} known only from later documents${period === undefined ? ', hollow' : ''})` : ''}`;
    for (const line of wrapText(capitalise(words), width - margin.left - margin.right, size.small)) {
      labels.push({ text: line, y: y + lineHeight / 2 });
      y += lineHeight;
    }
    const top = y + 2;
    if (spec.visitGroups) {
      // Gathered: a marker per period, centred on it, with the number of visits it counts beneath.
      const cy = top + r + 1;
      for (const group of spec.visitGroups.groups.filter((candidate) => candidate.kind === kind)) {
        const cx = (x(new Date(Date.UTC(group.from, 0, 1))) + x(new Date(Date.UTC(group.to, 0, 1)))) / 2;
        markers.push({ mark: group.id, x: cx, y: cy, symbol: KIND_SYMBOL[kind], fill: group.knownFromMentionsOnly ? COLOUR.background : COLOUR.ungraded });
        counts.push({ text: String(group.members.length), x: cx, y: cy + r + 2 + lineHeight / 2 });
      }
      y = top + 2 * r + 2 + lineHeight + 8;
      continue;
    }
    const levelEnds: number[] = [];
    for (const visit of visits) {
      const cx = x(midpoint(visit.date));
      let level = levelEnds.findIndex((end) => cx - end >= 2 * r + 2);
      if (level === -1) level = levelEnds.length < LEVELS ? levelEnds.length : levelEnds.indexOf(Math.min(...levelEnds));
      levelEnds[level] = Math.max(levelEnds[level] ?? -Infinity, cx);
      markers.push({ mark: visit.id, x: cx, y: top + r + 1 + level * (2 * r + 2), symbol: KIND_SYMBOL[kind], fill: visit.knownFromMentionsOnly ? COLOUR.background : COLOUR.ungraded });
    }
    y = top + Math.max(1, levelEnds.length) * (2 * r + 2) + 8;
  }
  const axisY = y + 4;
  const years = Array.from({ length: spec.years[1] - spec.years[0] + 2 }, (_, index) => spec.years[0] + index);
  const yearWidth = x(new Date(Date.UTC(2001, 0, 1))) - x(new Date(Date.UTC(2000, 0, 1)));
  const every = Math.max(1, Math.ceil((estimateTextWidth('2000', size.small) + 6) / yearWidth));
  const labelled = years.slice(0, -1).filter((year) => (year - spec.years[0]) % every === 0);
  const height = axisY + 30;

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.text(headingLines.map((text, index) => ({ text, y: 14 + lineHeight * (index + 0.5) - 2 })), { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.small, className: 'panel-heading' }),
      Plot.text(labels, { x: margin.left, y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, className: 'ungraded-label' }),
      Plot.dot(markers, { x: 'x', y: 'y', symbol: 'symbol', r, fill: 'fill', stroke: COLOUR.ungraded, strokeWidth: MARK.stroke, title: 'mark', className: 'ungraded-visit' }),
      ...(counts.length ? [Plot.text(counts, { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.text, fontVariant: 'tabular-nums', className: 'ungraded-count' })] : []),
      Plot.ruleY([axisY], { x1: x.range()[0], x2: x.range()[1], stroke: COLOUR.muted, className: 'time-axis' }),
      Plot.ruleX(years, { x: (year: number) => x(new Date(Date.UTC(year, 0, 1))), y1: axisY, y2: axisY + 5, stroke: COLOUR.muted, className: 'time-tick' }),
      Plot.text(labelled, {
        x: (year: number) => x(new Date(Date.UTC(year, 6, 1))),
        y: axisY + 16,
        text: String,
        lineAnchor: 'middle',
        fontSize: size.small,
        fill: COLOUR.muted,
        fontVariant: 'tabular-nums',
        className: 'time-label',
      }),
    ],
  });
  return { svg, height, className: 'panel-ungraded' };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
