import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseMarkdownSource, parseYamlSource } from '../src/lib/parse-source-file.ts';
import type { RawContent } from '../src/lib/validate-content.ts';

/**
 * Reads every content file under a content directory (the real `content/`
 * or a test's temporary copy). Paths in messages are relative to `root`.
 */
export async function readContent(contentDir: string, root = process.cwd()): Promise<RawContent> {
  const list = async (dir: string, extension: string) =>
    (await readdir(join(contentDir, dir)).catch(() => [] as string[]))
      .filter((name) => name.endsWith(extension))
      .sort()
      .map((name) => join(contentDir, dir, name));
  const read = async (file: string) => ({ path: relative(root, file), text: await readFile(file, 'utf8') });

  const frameworkFiles = await Promise.all((await list('frameworks', '.yaml')).map(read));
  const documentFiles = await Promise.all((await list('documents', '.md')).map(read));
  const metrics = await read(join(contentDir, 'metrics.yaml'));
  return {
    frameworkFiles: frameworkFiles.map(({ path, text }) => parseYamlSource(path, text)),
    metricsFile: parseYamlSource(metrics.path, metrics.text),
    documentFiles: documentFiles.map(({ path, text }) => parseMarkdownSource(path, text)),
  };
}
