import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartById, type ChartId } from '../../charts/registry.ts';
import { chartPngFile } from '../../publish/chart-downloads.ts';
import { chartPageContext } from '../../publish/chart-page-context.ts';
import { factsCacheKey } from '../../publish/page-cache-key.ts';
import { fontFingerprint } from '../../publish/png.ts';
import { siteData } from '../../derive/site-data.ts';

// /charts/<id>.png: the chart with its headline, notes, source line and data
// version, rasterised at twice its size for print.
// The PNG's pixels depend on the font files too (src/publish/png.ts).
export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart }, cacheKey: factsCacheKey(siteData, chart, fontFingerprint()) }))) satisfies GetStaticPaths;

// The first request starts every chart's PNG, so they rasterise side by
// side off the main thread instead of one after another.
let renders: Map<ChartId, Promise<Uint8Array<ArrayBuffer>>> | undefined;

export const GET: APIRoute = async ({ params, site }) => {
  renders ??= new Map(CHART_IDS.map((id) => [id, chartPngFile(chartById(id), chartPageContext(id, site))]));
  const png = await renders.get(params.chart as ChartId)!;
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
