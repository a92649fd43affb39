import type { Root } from 'mdast';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { directionProblems, importCycles, readImportGraph, type Stage } from './import-graph.ts';

// The layout is the pipeline: content is read and checked (validate), the
// datasets are derived from it (derive), charts are drawn from them, and the
// story and what leaves the site (publish) use the charts; components,
// layouts and pages come last. A stage imports only from stages of a lower
// rank; scripts/ and astro.config.mjs are entry points and may import any.
// README.md's "Layout" table and each folder's README.md say the same.
const STAGES: readonly Stage[] = [
  { name: 'schema', paths: ['src/schema'], rank: 0 },
  { name: 'package types', paths: ['src/types'], rank: 0 },
  { name: 'lib', paths: ['src/lib'], rank: 1 },
  { name: 'styles', paths: ['src/styles'], rank: 1 },
  { name: 'validate', paths: ['src/validate'], rank: 2 },
  { name: 'derive', paths: ['src/derive', 'src/generated'], rank: 3 },
  { name: 'charts', paths: ['src/charts'], rank: 4 },
  { name: 'story', paths: ['src/story'], rank: 5 },
  { name: 'publish', paths: ['src/publish'], rank: 5 },
  { name: 'components', paths: ['src/components'], rank: 6 },
  { name: 'layouts', paths: ['src/layouts'], rank: 7 },
  { name: 'pages', paths: ['src/pages', 'src/content.config.ts'], rank: 8 },
];

const root = fileURLToPath(new URL('../..', import.meta.url));
const project = await readImportGraph(root, ['src', 'scripts']);
const source = { files: project.files.filter((file) => file.startsWith('src/')), edges: project.edges.filter((edge) => edge.from.startsWith('src/')) };

describe('the layout of src/', () => {
  test('every file is in a stage, and every import runs from a later stage to an earlier one', () => {
    expect(directionProblems(source, STAGES)).toEqual([]);
  });

  test('no module of src/ or scripts/ imports itself through others', () => {
    expect(importCycles(project.edges)).toEqual([]);
  });

  test('README.md\'s Layout table names every folder of src/, and each folder is a stage', async () => {
    const readme = unified().use(remarkParse).use(remarkGfm).parse(await readFile(`${root}README.md`, 'utf8')) as Root;
    const start = readme.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && toString(node) === 'Layout');
    const table = readme.children.slice(start).find((node) => node.type === 'table');
    const named = new Set<string>();
    if (table) visit(table, 'inlineCode', (code) => void (/^src\/[^/]+\/$/.test(code.value) && named.add(code.value.slice(0, -1))));
    // src/generated/ is written by `npm run derive` and not kept in git.
    const folders = (await readdir(`${root}src`, { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'generated').map((entry) => `src/${entry.name}`);
    expect([...named].sort()).toEqual(folders.sort());
    const staged = STAGES.flatMap((stage) => stage.paths);
    expect(folders.filter((folder) => !staged.includes(folder))).toEqual([]);
  });
});

describe('the check itself, on a fixture of back-imports', async () => {
  const fixtureRoot = fileURLToPath(new URL('fixtures/back-imports/', import.meta.url));
  const fixture = await readImportGraph(fixtureRoot, ['src']);

  test('finds each import against the order, in TypeScript and in Astro frontmatter and scripts, and each file in no stage', () => {
    expect(directionProblems(fixture, STAGES)).toEqual([
      'src/helpers/misc.ts is in no stage: put it in one of schema, package types, lib, styles, validate, derive, charts, story, publish, components, layouts, pages',
      'src/components/GradeCard.astro:4 imports src/layouts/Shell.astro: components may import only schema, package types, lib, styles, validate, derive, charts, story, publish, components, not layouts',
      'src/components/GradeCard.astro:12 imports src/pages/menu.ts: components may import only schema, package types, lib, styles, validate, derive, charts, story, publish, components, not pages',
      'src/derive/latest-grade.ts:3 imports src/charts/bar-chart.ts: derive may import only schema, package types, lib, styles, validate, derive, not charts',
      'src/lib/grade-words.ts:3 imports src/derive/latest-grade.ts: lib may import only schema, package types, lib, not derive',
      'src/story/story-page.ts:2 imports src/publish/grade-card.ts: story may import only schema, package types, lib, styles, validate, derive, charts, story, not publish',
      'src/validate/check-grade.ts:13 imports src/publish/grade-card.ts: validate may import only schema, package types, lib, styles, validate, not publish',
    ]);
  });

  test('reads an import of types as one, and words that only look like imports as none', () => {
    const derive = fixture.edges.filter((edge) => edge.from === 'src/derive/latest-grade.ts');
    expect(derive.map(({ to, typeOnly }) => ({ to, typeOnly }))).toEqual([
      { to: 'src/schema/grade.ts', typeOnly: true },
      { to: 'src/charts/bar-chart.ts', typeOnly: true },
    ]);
    expect(fixture.edges.filter((edge) => edge.to === 'src/pages/menu.ts').map((edge) => `${edge.from}:${edge.line}`)).toEqual(['src/components/GradeCard.astro:12']);
  });

  test('finds the mutual import of a chart and its panel', () => {
    expect(importCycles(fixture.edges)).toEqual([['src/charts/bar-chart.ts', 'src/charts/bar-panel.ts']]);
  });
});
