import { describe, expect, it } from 'vitest';
import who from '../../../../data/guidelines/who-drinking-water.json';
import colombia from '../../../../data/guidelines/colombia-res-2115-2007.json';
import { WHO_GUIDELINES } from '../../../../src/rules/who-guidelines';
import {
  GuidelineFileSchema,
  assessSample,
  guidelineTableOf,
  isExceedance,
  NationalStandardSchema,
  tableInForce,
} from '../../../../src/field/guidelines';

const whoTable = guidelineTableOf(GuidelineFileSchema.parse(who));

describe('guideline tables in data/guidelines', () => {
  it('the WHO file and the rules engine table hold the same values (one source of truth, checked)', () => {
    expect(whoTable).toEqual(WHO_GUIDELINES);
  });

  it('every WHO entry says where in the document its value comes from', () => {
    const file = GuidelineFileSchema.parse(who);
    expect(Object.entries(file.entries).filter(([, entry]) => !entry.reference).map(([key]) => key)).toEqual([]);
  });

  it('the Colombian standard reads as a national override with stricter nitrate, turbidity and mercury', () => {
    const national = guidelineTableOf(GuidelineFileSchema.parse(colombia));
    expect(NationalStandardSchema.safeParse(national).success).toBe(true);
    const inForce = tableInForce(whoTable, national);
    expect(inForce.entries['nitrate']?.maxValue).toBe(10);
    expect(inForce.entries['turbidity']?.maxValue).toBe(2);
    expect(inForce.entries['mercury']?.maxValue).toBe(0.001);
    // Parameters the national standard does not list keep the WHO value.
    expect(inForce.entries['uranium']?.maxValue).toBe(0.03);
  });

  it('falls back to WHO when the stored override is missing or broken', () => {
    expect(tableInForce(whoTable, undefined)).toBe(whoTable);
    expect(tableInForce(whoTable, { name: 'x', entries: { arsenic: { unit: 'mg/L', maxValue: -1 } } })).toBe(whoTable);
  });
});

describe('a sample against the guideline', () => {
  it('walks the boundary: under, at and over the maximum', () => {
    expect(assessSample({ parameter: 'nitrate', value: 49.9, unit: 'mg/L' }, whoTable).status).toBe('within');
    expect(assessSample({ parameter: 'nitrate', value: 50, unit: 'mg/L' }, whoTable).status).toBe('within');
    expect(assessSample({ parameter: 'nitrate', value: 50.1, unit: 'mg/L' }, whoTable).status).toBe('above');
  });

  it('converts µg/L to the guideline unit before comparing', () => {
    const result = assessSample({ parameter: 'arsenic', value: 12, unit: 'ug/L' }, whoTable);
    expect(result.status).toBe('above');
    expect(result.status === 'above' && result.value).toBeCloseTo(0.012, 9);
  });

  it('flags pH below the minimum of its range', () => {
    expect(assessSample({ parameter: 'ph', value: 6.2, unit: 'pH' }, whoTable).status).toBe('below');
    expect(isExceedance(assessSample({ parameter: 'ph', value: 6.2, unit: 'pH' }, whoTable))).toBe(true);
  });

  it('treats a value under the detection limit as not detected, not as an exceedance', () => {
    const result = assessSample({ parameter: 'ecoli', value: 0.5, unit: 'CFU/100mL', detectionLimit: 1 }, whoTable);
    expect(result.status).toBe('not-detected');
    expect(isExceedance(result)).toBe(false);
    expect(assessSample({ parameter: 'ecoli', value: 3, unit: 'CFU/100mL', detectionLimit: 1 }, whoTable).status).toBe('above');
  });

  it('says so when the unit cannot be compared, and when there is no guideline (discharge)', () => {
    expect(assessSample({ parameter: 'nitrate', value: 5, unit: 'NTU' }, whoTable).status).toBe('unit-mismatch');
    expect(assessSample({ parameter: 'discharge', value: 5, unit: 'm3/s' }, whoTable).status).toBe('no-guideline');
  });
});
