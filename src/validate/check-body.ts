import type { Element, Nodes as HtmlNode } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes as MarkdownNode, Root as MarkdownRoot } from 'mdast';
import { PLACEHOLDER_MESSAGE } from './check-editorial.ts';
import type { ContentProblem } from './content-problem.ts';
import { parseBody } from './markdown-body.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';

const CODE_SCHEMES = ['javascript', 'vbscript', 'data'];
const EMBEDS = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet'];
const WRITE_MARKDOWN = 'write it in markdown instead (**bold**, *italic*, [words](https://…), "- " for a list): HTML is not allowed in documents';

/**
 * Checks a document's markdown body, our summary of it: that it is written,
 * that it holds no raw HTML (every `html` node of the tree is refused, bar
 * comments; the renderer drops them all anyway), that links cannot run code,
 * and that links to other documents
 * (`../2017-06-13-ofsted-monitoring-visit-adoption/`) point at one we have.
 * The tree is the one the page is rendered from (src/validate/markdown-body.ts).
 */
export function checkBody(file: ParsedSourceFile, slugs: ReadonlySet<string>, tree: MarkdownRoot = parseBody(file.body)): ContentProblem[] {
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
  walk<MarkdownNode>(tree, (node) => {
    if (node.type === 'html') {
      const problem = describeHtml(node.value);
      if (problem) report(node, problem.message, problem.fix);
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const problem = describeUrl(node.url, slugs);
      if (problem) report(node, problem.message, problem.fix, problem.severity);
    }
    if (node.type === 'text' && /\bTODO\b/.test(node.value)) {
      report(node, PLACEHOLDER_MESSAGE, 'replace it with our summary of the document');
    }
  });
  return problems;
}

function walk<Node extends object>(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const child of 'children' in node ? (node.children as Node[]) : []) walk(child, visit);
}

/**
 * Why a raw-HTML node of the body is refused, or nothing for an HTML comment
 * (a note to other editors: it is never published). The HTML is read by a
 * browser-grade parser (parse5), so a comment that browsers end early
 * (`<!-->`, `--!>`) is seen for what follows it, as a browser would.
 */
function describeHtml(html: string): { message: string; fix: string } | undefined {
  const parseErrors: string[] = [];
  const fragment = fromHtml(html, { fragment: true, onerror: (error) => void parseErrors.push(String(error.ruleId)) });
  const elements: Element[] = [];
  walk<HtmlNode>(fragment, (node) => void (node.type === 'element' && elements.push(node)));
  const onlyComments = fragment.children.every((node) => node.type === 'comment' || (node.type === 'text' && !node.value.trim()));
  if (!elements.length && fragment.children.length && onlyComments && !parseErrors.length) return undefined;
  // A closing tag (</b>) belongs to an opening one, which is reported.
  if (!fragment.children.length && html.trimStart().startsWith('</')) return undefined;
  if (!elements.length && onlyComments && fragment.children.length) {
    return { message: 'has an HTML comment written in a way browsers end early, so what follows it would be published as HTML', fix: 'write a comment as "<!-- note -->", or delete it' };
  }
  const script = elements.find((element) => element.tagName === 'script');
  if (script) return { message: 'has a <script> tag', fix: 'delete it: scripts are not allowed in documents' };
  const embed = elements.find((element) => EMBEDS.includes(element.tagName));
  if (embed) return { message: `embeds another page with <${embed.tagName}>`, fix: 'delete it and link to the page instead: [what it is](https://…)' };
  const handler = elements.flatMap((element) => Object.keys(element.properties)).find((name) => name.toLowerCase().startsWith('on'));
  if (handler) {
    return { message: `has an event-handler attribute (${handler.toLowerCase()}=), which would run code in readers' browsers`, fix: `delete the HTML and ${WRITE_MARKDOWN.replace('write it', 'write the text')}` };
  }
  const runsCode = elements.some((element) => Object.values(element.properties).some((value) => typeof value === 'string' && CODE_SCHEMES.includes(schemeOf(value) ?? '')));
  if (runsCode) return { message: 'has a link to "javascript:", which would run code', fix: 'link only to https:// addresses or to other pages of this site' };
  const shown = elements[0] ? `<${elements[0].tagName}>` : JSON.stringify(html.trim().slice(0, 40));
  return { message: `has raw HTML (${shown})`, fix: WRITE_MARKDOWN };
}

/** A URL's scheme as browsers read it: they ignore control characters and spaces inside it. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
}

function describeUrl(url: string, slugs: ReadonlySet<string>): { message: string; fix: string; severity?: 'warning' } | undefined {
  const scheme = schemeOf(url);
  if (scheme && !['https', 'http', 'mailto'].includes(scheme)) {
    return { message: `has a link to "${scheme}:", which ${CODE_SCHEMES.includes(scheme) ? 'would run code' : 'readers cannot follow'}`, fix: 'link only to https:// addresses or to other pages of this site' };
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
