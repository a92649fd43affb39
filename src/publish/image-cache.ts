import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Rendered images kept across builds, so that a build whose charts did not
 * change rasterises nothing. An entry is found by a key that hashes
 * everything that decides its bytes (the caller's job: the SVG, the scale,
 * the fonts, the renderer's version), so a stale entry is never found; it is
 * written to a temporary file and renamed into place, and read back only if
 * the digest stored with it matches, so a torn or corrupt file is a miss
 * (and is replaced), never a wrong chart.
 *
 * Where: $IMAGE_CACHE_DIR, else node_modules/.cache/<package name>/images
 * (the convention of build tools' caches; removed with node_modules).
 */

const PACKAGE = 'manchester-childrens-services-record';
/** Bumped when the layout of entries changes: older entries are then never read. */
const FORMAT = 'image-cache 1';
const MAGIC = Buffer.from('JIMG1\n', 'latin1');
const DIGEST_BYTES = 32;
/** Entries not used for this long are removed when a build starts using the cache. */
const MAX_AGE_DAYS = 30;

export function imageCacheDir(): string {
  return resolve(process.env.IMAGE_CACHE_DIR ?? join('node_modules', '.cache', PACKAGE, 'images'));
}

/** A key for an entry: SHA-256 of the parts, each length-prefixed so that no two lists of parts collide. */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256').update(FORMAT);
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`\n${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

/** What this process found in the cache and rendered anew, by kind of entry: builds print it, tests read it. */
export const cacheCounts: Record<string, { reused: number; rendered: number }> = {};

function count(kind: string, outcome: 'reused' | 'rendered') {
  if (Object.keys(cacheCounts).length === 0) process.once('exit', reportCounts);
  (cacheCounts[kind] ??= { reused: 0, rendered: 0 })[outcome] += 1;
}

/** One line at the end of the build, e.g. "image cache: chart-drawing 4 reused, 0 rendered; …". */
function reportCounts() {
  const parts = Object.entries(cacheCounts).map(([kind, { reused, rendered }]) => `${kind} ${reused} reused, ${rendered} rendered`);
  console.log(`image cache (${imageCacheDir()}): ${parts.join('; ')}`);
}

const entryPath = (dir: string, kind: string, key: string) => join(dir, kind, `${key}.bin`);
const digest = (payload: Uint8Array) => createHash('sha256').update(payload).digest();

/** The entry's payload if it is there and intact; a damaged entry is removed. */
export function readEntry(kind: string, key: string, dir = imageCacheDir()): Buffer | undefined {
  pruneOnce(dir);
  const path = entryPath(dir, kind, key);
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const payload = file.subarray(MAGIC.length + DIGEST_BYTES);
  const intact = file.subarray(0, MAGIC.length).equals(MAGIC) && file.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES).equals(digest(payload));
  if (!intact) {
    rmSync(path, { force: true });
    return undefined;
  }
  // Marks the entry as used, for pruning.
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Another build pruned it meanwhile: the payload read is still whole.
  }
  return payload;
}

/** Stores an entry: written beside its place, then renamed, so readers see all of it or none. */
export function writeEntry(kind: string, key: string, payload: Uint8Array, dir = imageCacheDir()): void {
  const path = entryPath(dir, kind, key);
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  try {
    mkdirSync(join(dir, kind), { recursive: true });
    writeFileSync(partial, Buffer.concat([MAGIC, digest(payload), payload]));
    renameSync(partial, path);
  } catch (error) {
    // A cache that cannot be written (read-only disk, full disk) costs time, not correctness.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written there either.
    }
    console.warn(`image cache: could not store an entry in ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The payload for a key: from the cache, or made by `render` and stored.
 * `kind` names a folder and a line of the build's report (e.g. "chart-drawing").
 */
export async function cached(kind: string, key: string, render: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array> {
  const found = readEntry(kind, key);
  if (found) {
    count(kind, 'reused');
    return found;
  }
  const payload = await render();
  writeEntry(kind, key, payload);
  count(kind, 'rendered');
  return payload;
}

/** `cached` for callers that cannot wait (a synchronous render). */
export function cachedSync(kind: string, key: string, render: () => Uint8Array): Uint8Array {
  const found = readEntry(kind, key);
  if (found) {
    count(kind, 'reused');
    return found;
  }
  const payload = render();
  writeEntry(kind, key, payload);
  count(kind, 'rendered');
  return payload;
}

const pruned = new Set<string>();

/** Once per process and directory: removes entries unused for MAX_AGE_DAYS and partial files left by killed builds. */
function pruneOnce(dir: string) {
  if (pruned.has(dir)) return;
  pruned.add(dir);
  const oldest = Date.now() - MAX_AGE_DAYS * 86_400_000;
  const staleTemp = Date.now() - 3_600_000;
  let kinds: string[];
  try {
    kinds = readdirSync(dir);
  } catch {
    return;
  }
  for (const kind of kinds) {
    let names: string[];
    try {
      names = readdirSync(join(dir, kind));
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, kind, name);
      try {
        const { mtimeMs } = statSync(path);
        if (mtimeMs < (name.endsWith('.partial') ? staleTemp : oldest)) rmSync(path, { force: true });
      } catch {
        // Gone already (another build pruned it).
      }
    }
  }
}
