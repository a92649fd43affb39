import type { RunnableDevEnvironment, ViteDevServer } from 'vite';

type RefreshContent = (options: Record<string, never>) => Promise<void>;
type ContentModule = { getCollection: (name: string) => Promise<{ id: string }[]> };

/** Several times Astro's debounced store write (500 ms). */
const TIMEOUT_MS = 5_000;
const POLL_MS = 50;

/**
 * Waits until Astro's `documents` collection, as pages read it, holds every
 * document of the newly derived data. A document page takes its facts from
 * the derived data and its body from the collection, and fails if the first
 * names a document the second lacks; so new data is published to pages only
 * once the collection has caught up with the files (Astro's own watcher
 * loads them, and writes its store up to half a second later). A deletion
 * waits for nothing: the collection still holds the old document.
 *
 * `refreshContent` asks Astro to write its store now rather than later; it
 * does nothing while Astro reloads its content config (which any .md, .yaml
 * or .json change starts), hence the check rather than trust.
 * @returns false if the collection had not caught up within the timeout
 */
export async function awaitDocumentCollection(server: ViteDevServer, refreshContent: RefreshContent | undefined, slugs: readonly string[]): Promise<boolean> {
  const ssr = server.environments.ssr;
  if (!ssr || !('runner' in ssr)) return true;
  const runner = (ssr as RunnableDevEnvironment).runner;
  const deadline = Date.now() + TIMEOUT_MS;
  if (await holdsAll(runner, slugs)) return true;
  await refreshContent?.({}).catch(() => undefined);
  while (Date.now() < deadline) {
    if (await holdsAll(runner, slugs)) return true;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return false;
}

async function holdsAll(runner: RunnableDevEnvironment['runner'], slugs: readonly string[]): Promise<boolean> {
  try {
    const { getCollection } = (await runner.import('astro:content')) as ContentModule;
    const held = new Set((await getCollection('documents')).map((entry) => entry.id));
    return slugs.every((slug) => held.has(slug));
  } catch {
    // Astro cannot load the collection just now (it says why in the terminal).
    return false;
  }
}
