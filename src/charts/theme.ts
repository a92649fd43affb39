import type { EventKind } from '../schema/index.ts';

/**
 * The charts' look in one place: colours, type sizes, widths and margins.
 *
 * Colours are CSS custom properties from `src/styles/site.css`, so an inline
 * SVG follows the page in light, dark and print. Each carries the light-mode
 * value as a fallback, so a standalone copy of a chart still renders; a test
 * checks that the fallbacks match site.css.
 */

/** Light-mode values of the site's colour properties (fallbacks only). */
export const LIGHT_COLOURS = {
  '--text': '#1c1c1c',
  '--muted': '#555250',
  '--rule': '#d5d1c8',
  '--bg': '#fdfcf9',
  '--link': '#0a58a8',
  '--grade-1': '#17694d',
  '--grade-2': '#3b7f2f',
  '--grade-3': '#a86200',
  '--grade-4': '#b3261e',
  '--grade-none': '#666360',
} as const;

type ColourProperty = keyof typeof LIGHT_COLOURS;

/** `var(--name, #fallback)` for one of the site's colour properties. */
export function cssColour(property: ColourProperty): string {
  return `var(${property}, ${LIGHT_COLOURS[property]})`;
}

/** Colours by role. Text uses currentColor, which follows the page. */
export const COLOUR = {
  text: 'currentColor',
  muted: cssColour('--muted'),
  rule: cssColour('--rule'),
  background: cssColour('--bg'),
  ungraded: cssColour('--grade-none'),
  /** The place a chart is about, against others (Manchester against England). */
  focus: cssColour('--link'),
} as const;

/**
 * The grade palette: position on a framework's scale (1 best) to colour.
 * A scale longer than four is spread over the same four colours, best to
 * worst. Colour is never the only channel: every graded mark also carries
 * its grade in words or its place on a labelled scale.
 */
export function gradeColour(position: number | undefined, scaleSize = 4): string {
  const step = position === undefined || scaleSize <= 4 ? position : Math.round(1 + ((position - 1) * 3) / (scaleSize - 1));
  switch (step) {
    case 1:
      return cssColour('--grade-1');
    case 2:
      return cssColour('--grade-2');
    case 3:
      return cssColour('--grade-3');
    case 4:
      return cssColour('--grade-4');
    default:
      return COLOUR.ungraded;
  }
}

/** The site's sans-serif stack (site.css `--sans`), for chart text. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/**
 * Each chart is drawn twice and CSS shows one. The narrow drawing is for
 * phones: 300 units wide, it is never shown below 288 CSS px (a 320 px screen
 * less the page's padding), so 13-unit text never renders under 12 px. The
 * wide drawing is shown from a 624 px container up, so 14-unit text stays at
 * 12 px or more (site.css, "Charts").
 */
export const CHART_WIDTH = { narrow: 300, wide: 720 } as const;

export type ChartLayout = keyof typeof CHART_WIDTH;

/** The layout a width calls for: narrow below 480 units. */
export function layoutFor(width: number): ChartLayout {
  return width < 480 ? 'narrow' : 'wide';
}

/** Type sizes in SVG units, by layout; nothing smaller than `small`. */
export const TEXT_SIZE: Record<ChartLayout, { label: number; small: number; strong: number }> = {
  narrow: { label: 13.5, small: 13, strong: 14 },
  wide: { label: 14.5, small: 14, strong: 15 },
};

/** Line height for wrapped labels, as a multiple of the type size. */
export const LINE_HEIGHT = 1.2;

/** Outer margins in SVG units, by layout. */
export const MARGIN: Record<ChartLayout, { top: number; right: number; bottom: number; left: number }> = {
  narrow: { top: 12, right: 8, bottom: 30, left: 8 },
  wide: { top: 16, right: 16, bottom: 32, left: 16 },
};

/** Marker radius and stroke widths, in SVG units. */
export const MARK = { radius: 6, stroke: 2, thinStroke: 1.5 } as const;

/**
 * Marker shape by kind of event (Plot symbol names), so that kind never
 * depends on colour: circles for inspections, diamonds for monitoring visits,
 * squares for focused visits, triangles for council reports, stars for news,
 * hexagons for official statistics.
 */
export const KIND_SYMBOL: Record<EventKind, 'circle' | 'diamond' | 'square' | 'triangle' | 'star' | 'hexagon'> = {
  inspection: 'circle',
  'service-inspection': 'circle',
  'unannounced-inspection': 'circle',
  'monitoring-visit': 'diamond',
  'focused-visit': 'square',
  'council-report': 'triangle',
  'news-article': 'star',
  'statistics-release': 'hexagon',
};
