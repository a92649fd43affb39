import { describe, expect, test } from 'vitest';
import { DocumentSchema } from '../../src/schema/index.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

const { content } = await loadFixtureContent();
const valid = content.documents.find((doc) => doc.slug === '2017-06-13-ofsted-monitoring-visit-adoption')!.data;
const mutate = (change: (doc: Record<string, unknown>) => void) => {
  const copy = structuredClone(valid) as unknown as Record<string, unknown>;
  change(copy);
  return DocumentSchema.safeParse(copy);
};
const failingPaths = (result: ReturnType<typeof mutate>) =>
  result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));

describe('DocumentSchema', () => {
  test('accepts every document of the fixture content', () => {
    for (const doc of content.documents) expect(DocumentSchema.safeParse(doc.data).success, doc.slug).toBe(true);
  });

  test('rejects an unknown key, as a typo', () => {
    expect(failingPaths(mutate((doc) => (doc.sumary = 'x')))).toEqual(['']);
  });

  test('rejects a missing title', () => {
    expect(failingPaths(mutate((doc) => delete doc.title))).toEqual(['title']);
  });

  test('rejects an impossible date and an unquoted (Date) date', () => {
    expect(failingPaths(mutate((doc) => (doc.published = '2024-02-30')))).toEqual(['published']);
    expect(failingPaths(mutate((doc) => (doc.published = new Date('2017-06-13'))))).toEqual(['published']);
  });

  test('rejects a visit that ends before it starts, and publication before the visit', () => {
    expect(failingPaths(mutate((doc) => (doc.visit = { start: '2017-03-08', end: '2017-03-07' })))).toContain('visit.end');
    expect(failingPaths(mutate((doc) => (doc.published = '2017-03-01')))).toContain('published');
  });

  test('rejects a plain-http source address', () => {
    expect(failingPaths(mutate((doc) => (doc.sourceUrl = 'http://example.org/report')))).toEqual(['sourceUrl']);
  });

  test('rejects a range whose low end is above its high end', () => {
    const result = mutate((doc) => {
      (doc.figures as { value: unknown }[])[0].value = { kind: 'range', low: 24, high: 22 };
    });
    expect(failingPaths(result)).toEqual(['figures.0.value.high']);
  });

  test('rejects a figure value of an unknown kind', () => {
    const result = mutate((doc) => {
      (doc.figures as { value: unknown }[])[0].value = { kind: 'estimate', number: 3 };
    });
    expect(result.success).toBe(false);
  });
});
