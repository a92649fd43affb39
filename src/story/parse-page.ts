import type { Root, PhrasingContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(remarkParse).use(remarkDirective);

/**
 * A page's markdown as a syntax tree, with directives (`:figure[…]`,
 * `::chart{id=grades}`) as nodes and every node's position in the text.
 *
 * A colon before digits ("10:30") reads as a directive named "30"; no
 * directive's name starts with a digit, so those are put back as text.
 */
export function parsePageMarkdown(text: string): Root {
  const tree = parser.parse(text);
  visit(tree, 'textDirective', (node, index, parent) => {
    if (!parent || index === undefined || !/^\d/.test(node.name)) return undefined;
    const label = node.children.length ? `[${node.children.map((child) => ('value' in child ? child.value : '')).join('')}]` : '';
    parent.children.splice(index, 1, { type: 'text', value: `:${node.name}${label}`, position: node.position } as PhrasingContent);
    return index;
  });
  return mergeAdjacentText(tree);
}

/**
 * A one-line field (a headline, a standfirst) as phrasing content: the same
 * markdown and directives as a paragraph of the body.
 */
export function parseInlineMarkdown(text: string): { children: PhrasingContent[]; tree: Root } {
  const tree = parsePageMarkdown(text.replace(/\s*\n\s*/g, ' '));
  const first = tree.children[0];
  return { children: first?.type === 'paragraph' ? first.children : [], tree };
}

// Putting "10:30" back leaves "10", ":30" and the rest as three text nodes.
function mergeAdjacentText(tree: Root): Root {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as { type: string; value?: string }[];
    for (let index = children.length - 1; index > 0; index -= 1) {
      const [before, after] = [children[index - 1]!, children[index]!];
      if (before.type === 'text' && after.type === 'text') {
        before.value = `${before.value}${after.value}`;
        children.splice(index, 1);
      }
    }
  });
  return tree;
}
