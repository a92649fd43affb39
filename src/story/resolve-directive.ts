import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { closestMatch } from '../validate/closest-match.ts';
import type { SiteData } from '../derive/derive-site-data.ts';
import { formatDateSpan, formatPartialDate } from '../lib/partial-dates.ts';
import { COUNTABLE, latestGradedInspection, yearSpan, yearRange, type Countable } from '../derive/site-facts.ts';
import type { FigureRow } from '../schema/index.ts';
import { COLONS, DIRECTIVES, DIRECTIVE_NAMES, isDirectiveName, type AttributeSpec, type DirectiveName, type DirectiveSpec } from './directive-vocabulary.ts';

export type Directive = TextDirective | LeafDirective | ContainerDirective;

/** What a directive stands for, looked up in the data: what the page renders. */
export type StoryReference =
  | { kind: 'grade'; grade: string; position?: number }
  | { kind: 'figure'; figure: FigureRow; bare: boolean }
  | { kind: 'quote'; text: string; document: string }
  | { kind: 'link'; path: string; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'chart'; chart: string }
  | { kind: 'key-number'; figure: string }
  | { kind: 'framework-scales' }
  | { kind: 'source-list' }
  | { kind: 'note' };

/** What the site holds that directives can name. */
export interface StoryContext {
  data: SiteData;
  /** The charts the site draws (src/charts/chart-ids.ts). */
  chartIds: readonly string[];
}

export interface DirectiveProblem {
  message: string;
  fix?: string;
}

type Resolved = { reference: StoryReference } | { problem: DirectiveProblem };

const FORM_WORDS = { text: 'a part of a sentence', leaf: 'a line of its own', container: 'a block' } as const;

/**
 * Checks a directive and looks up what it names. An unknown name, id or
 * chart, or an id of the wrong kind (a figure where a grade belongs), is a
 * problem worded for editors, with the fix.
 */
export function resolveDirective(node: Directive, context: StoryContext): Resolved {
  const written = `${COLONS[formOf(node)]}${node.name}`;
  if (!isDirectiveName(node.name)) {
    const meant = closestMatch(node.name, DIRECTIVE_NAMES) as DirectiveName | undefined;
    return problem(`"${written}" is not a directive`, meant ? `did you mean "${COLONS[DIRECTIVES[meant].form]}${meant}"? (write \\: for a colon that starts no directive)` : `use one of: ${DIRECTIVE_NAMES.join(', ')}; write \\: for a colon that starts no directive`);
  }
  const spec: DirectiveSpec = DIRECTIVES[node.name];
  if (spec.form !== formOf(node)) {
    return problem(`"${written}" must be ${FORM_WORDS[spec.form]}`, `write it ${COLONS[spec.form]}${node.name}…, e.g. ${spec.example.split('\n')[0]}`);
  }
  const shape = checkShape(node, spec);
  if (shape) return { problem: shape };
  return lookUp(node.name, node, context);
}

function formOf(node: Directive) {
  return node.type === 'textDirective' ? 'text' : node.type === 'leafDirective' ? 'leaf' : 'container';
}

function checkShape(node: Directive, spec: DirectiveSpec): DirectiveProblem | undefined {
  const attributes = node.attributes ?? {};
  const allowed = Object.keys(spec.attributes);
  for (const name of Object.keys(attributes)) {
    if (allowed.includes(name)) continue;
    const meant = closestMatch(name, allowed);
    return { message: `":${node.name}" takes no "${name}"`, fix: meant ? `did you mean "${meant}"?` : allowed.length ? `it takes: ${allowed.join(', ')}` : `write it as ${spec.example}` };
  }
  for (const [name, attribute] of Object.entries(spec.attributes) as [string, AttributeSpec][]) {
    const value = attributes[name];
    if (attribute.required && !value) return { message: `":${node.name}" needs ${name}=…: ${attribute.meaning}`, fix: `e.g. ${spec.example}` };
    if (value && attribute.values && !attribute.values.includes(value)) {
      return { message: `"${value}" is not something ":${node.name}" knows`, fix: `use ${name}= one of: ${attribute.values.join(', ')}` };
    }
  }
  const label = node.type === 'containerDirective' ? '' : toString(node).trim();
  if (label && !spec.label) return { message: `":${node.name}" takes nothing in [brackets]`, fix: `write it as ${spec.example}` };
  if (!label && spec.label?.required) return { message: `":${node.name}" needs [${spec.label.meaning}]`, fix: `e.g. ${spec.example}` };
  return undefined;
}

function lookUp(name: DirectiveName, node: Directive, { data, chartIds }: StoryContext): Resolved {
  const attributes = node.attributes ?? {};
  const label = node.type === 'containerDirective' ? '' : toString(node).trim();
  const id = attributes.id || label;
  switch (name) {
    case 'grade':
      return gradeOf(id, attributes.area ?? undefined, attributes.document ?? undefined, { data, chartIds });
    case 'figure': {
      if (!id) return problem('":figure" needs the figure id', 'e.g. :figure[adoption-days-2013-14]');
      const figure = data.figures.find((row) => row.id === id);
      return figure ? { reference: { kind: 'figure', figure, bare: attributes.bare !== undefined } } : unknown(id, 'figure', { data, chartIds });
    }
    case 'quote':
      return documentNamed(attributes.document!, data) ? { reference: { kind: 'quote', text: label, document: attributes.document! } } : unknown(attributes.document!, 'document', { data, chartIds });
    case 'document': {
      const doc = documentNamed(attributes.id!, data);
      return doc ? { reference: { kind: 'link', path: `documents/${doc.slug}/`, text: label || `${doc.publisher}, ${formatPartialDate(doc.published)}` } } : unknown(attributes.id!, 'document', { data, chartIds });
    }
    case 'event': {
      const event = data.timeline.find((candidate) => candidate.id === attributes.id);
      return event ? { reference: { kind: 'link', path: `timeline/#${event.id}`, text: label || event.title } } : unknown(attributes.id!, 'event', { data, chartIds });
    }
    case 'date': {
      if (!id) return problem('":date" needs the event id', 'e.g. :date[2019-12-focused-visit]');
      const event = data.timeline.find((candidate) => candidate.id === id);
      if (!event) return unknown(id, 'event', { data, chartIds });
      // "2014" says less than "June 2014" and does not disagree with it.
      const claimed = [...new Set(event.dateClaims.map((claim) => claim.date))].sort();
      const dates = claimed.filter((date) => !claimed.some((other) => other !== date && other.startsWith(date)));
      const text = event.dateConflict ? `${dates.map(formatPartialDate).join(' or ')} (the sources disagree)` : formatDateSpan(event.date, event.end);
      return { reference: { kind: 'text', text } };
    }
    case 'years':
      return { reference: { kind: 'text', text: yearRange(data) } };
    case 'first-year':
    case 'last-year': {
      const span = yearSpan(data);
      return { reference: { kind: 'text', text: span ? String(name === 'first-year' ? span.first : span.last) : '' } };
    }
    case 'count':
      return { reference: { kind: 'text', text: String(COUNTABLE[attributes.of as Countable](data)) } };
    case 'latest-grade':
    case 'latest-inspection-date': {
      const latest = latestGradedInspection(data);
      if (!latest) return problem(`":${name}" has nothing to show: no inspection in the documents has a grade`, 'write the words instead');
      return name === 'latest-grade'
        ? { reference: { kind: 'grade', grade: latest.outcome!, ...(latest.outcomePosition ? { position: latest.outcomePosition } : {}) } }
        : { reference: { kind: 'text', text: formatDateSpan(latest.date, latest.end) } };
    }
    case 'chart':
      return chartIds.includes(attributes.id!) ? { reference: { kind: 'chart', chart: attributes.id! } } : unknown(attributes.id!, 'chart', { data, chartIds });
    case 'key-number':
      return data.figures.some((row) => row.id === attributes.id) ? { reference: { kind: 'key-number', figure: attributes.id! } } : unknown(attributes.id!, 'figure', { data, chartIds });
    case 'framework-scales':
    case 'source-list':
    case 'note':
      return { reference: { kind: name } };
  }
}

function gradeOf(id: string, area: string | undefined, document: string | undefined, context: StoryContext): Resolved {
  const { data } = context;
  if (document) {
    const doc = documentNamed(document, data);
    if (!doc) return unknown(document, 'document', context);
    // The grades the document gives itself; failing those, the grades it reports of other events.
    const cited = data.judgements.filter((row) => (!id || row.event === id) && row.citations.some((citation) => citation.document === doc.slug));
    const own = cited.filter((row) => row.citations.some((citation) => citation.document === doc.slug && citation.role === 'record'));
    const rows = own.length ? own : cited;
    if (!rows.length) return problem(`the document "${doc.slug}" gives no grade${id ? ` for the event "${id}"` : ''}`, 'name a document that gives one, or an event: :grade[2014-sif-inspection]');
    const wanted = area ? rows.filter((row) => row.area === area) : rows.filter((row) => row.headline);
    const areas = [...new Set(rows.map((row) => row.area))];
    const areaHint = areas.length <= 12 ? `add area=…, one of: ${areas.join(', ')}` : 'add area=… with the id of an area it grades';
    if (area && !wanted.length) return problem(`the document "${doc.slug}" gives no grade for the area "${area}"`, suggestion(area, areas, 'area'));
    const grades = new Set(wanted.map((row) => `${row.grade}|${row.position ?? ''}`));
    if (grades.size !== 1) {
      const events = [...new Set(wanted.map((row) => row.event))];
      return problem(`the document "${doc.slug}" gives ${wanted.length ? 'different headline grades' : 'no headline grade'}: say which`, events.length > 1 ? `name the event, e.g. :grade[${events[0]}]{document=${doc.slug}}` : areaHint);
    }
    return { reference: { kind: 'grade', grade: wanted[0]!.grade, ...(wanted[0]!.position ? { position: wanted[0]!.position } : {}) } };
  }
  if (!id) return problem('":grade" needs an event id, or a document', 'e.g. :grade[2014-sif-inspection] or :grade{document=… area=…}');
  const event = data.timeline.find((candidate) => candidate.id === id);
  if (!event) return unknown(id, 'event', context);
  if (area) {
    const row = data.judgements.find((candidate) => candidate.event === id && candidate.area === area);
    const areas = data.judgements.filter((candidate) => candidate.event === id).map((candidate) => candidate.area);
    if (!row) return problem(`the event "${id}" has no grade for the area "${area}"`, areas.length ? suggestion(area, areas, 'area') : 'it was not graded');
    return { reference: { kind: 'grade', grade: row.grade, ...(row.position ? { position: row.position } : {}) } };
  }
  if (!event.outcome) return problem(`the event "${id}" has no grade: it is a ${event.kind.replace(/-/g, ' ')} and no source grades it`, 'write :date[…] or :event[…] for it, or name a graded event');
  return { reference: { kind: 'grade', grade: event.outcome, ...(event.outcomePosition ? { position: event.outcomePosition } : {}) } };
}

type Named = 'figure' | 'event' | 'document' | 'chart';

/** An id not found where it was expected: say what it is if it is something else, or what it may be a typo of. */
function unknown(id: string, expected: Named, { data, chartIds }: StoryContext): Resolved {
  const kinds: Record<Named, { ids: string[]; write: (id: string) => string }> = {
    figure: { ids: data.figures.map((row) => row.id), write: (value) => `:figure[${value}]` },
    event: { ids: data.timeline.map((event) => event.id), write: (value) => `:grade[${value}], :date[${value}] or :event{id=${value}}` },
    document: { ids: data.documents.map((doc) => doc.slug), write: (value) => `:document{id=${value}}` },
    chart: { ids: [...chartIds], write: (value) => `::chart{id=${value}}` },
  };
  const actually = (Object.keys(kinds) as Named[]).find((kind) => kind !== expected && kinds[kind].ids.includes(id));
  if (actually) return problem(`"${id}" is ${article(actually)} ${actually}, not ${article(expected)} ${expected}`, `write ${kinds[actually].write(id)}`);
  return problem(`there is no ${expected} "${id}"`, suggestion(id, kinds[expected].ids, expected));
}

function suggestion(wrong: string, candidates: readonly string[], what: string): string {
  const meant = closestMatch(wrong, candidates);
  if (meant) return `did you mean "${meant}"?`;
  return candidates.length <= 12 ? `the ${what}s are: ${candidates.join(', ')}` : `check the ${what} id in content/`;
}

function documentNamed(slug: string, data: SiteData) {
  return data.documents.find((doc) => doc.slug === slug);
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
const problem = (message: string, fix?: string): Resolved => ({ problem: { message, ...(fix ? { fix } : {}) } });
