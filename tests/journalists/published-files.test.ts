import { Resvg } from '@resvg/resvg-js';
import { csvParse } from 'd3';
import { HtmlValidate } from 'html-validate';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHART_IDS, chartById } from '../../src/charts/registry.ts';
import { chartCardFile, chartPngFile, chartPngSize, MAX_PNG_PIXELS, PNG_SCALE, type ChartContext } from '../../src/publish/chart-downloads.ts';
import { OGL_ATTRIBUTION } from '../../src/publish/citation.ts';
import { chartDataVersion, dataVersion } from '../../src/publish/data-version.ts';
import { svgSize } from '../../src/publish/standalone-svg.ts';
import { loadRealContent } from '../content/load-real-content.ts';
import { builtSiteDir, listPages } from '../support/built-site.ts';
import { pathOfPublicUrl, PUBLIC_ROOT } from '../support/public-address.ts';
import { descriptorProblems, resourceFileProblems } from './data-package-rules.ts';

// The files a journalist downloads from the real build (tests/support/
// built-site.setup.ts builds it once into a temporary directory).
const { data } = await loadRealContent();
const version = dataVersion(data);
let dist: string;
const siteUrl = PUBLIC_ROOT;
const file = (path: string) => readFile(join(dist, path));
const text = (path: string) => readFile(join(dist, path), 'utf8');
const page = (path: string) => text(join(path, 'index.html'));
const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(() => {
  dist = builtSiteDir();
});

const context = async (id: string): Promise<ChartContext> => ({
  siteUrl,
  chartUrl: `${siteUrl}charts/${id}/`,
  version: chartDataVersion(chartById(id, data), data),
  sources: data.documents,
  siteCss: await readFile('src/styles/site.css', 'utf8'),
});

/** The chunks of a PNG, each with its type, data and whether its CRC is right. */
function pngChunks(png: Buffer) {
  expect(png.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  const chunks: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    chunks.push({ type: type.toString('latin1'), data: body, crcOk: png.readUInt32BE(at + 8 + length) === crc32(Buffer.concat([type, body])) });
    at += 12 + length;
  }
  return chunks;
}

describe('a chart grown very tall (hundreds of documents)', () => {
  test('its PNG keeps the whole chart within the pixel budget, at the size the page announces', async () => {
    const tall = { ...chartById('adoption', data), renderSvg: (width: number) => `<svg width="${width}" height="40000" viewBox="0 0 ${width} 40000"><rect width="${width}" height="40000" fill="var(--grade-3)"/><text y="39990">the last mark</text></svg>` };
    const png = Buffer.from(await chartPngFile(tall, await context('adoption')));
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(size).toEqual(chartPngSize(tall, await context('adoption')));
    const card = svgSize(chartCardFile(tall, await context('adoption')));
    // Scaled, not cropped: the same proportions as the card.
    expect(Math.abs(size.height / size.width / (card.height / card.width) - 1)).toBeLessThan(0.005);
  });
});

describe.each(CHART_IDS)('the %s chart’s downloads', (id) => {
  const chart = chartById(id, data);
  const chartVersion = chartDataVersion(chart, data);

  test('the PNG is a valid PNG at twice the card’s size, carrying its source and data version', async () => {
    const png = await file(`charts/${id}.png`);
    const chunks = pngChunks(png);
    expect(chunks[0].type).toBe('IHDR');
    expect(chunks.at(-1)?.type).toBe('IEND');
    expect(chunks.every((chunk) => chunk.crcOk)).toBe(true);
    const size = { width: chunks[0].data.readUInt32BE(0), height: chunks[0].data.readUInt32BE(4) };
    const card = svgSize(chartCardFile(chart, await context(id)));
    expect(size).toEqual({ width: card.width * PNG_SCALE, height: card.height * PNG_SCALE });
    expect(size).toEqual(chartPngSize(chart, await context(id)));
    expect(size.width).toBeGreaterThanOrEqual(1500);
    const texts = Object.fromEntries(chunks.filter((chunk) => chunk.type === 'tEXt').map((chunk) => chunk.data.toString('latin1').split('\0')));
    expect(texts.Comment).toBe(`Data version ${chartVersion}`);
    expect(texts.Source).toMatch(/^Source: .*chart: /);
  });

  test('the SVG is a standalone file: parses as strict XML, declares its namespace, has no page CSS variables', async () => {
    const svg = await text(`charts/${id}.svg`);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // resvg parses with a strict XML parser and renders nothing it cannot resolve.
    const rendered = new Resvg(svg, { font: { loadSystemFonts: false } });
    expect(rendered.width).toBe(720);
    expect(svg).not.toMatch(/var\(--|currentColor/);
    expect(svg).toContain('#1c1c1c');
    expect(svg).toMatch(/<style>svg \{ font-family: system-ui[^}]*color: #1c1c1c; \}/);
    expect(svg).toContain(`&quot;dataVersion&quot;:&quot;${chartVersion}&quot;`);
    // The chart's accessible name stays the first child.
    expect(svg).toMatch(new RegExp(`^<\\?xml[^>]*>\\n<svg[^>]*><title>`));
  });

  test('the CSV parses and holds exactly the chart’s rows, with quotes, document links and the data version', async () => {
    const rows = csvParse(await text(`charts/${id}.csv`));
    expect(rows.columns).toEqual(['label', 'value', 'number', 'low', 'high', 'unit', 'when', 'date', 'qualifiers', 'note', 'quote', 'document', 'document_url', 'data_version']);
    expect(rows).toHaveLength(chart.rows.length);
    rows.forEach((row, index) => {
      const expected = chart.rows[index];
      expect(row.label).toBe(expected.label);
      expect(row.value).toBe(expected.value);
      expect(row.number).toBe(expected.number === undefined ? '' : String(expected.number));
      expect(row.quote).toBe(expected.quote ?? '');
      expect(row.document).toBe(expected.document);
      expect(row.document_url).toBe(new URL(`documents/${expected.document}/`, siteUrl).href);
      expect(row.data_version).toBe(chartVersion);
    });
  });

  test('the oEmbed response is valid rich oEmbed, and the chart page links to it', async () => {
    const oembed = JSON.parse(await text(`oembed/${id}.json`));
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: chart.title, provider_url: siteUrl });
    expect(Number.isInteger(oembed.width) && oembed.width > 0 && Number.isInteger(oembed.height) && oembed.height > 0).toBe(true);
    expect(oembed.html).toBe(
      `<iframe src="${siteUrl}embed/${id}/" title="${chart.title.replaceAll('"', '&quot;')}" height="${oembed.height}" loading="lazy" style="display:block;width:100%;border:0" data-judged-embed></iframe>\n` +
        `<script async src="${siteUrl}embed/resize.js"></script>`,
    );
    // What a journalist pastes is valid HTML (inline style allowed: a host page has none of our CSS).
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } }).validateString(oembed.html);
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
    expect(oembed.thumbnail_url).toBe(`${siteUrl}charts/${id}.png`);
    const png = await file(`charts/${id}.png`);
    expect([oembed.thumbnail_width, oembed.thumbnail_height]).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
    expect(await page(`charts/${id}`)).toContain(`<link rel="alternate" type="application/json+oembed" href="${siteUrl}oembed/${id}.json"`);
  });

  test('the chart page offers the downloads, a citation with the licence statement, and the embed code', async () => {
    const html = await page(`charts/${id}`);
    for (const format of ['png', 'svg', 'csv']) expect(html).toContain(`href="/charts/${id}.${format}" download="judged-${id}-`);
    expect(html).toMatch(/<p class="citation__line"[^>]*>Source: Ofsted, /);
    expect(html).toContain(OGL_ATTRIBUTION);
    expect(html).toContain(`&lt;iframe src=&quot;${siteUrl}embed/${id}/&quot;`);
    expect(html).toContain(`<meta property="og:image" content="${siteUrl}charts/${id}.png">`);
  });
});

describe('the data package', () => {
  test('validates against the Data Package v2 rules, and every resource path exists beside it', async () => {
    const descriptor = JSON.parse(await text('data/datapackage.json'));
    expect(descriptorProblems(descriptor)).toEqual([]);
    expect(descriptor.version).toBe(version);
    for (const resource of descriptor.resources) {
      expect((await stat(join(dist, 'data', resource.path))).isFile(), resource.path).toBe(true);
      expect(resourceFileProblems(resource, await file(join('data', resource.path))), resource.name).toEqual([]);
    }
  });

  test('the /data/ page describes every column from the package, shows the version and the changelog', async () => {
    const html = await page('data');
    const descriptor = JSON.parse(await text('data/datapackage.json'));
    for (const resource of descriptor.resources) {
      for (const field of resource.schema.fields) {
        expect(new RegExp(`<code[^>]*>${field.name}</code></th>`).test(html), `${resource.name}.${field.name}`).toBe(true);
        expect(html.includes(escapeHtml(field.description)), `${resource.name}.${field.name}: ${field.description}`).toBe(true);
      }
    }
    expect(html.includes(`>${version}</code>`), 'the data version').toBe(true);
    expect((html.match(/<span class="flag flag--quiet"[^>]*>New source<\/span>/g) ?? []).length).toBe(data.documents.length);
  });
});

// The RSS feed and the sitemap: tests/journalists/feed-and-sitemap.test.ts.
describe('discovery', () => {
  test('every page has a descriptive title and description, a canonical URL and social card tags with an image that exists', async () => {
    for (const entry of await listPages(dist)) {
      const html = await readFile(entry.file, 'utf8');
      const meta = (attribute: string, name: string) => new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`).exec(html)?.[1];
      expect(/<title>([^<]{8,})<\/title>/.test(html), entry.path).toBe(true);
      expect(meta('name', 'description')?.length ?? 0, entry.path).toBeGreaterThan(30);
      // An error page is served at whatever address was missing: no canonical address of its own.
      const errorPage = /^\/\d{3}\.html$/.test(entry.path);
      expect(/<link rel="canonical" href="http/.test(html), `${entry.path} canonical`).toBe(!errorPage);
      if (entry.kind === 'embed') continue;
      for (const property of ['og:title', 'og:description', 'og:image', 'og:image:alt']) expect(meta('property', property), `${entry.path} ${property}`).toBeTruthy();
      expect(Boolean(meta('property', 'og:url')), `${entry.path} og:url`).toBe(!errorPage);
      expect(meta('name', 'twitter:card'), entry.path).toBe('summary_large_image');
      const image = pathOfPublicUrl(meta('property', 'og:image')!);
      expect(image, `${entry.path} og:image is on the site`).toBeDefined();
      const png = await file(image!);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${entry.path} ${image}`).toEqual([Number(meta('property', 'og:image:width')), Number(meta('property', 'og:image:height'))]);
    }
  });

  test('every document page has a citation line, with the OGL statement only where the licence is OGL-3.0', async () => {
    for (const doc of data.documents) {
      const html = await page(`documents/${doc.slug}`);
      expect(html, doc.slug).toContain(`<p class="citation__line" id="cite-line"`);
      expect(html.includes(OGL_ATTRIBUTION), doc.slug).toBe(doc.licence === 'OGL-3.0');
    }
  });

  test('the search index covers the document pages, and the search page works without JavaScript by pointing to the documents', async () => {
    expect((await stat(join(dist, 'pagefind', 'pagefind.js'))).isFile()).toBe(true);
    const html = await page('search');
    expect(html).toMatch(/<noscript>[\s\S]*Search needs JavaScript[\s\S]*href="\/documents\/"[\s\S]*<\/noscript>/);
  });
});
