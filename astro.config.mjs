// @ts-check
import { defineConfig } from 'astro/config';
import { contentPreview } from './scripts/preview/content-preview.ts';
import { runtimeSiteData } from './scripts/runtime-site-data.ts';
import { siteUrlSetting } from './src/publish/site-address.ts';

// Builds can be pointed at other content and data (tests build a temporary
// copy; scripts/build-site.ts builds into a temporary directory and swaps it
// in), so paths come from the environment with the real ones as default
// (SITE_DATA_FILE: scripts/runtime-site-data.ts).

export default defineConfig({
  // The public address, for absolute URLs only (src/publish/site-address.ts).
  site: siteUrlSetting(),
  base: process.env.SITE_BASE ?? '/',
  trailingSlash: 'always',
  // Astro 7 defaults to JSX whitespace rules, which drop the space between a
  // line of prose and a link or number on the next line; `true` compresses
  // HTML losslessly, so prose can be written as prose.
  compressHTML: true,
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // A page whose code and cache key (src/publish/page-cache-key.ts) are as in
  // the last build is copied from it (kept in cacheDir), not rendered again.
  experimental: { incrementalBuild: true },
  // `npm run dev` only: re-derives the data on every content change (EDITING.md).
  integrations: [contentPreview()],
  vite: {
    // Every script and style a file under /_astro/, however small: the
    // Content-Security-Policy allows our files ('self') and nothing inline.
    build: { assetsInlineLimit: 0 },
    plugins: [runtimeSiteData()],
  },
});
