/**
 * Charts on the page are inline SVG that take their colours from the page's
 * CSS custom properties (so they follow dark mode). A downloaded SVG or a PNG
 * has no page around it: these functions make an SVG self-contained, with
 * the light-mode colours written in (or, for the site's own chart images,
 * both palettes declared), its own styles and fonts, and the xmlns
 * declarations that linkedom's serialiser leaves out.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Colours by custom property name, e.g. { '--text': '#1c1c1c' }. */
export type Palette = Record<string, string>;

/**
 * The light-mode custom properties: the declarations of the first top-level
 * `:root { … }` rule of a stylesheet (src/styles/site.css), where the dark
 * values sit in a later media query.
 */
export function lightPalette(css: string): Palette {
  const block = /(?:^|\n)\s*:root\s*\{([^}]*)\}/.exec(withoutComments(css));
  if (!block) throw new Error('No :root { … } rule found in the stylesheet');
  return declarations(block[1]);
}

/**
 * The dark-mode custom properties: the `:root { … }` rule inside the
 * stylesheet's `@media (prefers-color-scheme: dark)` block. Only the colours
 * it overrides; the rest keep their light values.
 */
export function darkPalette(css: string): Palette {
  const block = /@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(withoutComments(css));
  if (!block) throw new Error('No @media (prefers-color-scheme: dark) { :root { … } } rule found in the stylesheet');
  return declarations(block[1]);
}

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

function declarations(block: string): Palette {
  const palette: Palette = {};
  for (const [, name, value] of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) palette[name] = value.trim();
  return palette;
}

/**
 * Replaces every `var(--name)` or `var(--name, fallback)` with its value in
 * the palette (else its fallback), and `currentColor` with the text colour.
 * An unknown property without a fallback is an error, not a black chart.
 */
export function resolveCustomProperties(markup: string, palette: Palette): string {
  let resolved = markup;
  // Innermost var() first, so fallbacks that are themselves var() resolve too.
  const innermost = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*?))?\s*\)/g;
  while (innermost.test(resolved)) {
    resolved = resolved.replace(innermost, (_, name: string, fallback: string | undefined) => {
      const value = palette[name] ?? fallback;
      if (value === undefined) throw new Error(`The colour ${name} is not defined in the palette and has no fallback`);
      return value;
    });
  }
  const text = palette['--text'];
  if (!text) throw new Error('The palette has no --text colour for currentColor');
  return resolved.replace(/currentColor/gi, text);
}

/** The width and height of an SVG, from its attributes or else its viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!open) throw new Error('Not an SVG: no <svg> element');
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1];
  const viewBox = attribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const width = Number.parseFloat(attribute('width') ?? '') || viewBox?.[2];
  const height = Number.parseFloat(attribute('height') ?? '') || viewBox?.[3];
  if (!width || !height) throw new Error('The SVG has neither a width and height nor a viewBox');
  return { width, height };
}

export interface StandaloneOptions {
  palette: Palette;
  /** The font stack the page uses for chart text. */
  fontFamily: string;
  /** CSS the chart relies on from the page, e.g. class rules; custom properties are resolved too. */
  css?: string;
  /** Written into the SVG as <title> and <metadata>. */
  title?: string;
  metadata?: Record<string, string>;
}

const escapeText = (text: string) => text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char]!);

/**
 * The inline chart as a file: XML declaration, xmlns, explicit width and
 * height, and `head` (styles, title, metadata) after the chart's own <title>
 * and <desc>, which stay first as its accessible name.
 */
function asFile(inline: string, head: string): string {
  const { width, height } = svgSize(inline);
  const opened = inline.trim().replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const kept = attributes.replace(/\s(xmlns|xmlns:xlink|width|height)="[^"]*"/g, '');
    const xlink = /xlink:/.test(inline) ? ` xmlns:xlink="${XLINK_NS}"` : '';
    return `<svg xmlns="${SVG_NS}"${xlink} width="${width}" height="${height}"${kept}>`;
  });
  const afterName = /^<svg\b[^>]*>(\s*<title>[\s\S]*?<\/title>)?(\s*<desc>[\s\S]*?<\/desc>)?/.exec(opened)![0];
  return afterName + head + opened.slice(afterName.length);
}

/**
 * A complete SVG file from an inline chart: XML declaration, xmlns, explicit
 * width and height, an embedded <style> with the fonts and the chart's page
 * styles, concrete light-mode colours, and a title and metadata so the file
 * says what it is and which data version it shows.
 */
export function standaloneSvg(inline: string, options: StandaloneOptions): string {
  const head = [
    options.title ? `<title>${escapeText(options.title)}</title>` : '',
    options.metadata ? `<metadata>${escapeText(JSON.stringify(options.metadata))}</metadata>` : '',
    `<style>svg { font-family: ${options.fontFamily}; color: ${options.palette['--text']}; } text { font-family: ${options.fontFamily}; }${options.css ? ` ${options.css}` : ''}</style>`,
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${resolveCustomProperties(asFile(inline, head), options.palette)}\n`;
}

export interface ThemedOptions {
  light: Palette;
  dark: Palette;
  fontFamily: string;
  css?: string;
}

/** The declarations of those properties the palette has, for a CSS rule. */
const customProperties = (palette: Palette, names: readonly string[]) =>
  names.flatMap((name) => (palette[name] === undefined ? [] : [`${name}: ${palette[name]};`])).join(' ');

/**
 * An inline chart as an image file for the site's own pages (<img>): its
 * colours stay var(--…) and the file declares both palettes, so it follows
 * the reader's dark mode as the inline drawing does. An image cannot tell
 * print from screen (Chromium evaluates its media as screen), so pages give
 * print its own light file through <picture> (ChartGraphic.astro).
 */
export function themedSvg(inline: string, options: ThemedOptions): string {
  const used = [...new Set(['--text', ...[...inline.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]!)])];
  const missing = used.filter((name) => !(name in options.light));
  if (missing.length > 0) throw new Error(`The chart uses colours the light palette does not define: ${missing.join(', ')}`);
  const style = [
    `svg { ${customProperties(options.light, used)} color: var(--text); }`,
    `@media screen and (prefers-color-scheme: dark) { svg { ${customProperties(options.dark, used)} } }`,
    `svg { font-family: ${options.fontFamily}; } text { font-family: ${options.fontFamily}; }`,
    options.css ?? '',
  ].join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${asFile(inline, `<style>${style}</style>`)}\n`;
}
