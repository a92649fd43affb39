import type { APIRoute } from 'astro';
import siteCss from '../styles/site.css?raw';
import { FONT_FAMILY } from '../charts/theme.ts';
import { siteCardSvg } from '../lib/chart-card.ts';
import { SITE_NAME } from '../lib/labels.ts';
import { svgToPng } from '../lib/png.ts';
import { SITE_CARD } from '../lib/social-card.ts';
import { siteData } from '../lib/site-data.ts';
import { lightPalette } from '../lib/standalone-svg.ts';

// The link-preview image of every page that is not a chart: the headline
// grades of the full inspections, read from the timeline.
export const GET: APIRoute = () => {
  const steps = siteData.timeline
    .filter((event) => event.kind === 'inspection' && event.outcome)
    .map((event) => ({ year: event.date.slice(0, 4), grade: event.outcome!, position: event.outcomePosition }));
  const svg = siteCardSvg(
    { kicker: 'Manchester · Children’s services · 2009–2020', headline: 'How Ofsted judged Manchester’s children’s services, every number traced to its source', siteName: SITE_NAME, steps },
    lightPalette(siteCss),
    FONT_FAMILY,
  );
  const png = svgToPng(svg, { scale: SITE_CARD.width / 1200, text: { Title: SITE_NAME } });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
