import { describe, expect, it } from 'vitest';
import type { ClauseParams } from '../../../../src/domain/agreement';
import { WHO_GUIDELINES, convertGuidelineUnit, mergeGuidelines } from '../../../../src/rules/who-guidelines';
import { createBaseRecords, createMeasurement, createPoint, run, single, snapAt } from './factories';

const quality = (overrides: Partial<Extract<ClauseParams, { kind: 'water-quality' }>> = {}) =>
  single({ kind: 'water-quality', parameters: null, pointIds: null, overrides: [], ...overrides });
const sample = (parameter: string, value: number, unit: string, detectionLimit?: number) =>
  createBaseRecords({
    monitoringPoints: [createPoint('q', 'quality', snapAt('r2', 0.5), 'Escuela')],
    measurements: [createMeasurement('m1', 'q', parameter, value, unit, '2026-03-10T09:00:00Z', detectionLimit)],
  });

describe('water-quality limit (WHO table)', () => {
  it.each([
    ['just under', 0.0099, 0],
    ['at', 0.01, 0],
    ['just over', 0.0101, 1],
  ])('arsenic %s 0.01 mg/L gives %i findings', (_label, value, expected) => {
    expect(run(quality(), sample('arsenic', value, 'mg/L'))).toHaveLength(expected);
  });

  it('converts micrograms to the table unit before comparing', () => {
    const [finding] = run(quality(), sample('arsenic', 10.1, 'ug/L'));
    expect(finding?.conditions[0]).toMatchObject({ fact: 'arsenic', operator: 'greaterThan', limit: 0.01, unit: 'mg/L' });
  });

  it('finds any E. coli in 100 mL', () => {
    expect(run(quality(), sample('ecoli', 1, 'CFU/100mL'))).toHaveLength(1);
  });

  it('accepts E. coli not detected', () => {
    expect(run(quality(), sample('ecoli', 0, 'CFU/100mL'))).toEqual([]);
  });

  it('reads a value below the detection limit as not detected', () => {
    expect(run(quality(), sample('arsenic', 0.02, 'mg/L', 0.05))).toEqual([]);
  });

  it('finds a pH below the lower bound', () => {
    const [finding] = run(quality(), sample('ph', 6.4, 'pH'));
    expect(finding?.conditions[0]).toMatchObject({ operator: 'lessThan', observed: 6.4, limit: 6.5 });
  });

  it('applies the committee override of the clause over the table', () => {
    const national = quality({ overrides: [{ parameter: 'arsenic', unit: 'mg/L', maxValue: 0.05, minValue: null }] });
    expect(run(national, sample('arsenic', 0.0101, 'mg/L'))).toEqual([]);
  });

  it('applies a national table merged over the WHO one', () => {
    const guidelines = mergeGuidelines(WHO_GUIDELINES, { name: 'Norma nacional', entries: { arsenic: { unit: 'mg/L', maxValue: 0.05, minValue: null, basis: 'NTP', health: true } } });
    expect(run(quality(), sample('arsenic', 0.0101, 'mg/L'), { guidelines })).toEqual([]);
  });

  it('keeps each parameter at a point as its own finding', () => {
    const [finding] = run(quality(), sample('nitrate', 51, 'mg/L'));
    expect(finding?.id).toBe('acuerdo/c3|point:q:nitrate|2026-03');
  });

  it('converts only between units of one quantity', () => {
    expect(convertGuidelineUnit(1, 'NTU', 'mg/L')).toBeNull();
  });
});
