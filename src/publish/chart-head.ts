import { chartById, isChartId } from '../charts/registry.ts';
import { chartFile, chartPngSize } from './chart-downloads.ts';
import { chartPageContext } from './chart-page-context.ts';
import type { SocialImage } from './social-card.ts';

/**
 * What a chart page adds to <head>, found from the page's path so that chart
 * pages need no code for it: its PNG as the link-preview image and the
 * address of its oEmbed response.
 */
export function chartPageHead(pathname: string, site: URL | undefined): { image: SocialImage; oembedUrl: string; title: string } | undefined {
  const base = import.meta.env.BASE_URL;
  const id = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}charts/([^/]+)/$`).exec(pathname)?.[1];
  if (!id || !isChartId(id)) return undefined;
  const chart = chartById(id);
  const context = chartPageContext(id, site);
  return {
    image: { path: chartFile(id, 'png'), alt: chart.alt, ...chartPngSize(chart, context) },
    oembedUrl: context.oembedUrl,
    title: chart.title,
  };
}
