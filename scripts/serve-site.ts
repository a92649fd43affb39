import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { createBrotliCompress, createGzip } from 'node:zlib';

/**
 * `npm run serve`: serves the built dist/ on http://localhost:4321 the way a
 * static host does, so the browser tests and the benchmark see what readers
 * will: the headers in dist/_headers (Content-Security-Policy and friends,
 * Netlify/Cloudflare format), brotli or gzip for text, a redirect from
 * `/page` to `/page/`, and 404.html for anything missing.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.csv', '.svg', '.xml', '.txt', '.webmanifest']);

/** One block of a `_headers` file: a path pattern and the headers it sets. */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/**
 * Parses a `_headers` file: a path on its own line, then indented
 * `Name: value` lines; `#` starts a comment.
 * @see https://docs.netlify.com/manage/routing/headers/
 * @see https://developers.cloudflare.com/pages/configuration/headers/
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is not "Name: value" under a path`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a rule's path pattern matches a request path: `*` is a splat, `:name` one segment. */
export function patternMatches(pattern: string, path: string) {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The headers every matching rule sets for a path. A header set by two
 * matching rules is joined with a comma, as Cloudflare Pages does; our
 * `_headers` never relies on that (see scripts/finish-steps/security-headers.ts).
 */
export function headersFor(rules: HeaderRule[], path: string) {
  const headers = new Map<string, string>();
  for (const rule of rules.filter((candidate) => patternMatches(candidate.pattern, path))) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

async function readRules(root: string) {
  try {
    return parseHeadersFile(await readFile(join(root, '_headers'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function encodingFor(acceptEncoding: string | undefined, ext: string) {
  if (!COMPRESSIBLE.has(ext) || !acceptEncoding) return undefined;
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return undefined;
}

export function serveSite({ root = resolve(process.env.SITE_OUT_DIR ?? 'dist'), port = Number(process.env.PORT ?? 4321), host = '127.0.0.1' } = {}) {
  root = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(403).end();
    // The _headers file configures the host; hosts never serve it.
    if (path === '/_headers') file = join(root, '.missing');
    const rules = await readRules(root);
    const send = (status: number, headers: OutgoingHttpHeaders, body?: string) => {
      const fromRules = Object.fromEntries(headersFor(rules, path));
      response.writeHead(status, { ...fromRules, ...headers });
      response.end(body);
    };
    try {
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) return send(301, { Location: `${path}/` });
        file = join(file, 'index.html');
      }
      await stat(file);
    } catch {
      if (!extname(path) && !path.endsWith('/')) return send(301, { Location: `${path}/` });
      file = join(root, '404.html');
      try {
        await stat(file);
      } catch {
        return send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
      }
      response.statusCode = 404;
    }
    const ext = extname(file);
    const encoding = encodingFor(request.headers['accept-encoding'], ext);
    const headers: OutgoingHttpHeaders = {
      ...Object.fromEntries(headersFor(rules, path)),
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      ...(COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    };
    response.writeHead(response.statusCode === 404 ? 404 : 200, headers);
    if (request.method === 'HEAD' || response.destroyed) return void response.end();
    const body = createReadStream(file);
    // A reader who navigates away mid-response closes the socket: not an error.
    const onError = () => undefined;
    if (encoding === 'br') pipeline(body, createBrotliCompress(), response, onError);
    else if (encoding === 'gzip') pipeline(body, createGzip(), response, onError);
    else pipeline(body, response, onError);
  });
  return new Promise<typeof server>((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.main) {
  const server = await serveSite();
  const address = server.address();
  console.log(`Serving dist/ on http://localhost:${typeof address === 'object' && address ? address.port : 4321}/ (Ctrl+C to stop)`);
}
