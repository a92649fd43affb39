import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartById, type ChartId } from '../../charts/registry.ts';
import { chartSvgFile } from '../../publish/chart-downloads.ts';
import { chartPageContext } from '../../publish/chart-page-context.ts';
import { factsCacheKey } from '../../publish/page-cache-key.ts';
import { siteData } from '../../derive/site-data.ts';

// /charts/<id>.svg: the chart as a standalone SVG file that renders the same
// outside the page (light-mode colours and fonts written in).
export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart }, cacheKey: factsCacheKey(siteData, chart) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const id = params.chart as ChartId;
  return new Response(chartSvgFile(chartById(id), chartPageContext(id, site)), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
