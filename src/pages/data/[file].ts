import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../publish/csv.ts';
import { figureTable, judgementTable, timelineTable } from '../../publish/dataset-tables.ts';
import { siteRoot } from '../../publish/site-address.ts';
import { siteData } from '../../derive/site-data.ts';
import { pageCacheKey } from '../../publish/page-cache-key.ts';

// The derived datasets at stable URLs: /data/<name>.json and /data/<name>.csv.
const datasets = {
  timeline: { json: () => siteData.timeline, table: (site: string) => timelineTable(siteData.timeline, site) },
  judgements: { json: () => siteData.judgements, table: (site: string) => judgementTable(siteData.judgements, site) },
  figures: { json: () => siteData.figures, table: (site: string) => figureTable(siteData.figures, site) },
};

export const getStaticPaths = (() =>
  Object.keys(datasets).flatMap((name) => [`${name}.json`, `${name}.csv`].map((file) => ({ params: { file }, cacheKey: pageCacheKey(siteData) })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const [name, format] = params.file!.split('.') as [keyof typeof datasets, 'json' | 'csv'];
  const siteUrl = siteRoot(site);
  if (format === 'json') {
    return new Response(JSON.stringify(datasets[name].json(), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  return new Response(toCsv(datasets[name].table(siteUrl)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
