import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { readContent } from '../../scripts/read-content.ts';
import { formatProblem, type ContentProblem } from '../../src/validate/content-problem.ts';
import { deriveSiteData } from '../../src/derive/derive-site-data.ts';
import { parseMarkdownSource, unreadableSource } from '../../src/validate/parse-source-file.ts';
import { decodeSourceText } from '../../src/validate/source-text.ts';
import { validateContent, type RawContent } from '../../src/validate/validate-content.ts';
import { FIXTURE_CONTENT } from '../support/fixture-content.ts';
import { FIXTURE, TODAY } from './support.ts';

// Thousands of random and mutated documents must never crash the validator
// or the build's derive step: every failure is a positioned message in
// editors' words. Runs are seeded so that a failure can be replayed.
export const FUZZ_RUNS = { mutatedBesideOne: 1500, mutatedBesideAll: 200, yamlish: 1000, text: 1000, bytes: 500 };
const SEED = 20261123;

const real = await readContent(FIXTURE_CONTENT);
const fixtureText = await (await import('node:fs/promises')).readFile(FIXTURE, 'utf8');
const [, fixtureYaml, fixtureBody] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(fixtureText)!;
const beside = (files: RawContent['documentFiles']) => ({ ...real, documentFiles: files });
const besideOne = real.documentFiles.filter((file) => file.path.includes('2017-06-13'));
// The fixture and the real documents other than the one they are validated beside.
const validDocuments = [parseYaml(fixtureYaml), ...real.documentFiles.filter((file) => !besideOne.includes(file)).map((file) => file.data)] as unknown[];

// zod's and YAML's own words must never reach an editor.
const JARGON = /Too (big|small)|Invalid (input|option|string)|expected (string|number|array|object)|received|Nested mappings|Implicit keys|Unexpected (scalar|token)/;

/** Validates content holding one generated file, then derives the site's data as the build does. */
function validateAndDerive(raw: RawContent) {
  const { content, problems } = validateContent(raw, { today: TODAY });
  for (const problem of problems) expectWordedForEditors(problem);
  if (!problems.some((problem) => problem.severity === 'error')) JSON.stringify(deriveSiteData(content));
  return problems;
}

// Plain checks rather than expect(): this runs for every problem of every run.
function expectWordedForEditors(problem: ContentProblem) {
  const line = formatProblem(problem);
  const { line: row, column } = problem.position;
  if (typeof problem.path !== 'string' || !problem.path) throw new Error(`no path: ${line}`);
  if (!Number.isInteger(row) || row < 1 || !Number.isInteger(column) || column < 1) throw new Error(`bad position: ${line}`);
  if (problem.message.length < 4) throw new Error(`no message: ${line}`);
  if (JARGON.test(line)) throw new Error(`not in editors' words: ${line}`);
}

const asDocument = (text: string) => parseMarkdownSource('content/documents/2022-07-01-fuzz.md', text);

// Values editors (and accidents) put in fields.
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', '   ', 'TODO', '2014-13-45', '2024-02-30', '2099-01-01', '2014', 'June 2014', 'javascript:alert(1)', 'http://x.org',
    '<script>alert(1)</script>', 'Requires Improvment', 'Adequate', 'ilacs-2018', 'caseload', 'number', 'range', 'derived', 'qualitative',
    'adoption-days-2013-14', '2019-12-focused-visit', -0, 1e308, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, true, null, [], {}),
  fc.string({ maxLength: 40 }),
);

// One change to a valid document: a field deleted, replaced, renamed or duplicated, somewhere in it.
const mutation = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 5 }),
  op: fc.constantFrom('delete', 'replace', 'rename', 'duplicate', 'wrap'),
  value: oddValue,
  key: fc.oneof(fc.constantFrom('kind', 'id', 'grade', 'area', 'number', 'quote', 'sumary', 'inputs', 'date', 'end'), fc.string({ maxLength: 12 })),
});

function mutate(document: unknown, change: { steps: number[]; op: string; value: unknown; key: string }): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  let parent: Record<string, unknown> | unknown[] = copy;
  let key: string | number | undefined;
  for (const step of change.steps) {
    const container: unknown = key === undefined ? parent : (parent as Record<string, unknown>)[key];
    if (!container || typeof container !== 'object') break;
    const keys = Array.isArray(container) ? container.map((_, index) => index) : Object.keys(container);
    if (!keys.length) break;
    if (key !== undefined) parent = container as Record<string, unknown>;
    key = keys[step % keys.length];
  }
  if (key === undefined) return change.op === 'wrap' ? [copy] : copy;
  const target = parent as Record<string | number, unknown>;
  if (change.op === 'delete') Array.isArray(target) ? target.splice(Number(key), 1) : delete target[key];
  if (change.op === 'replace') target[key] = change.value;
  if (change.op === 'rename' && !Array.isArray(target)) [target[change.key], target[key]] = [target[key], undefined];
  if (change.op === 'duplicate' && Array.isArray(target)) target.push(structuredClone(target[Number(key)]));
  if (change.op === 'wrap') target[key] = [target[key]];
  return copy;
}

const body = fc.oneof(
  fc.constant(fixtureBody),
  fc.constant(''),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('<iframe src=x>', '[x](javascript:alert(1))', '<b onclick="x()">b</b>', '[d](../no-such-document/)', '<!-- a note -->\n\nText.', 'TODO'),
);

const mutatedDocument = fc
  .tuple(fc.constantFrom(...validDocuments), fc.array(mutation, { minLength: 1, maxLength: 4 }), body)
  // Strings are quoted, as editors are told to write dates, so that a date stays text.
  .map(([document, changes, text]) => `---\n${toYaml(changes.reduce(mutate, document), { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n\n${text}`);

// Text made of YAML's special characters and our field names.
const yamlish = fc
  .array(fc.constantFrom('title: ', 'kind: ', 'figures:', 'value: {', '}', '[', ']', '- ', '  ', '\t', '&a ', '*a', '!!binary ', '? ', '| ', '>- ', '"', "'", ': ', '\n', '#', '2014-06-17', 'number', ',', '\\', '%', '@', '`', '---\n', '\u00a0', '\ufeff', '\u0000'), { maxLength: 120 })
  .map((tokens) => `---\n${tokens.join('')}\n---\nBody.\n`);

describe('validateContent and the derive step never crash', () => {
  const settings = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });

  test(`${FUZZ_RUNS.mutatedBesideOne} mutated valid documents, beside one real document`, () => {
    fc.assert(fc.property(mutatedDocument, (text) => void validateAndDerive(beside([...besideOne, asDocument(text)]))), settings(FUZZ_RUNS.mutatedBesideOne));
  });

  test(`${FUZZ_RUNS.mutatedBesideAll} mutated valid documents, beside all the real content`, () => {
    fc.assert(fc.property(mutatedDocument, (text) => void validateAndDerive(beside([...real.documentFiles, asDocument(text)]))), settings(FUZZ_RUNS.mutatedBesideAll));
  });

  test(`${FUZZ_RUNS.yamlish} files of YAML-like fragments`, () => {
    fc.assert(fc.property(yamlish, (text) => void validateAndDerive(beside([...besideOne, asDocument(text)]))), settings(FUZZ_RUNS.yamlish));
  });

  test(`${FUZZ_RUNS.text} files of random text`, () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 1500 }), fc.string({ maxLength: 1500 }).map((inner) => `---\n${inner}\n---\n${inner}`));
    fc.assert(fc.property(text, (content) => void validateAndDerive(beside([...besideOne, asDocument(content)]))), settings(FUZZ_RUNS.text));
  });

  test(`${FUZZ_RUNS.bytes} files of random bytes, and valid files with bytes changed`, () => {
    const valid = new TextEncoder().encode(fixtureText);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).map((edits) => {
        const copy = valid.slice();
        for (const [at, byte] of edits) copy[at] = byte;
        return copy;
      }),
    );
    fc.assert(
      fc.property(bytes, (content) => {
        const decoded = decodeSourceText(content);
        const file = 'text' in decoded ? asDocument(decoded.text) : unreadableSource('content/documents/2022-07-01-fuzz.md', decoded.problem);
        validateAndDerive(beside([...besideOne, file]));
      }),
      settings(FUZZ_RUNS.bytes),
    );
  });

  test('the generators do reach valid documents, so the derive step is exercised', () => {
    const sample = fc.sample(mutatedDocument, { numRuns: 300, seed: SEED });
    const valid = sample.filter((text) => !validateAndDerive(beside([...besideOne, asDocument(text)])).some((problem) => problem.severity === 'error'));
    expect(valid.length).toBeGreaterThan(10);
  });
});
