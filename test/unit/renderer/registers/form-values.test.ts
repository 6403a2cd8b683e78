import { describe, expect, it } from 'vitest';
import {
  readCommunityForm,
  readFormNumber,
  readWithdrawalForm,
  type WithdrawalFormValues,
} from '../../../../renderer/features/registers/form-values';

const FORM: WithdrawalFormValues = Object.freeze({
  intakeId: 'intake-1',
  startDay: '2026-03-01',
  endDay: '2026-03-07',
  quantity: 'volume',
  amount: '1.234,5',
  unit: 'm3',
  hours: '',
  method: 'meter',
  reporter: ' Rosa Quispe ',
});

describe('withdrawal form', () => {
  it('reads numbers with the decimal comma of Spanish and Portuguese, and the point of English', () => {
    expect(readFormNumber('1.234,5', 'es')).toEqual({ ok: true, value: 1234.5 });
    expect(readFormNumber('12,75', 'pt-BR')).toEqual({ ok: true, value: 12.75 });
    expect(readFormNumber('1,234.5', 'en')).toEqual({ ok: true, value: 1234.5 });
    // A point typed on the numeric pad is still a decimal when it cannot be a thousands separator.
    expect(readFormNumber('12.5', 'es')).toEqual({ ok: true, value: 12.5 });
    expect(readFormNumber('doce', 'es')).toMatchObject({ ok: false, error: { code: 'registers.form.notNumber' } });
    expect(readFormNumber('12 m3', 'es')).toMatchObject({ ok: false, error: { code: 'registers.form.numberHasUnit' } });
  });

  it('makes a draft with the period at the basin’s clock and the volume as entered', () => {
    const read = readWithdrawalForm(FORM, 'es', -300);
    expect(read).toEqual({
      ok: true,
      draft: {
        intakeId: 'intake-1',
        periodStart: '2026-03-01T00:00:00-05:00',
        periodEnd: '2026-03-07T23:59:00-05:00',
        volumeM3: 1234.5,
        entered: { quantity: 'volume', value: 1234.5, unit: 'm3' },
        method: 'meter',
        reporter: 'Rosa Quispe',
      },
    });
  });

  it('turns a rate in L/s held for some hours into m3', () => {
    const read = readWithdrawalForm({ ...FORM, quantity: 'rate', amount: '2,5', unit: 'L/s', hours: '10' }, 'es', -300);
    expect(read.ok && read.draft.volumeM3).toBe(90);
    expect(read.ok && read.draft.entered).toEqual({ quantity: 'rate', value: 2.5, unit: 'L/s' });
  });

  it('refuses negative, absurd and impossible values, each beside its field', () => {
    expect(readWithdrawalForm({ ...FORM, amount: '-5' }, 'es', -300)).toEqual({
      ok: false,
      errors: { amount: { code: 'registers.form.negative' } },
    });
    expect(readWithdrawalForm({ ...FORM, amount: '9.000.000' }, 'es', -300)).toMatchObject({
      ok: false,
      errors: { amount: { code: 'registers.form.volumeTooLarge' } },
    });
    expect(
      readWithdrawalForm({ ...FORM, quantity: 'rate', unit: 'L/s', amount: '5', hours: '200' }, 'es', -300),
    ).toMatchObject({
      ok: false,
      errors: { hours: { code: 'registers.form.hoursTooMany', params: { max: 168 } } },
    });
    expect(readWithdrawalForm({ ...FORM, intakeId: '', endDay: '2026-02-01' }, 'es', -300)).toMatchObject({
      ok: false,
      errors: { intakeId: { code: 'registers.form.chooseIntake' }, endDay: { code: 'registers.form.endBeforeStart' } },
    });
  });
});

describe('community form', () => {
  it('reads population as a whole number, women optional and not above it', () => {
    expect(
      readCommunityForm({ name: ' El Silencio ', population: '1.250', populationWomen: '', contacts: '' }, 'es'),
    ).toEqual({
      ok: true,
      fields: { name: 'El Silencio', population: 1250, contacts: '' },
    });
    expect(
      readCommunityForm({ name: 'X', population: '100', populationWomen: '120', contacts: '' }, 'es'),
    ).toMatchObject({
      ok: false,
      errors: { populationWomen: { code: 'registers.form.womenAbovePopulation' } },
    });
    expect(readCommunityForm({ name: '', population: '2,5', populationWomen: '', contacts: '' }, 'es')).toMatchObject({
      ok: false,
      errors: { name: { code: 'registers.form.required' }, population: { code: 'registers.form.wholeNumber' } },
    });
  });
});
