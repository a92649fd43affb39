import type { Code, Root, RootContent } from 'mdast';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, test } from 'vitest';
import { DIRECTIVE_NAMES } from '../../src/story/directive-vocabulary.ts';
import { contentWith, FIXTURE, validateRoot } from '../editors/support.ts';

// EDITING.md's "Editing the story" is the editors' reference: its table
// names every directive there is, and its worked example works.
const text = await readFile('EDITING.md', 'utf8');
const guide = unified().use(remarkParse).parse(text) as Root;
const start = guide.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && toString(node) === 'Editing the story');
const end = guide.children.findIndex((node, index) => index > start && node.type === 'heading' && node.depth === 2);
const section: RootContent[] = guide.children.slice(start, end);
const after = (heading: string) => section.slice(section.findIndex((node) => node.type === 'heading' && toString(node) === heading));
const codeAfter = (text: string, lang: string | null) => {
  const from = section.findIndex((node) => node.type === 'paragraph' && toString(node).includes(text));
  return (section.slice(from).find((node) => node.type === 'code' && node.lang === lang) as Code).value;
};

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

describe('EDITING.md, "Editing the story"', () => {
  test('has a section', () => {
    expect(start).toBeGreaterThan(0);
  });

  test('its table names every directive, and nothing that is not one', () => {
    // Plain CommonMark reads a table as a paragraph: its source lines are the rows.
    const table = after('The directives').find((node) => node.type === 'paragraph' && toString(node).startsWith('| directive'))!;
    const rows = text.slice(table.position!.start.offset, table.position!.end.offset).split('\n').slice(2);
    const named = rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`:{1,3}([a-z-]+)/g)].map((match) => match[1]));
    expect([...new Set(named)].sort()).toEqual([...DIRECTIVE_NAMES].sort());
  });

  test('its worked example validates once the 2022 inspection is added, and its mistyped ids give the messages shown', async () => {
    const inspection = (await readFile(FIXTURE, 'utf8')).replaceAll('caseload-2022-05-fixture', 'caseload-2022-05');
    const addition = codeAfter('Add a section at the end', 'markdown');
    const root = await contentWith([{ saveAs: 'documents/2022-07-01-ofsted-ilacs-inspection.md', bytes: inspection }]);
    roots.push(root);
    const storyFile = join(root, 'content', 'pages', 'story.md');
    const story = await readFile(storyFile, 'utf8');
    await writeFile(storyFile, `${story}\n${addition}\n`);
    expect((await validateRoot(root)).filter((problem) => problem.severity === 'error')).toEqual([]);

    const shown = codeAfter('A mistyped id stops validation', null).split('\n').filter(Boolean).map((line) => line.replace(/^\S+:\d+:\d+ {2}/, ''));
    const mistyped = addition.replace(':figure[caseload-2022-05]{bare}', ':figure[caseload-2022-5]{bare} :grade[caseload-2022-05]');
    await writeFile(storyFile, `${story}\n${mistyped}\n`);
    const problems = (await validateRoot(root)).map((problem) => `${problem.field}  ${problem.message}${problem.fix ? `; ${problem.fix}` : ''}`);
    for (const line of shown) expect(problems).toContain(line);
  });
});
