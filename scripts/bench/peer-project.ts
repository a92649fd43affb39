import { spawn } from 'node:child_process';
import { copyFile, cp, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { peerPage } from './peer-story.ts';

/**
 * The peer project (bench/peer/, Observable Framework 1.13) written into
 * `dir` with the site's derived data, and its packages installed there from
 * its own lockfile, so that the site's `npm ci` never carries Framework.
 */
export async function writePeerProject(root: string, dir: string, siteDataFile: string): Promise<void> {
  await cp(resolve(root, 'bench/peer'), dir, { recursive: true });
  await copyFile(siteDataFile, join(dir, 'site-data.json'));
  const data = JSON.parse(await readFile(siteDataFile, 'utf8')) as SiteData;
  const page = join(dir, 'src/index.md');
  await writeFile(page, peerPage(await readFile(page, 'utf8'), data));
}

/**
 * The environment the peer's commands run in: the project's pinned Node
 * first on the PATH (npm and Framework's `.js` data loaders run `node`; the
 * machine's own is too old), and Framework's telemetry off (no network).
 */
export function peerEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, OBSERVABLE_TELEMETRY_DISABLE: 'true' };
}

/** `npm ci` in the peer project; install scripts skipped (Framework builds without esbuild's, which only checks its binary). */
export function installPeer(dir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env: peerEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`npm ci of the peer failed (is the npm registry reachable?):\n${log}`))));
  });
}
