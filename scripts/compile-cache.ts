import { enableCompileCache } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * Node's on-disk cache of compiled JavaScript, for the build and the astro
 * process it starts: the second build of a machine loads Astro, Vite, Plot
 * and the derive pipeline without compiling them again (about half a second
 * of CPU a build). Node checks each entry against its source, so a changed
 * file is compiled afresh; deleting the folder only costs that time once.
 * Where: $COMPILE_CACHE_DIR, else node_modules/.cache/<package name>/node-compile.
 * @see https://nodejs.org/api/module.html#module-compile-cache
 */
export function compileCacheDir(root = process.cwd()): string {
  return resolve(root, process.env.COMPILE_CACHE_DIR ?? join('node_modules', '.cache', 'manchester-childrens-services-record', 'node-compile'));
}

/** Turns the cache on for this process (for modules loaded from now on); returns the directory, for child processes' NODE_COMPILE_CACHE. */
export function useCompileCache(root = process.cwd()): string {
  const dir = compileCacheDir(root);
  enableCompileCache(dir);
  return dir;
}
