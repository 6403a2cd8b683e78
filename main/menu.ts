import type { App, Menu, MenuItemConstructorOptions } from 'electron';
import { LOCALES, type Locale } from '../src/i18n/define';
import { matchLocale, translate } from '../src/i18n/translate';
import type { MenuCommand } from '../src/ports/host-bridge';

/*
 * The application menu, in the user's language. Menu items never act on data themselves: each sends a command
 * to the renderer, which owns the records and the UI state (including the chosen language; when the renderer
 * switches language it calls app:set-locale and main rebuilds this menu).
 */

/** What the template needs from outside: where commands go, and the platform (macOS wants an app menu). */
export interface MenuContext {
  readonly send: (command: MenuCommand) => void;
  readonly platform: NodeJS.Platform;
}

function command(label: string, sent: MenuCommand, context: MenuContext, accelerator?: string): MenuItemConstructorOptions {
  return { label, click: () => context.send(sent), ...(accelerator ? { accelerator } : {}) };
}

/** The menu template for `locale`: File, Edit, View (with the language radio group) and Help. */
export function buildMenuTemplate(locale: Locale, context: MenuContext): MenuItemConstructorOptions[] {
  const t = (key: string): string => translate(locale, `menu.${key}`);
  const languages: MenuItemConstructorOptions[] = LOCALES.map((candidate) => ({
    label: translate(candidate, 'app.languageName'),
    type: 'radio',
    checked: candidate === locale,
    click: () => context.send(`language:${candidate}`),
  }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('file'),
      submenu: [
        command(t('openSample'), 'open-sample', context),
        { type: 'separator' },
        command(t('import'), 'import', context, 'CmdOrCtrl+O'),
        command(t('export'), 'export', context, 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        command(t('backup'), 'backup', context, 'CmdOrCtrl+Shift+B'),
        command(t('restore'), 'restore', context),
        { type: 'separator' },
        { label: t('quit'), role: 'quit' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        command(t('meetingMode'), 'meeting-mode', context, 'CmdOrCtrl+Shift+M'),
        { label: t('language'), submenu: languages },
        { type: 'separator' },
        { label: t('reload'), role: 'reload' },
        { label: t('toggleFullScreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('help'),
      submenu: [command(t('userGuide'), 'help', context, 'F1'), { type: 'separator' }, { label: t('about'), role: 'about' }],
    },
  ];
  return context.platform === 'darwin' ? [{ role: 'appMenu' }, ...template] : template;
}

/** Builds the template and makes it the application menu. */
export function installApplicationMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  locale: Locale,
  context: MenuContext,
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(locale, context)));
}

const SHIPPED_PREFIXES = ['es', 'pt', 'en'];

/**
 * The language to start in: the first of the system's preferred languages that the app ships (so a French-first
 * user who also reads Portuguese gets Portuguese), else the UI locale, else Spanish.
 */
export function systemLocale(app: Pick<App, 'getLocale' | 'getPreferredSystemLanguages'>): Locale {
  const shipped = app
    .getPreferredSystemLanguages()
    .find((tag) => SHIPPED_PREFIXES.some((prefix) => tag.toLowerCase() === prefix || tag.toLowerCase().startsWith(`${prefix}-`)));
  return matchLocale(shipped ?? app.getLocale());
}
