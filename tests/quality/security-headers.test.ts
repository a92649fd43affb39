import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, inlineHashesOf, withPolicyMeta } from '../../scripts/finish-steps/security-headers.ts';
import { headersFor, parseHeadersFile } from '../../scripts/serve-site.ts';
import { builtPages, builtSiteDir, builtSiteDirOrUndefined } from '../support/built-site.ts';

// A strict Content-Security-Policy on every page, as a meta tag and in the
// _headers file static hosts read; frame-ancestors: anyone on /embed/*,
// only the site elsewhere; and the other security headers everywhere.
const dir = builtSiteDirOrUndefined();
const pages = await builtPages();
const rules = dir && existsSync(join(dir, '_headers')) ? parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8')) : [];

/** A policy as a map from directive to its source list. */
const directives = (policy: string) =>
  new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name, ...sources] = part.split(/\s+/);
    return [name!.toLowerCase(), sources] as const;
  }));

function strictnessProblems(policy: string) {
  const problems: string[] = [];
  const parsed = directives(policy);
  if (/'unsafe-inline'/.test(policy)) problems.push("'unsafe-inline' is not allowed: hash inline code instead");
  if (/'unsafe-eval'/.test(policy)) problems.push("'unsafe-eval' is not allowed");
  if (parsed.get('default-src')?.join(' ') !== "'none'") problems.push("default-src must be 'none'");
  for (const directive of ['script-src', 'style-src']) {
    for (const source of parsed.get(directive) ?? []) {
      if (!/^'(self|sha(256|384|512)-[A-Za-z0-9+/=]+|wasm-unsafe-eval)'$/.test(source)) problems.push(`${directive} allows ${source}: only 'self' and hashes`);
    }
  }
  return problems;
}

describe('the security-headers finishing step', () => {
  test('hashes inline scripts and styles as the browser sees them, including SVG styles with character references', () => {
    const html = '<head><meta charset="utf-8"></head><script>a()</script><script src="/x.js"></script><style>p{}</style><svg><style>a &gt; b{}</style></svg><p style="color: red">';
    const hashes = inlineHashesOf(html);
    // printf 'a()' | openssl dgst -sha256 -binary | base64
    expect(hashes.scripts).toEqual(new Set(["'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"]));
    expect(hashes.styles.size).toBe(2);
    expect(hashes.styles).toContain(inlineHashesOf('<style>a > b{}</style>').styles.values().next().value);
    expect(hashes.styleAttributes.size).toBe(1);
    const page = withPolicyMeta(html, contentSecurityPolicy(hashes, { webAssembly: false }));
    expect(page).toMatch(/^<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self' 'sha256-/);
    expect(page).toContain("style-src-attr 'unsafe-hashes' 'sha256-");
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
    expect(long, 'too many inline hashes for one header: move inline <style>/<script> into the site’s CSS/JS files').toEqual([]);
  });

  test.for(pages.map((page) => [page.path, page.file]))('%s has a strict policy in a meta tag that allows exactly its inline code', async ([path, file]) => {
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
    const hashes = inlineHashesOf(html);
    const allowed = directives(policy);
    for (const hash of hashes.scripts) expect(allowed.get('script-src'), 'inline script hash').toContain(hash);
    for (const hash of hashes.styles) expect(allowed.get('style-src'), 'inline style hash').toContain(hash);
    for (const hash of hashes.styleAttributes) expect(allowed.get('style-src-attr'), 'style attribute hash').toContain(hash);
    const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `<${element.localName} ${attribute.name}>`));
    expect(handlers, 'inline event handlers never run under this policy: use a script file').toEqual([]);
  });

  test.for(pages.map((page) => [page.path, page.file]))('%s is served with a strict policy, framing rules and security headers from _headers', async ([path, file]) => {
    const headers = headersFor(rules, path);
    const policy = headers.get('content-security-policy');
    expect(policy, `no Content-Security-Policy rule in _headers matches ${path}`).toBeDefined();
    expect(policy, 'one policy, not several merged by overlapping rules').not.toMatch(/,/);
    expect(strictnessProblems(policy!)).toEqual([]);
    expect(directives(policy!).get('frame-ancestors')).toEqual(path.startsWith('/embed/') ? ['*'] : ["'self'"]);
    const html = await readFile(file, 'utf8');
    const hashes = inlineHashesOf(html);
    const allowed = directives(policy!);
    for (const hash of hashes.scripts) expect(allowed.get('script-src'), 'inline script hash').toContain(hash);
    for (const hash of hashes.styles) expect(allowed.get('style-src'), 'inline style hash').toContain(hash);
    for (const hash of hashes.styleAttributes) expect(allowed.get('style-src-attr'), 'style attribute hash').toContain(hash);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  });
});
