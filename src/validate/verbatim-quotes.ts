/**
 * Checking that quotes are verbatim: every judgement, figure and mention
 * quotes its source, and the story quotes documents too. Source texts are
 * extracted from PDFs and web pages, so sentences break across lines,
 * spacing is uneven and quote marks and dashes vary; those differences are
 * evened out in both the quote and the text. Two more readings of a text
 * laid out from a PDF are allowed, and nothing else: a line that holds only
 * a page number is page furniture, so a sentence runs on across the break;
 * and a table set in columns (a judgement's words on the left, its grade on
 * the right, wrapped over several lines) reads column by column. Running
 * headers are not removed: a quote that runs across one does not match.
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

/** A document's whole text: a quote may run across its line breaks, page breaks and table cells. */
export function proseSourceText(name: string, text: string): SourceText {
  const lines = text.split(/\r?\n/).filter((line) => !PAGE_NUMBER.test(line));
  const readings = [normaliseForQuote(lines.join('\n')), normaliseForQuote(readColumns(lines))];
  return { name, contains: (quote) => readings.some((reading) => reading.includes(quote)) };
}

const PAGE_NUMBER = /^\s*\d{1,3}\s*$/;
// pdftotext -layout keeps a table's columns apart with runs of spaces; a
// cell that starts this far in is in a right-hand column.
const COLUMN_GAP = /\s{3,}/;
const RIGHT_COLUMN_FROM = 40;
// A table row wraps over a few lines; a longer block is prose with, at
// most, furniture on the right, which must not drop out of the reading.
const MAX_ROW_LINES = 4;

/**
 * The text read column by column within each short block of consecutive
 * lines that has cells on both sides (a table row): the left-hand cells of
 * the block, then its right-hand cells. Other blocks read as they are.
 * @example readColumns(['          Requires', '2. Children looked after', '          improvement']) // '2. Children looked after\nRequires\nimprovement' (with RIGHT_COLUMN_FROM at 10)
 */
export function readColumns(lines: readonly string[], rightFrom = RIGHT_COLUMN_FROM): string {
  const blocks: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  let block: string[] = [];
  const close = () => {
    blocks.push(block.length <= MAX_ROW_LINES && left.length && right.length ? [...left, ...right].join('\n') : block.join('\n'));
    left = [];
    right = [];
    block = [];
  };
  for (const line of lines) {
    if (!line.trim()) {
      close();
      continue;
    }
    block.push(line);
    let offset = 0;
    for (const cell of line.split(COLUMN_GAP)) {
      const start = line.indexOf(cell, offset);
      offset = start + cell.length;
      if (!cell.trim()) continue;
      (start >= rightFrom ? right : left).push(cell.trim());
    }
  }
  close();
  return blocks.join('\n');
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
  /** Its sources are found, but some quotes are in none of them: those are not verbatim. */
  | { slug: string; status: 'not-verbatim'; source: string; missing: Quote[] };

/**
 * Finds each document's sources among the texts, without any table to keep:
 * the texts that contain its quotes (a statistics release has several
 * tables). A document whose quotes are all in them is verified; one whose
 * quotes are partly there has quotes that are not verbatim; one with none
 * there has no text we hold.
 */
export function checkQuotes(documents: readonly QuotedDocument[], sources: readonly SourceText[]): QuoteFinding[] {
  return documents.map(({ slug, quotes }) => {
    const normalised = quotes.map((quote) => ({ quote, text: normaliseForQuote(quote.text) }));
    const own = sources
      .map((source) => ({ source, found: normalised.filter(({ text }) => source.contains(text)).length }))
      .filter(({ found }) => found > 0)
      .sort((a, b) => b.found - a.found)
      .map(({ source }) => source);
    if (!own.length) return { slug, status: 'no-source' };
    const names = own.map((source) => source.name).join(' + ');
    const missing = normalised.filter(({ text }) => !own.some((source) => source.contains(text))).map(({ quote }) => quote);
    return missing.length
      ? { slug, status: 'not-verbatim', source: names, missing }
      : { slug, status: 'verified', source: names, count: quotes.length };
  });
}
