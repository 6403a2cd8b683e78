import { canonicalJson, type JsonValue } from './canonical-json';

/*
 * The append-only audit log as a hash chain. Each entry's hash is SHA-256 (hex) over the canonical JSON of the
 * entry without its `hash` field, so it covers `prevHash` and therefore every entry before it: editing, removing
 * or reordering any entry breaks verification from that entry on. Rewriting the whole tail consistently is only
 * caught against a checkpoint (the head written into meeting minutes), which `verifyAuditChain` also checks.
 *
 * The hash function is passed in: WebCrypto in the renderer and in Node tests, so the core stays pure.
 */

/** Hashes UTF-8 text to lowercase hex SHA-256 (64 characters); WebCrypto in the renderer. */
export type HashText = (text: string) => Promise<string>;

/** What an audit entry records. `import` is one entry per import batch, not per row. */
export type AuditOp = 'create' | 'update' | 'delete' | 'review' | 'import';

/** One link of the chain; `seq` starts at 1 and increases by one; `at` is ISO 8601. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  /** Name of the person who made the change. */
  readonly actor: string;
  /** Device (laptop) the change was made on. */
  readonly device: string;
  /** Record kind (table) changed. */
  readonly kind: string;
  /** Record changed; null for an import batch, which lists its ids in `change`. */
  readonly recordId: string | null;
  /** Version written; null for an import batch (every row of a batch is version 1). */
  readonly version: number | null;
  readonly op: AuditOp;
  /** The record version written, or for an import batch its ids and the hash of its rows. */
  readonly change: JsonValue;
  /** Hash of the previous entry; GENESIS_HASH for the first. */
  readonly prevHash: string;
  readonly hash: string;
}

/** An entry before it is placed on the chain: the chain assigns seq, prevHash and hash. */
export type AuditEntryDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** Where the chain ends: the last entry's seq and hash (seq 0 and GENESIS_HASH when empty). */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** prevHash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Head of an empty chain. */
export const EMPTY_HEAD: AuditHead = { seq: 0, hash: GENESIS_HASH };

/** Why verification stopped: an entry's content changed, its link to the previous one, or seq numbers skip. */
export type AuditChainProblem = 'hash-mismatch' | 'broken-link' | 'gap' | 'checkpoint-mismatch';

/** Result of verifying a chain: its head, or the first entry that fails and why. */
export type AuditChainVerification =
  | { readonly ok: true; readonly head: AuditHead }
  | { readonly ok: false; readonly firstBadSeq: number; readonly reason: AuditChainProblem };

/** The text an entry's hash is computed over: canonical JSON of every field except `hash`. */
export function auditEntryHashText(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, device, kind, recordId, version, op, change, prevHash } = entry;
  return canonicalJson({ seq, at, actor, device, kind, recordId, version, op, change, prevHash });
}

/** Computes an entry's hash and returns the sealed entry. */
export async function sealAuditEntry(entry: Omit<AuditEntry, 'hash'>, hash: HashText): Promise<AuditEntry> {
  return { ...entry, hash: await hash(auditEntryHashText(entry)) };
}

/**
 * Places drafts on the chain after `head`, in order: assigns seq, links prevHash, seals each.
 * @example await chainAuditEntries(EMPTY_HEAD, [draft], sha256) // -> [{ seq: 1, prevHash: GENESIS_HASH, ... }]
 */
export async function chainAuditEntries(
  head: AuditHead,
  drafts: readonly AuditEntryDraft[],
  hash: HashText,
): Promise<AuditEntry[]> {
  const sealed: AuditEntry[] = [];
  let previous = head;
  for (const draft of drafts) {
    const entry = await sealAuditEntry({ ...draft, seq: previous.seq + 1, prevHash: previous.hash }, hash);
    sealed.push(entry);
    previous = entry;
  }
  return sealed;
}

/** Options of verifyAuditChain: where the given entries continue from, and heads recorded earlier (minutes). */
export interface VerifyAuditChainOptions {
  /** The head the first given entry must follow; EMPTY_HEAD (a whole chain) by default. Lets a long chain be verified page by page. */
  readonly after?: AuditHead;
  /** Heads written down earlier (e.g. in meeting minutes); the entry at each seq must still carry that hash. */
  readonly checkpoints?: readonly AuditHead[];
}

/**
 * Verifies entries in the order given: consecutive seq, each prevHash the previous hash, each hash recomputed.
 * Returns the head, or the first bad seq: 'gap' when seq skips or goes back (an entry removed or moved),
 * 'broken-link' when prevHash does not match, 'hash-mismatch' when the content was changed.
 * @example await verifyAuditChain(entries, sha256) // -> { ok: true, head: { seq: 42, hash: '9f…' } }
 */
export async function verifyAuditChain(
  entries: Iterable<AuditEntry>,
  hash: HashText,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainVerification> {
  const checkpoints = new Map((options.checkpoints ?? []).map((head) => [head.seq, head.hash]));
  let previous = options.after ?? EMPTY_HEAD;
  for (const entry of entries) {
    const expectedSeq = previous.seq + 1;
    if (entry.seq !== expectedSeq) return { ok: false, firstBadSeq: expectedSeq, reason: 'gap' };
    if (entry.prevHash !== previous.hash) return { ok: false, firstBadSeq: entry.seq, reason: 'broken-link' };
    const { hash: stored, ...unsealed } = entry;
    if ((await hash(auditEntryHashText(unsealed))) !== stored) {
      return { ok: false, firstBadSeq: entry.seq, reason: 'hash-mismatch' };
    }
    const checkpoint = checkpoints.get(entry.seq);
    if (checkpoint !== undefined && checkpoint !== stored) {
      return { ok: false, firstBadSeq: entry.seq, reason: 'checkpoint-mismatch' };
    }
    previous = { seq: entry.seq, hash: stored };
  }
  for (const [seq] of checkpoints) {
    if (seq > previous.seq) return { ok: false, firstBadSeq: previous.seq + 1, reason: 'gap' };
  }
  return { ok: true, head: previous };
}

/**
 * The text of a head as written into meeting minutes: `<seq>:<hash>`.
 * @example formatAuditCheckpoint({ seq: 12, hash: 'ab…' }) === '12:ab…'
 */
export function formatAuditCheckpoint(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

/**
 * Reads a head written by formatAuditCheckpoint; null when the text is not one.
 * @example parseAuditCheckpoint('12:' + 'a'.repeat(64)) // -> { seq: 12, hash: 'aaa…' }
 */
export function parseAuditCheckpoint(text: string): AuditHead | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  return { seq: Number(match[1]), hash: match[2] };
}

/** Hash of a batch of rows as an import audit entry records it: SHA-256 of the canonical JSON array, in the order given. */
export async function hashCanonicalRows(rows: readonly unknown[], hash: HashText): Promise<string> {
  return hash(canonicalJson(rows));
}
