import type { APIRoute, GetStaticPaths } from 'astro';
import { markRowsFile } from '../../../charts/mark-data.ts';
import { CHART_IDS, chartById, type ChartId } from '../../../charts/registry.ts';
import { chartRowPages } from '../../../publish/list-pages.ts';
import { factsCacheKey } from '../../../publish/page-cache-key.ts';
import { siteData } from '../../../derive/site-data.ts';

// /charts/<id>/marks.json: the words of every row a chart's marks draw, and
// the page of the table holding each, read by the explorable marks' script
// (src/charts/interactive/) once per page, on first use: the six drawings
// of a chart page and its embed carry only row numbers.
export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart }, cacheKey: factsCacheKey(siteData, chart) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const chart = chartById(params.chart as ChartId);
  const pages = chartRowPages(chart.id, chart.rows);
  return new Response(JSON.stringify(markRowsFile(chart.rows, (index) => pages[index]!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
