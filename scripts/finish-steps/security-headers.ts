import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FinishStep } from '../finish-site.ts';

/**
 * A strict Content-Security-Policy for every built page, delivered twice:
 * as a `<meta http-equiv>` tag in each page (works on any host) and in
 * dist/_headers (Netlify and Cloudflare Pages read it), which can also say
 * who may frame the page: anyone for /embed/*, only the site elsewhere.
 *
 * Why not Astro's own `security.csp`: it hashes only the scripts and styles
 * Astro itself emits, never sees what later finishing steps add (the search
 * index's scripts), and writes no headers for a static build. This step runs
 * last on the finished HTML, so whatever is inline gets hashed.
 *
 * Nothing is allowed inline without its hash: no 'unsafe-inline', no
 * 'unsafe-eval'. The search index (Pagefind) compiles WebAssembly, so when
 * it is present script-src gets 'wasm-unsafe-eval', which permits
 * WebAssembly only and never JavaScript eval().
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

/** What one page holds inline, as CSP source expressions ('sha256-…'). */
export interface InlineHashes {
  scripts: Set<string>;
  styles: Set<string>;
  styleAttributes: Set<string>;
}

const emptyHashes = (): InlineHashes => ({ scripts: new Set(), styles: new Set(), styleAttributes: new Set() });

export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Browsers normalise newlines before hashing (HTML input stream preprocessing). */
const normaliseNewlines = (text: string) => text.replace(/\r\n?/g, '\n');

const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes character references, as the parser does in attribute values and in SVG text. */
export function decodeReferences(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED_REFERENCES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Finds every inline `<script>` and `<style>` element and `style` attribute
 * in a page and hashes what the browser will see. In HTML, script and style
 * hold raw text; inside `<svg>` (foreign content) their text is parsed, so
 * character references and CDATA are decoded first.
 */
export function inlineHashesOf(html: string): InlineHashes {
  const hashes = emptyHashes();
  const svgOpens = [...html.matchAll(/<svg[\s>]/gi)].map((match) => match.index);
  const svgCloses = [...html.matchAll(/<\/svg\s*>/gi)].map((match) => match.index);
  const insideSvg = (at: number) => svgOpens.filter((index) => index < at).length > svgCloses.filter((index) => index < at).length;
  const elements = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
  for (const match of html.matchAll(elements)) {
    const [, tag, attributes, content] = match;
    if (tag.toLowerCase() === 'script' && /\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const text = insideSvg(match.index) ? decodeReferences(content.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')) : content;
    (tag.toLowerCase() === 'script' ? hashes.scripts : hashes.styles).add(cspHash(normaliseNewlines(text)));
  }
  const tags = /<[a-z][\w:-]*\s(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
  for (const [tag] of html.matchAll(tags)) {
    for (const [, , double, single] of tag.matchAll(/\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
      hashes.styleAttributes.add(cspHash(normaliseNewlines(decodeReferences(double ?? single ?? ''))));
    }
  }
  return hashes;
}

/** The policy for pages holding `hashes`; `frameAncestors` only in a header, never in a meta tag. */
export function contentSecurityPolicy(hashes: InlineHashes, { frameAncestors, webAssembly }: { frameAncestors?: string; webAssembly: boolean }) {
  const sorted = (set: Set<string>) => [...set].sort();
  const directives = [
    "default-src 'none'",
    ['script-src', "'self'", ...(webAssembly ? ["'wasm-unsafe-eval'"] : []), ...sorted(hashes.scripts)].join(' '),
    ['style-src', "'self'", ...sorted(hashes.styles)].join(' '),
    ...(hashes.styleAttributes.size ? [['style-src-attr', "'unsafe-hashes'", ...sorted(hashes.styleAttributes)].join(' ')] : []),
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

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** The URL path a built file is served at: `documents/x/index.html` → `/documents/x/`. */
export const urlPathOf = (siteDir: string, file: string) =>
  `/${relative(siteDir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

/**
 * The `_headers` rules that carry the policy. Rules never overlap with
 * different policies (hosts merge or override overlapping headers
 * differently), so each top-level section gets one rule with the union of
 * its pages' hashes: `/`, `/404.html`, `/timeline/*`, `/documents/*`, …
 */
function sectionOf(path: string) {
  const segments = path.split('/').filter(Boolean);
  return segments.length === 0 || (segments.length === 1 && !path.endsWith('/')) ? path : `/${segments[0]}/`;
}

function mergeHashes(into: InlineHashes, from: InlineHashes) {
  for (const key of ['scripts', 'styles', 'styleAttributes'] as const) for (const hash of from[key]) into[key].add(hash);
}

const metaTag = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy.replaceAll('"', '&quot;')}">`;

/** Puts the meta tag first in <head> after <meta charset>, before anything it governs. */
export function withPolicyMeta(html: string, policy: string) {
  if (/<meta\s+http-equiv=["']?content-security-policy/i.test(html)) throw new Error('the page already has a Content-Security-Policy meta tag');
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) return html.replace(charset[0], `${charset[0]}${metaTag(policy)}`);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('no <head> to put the Content-Security-Policy meta tag in');
  return html.replace(head[0], `${head[0]}${metaTag(policy)}`);
}

export async function writeSecurityHeaders(siteDir: string) {
  const webAssembly = await stat(join(siteDir, 'pagefind')).then(() => true, () => false);
  const pages = await Promise.all(
    (await htmlFiles(siteDir)).map(async (file) => {
      const html = await readFile(file, 'utf8');
      return { file, html, path: urlPathOf(siteDir, file), hashes: inlineHashesOf(html) };
    }),
  );
  // A missing page under any section is answered with 404.html and that
  // section's header, so every header policy allows the 404 page too.
  const notFound = pages.find((page) => page.path === '/404.html')?.hashes ?? emptyHashes();
  const sections = new Map<string, InlineHashes>();
  for (const page of pages) {
    await writeFile(page.file, withPolicyMeta(page.html, contentSecurityPolicy(page.hashes, { webAssembly })));
    const section = sectionOf(page.path);
    if (!sections.has(section)) sections.set(section, emptyHashes());
    mergeHashes(sections.get(section)!, page.hashes);
  }
  const lines = [
    '# Written by scripts/finish-steps/security-headers.ts on every build: do not edit.',
    '/*',
    ...COMMON_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
    '',
    ...CACHE_RULES.flatMap(([pattern, value]) => [pattern, `  Cache-Control: ${value}`, '']),
  ];
  for (const [section, hashes] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    mergeHashes(hashes, notFound);
    const embed = section.startsWith(EMBED_PREFIX);
    const policy = contentSecurityPolicy(hashes, { webAssembly, frameAncestors: embed ? '*' : "'self'" });
    // `/timeline/*` also matches `/timeline/` itself on Netlify, Cloudflare and Render.
    lines.push(section.endsWith('/') && section !== '/' ? `${section}*` : section, `  Content-Security-Policy: ${policy}`);
    if (!embed) lines.push('  X-Frame-Options: SAMEORIGIN');
    lines.push('');
  }
  await writeFile(join(siteDir, '_headers'), lines.join('\n'));
}

export const securityHeaders: FinishStep = { name: 'security headers', run: writeSecurityHeaders };
