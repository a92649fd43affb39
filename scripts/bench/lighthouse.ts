import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../tests/support/chromium.ts';

/**
 * Lighthouse 13 (the project's dev dependency) on one URL, with its default
 * mobile settings (emulated phone, simulated slow 4G and CPU), run through
 * npx with CHROME_PATH pointing at the Chromium the tests use.
 */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type LighthouseScores = Record<Category, number> & {
  failedAudits: string[];
  /** Total blocking time, ms: main-thread tasks' time beyond 50 ms each, between first paint and interactive. */
  totalBlockingMs: number;
  /** Where the main thread's time went (style and layout, parsing, image decoding…), ms, largest first. */
  mainThread: { group: string; ms: number }[];
};

export const lighthouseInstalled = () => existsSync(resolve('node_modules/lighthouse/package.json'));

export async function runLighthouse(url: string): Promise<LighthouseScores> {
  const work = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  const report = join(work, 'report.json');
  try {
    await new Promise<void>((done, fail) => {
      execFile(
        'npx',
        ['--no-install', 'lighthouse', url, '--quiet', '--output=json', `--output-path=${report}`, `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`],
        { env: { ...process.env, CHROME_PATH: findChromium() }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, stderr) => (error ? fail(new Error(`lighthouse failed on ${url}: ${stderr.trim().split('\n').slice(-5).join('\n') || error.message}`)) : done()),
      );
    });
    const result = JSON.parse(await readFile(report, 'utf8'));
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((result.categories[category]?.score ?? 0) * 100)])) as Record<Category, number>;
    // The audits that cost points, to say what to fix.
    const failedAudits = CATEGORIES.flatMap((category) =>
      (result.categories[category]?.auditRefs ?? [])
        .filter((ref: { id: string; weight: number }) => ref.weight > 0 && (result.audits[ref.id]?.score ?? 1) < 1)
        .map((ref: { id: string }) => `${category}: ${ref.id} (${result.audits[ref.id].displayValue ?? result.audits[ref.id].title})`),
    );
    const totalBlockingMs = Math.round(result.audits['total-blocking-time']?.numericValue ?? Number.NaN);
    const mainThread = ((result.audits['mainthread-work-breakdown']?.details?.items ?? []) as { groupLabel?: string; group?: string; duration: number }[])
      .map((item) => ({ group: item.groupLabel ?? item.group ?? '?', ms: Math.round(item.duration) }))
      .sort((a, b) => b.ms - a.ms);
    return { ...scores, failedAudits, totalBlockingMs, mainThread };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
