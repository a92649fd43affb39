import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { serveSite } from '../../scripts/serve-site.ts';
import { listPages, type SitePage } from './site-pages.ts';

export { listPages, pageKind, type PageKind, type SitePage } from './site-pages.ts';

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
