import { estimateTextWidth } from './text-layout.ts';
import { LINE_HEIGHT } from './theme.ts';

/**
 * Placing labels by their measured extents, so that no two collide: each
 * label tries the places around its mark in turn and takes the first that
 * stays inside the drawing and clear of everything placed before it. A label
 * that finds no place becomes a numbered callout (a small badge by its mark,
 * keyed to a list) or, when even the badge has no room, is left to the data
 * table. Labels are placed in priority order, so the ones that matter most
 * get the room.
 */

/** An axis-aligned box in SVG units: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of a label, with the type it is set in. */
export interface LabelLine {
  text: string;
  size: number;
  bold?: boolean;
}

/** A label that wants to sit by a mark. */
export interface LabelRequest<T = unknown> {
  /** The mark's centre. */
  anchor: { x: number; y: number };
  /** How far from the anchor the label starts (the mark's radius and a gap). */
  clearance?: number;
  lines: readonly LabelLine[];
  /** Higher first. Ties keep the order given. */
  priority?: number;
  /** Sides to try, in order; all four by default. */
  sides?: readonly Side[];
  /** How far, in label sizes, the label may slide along a side away from level with its mark; 1 by default. */
  maxSlide?: number;
  /** A narrower box than the layout's bounds that this label must stay in, e.g. its framework's band. */
  within?: Box;
  /** The badge drawn instead when the label finds no room, e.g. "3": it keys the mark to a list. */
  callout?: string;
  /** Whatever the caller needs back with the placement. */
  datum: T;
}

export type Side = 'right' | 'left' | 'above' | 'below';

/** A label given a place: where its box is and how to draw its lines. */
export interface PlacedLabel<T = unknown> {
  request: LabelRequest<T>;
  box: Box;
  side: Side;
  /** Where each line is drawn: x with `textAnchor`, y the line's middle. */
  lines: (LabelLine & { x: number; y: number })[];
  textAnchor: 'start' | 'middle' | 'end';
}

export interface LayoutOptions {
  /** Labels must lie wholly inside this box. */
  bounds: Box;
  /** Marks and text already drawn, which labels must not cover. */
  obstacles?: readonly Box[];
  /** Space kept between any two boxes. */
  padding?: number;
}

/** The size of a label's lines, stacked. */
export function measureLines(lines: readonly LabelLine[]): { width: number; height: number } {
  return {
    width: Math.max(0, ...lines.map((line) => estimateTextWidth(line.text, line.size, line.bold))),
    height: lines.reduce((total, line) => total + line.size * LINE_HEIGHT, 0),
  };
}

/** True when two boxes overlap, allowing `padding` between them. */
export function boxesOverlap(a: Box, b: Box, padding = 0): boolean {
  return a.x < b.x + b.width + padding && b.x < a.x + a.width + padding && a.y < b.y + b.height + padding && b.y < a.y + a.height + padding;
}

/** True when `inner` lies wholly inside `outer`. */
export function boxInside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.width <= outer.x + outer.width + 0.01 && inner.y + inner.height <= outer.y + outer.height + 0.01;
}

/** A box around a point: a mark of radius `r`. */
export function markBox(x: number, y: number, r: number): Box {
  return { x: x - r, y: y - r, width: 2 * r, height: 2 * r };
}

/**
 * The candidate boxes for a label of `size` around `anchor`, nearest first
 * on each side: level with the mark, then slid along the side by half a
 * label at a time, so a crowd of labels fans out instead of giving up.
 */
function candidates(anchor: { x: number; y: number }, size: { width: number; height: number }, clearance: number, sides: readonly Side[], maxSlide: number): { box: Box; side: Side }[] {
  const slides = [0, -0.5, 0.5, -1, 1, -1.5, 1.5, -2, 2].filter((slide) => Math.abs(slide) <= maxSlide);
  const found: { box: Box; side: Side }[] = [];
  for (const slide of slides) {
    for (const side of sides) {
      const horizontal = side === 'right' || side === 'left';
      const x = side === 'right' ? anchor.x + clearance : side === 'left' ? anchor.x - clearance - size.width : anchor.x - size.width / 2 + slide * size.width;
      const y = horizontal ? anchor.y - size.height / 2 + slide * size.height : side === 'above' ? anchor.y - clearance - size.height : anchor.y + clearance;
      found.push({ box: { x, y, width: size.width, height: size.height }, side });
    }
  }
  return found;
}

/**
 * Places labels without overlap, inside the bounds and clear of the
 * obstacles. Returns those placed (their boxes join the obstacles for the
 * next) and those that found no room, in the order given.
 */
export function placeLabels<T>(requests: readonly LabelRequest<T>[], { bounds, obstacles = [], padding = 2 }: LayoutOptions): { placed: PlacedLabel<T>[]; unplaced: LabelRequest<T>[] } {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel<T>[] = [];
  const unplaced: LabelRequest<T>[] = [];
  const order = requests.map((request, index) => ({ request, index })).sort((a, b) => (b.request.priority ?? 0) - (a.request.priority ?? 0) || a.index - b.index);
  for (const { request } of order) {
    const size = measureLines(request.lines);
    const spot = candidates(request.anchor, size, request.clearance ?? 6, request.sides ?? ['right', 'left', 'above', 'below'], request.maxSlide ?? 1).find(
      ({ box }) => boxInside(box, bounds) && (!request.within || boxInside(box, request.within)) && !taken.some((other) => boxesOverlap(box, other, padding)),
    );
    if (!spot) {
      unplaced.push(request);
      continue;
    }
    taken.push(spot.box);
    placed.push(drawAt(request, spot.box, spot.side));
  }
  return { placed, unplaced };
}

/** A label's lines set in its box: left-aligned right of the mark, right-aligned left of it, centred above and below. */
function drawAt<T>(request: LabelRequest<T>, box: Box, side: Side): PlacedLabel<T> {
  const textAnchor = side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle';
  const x = textAnchor === 'start' ? box.x : textAnchor === 'end' ? box.x + box.width : box.x + box.width / 2;
  let top = box.y;
  const lines = request.lines.map((line) => {
    const height = line.size * LINE_HEIGHT;
    const placed = { ...line, x, y: top + height / 2 };
    top += height;
    return placed;
  });
  return { request, box, side, lines, textAnchor };
}

/** Labels placed where they fit, badges where they do not, and those with room for neither. */
export interface LabelLayout<T> {
  placed: PlacedLabel<T>[];
  /** Badges: each a one-line label holding its request's `callout`. */
  callouts: PlacedLabel<T>[];
  dropped: LabelRequest<T>[];
}

/**
 * Labels first; then, for those that found no room, their callout badges,
 * which are small enough to fit where a label does not. A request with no
 * callout, or whose badge finds no room either, is dropped: the data table
 * still lists it.
 */
export function placeLabelsOrCallouts<T>(requests: readonly LabelRequest<T>[], options: LayoutOptions & { calloutSize: number }): LabelLayout<T> {
  const labels = placeLabels(requests, options);
  const badges = placeLabels(
    labels.unplaced.filter((request) => request.callout).map((request) => ({ ...request, lines: [{ text: request.callout!, size: options.calloutSize, bold: true }], clearance: request.clearance ?? 6 })),
    { ...options, obstacles: [...(options.obstacles ?? []), ...placedBoxes(labels.placed)] },
  );
  const badged = new Set(badges.placed.map((badge) => badge.request.datum));
  return { placed: labels.placed, callouts: badges.placed, dropped: labels.unplaced.filter((request) => !badged.has(request.datum)) };
}

/** The boxes of placed labels, to add to another layout's obstacles. */
export function placedBoxes(placed: readonly PlacedLabel[]): Box[] {
  return placed.map((label) => label.box);
}

/** The box a line of text occupies, from where it is drawn. */
export function textBox(text: string, { x, y, size, bold = false, anchor = 'start' }: { x: number; y: number; size: number; bold?: boolean; anchor?: 'start' | 'middle' | 'end' }): Box {
  const width = estimateTextWidth(text, size, bold);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  const height = size * LINE_HEIGHT;
  return { x: left, y: y - height / 2, width, height };
}
