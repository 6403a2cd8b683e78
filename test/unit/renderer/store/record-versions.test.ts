import { describe, expect, it } from 'vitest';
import {
  buildCreated,
  buildRemoved,
  buildUpdated,
  canEdit,
  diffFields,
  validateRecord,
} from '../../../../renderer/store/record-versions';
import { COORDINATOR, createIntakeDraft, JOAO, ROSA } from './store-fixtures';

const AT = '2026-03-01T08:00:00.000Z';
const LATER = '2026-03-02T08:00:00.000Z';

function createdIntake() {
  const result = buildCreated('intakes', createIntakeDraft(), ROSA, 'intake-1', AT);
  if (!result.ok) throw new Error('fixture should be valid');
  return result.value;
}

describe('record versions', () => {
  it('reports a missing required field as required, at its path', () => {
    const { name: _name, ...withoutName } = createIntakeDraft();
    const result = buildCreated('intakes', withoutName as never, ROSA, 'intake-1', AT);
    expect(result).toEqual({ ok: false, problems: [{ code: 'store.invalid.required', params: { field: 'name' } }] });
  });

  it('reports a nested value out of range with the dotted zod path', () => {
    const result = buildCreated('intakes', createIntakeDraft({ location: [-71.5, -120] }), ROSA, 'intake-1', AT);
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'store.invalid.tooSmall', params: { field: 'location.1', minimum: -90 } }],
    });
  });

  it('reports a value outside an enumeration as not one of the options', () => {
    const result = buildCreated('intakes', createIntakeDraft({ use: 'mining' as never }), ROSA, 'intake-1', AT);
    expect(result).toEqual({ ok: false, problems: [{ code: 'store.invalid.option', params: { field: 'use' } }] });
  });

  it('ignores meta fields smuggled into a draft', () => {
    const result = buildCreated('intakes', { ...createIntakeDraft(), author: 'forger', version: 9 } as never, ROSA, 'intake-1', AT);
    expect(result).toMatchObject({ ok: true, value: { author: 'Rosa Quispe', version: 1 } });
  });

  it('keeps id, author and createdAt across an update and advances version and updatedAt', () => {
    const result = buildUpdated('intakes', createdIntake(), { name: 'Nueva' }, COORDINATOR, LATER, { expectedVersion: 1 });
    expect(result).toMatchObject({
      ok: true,
      value: { id: 'intake-1', author: 'Rosa Quispe', createdAt: AT, updatedAt: LATER, version: 2, name: 'Nueva' },
    });
  });

  it('allows the author and coordinators to edit, nobody else', () => {
    const intake = createdIntake();
    expect([canEdit(ROSA, intake), canEdit(COORDINATOR, intake), canEdit(JOAO, intake)]).toEqual([true, true, false]);
  });

  it('checks the version before the permission, so a stale edit is shown as a conflict', () => {
    const result = buildRemoved('intakes', createdIntake(), JOAO, LATER, 3);
    expect(result).toEqual({ ok: false, problems: [{ code: 'store.conflict', params: { expectedVersion: 3, currentVersion: 1 } }] });
  });

  it('validates stored records with the agreement schema for agreements', () => {
    const result = validateRecord('agreements', { id: 'a1' });
    expect(result.ok).toBe(false);
  });

  it('lists the fields that changed, ignoring version and updatedAt', () => {
    const before = createdIntake();
    const after = { ...before, version: 2, updatedAt: LATER, name: 'Otra', location: [-71.4, -13.5] as [number, number] };
    expect(diffFields(before, after).map((change) => change.field)).toEqual(['location', 'name']);
  });

  it('lists every field of a first version', () => {
    expect(diffFields(null, { a: 1, b: 2 })).toEqual([
      { field: 'a', before: undefined, after: 1 },
      { field: 'b', before: undefined, after: 2 },
    ]);
  });
});
