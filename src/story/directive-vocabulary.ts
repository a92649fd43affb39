import { COUNTABLE } from '../derive/site-facts.ts';

/**
 * Every directive a page may use, in one place: what it is written as, what
 * it takes and what it shows. Validation, rendering and EDITING.md's table
 * follow this list (a test keeps the guide in step).
 *
 * Directives are the generic syntax proposed for CommonMark: `:name[label]{attributes}`
 * inside a sentence, `::name[label]{attributes}` on a line of its own,
 * `:::name` … `:::` around a block.
 * @see https://talk.commonmark.org/t/generic-directives-plugins-syntax/444
 * @see https://github.com/remarkjs/remark-directive
 */
export type DirectiveForm = 'text' | 'leaf' | 'container';

export interface AttributeSpec {
  meaning: string;
  required?: boolean;
  /** The values allowed, if a fixed list. */
  values?: readonly string[];
  /** Written alone, without a value: `{bare}`. */
  flag?: boolean;
}

export interface DirectiveSpec {
  form: DirectiveForm;
  /** What goes in [brackets], if anything. */
  label?: { meaning: string; required: boolean };
  attributes: Record<string, AttributeSpec>;
  /** What it shows, for the guide. */
  shows: string;
  example: string;
}

const ID_OR_LABEL = 'the id, if not written in [brackets]';

export const DIRECTIVES = {
  grade: {
    form: 'text',
    label: { meaning: 'the event id, e.g. 2014-sif-inspection', required: false },
    attributes: {
      id: { meaning: ID_OR_LABEL },
      area: { meaning: 'the judgement area, e.g. safeguarding.overall-effectiveness; the headline grade if left out' },
      document: { meaning: 'the document that gives the grade (its file name without .md), instead of the event' },
    },
    shows: 'the grade, in words and colour, as the framework names it',
    example: ':grade[2014-sif-inspection]',
  },
  figure: {
    form: 'text',
    label: { meaning: 'the figure id, e.g. adoption-days-2013-14', required: false },
    attributes: {
      id: { meaning: ID_OR_LABEL },
      bare: { meaning: 'the number without its unit, when the sentence says it', flag: true },
    },
    shows: 'the number as the source gives it, with its unit, linked to the sentence it comes from',
    example: ':figure[adoption-days-2013-14]',
  },
  quote: {
    form: 'text',
    label: { meaning: 'the words, copied exactly from the document', required: true },
    attributes: { document: { meaning: 'the document quoted (its file name without .md)', required: true } },
    shows: 'the words in quotation marks; tests check them against the source text',
    example: ':quote[reduced but remained variable]{document=2017-09-12-manchester-council-ofsted-subgroup-report}',
  },
  document: {
    form: 'text',
    label: { meaning: 'the link text; the publisher and date if left out', required: false },
    attributes: { id: { meaning: 'the document (its file name without .md)', required: true } },
    shows: 'a link to the document’s page',
    example: ':document[the 2010 report]{id=2010-12-17-ofsted-safeguarding-looked-after-inspection}',
  },
  event: {
    form: 'text',
    label: { meaning: 'the link text; the event’s title if left out', required: false },
    attributes: { id: { meaning: 'the event id', required: true } },
    shows: 'a link to the event on the timeline',
    example: ':event[the 2018 focused visit]{id=2018-focused-visit}',
  },
  date: {
    form: 'text',
    label: { meaning: 'the event id', required: false },
    attributes: { id: { meaning: ID_OR_LABEL } },
    shows: 'when the event happened, as precisely as the sources say; both dates when they disagree',
    example: ':date[2019-12-focused-visit]',
  },
  years: {
    form: 'text',
    attributes: {},
    shows: 'the years the record spans, e.g. 2009–2020: its first event to its latest document',
    example: ':years',
  },
  'first-year': { form: 'text', attributes: {}, shows: 'the year of the record’s first event', example: ':first-year' },
  'last-year': { form: 'text', attributes: {}, shows: 'the year of the record’s latest event or document', example: ':last-year' },
  count: {
    form: 'text',
    attributes: { of: { meaning: 'what to count', required: true, values: Object.keys(COUNTABLE) } },
    shows: 'how many there are, in digits',
    example: ':count{of=documents}',
  },
  'latest-grade': {
    form: 'text',
    attributes: {},
    shows: 'the headline grade of the latest graded inspection',
    example: ':latest-grade',
  },
  'latest-inspection-date': {
    form: 'text',
    attributes: {},
    shows: 'when the latest graded inspection took place',
    example: ':latest-inspection-date',
  },
  chart: {
    form: 'leaf',
    attributes: { id: { meaning: 'the chart id: its address is /charts/<id>/', required: true } },
    shows: 'the chart, with its alternative text and a link to its data and sources',
    example: '::chart{id=grades}',
  },
  'key-number': {
    form: 'leaf',
    label: { meaning: 'our one-line reading of the number; the figure’s own label if left out', required: false },
    attributes: { id: { meaning: 'the figure id', required: true } },
    shows: 'a figure in large type with its source; lines of them in a row make one row of key numbers',
    example: '::key-number[on average from entering care to placement, 2013/14]{id=adoption-days-2013-14}',
  },
  'framework-scales': {
    form: 'leaf',
    attributes: {},
    shows: 'each graded framework with its years and its scale, best grade first',
    example: '::framework-scales',
  },
  'source-list': {
    form: 'leaf',
    attributes: {},
    shows: 'every document, linked, with its publisher, date, kind and licence',
    example: '::source-list',
  },
  note: {
    form: 'container',
    attributes: {},
    shows: 'the paragraphs inside as a note set apart from the story',
    example: ':::note\nA paragraph.\n:::',
  },
} as const satisfies Record<string, DirectiveSpec>;

export type DirectiveName = keyof typeof DIRECTIVES;

export const DIRECTIVE_NAMES = Object.keys(DIRECTIVES) as DirectiveName[];

export function isDirectiveName(name: string): name is DirectiveName {
  return Object.hasOwn(DIRECTIVES, name);
}

/** How a directive of a form is written: ":", "::" or ":::". */
export const COLONS: Record<DirectiveForm, string> = { text: ':', leaf: '::', container: ':::' };
