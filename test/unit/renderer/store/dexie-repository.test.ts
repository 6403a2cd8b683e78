import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../../src/domain/ids';
import type { Withdrawal } from '../../../../src/domain/records';
import { DexieRepository } from '../../../../renderer/store/dexie-repository';
import {
  COORDINATOR,
  createCommunityDraft,
  createIntakeDraft,
  createWithdrawalDraft,
  JOAO,
  openStore,
  ROSA,
  steppingClock,
} from './store-fixtures';

function value<T>(result: { ok: true; value: T } | { ok: false; problems: readonly unknown[] }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

describe('DexieRepository: versions', () => {
  it('creates version 1 with the actor as author and review state received', async () => {
    const { repository } = openStore();
    const community = value(await repository.create('communities', createCommunityDraft(), ROSA));
    expect(community).toMatchObject({ version: 1, author: 'Rosa Quispe', device: 'laptop-rosa', deleted: false, reviewState: 'received' });
    expect(await repository.get('communities', community.id)).toEqual(community);
  });

  it('refuses an invalid draft with coded problems at the zod path, writing nothing', async () => {
    const { repository } = openStore();
    const result = await repository.create('withdrawals', createWithdrawalDraft({ volumeM3: -5 }), ROSA);
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'store.invalid.tooSmall', params: { field: 'volumeM3', minimum: 0 } }],
    });
    expect(await repository.list('withdrawals', { includeDeleted: true })).toEqual([]);
    expect(await repository.auditHead()).toEqual({ seq: 0, hash: '0'.repeat(64) });
  });

  it('writes an update as a new version and keeps the old one in history with a field diff', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft({ population: 420 }), ROSA));
    value(await repository.update('communities', created.id, { population: 450 }, ROSA, { expectedVersion: 1 }));
    const history = await repository.history('communities', created.id);
    expect(history.map((entry) => [entry.version, entry.op, entry.actor])).toEqual([
      [1, 'create', 'Rosa Quispe'],
      [2, 'update', 'Rosa Quispe'],
    ]);
    expect(history[1]?.changes).toEqual([{ field: 'population', before: 420, after: 450 }]);
    expect(history[0]?.record.population).toBe(420);
  });

  it('records the coordinator as the one who edited, while the author stays the registrant', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft(), ROSA));
    const edited = value(await repository.update('communities', created.id, { contacts: 'radio 5' }, COORDINATOR, { expectedVersion: 1 }));
    expect(edited.author).toBe('Rosa Quispe');
    const history = await repository.history('communities', created.id);
    expect(history[1]).toMatchObject({ actor: 'Marta Choque', device: 'laptop-committee' });
  });

  it('deletes by writing a new version marked deleted; the record leaves lists but not history', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft(), ROSA));
    const removed = value(await repository.remove('communities', created.id, ROSA));
    expect(removed).toMatchObject({ version: 2, deleted: true });
    expect(await repository.list('communities')).toEqual([]);
    expect(await repository.get('communities', created.id)).toBeUndefined();
    expect(await repository.get('communities', created.id, { includeDeleted: true })).toEqual(removed);
    expect((await repository.history('communities', created.id)).map((entry) => entry.op)).toEqual(['create', 'delete']);
  });

  it('refuses to edit a deleted record', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft(), ROSA));
    value(await repository.remove('communities', created.id, ROSA));
    const result = await repository.update('communities', created.id, { population: 1 }, ROSA, { expectedVersion: 2 });
    expect(result).toEqual({ ok: false, problems: [{ code: 'store.deleted', params: {} }] });
  });

  it('refuses an update based on a stale version as a conflict, leaving the newer version in place', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft(), ROSA));
    value(await repository.update('communities', created.id, { population: 500 }, ROSA, { expectedVersion: 1 }));
    const stale = await repository.update('communities', created.id, { population: 999 }, COORDINATOR, { expectedVersion: 1 });
    expect(stale).toEqual({
      ok: false,
      problems: [{ code: 'store.conflict', params: { expectedVersion: 1, currentVersion: 2 } }],
    });
    expect((await repository.get('communities', created.id))?.population).toBe(500);
  });

  it('reports an unknown id as not found', async () => {
    const { repository } = openStore();
    const result = await repository.update('communities', 'missing', { population: 1 }, COORDINATOR, { expectedVersion: 1 });
    expect(result).toEqual({ ok: false, problems: [{ code: 'store.notFound', params: {} }] });
  });
});

describe('DexieRepository: locked locations', () => {
  it('refuses to move a placed intake unless the edit says moveLocation', async () => {
    const { repository } = openStore();
    const intake = value(await repository.create('intakes', createIntakeDraft(), ROSA));
    const moved = await repository.update('intakes', intake.id, { location: [-71.6, -13.5] }, ROSA, { expectedVersion: 1 });
    expect(moved).toEqual({ ok: false, problems: [{ code: 'store.locationLocked', params: { field: 'location' } }] });
    expect((await repository.get('intakes', intake.id))?.location).toEqual([-71.5, -13.5]);
  });

  it('moves the location when the user asks for it', async () => {
    const { repository } = openStore();
    const intake = value(await repository.create('intakes', createIntakeDraft(), ROSA));
    const moved = value(
      await repository.update('intakes', intake.id, { location: [-71.6, -13.5] }, ROSA, { expectedVersion: 1, moveLocation: true }),
    );
    expect(moved.location).toEqual([-71.6, -13.5]);
  });

  it('accepts a form that sends the unchanged location back with other edits', async () => {
    const { repository } = openStore();
    const intake = value(await repository.create('intakes', createIntakeDraft(), ROSA));
    const edited = value(
      await repository.update('intakes', intake.id, { name: 'Bocatoma baja', location: [-71.5, -13.5] }, ROSA, { expectedVersion: 1 }),
    );
    expect(edited.name).toBe('Bocatoma baja');
  });

  it('lets a location that was never placed be set', async () => {
    const { repository } = openStore();
    const intake = value(await repository.create('intakes', createIntakeDraft(), ROSA));
    const edited = value(
      await repository.update('intakes', intake.id, { returnLocation: [-71.49, -13.52] }, ROSA, { expectedVersion: 1 }),
    );
    expect(edited.returnLocation).toEqual([-71.49, -13.52]);
  });
});

describe('DexieRepository: who may write', () => {
  it('refuses an edit by a participant who is not the author', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft(), ROSA));
    const result = await repository.update('communities', created.id, { population: 1 }, JOAO, { expectedVersion: 1 });
    expect(result).toEqual({ ok: false, problems: [{ code: 'store.forbidden', params: { author: 'Rosa Quispe' } }] });
  });

  it('refuses a deletion by a participant who is not the author', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft(), ROSA));
    expect((await repository.remove('communities', created.id, JOAO)).ok).toBe(false);
    expect(await repository.get('communities', created.id)).toEqual(created);
  });

  it('lets a coordinator delete anyone’s record', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('communities', createCommunityDraft(), ROSA));
    expect((await repository.remove('communities', created.id, COORDINATOR)).ok).toBe(true);
  });

  it('lets only a coordinator set a review state, as a new version with the comment', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('withdrawals', createWithdrawalDraft(), ROSA));
    expect(await repository.setReview('withdrawals', created.id, 'approved', '', ROSA)).toEqual({
      ok: false,
      problems: [{ code: 'store.reviewForbidden', params: {} }],
    });
    const reviewed = value(await repository.setReview('withdrawals', created.id, 'has-issues', 'meter photo missing', COORDINATOR));
    expect(reviewed).toMatchObject({ version: 2, reviewState: 'has-issues', reviewComment: 'meter photo missing' });
    expect((await repository.history('withdrawals', created.id))[1]?.op).toBe('review');
  });
});

describe('DexieRepository: audit', () => {
  async function storeWithWrites() {
    const store = openStore();
    const { repository } = store;
    const community = value(await repository.create('communities', createCommunityDraft(), ROSA));
    value(await repository.update('communities', community.id, { population: 430 }, ROSA, { expectedVersion: 1 }));
    const withdrawal = value(await repository.create('withdrawals', createWithdrawalDraft(), ROSA));
    value(await repository.remove('withdrawals', withdrawal.id, COORDINATOR));
    return { ...store, community, withdrawal };
  }

  it('keeps a valid chain with one entry per write', async () => {
    const { repository } = await storeWithWrites();
    const verification = await repository.verifyAudit();
    expect(verification).toMatchObject({ ok: true, versionsChecked: 4, head: { seq: 4 } });
    expect((await repository.auditEntries()).map((entry) => entry.op)).toEqual(['create', 'update', 'create', 'delete']);
    const entries = await repository.auditEntries();
    expect(await repository.auditHead()).toEqual({ seq: 4, hash: entries[3]?.hash });
  });

  it('detects an audit entry edited directly in the database, with its seq', async () => {
    const { repository, db } = await storeWithWrites();
    await db.audit.update(2, { actor: 'someone else' });
    expect(await repository.verifyAudit()).toEqual({ ok: false, firstBadSeq: 2, reason: 'hash-mismatch' });
  });

  it('detects a deleted audit entry', async () => {
    const { repository, db } = await storeWithWrites();
    await db.audit.delete(3);
    expect(await repository.verifyAudit()).toEqual({ ok: false, firstBadSeq: 3, reason: 'gap' });
  });

  it('detects a record edited directly in the database, with the seq of the entry that wrote it', async () => {
    const { repository, db, community } = await storeWithWrites();
    await db.recordTable('communities').update(community.id, { population: 9999 });
    expect(await repository.verifyAudit()).toEqual({
      ok: false,
      firstBadSeq: 2,
      reason: 'record-mismatch',
      kind: 'communities',
      recordId: community.id,
    });
  });

  it('detects an earlier version edited directly in the database', async () => {
    const { repository, db, community } = await storeWithWrites();
    const stored = await db.versions.get(['communities', community.id, 1]);
    await db.versions.put({ ...stored, kind: 'communities', id: community.id, version: 1, record: { ...community, population: 1 } });
    expect(await repository.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'record-mismatch' });
  });

  it('detects a record removed directly from the database', async () => {
    const { repository, db, withdrawal } = await storeWithWrites();
    await db.recordTable('withdrawals').delete(withdrawal.id);
    expect(await repository.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'record-missing' });
  });

  it('detects a record added directly to the database', async () => {
    const { repository, db, community } = await storeWithWrites();
    await db.recordTable('communities').add({ ...community, id: 'smuggled', version: 1 });
    expect(await repository.verifyAudit()).toEqual({
      ok: false,
      reason: 'record-unaudited',
      kind: 'communities',
      expected: 2,
      found: 3,
    });
  });

  it('detects a rewritten log against the head written in the minutes of a meeting', async () => {
    const { repository } = await storeWithWrites();
    const head = await repository.auditHead();
    expect(await repository.verifyAudit({ checkpoints: [head] })).toMatchObject({ ok: true });
    expect(await repository.verifyAudit({ checkpoints: [{ seq: 3, hash: 'f'.repeat(64) }] })).toEqual({
      ok: false,
      firstBadSeq: 3,
      reason: 'checkpoint-mismatch',
    });
  });

  it('keeps a valid chain when writes are issued concurrently from one window', async () => {
    const { repository } = openStore();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) => repository.create('communities', createCommunityDraft({ population: index }), ROSA)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await repository.verifyAudit()).toMatchObject({ ok: true, head: { seq: 12 } });
  });

  it('keeps a valid chain when two repositories (two tabs) write to one database at once', async () => {
    const { db, repository: first } = openStore();
    const second = new DexieRepository({ db, ids: sequentialIds('b'), clock: steppingClock() });
    const writes = Array.from({ length: 8 }, (_, index) =>
      (index % 2 === 0 ? first : second).create('communities', createCommunityDraft({ population: index }), ROSA),
    );
    const results = await Promise.all(writes);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await first.verifyAudit()).toMatchObject({ ok: true, head: { seq: 8 }, versionsChecked: 8 });
  });
});

describe('DexieRepository: bulk import', () => {
  function drafts(count: number) {
    return Array.from({ length: count }, (_, index) =>
      createWithdrawalDraft({ intakeId: `intake-${index % 3}`, volumeM3: index + 1 }),
    );
  }

  it('writes every row, one audit entry per batch, and reports progress', async () => {
    const { repository } = openStore();
    const phases: string[] = [];
    const summary = value(
      await repository.bulkImport('withdrawals', drafts(25), ROSA, {
        batchSize: 10,
        onProgress: (progress) => phases.push(`${progress.phase}:${progress.done}/${progress.total}`),
      }),
    );
    expect(summary).toEqual({ count: 25, auditSeqs: [1, 2, 3] });
    expect(await repository.list('withdrawals')).toHaveLength(25);
    expect(phases.filter((phase) => phase.startsWith('write'))).toEqual(['write:10/25', 'write:20/25', 'write:25/25']);
    expect(await repository.verifyAudit()).toMatchObject({ ok: true, versionsChecked: 25 });
  });

  it('writes nothing when one row is invalid, and names the row and field', async () => {
    const { repository } = openStore();
    const rows = drafts(25);
    rows[17] = createWithdrawalDraft({ periodStart: '2026-13-01' });
    const result = await repository.bulkImport('withdrawals', rows, ROSA, { batchSize: 10 });
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'store.invalid.format', params: { field: 'periodStart', row: 18, format: 'iso-datetime' } }],
    });
    expect(await repository.list('withdrawals')).toEqual([]);
    expect(await repository.monthlyTotals()).toEqual([]);
    expect((await repository.auditHead()).seq).toBe(0);
  });

  it('writes nothing when cancelled mid-way through writing', async () => {
    const { repository } = openStore();
    const controller = new AbortController();
    const result = await repository.bulkImport('withdrawals', drafts(50), ROSA, {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'write' && progress.done === 20) controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, problems: [{ code: 'store.aborted', params: {} }] });
    expect(await repository.list('withdrawals')).toEqual([]);
    expect(await repository.monthlyTotals()).toEqual([]);
    expect((await repository.auditHead()).seq).toBe(0);
  });

  it('writes nothing when cancelled after the last chunk was written', async () => {
    const { repository } = openStore();
    const controller = new AbortController();
    const result = await repository.bulkImport('withdrawals', drafts(20), ROSA, {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'write' && progress.done === 20) controller.abort();
      },
    });
    expect(result.ok).toBe(false);
    expect(await repository.list('withdrawals')).toEqual([]);
  });

  it('caps the problems reported for a file full of errors', async () => {
    const { repository } = openStore();
    const rows = Array.from({ length: 150 }, () => createWithdrawalDraft({ volumeM3: -1 }));
    const result = await repository.bulkImport('withdrawals', rows, ROSA);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toHaveLength(101);
    expect(result.problems[100]).toEqual({ code: 'store.moreProblems', params: { count: 50 } });
  });

  it('detects an imported row edited directly in the database, with the seq of its batch', async () => {
    const { repository, db } = openStore();
    value(await repository.bulkImport('withdrawals', drafts(25), ROSA, { batchSize: 10 }));
    const [victim] = await db.recordTable('withdrawals').offset(12).limit(1).toArray();
    await db.recordTable('withdrawals').update(victim?.id ?? '', { volumeM3: 1 });
    expect(await repository.verifyAudit()).toMatchObject({ ok: false, reason: 'record-mismatch', kind: 'withdrawals' });
  });

  it('keeps an imported row verifiable after it is edited', async () => {
    const { repository } = openStore();
    value(await repository.bulkImport('withdrawals', drafts(5), ROSA));
    const [first] = await repository.list('withdrawals');
    value(await repository.update('withdrawals', first?.id ?? '', { volumeM3: 7 }, ROSA, { expectedVersion: 1 }));
    expect(await repository.verifyAudit()).toMatchObject({ ok: true, versionsChecked: 6 });
    expect((await repository.history('withdrawals', first?.id ?? '')).map((entry) => entry.op)).toEqual(['import', 'update']);
  });
});

describe('DexieRepository: monthly totals', () => {
  it('adds a withdrawal to its month when created', async () => {
    const { repository } = openStore();
    value(await repository.create('withdrawals', createWithdrawalDraft({ volumeM3: 120 }), ROSA));
    value(await repository.create('withdrawals', createWithdrawalDraft({ volumeM3: 30 }), ROSA));
    expect(await repository.monthlyTotals({ intakeId: 'intake-1' })).toEqual([
      { intakeId: 'intake-1', month: '2026-03', volumeM3: 150, count: 2 },
    ]);
  });

  it('moves the volume when an update changes the period and the volume', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('withdrawals', createWithdrawalDraft({ volumeM3: 120 }), ROSA));
    value(await repository.create('withdrawals', createWithdrawalDraft({ volumeM3: 30 }), ROSA));
    value(
      await repository.update(
        'withdrawals',
        created.id,
        { periodStart: '2026-04-01T00:00:00Z', periodEnd: '2026-04-02T00:00:00Z', volumeM3: 80 },
        ROSA,
        { expectedVersion: 1 },
      ),
    );
    expect(await repository.monthlyTotals()).toEqual([
      { intakeId: 'intake-1', month: '2026-03', volumeM3: 30, count: 1 },
      { intakeId: 'intake-1', month: '2026-04', volumeM3: 80, count: 1 },
    ]);
  });

  it('removes a deleted withdrawal, and the month when it was the last one', async () => {
    const { repository } = openStore();
    const created = value(await repository.create('withdrawals', createWithdrawalDraft({ volumeM3: 120 }), ROSA));
    value(await repository.remove('withdrawals', created.id, ROSA));
    expect(await repository.monthlyTotals()).toEqual([]);
  });

  it('counts imported withdrawals', async () => {
    const { repository } = openStore();
    const rows = Array.from({ length: 30 }, () => createWithdrawalDraft({ volumeM3: 2 }));
    value(await repository.bulkImport('withdrawals', rows, ROSA, { batchSize: 7 }));
    expect(await repository.monthlyTotals({ fromMonth: '2026-03', toMonth: '2026-03' })).toEqual([
      { intakeId: 'intake-1', month: '2026-03', volumeM3: 60, count: 30 },
    ]);
  });
});

describe('DexieRepository: reads by index', () => {
  it('lists intakes of a community and withdrawals of an intake in a period', async () => {
    const { repository } = openStore();
    const intake = value(await repository.create('intakes', createIntakeDraft({ communityId: 'c-7' }), ROSA));
    value(await repository.create('intakes', createIntakeDraft({ communityId: 'c-8' }), ROSA));
    expect((await repository.listWhere('intakes', 'communityId', 'c-7')).map((row) => row.id)).toEqual([intake.id]);
    for (const day of ['01', '10', '20']) {
      value(
        await repository.create(
          'withdrawals',
          createWithdrawalDraft({ intakeId: intake.id, periodStart: `2026-03-${day}T00:00:00Z`, periodEnd: `2026-03-${day}T12:00:00Z` }),
          ROSA,
        ),
      );
    }
    const inPeriod: Withdrawal[] = await repository.withdrawalsInPeriod(intake.id, '2026-03-05T00:00:00Z', '2026-03-20T00:00:00Z');
    expect(inPeriod.map((row) => row.periodStart)).toEqual(['2026-03-10T00:00:00Z']);
    expect(await repository.listWhere('withdrawals', 'intakeId', intake.id)).toHaveLength(3);
  });

  it('reads a measurement series of one parameter at one point in time order', async () => {
    const { repository } = openStore();
    for (const [parameter, time] of [
      ['nitrate', '2026-03-03T10:00:00Z'],
      ['nitrate', '2026-03-01T10:00:00Z'],
      ['arsenic', '2026-03-02T10:00:00Z'],
    ] as const) {
      value(await repository.create('measurements', { pointId: 'p1', parameter, value: 1, unit: 'mg/L', time }, ROSA));
    }
    const series = await repository.measurementSeries('p1', 'nitrate');
    expect(series.map((row) => row.time)).toEqual(['2026-03-01T10:00:00Z', '2026-03-03T10:00:00Z']);
  });
});

describe('DexieRepository: attachments, settings and exchange digests', () => {
  it('stores an attachment’s content beside its record and gives it back', async () => {
    const { repository } = openStore();
    const content = new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/jpeg' });
    const attachment = value(
      await repository.putAttachment({ mimeType: 'image/jpeg', fileName: 'spring.jpg', sizeBytes: 0 }, content, ROSA),
    );
    expect(attachment.sizeBytes).toBe(4);
    const back = await repository.getAttachmentBlob(attachment.id);
    expect(new Uint8Array((await back?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(await repository.verifyAudit()).toMatchObject({ ok: true });
  });

  it('detects attachment content replaced outside the app', async () => {
    const { repository, db } = openStore();
    const content = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const attachment = value(await repository.putAttachment({ mimeType: 'image/png', fileName: 'a.png', sizeBytes: 3 }, content, ROSA));
    await db.attachmentBlobs.update(attachment.id, { bytes: new Uint8Array([9, 9, 9]).buffer });
    expect(await repository.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'record-mismatch' });
  });

  it('keeps settings in the meta table', async () => {
    const { repository } = openStore();
    await repository.setMeta('sampleLoaded', true);
    expect(await repository.getMeta('sampleLoaded')).toBe(true);
    expect(await repository.getMeta('missing')).toBeUndefined();
  });

  it('gives two laptops with the same records the same counts and hashes, and different ones otherwise', async () => {
    const first = openStore();
    const second = openStore();
    for (const { repository } of [first, second]) {
      value(await repository.create('communities', createCommunityDraft(), ROSA));
      value(await repository.create('withdrawals', createWithdrawalDraft(), ROSA));
    }
    const [a, b] = [await first.repository.counts(), await second.repository.counts()];
    expect(a.tables).toEqual(b.tables);
    expect(a.tables.find((table) => table.kind === 'withdrawals')).toMatchObject({ records: 1, deleted: 0 });
    const [withdrawal] = await second.repository.list('withdrawals');
    value(await second.repository.update('withdrawals', withdrawal?.id ?? '', { volumeM3: 1 }, ROSA, { expectedVersion: 1 }));
    const changed = await second.repository.counts();
    expect(changed.tables.find((table) => table.kind === 'withdrawals')?.hash).not.toBe(
      a.tables.find((table) => table.kind === 'withdrawals')?.hash,
    );
  });
});
