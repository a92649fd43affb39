import type { ChartDataRow } from '../charts/chart-spec.ts';
import { withMarkData } from '../charts/mark-data.ts';
import { TABULAR_NUMS_CLASS } from '../charts/render-svg.ts';
import { CHART_WIDTH, FONT_FAMILY } from '../charts/theme.ts';
import { chartCardSvg } from './chart-card.ts';
import { chartCitation, licenceNotes } from './citation.ts';
import type { FlatTable } from './csv.ts';
import type { DocumentRecord } from '../derive/derive-site-data.ts';
import { embedFallbackHeight as embedHeight } from './embed-height.ts';
import { chartCardPng } from './chart-card-png.ts';
import { withTextChunks } from './png.ts';
import { darkPalette, lightPalette, standaloneSvg, svgSize, themedSvg } from './standalone-svg.ts';

/**
 * A chart's downloads (PNG, SVG, CSV), its embed's fallback height and its
 * citation, from what the chart registry (src/charts/registry.ts) gives.
 */

/** What the downloads need from a chart; the registry's charts have it. */
export interface DownloadableChart {
  id: string;
  title: string;
  subtitle: string;
  alt: string;
  notes: readonly string[];
  sourceDocuments: readonly string[];
  rows: readonly ChartDataRow[];
  renderSvg: (width: number) => string;
}

/** Where a chart's files live, from the site's base: charts/<id>.png and so on. */
export const chartFile = (id: string, format: 'png' | 'svg' | 'csv') => `charts/${id}.${format}`;

/**
 * What a chart's drawing needs from the page's stylesheet (site.css, ".chart-svg"):
 * labels keep their spaces, marks may sit on the edge, numbers use tabular figures.
 */
const CHART_FILE_CSS = `svg { overflow: visible; } text, tspan { white-space: pre; } .${TABULAR_NUMS_CLASS} { font-variant-numeric: tabular-nums; }`;

/** PNG pixels per SVG unit: twice the screen size, for print. */
export const PNG_SCALE = 2;

/**
 * The most pixels a PNG download may have: twice the tallest chart the site
 * draws today. A chart grown taller than that (hundreds of documents) is
 * scaled down to fit, whole, rather than taking minutes to render an image
 * hundreds of thousands of pixels tall that no article could use.
 */
export const MAX_PNG_PIXELS = 12_000_000;

/**
 * The tallest a PNG download may be, in pixels: a page of print at twice
 * screen size. The charts lay themselves out to stay within it at PNG_SCALE
 * whatever the record holds (tests/charts/legibility.test.ts); a card that
 * still would not is scaled down whole.
 */
export const MAX_PNG_HEIGHT = 4000;

/** PNG pixels per SVG unit for a card of this size: PNG_SCALE within the pixel budget and MAX_PNG_HEIGHT. */
export function pngScale({ width, height }: { width: number; height: number }): number {
  // resvg rounds each side to whole pixels: shrink until that still fits.
  let scale = Math.min(PNG_SCALE, Math.sqrt(MAX_PNG_PIXELS / (width * height)), MAX_PNG_HEIGHT / height);
  while (Math.round(width * scale) * Math.round(height * scale) > MAX_PNG_PIXELS || Math.round(height * scale) > MAX_PNG_HEIGHT) scale *= 0.999;
  return scale;
}

/** The width downloads and the social card are drawn at: the chart's wide layout. */
export const DOWNLOAD_WIDTH = CHART_WIDTH.wide;

export interface ChartContext {
  /** The chart's page, absolute. */
  chartUrl: string;
  /** The site's root address, with a trailing slash. */
  siteUrl: string;
  version: string;
  /** The documents the chart cites, in any order. */
  sources: readonly DocumentRecord[];
  /** src/styles/site.css, for the light-mode colours. */
  siteCss: string;
}

/**
 * The chart's data as a flat table: one row per mark, with the value as the
 * chart shows it, the sentence it comes from, the document's slug and page
 * address, and the data version the chart was drawn from.
 */
export function chartTable(chart: DownloadableChart, { siteUrl, version }: Pick<ChartContext, 'siteUrl' | 'version'>): FlatTable {
  const columns = ['label', 'value', 'number', 'low', 'high', 'unit', 'when', 'date', 'qualifiers', 'note', 'quote', 'document', 'document_url', 'data_version'] as const;
  return {
    columns,
    rows: chart.rows.map((row) => ({
      label: row.label,
      value: row.value,
      number: row.number,
      low: row.low,
      high: row.high,
      unit: row.unit,
      when: row.when,
      date: row.date,
      qualifiers: row.qualifiers.join(' | '),
      note: row.note,
      quote: row.quote,
      document: row.document,
      document_url: new URL(`documents/${row.document}/`, siteUrl).href,
      data_version: version,
    })),
  };
}

/**
 * Where the site's own pages load a chart's drawing as an image (the story
 * page does, to stay light): charts/<id>/<width>.svg, one for each screen
 * drawing (src/charts/drawing-widths.ts).
 */
export const chartDrawingFile = (id: string, width: number) => `charts/${id}/${width}.svg`;

/** A chart's drawing at one width as an image file that follows the reader's light or dark mode. */
export function chartDrawingSvg(chart: Pick<DownloadableChart, 'renderSvg'>, width: number, siteCss: string): string {
  return themedSvg(chart.renderSvg(width), {
    light: lightPalette(siteCss),
    dark: darkPalette(siteCss),
    fontFamily: FONT_FAMILY,
    css: CHART_FILE_CSS,
  });
}

/** The citation line for a chart, and the licence statements its sources need. */
export function chartCredits(chart: DownloadableChart, { chartUrl, version, sources }: Pick<ChartContext, 'chartUrl' | 'version' | 'sources'>) {
  const cited = sources.filter((doc) => chart.sourceDocuments.includes(doc.slug));
  return { citation: chartCitation(cited, chartUrl, version), notes: licenceNotes(cited) };
}

/**
 * The chart alone as a standalone SVG file: light-mode colours, fonts and
 * styles inside, xmlns set, and every data mark carrying its rows' words
 * (there is no page beside the file to read them from).
 */
export function chartSvgFile(chart: DownloadableChart, context: ChartContext): string {
  const { citation } = chartCredits(chart, context);
  return standaloneSvg(withMarkData(chart.renderSvg(DOWNLOAD_WIDTH), chart.rows), {
    palette: lightPalette(context.siteCss),
    fontFamily: FONT_FAMILY,
    css: CHART_FILE_CSS,
    metadata: { source: citation, dataVersion: context.version, chart: context.chartUrl },
  });
}

/**
 * What this build already worked out, by everything it was worked out from:
 * chart pages, embeds, page heads, oEmbed and the PNG ask for the same card
 * and height, and a chart of hundreds of sources takes a while to lay out.
 */
function remembered<T>(): (key: string, make: () => T) => T {
  const kept = new Map<string, T>();
  return (key, make) => {
    if (kept.has(key)) return kept.get(key)!;
    const value = make();
    if (kept.size >= 64) kept.delete(kept.keys().next().value!);
    kept.set(key, value);
    return value;
  };
}
const cards = remembered<string>();
const embedHeights = remembered<number>();

/** The chart with its headline, notes, source line and data version: the picture behind the PNG. */
export function chartCardFile(chart: DownloadableChart, context: ChartContext): string {
  const { citation, notes } = chartCredits(chart, context);
  const drawing = chart.renderSvg(DOWNLOAD_WIDTH);
  const text = { title: chart.title, subtitle: chart.subtitle, notes: chart.notes, source: citation, footer: notes.join(' ') };
  return cards(JSON.stringify([drawing, text, context.siteCss]), () => chartCardSvg(drawing, text, lightPalette(context.siteCss), FONT_FAMILY));
}

/**
 * The PNG download: the chart card at twice its size, with its source and
 * version in PNG text chunks. Drawn in layers and cached (src/publish/chart-card-png.ts):
 * a rebuild redraws only what changed.
 */
export async function chartPngFile(chart: DownloadableChart, context: ChartContext): Promise<Uint8Array<ArrayBuffer>> {
  const { citation } = chartCredits(chart, context);
  const card = chartCardFile(chart, context);
  const png = await chartCardPng(card, pngScale(svgSize(card)));
  return withTextChunks(png, { Title: chart.title, Description: chart.alt, Source: citation, Comment: `Data version ${context.version}` });
}

/** The PNG's size in pixels, for og:image and oEmbed thumbnails, without rendering it. */
export function chartPngSize(chart: DownloadableChart, context: ChartContext): { width: number; height: number } {
  const size = svgSize(chartCardFile(chart, context));
  const scale = pngScale(size);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

/**
 * The iframe's fixed height before the embed reports its own (or when
 * scripts are off): see src/publish/embed-height.ts.
 */
export function embedFallbackHeight(chart: DownloadableChart, context: Pick<ChartContext, 'chartUrl' | 'version' | 'sources'>): number {
  const { citation, notes } = chartCredits(chart, context);
  const text = { title: chart.title, subtitle: chart.subtitle, notes: chart.notes, credits: [citation, notes.join(' ')].filter(Boolean) };
  // The drawings at every width the embed may show, as the height depends on them.
  const drawings = Object.values(CHART_WIDTH).map((width) => chart.renderSvg(width));
  return embedHeights(JSON.stringify([text, drawings]), () => embedHeight(text, chart.renderSvg));
}
