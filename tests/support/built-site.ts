import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';
import { serveSite } from '../../scripts/serve-site.ts';

/**
 * The site built once by tests/support/built-site.setup.ts, its pages
 * (discovered from the build, so a page added tomorrow is tested
 * tomorrow), and a local static host serving it with its real headers.
 */

/** The built site's directory; throws the build's error if it did not build. */
export function builtSiteDir(): string {
  const site = inject('builtSite');
  if ('error' in site) throw new Error(site.error);
  return site.dir;
}

/** The built site's directory, or undefined when the build failed (collect tests without throwing). */
export function builtSiteDirOrUndefined(): string | undefined {
  const site = inject('builtSite');
  return 'dir' in site ? site.dir : undefined;
}

export type PageKind = 'home' | 'chart' | 'embed' | 'document' | 'other';

export interface SitePage {
  /** URL path, e.g. `/documents/2010-…/` or `/404.html`. */
  path: string;
  /** Absolute path of the built HTML file. */
  file: string;
  kind: PageKind;
}

export function pageKind(path: string): PageKind {
  if (path === '/') return 'home';
  if (/^\/charts\/[^/]+\/$/.test(path)) return 'chart';
  if (/^\/embed\/[^/]+\/$/.test(path)) return 'embed';
  if (/^\/documents\/[^/]+\/$/.test(path)) return 'document';
  return 'other';
}

/** Every HTML page in a built site, sorted by URL path. */
export async function listPages(dir: string): Promise<SitePage[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => {
      const path = `/${relative(dir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
      return { path, file, kind: pageKind(path) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The built site's pages, or none when it did not build (a test reports the build error). */
export async function builtPages(): Promise<SitePage[]> {
  const dir = builtSiteDirOrUndefined();
  return dir ? listPages(dir) : [];
}

/** Serves a built site on a free port with scripts/serve-site.ts. */
export async function serveBuiltSite(root: string) {
  const server = await serveSite({ root, port: 0 });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A file-name-safe name for a page, for screenshots: `/documents/x/` → `documents-x`. */
export const pageSlug = (path: string) => path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9.-]+/gi, '-') || 'home';
