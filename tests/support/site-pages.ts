import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * The pages of a built site, discovered from its files (so a page added
 * tomorrow is tested and measured tomorrow), with their page type.
 * Plain Node: the benchmark uses it too.
 */
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
