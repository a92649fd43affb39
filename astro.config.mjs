// @ts-check
import { defineConfig } from 'astro/config';

// SITE_URL lets a deployment (GitHub Pages, a newsroom's host) set the
// canonical origin; the default is the local preview.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
});
