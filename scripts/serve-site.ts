import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, type HeaderRule } from './serve/headers-file.ts';
import { directoryLocation, HOST_FILES, readRequestPath } from './serve/request-path.ts';

export { headersFor, parseHeadersFile, patternMatches, type HeaderRule } from './serve/headers-file.ts';

/**
 * `npm run serve`: serves the built dist/ on http://localhost:4321 the way a
 * static host does, so the browser tests and the benchmark see what readers
 * will: the headers in dist/_headers (Content-Security-Policy and friends,
 * Netlify/Cloudflare format) on every response, errors and redirects
 * included; brotli or gzip for text; a redirect from `/page` to `/page/`;
 * 404.html for anything missing; 400 for a request no browser would send.
 *
 * Files are streamed by sirv, from the list of files it takes when the site
 * is loaded; this module only decides, from that list, what a request may
 * have. The site is loaded again when dist/ is replaced by a new build.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm',
};
const METHODS = ['GET', 'HEAD'];
const STATUS_TEXT: Record<number, string> = { 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed', 500: 'Server error' };
/** What an error page of the site is served with: its own rules, as hosts do for 404.html. */
const ERROR_PAGE = '/404.html';

/** A built site as the server sees it: its files and its header rules. */
interface LoadedSite {
  /** Identity of the directory: a new build is swapped in as a new directory. */
  inode: number;
  files: Set<string>;
  rules: HeaderRule[];
  notFoundPage?: Buffer;
  serveFile: ReturnType<typeof sirv>;
}

function loadSite(root: string): LoadedSite {
  const { ino } = statSync(root);
  const files = new Set<string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`;
    if (path.split('/').some((segment) => segment.startsWith('.') || HOST_FILES.has(segment))) continue;
    files.add(path);
  }
  const rulesText = (() => {
    try {
      return readFileSync(join(root, '_headers'), 'utf8');
    } catch {
      return '';
    }
  })();
  const notFoundPage = files.has(ERROR_PAGE) ? readFileSync(join(root, ERROR_PAGE)) : undefined;
  return { inode: ino, files, rules: parseHeadersFile(rulesText), notFoundPage, serveFile: sirv(root, { etag: true, extensions: [], dotfiles: false }) };
}

function setHeaders(response: ServerResponse, headers: Map<string, string>) {
  for (const [name, value] of headers) response.setHeader(name, value);
}

export function serveSite({ root = resolve(process.env.SITE_OUT_DIR ?? 'dist'), port = Number(process.env.PORT ?? 4321), host = '127.0.0.1' } = {}) {
  root = resolve(root);
  let site = loadSite(root);
  const compress = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

  /** The loaded site, loaded again if a build has replaced dist/ since. */
  const current = () => {
    const inode = statSync(root, { throwIfNoEntry: false })?.ino;
    if (inode !== undefined && inode !== site.inode) site = loadSite(root);
    return site;
  };

  /** An answer that is not a file of the site: the error page's headers, whatever was asked. */
  const refuse = (response: ServerResponse, { rules, notFoundPage }: LoadedSite, status: number, extra: Record<string, string> = {}) => {
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    setHeaders(response, headersFor(rules, ERROR_PAGE));
    for (const [name, value] of Object.entries(extra)) response.setHeader(name, value);
    const page = status === 404 && notFoundPage;
    response.setHeader('Content-Type', page ? TYPES['.html']! : TYPES['.txt']!);
    response.statusCode = status;
    response.end(page || (status === 301 ? '' : `${STATUS_TEXT[status] ?? 'Error'}\n`));
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const loaded = current();
    if (!METHODS.includes(request.method ?? '')) return refuse(response, loaded, 405, { Allow: METHODS.join(', ') });
    const target = readRequestPath(request.url ?? '');
    if (!target.ok) return refuse(response, loaded, target.status);
    const { path, query } = target;
    const file = path.endsWith('/') ? `${path}index.html` : path;
    if (!loaded.files.has(file)) {
      if (!path.endsWith('/') && loaded.files.has(`${path}/index.html`)) return refuse(response, loaded, 301, { Location: directoryLocation(path, query) });
      return refuse(response, loaded, 404);
    }
    setHeaders(response, headersFor(loaded.rules, path));
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    // sirv is asked for exactly the file chosen here, never the client's spelling of it.
    request.url = file.split('/').map(encodeURIComponent).join('/');
    loaded.serveFile(request, response, () => refuse(response, loaded, 404));
  };

  const server = createServer((request, response) => {
    try {
      compress(request, response, () => handle(request, response));
    } catch (error) {
      // A fault of ours must not stop the server: the reader gets a 500, the log the error.
      console.error(error);
      if (!response.headersSent) refuse(response, site, 500);
      else response.destroy();
    }
  });
  // Requests Node cannot parse (a URL over 16 KB, a broken request line) are
  // answered here, still with the security headers, instead of a bare close.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const headers = [...headersFor(site.rules, ERROR_PAGE)].map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  return new Promise<typeof server>((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.main) {
  const root = resolve(process.env.SITE_OUT_DIR ?? 'dist');
  const shown = relative(process.cwd(), root).startsWith('..') ? root : relative(process.cwd(), root) || '.';
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`No built site in ${shown}/: run "npm run build" first.`);
    process.exit(1);
  }
  const server = await serveSite({ root });
  const address = server.address();
  console.log(`Serving ${shown}/ on http://localhost:${typeof address === 'object' && address ? address.port : 4321}/ (Ctrl+C to stop)`);
}
