import type { APIRoute, GetStaticPaths } from 'astro';
import { SCREEN_DRAWINGS } from '../../../charts/drawing-widths.ts';
import { withoutMarkData } from '../../../charts/mark-data.ts';
import { CHART_IDS, chartById, type ChartId } from '../../../charts/registry.ts';
import { chartDrawingSvg } from '../../../publish/chart-downloads.ts';
import siteCss from '../../../styles/site.css?raw';
import { factsCacheKey } from '../../../publish/page-cache-key.ts';
import { siteData } from '../../../derive/site-data.ts';

// /charts/<id>/<width>.svg, one for each screen drawing: the drawings the
// story page shows as images (the chart's story view, src/charts/registry.ts),
// in the site's light and dark colours, less the marks' row numbers, which
// an image cannot offer (the chart's page does).
export const getStaticPaths = (() =>
  CHART_IDS.flatMap((chart) => SCREEN_DRAWINGS.map((drawing) => ({ params: { chart, drawing: String(drawing.width) }, cacheKey: factsCacheKey(siteData, chart) })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(chartDrawingSvg({ renderSvg: (width) => withoutMarkData(chartById(params.chart as ChartId).story.renderSvg(width)) }, Number(params.drawing), siteCss), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
