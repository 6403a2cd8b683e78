import { type Locale, LOCALES } from './define';
import { formatNumber, formatDate } from './format';
import { CATALOGS, type MessageKey } from './catalog';

/** A parameter value of a message: numbers and ISO dates are formatted for the locale. */
export type MessageParam = string | number | boolean | null | undefined;
/** Parameters of a message, by placeholder name. */
export type MessageParams = Readonly<Record<string, MessageParam>>;
/** A message to show later: its key and parameters (what src/ returns instead of English strings). */
export interface CodedMessage {
  readonly code: string;
  readonly params?: MessageParams;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Decimals a number in a sentence needs: one from 10 up, two from 1 up, and below 1 enough for two significant
 * digits (0,012 mg/L must not read as its limit 0,01), at most six.
 */
function fractionDigitsFor(value: number): number {
  const magnitude = Math.abs(value);
  if (Number.isInteger(value)) return 0;
  if (magnitude >= 10) return 1;
  if (magnitude >= 1) return 2;
  return Math.min(6, Math.max(2, Math.ceil(-Math.log10(magnitude)) + 1));
}

/**
 * A number as sentences print it, with the decimals `fractionDigitsFor` gives.
 * @example formatMessageNumber(0.012, 'es') === '0,012'
 */
export function formatMessageNumber(value: number, locale: Locale): string {
  return formatNumber(value, locale, fractionDigitsFor(value));
}

function formatParam(value: MessageParam, locale: Locale): string {
  if (typeof value === 'number') return formatMessageNumber(value, locale);
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(value, locale);
  if (value === null || value === undefined) return '';
  return String(value);
}

/** True when `key` names a message of the catalogs. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS.en, key);
}

/**
 * Renders message `key` in `locale` with its `{placeholders}` filled; a `{count}` parameter picks the `_one` or
 * `_other` variant by the locale's plural rule. An unknown key renders as the key itself, so it shows up in review.
 * @example translate('es', 'app.title') === 'Cuenca en Común'
 */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const catalog = CATALOGS[locale] as Readonly<Record<string, string>>;
  let template: string | undefined;
  if (typeof params['count'] === 'number') {
    const rule = new Intl.PluralRules(locale).select(params['count']);
    template = catalog[`${key}_${rule === 'one' ? 'one' : 'other'}`];
  }
  template ??= catalog[key];
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? formatParam(params[name], locale) : whole,
  );
}

/** Renders a coded message (what src/ modules return for errors and findings). */
export function translateMessage(locale: Locale, message: CodedMessage): string {
  return translate(locale, message.code, message.params);
}

/**
 * Picks the shipped locale closest to a system locale tag (e.g. 'pt-PT' -> 'pt-BR', 'es-CO' -> 'es'); Spanish
 * when nothing matches, since most of the committees speak it.
 * @example matchLocale('pt-PT') === 'pt-BR'
 */
export function matchLocale(tag: string | undefined | null): Locale {
  const lower = (tag ?? '').toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('en')) return 'en';
  return 'es';
}
