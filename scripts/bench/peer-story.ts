import type { BlockContent, Code, Html, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import { visit } from 'unist-util-visit';
import { CHART_IDS } from '../../src/charts/chart-ids.ts';
import type { SiteData } from '../../src/derive/derive-site-data.ts';
import { formatFigureValue, splitFigureValue } from '../../src/lib/format-figure.ts';
import { parseInlineMarkdown, parsePageMarkdown } from '../../src/story/parse-page.ts';
import { resolveDirective, type Directive, type StoryContext } from '../../src/story/resolve-directive.ts';

/**
 * The peer's one page (bench/peer/src/index.md): our story's prose as a
 * journalist would write it in Framework, numbers and grades typed in where
 * our directives look them up, each `::chart` a cell drawing the peer's own
 * Plot chart. The template holds the cell that loads the data; the story
 * goes where it has this marker.
 */
export const STORY_MARKER = '<!-- The story:';

export function peerPage(template: string, data: SiteData): string {
  const story = data.pages?.story;
  if (!story) throw new Error('the site data has no story page: run `npm run derive`');
  const context: StoryContext = { data, chartIds: CHART_IDS };
  const lines = template.split('\n');
  const at = lines.findIndex((line) => line.startsWith(STORY_MARKER));
  if (at < 0) throw new Error(`the peer's page template has no line starting "${STORY_MARKER}"`);
  const field = (name: string) => {
    const text = story.fields[name as keyof typeof story.fields];
    return typeof text === 'string' ? inlineText(text, context) : '';
  };
  const body = plainMarkdown(parsePageMarkdown(story.body), context);
  const written = [`# ${field('headline')}`, '', field('standfirst'), '', body.trimEnd()].join('\n');
  return [`---\ntitle: ${JSON.stringify(field('title'))}\n---`, '', ...lines.slice(0, at), written, ...lines.slice(at + 1)].join('\n');
}

/** A one-line field with its directives as the words they stand for. */
function inlineText(text: string, context: StoryContext): string {
  const { tree } = parseInlineMarkdown(text);
  return toString(replaceDirectives(tree, context));
}

function plainMarkdown(tree: Root, context: StoryContext): string {
  return remark().stringify(replaceDirectives(tree, context));
}

function replaceDirectives(tree: Root, context: StoryContext): Root {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return undefined;
    (parent.children as RootContent[]).splice(index, 1, ...replacement(node, context));
    return index;
  });
  return tree;
}

function replacement(node: Directive, context: StoryContext): RootContent[] {
  const resolved = resolveDirective(node, context);
  if ('problem' in resolved) throw new Error(`the story's "${node.name}" directive: ${resolved.problem.message} (run \`npm run validate\`)`);
  const { reference } = resolved;
  const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];
  switch (reference.kind) {
    case 'grade':
      return text(reference.grade);
    case 'figure':
      return text(reference.bare ? splitFigureValue(reference.figure).amount : formatFigureValue(reference.figure));
    case 'quote':
      return text(`“${reference.text}”`);
    case 'link':
    case 'text':
      return text(reference.text);
    case 'chart':
      return [{ type: 'code', lang: 'js', value: `display(resize((width) => ${reference.chart}Chart(${reference.chart}, {width})))` } satisfies Code];
    case 'key-number': {
      const figure = context.data.figures.find((row) => row.id === reference.figure)!;
      const label = node.type === 'containerDirective' ? '' : toString(node).trim();
      return [{ type: 'paragraph', children: [{ type: 'strong', children: text(splitFigureValue(figure).amount) }, ...text(` ${label}`)] } satisfies Paragraph];
    }
    case 'note': {
      // Framework styles a div.note; markdown inside an HTML block needs the blank lines remark writes around it.
      const open: Html = { type: 'html', value: '<div class="note">' };
      const close: Html = { type: 'html', value: '</div>' };
      return [open, ...((node as { children: BlockContent[] }).children), close];
    }
    case 'framework-scales':
    case 'source-list':
      return [];
  }
}
