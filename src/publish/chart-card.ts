import { wrapText } from '../charts/text-layout.ts';
import { resolveCustomProperties, SVG_NS, svgSize, type Palette } from './standalone-svg.ts';

/**
 * A chart as a picture that travels alone (the PNG download, the social card
 * image): headline, subtitle, the chart, its notes, the source line and the
 * data version, laid out as one standalone SVG in light-mode colours.
 */

export interface ChartCardText {
  title: string;
  subtitle: string;
  notes: readonly string[];
  /** The citation line, e.g. from `chartCitation()`. */
  source: string;
  /** The licence attribution, if any. */
  footer: string;
}

const PADDING = 24;
const TYPE = {
  title: { size: 22, weight: 700, colour: '--text', gap: 6 },
  subtitle: { size: 15, weight: 400, colour: '--muted', gap: 14 },
  note: { size: 13, weight: 400, colour: '--muted', gap: 4 },
  source: { size: 13, weight: 400, colour: '--muted', gap: 4 },
  footer: { size: 12, weight: 400, colour: '--muted', gap: 0 },
} as const;
const LINE = 1.3;

/** The most lines the source line may take on the card; a longer list of sources is shortened (see `boundedSource`). */
export const MAX_SOURCE_LINES = 10;

/**
 * A citation short enough for the card: its sources as many as fit in
 * MAX_SOURCE_LINES, then how many more there are, and always its last
 * part, which names the chart and its address (where every source is
 * listed). A chart drawn from hundreds of documents would otherwise make a
 * card taller than any page.
 * @example boundedSource('Source: A; B; …; Z; chart: Judged, https://…', 600) // 'Source: A; B; and 24 more sources, listed on the chart’s page; chart: Judged, https://…'
 */
export function boundedSource(source: string, width: number, size = TYPE.source.size): string {
  const fits = (text: string) => wrapText(text, width, size).length <= MAX_SOURCE_LINES;
  if (fits(source)) return source;
  const parts = source.split('; ');
  const tailStart = parts.findIndex((part) => part.startsWith('chart: '));
  const head = tailStart === -1 ? parts : parts.slice(0, tailStart);
  const tail = tailStart === -1 ? [] : parts.slice(tailStart);
  const shortened = (kept: number) => [...head.slice(0, kept), `and ${head.length - kept} more sources, listed on the chart’s page`, ...tail].join('; ');
  // The most sources that fit, found by halving: keeping one more source
  // never takes fewer lines (greedy wrapping never does with more words), so
  // this is the largest count that fits, in a dozen wraps rather than one
  // per source (hundreds, each of a long line: minutes of a large build).
  let [low, high] = [0, head.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(shortened(middle))) low = middle;
    else high = middle - 1;
  }
  return low >= 1 ? shortened(low) : [`Source: ${head.length} documents, listed on the chart’s page`, ...tail].join('; ');
}

const escapeText = (text: string) => text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char]!);

/** Wrapped lines of one text block, placed from `top`; returns the markup and the new top. */
function textBlock(text: string, style: (typeof TYPE)[keyof typeof TYPE], top: number, width: number): { markup: string; top: number } {
  const lines = wrapText(text, width, style.size, style.weight > 400);
  const lineHeight = style.size * LINE;
  const markup = lines
    .map((line, index) => `<text x="${PADDING}" y="${round(top + style.size + index * lineHeight)}" font-size="${style.size}" font-weight="${style.weight}" fill="var(${style.colour})">${escapeText(line)}</text>`)
    .join('');
  return { markup, top: top + lines.length * lineHeight + style.gap };
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The card around one rendered chart (an `<svg>` string with a viewBox). The
 * chart keeps its own drawing; the card adds the words a reader needs when the
 * picture is all they have.
 */
export function chartCardSvg(chart: string, text: ChartCardText, palette: Palette, fontFamily: string): string {
  const { width: chartWidth, height: chartHeight } = svgSize(chart);
  const width = chartWidth + 2 * PADDING;
  const textWidth = width - 2 * PADDING;
  const parts: string[] = [];
  let top = PADDING;
  for (const [content, style] of [[text.title, TYPE.title], [text.subtitle, TYPE.subtitle]] as const) {
    const block = textBlock(content, style, top, textWidth);
    parts.push(block.markup);
    top = block.top;
  }
  const nested = chart.trim().replace(/^<svg\b([^>]*)>/, (_, attributes: string) => `<svg${attributes.replace(/\s(xmlns|x|y)="[^"]*"/g, '')} x="${PADDING}" y="${round(top)}">`);
  parts.push(nested);
  top += chartHeight + 12;
  for (const note of text.notes) {
    const block = textBlock(`Note: ${note}`, TYPE.note, top, textWidth);
    parts.push(block.markup);
    top = block.top;
  }
  for (const [content, style] of [[boundedSource(text.source, textWidth), TYPE.source], [text.footer, TYPE.footer]] as const) {
    if (!content) continue;
    const block = textBlock(content, style, top + 4, textWidth);
    parts.push(block.markup);
    top = block.top;
  }
  const height = Math.ceil(top + PADDING);
  const svg = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeText(fontFamily)}" color="var(--text)">`,
    `<title>${escapeText(text.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="var(--bg)"/>`,
    ...parts,
    '</svg>',
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${resolveCustomProperties(svg, palette)}\n`;
}

/** One headline judgement on the social card's strip. */
export interface CardStep {
  year: string;
  grade: string;
  /** Place on the scale, 1 best: picks the grade colour. */
  position?: number;
}

/**
 * The site's social card, 1200 × 630 (the size Open Graph and X recommend):
 * the kicker, the headline, the run of headline grades in the grade colours,
 * and the site's name.
 */
export function siteCardSvg(text: { kicker: string; headline: string; siteName: string; steps: readonly CardStep[] }, palette: Palette, fontFamily: string): string {
  const width = 1200;
  const height = 630;
  const margin = 72;
  // The headline is the story's, as long as an editor writes it: it takes
  // the smallest step down in size that fits it in three lines above the grades.
  const fit = (size: number) => ({ size, lines: wrapText(text.headline, width - 2 * margin, size, true) });
  const { size: headlineSize, lines } = [56, 48, 42, 36].map(fit).find((candidate) => candidate.lines.length <= 3) ?? fit(36);
  const headline = lines
    .map((line, index) => `<text x="${margin}" y="${200 + index * headlineSize * 1.15}" font-size="${headlineSize}" font-weight="700" fill="var(--text)">${escapeText(line)}</text>`)
    .join('');
  const column = (width - 2 * margin) / Math.max(1, text.steps.length);
  const strip = text.steps
    .map((step, index) => {
      const x = margin + index * column;
      const colour = step.position ? `var(--grade-${step.position})` : 'var(--grade-none)';
      return [
        `<rect x="${x}" y="${height - 178}" width="${column - 16}" height="12" fill="${colour}"/>`,
        `<text x="${x}" y="${height - 136}" font-size="26" font-weight="700" fill="var(--text)">${escapeText(step.year)}</text>`,
        `<text x="${x}" y="${height - 104}" font-size="26" fill="${colour}">${escapeText(step.grade)}</text>`,
      ].join('');
    })
    .join('');
  const svg = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeText(fontFamily)}">`,
    `<title>${escapeText(text.siteName)}</title>`,
    `<rect width="${width}" height="${height}" fill="var(--bg)"/>`,
    `<text x="${margin}" y="112" font-size="26" font-weight="600" letter-spacing="2" fill="var(--muted)">${escapeText(text.kicker.toUpperCase())}</text>`,
    headline,
    strip,
    `<text x="${margin}" y="${height - 48}" font-size="26" font-weight="700" fill="var(--text)">${escapeText(text.siteName)}</text>`,
    '</svg>',
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${resolveCustomProperties(svg, palette)}\n`;
}
