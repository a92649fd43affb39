import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { ContentError } from '../../scripts/load-site-data.ts';
import { contentWith, hashTree, loadCorpus, TODAY } from './support.ts';

// The same corpus through the real build entry: every malformed document must
// stop the build with its message, before astro runs, and leave the site that
// was published before byte-for-byte as it was.
const errors = (await loadCorpus()).filter((entry) => (entry.expected.severity ?? 'error') === 'error');

let work: string;
let goodRoot: string;
let dist: string;
let siteDataFile: string;
let published: Record<string, string>;
let publishedData: string;

const leftovers = async () => (await readdir(work)).filter((name) => name.startsWith('.build-') || name.startsWith('dist.previous-'));

beforeAll(async () => {
  process.env.CONTENT_TODAY = TODAY;
  work = await mkdtemp(join(tmpdir(), 'editors-build-'));
  goodRoot = await contentWith();
  dist = join(work, 'dist');
  siteDataFile = join(work, 'site-data.json');
  await buildSite({ contentDir: join(goodRoot, 'content'), outDir: dist, siteDataFile });
  published = await hashTree(dist);
  publishedData = await readFile(siteDataFile, 'utf8');
});

afterAll(async () => {
  delete process.env.CONTENT_TODAY;
  await rm(work, { recursive: true, force: true });
  await rm(goodRoot, { recursive: true, force: true });
});

describe('buildSite with a malformed document', () => {
  test('a good build published a site to compare against', () => {
    expect(Object.keys(published).length).toBeGreaterThan(10);
    expect(published['index.html']).toBeDefined();
  });

  test.each(errors.map((entry) => [entry.name, entry] as const))('%s: fails with its message and publishes nothing', async (_name, entry) => {
    const root = await contentWith([entry]);
    try {
      const build = buildSite({ contentDir: join(root, 'content'), outDir: dist, siteDataFile });
      await expect(build).rejects.toBeInstanceOf(ContentError);
      await expect(build).rejects.toThrow(entry.expected.message);
      await expect(build).rejects.toThrow('nothing was built or published');
      expect(await hashTree(dist)).toEqual(published);
      expect(await readFile(siteDataFile, 'utf8')).toBe(publishedData);
      expect(await leftovers()).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

/** Runs `node scripts/build-site.ts` as `npm run build` does, with its paths in env. */
function runBuildScript(contentDir: string, { stopWith, onStaging }: { stopWith?: NodeJS.Signals; onStaging?: () => void } = {}) {
  const child = spawn(process.execPath, ['scripts/build-site.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, SITE_OUT_DIR: dist, SITE_DATA_FILE: siteDataFile, CONTENT_TODAY: TODAY, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const staging = join(work, `.build-${child.pid}`);
  let sent = false;
  const poll = setInterval(async () => {
    if (sent || !stopWith) return;
    if ((await readdir(work)).includes(`.build-${child.pid}`)) {
      sent = true;
      onStaging?.();
      child.kill(stopWith);
    }
  }, 25);
  return new Promise<{ code: number | null; output: string; staging: string; sent: boolean }>((done) =>
    child.on('exit', (code) => {
      clearInterval(poll);
      done({ code, output, staging, sent });
    }),
  );
}

/** Processes still building into a staging directory (Linux: read from /proc). */
async function processesBuildingInto(staging: string): Promise<string[]> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const found: string[] = [];
  for (const pid of pids) {
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`ASTRO_OUT_DIR=${staging}`)) found.push(pid);
  }
  return found;
}

describe('node scripts/build-site.ts (npm run build)', () => {
  test('a malformed document: exit 1, every problem printed as path:line:column  field  message, dist/ unchanged', async () => {
    const entry = errors.find((candidate) => candidate.name.endsWith('grade-misspelt'))!;
    const root = await contentWith([entry]);
    try {
      const { code, output } = await runBuildScript(join(root, 'content'));
      expect(code).toBe(1);
      expect(output).toMatch(/grade-misspelt\.md:\d+:\d+ {2}judgements\[2\]\.grade {2}"Requires Improvment" is not a grade of the ILACS \(2018\) framework; did you mean "Requires improvement to be good"\?/);
      expect(output).toContain('nothing was built or published');
      expect(output).not.toContain('[build]');
      expect(await hashTree(dist)).toEqual(published);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s in the middle of astro build: dist/ intact, no staging directory, astro stopped', async (signal) => {
    const { code, output, staging, sent } = await runBuildScript(join(goodRoot, 'content'), { stopWith: signal });
    expect(sent, output).toBe(true);
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(output).toContain(`Build stopped by ${signal}: nothing was published`);
    expect(await hashTree(dist)).toEqual(published);
    expect(await leftovers()).toEqual([]);
    expect(await processesBuildingInto(staging)).toEqual([]);
  });
});
