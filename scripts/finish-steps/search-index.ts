import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FinishStep } from './finish-step.ts';

/**
 * Builds the Pagefind index of the document pages (our summary, every grade
 * and figure with its quote) into <site>/pagefind/, for the search page. The
 * index is static files, so search works on any static host.
 *
 * Pagefind runs as its command line, not through its Node API: the API's
 * service answered "written" while files could still be in flight, and its
 * close() then killed the writer, so a busy machine could publish a torn
 * index file (Pagefind issue #1271). The command exits only once its files
 * are written.
 * @see https://pagefind.app/docs/config-options/
 */
export const SEARCHED_PAGES = 'documents/*/index.html';

/** What Pagefind reads of a page: its <main>, less what is not its content. */
const OPTIONS = ['--root-selector', 'main', '--exclude-selectors', '.citation', '--exclude-selectors', '.copy-button', '--exclude-selectors', 'nav', '--force-language', 'en'];

export const searchIndex: FinishStep = {
  name: 'search index',
  async run(siteDir) {
    const { code, output } = await pagefind(['--site', siteDir, '--glob', SEARCHED_PAGES, ...OPTIONS, '--output-path', join(siteDir, 'pagefind'), '--quiet']);
    if (code !== 0) throw new Error(`Pagefind exited with ${code}: ${output.trim().split('\n').slice(-5).join(' ')}`);
  },
};

/**
 * The pagefind command: its npm package's runner, which finds the binary for
 * this machine. Found beside the project's own code (the package exports no
 * path to it, and the tests' module runner has no import.meta.resolve).
 */
const RUNNER = fileURLToPath(new URL('../../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url));

function pagefind(args: string[]): Promise<{ code: number | null; output: string }> {
  const runner = RUNNER;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}
