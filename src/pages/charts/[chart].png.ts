import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartById, type ChartId } from '../../charts/registry.ts';
import { chartPngFile } from '../../lib/chart-downloads.ts';
import { chartPageContext } from '../../lib/chart-page-context.ts';

// /charts/<id>.png: the chart with its headline, notes, source line and data
// version, rasterised at twice its size for print.
export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const id = params.chart as ChartId;
  return new Response(chartPngFile(chartById(id), chartPageContext(id, site)), { headers: { 'Content-Type': 'image/png' } });
};
