import { describe, expect, test } from 'vitest';
import { factsCacheKey, pageCacheKey } from '../../src/publish/page-cache-key.ts';
import { loadFixtureContent } from '../support/fixture-content.ts';

// The keys by which Astro's incremental build reuses a page: what moves
// them decides which pages a rebuild renders again (the whole-site check is
// tests/build/incremental-build.test.ts).
const { data } = await loadFixtureContent();
const copy = () => structuredClone(data);

describe('factsCacheKey (charts, a document’s own page)', () => {
  test('is the same for the same data and the same own parts', () => {
    expect(factsCacheKey(copy(), 'grades')).toBe(factsCacheKey(data, 'grades'));
    expect(factsCacheKey(data, 'grades')).not.toBe(factsCacheKey(data, 'adoption'));
  });

  test('ignores documents’ summaries and bodies, which the page does not show unless it names them', () => {
    const reworded = copy();
    reworded.documents[0]!.summary += ' Reworded.';
    reworded.timeline[0]!.summary += ' Reworded.';
    const slug = reworded.documents[0]!.slug;
    reworded.bodies[slug] += '<p>Reworded.</p>';
    expect(factsCacheKey(reworded, 'grades')).toBe(factsCacheKey(data, 'grades'));
    expect(factsCacheKey(reworded, slug, reworded.documents[0]!.summary)).not.toBe(factsCacheKey(data, slug, data.documents[0]!.summary));
  });

  test('moves with any fact: a figure’s quote, a judgement, a correction, the story', () => {
    const edits: ((edited: typeof data) => void)[] = [
      (edited) => (edited.figures[0]!.quote += ' '),
      (edited) => (edited.judgements[0]!.gradeAsWritten += ' '),
      (edited) => edited.documents[0]!.corrections.push({ date: '2026-01-05', text: 'A date now quotes the report.' }),
      (edited) => (edited.pages!.story!.body += '\nOne more line.'),
    ];
    for (const edit of edits) {
      const edited = copy();
      edit(edited);
      expect(factsCacheKey(edited, 'grades')).not.toBe(factsCacheKey(data, 'grades'));
    }
  });
});

describe('pageCacheKey (lists and datasets)', () => {
  test('moves with a summary, which lists show, but not with a body, which only the document’s page shows', () => {
    const summary = copy();
    summary.documents[0]!.summary += ' Reworded.';
    expect(pageCacheKey(summary)).not.toBe(pageCacheKey(data));
    const body = copy();
    body.bodies[body.documents[0]!.slug] += '<p>Reworded.</p>';
    expect(pageCacheKey(body)).toBe(pageCacheKey(data));
  });
});
