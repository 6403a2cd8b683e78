import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../src/i18n/define';
import { translate } from '../../../src/i18n/translate';
import type { MenuCommand } from '../../../src/ports/host-bridge';
import { buildMenuTemplate, installApplicationMenu, systemLocale } from '../../../main/menu';

function build(locale: Locale, platform: NodeJS.Platform = 'linux') {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate(locale, { send: (command) => sent.push(command), platform });
  return { template, sent };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no submenu under ${item?.label}`);
  return submenu;
}

function find(items: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((item) => item.label === label);
  if (!found) throw new Error(`no menu item labelled ${label}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (() => void) | undefined)?.();
}

describe.each(LOCALES)('application menu in %s', (locale) => {
  const t = (key: string) => translate(locale, `menu.${key}`);

  it('has File, Edit, View and Help, labelled in the language', () => {
    expect(build(locale).template.map((item) => item.label)).toEqual([t('file'), t('edit'), t('view'), t('help')]);
  });

  it('labels every item from the catalog (no key shows through)', () => {
    const labels: string[] = [];
    const walk = (items: readonly MenuItemConstructorOptions[]) =>
      items.forEach((item) => {
        if (item.label) labels.push(item.label);
        if (Array.isArray(item.submenu)) walk(item.submenu);
      });
    walk(build(locale).template);
    expect(labels.filter((label) => label.startsWith('menu.') || label.startsWith('app.'))).toEqual([]);
  });

  it.each([
    ['openSample', 'open-sample'],
    ['import', 'import'],
    ['export', 'export'],
    ['backup', 'backup'],
    ['restore', 'restore'],
  ] as const)('File > %s sends %s to the renderer', (key, command) => {
    const { template, sent } = build(locale);
    click(find(submenuOf(template[0]), t(key)));
    expect(sent).toEqual([command]);
  });

  it('File ends with Quit', () => {
    expect(submenuOf(build(locale).template[0]).at(-1)).toEqual({ label: t('quit'), role: 'quit' });
  });

  it('Edit uses the standard roles', () => {
    expect(submenuOf(build(locale).template[1]).flatMap((item) => (item.role ? [item.role] : []))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('View > Meeting mode sends meeting-mode', () => {
    const { template, sent } = build(locale);
    click(find(submenuOf(template[2]), t('meetingMode')));
    expect(sent).toEqual(['meeting-mode']);
  });

  it('View has reload and full screen', () => {
    const roles = submenuOf(build(locale).template[2]).map((item) => item.role);
    expect(roles).toContain('reload');
    expect(roles).toContain('togglefullscreen');
  });

  it('the language submenu is a radio group of the three languages, the current one checked', () => {
    const languages = submenuOf(find(submenuOf(build(locale).template[2]), t('language')));
    expect(languages.map((item) => [item.label, item.type, item.checked])).toEqual(
      LOCALES.map((candidate) => [translate(candidate, 'app.languageName'), 'radio', candidate === locale]),
    );
  });

  it('choosing a language sends its command', () => {
    const { template, sent } = build(locale);
    submenuOf(find(submenuOf(template[2]), t('language'))).forEach(click);
    expect(sent).toEqual(['language:es', 'language:pt-BR', 'language:en']);
  });

  it('Help has the user guide (sends help) and About', () => {
    const { template, sent } = build(locale);
    const help = submenuOf(template[3]);
    click(find(help, t('userGuide')));
    expect(sent).toEqual(['help']);
    expect(find(help, t('about')).role).toBe('about');
  });
});

describe('platform and installation', () => {
  it('adds the app menu first on macOS', () => {
    expect(build('es', 'darwin').template[0]).toEqual({ role: 'appMenu' });
  });

  it('installs the built template as the application menu', () => {
    const built: unknown[] = [];
    let applied: unknown;
    installApplicationMenu(
      {
        buildFromTemplate: (template) => {
          built.push(template);
          return { id: 'menu' } as never;
        },
        setApplicationMenu: (menu) => void (applied = menu),
      },
      'pt-BR',
      { send: () => undefined, platform: 'linux' },
    );
    expect((built[0] as MenuItemConstructorOptions[])[0]?.label).toBe('Arquivo');
    expect(applied).toEqual({ id: 'menu' });
  });
});

describe('initial language from the system', () => {
  const system = (preferred: string[], uiLocale = 'en-US') => ({
    getPreferredSystemLanguages: () => preferred,
    getLocale: () => uiLocale,
  });

  it.each([
    [['es-CO'], 'es'],
    [['pt-BR', 'en-US'], 'pt-BR'],
    [['pt-PT'], 'pt-BR'],
    [['en-GB'], 'en'],
    [['fr-FR', 'pt-BR'], 'pt-BR'],
    [['qu-PE', 'es-PE'], 'es'],
  ] as const)('preferred %j gives %s', (preferred, expected) => {
    expect(systemLocale(system([...preferred]))).toBe(expected);
  });

  it('falls back to the UI locale when no preferred language ships', () => {
    expect(systemLocale(system(['fr-FR'], 'pt-BR'))).toBe('pt-BR');
  });

  it('falls back to Spanish when nothing matches', () => {
    expect(systemLocale(system([], 'de-DE'))).toBe('es');
  });
});
