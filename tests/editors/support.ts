import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readContent } from '../../scripts/read-content.ts';
import type { ContentProblem } from '../../src/validate/content-problem.ts';
import { checkSite } from '../../scripts/load-site-data.ts';
import { FIXTURE_CONTENT, TODAY } from '../support/fixture-content.ts';

/** "Today" for every editors' test, so that the future-date check never depends on the clock. */
export { TODAY };
export const CORPUS = resolve('tests/editors/corpus');
export const FIXTURE = resolve('tests/editors/fixtures/2022-07-01-ofsted-ilacs-inspection.md');

/** What a corpus file must produce, from its `.expected.json`. */
export interface Expected {
  /** The field as printed, e.g. `judgements[2].grade`; "" for the whole file. */
  field: string;
  /** A fragment of the message. */
  message: string;
  /** A fragment of the fix. */
  fix?: string;
  /** The line the problem is reported on. */
  line?: number;
  severity?: 'error' | 'warning';
  /** Where under content/ the file goes; documents/<its name> if absent. */
  saveAs?: string;
  /** Put there as something other than a regular file, holding the same text. */
  as?: OddFileKind;
}

/** Entries of content/ that are not regular files, which editors' tools can still make. */
export type OddFileKind = 'symbolic link' | 'named pipe' | 'directory';

export interface CorpusCase {
  name: string;
  bytes: Buffer;
  saveAs: string;
  as?: OddFileKind;
  expected: Expected;
}

/** Every malformed document in tests/editors/corpus/ with what it must produce. */
export async function loadCorpus(): Promise<CorpusCase[]> {
  const names = (await readdir(CORPUS)).filter((name) => !name.endsWith('.expected.json')).sort();
  return Promise.all(
    names.map(async (file) => {
      const name = file.replace(/\.(md|yaml)$/, '');
      const expected = JSON.parse(await readFile(join(CORPUS, `${name}.expected.json`), 'utf8')) as Expected;
      return { name, bytes: await readFile(join(CORPUS, file)), saveAs: expected.saveAs ?? `documents/${file}`, ...(expected.as ? { as: expected.as } : {}), expected };
    }),
  );
}

/** A temporary project root holding a copy of the fixture content plus some files; returns the root. */
export async function contentWith(files: { saveAs: string; bytes: Buffer | string; as?: OddFileKind }[] = [], from = FIXTURE_CONTENT): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'editors-'));
  await cp(from, join(root, 'content'), { recursive: true });
  for (const file of files) {
    const path = join(root, 'content', file.saveAs);
    await mkdir(dirname(path), { recursive: true });
    if (file.as === 'symbolic link') {
      // The link points at a real, valid file outside content/.
      await writeFile(join(root, 'linked.md'), file.bytes);
      await symlink(join(root, 'linked.md'), path);
    } else if (file.as === 'named pipe') {
      // Node has no mkfifo; coreutils does. Nothing ever opens the pipe: reading it would wait forever.
      const made = spawnSync('mkfifo', [path]);
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    } else if (file.as === 'directory') {
      await mkdir(path);
      await writeFile(join(path, 'inside.md'), file.bytes);
    } else {
      await writeFile(path, file.bytes);
    }
  }
  return root;
}

/** Validates a temporary root's content as `npm run validate` would (documents, then pages against the data), with paths relative to it. */
export async function validateRoot(root: string): Promise<ContentProblem[]> {
  return checkSite(await readContent(join(root, 'content'), root), { today: TODAY }).problems;
}

/** The problem a corpus case expects, if it is among the problems. */
export function findExpected(problems: readonly ContentProblem[], path: string, expected: Expected): ContentProblem | undefined {
  return problems.find(
    (problem) =>
      problem.path.endsWith(path) &&
      problem.field === expected.field &&
      problem.message.includes(expected.message) &&
      problem.severity === (expected.severity ?? 'error'),
  );
}

/** sha256 of every file under a directory, by relative path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[path.slice(dir.length + 1)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return hashes;
}
