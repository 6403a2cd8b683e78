import * as fs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../src/i18n/define';
import { translate } from '../../../src/i18n/translate';
import { createHostHandlers, type HostDependencies, type HostFileSystem } from '../../../main/host-handlers';
import { invokeHostHandler, type HostInvokeEvent } from '../../../main/ipc';
import { createTileOriginPolicy } from '../../../main/security';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'wsc-handlers-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const realFs: HostFileSystem = {
  readFile: (path) => fs.readFile(path),
  stat: (path) => fs.stat(path),
  open: (path, flags) => fs.open(path, flags),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
};

interface Dialogs {
  open?: { canceled: boolean; filePaths: string[] };
  save?: { canceled: boolean; filePath?: string };
}

function setup(dialogs: Dialogs = {}, overrides: Partial<HostDependencies> = {}) {
  const openOptions: OpenDialogOptions[] = [];
  const saveOptions: SaveDialogOptions[] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      openOptions.push(args.at(-1) as OpenDialogOptions);
      return dialogs.open ?? { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      saveOptions.push(args.at(-1) as SaveDialogOptions);
      return dialogs.save ?? { canceled: true };
    },
  } as unknown as HostDependencies['dialog'];
  const setLocale = vi.fn<(locale: Locale) => void>();
  const saveTileOrigins = vi.fn(async () => undefined);
  const tileOrigins = createTileOriginPolicy();
  const handlers = createHostHandlers({
    version: '0.1.0',
    platform: 'linux',
    systemLocale: 'es-CO',
    currentLocale: () => 'es',
    setLocale,
    dialog,
    parentWindow: () => null,
    defaultDirectory: () => '/home/ana/Documentos',
    files: realFs,
    tileOrigins,
    saveTileOrigins,
    ...overrides,
  });
  return { handlers, openOptions, saveOptions, setLocale, saveTileOrigins, tileOrigins };
}

const event = (pdf = new Uint8Array([37, 80, 68, 70])) => {
  const printToPDF = vi.fn(async () => pdf);
  const value: HostInvokeEvent = { sender: { printToPDF }, senderFrame: { url: 'app://bundle/index.html' } };
  return { value, printToPDF };
};

describe('app:info', () => {
  it('reports version, platform, system locale and the electron host', async () => {
    expect(await setup().handlers['app:info']({}, event().value)).toEqual({
      version: '0.1.0',
      platform: 'linux',
      systemLocale: 'es-CO',
      host: 'electron',
    });
  });
});

describe('file:open', () => {
  const request = { titleKey: 'menu.import', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], multiple: false };

  it('answers canceled when the user closes the dialog', async () => {
    expect(await setup().handlers['file:open'](request, event().value)).toEqual({ canceled: true, files: [] });
  });

  it('shows the dialog titled in the current language with the requested filters', async () => {
    const { handlers, openOptions } = setup();
    await handlers['file:open'](request, event().value);
    expect(openOptions[0]).toMatchObject({
      title: translate('es', 'menu.import'),
      filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
      properties: ['openFile'],
    });
  });

  it('allows choosing several files when asked', async () => {
    const { handlers, openOptions } = setup();
    await handlers['file:open']({ ...request, multiple: true }, event().value);
    expect(openOptions[0]?.properties).toEqual(['openFile', 'multiSelections']);
  });

  it('returns each chosen file by name with its bytes', async () => {
    writeFileSync(join(folder, 'lecturas.csv'), 'fecha;volumen\n2026-01-01;12,5\n');
    writeFileSync(join(folder, 'pozo.gpx'), '<gpx/>');
    const { handlers } = setup({ open: { canceled: false, filePaths: [join(folder, 'lecturas.csv'), join(folder, 'pozo.gpx')] } });
    const answer = await handlers['file:open']({ ...request, multiple: true }, event().value);
    expect(answer.files.map((file) => [file.name, new TextDecoder().decode(file.bytes)])).toEqual([
      ['lecturas.csv', 'fecha;volumen\n2026-01-01;12,5\n'],
      ['pozo.gpx', '<gpx/>'],
    ]);
  });

  it('returns plain Uint8Arrays, as the contract says', async () => {
    writeFileSync(join(folder, 'a.csv'), 'x');
    const { handlers } = setup({ open: { canceled: false, filePaths: [join(folder, 'a.csv')] } });
    const [file] = (await handlers['file:open'](request, event().value)).files;
    expect(file?.bytes.constructor).toBe(Uint8Array);
  });

  it('refuses files larger than the limit with file.tooLarge', async () => {
    writeFileSync(join(folder, 'dem.tif'), new Uint8Array(2048));
    const { handlers } = setup({ open: { canceled: false, filePaths: [join(folder, 'dem.tif')] } }, { maxOpenBytes: 1024 });
    const answer = await invokeHostHandler('file:open', handlers['file:open'], event().value, request);
    expect(answer).toEqual({ ok: false, code: 'bridge.failed', detail: 'file.tooLarge name=dem.tif limitBytes=1024' });
  });

  it('counts the size of all chosen files together', async () => {
    writeFileSync(join(folder, 'a.csv'), new Uint8Array(600));
    writeFileSync(join(folder, 'b.csv'), new Uint8Array(600));
    const chosen = [join(folder, 'a.csv'), join(folder, 'b.csv')];
    const { handlers } = setup({ open: { canceled: false, filePaths: chosen } }, { maxOpenBytes: 1000 });
    await expect(handlers['file:open']({ ...request, multiple: true }, event().value)).rejects.toThrow('file.tooLarge');
  });
});

describe('file:save', () => {
  const request = { suggestedName: 'extracciones.csv', data: 'comunidad;m3\nSan Juan;120\n', mimeType: 'text/csv' };

  it('suggests the name in the documents folder, filtered by its extension', async () => {
    const { handlers, saveOptions } = setup();
    await handlers['file:save'](request, event().value);
    expect(saveOptions[0]).toMatchObject({
      defaultPath: join('/home/ana/Documentos', 'extracciones.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('answers saved false and writes nothing when the user cancels', async () => {
    expect(await setup().handlers['file:save'](request, event().value)).toEqual({ saved: false });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('writes text to the chosen path', async () => {
    const target = join(folder, 'salida.csv');
    const { handlers } = setup({ save: { canceled: false, filePath: target } });
    expect(await handlers['file:save'](request, event().value)).toEqual({ saved: true });
    expect(readFileSync(target, 'utf8')).toBe(request.data);
  });

  it('writes bytes to the chosen path', async () => {
    const target = join(folder, 'copia.zip');
    const { handlers } = setup({ save: { canceled: false, filePath: target } });
    await handlers['file:save']({ ...request, data: new Uint8Array([80, 75, 3, 4]) }, event().value);
    expect([...readFileSync(target)]).toEqual([80, 75, 3, 4]);
  });

  it('leaves no temporary file behind after saving', async () => {
    const target = join(folder, 'salida.csv');
    await setup({ save: { canceled: false, filePath: target } }).handlers['file:save'](request, event().value);
    expect(readdirSync(folder)).toEqual(['salida.csv']);
  });

  it('keeps the previous file whole when the write fails half way', async () => {
    const target = join(folder, 'respaldo.json');
    writeFileSync(target, '{"version":1,"records":[1,2,3]}');
    const failingFs: HostFileSystem = {
      ...realFs,
      open: async (path, flags) => {
        const handle = await fs.open(path, flags);
        return {
          writeFile: async (data: string | Uint8Array) => {
            await handle.writeFile(typeof data === 'string' ? data.slice(0, 3) : data.slice(0, 3));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const { handlers } = setup({ save: { canceled: false, filePath: target } }, { files: failingFs });
    await expect(handlers['file:save']({ ...request, data: '{"version":1,"records":[]}' }, event().value)).rejects.toThrow('ENOSPC');
    expect(readFileSync(target, 'utf8')).toBe('{"version":1,"records":[1,2,3]}');
    expect(readdirSync(folder)).toEqual(['respaldo.json']);
  });
});

describe('report:pdf', () => {
  it('asks where to save before printing, and prints nothing when canceled', async () => {
    const { value, printToPDF } = event();
    expect(await setup().handlers['report:pdf']({ suggestedName: 'informe.pdf' }, value)).toEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('prints the page with backgrounds and writes the PDF', async () => {
    const target = join(folder, 'informe.pdf');
    const { value, printToPDF } = event(new Uint8Array([37, 80, 68, 70, 45]));
    const { handlers, saveOptions } = setup({ save: { canceled: false, filePath: target } });
    expect(await handlers['report:pdf']({ suggestedName: 'informe.pdf' }, value)).toEqual({ saved: true });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true }));
    expect(saveOptions[0]?.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('app:set-locale', () => {
  it('hands the new language to main (which rebuilds the menu)', async () => {
    const { handlers, setLocale } = setup();
    await handlers['app:set-locale']({ locale: 'pt-BR' }, event().value);
    expect(setLocale).toHaveBeenCalledWith('pt-BR');
  });
});

describe('app:set-tile-origins', () => {
  it('keeps https origins only and answers what was kept', async () => {
    const { handlers } = setup();
    const answer = await handlers['app:set-tile-origins'](
      { origins: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'http://insecure.example'] },
      event().value,
    );
    expect(answer).toEqual({ origins: ['https://tile.openstreetmap.org'] });
  });

  it('updates the policy used for the next page load', async () => {
    const { handlers, tileOrigins } = setup();
    await handlers['app:set-tile-origins']({ origins: ['https://tiles.example.org'] }, event().value);
    expect(tileOrigins.contentSecurityPolicy()).toContain('img-src \'self\' data: blob: https://tiles.example.org');
  });

  it('persists the kept origins so the next start applies them', async () => {
    const { handlers, saveTileOrigins } = setup();
    await handlers['app:set-tile-origins']({ origins: ['https://tiles.example.org/x'] }, event().value);
    expect(saveTileOrigins).toHaveBeenCalledWith(['https://tiles.example.org']);
  });
});
