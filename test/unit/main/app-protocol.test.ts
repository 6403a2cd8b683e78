import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  createAppRequestHandler,
  registerAppScheme,
  resolveBundlePath,
  serveAppProtocol,
} from '../../../main/app-protocol';

// A renderer build next to a secret file it must never serve.
const base = mkdtempSync(join(tmpdir(), 'wsc-protocol-'));
const rootDir = join(base, 'renderer');
mkdirSync(join(rootDir, 'assets'), { recursive: true });
writeFileSync(join(rootDir, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(rootDir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(rootDir, 'assets', 'worker.mjs'), 'self.onmessage = () => {}');
writeFileSync(join(rootDir, 'assets', 'style.css'), 'body{}');
writeFileSync(join(rootDir, 'sample-basin.geojson'), '{"type":"FeatureCollection","features":[]}');
writeFileSync(join(rootDir, 'relief.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
writeFileSync(join(base, 'secret.txt'), 'committee passwords');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const policy = "default-src 'self'";
const handle = createAppRequestHandler({ rootDir, contentSecurityPolicy: () => policy });
const get = (url: string) => handle({ url, method: 'GET' });

describe('app:// scheme registration', () => {
  it('registers app as standard, secure, fetch- and CORS-enabled before ready', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([
      [
        {
          scheme: 'app',
          privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }),
        },
      ],
    ]);
  });

  it('installs the handler for the app scheme', () => {
    const installed: string[] = [];
    serveAppProtocol({ handle: (scheme) => void installed.push(scheme) }, handle);
    expect(installed).toEqual(['app']);
  });
});

describe('serving the renderer build', () => {
  it('serves index.html at the entry URL as UTF-8 HTML with the CSP header', async () => {
    const response = await get(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('serves index.html for the bare origin', async () => {
    expect((await get('app://bundle/')).status).toBe(200);
  });

  it.each([
    ['app://bundle/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://bundle/assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['app://bundle/assets/style.css', 'text/css; charset=utf-8'],
    ['app://bundle/sample-basin.geojson', 'application/geo+json; charset=utf-8'],
    ['app://bundle/relief.png', 'image/png'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('ignores query strings and fragments', async () => {
    expect((await get('app://bundle/assets/style.css?v=2#x')).status).toBe(200);
  });

  it('decodes percent-encoded names', async () => {
    writeFileSync(join(rootDir, 'cuenca río.json'), '{}');
    expect((await get('app://bundle/cuenca%20r%C3%ADo.json')).status).toBe(200);
  });

  it('reads the CSP at each request, so new tile origins apply to the next load', async () => {
    let current = 'a';
    const dynamic = createAppRequestHandler({ rootDir, contentSecurityPolicy: () => current });
    current = 'b';
    const response = await dynamic({ url: APP_ENTRY_URL, method: 'GET' });
    expect(response.headers.get('content-security-policy')).toBe('b');
  });

  it('answers HEAD without a body', async () => {
    const response = await handle({ url: APP_ENTRY_URL, method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses POST with 405', async () => {
    expect((await handle({ url: APP_ENTRY_URL, method: 'POST' })).status).toBe(405);
  });

  it('answers 404 for a missing file', async () => {
    expect((await get('app://bundle/nothing.js')).status).toBe(404);
  });

  it('answers 404 for a folder', async () => {
    expect((await get('app://bundle/assets')).status).toBe(404);
  });

  it('answers 404 for another host', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
  });
});

describe('refusing paths outside the build', () => {
  it.each([
    ['dot-dot segment', 'app://bundle/../secret.txt'],
    ['dot-dot inside a folder', 'app://bundle/assets/../../secret.txt'],
    ['encoded dots', 'app://bundle/%2e%2e/secret.txt'],
    ['upper-case encoded dots', 'app://bundle/%2E%2E/secret.txt'],
    ['encoded slash', 'app://bundle/..%2fsecret.txt'],
    ['encoded slash in a name', 'app://bundle/assets%2f..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://bundle/..%5csecret.txt'],
    ['raw backslash', 'app://bundle/..\\secret.txt'],
    ['double-encoded dots decode once to a literal name', 'app://bundle/%252e%252e/secret.txt'],
    ['absolute path', `app://bundle/${encodeURIComponent(join(base, 'secret.txt'))}`],
    ['drive letter', 'app://bundle/C:/Windows/win.ini'],
    ['null byte', 'app://bundle/index.html%00.png'],
    ['single dot segment', 'app://bundle/./index.html'],
    ['malformed escape', 'app://bundle/%E0%A4%A'],
  ])('%s never serves the secret', async (_name, url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('committee passwords');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/..\\secret.txt',
    'app://bundle/index.html%00.png',
  ])('answers 403 to the traversal attempt %s', async (url) => {
    expect((await get(url)).status).toBe(403);
  });

  it('maps a safe URL to a file under the root', () => {
    expect(resolveBundlePath(rootDir, 'app://bundle/assets/index-abc.js')).toEqual({
      ok: true,
      filePath: join(rootDir, 'assets', 'index-abc.js'),
    });
  });
});
