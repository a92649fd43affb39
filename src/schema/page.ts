import { z } from 'zod';

/**
 * The pages whose words are content: `content/pages/<name>.md`. The story is
 * the home page; About is the method. Their text may use the story's
 * directives (`:figure[…]`, `:grade[…]`, `:years`…), in the body and in
 * these fields alike.
 */
export const PageNameSchema = z.enum(['story', 'about']).describe('Which page of the site the file holds.');

const text = () => z.string().trim().min(1, { error: 'is empty: write the text, or delete the line if the field is optional' });

/** The frontmatter of a page: its headline, kicker and standfirst, and what search results and link previews show. */
export const PageSchema = z.strictObject({
  title: text()
    .max(70, { error: 'must fit in 70 characters: browsers and search results cut longer titles' })
    .describe('The title in the browser tab, search results and bookmarks: at most 70 characters.'),
  kicker: text().optional().describe('The short line above the headline, e.g. "Manchester · Children’s services · :years".'),
  headline: text().describe('The page’s headline (its h1); on the story, also the headline of its link previews and social card.'),
  standfirst: text()
    .optional()
    .describe('The paragraph under the headline that says what the page is about; also its description in search results and link previews, unless description is given.'),
  description: text()
    .optional()
    .describe('What search results and link previews say about the page, if not its standfirst: one or two plain sentences.'),
}).refine((page) => page.standfirst || page.description, {
  error: 'needs a standfirst or a description: search results and link previews show it',
  path: ['standfirst'],
});

export type PageName = z.infer<typeof PageNameSchema>;
export type PageFields = z.infer<typeof PageSchema>;
