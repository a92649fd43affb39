import { spawn } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ContentError } from './load-site-data.ts';
import { deriveData } from './derive-data.ts';
import { finishSite } from './finish-site.ts';

/**
 * `npm run build`: validate and derive the data, build the site into a
 * temporary directory, and only if every step succeeds swap it in for dist/.
 * A content error or a failed build leaves the published dist/ untouched.
 */
export async function buildSite({
  root = process.cwd(),
  contentDir = resolve(root, process.env.CONTENT_DIR ?? 'content'),
  outDir = resolve(root, process.env.SITE_OUT_DIR ?? 'dist'),
  siteDataFile = resolve(root, process.env.SITE_DATA_FILE ?? 'src/generated/site-data.json'),
} = {}) {
  await deriveData({ contentDir, outFile: siteDataFile });
  const staging = join(dirname(outDir), `.build-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  // A build into another directory (a test's) keeps its own content cache, so
  // builds of different content can run side by side.
  const isDefaultOut = outDir === resolve(root, 'dist');
  const cacheDir = process.env.ASTRO_CACHE_DIR ?? (isDefaultOut ? undefined : join(dirname(outDir), '.astro-cache'));
  try {
    await runAstroBuild(root, {
      CONTENT_DIR: contentDir,
      SITE_DATA_FILE: siteDataFile,
      ASTRO_OUT_DIR: staging,
      ...(cacheDir ? { ASTRO_CACHE_DIR: cacheDir } : {}),
    });
    await finishSite(staging);
    await swapIn(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function runAstroBuild(root: string, env: Record<string, string>) {
  const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
  return new Promise<void>((done, fail) => {
    // process.execPath is the project's pinned Node, not the machine's.
    const child = spawn(process.execPath, [astro, 'build'], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`astro build failed (${signal ?? `exit ${code}`}): nothing was published`))));
  });
}

// Two renames, so dist/ is at every moment either the old site or the new.
async function swapIn(staging: string, outDir: string) {
  const previous = `${outDir}.previous-${process.pid}`;
  await mkdir(dirname(outDir), { recursive: true });
  await rename(outDir, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, outDir);
  await rm(previous, { recursive: true, force: true });
}

if (import.meta.main) {
  try {
    await buildSite();
    console.log('Site built into dist/.');
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
