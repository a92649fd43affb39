import type { EnvironmentModuleNode, RunnableDevEnvironment, ViteDevServer } from 'vite';

/**
 * Makes the dev server read a rewritten data file afresh: in every server
 * environment, the module graph drops the file's transform, and the module
 * runner drops the evaluated module and, transitively, every module that
 * imported it (derive/site-data.ts, the chart registry, the pages). Their
 * module-level caches, keyed by the data object, go with them, so a re-derive
 * is never hidden behind a memoised chart or data version.
 * This is what Astro does for its own data store (vite-plugin-content-virtual-mod).
 * @returns how many evaluated modules were dropped
 */
export function invalidateDataModule(server: ViteDevServer, file: string): number {
  const timestamp = Date.now();
  let dropped = 0;
  for (const environment of Object.values(server.environments)) {
    const seen = new Set<EnvironmentModuleNode>();
    for (const module of environment.moduleGraph.getModulesByFile(file) ?? []) {
      environment.moduleGraph.invalidateModule(module, seen, timestamp, true);
    }
    if (isRunnable(environment)) dropped += dropEvaluated(environment, file);
  }
  return dropped;
}

function isRunnable(environment: ViteDevServer['environments'][string]): environment is RunnableDevEnvironment {
  return 'runner' in environment;
}

function dropEvaluated({ runner }: RunnableDevEnvironment, file: string): number {
  const modules = runner.evaluatedModules;
  const pending = [...(modules.getModulesByFile(file) ?? [])];
  const dropped = new Set<string>();
  while (pending.length > 0) {
    const module = pending.pop()!;
    if (dropped.has(module.id)) continue;
    dropped.add(module.id);
    modules.invalidateModule(module);
    for (const importer of module.importers) {
      const node = modules.getModuleById(importer);
      if (node) pending.push(node);
    }
  }
  return dropped.size;
}
