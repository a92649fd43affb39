/**
 * The image a link preview shows (Open Graph, X cards). Chart pages show
 * their chart's PNG; every other page shows the site's card.
 * @see https://ogp.me/#structured
 */
export interface SocialImage {
  /** Path from the site's base, e.g. "charts/grades.png". */
  path: string;
  alt: string;
  width: number;
  height: number;
}

export const SITE_CARD: SocialImage = {
  path: 'social-card.png',
  alt: 'Judged: Manchester’s children’s services, 2009–2020. Ofsted’s headline grades: adequate in 2010, inadequate in 2014, requires improvement in 2017.',
  width: 1200,
  height: 630,
};
