import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { describeYamlError } from './yaml-errors.ts';

/** Where a value sits in a file, 1-based, for editors' messages. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A problem that stops a file being read at all, already positioned. */
export interface FileProblem {
  message: string;
  fix?: string;
  position: SourcePosition;
}

/** A content file read but not yet validated. */
export interface ParsedSourceFile {
  /** Path relative to the project root, as editors see it. */
  path: string;
  /** The YAML data, with dates left as YAML reads them (see below). */
  data: unknown;
  /** The markdown body after the frontmatter (empty for YAML files). */
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  /** Finds where a field's value (e.g. ['figures', 2, 'quote']) is written. */
  locate: (path: readonly PropertyKey[]) => SourcePosition;
  /** Finds where a field's name is written: where an unknown field is. */
  locateKey: (path: readonly PropertyKey[]) => SourcePosition;
  /** Problems that kept the file from being read: encoding, YAML syntax. */
  syntaxErrors: FileProblem[];
}

// Astro parses frontmatter with js-yaml, which turns an unquoted 2010-11-08
// into a Date (and 2024-13-45 into a shifted real one). We read YAML the same
// way so that the schema rejects unquoted dates here exactly as Astro would.
const YAML_OPTIONS = { customTags: ['timestamp'] as ['timestamp'], uniqueKeys: true };

/** YAML errors after the first few are almost always echoes of it. */
const MAX_SYNTAX_ERRORS = 5;

// The frontmatter fences as remark-frontmatter (and Astro) read them: a first
// line "---", the YAML, and a closing line "---", each fence allowing
// trailing spaces. A regular expression is enough, and much faster than
// parsing the whole markdown just to find them.
const FRONTMATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Parses a markdown document: YAML frontmatter plus body. */
export function parseMarkdownSource(path: string, text: string): ParsedSourceFile {
  const frontmatter = FRONTMATTER.exec(text);
  if (!frontmatter) {
    const opened = /^---[ \t]*\r?\n/.test(text);
    return unreadableSource(path, {
      message: opened
        ? 'has a frontmatter that is never closed'
        : 'has no frontmatter: the fields must come first, between two lines "---"',
      fix: opened
        ? 'add a line with only "---" after the last field, before the body'
        : 'make the very first line of the file "---", then the fields, then a line "---", then the body',
      position: { line: 1, column: 1 },
    }, text);
  }
  const parsed = parseYamlText(path, frontmatter[1] ?? '', 1);
  const bodyLine = frontmatter[0].split('\n').length + (frontmatter[0].endsWith('\n') ? 0 : 1);
  return { ...parsed, body: text.slice(frontmatter[0].length), bodyLine };
}

/** Parses a YAML data file (a framework, the metrics list). */
export function parseYamlSource(path: string, text: string): ParsedSourceFile {
  return parseYamlText(path, text, 0);
}

/** A file that could not be read (too big, not text, no frontmatter). */
export function unreadableSource(path: string, problem: FileProblem, body = ''): ParsedSourceFile {
  const start = () => ({ line: 1, column: 1 });
  return { path, data: undefined, body, bodyLine: 1, locate: start, locateKey: start, syntaxErrors: [problem] };
}

function parseYamlText(path: string, text: string, lineOffset: number): ParsedSourceFile {
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  let document: Document;
  try {
    document = parseDocument(text, { ...YAML_OPTIONS, lineCounter, prettyErrors: false });
  } catch {
    return unreadableSource(path, {
      message: 'cannot be read as YAML: it is nested too deeply',
      fix: 'write the fields out plainly, without deep [ ] or { } nesting',
      position: { line: lineOffset + 1, column: 1 },
    });
  }
  const syntaxErrors: FileProblem[] = [];
  const seenLines = new Set<number>();
  for (const error of [...document.errors, ...document.warnings]) {
    const position = toPosition(error.pos[0]);
    if (seenLines.has(position.line) || syntaxErrors.length >= MAX_SYNTAX_ERRORS) continue;
    seenLines.add(position.line);
    syntaxErrors.push({ ...describeYamlError(error.code, error.message, text, error.pos[0]), position });
  }
  if (!syntaxErrors.length) syntaxErrors.push(...aliasProblems(document, toPosition));
  let data: unknown;
  if (!syntaxErrors.length) {
    try {
      // maxAliasCount 0 refuses any alias that slipped past the check above.
      data = document.toJS({ maxAliasCount: 0 });
    } catch {
      syntaxErrors.push({ message: 'cannot be read as YAML', fix: 'check the quotes and indentation', position: toPosition(0) });
    }
  }
  return {
    path,
    data,
    body: '',
    bodyLine: 0,
    locate: (fieldPath) => toPosition(valueOffset(document, fieldPath)),
    locateKey: (fieldPath) => toPosition(keyOffset(document, fieldPath) ?? valueOffset(document, fieldPath)),
    syntaxErrors,
  };
}

// Anchors (&name) and aliases (*name) let a few lines expand into gigabytes
// ("billion laughs"); editors never need them, so both are refused, each
// where it is written.
function aliasProblems(document: Document, toPosition: (offset: number) => SourcePosition): FileProblem[] {
  const problems: FileProblem[] = [];
  visit(document, {
    Node(_key, node) {
      if (problems.length >= MAX_SYNTAX_ERRORS) return visit.BREAK;
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        problems.push({
          message: `uses a YAML alias (*${node.source}), which repeats another part of the file`,
          fix: 'write the value out in full instead',
          position: toPosition(offset),
        });
      } else if (node.anchor) {
        problems.push({
          message: `uses a YAML anchor (&${node.anchor}), which is not allowed in content files`,
          fix: `delete "&${node.anchor}" and write every value out in full`,
          position: toPosition(offset),
        });
      }
      return undefined;
    },
  });
  return problems;
}

// The closest written node to a field path: a missing field points at its
// parent, so "judgements[2].grade is required" lands on the judgement.
function valueOffset(document: Document, fieldPath: readonly PropertyKey[]): number {
  for (let depth = fieldPath.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : document.getIn(fieldPath.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}

function keyOffset(document: Document, fieldPath: readonly PropertyKey[]): number | undefined {
  if (!fieldPath.length) return undefined;
  const parentPath = fieldPath.slice(0, -1) as unknown[];
  const parent = parentPath.length ? document.getIn(parentPath, true) : document.contents;
  if (!isMap(parent)) return undefined;
  const name = String(fieldPath.at(-1));
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === name);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}
