import { describe, expect, it } from 'vitest';
import { matchLocale, translate } from '../../../../src/i18n/translate';
import { decimalSeparatorOf, formatDate, formatMonth, formatNumber, formatQuantity } from '../../../../src/i18n/format';

describe('translate', () => {
  it('renders the message of the locale', () => {
    expect(translate('es', 'app.title')).toBe('Cuenca en Común');
    expect(translate('pt-BR', 'app.title')).toBe('Bacia em Comum');
    expect(translate('en', 'app.title')).toBe('Watershed Commons');
  });

  it('picks the plural form from the count and formats it for the locale', () => {
    expect(translate('es', 'app.status.ready', { count: 1 })).toBe('1 tramo de río');
    expect(translate('es', 'app.status.ready', { count: 12345 })).toBe('12.345 tramos de río');
    expect(translate('en', 'app.status.ready', { count: 12345 })).toBe('12,345 river reaches');
  });

  it('shows an unknown key as itself so it is seen in review', () => {
    expect(translate('es', 'app.noSuchKey')).toBe('app.noSuchKey');
  });
});

describe('locale matching', () => {
  it('maps system locales to the shipped languages, Spanish by default', () => {
    expect(matchLocale('es-CO')).toBe('es');
    expect(matchLocale('pt-PT')).toBe('pt-BR');
    expect(matchLocale('pt-BR')).toBe('pt-BR');
    expect(matchLocale('en-US')).toBe('en');
    expect(matchLocale('qu-PE')).toBe('es');
    expect(matchLocale(undefined)).toBe('es');
  });
});

describe('formatting per locale', () => {
  it('uses a decimal comma in Spanish and Portuguese, a point in English', () => {
    expect(formatNumber(1240.5, 'pt-BR')).toBe('1.240,5');
    expect(formatNumber(12400.5, 'es')).toBe('12.400,5');
    expect(formatNumber(1240.5, 'en')).toBe('1,240.5');
    expect(decimalSeparatorOf('es')).toBe(',');
    expect(decimalSeparatorOf('pt-BR')).toBe(',');
    expect(decimalSeparatorOf('en')).toBe('.');
  });

  it('writes dates day first in Spanish and Portuguese', () => {
    expect(formatDate('2026-03-05', 'es')).toBe('5/3/26');
    expect(formatDate('2026-03-05', 'pt-BR')).toBe('05/03/2026');
    expect(formatDate('2026-03-05', 'en')).toBe('3/5/26');
    expect(formatMonth('2026-03', 'es')).toBe('marzo de 2026');
    expect(formatMonth('2026-03', 'pt-BR')).toBe('março de 2026');
  });

  it('joins quantity and unit with a non-breaking space', () => {
    expect(formatQuantity(1240, 'm3', 'es')).toBe('1240\u00a0m³');
    expect(formatQuantity(12400, 'm3', 'es')).toBe('12.400\u00a0m³');
  });
});

describe('numbers in sentences', () => {
  it('keep two significant digits below one, so a value just over its limit never reads as the limit', () => {
    const render = translate;
    const key = 'app.status.records';
    expect(render('es', key, { communities: 0.012, intakes: 0.0005, withdrawals: 1240.55 })).toBe(
      '0,012 comunidades · 0,0005 tomas · 1240,6 extracciones',
    );
    expect(render('en', key, { communities: 2.345, intakes: 10, withdrawals: 0.5 })).toBe(
      '2.35 communities · 10 intakes · 0.5 withdrawals',
    );
  });
});
