import type { Locale } from '../../../src/i18n/define';
import { decimalSeparatorOf } from '../../../src/i18n/format';
import { parseLocaleNumber } from '../../../src/io/number-parse';
import { toCanonicalUnit, volumeM3FromRate, type UnitId } from '../../../src/domain/units';
import type { Draft } from '../../../src/ports/repository';
import type { CodedMessage } from '../../../src/i18n/translate';

/*
 * What the forms type, read into drafts: numbers as the user's language writes them (a decimal comma in Spanish
 * and Portuguese), dates at the basin's clock, units converted. Every refusal is a coded message in the
 * `registers.form.` catalog, keyed by the field it belongs to, so the form shows it beside that field.
 */

/** Largest volume one withdrawal record may carry, m3 (a month of 1 m3/s is 2.6 million m3). */
export const MAX_WITHDRAWAL_M3 = 5_000_000;
/** Largest steady rate a committee intake can take, L/s (no rural intake comes near 20 m3/s). */
export const MAX_RATE_LPS = 20_000;

/** Problems of a form, by field name. */
export type FormErrors = Readonly<Record<string, CodedMessage>>;

/** A number read from what the user typed, or the message saying why it is not one. */
export type NumberRead =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: CodedMessage };

/**
 * Reads a number typed in a form in the user's language: '1.234,5' and '12,5' in Spanish, '1,234.5' in English.
 * A number written with the other separator ('12.5' in Spanish) is still read when it cannot mean anything else.
 */
export function readFormNumber(textValue: string, locale: Locale): NumberRead {
  const decimal = decimalSeparatorOf(locale);
  const trimmed = textValue.trim();
  if (trimmed === '') return { ok: false, error: { code: 'registers.form.required' } };
  const parsed = parseLocaleNumber(trimmed, decimal);
  if (parsed.ok) return { ok: true, value: parsed.value };
  // '12.5' typed on a Spanish keyboard's numeric pad: one point followed by other than three digits is a decimal.
  if (parsed.code === 'io.number.separatorMismatch' && /^[+-]?\d+[.,]\d{1,2}$|^[+-]?\d+[.,]\d{4,}$/.test(trimmed)) {
    return { ok: true, value: Number(trimmed.replace(',', '.')) };
  }
  const code = parsed.code === 'io.number.hasUnit' ? 'registers.form.numberHasUnit' : 'registers.form.notNumber';
  return { ok: false, error: { code, params: { value: trimmed, example: decimal === ',' ? '1.234,5' : '1,234.5' } } };
}

/** Formats a UTC offset in minutes as ISO text: -300 -> '-05:00'. */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar day of an ISO date-time at the basin's clock ('2026-03-01T04:00Z' at -300 -> '2026-02-29'). */
export function localDay(iso: string, offsetMinutes: number): string {
  if (iso.length === 10) return iso;
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** What the withdrawal form holds, as typed. */
export interface WithdrawalFormValues {
  readonly intakeId: string;
  /** Calendar days, 'YYYY-MM-DD', inclusive. */
  readonly startDay: string;
  readonly endDay: string;
  readonly quantity: 'volume' | 'rate';
  readonly amount: string;
  readonly unit: UnitId;
  /** Hours the rate was held (rate only). */
  readonly hours: string;
  readonly method: 'meter' | 'estimate';
  readonly reporter: string;
}

/** A withdrawal draft read from the form, or the problems by field. */
export type WithdrawalRead =
  { readonly ok: true; readonly draft: Draft<'withdrawals'> } | { readonly ok: false; readonly errors: FormErrors };

/**
 * Reads the withdrawal form: the period runs from 00:00 of the first day to 23:59 of the last, at the basin's
 * offset; a rate in L/s (or m3/h, m3/s) held for the hours given becomes a volume in m3. Negative, empty and
 * absurd values are refused.
 */
export function readWithdrawalForm(
  values: WithdrawalFormValues,
  locale: Locale,
  offsetMinutes: number,
): WithdrawalRead {
  const errors: Record<string, CodedMessage> = {};
  if (!values.intakeId) errors['intakeId'] = { code: 'registers.form.chooseIntake' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.startDay)) errors['startDay'] = { code: 'registers.form.required' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.endDay)) errors['endDay'] = { code: 'registers.form.required' };
  else if (values.startDay && values.endDay < values.startDay)
    errors['endDay'] = { code: 'registers.form.endBeforeStart' };
  const zone = offsetText(offsetMinutes);
  const periodStart = `${values.startDay}T00:00:00${zone}`;
  const periodEnd = `${values.endDay}T23:59:00${zone}`;

  const amount = readFormNumber(values.amount, locale);
  let volumeM3 = Number.NaN;
  if (!amount.ok) errors['amount'] = amount.error;
  else if (amount.value < 0) errors['amount'] = { code: 'registers.form.negative' };
  else if (values.quantity === 'volume') {
    volumeM3 = toCanonicalUnit(amount.value, values.unit);
    if (volumeM3 > MAX_WITHDRAWAL_M3)
      errors['amount'] = { code: 'registers.form.volumeTooLarge', params: { max: MAX_WITHDRAWAL_M3 } };
  } else {
    const rateLps = toCanonicalUnit(amount.value, values.unit);
    if (rateLps > MAX_RATE_LPS)
      errors['amount'] = { code: 'registers.form.rateTooLarge', params: { max: MAX_RATE_LPS } };
    const hours = readFormNumber(values.hours, locale);
    const periodHours = (Date.parse(periodEnd) - Date.parse(periodStart)) / 3_600_000;
    if (!hours.ok) errors['hours'] = hours.error;
    else if (hours.value <= 0) errors['hours'] = { code: 'registers.form.notPositive' };
    else if (Number.isFinite(periodHours) && hours.value > Math.ceil(periodHours)) {
      errors['hours'] = { code: 'registers.form.hoursTooMany', params: { max: Math.ceil(periodHours) } };
    } else volumeM3 = volumeM3FromRate(rateLps, hours.value * 3600);
    if (Number.isFinite(volumeM3) && volumeM3 > MAX_WITHDRAWAL_M3 && errors['amount'] === undefined) {
      errors['amount'] = { code: 'registers.form.volumeTooLarge', params: { max: MAX_WITHDRAWAL_M3 } };
    }
  }
  if (values.reporter.length > 200) errors['reporter'] = { code: 'registers.form.tooLong', params: { max: 200 } };
  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      intakeId: values.intakeId,
      periodStart,
      periodEnd,
      volumeM3,
      entered: { quantity: values.quantity, value: amount.value, unit: values.unit },
      method: values.method,
      reporter: values.reporter.trim(),
    },
  };
}

/** What the community form holds, as typed. */
export interface CommunityFormValues {
  readonly name: string;
  readonly population: string;
  readonly populationWomen: string;
  readonly contacts: string;
}

/** Reads the community form (the territory is kept as it was; a new community has none until one is imported). */
export function readCommunityForm(
  values: CommunityFormValues,
  locale: Locale,
):
  | { readonly ok: true; readonly fields: Omit<Draft<'communities'>, 'territory'> }
  | { readonly ok: false; readonly errors: FormErrors } {
  const errors: Record<string, CodedMessage> = {};
  const name = values.name.trim();
  if (name === '') errors['name'] = { code: 'registers.form.required' };
  else if (name.length > 200) errors['name'] = { code: 'registers.form.tooLong', params: { max: 200 } };
  const count = (field: string, textValue: string, required: boolean): number | undefined => {
    if (textValue.trim() === '' && !required) return undefined;
    const read = readFormNumber(textValue, locale);
    if (!read.ok) errors[field] = read.error;
    else if (read.value < 0) errors[field] = { code: 'registers.form.negative' };
    else if (!Number.isInteger(read.value)) errors[field] = { code: 'registers.form.wholeNumber' };
    else if (read.value > 10_000_000) errors[field] = { code: 'registers.form.populationTooLarge' };
    else return read.value;
    return undefined;
  };
  const population = count('population', values.population, true);
  const populationWomen = count('populationWomen', values.populationWomen, false);
  if (population !== undefined && populationWomen !== undefined && populationWomen > population) {
    errors['populationWomen'] = { code: 'registers.form.womenAbovePopulation' };
  }
  if (values.contacts.length > 2000) errors['contacts'] = { code: 'registers.form.tooLong', params: { max: 2000 } };
  if (Object.keys(errors).length > 0 || population === undefined) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name,
      population,
      contacts: values.contacts.trim(),
      ...(populationWomen === undefined ? {} : { populationWomen }),
    },
  };
}
