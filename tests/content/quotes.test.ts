import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkQuotes, csvSourceText, proseSourceText, type QuotedDocument, type SourceText } from '../../src/validate/verbatim-quotes.ts';
import { pageQuotes } from '../../src/story/page-quotes.ts';
import { loadRealContent } from './load-real-content.ts';

// Every quote in content/ is checked, word for word, against the texts of
// the source documents wherever we hold them (the project's neighbours
// ../shared/seeds and ../shared/sources, never copied into the project).
// Each document's source is found by its quotes, so no table maps one to
// the other: a new document is checked as soon as its text is there.
const SOURCE_DIRS = ['../shared/seeds', '../shared/sources'].map((dir) => resolve(dir));

async function sourceTexts(): Promise<SourceText[]> {
  const texts: SourceText[] = [];
  for (const dir of SOURCE_DIRS.filter((candidate) => existsSync(candidate))) {
    for (const name of (await readdir(dir)).sort()) {
      const text = await readFile(join(dir, name), 'utf8');
      if (name.endsWith('.csv')) texts.push(csvSourceText(name, text));
      else if (name.endsWith('.txt')) texts.push(proseSourceText(name, text));
    }
  }
  return texts;
}

const { content } = await loadRealContent();
const documents: QuotedDocument[] = content.documents.map(({ slug, data }) => ({
  slug,
  quotes: [
    ...data.judgements.map((judgement, index) => ({ at: `judgements[${index}].quote`, text: judgement.quote })),
    ...data.figures.map((figure, index) => ({ at: `figures[${index}].quote`, text: figure.quote })),
    ...data.mentions.map((mention, index) => ({ at: `mentions[${index}].quote`, text: mention.quote })),
    ...pageQuotes(content.pages ?? []).filter((quote) => quote.document === slug).map((quote) => ({ at: `${quote.at} :quote`, text: quote.text })),
  ],
}));
const findings = checkQuotes(documents, await sourceTexts());

describe('every quote in content/', () => {
  test('is verbatim in its source, wherever we hold the source’s text; documents whose text we do not hold are listed', () => {
    const verified = findings.filter((finding) => finding.status === 'verified');
    const unchecked = findings.filter((finding) => finding.status === 'no-source').map((finding) => finding.slug);
    console.info(
      [
        `Quotes checked against their sources: ${verified.length} of ${findings.length} documents (${verified.map((finding) => `${finding.slug} → ${finding.source}`).join('; ') || 'none'}).`,
        unchecked.length ? `Not checked, no source text found in ${SOURCE_DIRS.join(' or ')}: ${unchecked.join(', ')}` : 'Every document’s source text was found.',
      ].join('\n'),
    );
    const notVerbatim = findings.flatMap((finding) =>
      finding.status === 'not-verbatim' ? finding.missing.map((quote) => `content/documents/${finding.slug}.md ${quote.at}: not in ${finding.source}: "${quote.text}"`) : []);
    expect(notVerbatim).toEqual([]);
  });
});
