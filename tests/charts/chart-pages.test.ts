import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { SCREEN_DRAWINGS } from '../../src/charts/drawing-widths.ts';
import { CHART_IDS, chartById } from '../../src/charts/registry.ts';
import { builtSiteDir } from '../support/built-site.ts';
import { realSiteData } from './support.ts';

// The built pages of the charts: the drawing, its words and its table are in
// the HTML itself, so nothing needs a script to be seen.
const data = await realSiteData();

function builtPage(path: string) {
  const file = join(builtSiteDir(), path, 'index.html');
  const html = readFileSync(file, 'utf8');
  return { html, document: parseHTML(html).document };
}

describe('/charts/', () => {
  test('lists the four charts with links to their pages', () => {
    const { document } = builtPage('charts');
    const links = [...document.querySelectorAll('main a')].map((link) => link.getAttribute('href'));
    for (const id of CHART_IDS) expect(links).toContain(`/charts/${id}/`);
  });
});

describe.for(CHART_IDS)('/charts/%s/', (id) => {
  const chart = chartById(id, data);

  test('holds the chart as inline SVG at every screen width, each an image with a name and a description', () => {
    const { document } = builtPage(`charts/${id}`);
    const svgs = [...document.querySelectorAll('.chart__graphic > .chart-drawing > svg')];
    expect(svgs.map((svg) => Number(svg.getAttribute('width')))).toEqual(SCREEN_DRAWINGS.map((drawing) => drawing.width));
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.querySelector('title')?.textContent).toBe(chart.title);
      expect(svg.querySelector('desc')?.textContent).toBe(chart.alt);
    }
  });

  test('needs no script: the drawing and table are in the HTML, and the only script is an external file that enhances them', () => {
    const { document } = builtPage(`charts/${id}`);
    const block = document.querySelector(`#chart-${id}`)!;
    const scripts = [...block.querySelectorAll('script')];
    expect(scripts.map((script) => ({ module: script.getAttribute('type'), file: /^\/_astro\/[\w.-]+\.js$/.test(script.getAttribute('src') ?? ''), inline: script.textContent!.trim() }))).toEqual([{ module: 'module', file: true, inline: '' }]);
    expect(block.querySelectorAll('svg text').length).toBeGreaterThan(5);
    expect(block.querySelectorAll('table tbody tr')).toHaveLength(chart.rows.length);
  });

  test('a figure headed by the finding, with subtitle, notes and source line', () => {
    const { document } = builtPage(`charts/${id}`);
    const figure = document.querySelector('figure.chart__figure')!;
    const heading = figure.querySelector('h2.chart__title')!;
    expect(heading.textContent).toBe(chart.title);
    expect(figure.getAttribute('aria-labelledby')).toBe(heading.getAttribute('id'));
    expect(figure.querySelector('.chart__subtitle')?.textContent).toBe(chart.subtitle);
    expect([...figure.querySelectorAll('.chart__notes li')].map((li) => li.textContent)).toEqual(chart.notes);
    expect(figure.lastElementChild?.tagName.toLowerCase()).toBe('figcaption');
    expect(figure.querySelector('.chart__source')?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Sources?: \S/);
  });

  test('every document link leads to a built document page', () => {
    const { document } = builtPage(`charts/${id}`);
    const hrefs = [...document.querySelectorAll(`#chart-${id} a[href^="/documents/"]`)].map((link) => link.getAttribute('href')!);
    expect(new Set(hrefs)).toEqual(new Set(chart.sourceDocuments.map((slug) => `/documents/${slug}/`)));
    for (const href of new Set(hrefs)) expect(existsSync(join(builtSiteDir(), href, 'index.html'))).toBe(true);
  });

  test('the data table quotes its sources', () => {
    const { document } = builtPage(`charts/${id}`);
    const quotes = [...document.querySelectorAll(`#chart-${id} table .quote`)].map((quote) => quote.textContent);
    expect(quotes).toEqual(chart.rows.filter((row) => row.quote).map((row) => row.quote));
  });
});
