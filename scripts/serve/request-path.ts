/**
 * What a request asks for, read the way a careful static host reads it, or
 * why it is refused. Everything a client controls is checked here, before
 * any file is looked up or any header written from it.
 */
export type RequestPath =
  | { ok: true; /** Decoded path, e.g. `/documents/café/`. */ path: string; /** The query as sent, if it is safe to echo in a redirect. */ query: string }
  | { ok: false; status: 400 | 404; reason: string };

/** Files that configure the host: hosts never serve them. */
export const HOST_FILES = new Set(['_headers', '_redirects']);

/** A query of the characters RFC 3986 allows unencoded: it can go into a Location header as it is. */
const SAFE_QUERY = /^\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/;

/**
 * @example readRequestPath('/documents/x/?q=1') // { ok: true, path: '/documents/x/', query: '?q=1' }
 * @example readRequestPath('/%E0%A4%A') // { ok: false, status: 400, … }
 */
export function readRequestPath(target: string): RequestPath {
  // Origin-form only: no "http://other/…" (absolute-form), no "*".
  if (!target.startsWith('/')) return { ok: false, status: 400, reason: 'the request target is not a path' };
  const queryAt = target.search(/[?#]/);
  const raw = queryAt < 0 ? target : target.slice(0, queryAt);
  const sentQuery = target.slice(raw.length).split('#')[0]!;
  const query = SAFE_QUERY.test(sentQuery) ? sentQuery : '';
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400, reason: 'the path has malformed percent-encoding' };
  }
  // Checked after decoding, so that %2e%2e, %2f and %0d%0a count as what they are.
  if (/[\u0000-\u001f\u007f]/.test(path)) return { ok: false, status: 400, reason: 'the path has control characters' };
  if (path.includes('\\')) return { ok: false, status: 400, reason: 'the path has a backslash' };
  const segments = path.split('/').slice(1);
  // Browsers resolve "." and ".." before sending; only a hand-made request has them.
  if (segments.some((segment) => segment === '.' || segment === '..')) return { ok: false, status: 400, reason: 'the path has "." or ".." segments' };
  if (segments.some((segment) => segment.startsWith('.') || HOST_FILES.has(segment))) return { ok: false, status: 404, reason: 'dotfiles and host configuration are never served' };
  return { ok: true, path, query };
}

/**
 * The address to redirect a directory's path to (`/about` → `/about/`):
 * always one leading slash then a path of ours, percent-encoded, so it can
 * never point at another site (`//evil/`) or break a header line.
 */
export function directoryLocation(path: string, query: string): string {
  const segments = path.split('/').slice(1);
  if (!segments.length || segments.some((segment) => !segment)) throw new Error(`not a directory path of the site: ${JSON.stringify(path)}`);
  return `/${segments.map(encodeURIComponent).join('/')}/${query}`;
}
