import * as fs from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, readSettings, writeSettings } from '../../../main/settings';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'wsc-settings-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('main settings', () => {
  it('reads version 1', () => {
    expect(parseSettings('{"version":1,"tileOrigins":["https://a.org"]}')).toEqual({ version: 1, tileOrigins: ['https://a.org'] });
  });

  it.each([
    ['not JSON', '{version'],
    ['an unknown version', '{"version":7,"tileOrigins":[]}'],
    ['a wrong shape', '{"version":1,"tileOrigins":"https://a.org"}'],
  ])('falls back to the defaults from %s', (_name, text) => {
    expect(parseSettings(text)).toEqual(DEFAULT_SETTINGS);
  });

  it('gives the defaults on first run, when the file is missing', async () => {
    expect(await readSettings(join(folder, 'settings.json'))).toEqual(DEFAULT_SETTINGS);
  });

  it('reads back what it wrote', async () => {
    const file = join(folder, 'settings.json');
    await writeSettings(fs, file, { version: 1, tileOrigins: ['https://tiles.example.org'] });
    expect(await readSettings(file)).toEqual({ version: 1, tileOrigins: ['https://tiles.example.org'] });
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });
});
