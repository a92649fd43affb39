import * as Plot from '@observablehq/plot';
import type { scaleUtc } from 'd3';
import { midpoint, span } from '../lib/partial-dates.ts';
import { abbreviateGrade, fitGrade } from './grade-words.ts';
import type { GradesChartSpec } from './grades-types.ts';
import { boxesOverlap, boxInside, markBox, placeLabels, textBox, type Box } from './label-layout.ts';
import { renderPixelPlot, type Panel } from './render-svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';
import { COLOUR, LINE_HEIGHT, MARGIN, MARK, TEXT_SIZE, gradeColour, type ChartLayout } from './theme.ts';

export type TimeScale = ReturnType<typeof scaleUtc<number>>;

/** How the overall panel named each framework and grade, for the key beneath it. */
export interface OverallNaming {
  /** Frameworks named by number (their name did not fit their band). */
  numbered: Set<string>;
  /** Grades shortened, by framework and position, with the short form used. */
  shortened: Map<string, string>;
  /** Grades whose name found no room in the band at all. */
  unlabelled: Set<string>;
}

const ROW_GAP: Record<ChartLayout, number> = { narrow: 46, wide: 44 };

/** A grade's key in `OverallNaming`. */
export const gradeKey = (framework: string, position: number) => `${framework}#${position}`;

/**
 * Overall effectiveness on a time axis: one band per framework, running
 * until the next, with its own scale's names and gridlines; a dashed rule at
 * each change of framework. Every name is set only where it fits, clear of
 * the marks and of every other name; what does not fit is shortened or
 * numbered, and the key beneath spells it out.
 */
export function overallPanel(spec: GradesChartSpec, width: number, layout: ChartLayout, x: TimeScale): { panel: Panel; naming: OverallNaming } {
  const size = TEXT_SIZE[layout];
  const margin = MARGIN[layout];
  const lineHeight = size.small * LINE_HEIGHT;
  const gap = ROW_GAP[layout];
  const toDate = (year: number) => new Date(Date.UTC(year, 0, 1));
  const left = (region: { from: number }) => x(toDate(region.from));
  const right = (region: { to: number }) => x(toDate(region.to));
  const naming: OverallNaming = { numbered: new Set(), shortened: new Map(), unlabelled: new Set() };

  // Band headers: the framework's name wrapped to its band, else its number in the key.
  const headersTop = 30;
  const headers = spec.regions.map((region, index) => {
    const room = right(region) - left(region) - 8;
    const lines = wrapText(region.name, room, size.small, true);
    const fits = lines.length <= 2 && lines.every((line) => estimateTextWidth(line, size.small, true) <= room);
    if (!fits) naming.numbered.add(region.framework);
    return { lines: fits ? lines : [String(index + 1)], x: left(region) + 4 };
  });
  const headerLines = Math.max(1, ...headers.map((header) => header.lines.length));
  const headerText = headers.flatMap((header) => header.lines.map((text, line) => ({ text, x: header.x, y: headersTop + lineHeight * (line + 0.5) })));

  const rows = Math.max(4, ...spec.regions.map((region) => region.scale.length));
  const firstRowY = headersTop + headerLines * lineHeight + 28;
  const rowY = (position: number) => firstRowY + (position - 1) * gap;
  const noOverallY = rowY(rows + 1);
  const lastRowY = spec.noOverall.length ? noOverallY : rowY(rows);
  const height = lastRowY + 32;
  const scaleSize = (framework: string) => spec.regions.find((region) => region.framework === framework)?.scale.length ?? 4;

  const dots = spec.overall.flatMap((judgement) =>
    judgement.dates.map((date) => ({
      mark: judgement.ids.join(' '),
      x: x(midpoint(date.date)),
      y: rowY(judgement.position),
      colour: gradeColour(judgement.position, scaleSize(judgement.framework)),
      fill: judgement.knownFromMentionsOnly ? COLOUR.background : gradeColour(judgement.position, scaleSize(judgement.framework)),
    })),
  );
  const noOverallMarks = spec.noOverall.map((event) => ({ mark: event.event, x: x(midpoint(event.date)), y: noOverallY, fill: event.knownFromMentionsOnly ? COLOUR.background : COLOUR.text }));
  const joins = spec.overall
    .filter((judgement) => judgement.dates.length > 1)
    .map((judgement) => ({ x1: x(midpoint(judgement.dates[0].date)), x2: x(midpoint(judgement.dates.at(-1)!.date)), y: rowY(judgement.position), colour: gradeColour(judgement.position, scaleSize(judgement.framework)) }));
  const yearBrackets = spec.overall.flatMap((judgement) =>
    judgement.dates
      .filter((date) => date.precision === 'year')
      .map((date) => {
        const [start, end] = span(date.date);
        return { x1: x(start) + 2, x2: x(end) - 2, y: rowY(judgement.position) + 11 };
      }),
  );
  const markBoxes: Box[] = [
    ...dots.map((dot) => markBox(dot.x, dot.y, MARK.radius + 2)),
    ...noOverallMarks.map((mark) => markBox(mark.x, mark.y, MARK.radius + 2)),
    ...joins.map((join) => ({ x: join.x1, y: join.y - 3, width: join.x2 - join.x1, height: 6 })),
    ...yearBrackets.map((bracket) => ({ x: bracket.x1, y: bracket.y - 5, width: bracket.x2 - bracket.x1, height: 6 })),
  ];
  const bounds: Box = { x: margin.left, y: 0, width: width - margin.left - margin.right, height };
  const taken: Box[] = [...markBoxes, ...headerText.map((line) => textBox(line.text, { x: line.x, y: line.y, size: size.small, bold: true }))];

  // The scale's names above their gridlines: whole, else shortened, at the
  // band's left or right end, wherever they cover no mark and no other name.
  const scaleLabels: { text: string; x: number; y: number; anchor: 'start' | 'end' }[] = [];
  for (const region of spec.regions) {
    const room = right(region) - left(region) - 8;
    region.scale.forEach((grade, index) => {
      const y = rowY(index + 1) - 11;
      const whole = fitGrade(grade, { aliases: region.aliases[index], width: room, size: size.small });
      const short = { lines: [abbreviateGrade(grade)], abbreviated: true };
      const wordings = whole && whole.lines[0] !== short.lines[0] ? [whole, short] : [short];
      for (const wording of wordings) {
        const text = wording.lines[0];
        if (estimateTextWidth(text, size.small) > room) continue;
        const spot = (['start', 'end'] as const)
          .map((anchor) => ({ anchor, x: anchor === 'start' ? left(region) + 4 : right(region) - 4 }))
          .find((candidate) => {
            const box = textBox(text, { x: candidate.x, y, size: size.small, anchor: candidate.anchor });
            return boxInside(box, bounds) && !taken.some((other) => boxesOverlap(box, other, 1));
          });
        if (!spot) continue;
        taken.push(textBox(text, { x: spot.x, y, size: size.small, anchor: spot.anchor }));
        scaleLabels.push({ text, x: spot.x, y, anchor: spot.anchor });
        if (wording.abbreviated || text !== grade) naming.shortened.set(gradeKey(region.framework, index + 1), text);
        return;
      }
      naming.unlabelled.add(gradeKey(region.framework, index + 1));
    });
  }

  // Words that explain marks, placed clear of everything else or left to the notes.
  const firstNoOverall = spec.regions.find((region) => spec.noOverall.some((event) => event.framework === region.framework));
  const noOverallBounds: Box = firstNoOverall ? { x: left(firstNoOverall), y: 0, width: right(spec.regions.at(-1)!) - left(firstNoOverall), height } : bounds;
  const explanations = placeLabels(
    [
      ...spec.overall
        .filter((judgement) => judgement.sourcesDisagree)
        .map((judgement) => ({
          anchor: { x: (x(midpoint(judgement.dates[0].date)) + x(midpoint(judgement.dates.at(-1)!.date))) / 2, y: rowY(judgement.position) },
          clearance: 9,
          lines: [{ text: layout === 'narrow' ? 'Sources disagree' : 'Sources disagree on the date', size: size.small }],
          sides: ['below', 'above'] as const,
          maxSlide: 0.5,
          priority: 2,
          datum: judgement.event,
        })),
      ...(spec.noOverall.length
        ? [
            {
              anchor: { x: x(midpoint(spec.noOverall[0].date)), y: noOverallY },
              clearance: 9,
              lines: [{ text: layout === 'narrow' ? 'No overall grade' : 'Areas graded, no overall grade', size: size.small }],
              sides: ['above', 'below', 'right'] as const,
              maxSlide: 1,
              priority: 1,
              within: noOverallBounds,
              datum: 'no-overall',
            },
          ]
        : []),
    ],
    { bounds, obstacles: taken },
  );
  const explanationText = explanations.placed.flatMap((label) => label.lines.map((line) => ({ text: line.text, x: line.x, y: line.y, anchor: label.textAnchor })));

  const gridlines = spec.regions.flatMap((region) => region.scale.map((_, index) => ({ x1: left(region) + 4, x2: right(region) - 4, y: rowY(index + 1) })));
  const noOverallLines = spec.regions
    .filter((region) => spec.noOverall.some((event) => event.framework === region.framework))
    .map((region) => ({ x1: left(region) + 4, x2: right(region) - 4, y: noOverallY }));
  const breaks = spec.regions.slice(1).map((region) => left(region));
  const path = spec.path.map((segment) => {
    const from = spec.overall[segment.from];
    const to = spec.overall[segment.to];
    return { x1: x(midpoint(from.dates.at(-1)!.date)), y1: rowY(from.position), x2: x(midpoint(to.dates[0].date)), y2: rowY(to.position) };
  });
  const yearLines = Array.from({ length: spec.years[1] - spec.years[0] + 2 }, (_, index) => x(toDate(spec.years[0] + index)));

  const svg = renderPixelPlot({
    width,
    height,
    marks: [
      Plot.text(['Overall effectiveness'], { x: margin.left, y: 12, textAnchor: 'start', lineAnchor: 'middle', fontWeight: 700, fontSize: size.strong, className: 'panel-heading' }),
      Plot.ruleX(yearLines, { x: (value: number) => value, y1: firstRowY - 8, y2: lastRowY + 8, stroke: COLOUR.rule, className: 'year-line' }),
      Plot.ruleY(gridlines, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLOUR.muted, strokeOpacity: 0.55, className: 'scale-gridline' }),
      Plot.ruleY(noOverallLines, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLOUR.muted, strokeDasharray: '2 3', className: 'no-overall-gridline' }),
      Plot.text(headerText, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'middle', fontSize: size.small, fontWeight: 700, className: 'framework-label' }),
      ...(['start', 'end'] as const).map((anchor) =>
        Plot.text(scaleLabels.filter((label) => label.anchor === anchor), { x: 'x', y: 'y', text: 'text', textAnchor: anchor, lineAnchor: 'middle', fontSize: size.small, fill: COLOUR.muted, className: 'scale-label' }),
      ),
      Plot.ruleX(breaks, { x: (value: number) => value, y1: headersTop - 6, y2: lastRowY + 12, stroke: COLOUR.text, strokeWidth: MARK.thinStroke, strokeDasharray: '5 4', className: 'framework-break' }),
      Plot.ruleY(yearBrackets, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, className: 'date-bracket' }),
      Plot.ruleX(yearBrackets.flatMap((bracket) => [bracket.x1, bracket.x2].map((bx) => ({ x: bx, y: bracket.y }))), { x: 'x', y1: (d: { y: number }) => d.y - 4, y2: 'y', stroke: COLOUR.muted, strokeWidth: MARK.thinStroke, className: 'date-bracket-end' }),
      Plot.arrow(path, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', inset: MARK.radius + 4, stroke: COLOUR.muted, strokeWidth: MARK.stroke, headLength: 8, className: 'grade-path' }),
      Plot.ruleY(joins, { y: 'y', x1: 'x1', x2: 'x2', stroke: 'colour', strokeWidth: 4, className: 'date-conflict' }),
      Plot.dot(dots, { x: 'x', y: 'y', r: MARK.radius, fill: 'fill', stroke: 'colour', strokeWidth: MARK.stroke, title: 'mark', className: 'overall-grade' }),
      Plot.dot(noOverallMarks, { x: 'x', y: 'y', r: MARK.radius, symbol: 'square', fill: 'fill', stroke: COLOUR.text, strokeWidth: MARK.stroke, title: 'mark', className: 'no-overall-grade' }),
      ...(['start', 'middle', 'end'] as const).map((anchor) =>
        Plot.text(explanationText.filter((line) => line.anchor === anchor), { x: 'x', y: 'y', text: 'text', textAnchor: anchor, lineAnchor: 'middle', fontSize: size.small, className: 'explanation-label' }),
      ),
    ],
  });
  return { panel: { svg, height, className: 'panel-overall' }, naming };
}
