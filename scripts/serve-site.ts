import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * `npm run serve`: serves the built dist/ on http://localhost:4321 with the
 * headers a static host would send (from dist/_headers when it exists).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

export function serveSite({ root = resolve(process.env.SITE_OUT_DIR ?? 'dist'), port = Number(process.env.PORT ?? 4321), host = '127.0.0.1' } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      if (!extname(path) && !path.endsWith('/')) return void response.writeHead(301, { Location: `${path}/` }).end();
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      return void createReadStream(join(root, '404.html')).on('error', () => response.end('Not found')).pipe(response);
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise<typeof server>((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.main) {
  const server = await serveSite();
  const address = server.address();
  console.log(`Serving dist/ on http://localhost:${typeof address === 'object' && address ? address.port : 4321}/ (Ctrl+C to stop)`);
}
