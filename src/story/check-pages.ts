import type { Nodes, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { PLACEHOLDER_MESSAGE } from '../validate/check-editorial.ts';
import type { ContentProblem } from '../validate/content-problem.ts';
import type { SourcePosition } from '../validate/parse-source-file.ts';
import type { PageEntry } from '../validate/validate-content.ts';
import { isDirectiveName } from './directive-vocabulary.ts';
import { PAGE_TEXT_FIELDS } from './page-fields.ts';
import { parseInlineMarkdown, parsePageMarkdown } from './parse-page.ts';
import { resolveDirective, type Directive, type StoryContext } from './resolve-directive.ts';

/** Directives that render as a block of their own, so stand between paragraphs, never inside a list or note. */
const TOP_LEVEL_ONLY = new Set(['chart', 'key-number', 'framework-scales', 'source-list']);

/**
 * Checks every page's text against the data: each directive names
 * something that exists and is of the right kind, links go where a reader
 * can follow, and nothing is raw HTML or a leftover TODO. Each problem has
 * its file, line and column, like every other content error.
 *
 * `locate` finds a frontmatter field in its file (directives in a field are
 * reported where the field is written).
 */
export function checkPages(pages: readonly PageEntry[], context: StoryContext, locate: (page: PageEntry, field: string) => SourcePosition): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    const report = (field: string, position: SourcePosition) => (message: string, fix?: string) =>
      problems.push({ severity: 'error', path: page.path, position, field, message, ...(fix ? { fix } : {}) });

    for (const field of PAGE_TEXT_FIELDS) {
      const text = page.fields[field];
      if (text === undefined) continue;
      const at = report(field, locate(page, field));
      const { tree } = parseInlineMarkdown(text);
      if (tree.children.length !== 1 || tree.children[0]!.type !== 'paragraph') {
        at('must be one paragraph of text', 'write it as a sentence, without headings, lists or blank lines');
        continue;
      }
      checkTree(tree, text.replace(/\s*\n\s*/g, ' '), context, () => at);
    }

    const body = parsePageMarkdown(page.body);
    checkTree(body, page.body, context, (node) => report('body', { line: (node.position?.start.line ?? 1) + page.bodyLine - 1, column: node.position?.start.column ?? 1 }));
  }
  return problems;
}

type Reporter = (message: string, fix?: string) => void;

function checkTree(tree: Root, source: string, context: StoryContext, reporterAt: (node: Nodes) => Reporter) {
  visitParents(tree, (node, ancestors) => {
    const report = reporterAt(node);
    switch (node.type) {
      case 'textDirective':
      case 'leafDirective':
      case 'containerDirective': {
        const resolved = resolveDirective(node as Directive, context);
        if ('problem' in resolved) report(resolved.problem.message, resolved.problem.fix);
        else if (TOP_LEVEL_ONLY.has(node.name) && ancestors.length > 1) report(`"::${node.name}" must stand between paragraphs, not inside a list, quote or note`, 'move it onto a line of its own, with a blank line before and after');
        break;
      }
      case 'html':
        // A closing tag belongs to an opening one, which is reported.
        if (node.value.trimStart().startsWith('</')) break;
        report('has raw HTML, which pages do not allow', 'write it in markdown, or with a directive (see "Editing the story" in EDITING.md)');
        break;
      case 'image':
      case 'imageReference':
        report('has an image: pages show charts, not images', 'use ::chart{id=…} for a chart');
        break;
      case 'link': {
        const problem = describeLink(node.url, context);
        if (problem) report(problem.message, problem.fix);
        break;
      }
      case 'text': {
        if (/\bTODO\b/.test(node.value)) report(PLACEHOLDER_MESSAGE, 'replace it with the text');
        const unread = unreadDirective(source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? source.length));
        if (unread) report(`":${unread}" is followed by a colon, so it is not read as a directive and would show as it is`, `write :${unread}{}: (empty braces end the directive), or \\:${unread} to show the words`);
        break;
      }
    }
  });
}

/** A directive's name followed at once by a colon (":years:") is not read as one: markdown's rule, an easy slip. */
function unreadDirective(source: string): string | undefined {
  for (const match of source.matchAll(/(?<![\\\w:]):([a-z][a-z-]*):/g)) if (isDirectiveName(match[1]!)) return match[1];
  return undefined;
}

/** Links a reader can follow: to the web over https, or to a page of this site written from its root ("/timeline/"). */
function describeLink(url: string, { data, chartIds }: StoryContext): { message: string; fix: string } | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
  if (scheme && !['https', 'http', 'mailto'].includes(scheme)) return { message: `has a link to "${scheme}:", which readers cannot follow`, fix: 'link to an https:// address or to a page of this site, e.g. /timeline/' };
  if (scheme || url.startsWith('#')) return undefined;
  if (!url.startsWith('/') || url.startsWith('//')) return { message: `has a link to "${url}", which would change meaning with the page's address`, fix: 'write links to this site from its root, e.g. /timeline/, or use :document{id=…}' };
  const documentLink = /^\/documents\/([^/#]+)\/?/.exec(url)?.[1];
  if (documentLink && !data.documents.some((doc) => doc.slug === documentLink)) return { message: `links to the document "${documentLink}", which does not exist`, fix: 'use :document{id=…} with the file name of a document in content/documents/' };
  const chartLink = /^\/charts\/([^/#.]+)\/?/.exec(url)?.[1];
  if (chartLink && !chartIds.includes(chartLink)) return { message: `links to the chart "${chartLink}", which does not exist`, fix: `the charts are: ${chartIds.join(', ')}` };
  return undefined;
}
