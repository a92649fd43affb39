import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/**
 * What a page costs a reader: every request a real browser makes to load
 * it, sorted into HTML, CSS, JS, images and other, each as stored, gzipped
 * and brotli-compressed (what hosts send). Sizes come from the built files,
 * so they do not depend on the local server.
 */
export type AssetKind = 'html' | 'css' | 'js' | 'image' | 'other';
export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}
export interface PageWeight {
  path: string;
  requests: number;
  byKind: Record<AssetKind, Bytes>;
  total: Bytes;
  /** The HTML and the stylesheets that block its first render, gzipped. */
  firstRenderGzip: number;
  /** Whether <main> says the same with JavaScript off. */
  worksWithoutJavaScript: boolean;
  /** How far a reader scrolls: the page's height in CSS pixels in a 1280px wide window, images loaded. */
  heightAt1280: number;
}

const KINDS: AssetKind[] = ['html', 'css', 'js', 'image', 'other'];
const zero = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 });

function kindOf(file: string): AssetKind {
  const ext = extname(file);
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (['.svg', '.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif', '.ico'].includes(ext)) return 'image';
  return 'other';
}

const compressedSizes = (content: Buffer): Bytes => ({
  raw: content.length,
  gzip: gzipSync(content, { level: 9 }).length,
  brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

function fileFor(siteDir: string, url: URL) {
  const path = decodeURIComponent(url.pathname);
  return join(siteDir, path.endsWith('/') ? `${path}index.html` : path);
}

export async function measurePage(browser: Browser, origin: string, siteDir: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const urls: URL[] = [];
  page.on('requestfinished', (request) => urls.push(new URL(request.url())));
  await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
  const blocking = await page.evaluate(() => [...document.querySelectorAll('head link[rel="stylesheet"]')].map((link) => (link as HTMLLinkElement).href));
  const mainWithScript = await page.evaluate(() => document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  await context.close();

  const withoutScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await withoutScript.newPage();
  await plain.goto(new URL(path, origin).href, { waitUntil: 'load' });
  const mainWithoutScript = await plain.evaluate(() => document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  await withoutScript.close();

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const wide = await desktop.newPage();
  await wide.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
  const heightAt1280 = await wide.evaluate(() => document.documentElement.scrollHeight);
  await desktop.close();

  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, zero()])) as Record<AssetKind, Bytes>;
  const total = zero();
  let firstRenderGzip = 0;
  const sameSite = urls.filter((url) => url.origin === origin);
  for (const url of sameSite) {
    const file = fileFor(siteDir, url);
    const sizes = compressedSizes(await readFile(file));
    const kind = kindOf(file);
    for (const key of ['raw', 'gzip', 'brotli'] as const) {
      byKind[kind][key] += sizes[key];
      total[key] += sizes[key];
    }
    if (url.pathname === new URL(path, origin).pathname || blocking.includes(url.href)) firstRenderGzip += sizes.gzip;
  }
  return { path, requests: urls.length, byKind, total, firstRenderGzip, worksWithoutJavaScript: mainWithScript === mainWithoutScript && mainWithoutScript.length > 0, heightAt1280 };
}
