import { wrapText } from '../charts/text-layout.ts';
import { SCREEN_DRAWINGS, drawingFor } from '../charts/drawing-widths.ts';
import { svgSize } from './standalone-svg.ts';

/**
 * The height an embed's iframe starts at, and keeps when the host page runs
 * no script (or the reader has scripts off). Worked out at build time from
 * the chart's screen drawings and its words, so that the whole drawing shows at
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
const TYPE = {
  title: { size: 1.2 * REM, line: 1.2, after: 0.35 * REM, bold: true },
  subtitle: { size: 0.95 * REM, line: 1.6, after: 1 * REM, bold: false },
  caption: { size: 0.88 * REM, line: 1.6, after: 0.35 * REM, bold: false },
};
const GRAPHIC_AFTER = 0.75 * REM;
const NOTES_INDENT = 1.1 * REM;
/** The footer: a bold link over two lines at most, and the data version. */
const FOOTER = 3 * TYPE.caption.size * TYPE.caption.line + 0.5 * REM;

/** The column widths the fallback is checked against, narrowest phone to desktop. */
export const EMBED_WIDTHS = [320, 360, 480, 640, 800, 1000, 1200] as const;
/** The typical article column the whole embed should fit at. */
export const TYPICAL_WIDTH = 640;

const textHeight = (text: string, width: number, type: (typeof TYPE)[keyof typeof TYPE]) =>
  wrapText(text, width, type.size, type.bold).length * type.size * type.line + type.after;

/** Each screen drawing's size in SVG units, by its width. */
type DrawingSizes = ReadonlyMap<number, { width: number; height: number }>;

/** Height of the drawing CSS shows in a content box `width` px wide (site.css, "Charts"). */
function graphicHeight(drawings: DrawingSizes, width: number) {
  const { drawing, shownWidth } = drawingFor(width);
  const size = drawings.get(drawing.width)!;
  return (size.height * shownWidth) / size.width;
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
  const drawings: DrawingSizes = new Map(SCREEN_DRAWINGS.map((drawing) => [drawing.width, svgSize(renderSvg(drawing.width))]));
  const wholeDrawing = Math.max(...EMBED_WIDTHS.map((width) => {
    const { above, graphic } = embedLayout(text, drawings, width);
    return above + graphic;
  }));
  const typical = embedLayout(text, drawings, TYPICAL_WIDTH);
  return Math.ceil(Math.max(wholeDrawing + GRAPHIC_AFTER, typical.above + typical.graphic + typical.below));
}
