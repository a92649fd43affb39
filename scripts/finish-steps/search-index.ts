import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { FinishStep } from './finish-step.ts';

/**
 * Builds the Pagefind index of the document pages (our summary, every grade
 * and figure with its quote) into <site>/pagefind/, for the search page. The
 * index is static files, so search works on any static host.
 * @see https://pagefind.app/docs/node-api/
 */
export const SEARCHED_PAGES = 'documents/*/index.html';

export const searchIndex: FinishStep = {
  name: 'search index',
  async run(siteDir) {
    try {
      const { index, errors } = await pagefind.createIndex({
        rootSelector: 'main',
        excludeSelectors: ['.citation', '.copy-button', 'nav'],
        forceLanguage: 'en',
      });
      if (!index) throw new Error(errors.join('; '));
      const added = await index.addDirectory({ path: siteDir, glob: SEARCHED_PAGES });
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
      if (added.page_count === 0) throw new Error(`no pages matched ${SEARCHED_PAGES}`);
      const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
      if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    } finally {
      await pagefind.close();
    }
  },
};
