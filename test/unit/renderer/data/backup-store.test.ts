import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup, type Backup } from '../../../../src/io/backup';
import { checkBackup, createBackup, restoreBackup } from '../../../../renderer/features/data/backup-store';
import { COORDINATOR, createCommunityDraft, createWithdrawalDraft, openStore, ROSA } from '../store/store-fixtures';

async function storeWithHistory() {
  const store = openStore();
  const created = await store.repository.create('communities', createCommunityDraft(), ROSA);
  if (!created.ok) throw new Error('create failed');
  await store.repository.update('communities', created.value.id, { population: 450 }, ROSA, { expectedVersion: 1 });
  await store.repository.bulkImport(
    'withdrawals',
    [createWithdrawalDraft(), createWithdrawalDraft({ volumeM3: 80 })],
    COORDINATOR,
  );
  await store.repository.setMeta('basin', {
    info: { name: 'Cuenca de prueba' },
  });
  const photo = await store.repository.putAttachment(
    {
      recordKind: 'communities',
      recordId: created.value.id,
      fileName: 'toma.jpg',
      mimeType: 'image/jpeg',
      size: 4,
    } as never,
    new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/jpeg' }),
    ROSA,
  );
  return { ...store, communityId: created.value.id, photo };
}

function roundTrip(backup: Backup): Backup {
  const decoded = decodeBackup(encodeBackup(backup));
  if (!decoded.ok) throw new Error(decoded.problem.code);
  return decoded.backup;
}

describe('backup and restore of the whole store', () => {
  it('restores records, their history, the audit chain and settings on another computer', async () => {
    const source = await storeWithHistory();
    const backup = roundTrip(await createBackup(source.db, 'Cuenca de prueba', '2026-11-26T10:00:00Z'));
    const target = openStore({ name: 'other-laptop' });
    await target.repository.create('communities', createCommunityDraft({ name: 'Lo que había antes' }), ROSA);

    const restored = await restoreBackup(backup, target.db);
    expect(restored).toMatchObject({
      ok: true,
      auditEntries: (await source.repository.auditHead()).seq,
    });
    expect(await target.repository.counts()).toEqual(await source.repository.counts());
    expect((await target.repository.history('communities', source.communityId)).map((entry) => entry.version)).toEqual([
      1, 2,
    ]);
    expect(await target.repository.getMeta('basin')).toEqual({
      info: { name: 'Cuenca de prueba' },
    });
    expect((await target.repository.verifyAudit()).ok).toBe(true);
    expect((await target.db.recordTable('communities').toArray()).map((row) => row.name)).toEqual(['San Isidro']);
  });

  it('refuses a backup whose records were edited after it was made, and leaves the store as it was', async () => {
    const source = await storeWithHistory();
    const backup = roundTrip(await createBackup(source.db, 'Cuenca de prueba', '2026-11-26T10:00:00Z'));
    const withdrawals = backup.json.tables['withdrawals'] ?? [];
    withdrawals[0] = { ...withdrawals[0], volumeM3: 1 };
    const target = openStore({ name: 'other-laptop' });
    await target.repository.create('communities', createCommunityDraft({ name: 'Lo que había antes' }), ROSA);
    const before = await target.repository.counts();

    const restored = await restoreBackup(backup, target.db);
    expect(restored).toMatchObject({
      ok: false,
      problem: {
        code: 'data.restore.auditFailed',
        params: { reason: 'record-mismatch' },
      },
    });
    expect(await target.repository.counts()).toEqual(before);
  });

  it('refuses a backup whose photo bytes changed, and tables this version does not know', async () => {
    const source = await storeWithHistory();
    const backup = roundTrip(await createBackup(source.db, 'Cuenca de prueba', '2026-11-26T10:00:00Z'));
    const [id] = [...backup.blobs.keys()];
    const changed: Backup = {
      ...backup,
      blobs: new Map([[id ?? '', new Uint8Array([9, 9, 9, 9])]]),
    };
    expect(await checkBackup(changed, source.db)).toMatchObject({
      ok: false,
      problem: { code: 'data.restore.attachmentChanged' },
    });
    const foreign: Backup = {
      ...backup,
      json: { ...backup.json, tables: { ...backup.json.tables, mystery: [] } },
    };
    expect(await checkBackup(foreign, source.db)).toEqual({
      ok: false,
      problem: {
        code: 'data.restore.unknownTable',
        params: { table: 'mystery' },
      },
    });
  });
});
