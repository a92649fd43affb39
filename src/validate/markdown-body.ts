import type { Root } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';

/**
 * A document's body, our summary, from markdown to the HTML on its page.
 * `parseBody` reads it once (CommonMark + GFM, as Astro's own markdown
 * did); the validator (src/validate/check-body.ts) checks that tree and the
 * derived data renders that same tree (`renderBodyTree`), so what the
 * validator accepted is exactly what is published.
 *
 * Raw HTML never reaches a page, whatever the validator said: `html` nodes
 * are dropped when the tree becomes HTML (remark-rehype without
 * allowDangerousHtml), and what is left passes an allow-list sanitiser.
 */
const parser = unified().use(remarkParse).use(remarkGfm);

const toHtml = unified()
  // Curly quotes and dashes ("--" en, "---" em), as Astro's markdown gave them.
  .use(remarkSmartypants, { dashes: 'oldschool' })
  .use(remarkRehype)
  .use(rehypeSanitize, bodySchema())
  // Ids after sanitising: made from the heading's own text, [a-z0-9-] only.
  .use(rehypeSlug)
  .use(rehypeStringify);

/** The markdown syntax tree of a body; positions are relative to the body's first line. */
export function parseBody(markdown: string): Root {
  return parser.parse(markdown);
}

/** A body's tree, as the validator checked it, as the HTML published on its document's page. */
export function renderBodyTree(tree: Root): string {
  // The transforms rewrite the tree in place; the validator's stays as it read it.
  return toHtml.stringify(toHtml.runSync(structuredClone(tree)));
}

/** A body as the HTML published on its document's page. */
export function renderBody(markdown: string): string {
  return renderBodyTree(parseBody(markdown));
}

/**
 * GitHub's allow-list (hast-util-sanitize's default), with links limited to
 * the schemes readers can follow and images to https (the
 * Content-Security-Policy then allows only the site's own). An empty list
 * would allow every scheme. Footnote ids keep the "user-content-" prefix
 * remark-rehype gives them; no other id survives.
 */
function bodySchema(): SanitizeSchema {
  return {
    ...defaultSchema,
    clobberPrefix: '',
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['https'] },
  };
}
