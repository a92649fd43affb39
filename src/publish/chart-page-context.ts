import siteCss from '../styles/site.css?raw';
import type { ChartContext } from './chart-downloads.ts';
import { chartById } from '../charts/registry.ts';
import { chartDataVersion } from './data-version.ts';
import { siteRoot } from './site-address.ts';
import { siteData } from '../derive/site-data.ts';

/**
 * What a chart's page, embed and downloads share: its addresses, its data
 * version (chartDataVersion), its source documents and the site's stylesheet (for colours).
 * For Astro pages and endpoints only (it reads site.css through Vite).
 */
export function chartPageContext(id: string, site: URL | undefined): ChartContext & { embedUrl: string; scriptUrl: string; oembedUrl: string } {
  const siteUrl = siteRoot(site);
  return {
    siteUrl,
    chartUrl: new URL(`charts/${id}/`, siteUrl).href,
    embedUrl: new URL(`embed/${id}/`, siteUrl).href,
    scriptUrl: new URL('embed/resize.js', siteUrl).href,
    oembedUrl: new URL(`oembed/${id}.json`, siteUrl).href,
    version: chartDataVersion(chartById(id, siteData), siteData),
    sources: siteData.documents,
    siteCss,
  };
}
