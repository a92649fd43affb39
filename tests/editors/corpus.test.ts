import { rm } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/validate/content-problem.ts';
import { contentWith, findExpected, loadCorpus, validateRoot } from './support.ts';

// Each file in tests/editors/corpus/ is the fixture document with one
// mistake an editor could make; its .expected.json names the field and the
// words the message must use. Each is validated beside a copy of the real
// content, as `npm run validate` would see it.
const corpus = await loadCorpus();

describe('validateContent on the malformed-document corpus', () => {
  test('the corpus holds at least 40 malformed documents', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  test.each(corpus.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const root = await contentWith([entry]);
    try {
      const problems = await validateRoot(root);
      const listed = problems.map(formatProblem).join('\n');
      const found = findExpected(problems, `content/${entry.saveAs}`, entry.expected);
      expect(found, `expected ${entry.expected.field} "${entry.expected.message}" among:\n${listed}`).toBeDefined();
      if (entry.expected.fix) expect(found!.fix).toContain(entry.expected.fix);
      if (entry.expected.line) expect(found!.position.line).toBe(entry.expected.line);
      expect(found!.position.column).toBeGreaterThanOrEqual(1);

      // The mistake is blamed on its own file only, never on the real content.
      const elsewhere = problems.filter((problem) => problem.severity === 'error' && !problem.path.endsWith(entry.saveAs));
      expect(elsewhere.map(formatProblem)).toEqual([]);
      // A warning case is otherwise valid: it would build.
      if (entry.expected.severity === 'warning') expect(problems.filter((problem) => problem.severity === 'error').map(formatProblem)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
