import type { PageFields } from '../schema/index.ts';

/** The frontmatter fields that are text a reader sees, and may hold directives (`:years`). */
export const PAGE_TEXT_FIELDS = ['title', 'kicker', 'headline', 'standfirst', 'description'] as const satisfies readonly (keyof PageFields)[];
