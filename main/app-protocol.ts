import { readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep, isAbsolute } from 'node:path';
import type { Protocol } from 'electron';

/*
 * The renderer is served from a privileged custom scheme, `app://bundle/...`, not from file://: it gives
 * IndexedDB a stable origin (the committee's records live there), lets MapLibre fetch its worker, and lets
 * main attach a Content-Security-Policy header to every document and worker it serves.
 *
 * Only files inside one folder are served: the built renderer (out/renderer). The sample basin in data/ is the
 * renderer's Vite public folder, so the build copies it into out/renderer and it is served from there too
 * (app://bundle/<file>), exactly as the web build serves it; there is no second root to guard.
 */

/** Scheme of the renderer's URLs. */
export const APP_SCHEME = 'app';
/** Host of the renderer's URLs; any other host answers 404. */
export const APP_HOST = 'bundle';
/** Origin of the renderer: the only origin the window may navigate to or receive IPC from. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** URL the window loads at start. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Content types by file extension; anything else is served as application/octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/vnd.pmtiles',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

/** Registers `app://` as a standard, secure scheme with fetch and CORS; must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
    },
  ]);
}

/** Where a request URL points: a file inside the root, or the status to answer. */
export type BundlePath = { ok: true; filePath: string } | { ok: false; status: 403 | 404 };

const FORBIDDEN_IN_SEGMENT = /[\\/\0:]/;

/**
 * Maps an `app://bundle/...` URL to a file under `rootDir`, refusing anything that could leave it. The raw URL
 * is examined, not a normalised one, so `..`, `%2e%2e`, encoded slashes or backslashes, drive letters and null
 * bytes are refused (403) even if a caller passes them through unparsed. `/` serves index.html.
 */
export function resolveBundlePath(rootDir: string, url: string): BundlePath {
  const prefix = `${APP_ORIGIN}/`;
  if (!url.toLowerCase().startsWith(prefix)) return { ok: false, status: 404 };
  const rawPath = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\')) return { ok: false, status: 403 };
  const rawSegments = rawPath === '' ? ['index.html'] : rawPath.split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 403 };
    }
    if (segment === '..' || segment === '.' || FORBIDDEN_IN_SEGMENT.test(segment)) return { ok: false, status: 403 };
    if (segment === '') return { ok: false, status: 404 };
    segments.push(segment);
  }
  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    return { ok: false, status: 403 };
  }
  return { ok: true, filePath };
}

/** The part of a fetch Request the handler reads (Electron passes a full Request). */
export type AppRequest = Pick<Request, 'url' | 'method'>;

/** What the handler needs: the folder to serve, a file reader, and the current CSP (it changes with tile origins). */
export interface AppProtocolOptions {
  readonly rootDir: string;
  readonly contentSecurityPolicy: () => string;
  readonly readFile?: (filePath: string) => Promise<Uint8Array>;
}

function contentTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Builds the `app://` request handler: GET/HEAD of files under the root, with CSP and nosniff on each answer. */
export function createAppRequestHandler(options: AppProtocolOptions): (request: AppRequest) => Promise<Response> {
  const read = options.readFile ?? ((filePath: string) => readFile(filePath));
  return async (request) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
    }
    const target = resolveBundlePath(options.rootDir, request.url);
    if (!target.ok) return new Response(null, { status: target.status, headers });
    let bytes: Uint8Array;
    try {
      bytes = await read(target.filePath);
    } catch {
      return new Response(null, { status: 404, headers });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': contentTypeOf(target.filePath),
        'Content-Length': String(bytes.byteLength),
        'Content-Security-Policy': options.contentSecurityPolicy(),
      },
    });
  };
}

/** Installs the handler for `app://` on the default session's protocol. */
export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  handler: (request: AppRequest) => Promise<Response>,
): void {
  protocol.handle(APP_SCHEME, handler);
}
