import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  createTileOriginPolicy,
  createWindowOptions,
  hardenWebContents,
  installCspHeader,
  installPermissionPolicy,
  normalizeTileOrigins,
  type HardenableWebContents,
} from '../../../main/security';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
  };
  hardenWebContents(contents as unknown as HardenableWebContents);
  const fire = (name: string, url: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { openHandler: (url: string) => openHandler?.({ url }), fire };
}

function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('window options', () => {
  const options = createWindowOptions({ title: 'Cuenca en Común', preloadPath: '/app/out/preload/preload.cjs' });

  it('isolates the page: context isolation, sandbox, no Node, web security', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the preload from the given path', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/preload.cjs');
  });

  it('opens at 1280x800, never smaller than 900x600, titled in the user language', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 900, minHeight: 600, title: 'Cuenca en Común' });
  });

  it('paints a background colour before the page draws', () => {
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('tile origins', () => {
  it('keeps https origins, dropping path and query', () => {
    expect(normalizeTileOrigins(['https://tile.openstreetmap.org/{z}/{x}/{y}.png?key=1']).origins).toEqual([
      'https://tile.openstreetmap.org',
    ]);
  });

  it('keeps a non-default port', () => {
    expect(normalizeTileOrigins(['https://tiles.example.org:8443/']).origins).toEqual(['https://tiles.example.org:8443']);
  });

  it.each([
    'http://tile.openstreetmap.org',
    'ftp://tiles.example.org',
    'https://user:secret@tiles.example.org',
    'javascript:alert(1)',
    'not a url',
    "https://a.org; script-src 'unsafe-eval'",
  ])('rejects %s', (entry) => {
    expect(normalizeTileOrigins([entry])).toEqual({ origins: [], rejected: [entry] });
  });

  it('reports what it rejected', () => {
    expect(normalizeTileOrigins(['http://a.org', 'https://b.org']).rejected).toEqual(['http://a.org']);
  });

  it('removes duplicates', () => {
    expect(normalizeTileOrigins(['https://a.org/x', 'https://a.org/y']).origins).toEqual(['https://a.org']);
  });
});

describe('content security policy', () => {
  it('allows only the app itself when no tile origin is set', () => {
    const directives = directivesOf(buildContentSecurityPolicy([]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
  });

  it('lets images and fetches reach the tile origins, and scripts still only self', () => {
    const directives = directivesOf(buildContentSecurityPolicy(['https://tiles.example.org']));
    expect(directives.get('img-src')).toContain('https://tiles.example.org');
    expect(directives.get('connect-src')).toContain('https://tiles.example.org');
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('allows workers from self and blob only', () => {
    expect(directivesOf(buildContentSecurityPolicy([])).get('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('the policy object follows the last origins set', () => {
    const policy = createTileOriginPolicy(['https://a.org']);
    policy.set(['https://b.org']);
    expect(policy.contentSecurityPolicy()).toContain('https://b.org');
    expect(policy.contentSecurityPolicy()).not.toContain('https://a.org');
  });

  it('the header hook replaces any CSP a server sent with the current policy', () => {
    let listener: ((details: unknown, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void) | undefined;
    const session = { webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } };
    installCspHeader(session as never, () => "default-src 'self'");
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    listener?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['image/png'] } },
      (response) => (answer = response),
    );
    expect(answer.responseHeaders).toEqual({
      'Content-Type': ['image/png'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });
});

describe('navigation and popups', () => {
  it('denies every window.open', () => {
    const contents = fakeWebContents();
    expect(contents.openHandler('https://example.org')).toEqual({ action: 'deny' });
    expect(contents.openHandler('app://bundle/index.html')).toEqual({ action: 'deny' });
  });

  it('blocks navigation to another origin', () => {
    expect(fakeWebContents().fire('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('blocks navigation to a file URL', () => {
    expect(fakeWebContents().fire('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  it('blocks a look-alike host on the app scheme', () => {
    expect(fakeWebContents().fire('will-navigate', 'app://bundle.evil/index.html')).toBe(true);
  });

  it('allows navigation within the app', () => {
    expect(fakeWebContents().fire('will-navigate', 'app://bundle/index.html#/meeting')).toBe(false);
  });

  it('blocks redirects to another origin', () => {
    expect(fakeWebContents().fire('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('blocks attaching a webview', () => {
    expect(fakeWebContents().fire('will-attach-webview', 'app://bundle/')).toBe(true);
  });
});

describe('permissions', () => {
  function installed() {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
    let check: ((contents: unknown, permission: string, origin: string) => boolean) | undefined;
    installPermissionPolicy({
      setPermissionRequestHandler: (handler) => void (request = handler as never),
      setPermissionCheckHandler: (handler) => void (check = handler as never),
    });
    const ask = (permission: string, requestingUrl = 'app://bundle/index.html'): boolean => {
      let granted: boolean | undefined;
      request?.({ getURL: () => requestingUrl }, permission, (answer) => (granted = answer), { requestingUrl });
      if (granted === undefined) throw new Error('the request handler never answered');
      return granted;
    };
    return { ask, check: (permission: string, origin: string) => check?.(null, permission, origin) };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb', 'midi', 'unknown'])(
    'denies %s',
    (permission) => {
      expect(installed().ask(permission)).toBe(false);
    },
  );

  it('grants persistent storage to the app so IndexedDB is not evicted', () => {
    expect(installed().ask('persistent-storage')).toBe(true);
  });

  it('grants fullscreen to the app for meeting mode', () => {
    expect(installed().ask('fullscreen')).toBe(true);
  });

  it('denies persistent storage to another origin', () => {
    expect(installed().ask('persistent-storage', 'https://tiles.example.org/')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const { check } = installed();
    expect(check('persistent-storage', 'app://bundle')).toBe(true);
    expect(check('geolocation', 'app://bundle')).toBe(false);
  });
});
