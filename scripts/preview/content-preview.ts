import type { AstroIntegration } from 'astro';

/**
 * `npm run dev` as a live preview for editors (the script derives the data
 * once before Astro starts). Every change under content/ (documents,
 * frameworks, metrics, pages, any file added, renamed or deleted)
 * re-validates and re-derives the site data, makes the dev server forget the
 * old data module and reloads the open pages. Content that does not validate
 * is shown in the browser (Astro's error overlay) and the terminal with the
 * lines of `npm run validate`; the last good data is kept and served
 * meanwhile, so an error never blanks the site.
 *
 * Paths follow the build's: CONTENT_DIR and SITE_DATA_FILE, if set. Only
 * `astro dev` runs this hook; builds derive in scripts/build-site.ts.
 * @see https://docs.astro.build/en/reference/integrations-reference/#astroserversetup
 */
export function contentPreview(): AstroIntegration {
  let stop = () => {};
  return {
    name: 'content-preview',
    hooks: {
      'astro:server:setup': async ({ server, logger, refreshContent }) => {
        // Loaded here, not at the top: astro.config.mjs imports this file for
        // every build too, which then need not load the whole derive pipeline.
        const { previewContent } = await import('./preview-content.ts');
        stop = await previewContent(server, logger, refreshContent);
      },
      'astro:server:done': () => stop(),
    },
  };
}
