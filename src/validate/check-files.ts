import { PageNameSchema } from '../schema/index.ts';
import type { ContentProblem } from './content-problem.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';
import { suggestSlug } from './value-words.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CONVENTION = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks document file names, which become page addresses
 * (`/documents/<name>/`): lower-case words joined by "-", unique even on a
 * laptop that ignores case, and by convention `YYYY-MM-DD-publisher-short-title`
 * with the document's own date.
 */
export function checkFileNames(files: readonly ParsedSourceFile[], published: (file: ParsedSourceFile) => string | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  const report = (file: ParsedSourceFile, message: string, fix: string, severity: ContentProblem['severity'] = 'error') =>
    problems.push({ severity, path: file.path, position: { line: 1, column: 1 }, field: 'file name', message, fix });

  for (const file of files) {
    const slug = slugOf(file.path);
    const date = published(file);
    const example = `${date ?? 'YYYY-MM-DD'}-${suggestSlug(slug.replace(/^\d{4}-\d{2}-\d{2}-?/, '')) || 'publisher-short-title'}.md`;
    const twin = seen.get(slug.toLowerCase());
    if (twin) report(file, `"${slug}" differs from ${twin} only in capital letters: both would be the same page`, 'rename one of them');
    seen.set(slug.toLowerCase(), file.path);
    if (!SLUG.test(slug)) {
      report(file, `"${slug}.md" is not a usable file name: the name becomes the page's address`, `rename it to lower-case words joined by "-", e.g. "${example}"`);
      continue;
    }
    const named = CONVENTION.exec(slug)?.[1];
    if (!named) report(file, 'does not start with the document\'s date', `rename it "${example}" (YYYY-MM-DD-publisher-short-title.md)`, 'warning');
    else if (date && named !== date) report(file, `starts with ${named}, but the document is dated ${date}`, `rename it to start with ${date}`, 'warning');
  }
  return problems;
}

/** What an entry of content/ is on disk. */
export type FileKind = 'file' | 'directory' | 'symbolic link' | 'named pipe' | 'socket' | 'device';

/** An entry of content/ that the site will not read. */
export interface StrayFile {
  path: string;
  kind: FileKind;
}

/**
 * Why an entry that is not a regular file is refused, whatever its name:
 * a symbolic link can point outside content/ or at nothing on another
 * machine, a folder is not read, and reading a named pipe never ends.
 */
export function notARegularFile(kind: Exclude<FileKind, 'file'>): { message: string; fix: string } {
  switch (kind) {
    case 'symbolic link':
      return { message: 'is a symbolic link, not a file: content must be real files in the repository', fix: 'replace the link with a copy of the file it points to' };
    case 'directory':
      return { message: 'is a folder: content/documents/ and content/frameworks/ hold files only, not folders', fix: 'move the files inside it up into the folder above, then delete it' };
    default:
      return { message: `is a ${kind}, not a file, so it cannot be read as content`, fix: 'delete it: content/ holds only .md and .yaml files' };
  }
}

/** Entries of content/ that the site will not read. */
export function checkStrayFiles(entries: readonly StrayFile[]): ContentProblem[] {
  return entries.map(({ path, kind }) => {
    const inFrameworks = path.includes('frameworks/');
    const position = { line: 1, column: 1 };
    if (kind !== 'file') return { severity: 'error' as const, path, position, field: 'file name', ...notARegularFile(kind) };
    const inPages = /(^|[\\/])pages[\\/]/.test(path);
    return {
      severity: 'error' as const,
      path,
      position,
      field: 'file name',
      message: inPages
        ? `is not read: the site's pages are ${PageNameSchema.options.map((name) => `${name}.md`).join(' and ')}`
        : inFrameworks
          ? 'is not read: frameworks must be .yaml files directly in content/frameworks/'
          : 'is not read: documents must be .md files directly in content/documents/',
      fix: inPages
        ? 'write its text into one of those pages, or move it out of content/'
        : inFrameworks ? 'rename it to end in ".yaml", or move it out of content/' : 'rename it to end in ".md" (not .markdown or .txt), or move it out of content/',
    };
  });
}

/** `content/documents/2010-12-17-ofsted.md` → `2010-12-17-ofsted` */
export function slugOf(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
}
