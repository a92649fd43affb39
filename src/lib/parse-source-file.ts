import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument, type Document } from 'yaml';

/** Where a value sits in a file, 1-based, for editors' messages. */
export interface SourcePosition {
  line: number;
  column: number;
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
  /** Finds where a field path (e.g. ['figures', 2, 'quote']) is written. */
  locate: (path: readonly PropertyKey[]) => SourcePosition;
  /** YAML syntax problems, already positioned. */
  syntaxErrors: { message: string; position: SourcePosition }[];
}

// Astro parses frontmatter with js-yaml, which turns an unquoted 2010-11-08
// into a Date (and 2024-13-45 into a shifted real one). We read YAML the same
// way so that the schema rejects unquoted dates here exactly as Astro would.
const YAML_OPTIONS = { customTags: ['timestamp'] as const, uniqueKeys: true };

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Parses a markdown document: YAML frontmatter (found by remark) plus body. */
export function parseMarkdownSource(path: string, text: string): ParsedSourceFile {
  const tree = markdownParser.parse(text);
  const frontmatter = tree.children[0];
  if (frontmatter?.type !== 'yaml') {
    return {
      ...parseYamlSource(path, ''),
      body: text,
      syntaxErrors: [
        {
          message: 'has no frontmatter: the file must start with a line "---", the fields, and another "---"',
          position: { line: 1, column: 1 },
        },
      ],
    };
  }
  const yamlStartLine = (frontmatter.position?.start.line ?? 1) + 1;
  const bodyStartOffset = frontmatter.position?.end.offset ?? 0;
  const parsed = parseYamlText(path, frontmatter.value, yamlStartLine - 1);
  return {
    ...parsed,
    body: text.slice(bodyStartOffset).replace(/^\r?\n/, ''),
    bodyLine: (frontmatter.position?.end.line ?? 0) + 1,
  };
}

/** Parses a YAML data file (a framework, the metrics list). */
export function parseYamlSource(path: string, text: string): ParsedSourceFile {
  return parseYamlText(path, text, 0);
}

function parseYamlText(path: string, text: string, lineOffset: number): ParsedSourceFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...YAML_OPTIONS, lineCounter, prettyErrors: false });
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const syntaxErrors = document.errors.map((error) => ({
    message: `is not valid YAML: ${error.message.split('\n')[0]}`,
    position: toPosition(error.pos[0]),
  }));
  let data: unknown;
  if (!syntaxErrors.length) {
    try {
      // Aliases (&a / *a) can multiply a small file into gigabytes; editors
      // never need them, so any alias is refused.
      data = document.toJS({ maxAliasCount: 0 });
    } catch {
      syntaxErrors.push({
        message: 'uses a YAML alias (*name): write the value out in full instead',
        position: { line: lineOffset + 1, column: 1 },
      });
    }
  }
  return {
    path,
    data,
    body: '',
    bodyLine: 0,
    locate: (fieldPath) => toPosition(offsetOf(document, fieldPath)),
    syntaxErrors,
  };
}

// The closest written node to a field path: a missing field points at its
// parent, so "judgements[2].grade is required" lands on the judgement.
function offsetOf(document: Document, fieldPath: readonly PropertyKey[]): number {
  for (let depth = fieldPath.length; depth >= 0; depth -= 1) {
    const node = document.getIn(fieldPath.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return range[0];
    if (depth === 0) break;
  }
  return 0;
}
