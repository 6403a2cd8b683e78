import { describe, expect, it } from 'vitest';
import {
  chainAuditEntries,
  EMPTY_HEAD,
  formatAuditCheckpoint,
  GENESIS_HASH,
  parseAuditCheckpoint,
  verifyAuditChain,
  type AuditEntry,
  type AuditEntryDraft,
} from '../../../../src/audit/chain';

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function draft(index: number): AuditEntryDraft {
  return {
    at: `2026-03-0${index}T10:00:00Z`,
    actor: 'Rosa Quispe',
    device: 'laptop-1',
    kind: 'withdrawals',
    recordId: `w${index}`,
    version: 1,
    op: 'create',
    change: { record: { id: `w${index}`, volumeM3: 100 * index } },
  };
}

async function chainOf(count: number): Promise<AuditEntry[]> {
  return chainAuditEntries(EMPTY_HEAD, Array.from({ length: count }, (_, index) => draft(index + 1)), sha256);
}

describe('audit chain', () => {
  it('numbers entries from 1 and links the first to the genesis hash', async () => {
    const entries = await chainOf(3);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
  });

  it('verifies an untouched chain and returns its head', async () => {
    const entries = await chainOf(4);
    expect(await verifyAuditChain(entries, sha256)).toEqual({ ok: true, head: { seq: 4, hash: entries[3]?.hash } });
  });

  it('verifies an empty chain to the empty head', async () => {
    expect(await verifyAuditChain([], sha256)).toEqual({ ok: true, head: EMPTY_HEAD });
  });

  it('finds a tampered field at its seq', async () => {
    const entries = await chainOf(4);
    const tampered = entries.map((entry) =>
      entry.seq === 2 ? { ...entry, change: { record: { id: 'w2', volumeM3: 1 } } } : entry,
    );
    expect(await verifyAuditChain(tampered, sha256)).toEqual({ ok: false, firstBadSeq: 2, reason: 'hash-mismatch' });
  });

  it('finds a changed actor even though the change itself is intact', async () => {
    const entries = await chainOf(3);
    const tampered = entries.map((entry) => (entry.seq === 3 ? { ...entry, actor: 'someone else' } : entry));
    expect(await verifyAuditChain(tampered, sha256)).toEqual({ ok: false, firstBadSeq: 3, reason: 'hash-mismatch' });
  });

  it('finds a deleted entry as a gap', async () => {
    const entries = await chainOf(4);
    const withoutSecond = entries.filter((entry) => entry.seq !== 2);
    expect(await verifyAuditChain(withoutSecond, sha256)).toEqual({ ok: false, firstBadSeq: 2, reason: 'gap' });
  });

  it('finds a deleted entry whose followers were renumbered as a broken link', async () => {
    const entries = await chainOf(4);
    const renumbered = entries
      .filter((entry) => entry.seq !== 2)
      .map((entry) => (entry.seq > 2 ? { ...entry, seq: entry.seq - 1 } : entry));
    expect(await verifyAuditChain(renumbered, sha256)).toEqual({ ok: false, firstBadSeq: 2, reason: 'broken-link' });
  });

  it('finds reordered entries', async () => {
    const entries = await chainOf(4);
    const reordered = [entries[0], entries[2], entries[1], entries[3]] as AuditEntry[];
    expect(await verifyAuditChain(reordered, sha256)).toEqual({ ok: false, firstBadSeq: 2, reason: 'gap' });
  });

  it('finds a tail rewritten consistently against a checkpoint from the minutes', async () => {
    const entries = await chainOf(3);
    const checkpoint = { seq: 2, hash: entries[1]?.hash ?? '' };
    const rewritten = await chainAuditEntries(EMPTY_HEAD, [draft(1), { ...draft(2), actor: 'forger' }, draft(3)], sha256);
    expect(await verifyAuditChain(rewritten, sha256, { checkpoints: [checkpoint] })).toEqual({
      ok: false,
      firstBadSeq: 2,
      reason: 'checkpoint-mismatch',
    });
  });

  it('finds a chain cut short before a checkpoint', async () => {
    const entries = await chainOf(3);
    const checkpoint = { seq: 3, hash: entries[2]?.hash ?? '' };
    expect(await verifyAuditChain(entries.slice(0, 2), sha256, { checkpoints: [checkpoint] })).toEqual({
      ok: false,
      firstBadSeq: 3,
      reason: 'gap',
    });
  });

  it('verifies a long chain page by page from a known head', async () => {
    const entries = await chainOf(5);
    const first = await verifyAuditChain(entries.slice(0, 2), sha256);
    if (!first.ok) throw new Error('first page should verify');
    expect(await verifyAuditChain(entries.slice(2), sha256, { after: first.head })).toEqual({
      ok: true,
      head: { seq: 5, hash: entries[4]?.hash },
    });
  });

  it('round-trips a checkpoint through the text written in minutes', async () => {
    const [entry] = await chainOf(1);
    const head = { seq: 1, hash: entry?.hash ?? '' };
    expect(parseAuditCheckpoint(formatAuditCheckpoint(head))).toEqual(head);
    expect(parseAuditCheckpoint('not a checkpoint')).toBeNull();
  });
});
