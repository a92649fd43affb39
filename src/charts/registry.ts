import raw from '#site-data' with { type: 'json' };
import type { SiteData } from '../derive/derive-site-data.ts';
import { adoptionStoryView, renderAdoptionChart, shapeAdoptionChart } from './adoption-chart.ts';
import { renderCaseloadChart, shapeCaseloadChart } from './caseload-chart.ts';
import type { ChartDataRow, ChartText } from './chart-spec.ts';
import { CHART_IDS, isChartId, type ChartId } from './chart-ids.ts';
import { renderGradesChart, shapeGradesChart } from './grades-chart.ts';
import { chartDocument, sourceLabel } from './source-label.ts';
import { CHART_WIDTH } from './theme.ts';
import { renderTimelineChart, shapeTimelineChart } from './timeline-chart.ts';

/**
 * Every chart on the site, looked up by id: pages, embeds and downloads all
 * start here. An unknown id is an error that names the known ones.
 *
 * The data is imported with a JSON import attribute (not through
 * `derive/site-data.ts`) so that plain Node scripts can use the registry too.
 */
export { CHART_IDS, isChartId, type ChartId };

/** A chart ready to show: its words, its data and its drawing. */
export interface Chart extends ChartText {
  id: ChartId;
  /** A short name for menus and links, e.g. "Caseloads". */
  name: string;
  /** The chart's own page. */
  path: string;
  /** The data behind every mark, one flat record each, with quote and document slug. */
  rows: ChartDataRow[];
  /** The chart as an inline SVG string, `width` units wide (see CHART_WIDTH). */
  renderSvg(width: number): string;
  /**
   * The chart as the story shows it (its images): the whole drawing, or for
   * a chart that would lengthen the story with the record, a bounded view
   * and the sentence that says what it leaves to the chart's page.
   */
  story: { renderSvg(width: number): string; note?: string };
}

const NAMES: Record<ChartId, string> = {
  timeline: 'Timeline',
  grades: 'Grades',
  caseloads: 'Caseloads',
  adoption: 'Adoption timeliness',
};

/**
 * The chart with an id, shaped from the site's derived data (or other data,
 * for tests and scripts).
 * @example chartById('adoption').renderSvg(CHART_WIDTH.wide)
 */
export function chartById(id: string, data: SiteData = raw as unknown as SiteData): Chart {
  if (!isChartId(id)) throw new Error(`No chart with id "${id}". Charts: ${CHART_IDS.join(', ')}.`);
  const { spec, render, story } = memoised(id, data);
  return {
    id,
    name: NAMES[id],
    path: `charts/${id}/`,
    title: spec.title,
    subtitle: spec.subtitle,
    alt: spec.alt,
    notes: spec.notes,
    sourceDocuments: spec.sourceDocuments,
    rows: spec.rows,
    renderSvg: (width: number) => render(width),
    story,
  };
}

/** Every chart, in the registry's order. */
export function allCharts(data?: SiteData): Chart[] {
  return CHART_IDS.map((id) => chartById(id, data));
}

export { CHART_WIDTH };

/**
 * A build asks for the same chart many times (its page, embed, three
 * downloads, the story page): shape it once per data and draw it once per
 * width. Charts are pure functions of the data, which nothing mutates.
 */
interface ShapedChart {
  spec: ChartText & { rows: ChartDataRow[] };
  render: (width: number) => string;
  story: Chart['story'];
}

const cache = new WeakMap<SiteData, Map<ChartId, ShapedChart>>();

function memoised(id: ChartId, data: SiteData): ShapedChart {
  let charts = cache.get(data);
  if (!charts) cache.set(data, (charts = new Map()));
  let chart = charts.get(id);
  if (!chart) {
    const { spec, render, story } = shaped(id, data);
    const once = (draw: (width: number) => string) => {
      const drawings = new Map<number, string>();
      return (width: number) => {
        if (!drawings.has(width)) drawings.set(width, draw(width));
        return drawings.get(width)!;
      };
    };
    const whole = once(render);
    chart = { spec, render: whole, story: story ? { renderSvg: once(story.render), note: story.note } : { renderSvg: whole } };
    charts.set(id, chart);
  }
  return chart;
}

/** Rows name their document briefly, for the marks that draw them to say their source. */
function withSources<Spec extends { rows: ChartDataRow[] }>(spec: Spec, data: SiteData): Spec {
  return { ...spec, rows: spec.rows.map((row) => ({ ...row, source: sourceLabel(chartDocument(data, row.document)) })) };
}

/** A chart shaped: its words and rows, its drawing, and its story view where that differs. */
interface Shaped {
  spec: ShapedChart['spec'];
  render: (width: number) => string;
  story?: { render: (width: number) => string; note: string };
}

function shaped(id: ChartId, data: SiteData): Shaped {
  switch (id) {
    case 'timeline': {
      const spec = withSources(shapeTimelineChart(data), data);
      return { spec, render: (width: number) => renderTimelineChart(spec, { width }) };
    }
    case 'grades': {
      const spec = withSources(shapeGradesChart(data), data);
      return { spec, render: (width: number) => renderGradesChart(spec, { width }) };
    }
    case 'caseloads': {
      const spec = withSources(shapeCaseloadChart(data), data);
      return { spec, render: (width: number) => renderCaseloadChart(spec, { width }) };
    }
    case 'adoption': {
      const spec = withSources(shapeAdoptionChart(data), data);
      const view = adoptionStoryView(spec);
      const story = view.note ? { render: (width: number) => renderAdoptionChart(view.spec, { width }), note: view.note } : undefined;
      return { spec, render: (width: number) => renderAdoptionChart(spec, { width }), story };
    }
  }
}
