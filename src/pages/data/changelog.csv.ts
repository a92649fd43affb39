import type { APIRoute } from 'astro';
import { toCsv } from '../../publish/csv.ts';
import { changelogTable } from '../../publish/data-version.ts';
import { siteRoot } from '../../publish/site-address.ts';
import { siteData } from '../../derive/site-data.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toCsv(changelogTable(siteData, siteRoot(site))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
