import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cached, cacheCounts, cacheKey, readEntry } from '../../src/publish/image-cache.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'image-cache-'));
  vi.stubEnv('IMAGE_CACHE_DIR', dir);
  for (const kind of Object.keys(cacheCounts)) delete cacheCounts[kind];
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const entryFile = async (kind: string) => {
  const names = (await readdir(join(dir, kind))).filter((name) => name.endsWith('.bin'));
  expect(names).toHaveLength(1);
  return join(dir, kind, names[0]!);
};

describe('cacheKey', () => {
  test('differs whenever a part differs, including where one part ends and the next begins', () => {
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
    expect(cacheKey(['svg', 'scale 2'])).not.toBe(cacheKey(['svg', 'scale 1.9']));
    expect(cacheKey([Buffer.from('fonts'), 'svg'])).toBe(cacheKey([Buffer.from('fonts'), 'svg']));
  });
});

describe('cached', () => {
  test('renders once; the same key then reads the same bytes back without rendering', async () => {
    const render = vi.fn(() => Buffer.from('a rendered image'));
    const first = await cached('png', cacheKey(['one']), render);
    const second = await cached('png', cacheKey(['one']), render);
    expect(render).toHaveBeenCalledTimes(1);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(cacheCounts.png).toEqual({ reused: 1, rendered: 1 });
  });

  test('another key renders again', async () => {
    const render = vi.fn((text: string) => Buffer.from(text));
    await cached('png', cacheKey(['one']), () => render('one'));
    expect(Buffer.from(await cached('png', cacheKey(['two']), () => render('two'))).toString()).toBe('two');
    expect(render).toHaveBeenCalledTimes(2);
  });

  test('a damaged entry is never returned: it is rendered again and replaced', async () => {
    const key = cacheKey(['damaged']);
    await cached('png', key, () => Buffer.from('the right picture'));
    const file = await entryFile('png');
    const bytes = await readFile(file);
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(file, bytes);
    expect(readEntry('png', key)).toBeUndefined();
    const render = vi.fn(() => Buffer.from('the right picture'));
    expect(Buffer.from(await cached('png', key, render)).toString()).toBe('the right picture');
    expect(render).toHaveBeenCalledTimes(1);
    expect(Buffer.from(readEntry('png', key)!).toString()).toBe('the right picture');
  });

  test('a truncated entry, as a killed write would leave without the rename, is a miss', async () => {
    const key = cacheKey(['torn']);
    await cached('png', key, () => Buffer.from('a whole picture of some length'));
    const file = await entryFile('png');
    await writeFile(file, (await readFile(file)).subarray(0, 20));
    expect(readEntry('png', key)).toBeUndefined();
  });

  test('a cache that cannot be written still gives the rendered bytes', async () => {
    const readOnly = join(dir, 'read-only');
    await writeFile(readOnly, 'a file where the cache directory should be');
    vi.stubEnv('IMAGE_CACHE_DIR', readOnly);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(Buffer.from(await cached('png', cacheKey(['x']), () => Buffer.from('still here'))).toString()).toBe('still here');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not store'));
    warn.mockRestore();
  });
});
