/**
 * Checking that quotes are verbatim: every judgement, figure and mention
 * quotes its source, and the story quotes documents too. Source texts are
 * extracted from PDFs and web pages, so sentences break across lines,
 * spacing is uneven and quote marks and dashes vary; those differences are
 * evened out in both the quote and the text, and nothing else is. Page
 * furniture (headers, page numbers) is not removed: a quote that runs across
 * a page break does not match, and should be quoted up to the break.
 */

/**
 * A text made comparable: compatibility forms folded (ﬁ, non-breaking
 * spaces), curly quotes and apostrophes straight, every dash a hyphen, and
 * every run of whitespace, line breaks included, one space.
 * @example normaliseForQuote('the ‘front door’ —\n  well  run') // "the 'front door' - well run"
 */
export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A text quotes may come from: a document's text, or a statistics file, where each line is a record. */
export interface SourceText {
  /** The file's name, for reports. */
  name: string;
  /** Whether a quote, already normalised, is in it. */
  contains(quote: string): boolean;
}

/** A document's whole text: a quote may run across its line breaks. */
export function proseSourceText(name: string, text: string): SourceText {
  const normalised = normaliseForQuote(text);
  return { name, contains: (quote) => normalised.includes(quote) };
}

/** A CSV file: each line is a source text of its own, so a quote never runs from one record into the next. */
export function csvSourceText(name: string, text: string): SourceText {
  const lines = text.split(/\r?\n/).filter((line) => line.trim()).map(normaliseForQuote);
  return { name, contains: (quote) => lines.some((line) => line.includes(quote)) };
}

/** One quote and where it is written, e.g. `figures[2].quote`. */
export interface Quote {
  at: string;
  text: string;
}

export interface QuotedDocument {
  slug: string;
  quotes: readonly Quote[];
}

/** What the check found for one document. */
export type QuoteFinding =
  | { slug: string; status: 'verified'; source: string; count: number }
  /** None of its quotes is in any text we hold: we cannot check it (its source is not available). */
  | { slug: string; status: 'no-source' }
  /** Its source is found, but some quotes are not in it: those are not verbatim. */
  | { slug: string; status: 'not-verbatim'; source: string; missing: Quote[] };

/**
 * Finds each document's source among the texts, without any table to keep:
 * the text that contains the most of its quotes. A document whose quotes are
 * all there is verified; one whose quotes are partly there has quotes that
 * are not verbatim; one with none there has no text we hold.
 */
export function checkQuotes(documents: readonly QuotedDocument[], sources: readonly SourceText[]): QuoteFinding[] {
  return documents.map(({ slug, quotes }) => {
    const normalised = quotes.map((quote) => ({ quote, text: normaliseForQuote(quote.text) }));
    let best: { source: SourceText; found: number } | undefined;
    for (const source of sources) {
      const found = normalised.filter(({ text }) => source.contains(text)).length;
      if (found > (best?.found ?? 0)) best = { source, found };
    }
    if (!best) return { slug, status: 'no-source' };
    const missing = normalised.filter(({ text }) => !best.source.contains(text)).map(({ quote }) => quote);
    return missing.length
      ? { slug, status: 'not-verbatim', source: best.source.name, missing }
      : { slug, status: 'verified', source: best.source.name, count: quotes.length };
  });
}
