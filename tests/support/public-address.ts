import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { siteUrlSetting } from '../../src/publish/site-address.ts';

/**
 * The public address the test build writes into its files: the same setting
 * the build read (SITE_URL, else PUBLISHED_SITE_URL in src/publish/site-address.ts),
 * never an address read back from the build itself.
 */
export const PUBLIC_ROOT = siteUrlSetting();

/**
 * The path from the site's root ('' for the home page) that an absolute
 * address on the site names, or undefined for an address elsewhere.
 * @example pathOfPublicUrl('https://example.org/judged/charts/grades/', 'https://example.org/judged/') // 'charts/grades/'
 */
export function pathOfPublicUrl(url: string, root: string = PUBLIC_ROOT): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const target = new URL(url);
  const site = new URL(root);
  if (target.origin !== site.origin || !target.pathname.startsWith(site.pathname)) return undefined;
  return decodeURIComponent(target.pathname.slice(site.pathname.length));
}

/** The built file a path from the site's root is served from (`x/` → x/index.html), if there is one. */
export function builtFileFor(siteDir: string, path: string): string | undefined {
  const candidate = path === '' || path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}
