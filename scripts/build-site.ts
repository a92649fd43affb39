import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { deriveData } from './derive-data.ts';
import { finishSite } from './finish-site.ts';

/** Thrown when SIGINT or SIGTERM stops a build: nothing was published. */
export class BuildInterrupted extends Error {
  readonly signal: NodeJS.Signals;

  constructor(signal: NodeJS.Signals) {
    super(`Build stopped by ${signal}: nothing was published, the previous site is unchanged.`);
    this.name = 'BuildInterrupted';
    this.signal = signal;
  }
}

/**
 * `npm run build`: validate and derive the data, build the site into a
 * temporary directory, and only if every step succeeds swap it in for dist/.
 * A content error, a failed build or an interruption (Ctrl+C, SIGTERM from
 * CI) leaves the published dist/ untouched and no staging directory behind.
 */
export async function buildSite({
  root = process.cwd(),
  contentDir = resolve(root, process.env.CONTENT_DIR ?? 'content'),
  outDir = resolve(root, process.env.SITE_OUT_DIR ?? 'dist'),
  siteDataFile = resolve(root, process.env.SITE_DATA_FILE ?? 'src/generated/site-data.json'),
} = {}) {
  const staging = join(dirname(outDir), `.build-${process.pid}`);
  const interruption = watchForInterruption(staging);
  try {
    await deriveData({ contentDir, outFile: siteDataFile });
    interruption.check();
    await recoverFromKilledBuilds(outDir);
    await rm(staging, { recursive: true, force: true });
    // A build into another directory (a test's) keeps its own content cache,
    // so builds of different content can run side by side.
    const isDefaultOut = outDir === resolve(root, 'dist');
    const cacheDir = process.env.ASTRO_CACHE_DIR ?? (isDefaultOut ? undefined : join(dirname(outDir), '.astro-cache'));
    try {
      await runAstroBuild(root, {
        CONTENT_DIR: contentDir,
        SITE_DATA_FILE: siteDataFile,
        ASTRO_OUT_DIR: staging,
        ...(cacheDir ? { ASTRO_CACHE_DIR: cacheDir } : {}),
      }, interruption.signal);
      interruption.check();
      await finishSite(staging);
      interruption.check();
      await swapIn(staging, outDir);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    interruption.dispose();
  }
}

/**
 * Turns SIGINT/SIGTERM into an orderly stop while a build runs: the astro
 * child is stopped and awaited, then staging is removed by the callers'
 * `finally`. A second signal stops at once, still removing staging.
 */
function watchForInterruption(staging: string) {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      rmSync(staging, { recursive: true, force: true });
      process.exit(exitCodeFor(signal));
    }
    received = signal;
    console.error(`\n${signal} received: stopping the build; the published site is left as it was.`);
    controller.abort(new BuildInterrupted(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    check() {
      if (received) throw new BuildInterrupted(received);
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * Names Vite and Astro give `import.meta.env` themselves. A variable of the
 * same name in the environment wins over them in the built pages (a BASE_URL
 * of "/" — Vitest sets one — makes every link ignore SITE_BASE), so the build
 * does not inherit them.
 */
const IMPORT_META_ENV_NAMES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

function runAstroBuild(root: string, env: Record<string, string>, abort: AbortSignal) {
  const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !IMPORT_META_ENV_NAMES.includes(name)));
  return new Promise<void>((done, fail) => {
    // process.execPath is the project's pinned Node, not the machine's.
    const child = spawn(process.execPath, [astro, 'build'], { cwd: root, env: { ...inherited, ...env }, stdio: 'inherit' });
    const stop = () => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    };
    abort.addEventListener('abort', stop, { once: true });
    child.on('error', fail);
    // Settle only once astro has exited, so nothing writes to staging after it is removed.
    child.on('exit', (code, signal) => {
      abort.removeEventListener('abort', stop);
      if (abort.aborted) fail(abort.reason);
      else if (code === 0) done();
      else fail(new Error(`astro build failed (${signal ?? `exit ${code}`}): nothing was published`));
    });
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

// A build killed outright (SIGKILL, power cut) cannot clean up after itself:
// the next build removes its staging directory and, if it died between the
// two renames of swapIn, puts the previous site back.
async function recoverFromKilledBuilds(outDir: string) {
  const parent = dirname(outDir);
  const previousPrefix = `${basename(outDir)}.previous-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = /^\.build-(\d+)$/.exec(name)?.[1] ?? (name.startsWith(previousPrefix) ? name.slice(previousPrefix.length) : undefined);
    if (!pid || !/^\d+$/.test(pid) || isRunning(Number(pid))) continue;
    const path = join(parent, name);
    const outDirExists = await stat(outDir).then(() => true, () => false);
    if (name.startsWith(previousPrefix) && !outDirExists) await rename(path, outDir);
    else await rm(path, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function exitCodeFor(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}

if (import.meta.main) {
  try {
    await buildSite();
    console.log(`Site built into ${relative(process.cwd(), resolve(process.env.SITE_OUT_DIR ?? 'dist')) || '.'}/.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = error instanceof BuildInterrupted ? exitCodeFor(error.signal) : 1;
  }
}
