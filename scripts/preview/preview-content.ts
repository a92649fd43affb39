import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { formatProblem } from '../../src/validate/content-problem.ts';
import { writeSiteData } from '../derive-data.ts';
import { ContentError, loadSiteData } from '../load-site-data.ts';
import { awaitDocumentCollection } from './await-document-collection.ts';
import { coalescedTask } from './coalesced-task.ts';
import { contentErrorLines, contentErrorPayload, derivationFailurePayload, type ContentErrorPayload } from './content-error-payload.ts';
import { invalidateDataModule } from './invalidate-data-module.ts';

/** Saves, renames and checkouts fire several events within this; one re-derive follows them. */
const SETTLE_MS = 100;

/** Files past this size are not shown in the overlay's code excerpt (validation reports them anyway). */
const EXCERPT_MAX_BYTES = 256 * 1024;

/** The live preview's work on a running dev server (see content-preview.ts); returns how to stop it. */
export async function previewContent(server: ViteDevServer, logger: AstroIntegrationLogger, refreshContent: Parameters<typeof awaitDocumentCollection>[1]): Promise<() => void> {
  const root = process.cwd();
  const contentDir = resolve(root, process.env.CONTENT_DIR ?? 'content');
  const siteDataFile = resolve(root, process.env.SITE_DATA_FILE ?? 'src/generated/site-data.json');
  const browsers = server.environments.client.hot;
  let shownError: ContentErrorPayload | undefined;

  const rederive = async () => {
    const started = performance.now();
    try {
      const { data, warnings } = await loadSiteData(contentDir);
      if (warnings.length > 0) logger.warn(warnings.map(formatProblem).join('\n'));
      const wasBroken = shownError !== undefined;
      shownError = undefined;
      if (!(await awaitDocumentCollection(server, refreshContent, data.documents.map((doc) => doc.slug)))) {
        logger.warn("Astro's content collection has not caught up with content/documents/: a new document's page may fail until the next save.");
      }
      await writeSiteData(siteDataFile, data);
      invalidateDataModule(server, siteDataFile);
      // A full reload also takes the error overlay away once content is fixed.
      browsers.send({ type: 'full-reload', path: '*' });
      const took = Math.round(performance.now() - started);
      logger.info(
        `${wasBroken ? 'Content is valid again. ' : ''}Site data derived in ${took} ms: ${data.documents.length} documents, ${data.timeline.length} events.`,
      );
    } catch (error) {
      shownError = describeFailure(error, root);
      logger.error(terminalText(error));
      // Pages stay as they are: the overlay goes over them, and the data file
      // is still the last good one (it is written only once content is valid).
      browsers.send(shownError);
    }
  };

  // A page opened or reloaded while content is broken shows the error too.
  browsers.on('vite:client:connect', (_data, browser) => {
    if (shownError) browser.send(shownError);
  });

  const task = coalescedTask(rederive, {
    settleMs: SETTLE_MS,
    onError: (error) => logger.error(`Live preview failed: ${String(error)}`),
  });
  const onContentEvent = (_event: string, path: string) => {
    if (isInside(contentDir, path)) task.trigger();
  };
  server.watcher.add(contentDir);
  server.watcher.on('all', onContentEvent);
  logger.info(`Watching ${shown(root, contentDir)} for changes: saved edits show in the browser within a second or two.`);
  return () => {
    task.cancel();
    server.watcher.off('all', onContentEvent);
  };
}

function shown(root: string, dir: string): string {
  return isInside(root, dir) ? `${relative(root, dir)}/` : dir;
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

function describeFailure(error: unknown, root: string): ContentErrorPayload {
  if (!(error instanceof ContentError)) return derivationFailurePayload(error);
  return contentErrorPayload(error.problems, { root, read: readForExcerpt });
}

function terminalText(error: unknown): string {
  if (!(error instanceof ContentError)) return `The site data could not be derived; the preview keeps the last good version.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  const lines = contentErrorLines(error.problems);
  return `${lines.join('\n')}\n\n${lines.length} content error(s): the preview keeps showing the last good version. Fix the file and save it.`;
}

function readForExcerpt(file: string): string | undefined {
  try {
    return statSync(file).size <= EXCERPT_MAX_BYTES ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
