import { TEXT_SIZE, layoutFor } from './theme.ts';

/**
 * The widths each chart is drawn at for the screen, and the container widths
 * each drawing is shown at, so that chart text stays between 12 and 16 CSS px
 * and the drawing fills its column, from a 280 px phone to a wide embed.
 *
 * A drawing W units wide shown in a container C px wide has its text scaled
 * by C / W, so one drawing can only serve a band of widths: its smallest
 * text (TEXT_SIZE.small) must reach 12 px at the band's start and its
 * largest (TEXT_SIZE.strong) stay under 16 px at its end. Six drawings cover
 * every container from 248 px (a 280 px screen less the page's padding) to
 * the widest; the last stops growing at MAX_SHOWN_WIDTH, at least 800 px.
 * site.css ("Charts") holds the same bands as container queries; the browser
 * tests measure the text and the fill at every width.
 */

/** Chart text, in CSS px, at any container width from NARROWEST_CONTAINER up. */
export const TEXT_PX = { min: 12, max: 16 } as const;

/** The narrowest container the drawings serve: a 280 px screen less 16 px padding each side. */
export const NARROWEST_CONTAINER = 248;

/** One screen drawing: `width` units wide, shown in containers from `from` px (inclusive) to the next drawing's `from`. */
export interface ScreenDrawing {
  width: number;
  from: number;
}

/** Narrowest first. Keep in step with site.css's container queries (`.chart-drawing--w<width>`). */
export const SCREEN_DRAWINGS: readonly ScreenDrawing[] = [
  { width: 264, from: 0 },
  { width: 320, from: 297 },
  { width: 392, from: 364 },
  { width: 476, from: 442 },
  { width: 628, from: 541 },
  { width: 772, from: 665 },
];

/** The widest the last drawing is shown, in CSS px: its largest text at just under 16 px. */
export const MAX_SHOWN_WIDTH = 820;

/**
 * The page's padding beside a chart (site.css `main`: 1rem each side). Where
 * a chart is an image, a media query on the window's width stands for the
 * container query: the chart's column is the window less this, up to the
 * .chart's 52rem.
 */
export const PAGE_PADDING = 32;

/** The window widths at which each drawing is shown as an image: `(min-width: …)` for all but the first. */
export function windowMedia(drawing: ScreenDrawing): string | undefined {
  return drawing.from > 0 ? `(min-width: ${drawing.from + PAGE_PADDING}px)` : undefined;
}

/** The drawing CSS shows in a container `container` px wide, and how wide it shows. */
export function drawingFor(container: number): { drawing: ScreenDrawing; shownWidth: number } {
  const drawing = SCREEN_DRAWINGS.findLast((candidate) => container >= candidate.from) ?? SCREEN_DRAWINGS[0];
  return { drawing, shownWidth: Math.min(container, MAX_SHOWN_WIDTH) };
}

/**
 * The smallest and largest text, in CSS px, that a drawing shows across its
 * band of container widths (from NARROWEST_CONTAINER for the first).
 */
export function textRangeOf(index: number): { min: number; max: number } {
  const drawing = SCREEN_DRAWINGS[index];
  const size = TEXT_SIZE[layoutFor(drawing.width)];
  const start = Math.max(drawing.from, NARROWEST_CONTAINER);
  const end = SCREEN_DRAWINGS[index + 1]?.from ?? MAX_SHOWN_WIDTH;
  return { min: (size.small * start) / drawing.width, max: (size.strong * end) / drawing.width };
}
