import type { CardStep } from './chart-card.ts';
import type { SiteData } from '../derive/derive-site-data.ts';
import { gradedInspections } from '../derive/site-facts.ts';

/**
 * The image a link preview shows (Open Graph, X cards). Chart pages show
 * their chart's PNG; every other page shows the site's card, whose words
 * are the story's (content/pages/story.md) and whose grades are the data's.
 * @see https://ogp.me/#structured
 */
export interface SocialImage {
  /** Path from the site's base, e.g. "charts/grades.png". */
  path: string;
  alt: string;
  width: number;
  height: number;
}

export const SITE_CARD_FILE = { path: 'social-card.png', width: 1200, height: 630 } as const;

/** The headline grades of the full inspections, oldest first: the card's strip. */
export function cardSteps(data: Pick<SiteData, 'timeline'>): CardStep[] {
  return gradedInspections(data).map((event) => ({ year: event.date.slice(0, 4), grade: event.outcome!, ...(event.outcomePosition ? { position: event.outcomePosition } : {}) }));
}

/**
 * The site's card as a preview image, with alternative text that says what
 * it shows: the story's headline and the run of grades.
 * @example siteCard('Adequate, then inadequate…', steps).alt // 'Adequate, then inadequate…. Ofsted’s headline grades: adequate in 2010, inadequate in 2014, requires improvement in 2017.'
 */
export function siteCard(headline: string, steps: readonly CardStep[]): SocialImage {
  const grades = steps.map((step) => `${step.grade.toLowerCase()} in ${step.year}`);
  const sentence = grades.length ? ` Ofsted’s headline grades: ${[grades.slice(0, -1).join(', '), grades.at(-1)].filter(Boolean).join(grades.length > 2 ? ', ' : ' and ')}.` : '';
  return { ...SITE_CARD_FILE, alt: `${headline.replace(/[.:]$/, '')}.${sentence}` };
}
