import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Where `#site-data`, the derived data every page reads, comes from.
 *
 * In `astro build` it is read from disk when the pages render, not bundled
 * into them: Astro's incremental build (astro.config.mjs) reuses a page only
 * if its code is unchanged, and data bundled in would make every edit to any
 * document a change to every page's code. The pages' cache keys stand for the
 * data instead (src/publish/page-cache-key.ts).
 *
 * In `astro dev` it is the JSON module itself, which the live preview
 * invalidates on every re-derive (scripts/preview/invalidate-data-module.ts).
 *
 * The file is SITE_DATA_FILE if set (builds of other content, tests), else
 * src/generated/site-data.json, as package.json's "imports" says for plain Node.
 */
export function runtimeSiteData(root = process.cwd()): Plugin {
  const file = resolve(root, process.env.SITE_DATA_FILE ?? 'src/generated/site-data.json');
  const virtual = '\0site-data-at-runtime';
  let building = false;
  return {
    name: 'runtime-site-data',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(source) {
      if (source !== '#site-data') return null;
      return building ? virtual : file;
    },
    load(id) {
      if (id !== virtual) return null;
      return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
    },
  };
}
