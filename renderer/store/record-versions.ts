import type { z } from 'zod';
import { canonicalJson } from '../../src/audit/canonical-json';
import type { RecordId } from '../../src/domain/ids';
import type { ReviewState } from '../../src/domain/records';
import {
  LOCATION_FIELDS,
  META_FIELDS,
  RECORD_SCHEMAS,
  type Actor,
  type Draft,
  type FieldChange,
  type Patch,
  type RecordKind,
  type RecordTypes,
  type StoreProblem,
  type StoreResult,
  type UpdateOptions,
} from '../../src/ports/repository';

/*
 * Pure rules of record versions, shared by every write path of the store: how version n+1 is built from version n,
 * who may write it, what a validation failure looks like as coded problems. No storage here, so every rule is
 * tested without a database.
 */

/** At most this many validation problems are reported; the rest are summarised by a 'store.moreProblems' problem. */
export const MAX_PROBLEMS = 100;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Turns zod issues into coded problems (field = dotted zod path), `row` added for import rows. */
export function problemsFromZod(error: z.ZodError, input: unknown, row?: number): StoreProblem[] {
  return error.issues.map((issue): StoreProblem => {
    const field = fieldPath(issue.path);
    const base: Record<string, string | number> = row === undefined ? { field } : { field, row };
    switch (issue.code) {
      case 'invalid_type':
        return valueAt(input, issue.path) === undefined
          ? { code: 'store.invalid.required', params: base }
          : { code: 'store.invalid.type', params: { ...base, expected: issue.expected } };
      case 'too_small':
        return { code: 'store.invalid.tooSmall', params: { ...base, minimum: Number(issue.minimum) } };
      case 'too_big':
        return { code: 'store.invalid.tooBig', params: { ...base, maximum: Number(issue.maximum) } };
      case 'invalid_format':
        return { code: 'store.invalid.format', params: { ...base, format: issue.message || issue.format } };
      case 'invalid_value':
        return { code: 'store.invalid.option', params: base };
      default:
        return { code: 'store.invalid.other', params: base };
    }
  });
}

/** Validates a full record version with its kind's schema; the parsed record (unknown keys dropped) or problems. */
export function validateRecord<K extends RecordKind>(kind: K, candidate: unknown, row?: number): StoreResult<RecordTypes[K]> {
  const parsed = RECORD_SCHEMAS[kind].safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: problemsFromZod(parsed.error, candidate, row) };
}

const META_FIELD_SET: ReadonlySet<string> = new Set(META_FIELDS);

/** Copies the non-meta fields; copying rather than deleting keeps objects in V8's fast mode (imports build millions). */
function withoutMeta(fields: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (!META_FIELD_SET.has(key)) copy[key] = value;
  return copy;
}

/** Version 1 of a record: the draft plus meta fields (author and device of the actor, review state 'received'). */
export function buildCreated<K extends RecordKind>(
  kind: K,
  draft: Draft<K>,
  actor: Actor,
  id: RecordId,
  at: string,
  row?: number,
): StoreResult<RecordTypes[K]> {
  const candidate = {
    ...withoutMeta(draft),
    id,
    version: 1,
    createdAt: at,
    updatedAt: at,
    author: actor.name,
    device: actor.device,
    deleted: false,
    reviewState: 'received',
  };
  return validateRecord(kind, candidate, row);
}

/** True when the actor may edit or delete the record: its author or a coordinator. */
export function canEdit(actor: Actor, record: { readonly author: string }): boolean {
  return actor.role === 'coordinator' || actor.name === record.author;
}

function refused(problem: StoreProblem): { ok: false; problems: StoreProblem[] } {
  return { ok: false, problems: [problem] };
}

/** The common checks before any new version: exists, not deleted, not stale, actor allowed. */
function checkWritable<K extends RecordKind>(
  current: RecordTypes[K] | undefined,
  actor: Actor,
  expectedVersion: number | undefined,
): StoreProblem | null {
  if (current === undefined) return { code: 'store.notFound', params: {} };
  if (current.deleted) return { code: 'store.deleted', params: {} };
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    return { code: 'store.conflict', params: { expectedVersion, currentVersion: current.version } };
  }
  if (!canEdit(actor, current)) return { code: 'store.forbidden', params: { author: current.author } };
  return null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * Version n+1 with the patch applied. Refused when the record moved on since expectedVersion (conflict), when the
 * actor is neither author nor coordinator, and when a placed location would change without moveLocation.
 */
export function buildUpdated<K extends RecordKind>(
  kind: K,
  current: RecordTypes[K] | undefined,
  patch: Patch<K>,
  actor: Actor,
  at: string,
  options: UpdateOptions,
): StoreResult<RecordTypes[K]> {
  const problem = checkWritable(current, actor, options.expectedVersion);
  if (problem !== null || current === undefined) return refused(problem ?? { code: 'store.notFound', params: {} });
  const changes = withoutMeta(patch);
  if (options.moveLocation !== true) {
    const record = current as unknown as Record<string, unknown>;
    for (const field of LOCATION_FIELDS[kind]) {
      const placed = record[field];
      if (Object.hasOwn(changes, field) && placed !== null && placed !== undefined && !sameJson(placed, changes[field])) {
        return refused({ code: 'store.locationLocked', params: { field } });
      }
    }
  }
  return validateRecord(kind, { ...current, ...changes, version: current.version + 1, updatedAt: at });
}

/** Version n+1 marked deleted; refused like an update. */
export function buildRemoved<K extends RecordKind>(
  kind: K,
  current: RecordTypes[K] | undefined,
  actor: Actor,
  at: string,
  expectedVersion?: number,
): StoreResult<RecordTypes[K]> {
  const problem = checkWritable(current, actor, expectedVersion);
  if (problem !== null || current === undefined) return refused(problem ?? { code: 'store.notFound', params: {} });
  return validateRecord(kind, { ...current, version: current.version + 1, updatedAt: at, deleted: true });
}

/** Version n+1 with a review state and comment; coordinators only. */
export function buildReviewed<K extends RecordKind>(
  kind: K,
  current: RecordTypes[K] | undefined,
  state: ReviewState,
  comment: string,
  actor: Actor,
  at: string,
): StoreResult<RecordTypes[K]> {
  if (current === undefined) return refused({ code: 'store.notFound', params: {} });
  if (current.deleted) return refused({ code: 'store.deleted', params: {} });
  if (actor.role !== 'coordinator') return refused({ code: 'store.reviewForbidden', params: {} });
  return validateRecord(kind, {
    ...current,
    version: current.version + 1,
    updatedAt: at,
    reviewState: state,
    reviewComment: comment,
  });
}

/** Top-level fields that differ between two versions (compared as canonical JSON); every field when before is null. */
export function diffFields(before: object | null, after: object): FieldChange[] {
  const previous = (before ?? {}) as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (before !== null && (field === 'version' || field === 'updatedAt')) continue;
    if (before === null || !sameJson(previous[field], next[field])) {
      changes.push({ field, before: previous[field], after: next[field] });
    }
  }
  return changes;
}
