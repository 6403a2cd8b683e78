import type { Locale } from '../../../../src/i18n/define';
import { formatDate, formatMonth, formatNumber } from '../../../../src/i18n/format';
import { rules } from '../../../../src/i18n/messages/rules';
import type { RuleMessage } from '../../../../src/rules/finding';

/** A tiny renderer for rules messages: numbers for the locale, 'YYYY-MM' as a month, ISO dates as dates. */
export function render(locale: Locale, message: RuleMessage): string {
  const catalog = rules[locale] as Readonly<Record<string, string>>;
  const template = catalog[message.code.replace(/^rules\./, '')];
  if (template === undefined) throw new Error(`no message ${message.code}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = message.params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatNumber(value, locale, 3);
    if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value, locale);
    if (/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value)) return formatDate(value, locale);
    return value;
  });
}
