import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartById, type ChartId } from '../../../charts/registry.ts';
import { CHART_WIDTH, type ChartLayout } from '../../../charts/theme.ts';
import { chartDrawingSvg } from '../../../publish/chart-downloads.ts';
import siteCss from '../../../styles/site.css?raw';

// /charts/<id>/narrow.svg and /charts/<id>/wide.svg: the drawings the story
// page shows as images, in the site's light and dark colours.
export const getStaticPaths = (() =>
  CHART_IDS.flatMap((chart) => (Object.keys(CHART_WIDTH) as ChartLayout[]).map((layout) => ({ params: { chart, layout } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(chartDrawingSvg(chartById(params.chart as ChartId), params.layout as ChartLayout, siteCss), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
