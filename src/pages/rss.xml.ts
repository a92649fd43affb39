import type { APIRoute } from 'astro';
import { dataChangelog } from '../publish/data-version.ts';
import { DOCUMENT_KIND_LABEL, SITE_NAME } from '../lib/labels.ts';
import { FEED_ITEMS, newestFirst } from '../publish/list-pages.ts';
import { siteRoot } from '../publish/site-address.ts';
import { siteData } from '../derive/site-data.ts';
import { escapeXml, rfc822Date } from '../publish/xml.ts';

// RSS 2.0 feed of the latest source documents (FEED_ITEMS of them), newest
// first: a new document file in content/documents/ appears here on the next
// build. Readers keep what they fetched before; the documents pages list all.
// @see https://www.rssboard.org/rss-specification
export const GET: APIRoute = ({ site }) => {
  const siteUrl = siteRoot(site);
  const feedUrl = new URL('rss.xml', siteUrl).href;
  const documents = newestFirst(siteData.documents).slice(0, FEED_ITEMS);
  const latest = dataChangelog(siteData)[0]?.date;
  const items = documents.map((doc) => {
    const link = new URL(`documents/${doc.slug}/`, siteUrl).href;
    return [
      '    <item>',
      `      <title>${escapeXml(`${doc.publisher}: ${doc.title}`)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `      <pubDate>${rfc822Date(doc.published)}</pubDate>`,
      `      <category>${escapeXml(DOCUMENT_KIND_LABEL[doc.kind])}</category>`,
      `      <description>${escapeXml(doc.summary)}</description>`,
      '    </item>',
    ].join('\n');
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(`${SITE_NAME}: source documents`)}</title>`,
    `    <link>${escapeXml(new URL('documents/', siteUrl).href)}</link>`,
    `    <atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml" />`,
    '    <description>Ofsted reports and letters, council papers and news reporting on Manchester’s children’s services, each with our summary and every grade and figure it gives.</description>',
    '    <language>en-gb</language>',
    ...(latest ? [`    <lastBuildDate>${rfc822Date(latest)}</lastBuildDate>`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
