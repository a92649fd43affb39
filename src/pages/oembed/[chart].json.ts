import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartById, type ChartId } from '../../charts/registry.ts';
import { chartFile, chartPngSize, embedFallbackHeight } from '../../publish/chart-downloads.ts';
import { chartPageContext } from '../../publish/chart-page-context.ts';
import { embedCode } from '../../publish/embed-code.ts';
import { TYPICAL_WIDTH } from '../../publish/embed-height.ts';
import { SITE_NAME } from '../../lib/labels.ts';
import { factsCacheKey } from '../../publish/page-cache-key.ts';
import { siteData } from '../../derive/site-data.ts';

// /oembed/<id>.json: a static oEmbed response of type "rich" for each chart,
// found through the <link rel="alternate" type="application/json+oembed">
// on the chart's page.
// @see https://oembed.com/#section2.3
export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart }, cacheKey: factsCacheKey(siteData, chart) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const id = params.chart as ChartId;
  const chart = chartById(id);
  const context = chartPageContext(id, site);
  const height = embedFallbackHeight(chart, context);
  const thumbnail = chartPngSize(chart, context);
  const response = {
    version: '1.0',
    type: 'rich',
    title: chart.title,
    provider_name: SITE_NAME,
    provider_url: context.siteUrl,
    cache_age: 86400,
    html: embedCode({ embedUrl: context.embedUrl, scriptUrl: context.scriptUrl, title: chart.title, height }),
    width: TYPICAL_WIDTH,
    height,
    thumbnail_url: new URL(chartFile(id, 'png'), context.siteUrl).href,
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
  };
  return new Response(JSON.stringify(response, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
