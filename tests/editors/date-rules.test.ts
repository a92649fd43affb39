import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { checkDates } from '../../src/validate/check-dates.ts';
import { formatFieldPath } from '../../src/validate/content-problem.ts';
import { parseMarkdownSource } from '../../src/validate/parse-source-file.ts';
import { salvageDocument } from '../../src/validate/salvage-document.ts';
import { DocumentSchema } from '../../src/schema/index.ts';
import { FIXTURE } from './support.ts';

// The visit-order rules live in DocumentSchema (for Astro) and in
// check-dates.ts (which also runs when other fields are wrong). They must
// agree on every combination of dates.
const fixture = parseMarkdownSource('content/documents/2022-07-01-fixture.md', await readFile(FIXTURE, 'utf8'));
const day = fc.integer({ min: 0, max: 60 }).map((offset) => new Date(Date.UTC(2022, 4, 1 + offset)).toISOString().slice(0, 10));

describe('checkDates and DocumentSchema', () => {
  test('report the same visit and publication order problems, at the same fields, for 1000 combinations of dates', () => {
    fc.assert(
      fc.property(day, day, day, (start, end, published) => {
        const data = { ...(fixture.data as object), visit: { start, end }, published, corrections: [] };
        const fromSchema = (DocumentSchema.safeParse(data).error?.issues ?? []).map((issue) => formatFieldPath(issue.path)).sort();
        const file = { ...fixture, data };
        const fromChecks = checkDates([{ slug: 'fixture', file, data: salvageDocument(data) }], '2099-12-31')
          .filter((problem) => problem.severity === 'error')
          .map((problem) => problem.field)
          .sort();
        expect(fromChecks).toEqual(fromSchema);
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });
});
