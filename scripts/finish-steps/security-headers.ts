import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { FinishStep } from './finish-step.ts';

/**
 * A strict Content-Security-Policy for every built page, delivered twice:
 * as a `<meta http-equiv>` tag in each page (works on any host) and in
 * dist/_headers (Netlify and Cloudflare Pages read it), which can also say
 * who may frame the page: anyone for /embed/*, only the site elsewhere.
 *
 * The policy allows our own files and nothing inline: script-src and
 * style-src are 'self', with no hashes and no 'unsafe-inline'. Our
 * components' scripts and styles are built into content-hashed files under
 * /_astro/ (astro.config.mjs sets Vite's assetsInlineLimit to 0 so that
 * even small ones are files). So the policy depends on nothing in the
 * finished HTML: an inline script there, whatever put it there, is never
 * allowed. This step refuses to publish a page that has one (or an event
 * handler attribute, a javascript: URL, inline CSS), since it would not run.
 *
 * The search index (Pagefind) compiles WebAssembly, so when it is present
 * script-src gets 'wasm-unsafe-eval', which permits WebAssembly only and
 * never JavaScript eval().
 * @see https://www.w3.org/TR/CSP3/
 */

/** Headers for every response, whatever the path. */
export const COMMON_HEADERS: [string, string][] = [
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  // Only features Chromium recognises: an unknown one is a console error.
  ['Permissions-Policy', 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/** Content-hashed build assets never change under the same name. */
const CACHE_RULES: [string, string][] = [['/_astro/*', 'public, max-age=31536000, immutable']];

/** Where embeddable pages live: they may be framed by any site. */
export const EMBED_PREFIX = '/embed/';

/** Folders of scripts, styles and search data, not documents: they get the common headers only. */
const ASSET_FOLDERS = new Set(['_astro', 'pagefind']);

/** Script types that are data, which browsers never run and CSP does not govern. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);

/** The policy for every page; `frameAncestors` only in a header, never in a meta tag. */
export function contentSecurityPolicy({ frameAncestors, webAssembly }: { frameAncestors?: string; webAssembly: boolean }) {
  const directives = [
    "default-src 'none'",
    ['script-src', "'self'", ...(webAssembly ? ["'wasm-unsafe-eval'"] : [])].join(' '),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(frameAncestors ? [`frame-ancestors ${frameAncestors}`] : []),
  ];
  return directives.join('; ');
}

function elementsOf(tree: Root): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') found.push(node);
    if ('children' in node) node.children.forEach(walk);
    if (node.type === 'element' && node.content) walk(node.content);
  };
  walk(tree);
  return found;
}

const describe = (element: Element) => `<${element.tagName}> on line ${element.position?.start.line ?? '?'}`;

/** Whether a script's address is on this site: relative, or from the root, never `//other`. */
function isOwnAddress(url: string) {
  const base = 'https://site.invalid/page/';
  try {
    return new URL(url, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

/**
 * Everything in a page that a policy of 'self' would block or that would
 * run code not from our files: inline scripts, event-handler attributes,
 * javascript: URLs, scripts from other sites, inline styles.
 */
export function inlineCodeIn(tree: Root): string[] {
  const problems: string[] = [];
  for (const element of elementsOf(tree)) {
    const { tagName, properties } = element;
    if (tagName === 'script') {
      const src = properties.src;
      const type = String(properties.type ?? '').toLowerCase();
      if (typeof src === 'string') {
        if (!isOwnAddress(src)) problems.push(`${describe(element)} loads a script from another site (${src})`);
      } else if (!DATA_SCRIPT_TYPES.has(type)) {
        problems.push(`${describe(element)} is an inline script: move it into a component's <script> (built to a file under /_astro/)`);
      }
    }
    if (tagName === 'style') problems.push(`${describe(element)} is inline CSS: move it into a stylesheet`);
    for (const [name, value] of Object.entries(properties)) {
      if (name.toLowerCase().startsWith('on')) problems.push(`${describe(element)} has an event-handler attribute (${name.toLowerCase()}): attach the handler from a script file`);
      if (name === 'style') problems.push(`${describe(element)} has a style attribute: use a class and a stylesheet`);
      if (typeof value === 'string' && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${describe(element)} has a javascript: URL in ${name}`);
    }
  }
  return problems;
}

/** The page with the policy's meta tag right after <meta charset>, before anything it governs. */
export function withPolicyMeta(html: string, tree: Root, policy: string) {
  const elements = elementsOf(tree);
  const existing = elements.find((element) => element.tagName === 'meta' && String(element.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy');
  if (existing) throw new Error(`the page already has a Content-Security-Policy meta tag (${describe(existing)})`);
  const charset = elements.find((element) => element.tagName === 'meta' && element.properties.charSet !== undefined);
  const offset = charset?.position?.end.offset;
  if (offset === undefined) throw new Error('no <meta charset> to put the Content-Security-Policy meta tag after');
  return `${html.slice(0, offset)}<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">${html.slice(offset)}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** The URL path a built file is served at: `documents/x/index.html` → `/documents/x/`. */
export const urlPathOf = (siteDir: string, file: string) =>
  `/${relative(siteDir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

/**
 * One `_headers` rule per top-level entry of the site (`/`, `/index.html`,
 * `/rss.xml`, `/documents/*`, …), so that every page and every file a
 * browser may open on its own (an SVG, a feed) has the policy, and no two
 * rules that set it overlap: hosts merge or override overlapping headers
 * differently. Scripts, styles and search data get the common headers only.
 */
async function headerSections(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== '_headers' && !ASSET_FOLDERS.has(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? [`/${entry.name}/*`] : entry.name === 'index.html' ? ['/', '/index.html'] : [`/${entry.name}`]))
    .sort();
}

export async function writeSecurityHeaders(siteDir: string) {
  const webAssembly = await stat(join(siteDir, 'pagefind')).then(() => true, () => false);
  const pagePolicy = contentSecurityPolicy({ webAssembly });
  const problems: string[] = [];
  const pages = await Promise.all(
    (await htmlFiles(siteDir)).map(async (file) => {
      const html = await readFile(file, 'utf8');
      const tree = fromHtml(html);
      problems.push(...inlineCodeIn(tree).map((problem) => `${urlPathOf(siteDir, file)}: ${problem}`));
      return { file, html, tree };
    }),
  );
  if (problems.length) throw new Error(`pages hold code that the Content-Security-Policy (script-src 'self', style-src 'self') would block:\n${problems.join('\n')}`);
  for (const page of pages) await writeFile(page.file, withPolicyMeta(page.html, page.tree, pagePolicy));

  const lines = [
    '# Written by scripts/finish-steps/security-headers.ts on every build: do not edit.',
    '/*',
    ...COMMON_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
    '',
    ...CACHE_RULES.flatMap(([pattern, value]) => [pattern, `  Cache-Control: ${value}`, '']),
  ];
  for (const section of await headerSections(siteDir)) {
    const embed = section.startsWith(EMBED_PREFIX);
    lines.push(section, `  Content-Security-Policy: ${contentSecurityPolicy({ webAssembly, frameAncestors: embed ? '*' : "'self'" })}`);
    if (!embed) lines.push('  X-Frame-Options: SAMEORIGIN');
    lines.push('');
  }
  await writeFile(join(siteDir, '_headers'), lines.join('\n'));
}

export const securityHeaders: FinishStep = { name: 'security headers', run: writeSecurityHeaders };
