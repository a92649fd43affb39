import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DaySchema, DocumentKindSchema, DocumentSchema, type DocumentKind, type Framework } from '../src/schema/index.ts';
import { documentFileName, documentTemplate, eventIdFor, KIND_DEFAULTS, shortTitleFrom, type NewDocument } from '../src/validate/document-template.ts';
import { formatPartialDate } from '../src/lib/partial-dates.ts';
import { knownEvents, similarEvents, type KnownEvent } from '../src/validate/similar-events.ts';
import { EventIdSchema } from '../src/schema/index.ts';
import { validateContent } from '../src/validate/validate-content.ts';
import { readContent } from './read-content.ts';

const HELP = `npm run new -- [options]    scaffold a new document in content/documents/

  --kind          ${DocumentKindSchema.options.join(' | ')}
  --title         the title as the document gives it
  --publisher     e.g. Ofsted (the default for Ofsted letters and reports)
  --published     the date the document bears, YYYY-MM-DD
  --visit-start   first day of the inspection or visit, YYYY-MM-DD
  --visit-end     last day of the inspection or visit, YYYY-MM-DD
  --url           https:// address of the original
  --framework     framework id, e.g. ilacs-2018 (chosen from the dates if left out)
  --short-title   a few words for the file name, e.g. "ilacs inspection"
  --event         the event's id; offered from the events other documents
                  already mention, when one is like it (same kind, near date)
  --dry-run       print the file instead of writing it

Anything left out is asked for. Example:
  npm run new -- --kind focused-visit-letter --title "Focused visit to Manchester" \\
    --published 2020-01-21 --visit-start 2019-12-10 --visit-end 2019-12-11 \\
    --url https://reports.ofsted.gov.uk/provider/44/80447`;

type Ask = (question: string, check: (answer: string) => string | undefined, fallback?: string) => Promise<string>;

/** Collects the answers, writes the file and returns its path (or text, for a dry run). */
export async function newDocument(
  argv: string[],
  { contentDir = resolve(process.env.CONTENT_DIR ?? 'content'), ask = askOnTerminal(), tell = (line: string) => console.error(line) }: { contentDir?: string; ask?: Ask; tell?: (line: string) => void } = {},
): Promise<{ help: string } | { text: string } | { file: string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: 'string' }, title: { type: 'string' }, publisher: { type: 'string' }, published: { type: 'string' },
      'visit-start': { type: 'string' }, 'visit-end': { type: 'string' }, url: { type: 'string' }, framework: { type: 'string' },
      'short-title': { type: 'string' }, event: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: HELP };
  const { content } = validateContent(await readContent(contentDir));
  const frameworks = content.frameworks;
  const events = knownEvents(content.documents);
  const answer = async (given: string | undefined, question: string, check: (answer: string) => string | undefined, fallback?: string) => {
    if (given !== undefined) {
      const problem = check(given);
      if (problem) throw new Error(`${question}: ${problem}`);
      return given;
    }
    return ask(question, check, fallback);
  };

  const kind = (await answer(values.kind, 'Kind of document', oneOf(DocumentKindSchema.options))) as DocumentKind;
  const defaults = KIND_DEFAULTS[kind];
  const title = await answer(values.title, 'Title, as the document gives it', required);
  const publisher = await answer(values.publisher, 'Publisher', required, defaults.publisher);
  const visit = defaults.visit
    ? {
        start: await answer(values['visit-start'], 'First day of the visit (YYYY-MM-DD)', day),
        end: await answer(values['visit-end'], 'Last day of the visit (YYYY-MM-DD)', day),
      }
    : undefined;
  const published = await answer(values.published, 'Date the document bears (YYYY-MM-DD)', day);
  const sourceUrl = await answer(values.url, 'Address of the original (https://…)', url);
  const guess = defaults.framework ?? frameworkFor(frameworks, (visit?.start ?? published).slice(0, 4), kind);
  const framework = kind === 'news-article' || kind === 'council-report'
    ? values.framework
    : await answer(values.framework, 'Framework id', oneOf(frameworks.map((candidate) => candidate.id)), guess);
  const shortTitle = await answer(values['short-title'], 'A few words for the file name', required, defaults.shortTitle ?? (kind === 'inspection-report' ? `${framework?.replace(/-\d{4}$/, '') ?? ''} inspection` : shortTitleFrom(title)));

  const draft: NewDocument = { kind, title, publisher, published, ...(visit ? { visit } : {}), sourceUrl, ...(framework ? { framework } : {}), shortTitle };
  const eventId = await chooseEvent(draft, events, values.event, answer, tell);
  const doc: NewDocument = { ...draft, eventId };
  const text = documentTemplate(doc, frameworks, events);
  if (values['dry-run']) return { text };
  const file = join(contentDir, 'documents', documentFileName(doc));
  if (existsSync(file)) throw new Error(`${relative(process.cwd(), file)} already exists: choose another --short-title`);
  await mkdir(join(contentDir, 'documents'), { recursive: true });
  await writeFile(file, text, { flag: 'wx' });
  return { file };
}

/**
 * The document's event id. An inspection or visit that other documents
 * already mention should take their id, not a new one by convention
 * ("2014-sif-inspection", not "2014-06-sif-inspection"): the events of the
 * same kind dated within a few months are offered, nearest first.
 */
async function chooseEvent(
  doc: NewDocument,
  events: readonly KnownEvent[],
  given: string | undefined,
  answer: (given: string | undefined, question: string, check: (answer: string) => string | undefined, fallback?: string) => Promise<string>,
  tell: (line: string) => void,
): Promise<string> {
  const conventional = eventIdFor(doc);
  const candidates = similarEvents({ kind: KIND_DEFAULTS[doc.kind].event, date: doc.visit?.start ?? doc.published }, events);
  if (!candidates.length && given === undefined) return conventional;
  if (candidates.length && given === undefined) {
    tell('Other documents already mention an event like this one. If it is the same, use its id, so the timeline shows it once:');
    for (const event of candidates) tell(`  ${event.id}  ${event.dates.map(formatPartialDate).join(' / ')}  ${event.title}`);
    tell(`For a new event, type ${conventional}.`);
  }
  return answer(given, 'Event id', (text) => (EventIdSchema.safeParse(text).success ? undefined : 'must be lower-case words joined by "-", e.g. 2014-sif-inspection'), candidates[0]?.id ?? conventional);
}

/** The graded framework in use in a year: the newest that had started by then. */
function frameworkFor(frameworks: readonly Framework[], year: string, kind: DocumentKind): string | undefined {
  const inUse = frameworks.filter((framework) => framework.years && framework.years.from <= Number(year) && (framework.years.to ?? 9999) >= Number(year));
  const graded = inUse.filter((framework) => framework.graded === (kind === 'inspection-report'));
  return graded.sort((a, b) => b.years!.from - a.years!.from)[0]?.id;
}

const required = (text: string) => (text.trim() ? undefined : 'cannot be empty');
const day = (text: string) => (DaySchema.safeParse(text).success ? undefined : 'must be a real date written YYYY-MM-DD, e.g. 2019-12-10');
const url = (text: string) => (DocumentSchema.shape.sourceUrl.safeParse(text).success ? undefined : 'must be a full address starting https://');
const oneOf = (allowed: readonly string[]) => (text: string) => (allowed.includes(text) ? undefined : `must be one of: ${allowed.join(', ')}`);

function askOnTerminal(): Ask {
  return async (question, check, fallback) => {
    if (!process.stdin.isTTY) {
      if (fallback) return fallback;
      throw new Error(`${question} is missing: give it as a flag (npm run new -- --help)`);
    }
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    try {
      for (;;) {
        const reply = (await terminal.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '';
        const problem = check(reply);
        if (!problem) return reply;
        console.log(`  ${problem}`);
      }
    } finally {
      terminal.close();
    }
  };
}

if (import.meta.main) {
  try {
    const result = await newDocument(process.argv.slice(2));
    if ('help' in result) console.log(result.help);
    else if ('text' in result) process.stdout.write(result.text);
    else {
      console.log(`Created ${relative(process.cwd(), result.file)}`);
      console.log('Next: replace every TODO with what the document says, then run "npm run validate" until it reports no errors. EDITING.md explains every field.');
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
