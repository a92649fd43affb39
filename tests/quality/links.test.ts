import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { builtPages, builtSiteDir, builtSiteDirOrUndefined } from '../support/built-site.ts';
import { pathOfPublicUrl, PUBLIC_ROOT } from '../support/public-address.ts';

// No broken anything, checked on the built files: every internal link,
// #fragment and asset resolves to a file (and an element with that id), and
// every external link is https. Nothing is fetched from the network. Pages
// link to each other by path; absolute addresses (canonical, og:*) are under
// the public address, and count as internal.
const LOCAL = new URL('http://built-site.invalid/');
const PUBLIC = new URL(PUBLIC_ROOT);
const dir = builtSiteDirOrUndefined();
const pages = await builtPages();

/** Attributes that hold URLs, by selector. `srcset` lists are split below. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'], ['area[href]', 'href'], ['link[href]', 'href'], ['script[src]', 'src'],
  ['img[src]', 'src'], ['img[srcset]', 'srcset'], ['source[src]', 'src'], ['source[srcset]', 'srcset'],
  ['iframe[src]', 'src'], ['video[src]', 'src'], ['video[poster]', 'poster'], ['audio[src]', 'src'],
  ['track[src]', 'src'], ['object[data]', 'data'], ['form[action]', 'action'], ['use[href]', 'href'],
  ['image[href]', 'href'], ['meta[property="og:image"]', 'content'], ['meta[name="twitter:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
];

const idsCache = new Map<string, Set<string>>();
async function idsIn(file: string) {
  if (!idsCache.has(file)) {
    const { document } = parseHTML(await readFile(file, 'utf8'));
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.getAttribute('id')!);
    const names = [...document.querySelectorAll('a[name]')].map((element) => element.getAttribute('name')!);
    idsCache.set(file, new Set([...ids, ...names]));
  }
  return idsCache.get(file)!;
}

/** The built file a same-site URL path is served from, or a reason it is not. */
function fileFor(siteDir: string, pathname: string): { file: string } | { problem: string } {
  const path = decodeURIComponent(pathname);
  const candidate = join(siteDir, path);
  if (path.endsWith('/')) {
    const index = join(candidate, 'index.html');
    return existsSync(index) ? { file: index } : { problem: 'no such page' };
  }
  if (existsSync(candidate) && statSync(candidate).isFile()) return { file: candidate };
  if (existsSync(join(candidate, 'index.html'))) return { problem: `missing its trailing slash (the site uses trailingSlash: 'always'): ${path}/` };
  return { problem: 'no such file' };
}

function urlsIn(html: string) {
  const { document } = parseHTML(html);
  const urls: { url: string; where: string }[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute)!.trim();
      const where = `<${element.localName} ${attribute}="${value}">`;
      const values = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
      for (const url of values) urls.push({ url, where });
    }
  }
  for (const element of document.querySelectorAll('[style]')) {
    for (const [, url] of element.getAttribute('style')!.matchAll(/url\(\s*['"]?([^'")]+)/g)) urls.push({ url: url!, where: 'style attribute' });
  }
  return urls;
}

async function problemsWith(siteDir: string, pagePath: string, urls: { url: string; where: string }[]) {
  const problems: string[] = [];
  const base = new URL(pagePath, LOCAL);
  for (const { url, where } of urls) {
    if (/^(mailto|tel):/i.test(url)) continue;
    let target: URL;
    try {
      target = new URL(url, base);
    } catch {
      problems.push(`${where}: not a URL`);
      continue;
    }
    if (target.protocol === 'javascript:') {
      problems.push(`${where}: javascript: URLs are blocked by the Content-Security-Policy`);
      continue;
    }
    const publicPath = pathOfPublicUrl(target.href);
    if (target.origin !== LOCAL.origin && publicPath === undefined) {
      if (target.origin === PUBLIC.origin) problems.push(`${where}: on the site’s host but outside its address ${PUBLIC_ROOT}`);
      else if (target.protocol !== 'https:') problems.push(`${where}: external links must be https`);
      continue;
    }
    const resolved = fileFor(siteDir, publicPath === undefined ? target.pathname : `/${publicPath}`);
    if ('problem' in resolved) {
      problems.push(`${where}: ${resolved.problem}`);
      continue;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && fragment !== 'top' && resolved.file.endsWith('.html') && !(await idsIn(resolved.file)).has(fragment)) {
      problems.push(`${where}: no element with id="${fragment}" on ${target.pathname}`);
    }
  }
  return problems;
}

describe('links and assets in the built site', () => {
  test('the site built and has pages', () => {
    builtSiteDir();
    expect(pages.length).toBeGreaterThan(0);
  });

  test.for(pages.map((page) => [page.path, page.file]))('every link, #fragment and asset on %s resolves', async ([path, file]) => {
    const problems = await problemsWith(dir!, path, urlsIn(await readFile(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  // Without one, browsers ask for /favicon.ico, and its 404 is a console
  // error (Lighthouse's errors-in-console). Headless test browsers never ask.
  test.for(pages.map((page) => [page.path, page.file]))('%s declares an icon, or /favicon.ico exists', async ([, file]) => {
    const { document } = parseHTML(await readFile(file, 'utf8'));
    const icon = [...document.querySelectorAll('link[rel][href]')].some((link) => link.getAttribute('rel')!.toLowerCase().split(/\s+/).includes('icon'));
    expect(icon || existsSync(join(dir!, 'favicon.ico')), '<link rel="icon" href="/favicon.svg" type="image/svg+xml"> in <head>').toBe(true);
  });

  // The feed's and the sitemap's addresses: tests/journalists/feed-and-sitemap.test.ts.

  test('every url() in the stylesheets resolves', async () => {
    const entries = await readdir(builtSiteDir(), { recursive: true, withFileTypes: true });
    const stylesheets = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.css'));
    const problems: string[] = [];
    for (const entry of stylesheets) {
      const file = join(entry.parentPath, entry.name);
      const path = `/${file.slice(dir!.length + 1)}`;
      const css = await readFile(file, 'utf8');
      const urls = [...css.matchAll(/url\(\s*['"]?([^'")]+)/g)].map(([, url]) => ({ url: url!, where: `${path}: url(${url})` }));
      problems.push(...(await problemsWith(dir!, path, urls.filter(({ url }) => !url.startsWith('data:') && !url.startsWith('#')))));
    }
    expect(problems).toEqual([]);
  });
});
