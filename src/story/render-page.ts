import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { PageEntry } from '../validate/validate-content.ts';
import { parseInlineMarkdown, parsePageMarkdown } from './parse-page.ts';
import { figureElement, gradeElement, quoteElement, siteLinkElement } from './reference-elements.ts';
import { resolveDirective, type Directive, type StoryContext, type StoryReference } from './resolve-directive.ts';

/** A field's text as HTML for the page and as plain text for titles, descriptions and cards. */
export interface PageText {
  html: string;
  text: string;
}

/** A stretch of a page: prose, or something a component draws. */
export type PageBlock =
  | { kind: 'prose'; html: string }
  | { kind: 'chart'; chart: string }
  | { kind: 'key-numbers'; items: { figure: string; label?: PageText }[] }
  | { kind: 'framework-scales' }
  | { kind: 'source-list' };

/** A page ready for its template: every directive looked up, every link from the site's base. */
export interface RenderedPage {
  title: string;
  kicker?: PageText;
  headline: PageText;
  standfirst?: PageText;
  /** For search results and link previews: the description, else the standfirst. */
  description: string;
  blocks: PageBlock[];
}

/**
 * Renders a page written in markdown. Prose becomes HTML with its
 * directives resolved; charts, key numbers and lists drawn from the data
 * become blocks for their components. Content was checked by checkPages
 * first, so a directive that does not resolve here is a bug, and throws.
 */
export function renderPage(page: PageEntry, context: StoryContext, base: string): RenderedPage {
  const inline = (text: string | undefined) => (text === undefined ? undefined : renderInline(text, context, base));
  const headline = inline(page.fields.headline)!;
  const standfirst = inline(page.fields.standfirst);
  return {
    title: inline(page.fields.title)!.text,
    ...(page.fields.kicker ? { kicker: inline(page.fields.kicker)! } : {}),
    headline,
    ...(standfirst ? { standfirst } : {}),
    description: (inline(page.fields.description) ?? standfirst)!.text,
    blocks: renderBlocks(parsePageMarkdown(page.body), context, base),
  };
}

function renderInline(text: string, context: StoryContext, base: string): PageText {
  const { children } = parseInlineMarkdown(text);
  const hast = toHastTree({ type: 'root', children: [{ type: 'paragraph', children }] }, context, base);
  const paragraph = hast.children[0] as Element;
  const fragment: HastRoot = { type: 'root', children: paragraph.children };
  return { html: toHtml(fragment), text: textOf(fragment).replace(/\s+/g, ' ').trim() };
}

function renderBlocks(tree: Root, context: StoryContext, base: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  let prose: RootContent[] = [];
  const flush = () => {
    if (prose.length) blocks.push({ kind: 'prose', html: toHtml(withHeadingIds(toHastTree({ type: 'root', children: prose }, context, base))) });
    prose = [];
  };
  for (const node of tree.children) {
    const reference = node.type === 'leafDirective' ? resolved(node, context) : undefined;
    if (!reference || !['chart', 'key-number', 'framework-scales', 'source-list'].includes(reference.kind)) {
      prose.push(node);
      continue;
    }
    flush();
    if (reference.kind === 'key-number') {
      const label = (node as Directive).children.length ? renderInlineNodes(node as Directive, context, base) : undefined;
      const item = { figure: reference.figure, ...(label ? { label } : {}) };
      const last = blocks.at(-1);
      if (last?.kind === 'key-numbers') last.items.push(item);
      else blocks.push({ kind: 'key-numbers', items: [item] });
    } else if (reference.kind === 'chart') blocks.push({ kind: 'chart', chart: reference.chart });
    else blocks.push({ kind: reference.kind as 'framework-scales' | 'source-list' });
  }
  flush();
  return blocks;
}

function renderInlineNodes(node: Directive, context: StoryContext, base: string): PageText {
  const hast = toHastTree({ type: 'root', children: [{ type: 'paragraph', children: node.children as never }] }, context, base);
  const fragment: HastRoot = { type: 'root', children: (hast.children[0] as Element).children };
  return { html: toHtml(fragment), text: textOf(fragment).trim() };
}

function toHastTree(tree: Root, context: StoryContext, base: string): HastRoot {
  // Links to this site are written from its root ("/timeline/") and
  // published under the site's base path.
  visit(tree, 'link', (link) => {
    if (link.url.startsWith('/') && !link.url.startsWith('//')) link.url = `${base}${link.url.slice(1)}`;
  });
  const directive: Handler = (state: State, node: Directive) => renderDirective(state, node, resolved(node, context), base);
  return toHast(tree, { handlers: { textDirective: directive, leafDirective: directive, containerDirective: directive } }) as HastRoot;
}

function renderDirective(state: State, node: Directive, reference: StoryReference, base: string): ElementContent | ElementContent[] {
  switch (reference.kind) {
    case 'grade':
      return gradeElement(reference.grade, reference.position);
    case 'figure':
      return figureElement(reference.figure, reference.bare, base);
    case 'quote':
      return quoteElement(reference.text, reference.document, base);
    case 'link':
      return siteLinkElement(reference.path, node.children.length ? (state.all(node) as ElementContent[]) : [{ type: 'text', value: reference.text }], base);
    case 'text':
      return { type: 'text', value: reference.text };
    case 'note':
      return { type: 'element', tagName: 'div', properties: { className: ['note'] }, children: state.wrap(state.all(node), true) as ElementContent[] };
    default:
      throw new Error(`"${node.name}" draws a block of its own and cannot stand inside a paragraph, list or note`);
  }
}

function resolved(node: Directive, context: StoryContext): StoryReference {
  const result = resolveDirective(node, context);
  if ('problem' in result) {
    const at = node.position ? ` at line ${node.position.start.line}` : '';
    throw new Error(`The page was not checked before rendering: ":${node.name}"${at} ${result.problem.message}. Run "npm run validate".`);
  }
  return result.reference;
}

/** Headings get ids from their words, so a section can be linked to: "Grades across frameworks" → #grades-across-frameworks. */
function withHeadingIds(tree: HastRoot): HastRoot {
  const used = new Set<string>();
  visit(tree, 'element', (element) => {
    if (!/^h[2-6]$/.test(element.tagName)) return;
    const slug = textOf(element).toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
    let id = slug;
    for (let n = 2; used.has(id); n += 1) id = `${slug}-${n}`;
    used.add(id);
    element.properties.id = id;
  });
  return tree;
}

function textOf(node: HastRoot | HastContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as HastContent)).join('') : '';
}
