import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { PLACEHOLDER_MESSAGE } from './check-editorial.ts';
import type { ContentProblem } from './content-problem.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';

interface MarkdownNode {
  type: string;
  value?: string;
  url?: string;
  position?: { start: { line: number; column: number } };
  children?: MarkdownNode[];
}

const parser = unified().use(remarkParse);

const EMBEDS = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet'];
const WRITE_MARKDOWN = 'write it in markdown instead (**bold**, *italic*, [words](https://…), "- " for a list): HTML is not allowed in documents';

/**
 * Checks a document's markdown body, our summary of it: that it is written,
 * that it holds no raw HTML (Astro would publish a <script> or an onclick as
 * it is), that links cannot run code, and that links to other documents
 * (`../2017-06-13-ofsted-monitoring-visit-adoption/`) point at one we have.
 */
export function checkBody(file: ParsedSourceFile, slugs: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (node: MarkdownNode | undefined, message: string, fix: string, severity: ContentProblem['severity'] = 'error') =>
    problems.push({
      severity,
      path: file.path,
      position: node?.position
        ? { line: node.position.start.line + file.bodyLine - 1, column: node.position.start.column }
        : { line: file.bodyLine, column: 1 },
      field: 'body',
      message,
      fix,
    });

  if (!file.body.trim()) {
    report(undefined, 'is empty: the body is our own summary of the document', 'write a few paragraphs under the closing "---": what inspectors found and what had to improve');
    return problems;
  }
  const tree = parser.parse(file.body) as MarkdownNode;
  walk(tree, (node) => {
    if (node.type === 'html' && node.value) {
      const problem = describeHtml(node.value);
      if (problem) report(node, problem.message, problem.fix);
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url !== undefined) {
      const problem = describeUrl(node.url, slugs);
      if (problem) report(node, problem.message, problem.fix, problem.severity);
    }
    if (node.type === 'text' && node.value && /\bTODO\b/.test(node.value)) {
      report(node, PLACEHOLDER_MESSAGE, 'replace it with our summary of the document');
    }
  });
  return problems;
}

function walk(node: MarkdownNode, visit: (node: MarkdownNode) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function describeHtml(html: string): { message: string; fix: string } | undefined {
  const code = html.replace(/<!--[\s\S]*?(-->|$)/g, '');
  // A closing tag (</b>) belongs to an opening one, which is reported.
  const tag = /<([a-zA-Z][\w-]*)/.exec(code)?.[1]?.toLowerCase();
  if (!tag) return undefined;
  if (/<script\b/i.test(code)) return { message: 'has a <script> tag', fix: 'delete it: scripts are not allowed in documents' };
  const embed = EMBEDS.find((name) => new RegExp(`<${name}\\b`, 'i').test(code));
  if (embed) return { message: `embeds another page with <${embed}>`, fix: 'delete it and link to the page instead: [what it is](https://…)' };
  const handler = /\s(on[a-z]+)\s*=/i.exec(code)?.[1];
  if (handler) return { message: `has an event-handler attribute (${handler.toLowerCase()}=), which would run code in readers' browsers`, fix: `delete the HTML and ${WRITE_MARKDOWN.replace('write it', 'write the text')}` };
  if (/(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):/i.test(code)) {
    return { message: 'has a link to "javascript:", which would run code', fix: 'link only to https:// addresses or to other pages of this site' };
  }
  return { message: `has raw HTML (<${tag}>)`, fix: WRITE_MARKDOWN };
}

function describeUrl(url: string, slugs: ReadonlySet<string>): { message: string; fix: string; severity?: 'warning' } | undefined {
  // Browsers ignore control characters and spaces inside a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
  if (scheme && !['https', 'http', 'mailto'].includes(scheme)) {
    return { message: `has a link to "${scheme}:", which ${['javascript', 'vbscript', 'data'].includes(scheme) ? 'would run code' : 'readers cannot follow'}`, fix: 'link only to https:// addresses or to other pages of this site' };
  }
  const fileLink = /^(?:\.\/)?([a-z0-9-]+)\.md(#.*)?$/i.exec(url);
  if (fileLink) {
    return { message: `links to the file "${fileLink[1]}.md", which is not a page of the site`, fix: `link to its page instead: ../${fileLink[1]}/` };
  }
  const documentLink = /^(?:\.\.\/|\/documents\/)([a-z0-9-]+)\/?(#.*)?$/.exec(url);
  if (documentLink && !slugs.has(documentLink[1])) {
    return { message: `links to the document "${documentLink[1]}", which does not exist`, fix: 'use the file name of a document in content/documents/ without ".md", e.g. ../2017-06-13-ofsted-monitoring-visit-adoption/' };
  }
  if (documentLink && url.startsWith('/')) {
    return { message: `links to "${url}" from the site's root, which breaks when the site is published under a sub-path`, fix: `write ../${documentLink[1]}/`, severity: 'warning' };
  }
  return undefined;
}
