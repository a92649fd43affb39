import type { APIRoute } from 'astro';
import { CHART_IDS, chartById } from '../charts/registry.ts';
import { chartTablePages, documentYearPages, timelineYearPages } from '../publish/list-pages.ts';
import { siteRoot } from '../publish/site-address.ts';
import { siteData } from '../derive/site-data.ts';
import { escapeXml } from '../publish/xml.ts';

// Every page a reader can land on. Static pages are found from the files in
// src/pages (so a new page is listed without an edit here); dynamic routes
// are expanded from the data. Embeds and error pages are not for readers.
// @see https://www.sitemaps.org/protocol.html
const PAGE_FILES = Object.keys(import.meta.glob('./**/*.astro'));
const NOT_LISTED = /^(embed\/|404$|500$)/;

const documentLastChange = (slug: string) => {
  const doc = siteData.documents.find((candidate) => candidate.slug === slug)!;
  return [doc.published, ...doc.corrections.map((correction) => correction.date)].sort().at(-1);
};

const DYNAMIC_ROUTES: Record<string, () => { path: string; lastmod?: string }[]> = {
  'documents/[slug]': () => siteData.documents.map((doc) => ({ path: `documents/${doc.slug}/`, lastmod: documentLastChange(doc.slug) })),
  'charts/[chart]': () => CHART_IDS.map((id) => ({ path: `charts/${id}/` })),
  'documents/year/[year]/[...page]': () => documentYearPages(siteData.documents).map(({ path }) => ({ path })),
  'charts/[chart]/data/[year]/[...page]': () => CHART_IDS.flatMap((id) => chartTablePages(id, chartById(id).rows).map(({ path }) => ({ path }))),
  'timeline/[year]/[...page]': () => timelineYearPages(siteData.timeline).map(({ path }) => ({ path })),
};

export const GET: APIRoute = ({ site }) => {
  const siteUrl = siteRoot(site);
  const routes = PAGE_FILES.map((file) => file.replace(/^\.\//, '').replace(/\.astro$/, '').replace(/(^|\/)index$/, ''))
    .filter((route) => !NOT_LISTED.test(route));
  const pages = routes.flatMap((route) => {
    if (!route.includes('[')) return [{ path: route === '' ? '' : `${route}/` }];
    const expand = DYNAMIC_ROUTES[route];
    if (!expand) console.warn(`sitemap.xml: no expansion for the dynamic route "${route}"; add one to src/pages/sitemap.xml.ts`);
    return expand ? expand() : [];
  });
  const urls = pages
    .sort((a, b) => a.path.localeCompare(b.path))
    .map(({ path, lastmod }) => `  <url><loc>${escapeXml(new URL(path, siteUrl).href)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
