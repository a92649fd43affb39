import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, inlineCodeIn, withPolicyMeta } from '../../scripts/finish-steps/security-headers.ts';
import { headersFor, parseHeadersFile } from '../../scripts/serve/headers-file.ts';
import { builtPages, builtSiteDir, builtSiteDirOrUndefined } from '../support/built-site.ts';

// A strict Content-Security-Policy on every page, as a meta tag and in the
// _headers file static hosts read: our own files only ('self'), no hash of
// anything, nothing inline; frame-ancestors: anyone on /embed/*, only the
// site elsewhere; and the other security headers everywhere.
const dir = builtSiteDirOrUndefined();
const pages = await builtPages();
const rules = dir && existsSync(join(dir, '_headers')) ? parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8')) : [];
/** Every file of the built site as a URL path, for the header rules. */
const files = dir
  ? (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && entry.name !== '_headers')
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort()
  : [];

/** A policy as a map from directive to its source list. */
const directives = (policy: string) =>
  new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name, ...sources] = part.split(/\s+/);
    return [name!.toLowerCase(), sources] as const;
  }));

function strictnessProblems(policy: string) {
  const problems: string[] = [];
  const parsed = directives(policy);
  if (/'unsafe-inline'|'unsafe-hashes'/.test(policy)) problems.push("'unsafe-inline' and 'unsafe-hashes' are not allowed");
  if (/'unsafe-eval'/.test(policy)) problems.push("'unsafe-eval' is not allowed");
  if (/'(sha(256|384|512)|nonce)-/.test(policy)) problems.push('no hash or nonce: nothing inline is ours, so nothing inline is allowed');
  if (parsed.get('default-src')?.join(' ') !== "'none'") problems.push("default-src must be 'none'");
  for (const source of parsed.get('script-src') ?? []) if (!["'self'", "'wasm-unsafe-eval'"].includes(source)) problems.push(`script-src allows ${source}`);
  if (parsed.get('style-src')?.join(' ') !== "'self'") problems.push("style-src must be 'self' alone");
  if (parsed.has('style-src-attr') || parsed.has('script-src-attr') || parsed.has('script-src-elem')) problems.push('no per-element or per-attribute exceptions');
  return problems;
}

describe('the security-headers finishing step', () => {
  test('finds inline code of every kind, and lets our script files and JSON data through', () => {
    const page = fromHtml([
      '<head><meta charset="utf-8"><script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":1}</script></head>',
      '<body><script>alert(1)</script><img src="x" onerror="alert(2)"><a href=" java\tscript:alert(3)">x</a>',
      '<svg><script>alert(4)</script></svg><p style="color: red">p</p><style>p{}</style><script src="//evil.example/x.js"></script></body>',
    ].join(''));
    const problems = inlineCodeIn(page);
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/<script> on line 1 is an inline script/);
    expect(problems.join('\n')).toContain('(onerror)');
    expect(problems.join('\n')).toContain('javascript: URL in href');
    expect(problems.join('\n')).toContain('style attribute');
    expect(problems.join('\n')).toContain('inline CSS');
    expect(problems.join('\n')).toContain('from another site (//evil.example/x.js)');
  });

  test('puts the policy right after <meta charset>, read from the syntax tree', () => {
    const html = '<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title></head><body></body></html>';
    const policy = contentSecurityPolicy({ webAssembly: false });
    expect(withPolicyMeta(html, fromHtml(html), policy)).toBe(
      `<!doctype html><html><head>\n<meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}">\n<title>t</title></head><body></body></html>`,
    );
    const twice = `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="x"></head>`;
    expect(() => withPolicyMeta(twice, fromHtml(twice), policy)).toThrow('already has a Content-Security-Policy');
  });

  test('the policy is the same for every page: it depends on nothing a page holds', () => {
    expect(strictnessProblems(contentSecurityPolicy({ webAssembly: true }))).toEqual([]);
    expect(directives(contentSecurityPolicy({ webAssembly: false })).get('script-src')).toEqual(["'self'"]);
  });
});

describe('the Content-Security-Policy and security headers', () => {
  test('the site built with a _headers file and pages', () => {
    expect(existsSync(join(builtSiteDir(), '_headers')), 'dist/_headers').toBe(true);
    expect(pages.length).toBeGreaterThan(0);
  });

  test('_headers stays within what static hosts accept (Cloudflare Pages: 100 rules, 2,000 characters a line)', () => {
    expect(rules.length).toBeLessThanOrEqual(100);
    const long = rules.flatMap((rule) => rule.headers.filter(([name, value]) => `  ${name}: ${value}`.length > 2000).map(([name]) => `${rule.pattern} ${name}`));
    expect(long).toEqual([]);
  });

  test.for(pages.map((page) => [page.path, page.file]))('%s has a strict policy in a meta tag and no inline code', async ([path, file]) => {
    const html = await readFile(file, 'utf8');
    const { document } = parseHTML(html);
    const metas = [...document.querySelectorAll('meta[http-equiv]')].filter((meta) => meta.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
    expect(metas, 'one CSP meta tag').toHaveLength(1);
    const meta = metas[0]!;
    const head = document.head;
    const governed = [...head.children].findIndex((element) => ['script', 'style', 'link'].includes(element.localName));
    expect(governed === -1 || [...head.children].indexOf(meta) < governed, 'the CSP meta tag comes before any script, style or link').toBe(true);
    const policy = meta.getAttribute('content')!;
    expect(strictnessProblems(policy), path).toEqual([]);
    expect(directives(policy).has('frame-ancestors'), 'frame-ancestors is ignored (and logged as an error) in a meta tag').toBe(false);
    expect(inlineCodeIn(fromHtml(html)), 'inline code never runs under this policy: use a script file').toEqual([]);
  });

  test.for(files.map((path) => [path.replace(/(^|\/)index\.html$/, '$1')]))('%s is served with the security headers from _headers', ([path]) => {
    const headers = headersFor(rules, path);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    if (/^\/(_astro|pagefind)\//.test(path)) return; // scripts, styles and search data: not documents
    const policy = headers.get('content-security-policy');
    expect(policy, `no Content-Security-Policy rule in _headers matches ${path}`).toBeDefined();
    expect(policy, 'one policy, not several merged by overlapping rules').not.toMatch(/,/);
    expect(strictnessProblems(policy!)).toEqual([]);
    const embed = path.startsWith('/embed/');
    expect(directives(policy!).get('frame-ancestors')).toEqual(embed ? ['*'] : ["'self'"]);
    expect(headers.get('x-frame-options')).toBe(embed ? undefined : 'SAMEORIGIN');
  });
});
