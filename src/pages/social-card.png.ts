import type { APIRoute } from 'astro';
import siteCss from '../styles/site.css?raw';
import { FONT_FAMILY } from '../charts/theme.ts';
import { siteCardSvg } from '../publish/chart-card.ts';
import { SITE_NAME } from '../lib/labels.ts';
import { svgToPng } from '../publish/png.ts';
import { cardSteps, SITE_CARD_FILE } from '../publish/social-card.ts';
import { siteData } from '../derive/site-data.ts';
import { lightPalette } from '../publish/standalone-svg.ts';
import { sitePage } from '../story/site-page.ts';

// The link-preview image of every page that is not a chart: the story's
// kicker and headline, and the headline grades read from the timeline.
export const GET: APIRoute = () => {
  const story = sitePage('story', import.meta.env.BASE_URL);
  const svg = siteCardSvg(
    { kicker: story.kicker?.text ?? '', headline: story.headline.text, siteName: SITE_NAME, steps: cardSteps(siteData) },
    lightPalette(siteCss),
    FONT_FAMILY,
  );
  const png = svgToPng(svg, { scale: SITE_CARD_FILE.width / 1200, text: { Title: SITE_NAME } });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
