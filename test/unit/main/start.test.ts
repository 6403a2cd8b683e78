import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_MESSAGES, MENU_CHANNEL, channelOf, type HostMessage } from '../../../src/ports/host-bridge';
import { APP_ENTRY_URL } from '../../../main/app-protocol';
import { readSettings } from '../../../main/settings';
import { startApp, type ElectronMain } from '../../../main/start';

/*
 * The whole wiring with a fake Electron: what a user would see at start (one hardened window on app://bundle,
 * a menu in their language) and what the renderer relies on (every bridge channel answers).
 */

type Handler = (...args: unknown[]) => unknown;

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'wsc-start-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

function fakeElectron(options: { lock?: boolean; preferred?: string[] } = {}) {
  const log: string[] = [];
  const appListeners = new Map<string, Handler>();
  const ipcHandlers = new Map<string, Handler>();
  const menus: MenuItemConstructorOptions[][] = [];
  const windows: FakeWindow[] = [];
  let protocolHandler: ((request: { url: string; method: string }) => Promise<Response>) | undefined;
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeWindow {
    readonly options: BrowserWindowConstructorOptions;
    readonly loaded: string[] = [];
    readonly sent: unknown[][] = [];
    readonly onceListeners = new Map<string, Handler>();
    shown = false;
    focused = false;
    devToolsOpened = false;
    title: string;
    readonly webContents = {
      send: (...args: unknown[]) => this.sent.push(args),
      openDevTools: () => (this.devToolsOpened = true),
    };
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      this.options = windowOptions;
      this.title = windowOptions.title ?? '';
      windows.push(this);
      log.push('window');
    }
    static getAllWindows = () => windows;
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    on() {
      return this;
    }
    once(name: string, listener: Handler) {
      this.onceListeners.set(name, listener);
      return this;
    }
    show() {
      this.shown = true;
    }
    setTitle(title: string) {
      this.title = title;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focused = true;
    }
  }
  const electron = {
    app: {
      on: (name: string, listener: Handler) => appListeners.set(name, listener),
      whenReady: () => {
        log.push('whenReady');
        return readyPromise;
      },
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: () => log.push('quit'),
      enableSandbox: () => log.push('enableSandbox'),
      getPath: (name: string) => (name === 'userData' ? userData : join(userData, name)),
      getLocale: () => 'en-US',
      getPreferredSystemLanguages: () => options.preferred ?? ['es-CO'],
      getVersion: () => '0.1.0',
      setAboutPanelOptions: () => undefined,
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: () => log.push('registerSchemes'),
      handle: (_scheme: string, handler: typeof protocolHandler) => (protocolHandler = handler),
    },
    ipcMain: { handle: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler) },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        menus.push(template);
        return template;
      },
      setApplicationMenu: () => undefined,
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
  };
  return {
    electron: electron as unknown as ElectronMain,
    log,
    appListeners,
    ipcHandlers,
    menus,
    windows,
    protocol: () => protocolHandler,
    makeReady: resolveReady,
  };
}

const rendererDir = join(mkdtempSync(join(tmpdir(), 'wsc-start-build-')), 'renderer');
const paths = { rendererDir, preloadPath: '/app/out/preload/preload.cjs' };
const appEvent = { sender: { printToPDF: async () => new Uint8Array() }, senderFrame: { url: 'app://bundle/index.html' } };

async function started(options: Parameters<typeof fakeElectron>[0] = {}) {
  const fake = fakeElectron(options);
  const running = startApp(fake.electron, paths);
  fake.makeReady();
  await running.ready;
  return { ...fake, running };
}

describe('start', () => {
  it('registers the app scheme and enforces the sandbox before the app is ready', () => {
    const fake = fakeElectron();
    startApp(fake.electron, paths);
    expect(fake.log.slice(0, 3)).toEqual(['registerSchemes', 'enableSandbox', 'whenReady']);
  });

  it('quits without a window when another instance is running', async () => {
    const fake = fakeElectron({ lock: false });
    const running = startApp(fake.electron, paths);
    fake.makeReady();
    expect(await running.ready).toBe(false);
    expect(fake.log).toContain('quit');
    expect(fake.windows).toHaveLength(0);
  });

  it('opens one sandboxed window with the preload and loads the app entry', async () => {
    const { windows } = await started();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, preload: paths.preloadPath });
    expect(windows[0]?.loaded).toEqual([APP_ENTRY_URL]);
  });

  it('shows the window only once it is ready to paint', async () => {
    const window = (await started()).windows[0];
    expect(window?.shown).toBe(false);
    window?.onceListeners.get('ready-to-show')?.();
    expect(window?.shown).toBe(true);
  });

  it('never opens the developer tools', async () => {
    expect((await started()).windows[0]?.devToolsOpened).toBe(false);
  });

  it('titles the window and the menu in the system language', async () => {
    const { windows, menus } = await started({ preferred: ['pt-BR'] });
    expect(windows[0]?.title).toBe('Bacia em Comum');
    expect(menus.at(-1)?.[0]?.label).toBe('Arquivo');
  });

  it('registers a handler for every bridge message', async () => {
    const { ipcHandlers } = await started();
    expect([...ipcHandlers.keys()].sort()).toEqual((Object.keys(HOST_MESSAGES) as HostMessage[]).map(channelOf).sort());
  });

  it('rebuilds the menu and retitles the window when the renderer changes language', async () => {
    const { ipcHandlers, menus, windows, running } = await started();
    const answer = await ipcHandlers.get(channelOf('app:set-locale'))?.(appEvent, { locale: 'en' });
    expect(answer).toEqual({ ok: true, value: {} });
    expect(menus.at(-1)?.[0]?.label).toBe('File');
    expect(windows[0]?.title).toBe('Watershed Commons');
    expect(running.locale()).toBe('en');
  });

  it('sends a clicked menu command to the window on the menu channel', async () => {
    const { menus, windows } = await started();
    const file = menus.at(-1)?.[0]?.submenu as MenuItemConstructorOptions[];
    (file[0]?.click as () => void)();
    expect(windows[0]?.sent).toEqual([[MENU_CHANNEL, 'open-sample']]);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { appListeners, windows } = await started();
    appListeners.get('second-instance')?.();
    expect(windows[0]?.focused).toBe(true);
    expect(windows).toHaveLength(1);
  });

  it('serves the CSP with the tile origins saved at the last run', async () => {
    mkdirSync(join(rendererDir), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ version: 1, tileOrigins: ['https://tiles.example.org'] }));
    try {
      const { protocol } = await started();
      const response = await protocol()?.({ url: APP_ENTRY_URL, method: 'GET' });
      expect(response?.headers.get('content-security-policy')).toContain('https://tiles.example.org');
    } finally {
      rmSync(dirname(rendererDir), { recursive: true, force: true });
    }
  });

  it('saves tile origins so the next start applies them', async () => {
    const { ipcHandlers } = await started();
    await ipcHandlers.get(channelOf('app:set-tile-origins'))?.(appEvent, { origins: ['https://a.example.org/tiles'] });
    expect((await readSettings(join(userData, 'settings.json'))).tileOrigins).toEqual(['https://a.example.org']);
  });
});
