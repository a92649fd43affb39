import { lstat, readdir, readFile } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseMarkdownSource, parseYamlSource, unreadableSource, type ParsedSourceFile } from '../src/validate/parse-source-file.ts';
import { checkSourceSize, decodeSourceText } from '../src/validate/source-text.ts';
import { notARegularFile } from '../src/validate/check-files.ts';
import type { FileKind, RawContent, StrayFile } from '../src/validate/validate-content.ts';
import { PageNameSchema } from '../src/schema/index.ts';

type Parse = (path: string, text: string) => ParsedSourceFile;

/**
 * Reads every content file under a content directory (the real `content/`
 * or a test's temporary copy). Paths in messages are relative to `root`.
 * Files the site would silently skip (a document saved as `.markdown`) are
 * listed as stray so that validation can say so.
 */
export async function readContent(contentDir: string, root = process.cwd()): Promise<RawContent> {
  const strayFiles: StrayFile[] = [];
  const list = async (dir: string, extension: string) => {
    const entries = await readdir(join(contentDir, dir), { withFileTypes: true }).catch(() => []);
    const wanted: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const file = join(contentDir, dir, entry.name);
      if (entry.name.startsWith('.')) continue;
      if (entry.isFile() && entry.name.endsWith(extension)) wanted.push(file);
      else strayFiles.push({ path: shown(root, file), kind: kindOf(entry) });
    }
    return wanted;
  };
  const read = (parse: Parse) => (file: string) => readSourceFile(file, shown(root, file), parse);

  const frameworkFiles = await Promise.all((await list('frameworks', '.yaml')).map(read(parseYamlSource)));
  const documentFiles = await Promise.all((await list('documents', '.md')).map(read(parseMarkdownSource)));
  const metricsFile = await read(parseYamlSource)(join(contentDir, 'metrics.yaml'));
  // Each page the site has is read by name (a missing one is reported);
  // anything else in pages/ would never be shown.
  const pageNames = PageNameSchema.options.map((name) => `${name}.md`);
  const pageFiles = await Promise.all(pageNames.map((name) => read(parseMarkdownSource)(join(contentDir, 'pages', name))));
  const pageEntries = await readdir(join(contentDir, 'pages'), { withFileTypes: true }).catch(() => []);
  for (const entry of pageEntries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.name.startsWith('.') && !pageNames.includes(entry.name)) strayFiles.push({ path: shown(root, join(contentDir, 'pages', entry.name)), kind: kindOf(entry) });
  }
  const topicsFile = await read(parseYamlSource)(join(contentDir, 'judgement-topics.yaml'));
  return { frameworkFiles, metricsFile, topicsFile, documentFiles, pageFiles, strayFiles };
}

// Paths as an editor would type them: relative inside the project, absolute outside it.
function shown(root: string, file: string): string {
  const path = relative(root, file);
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

/** What a directory entry is; only regular files are content (a link may point anywhere, a FIFO never ends). */
function kindOf(entry: Dirent | Stats): FileKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'symbolic link';
  if (entry.isFIFO()) return 'named pipe';
  if (entry.isSocket()) return 'socket';
  return 'device';
}

async function readSourceFile(file: string, path: string, parse: Parse): Promise<ParsedSourceFile> {
  const info = await lstat(file).catch(() => undefined);
  if (!info) {
    return unreadableSource(path, { message: 'is missing', fix: 'restore it from git: the site needs it', position: { line: 1, column: 1 } });
  }
  const kind = kindOf(info);
  if (kind !== 'file') return unreadableSource(path, { ...notARegularFile(kind), position: { line: 1, column: 1 } });
  const size = info.size;
  const tooBig = checkSourceSize(size);
  if (tooBig) return unreadableSource(path, tooBig);
  const decoded = decodeSourceText(await readFile(file));
  return 'problem' in decoded ? unreadableSource(path, decoded.problem) : parse(path, decoded.text);
}
