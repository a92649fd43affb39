/**
 * The site's public address: where it is published, and so the root of every
 * absolute URL it writes — canonical links, social cards, the feed, the
 * sitemap, oEmbed, embed codes, citation lines and the data files' document
 * addresses. Set in one place: `SITE_URL` when a build gives it (the GitHub
 * workflow passes the address GitHub Pages reports), else PUBLISHED_SITE_URL.
 *
 * Links between pages never use it: they are base-aware paths
 * (`import.meta.env.BASE_URL`), so a build previewed with `npm start` on
 * localhost works while the files still name the published address.
 * Imported by astro.config.mjs (Astro's `site`) and by plain Node scripts.
 */

/**
 * Where the site is published: GitHub Pages of this repository
 * (`https://<owner>.github.io/<repository>/`). Change it here if the
 * repository moves or the site gets its own domain; a deploy that sets
 * SITE_URL overrides it.
 */
export const PUBLISHED_SITE_URL = 'https://newsroom-tech.github.io/manchester-childrens-services-record/';

/**
 * The public address from SITE_URL (else PUBLISHED_SITE_URL), as an absolute
 * http(s) URL ending in "/". A bad SITE_URL stops the build with the reason.
 * @example siteUrlSetting({ SITE_URL: 'https://example.org/record' }) // 'https://example.org/record/'
 */
export function siteUrlSetting(env: Record<string, string | undefined> = process.env): string {
  const given = env.SITE_URL?.trim() || PUBLISHED_SITE_URL;
  const problem = (why: string) => new Error(`SITE_URL="${given}" ${why}: give the site's public address, e.g. ${PUBLISHED_SITE_URL}`);
  if (!URL.canParse(given)) throw problem('is not an absolute URL');
  const url = new URL(given);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem('is not an http(s) address');
  if (url.search || url.hash || url.username || url.password) throw problem('must not have a query, fragment or credentials');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * The root address as a string ending in "/", from Astro's `site` (which
 * astro.config.mjs sets from siteUrlSetting()).
 */
export function siteRoot(site: URL | string | undefined): string {
  if (!site) throw new Error('Astro has no `site`: astro.config.mjs must set it from siteUrlSetting() (src/publish/site-address.ts)');
  const url = new URL(site);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * The public address of a path in the site, written from the site's root
 * (with or without a leading "/"), never from the base a build is served at.
 * @example publicUrl('charts/grades/', 'https://example.org/record/') // 'https://example.org/record/charts/grades/'
 */
export function publicUrl(path: string, site: URL | string | undefined): string {
  return new URL(path.replace(/^\/+/, ''), siteRoot(site)).href;
}

/**
 * A page's path from the site's root, given its path as served (which
 * starts with the build's base), for publicUrl().
 * @example pathInSite('/preview/charts/grades/', '/preview/') // 'charts/grades/'
 */
export function pathInSite(servedPath: string, base: string): string {
  return servedPath.startsWith(base) ? servedPath.slice(base.length) : servedPath.replace(/^\/+/, '');
}
