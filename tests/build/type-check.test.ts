import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

// The TypeScript in src, scripts and tests type-checks (tsconfig.json): the
// tests run TypeScript without checking it, so a type error would otherwise
// pass them. Astro components are checked by `npm run check`, in CI.
const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

test('tsc --noEmit finds no type error', { timeout: 120_000 }, async () => {
  const result = await run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).then(
    () => '',
    (error: { stdout?: string; stderr?: string; message: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}` || error.message,
  );
  expect(result).toBe('');
});
