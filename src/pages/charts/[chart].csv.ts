import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartById, type ChartId } from '../../charts/registry.ts';
import { chartTable } from '../../publish/chart-downloads.ts';
import { chartPageContext } from '../../publish/chart-page-context.ts';
import { toCsv } from '../../publish/csv.ts';
import { factsCacheKey } from '../../publish/page-cache-key.ts';
import { siteData } from '../../derive/site-data.ts';

// /charts/<id>.csv: exactly the data the chart shows, one row per mark, with
// the quote, the document and its page, and the data version.
export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart }, cacheKey: factsCacheKey(siteData, chart) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const id = params.chart as ChartId;
  return new Response(toCsv(chartTable(chartById(id), chartPageContext(id, site))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
