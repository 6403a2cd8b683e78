import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import type * as Electron from 'electron';
import type { BrowserWindow } from 'electron';
import type { Locale } from '../src/i18n/define';
import { translate } from '../src/i18n/translate';
import { MENU_CHANNEL, type MenuCommand } from '../src/ports/host-bridge';
import { APP_ENTRY_URL, createAppRequestHandler, registerAppScheme, serveAppProtocol } from './app-protocol';
import { createHostHandlers, type HostFileSystem } from './host-handlers';
import { registerHostHandlers } from './ipc';
import { installApplicationMenu, systemLocale } from './menu';
import {
  createTileOriginPolicy,
  createWindowOptions,
  hardenWebContents,
  installCspHeader,
  installPermissionPolicy,
} from './security';
import { readSettings, writeSettings } from './settings';

/*
 * Wires the modules together with the Electron API passed in; index.ts passes the real one. Kept free of logic
 * of its own beyond the order things must happen in: the scheme is registered and the sandbox enforced before
 * the app is ready; the protocol, session policy, menu and IPC handlers are installed before the window loads.
 */

/** The parts of the electron module main uses. */
export type ElectronMain = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'protocol' | 'ipcMain' | 'dialog' | 'Menu' | 'session'
>;

/** Where the built files are. */
export interface AppPaths {
  readonly rendererDir: string;
  readonly preloadPath: string;
}

/** What startApp hands back, for tests and for index.ts. */
export interface RunningApp {
  /** Resolves once the window has been created, or false when another instance already runs. */
  readonly ready: Promise<boolean>;
  window(): BrowserWindow | null;
  locale(): Locale;
}

const fileSystem: HostFileSystem = {
  readFile: (path) => nodeFs.readFile(path),
  stat: (path) => nodeFs.stat(path),
  open: (path, flags) => nodeFs.open(path, flags),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (path) => nodeFs.unlink(path),
};

/** Starts the app: one instance, one hardened window on app://bundle/index.html. */
export function startApp(electron: ElectronMain, paths: AppPaths, files: HostFileSystem = fileSystem): RunningApp {
  const { app, BrowserWindow, protocol, ipcMain, dialog, Menu, session } = electron;
  let mainWindow: BrowserWindow | null = null;
  let locale: Locale = 'es';

  registerAppScheme(protocol);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(false), window: () => null, locale: () => locale };
  }

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const send = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_CHANNEL, command);
  const applyLocale = (next: Locale): void => {
    locale = next;
    installApplicationMenu(Menu, locale, { send, platform: process.platform });
    app.setAboutPanelOptions({ applicationName: translate(locale, 'app.title'), applicationVersion: app.getVersion() });
    mainWindow?.setTitle(translate(locale, 'app.title'));
  };

  const createWindow = (): BrowserWindow => {
    const window = new BrowserWindow(createWindowOptions({ title: translate(locale, 'app.title'), preloadPath: paths.preloadPath }));
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(APP_ENTRY_URL);
    mainWindow = window;
    return window;
  };

  const ready = app.whenReady().then(async () => {
    const settingsPath = join(app.getPath('userData'), 'settings.json');
    const settings = await readSettings(settingsPath);
    const tileOrigins = createTileOriginPolicy(settings.tileOrigins);

    installPermissionPolicy(session.defaultSession);
    installCspHeader(session.defaultSession, tileOrigins.contentSecurityPolicy);
    serveAppProtocol(
      protocol,
      createAppRequestHandler({ rootDir: paths.rendererDir, contentSecurityPolicy: tileOrigins.contentSecurityPolicy }),
    );
    applyLocale(systemLocale(app));

    const handlers = createHostHandlers({
      version: app.getVersion(),
      platform: process.platform,
      systemLocale: app.getLocale(),
      currentLocale: () => locale,
      setLocale: applyLocale,
      dialog,
      parentWindow: () => mainWindow,
      defaultDirectory: () => app.getPath('documents'),
      files,
      tileOrigins,
      saveTileOrigins: (origins) => writeSettings(files, settingsPath, { version: 1, tileOrigins: [...origins] }),
    });
    registerHostHandlers(ipcMain, handlers, {
      logFailure: (message, error) => console.error(`[bridge] ${message} failed:`, error),
    });

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    return true;
  });

  return { ready, window: () => mainWindow, locale: () => locale };
}
