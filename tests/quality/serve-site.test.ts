import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveSite } from '../../scripts/serve-site.ts';
import { directoryLocation, readRequestPath } from '../../scripts/serve/request-path.ts';
import { builtSiteDir } from '../support/built-site.ts';

// `npm run serve` as a client that means harm would use it: the real server
// process on the built site, sent requests no browser sends, byte for byte
// over a socket. It must answer each (400 for what cannot be a path), never
// redirect off the site, never serve _headers or a file outside dist/, put
// the security headers on every answer, and still be running at the end.

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

let server: ChildProcess;
let port: number;
let output = '';

/** Sends one request exactly as given; resolves with the parsed answer, or undefined if the server closed without one. */
function send(request: string | Buffer): Promise<RawResponse | undefined> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => {
      socket.destroy();
      fail(new Error(`no answer within 10 s to ${JSON.stringify(String(request).slice(0, 80))}`));
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (!text.startsWith('HTTP/1.1 ') || end < 0) return done(undefined);
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers = new Map<string, string>();
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        headers.set(name, headers.has(name) ? `${headers.get(name)}, ${line.slice(colon + 1).trim()}` : line.slice(colon + 1).trim());
      }
      done({ status: Number(statusLine!.split(' ')[1]), headers, body: text.slice(end + 4) });
    });
    // Written, not ended: a client that half-closes its socket has given up on the answer.
    socket.write(request);
  });
}

const get = (target: string, method = 'GET', extra = '') => send(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`);

/** What every answer must carry, whatever it is. */
function securityHeaderProblems(response: RawResponse, { embed = false } = {}) {
  const problems: string[] = [];
  const { headers } = response;
  if (headers.get('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  if (!headers.get('referrer-policy')) problems.push('no Referrer-Policy');
  const policy = headers.get('content-security-policy');
  if (!policy) problems.push('no Content-Security-Policy');
  else {
    if (!policy.includes("default-src 'none'") || /unsafe-inline|sha256-/.test(policy)) problems.push(`a weak policy: ${policy}`);
    if (!policy.includes(embed ? 'frame-ancestors *' : "frame-ancestors 'self'")) problems.push(`wrong frame-ancestors: ${policy}`);
  }
  if (!embed && headers.get('x-frame-options') !== 'SAMEORIGIN') problems.push('no X-Frame-Options: SAMEORIGIN');
  if (headers.has('set-cookie')) problems.push('a Set-Cookie header was injected');
  return problems;
}

/** What a leaked file would show. */
const LEAKS = ['"name": "manchester-childrens-services-record"', 'Written by scripts/finish-steps/security-headers.ts', 'root:x:0:0'];

beforeAll(async () => {
  server = spawn(process.execPath, ['scripts/serve-site.ts'], { env: { ...process.env, SITE_OUT_DIR: builtSiteDir(), PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr!.on('data', (chunk) => (output += chunk));
  port = await new Promise<number>((done, fail) => {
    server.stdout!.on('data', (chunk) => {
      output += chunk;
      const found = /http:\/\/localhost:(\d+)\//.exec(output);
      if (found) done(Number(found[1]));
    });
    server.on('exit', (code) => fail(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('npm run serve, asked as a browser would', () => {
  test('pages answer 200 with their security headers; embeds may be framed by anyone', async () => {
    for (const path of ['/', '/index.html', '/documents/', '/timeline/']) {
      const response = (await get(path))!;
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(securityHeaderProblems(response), path).toEqual([]);
    }
    const embed = (await get('/embed/timeline/'))!;
    expect(embed.status).toBe(200);
    expect(securityHeaderProblems(embed, { embed: true })).toEqual([]);
    expect(embed.headers.has('x-frame-options')).toBe(false);
  });

  test('a directory without its slash is redirected on this site, keeping a plain query', async () => {
    const plain = (await get('/about'))!;
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toBe('/about/');
    const redirect = (await get('/about?theme=dark'))!;
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/about/?theme=dark');
    expect(securityHeaderProblems(redirect)).toEqual([]);
    expect((await get('/about?<script>'))!.headers.get('location')).toBe('/about/');
  });

  test('a missing page is the site’s 404 page, with the headers of a page', async () => {
    const response = (await get('/no-such-page/'))!;
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html');
    expect(securityHeaderProblems(response)).toEqual([]);
  });

  test('text is compressed for clients that accept it; HEAD has no body', async () => {
    const brotli = (await get('/', 'GET', 'Accept-Encoding: br, gzip\r\n'))!;
    expect(brotli.headers.get('content-encoding')).toBe('br');
    const gzip = (await get('/', 'GET', 'Accept-Encoding: gzip\r\n'))!;
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const head = (await get('/', 'HEAD'))!;
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('npm run serve, sent hostile requests', () => {
  const battery: [name: string, request: string | Buffer, status: number[]][] = [
    ['a lone %', 'GET /% HTTP/1.1', [400]],
    ['%zz', 'GET /%zz HTTP/1.1', [400]],
    ['a cut-off UTF-8 sequence', 'GET /%E0%A4%A HTTP/1.1', [400]],
    ['an overlong UTF-8 encoding of /', 'GET /%C0%AF HTTP/1.1', [400]],
    ['a lone surrogate', 'GET /%ED%A0%80 HTTP/1.1', [400]],
    ['a euro sign, encoded', 'GET /%E2%82%AC HTTP/1.1', [404]],
    ['a directory with an accent, encoded and missing its slash', 'GET /documents/caf%C3%A9 HTTP/1.1', [404]],
    ['raw UTF-8 bytes in the path', Buffer.from('GET /documents/café HTTP/1.1', 'utf8'), [400, 404]],
    ['CRLF in the path (header injection)', 'GET /about%0d%0aSet-Cookie:%20x=1 HTTP/1.1', [400]],
    ['CRLF in the path without its slash', 'GET /documents%0d%0aLocation:%20https://evil.example/ HTTP/1.1', [400]],
    ['a NUL byte', 'GET /index.html%00.png HTTP/1.1', [400]],
    ['an encoded slash to another host', 'GET /%2Fevil.example HTTP/1.1', [404]],
    ['a double slash to another host', 'GET //evil.example HTTP/1.1', [404]],
    ['a double slash to another host, missing its slash', 'GET //evil.example/about HTTP/1.1', [404]],
    ['a backslash to another host', 'GET /\\evil.example HTTP/1.1', [400]],
    ['an encoded backslash to another host', 'GET /%5Cevil.example HTTP/1.1', [400]],
    ['an absolute URL as the target', 'GET http://evil.example/about HTTP/1.1', [400]],
    ['"*" as the target', 'GET * HTTP/1.1', [400]],
    ['.. out of the site', 'GET /../package.json HTTP/1.1', [400]],
    ['.. deeper', 'GET /documents/../../package.json HTTP/1.1', [400]],
    ['encoded dots', 'GET /%2e%2e/package.json HTTP/1.1', [400]],
    ['encoded dots and slash', 'GET /%2e%2e%2fpackage.json HTTP/1.1', [400]],
    ['dots and an encoded slash', 'GET /x/..%2f_headers HTTP/1.1', [400]],
    ['dots and an encoded backslash', 'GET /..%5c..%5cpackage.json HTTP/1.1', [400]],
    ['double-encoded dots', 'GET /%252e%252e/%252e%252e/package.json HTTP/1.1', [404]],
    ['an absolute file path', 'GET /etc/passwd HTTP/1.1', [404]],
    ['the host configuration', 'GET /_headers HTTP/1.1', [404]],
    ['the host configuration with a slash', 'GET /_headers/ HTTP/1.1', [404]],
    ['the host configuration, encoded', 'GET /%5fheaders HTTP/1.1', [404]],
    ['the host configuration under a folder', 'GET /documents/_headers HTTP/1.1', [404]],
    ['a dotfile', 'GET /.env HTTP/1.1', [404]],
    ['a dot folder', 'GET /.git/config HTTP/1.1', [404]],
    ['POST', 'POST / HTTP/1.1', [405]],
    ['PUT', 'PUT /index.html HTTP/1.1', [405]],
    ['DELETE', 'DELETE /index.html HTTP/1.1', [405]],
    ['PATCH', 'PATCH / HTTP/1.1', [405]],
    ['OPTIONS', 'OPTIONS * HTTP/1.1', [405]],
    ['TRACE', 'TRACE / HTTP/1.1', [405]],
    ['PROPFIND', 'PROPFIND / HTTP/1.1', [405]],
    ['a made-up method', 'BREW / HTTP/1.1', [400, 405]],
    ['a URL of 8,000 characters', `GET /${'a'.repeat(8000)} HTTP/1.1`, [404]],
    ['a URL of 100,000 characters', `GET /${'%'.repeat(100_000)} HTTP/1.1`, [400, 431]],
    ['a request line that is not HTTP', 'GARBAGE', [400]],
    ['HTTP/1.0 without Host', 'GET /about HTTP/1.0', [301]],
  ];

  test.each(battery)('%s: answered with the security headers, nothing leaked, no redirect off the site', async (_name, requestLine, statuses) => {
    const request = Buffer.concat([Buffer.isBuffer(requestLine) ? requestLine : Buffer.from(requestLine, 'latin1'), Buffer.from('\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')]);
    const response = await send(String(requestLine) === 'GARBAGE' ? Buffer.from('GARBAGE\r\n\r\n') : request);
    expect(response, 'an HTTP answer, not a closed socket').toBeDefined();
    expect(statuses).toContain(response!.status);
    expect(securityHeaderProblems(response!)).toEqual([]);
    const location = response!.headers.get('location');
    if (location !== undefined) expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    for (const leak of LEAKS) expect(response!.body).not.toContain(leak);
    expect(server.exitCode, output).toBeNull();
  });

  test('CONNECT gets no tunnel', async () => {
    const response = await send('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n');
    expect(response?.status ?? 'closed').not.toBe(200);
  });

  test('after all that, the server is still running and answers', async () => {
    expect(server.exitCode, output).toBeNull();
    const home = (await get('/'))!;
    expect(home.status).toBe(200);
    expect(home.body).toContain('<html');
    expect(output).not.toMatch(/Error|ERR_/);
  });
});

describe('readRequestPath and directoryLocation', () => {
  test('decode once, refuse what no browser sends, keep only a plain query', () => {
    expect(readRequestPath('/documents/caf%C3%A9/?q=1')).toEqual({ ok: true, path: '/documents/café/', query: '?q=1' });
    expect(readRequestPath('/a?x="y"')).toEqual({ ok: true, path: '/a', query: '' });
    expect(readRequestPath('/%')).toMatchObject({ ok: false, status: 400 });
    expect(readRequestPath('/a/%2e%2e/b')).toMatchObject({ ok: false, status: 400 });
    expect(readRequestPath('/a/.hidden')).toMatchObject({ ok: false, status: 404 });
  });

  test('a redirect is always one slash and an encoded path of ours', () => {
    expect(directoryLocation('/documents/café', '')).toBe('/documents/caf%C3%A9/');
    expect(() => directoryLocation('//evil.example', '')).toThrow();
    expect(() => directoryLocation('/', '')).toThrow();
  });
});

describe('serveSite when a build replaces the site', () => {
  test('serves the new build’s files without a restart', async () => {
    await mkdir(resolve('.build'), { recursive: true });
    const work = await mkdtemp(join(resolve('.build'), 'serve-swap-'));
    const root = join(work, 'dist');
    await cp(builtSiteDir(), root, { recursive: true });
    const local = await serveSite({ root, port: 0 });
    const { port: localPort } = local.address() as AddressInfo;
    try {
      expect((await fetch(`http://127.0.0.1:${localPort}/added.txt`)).status).toBe(404);
      // What scripts/build-site.ts does: a new directory renamed into place.
      await cp(root, join(work, 'next'), { recursive: true });
      await writeFile(join(work, 'next', 'added.txt'), 'new build\n');
      await rename(root, join(work, 'previous'));
      await rename(join(work, 'next'), root);
      await rm(join(work, 'previous'), { recursive: true });
      const added = await fetch(`http://127.0.0.1:${localPort}/added.txt`);
      expect(added.status).toBe(200);
      expect(await added.text()).toBe('new build\n');
      expect(await readFile(join(root, 'added.txt'), 'utf8')).toBe('new build\n');
    } finally {
      await new Promise((done) => local.close(done));
      await rm(work, { recursive: true, force: true });
    }
  });
});
