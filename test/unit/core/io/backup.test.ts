import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, backupFileName, decodeBackup, encodeBackup, type Backup } from '../../../../src/io/backup';

function sampleBackup(): Backup {
  return {
    json: {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: '2026-11-26T10:00:00.000Z',
      schemaVersion: 2,
      basinName: 'Cuenca del Río Aguaclara',
      tables: {
        communities: [{ id: 'c1', name: 'Vereda El Roble' }],
        audit: [{ seq: 1 }],
      },
      attachmentBlobs: [{ id: 'p1', type: 'image/jpeg', sha256: 'ab' }],
    },
    blobs: new Map([['p1', new Uint8Array([255, 216, 255, 1, 2, 3])]]),
  };
}

describe('backup files', () => {
  it('read back exactly what was written, attachments included', () => {
    const decoded = decodeBackup(encodeBackup(sampleBackup()));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.backup.json).toEqual(sampleBackup().json);
    expect([...(decoded.backup.blobs.get('p1') ?? [])]).toEqual([255, 216, 255, 1, 2, 3]);
  });

  it('refuse a file that is not a zip', () => {
    expect(decodeBackup(strToU8('id;name\n1;x\n'))).toEqual({
      ok: false,
      problem: { code: 'data.backup.notZip' },
    });
  });

  it('refuse a zip without backup.json, or with broken JSON', () => {
    expect(decodeBackup(zipSync({ 'other.txt': strToU8('x') }))).toEqual({
      ok: false,
      problem: { code: 'data.backup.noJson' },
    });
    expect(decodeBackup(zipSync({ 'backup.json': strToU8('{"format":') }))).toEqual({
      ok: false,
      problem: { code: 'data.backup.noJson' },
    });
  });

  it('name the first wrong place of a foreign JSON', () => {
    const json = { ...sampleBackup().json, tables: { communities: 'nope' } };
    const decoded = decodeBackup(zipSync({ 'backup.json': strToU8(JSON.stringify(json)) }));
    expect(decoded).toEqual({
      ok: false,
      problem: {
        code: 'data.backup.notBackup',
        params: { path: 'tables.communities' },
      },
    });
  });

  it('ask for a newer app when the format is newer', () => {
    const json = { ...sampleBackup().json, formatVersion: 7 };
    const decoded = decodeBackup(zipSync({ 'backup.json': strToU8(JSON.stringify(json)) }));
    expect(decoded).toEqual({
      ok: false,
      problem: { code: 'data.backup.newerFormat', params: { version: 7 } },
    });
  });

  it('refuse a backup whose attachment content is missing', () => {
    const decoded = decodeBackup(zipSync({ 'backup.json': strToU8(JSON.stringify(sampleBackup().json)) }));
    expect(decoded).toEqual({
      ok: false,
      problem: { code: 'data.backup.missingAttachment', params: { id: 'p1' } },
    });
  });

  it('refuse a file over the size limit before unzipping it', () => {
    const decoded = decodeBackup(new Uint8Array(3_000_000), 2_000_000);
    expect(decoded).toEqual({
      ok: false,
      problem: {
        code: 'data.backup.tooLarge',
        params: { sizeMb: 3, maxMb: 2 },
      },
    });
  });

  it('name files after the basin and the day, without accents or spaces', () => {
    expect(backupFileName('Cuenca del Río Aguaclara', '2026-11-26T10:00:00Z')).toBe(
      'cuenca-del-rio-aguaclara-2026-11-26.wcbackup',
    );
    expect(backupFileName('***', '2026-01-02T00:00:00Z')).toBe('cuenca-2026-01-02.wcbackup');
  });
});
