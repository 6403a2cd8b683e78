import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';

/*
 * Everything that keeps the renderer a web page with no more power than the bridge gives it: the window's
 * web preferences, the Content-Security-Policy, navigation and popup refusal, and permission refusal. Each
 * function takes the Electron object it configures, so tests pass fakes and check what was installed.
 */

/** Window size and colour; the title comes from the catalog in the user's language. */
export interface WindowOptionsInput {
  readonly title: string;
  readonly preloadPath: string;
  readonly backgroundColor?: string;
}

/** Background shown before the first paint; matches the renderer's page background to avoid a white flash. */
export const WINDOW_BACKGROUND = '#f4f1ea';

/** The one set of BrowserWindow options: isolated, sandboxed, no Node in the page, the preload as the only bridge. */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: input.title,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: input.backgroundColor ?? WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    },
  };
}

/**
 * Normalises user-entered tile server addresses to origins: https only, no credentials, path and query dropped,
 * duplicates removed. Anything else is returned in `rejected` so the settings screen can say which one.
 */
export function normalizeTileOrigins(input: readonly string[]): { origins: string[]; rejected: string[] } {
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const entry of input) {
    let url: URL;
    try {
      url = new URL(entry.trim());
    } catch {
      rejected.push(entry);
      continue;
    }
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') {
      rejected.push(entry);
      continue;
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { origins, rejected };
}

/**
 * The Content-Security-Policy of every document and worker: only the app's own code runs, and images and fetches
 * may reach the user's tile servers and nothing else. `data:` and `blob:` in connect-src match the renderer's own
 * meta policy (MapLibre reads generated images and worker blobs through fetch).
 */
export function buildContentSecurityPolicy(tileOrigins: readonly string[]): string {
  const tiles = tileOrigins.length > 0 ? ` ${tileOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    `img-src 'self' data: blob:${tiles}`,
    `connect-src 'self' data: blob:${tiles}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The tile origins currently allowed, and the policy that follows from them. */
export interface TileOriginPolicy {
  origins(): readonly string[];
  /** Replaces the allowed origins; returns the normalised list that was kept. */
  set(input: readonly string[]): { origins: string[]; rejected: string[] };
  contentSecurityPolicy(): string;
}

/** Holds the tile origins in main; the protocol handler and the header hook read the policy from it. */
export function createTileOriginPolicy(initial: readonly string[] = []): TileOriginPolicy {
  let current = normalizeTileOrigins(initial).origins;
  let policy = buildContentSecurityPolicy(current);
  return {
    origins: () => current,
    set(input) {
      const result = normalizeTileOrigins(input);
      current = result.origins;
      policy = buildContentSecurityPolicy(current);
      return result;
    },
    contentSecurityPolicy: () => policy,
  };
}

/** Adds the CSP header to every http(s) response the session receives, replacing any the server sent. */
export function installCspHeader(session: Pick<Session, 'webRequest'>, contentSecurityPolicy: () => string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [contentSecurityPolicy()];
    callback({ responseHeaders });
  });
}

/** True when `url` belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  const lower = url.toLowerCase();
  return lower === APP_ORIGIN || lower.startsWith(`${APP_ORIGIN}/`);
}

/** Listeners hardenWebContents installs; the fake in tests records them. */
export type HardenableWebContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * Refuses popups, navigation away from the app's origin and <webview>. Help pages are shown inside the app, so
 * no link ever needs to open a browser from here.
 */
export function hardenWebContents(contents: HardenableWebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const refuseForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Permissions the app's own pages may have: persistent storage so the browser never evicts the committee's
 * IndexedDB, and fullscreen for meeting mode on a projector. Everything else (camera, location, notifications,
 * clipboard reads, USB...) is refused.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['persistent-storage', 'fullscreen'];

function isGranted(permission: string, origin: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isAppUrl(origin);
}

/** Installs the permission request and check handlers on a session. */
export function installPermissionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isGranted(permission, details.requestingUrl || contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isGranted(permission, requestingOrigin));
}
