import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * One run of `npm run build`'s script as a child process, measured: wall
 * time, and CPU time (user + system) of the build and everything it starts
 * (the astro child, resvg's and Rolldown's threads, the Pagefind binary).
 *
 * Node has no getrusage(RUSAGE_CHILDREN); Linux keeps the same figures in
 * /proc/self/stat (cutime and cstime: the CPU time of every child this
 * process has waited for, each including its own waited-for children). The
 * difference across one build is that build's CPU time, as `/usr/bin/time`
 * would report it, provided nothing else this process started ends meanwhile
 * (the bench runs one thing at a time).
 * @see https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html
 */

export interface BuildPaths {
  /** The content directory to build. */
  content: string;
  /** Where the site goes; its parent holds the build's data file and Astro's cache. */
  outDir: string;
  /** The image cache (src/publish/image-cache.ts) to use: an empty one for a cold build. */
  imageCache: string;
  /** "Today" for the future-date check (the stress record's documents run to 2030). */
  today?: string;
}

export interface BuildCost {
  wallSeconds: number;
  /** User + system CPU seconds of the build and its children; undefined where /proc is not readable. */
  cpuSeconds: number | undefined;
  /** The 1-minute load average before and after. */
  load: [number, number];
  /** The build's "image cache: …" line: what it rasterised and what it reused. */
  imageCache: string;
}

/** CPU seconds of this process's waited-for children, or undefined off Linux. */
export function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[16 - 3]) + Number(fields[17 - 3]);
    return ticks / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** sysconf(_SC_CLK_TCK): 100 on every Linux the project runs on. */
const CLOCK_TICKS = 100;

/** One run of a command, measured: its wall and CPU seconds (itself and all it starts), the load before and after, and its output. */
export interface CommandCost {
  wallSeconds: number;
  cpuSeconds: number | undefined;
  load: [number, number];
  log: string;
}

/** Runs `node <args>` in `cwd` and measures it; a failure throws with the end of its output, named by `what`. */
export function measuredCommand(args: string[], { cwd, env, what }: { cwd: string; env: NodeJS.ProcessEnv; what: string }): Promise<CommandCost> {
  const loadBefore = loadavg()[0]!;
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const cpuAfter = childrenCpuSeconds();
      if (code !== 0) return fail(new Error(`${what} failed:\n${log.split('\n').slice(-40).join('\n')}`));
      done({ wallSeconds, cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, load: [loadBefore, loadavg()[0]!], log });
    });
  });
}

/** Builds `paths.content` into `paths.outDir` and measures it; a failed build throws with its log. */
export async function measuredBuild(root: string, paths: BuildPaths): Promise<BuildCost> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: paths.content,
    SITE_OUT_DIR: paths.outDir,
    SITE_DATA_FILE: join(resolve(paths.outDir, '..'), 'site-data.json'),
    IMAGE_CACHE_DIR: paths.imageCache,
    ...(paths.today ? { CONTENT_TODAY: paths.today } : {}),
  };
  const { log, ...cost } = await measuredCommand([resolve(root, 'scripts/build-site.ts')], { cwd: root, env, what: `the build of ${paths.content}` });
  return {
    ...cost,
    imageCache: log.split('\n').find((line) => line.startsWith('image cache'))?.replace(/\s*\(.*?\)/, '') ?? 'image cache: no line (nothing rasterised or read)',
  };
}
