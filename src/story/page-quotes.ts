import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { PageEntry } from '../validate/validate-content.ts';
import { parsePageMarkdown } from './parse-page.ts';

/** A quote a page makes from a document with `:quote[…]{document=…}`. */
export interface PageQuote {
  document: string;
  text: string;
  /** Where it is written: `content/pages/story.md:42`. */
  at: string;
}

/** Every `:quote` in the pages' bodies, for checking against the documents' texts. */
export function pageQuotes(pages: readonly PageEntry[]): PageQuote[] {
  const quotes: PageQuote[] = [];
  for (const page of pages) {
    visit(parsePageMarkdown(page.body), 'textDirective', (node) => {
      const document = node.attributes?.document;
      if (node.name !== 'quote' || !document) return;
      quotes.push({ document, text: toString(node), at: `${page.path}:${(node.position?.start.line ?? 1) + page.bodyLine - 1}` });
    });
  }
  return quotes;
}
