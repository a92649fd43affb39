import { wrapText } from '../charts/text-layout.ts';
import { CHART_WIDTH } from '../charts/theme.ts';
import { svgSize } from './standalone-svg.ts';

/**
 * The height an embed's iframe starts at, and keeps when the host page runs
 * no script (or the reader has scripts off). Worked out at build time from
 * the chart's two drawings and its words, so that the whole drawing shows at
 * any column width and the whole embed shows in a typical 640 px column.
 *
 * The sizes below mirror the CSS of the embed (src/layouts/EmbedLayout.astro,
 * src/pages/embed/[chart].astro) and of charts in site.css; the browser
 * tests (tests/journalists/embeds.test.ts) check the estimate against
 * Chromium's layout at 360, 640 and 1000 px.
 */

export interface EmbedText {
  title: string;
  subtitle: string;
  notes: readonly string[];
  /** The source line and licence statements under the chart. */
  credits: readonly string[];
}

const REM = 16;
const PADDING = { x: 16, top: 12, bottom: 14 };
/** The chart container switches to the wide drawing from 39rem (site.css, "Charts"). */
const WIDE_FROM = 39 * REM;
const TYPE = {
  title: { size: 1.2 * REM, line: 1.2, after: 0.35 * REM, bold: true },
  subtitle: { size: 0.95 * REM, line: 1.6, after: 1 * REM, bold: false },
  caption: { size: 0.88 * REM, line: 1.6, after: 0.35 * REM, bold: false },
};
const GRAPHIC_AFTER = 0.75 * REM;
const NOTES_INDENT = 1.1 * REM;
/** The footer: a bold link over two lines at most, and the data version. */
const FOOTER = 3 * TYPE.caption.size * TYPE.caption.line + 0.5 * REM;
/** The widest a narrow drawing is shown (site.css `.chart-svg--narrow`). */
const NARROW_MAX_WIDTH = 420;

/** The column widths the fallback is checked against, narrowest phone to desktop. */
export const EMBED_WIDTHS = [320, 360, 480, 640, 800, 1000, 1200] as const;
/** The typical article column the whole embed should fit at. */
export const TYPICAL_WIDTH = 640;

const textHeight = (text: string, width: number, type: (typeof TYPE)[keyof typeof TYPE]) =>
  wrapText(text, width, type.size, type.bold).length * type.size * type.line + type.after;

/** Height of the drawing CSS shows in a content box `width` px wide. */
function graphicHeight(drawings: { narrow: { width: number; height: number }; wide: { width: number; height: number } }, width: number) {
  const drawing = width >= WIDE_FROM ? drawings.wide : drawings.narrow;
  const shown = Math.min(width, width >= WIDE_FROM ? drawing.width : NARROW_MAX_WIDTH);
  return (drawing.height * shown) / drawing.width;
}

/** Estimated heights of the parts of the embed in an iframe `frameWidth` px wide. */
export function embedLayout(text: EmbedText, drawings: Parameters<typeof graphicHeight>[0], frameWidth: number) {
  const width = frameWidth - 2 * PADDING.x;
  const above = PADDING.top + textHeight(text.title, width, TYPE.title) + textHeight(text.subtitle, width, TYPE.subtitle);
  const graphic = graphicHeight(drawings, width);
  const below =
    GRAPHIC_AFTER +
    text.notes.reduce((total, note) => total + textHeight(note, width - NOTES_INDENT, TYPE.caption), 0) +
    text.credits.reduce((total, line) => total + textHeight(line, width, TYPE.caption), 0) +
    FOOTER +
    PADDING.bottom;
  return { above, graphic, below };
}

/**
 * The fallback height: the whole drawing at every width in EMBED_WIDTHS, and
 * the whole embed at the typical width.
 */
export function embedFallbackHeight(text: EmbedText, renderSvg: (width: number) => string): number {
  const drawings = { narrow: svgSize(renderSvg(CHART_WIDTH.narrow)), wide: svgSize(renderSvg(CHART_WIDTH.wide)) };
  const wholeDrawing = Math.max(...EMBED_WIDTHS.map((width) => {
    const { above, graphic } = embedLayout(text, drawings, width);
    return above + graphic;
  }));
  const typical = embedLayout(text, drawings, TYPICAL_WIDTH);
  return Math.ceil(Math.max(wholeDrawing + GRAPHIC_AFTER, typical.above + typical.graphic + typical.below));
}
