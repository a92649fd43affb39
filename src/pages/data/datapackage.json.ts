import type { APIRoute } from 'astro';
import { dataPackage } from '../../publish/data-package.ts';
import { dataVersion } from '../../publish/data-version.ts';
import { siteRoot } from '../../publish/site-address.ts';
import { siteData } from '../../derive/site-data.ts';

// The Frictionless Data Package v2 descriptor of the CSVs beside it in /data/.
export const GET: APIRoute = ({ site }) => {
  const siteUrl = siteRoot(site);
  const descriptor = dataPackage(siteData, siteUrl, dataVersion(siteData));
  return new Response(JSON.stringify(descriptor, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
